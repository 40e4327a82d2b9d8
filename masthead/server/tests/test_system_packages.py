"""`make demo` and `make test` install the Debian packages when they can and never stop the build
when they cannot; tests needing a missing package skip naming it, except under CI."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from masthead.conftest import require_system_package

SCRIPT = Path(__file__).resolve().parents[3] / "scripts" / "system-packages"


def fake_command(folder: Path, name: str, script: str) -> None:
    path = folder / name
    path.write_text(f"#!/bin/sh\n{script}\n")
    path.chmod(0o755)


def run_as_ordinary_user(
    tmp_path: Path, installed: bool, **env: str
) -> subprocess.CompletedProcess:
    """The script on a machine where we are not root and have no sudo: `id` and `dpkg-query`
    answer as such a machine's would; nothing else is on PATH but the shell's basics."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    fake_command(bin_dir, "id", "echo 1000")
    status = "install ok installed" if installed else "unknown ok not-installed"
    fake_command(bin_dir, "dpkg-query", f"printf '{status}'")
    for tool in ("grep", "dirname", "printf", "cat"):
        if (Path("/usr/bin") / tool).exists():
            (bin_dir / tool).symlink_to(Path("/usr/bin") / tool)
        elif (Path("/bin") / tool).exists():
            (bin_dir / tool).symlink_to(Path("/bin") / tool)
    environment = {"PATH": str(bin_dir), **env}
    return subprocess.run(
        ["/bin/sh", str(SCRIPT)], env=environment, capture_output=True, text=True, timeout=30
    )


def test_without_root_or_sudo_it_prints_the_one_command_and_goes_on(tmp_path):
    result = run_as_ordinary_user(tmp_path, installed=False)

    assert result.returncode == 0, result.stderr
    packages = [
        line.strip()
        for line in (SCRIPT.parents[1] / ".ci" / "debian-packages.txt").read_text().splitlines()
        if line.strip() and not line.startswith("#")
    ]
    assert f"sudo apt-get install -y --no-install-recommends {' '.join(packages)}" in result.stdout
    assert "Going on without them" in result.stdout


def test_under_ci_a_package_it_cannot_install_stops_the_build(tmp_path):
    result = run_as_ordinary_user(tmp_path, installed=False, CI="1")

    assert result.returncode == 1
    assert "sudo apt-get install" in result.stdout


def test_nothing_is_done_or_said_when_everything_is_installed(tmp_path):
    result = run_as_ordinary_user(tmp_path, installed=True, CI="1")

    assert result.returncode == 0
    assert result.stdout == ""


def test_a_missing_package_skips_naming_it_outside_ci(monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match=r"apt-get install apertium"):
        require_system_package(False, "Apertium", "apertium")


def test_a_missing_package_fails_under_ci(monkeypatch):
    monkeypatch.setenv("CI", "1")
    with pytest.raises(pytest.fail.Exception, match=r"apt-get install apertium"):
        require_system_package(False, "Apertium", "apertium")
