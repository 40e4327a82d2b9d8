"""Where the demo's generated admin credentials are kept between runs (var/, mode 0600)."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings


def credentials_path() -> Path:
    return Path(settings.DATA_DIR) / "demo-admin-credentials.txt"


def read_demo_credentials() -> tuple[str, str] | None:
    path = credentials_path()
    if not path.exists():
        return None
    username, _, password = path.read_text().strip().partition(":")
    return (username, password) if username and password else None


def write_demo_credentials(username: str, password: str) -> None:
    path = credentials_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.touch(mode=0o600, exist_ok=True)
    path.write_text(f"{username}:{password}\n")
