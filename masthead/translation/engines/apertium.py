"""Apertium, the rule-based engine from Debian packages (``apertium-eng-spa`` and friends)."""

from __future__ import annotations

import shutil
import subprocess
from functools import cached_property

from . import Engine, EngineError, EngineUnavailable

# Apertium names languages in ISO 639-3; Masthead uses the two-letter codes.
ISO3_TO_MASTHEAD = {
    "eng": "en",
    "spa": "es",
    "cat": "ca",
    "glg": "gl",
    "por": "pt",
    "fra": "fr",
    "ita": "it",
    "oci": "oc",
    "eus": "eu",
    "nob": "nb",
    "nno": "nn",
    "swe": "sv",
    "dan": "da",
    "ron": "ro",
    "epo": "eo",
    "arg": "an",
    "ast": "ast",
    "cym": "cy",
    "bre": "br",
    "isl": "is",
    "mkd": "mk",
    "bul": "bg",
    "hbs": "sr",
    "slv": "sl",
    "ukr": "uk",
    "rus": "ru",
    "bel": "be",
    "kaz": "kk",
    "tat": "tt",
    "urd": "ur",
    "hin": "hi",
    "afr": "af",
    "nld": "nl",
    "deu": "de",
    "mlt": "mt",
    "srd": "sc",
}
# Debian packages that bring a language within reach of English, directly or through Spanish
# or Catalan (the pivots); the modes each installs were checked with ``apertium -l``.
DEBIAN_PACKAGES: dict[str, tuple[str, ...]] = {
    "es": ("apertium-eng-spa",),  # eng-spa
    "ca": ("apertium-eng-cat",),  # eng-cat
    "gl": ("apertium-en-gl",),  # en-gl
    "eo": ("apertium-eo-en",),  # en-eo
    "it": ("apertium-eng-spa", "apertium-spa-ita"),  # spa-ita (also apertium-cat-ita: cat-ita)
    "pt": ("apertium-eng-spa", "apertium-es-pt"),  # es-pt
    "fr": ("apertium-eng-spa", "apertium-fr-es"),  # es-fr
    "oc": ("apertium-eng-spa", "apertium-oc-es"),  # es-oc
    "ast": ("apertium-eng-spa", "apertium-spa-ast"),  # spa-ast
    "an": ("apertium-eng-spa", "apertium-spa-arg"),  # spa-arg
    "sc": ("apertium-eng-cat", "apertium-cat-srd"),  # cat-srd
}
MASTHEAD_TO_ISO3 = {two: three for three, two in ISO3_TO_MASTHEAD.items()}
TIMEOUT_SECONDS = 300


class ApertiumEngine(Engine):
    name = "apertium"
    label = "Apertium"
    install_hint = "apt-get install apertium apertium-eng-spa apertium-eng-cat"

    @cached_property
    def binary(self) -> str | None:
        return shutil.which("apertium")

    def is_available(self) -> bool:
        return self.binary is not None

    def pair_hint(self, source: str, target: str) -> str:
        """The Debian packages that reach ``target`` from English (through a pivot if need be);
        "" when Debian has none, so nobody is sent after a package that does not exist."""
        packages = DEBIAN_PACKAGES.get(target)
        if packages is None or source != "en":
            return ""
        return "apt-get install " + " ".join(packages)

    def reach_hint(self, source: str, target: str) -> str:
        return self.pair_hint(source, target)

    @cached_property
    def modes(self) -> dict[tuple[str, str], str]:
        """Installed pairs and the mode that runs each, from ``apertium -l``."""
        if not self.is_available():
            return {}
        listing = subprocess.run(  # noqa: S603 - fixed arguments
            [self.binary, "-l"], capture_output=True, text=True, timeout=30, check=False
        ).stdout
        found: dict[tuple[str, str], str] = {}
        for mode in listing.split():
            parts = mode.split("-")
            # Variants such as eng-cat_valencia are left to explicit configuration.
            # Older pairs name languages with two letters (en-gl, es-pt), newer ones with three.
            codes = [ISO3_TO_MASTHEAD.get(part, part) for part in parts]
            if len(codes) == 2 and all(code in MASTHEAD_TO_ISO3 for code in codes):
                found[(codes[0], codes[1])] = mode
        return found

    def supported_pairs(self) -> set[tuple[str, str]]:
        return set(self.modes)

    def _run(self, mode: str, text: str) -> str:
        try:
            result = subprocess.run(  # noqa: S603 - the mode comes from apertium's own list
                [self.binary, "-u", mode],
                input=text,
                capture_output=True,
                text=True,
                timeout=TIMEOUT_SECONDS,
                check=False,
            )
        except subprocess.TimeoutExpired:
            raise EngineError(f"Apertium {mode} took longer than {TIMEOUT_SECONDS} s.") from None
        if result.returncode != 0:
            raise EngineError(f"Apertium {mode} failed: {result.stderr.strip()[:200]}")
        return result.stdout

    def translate_batch(self, segments: list[str], source: str, target: str) -> list[str]:
        mode = self.modes.get((source, target))
        if mode is None:
            raise EngineUnavailable(self.pair_hint(source, target))
        if not segments:
            return []
        # One process for the whole batch, segments apart by a blank line: on single newlines
        # Apertium reads on across lines ("North Africa\nWater\nRivers" came back reordered).
        lines = [" ".join(segment.split()) for segment in segments]
        output = self._run(mode, "\n\n".join(lines) + "\n").strip("\n").split("\n\n")
        if len(output) == len(lines):
            return [line.strip() for line in output]
        return [self._run(mode, line + "\n").strip() for line in lines]
