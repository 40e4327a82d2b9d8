"""Where the demo's generated staff passwords are kept between runs (var/, mode 0600).

One ``role:username:password`` line per account; the admin comes first.
"""

from __future__ import annotations

from pathlib import Path

from django.conf import settings


def credentials_path() -> Path:
    return Path(settings.DATA_DIR) / "demo-admin-credentials.txt"


def read_all_demo_credentials() -> dict[str, tuple[str, str]]:
    """``{role: (username, password)}`` for the demo's staff accounts, empty before a load."""
    path = credentials_path()
    if not path.exists():
        return {}
    accounts = {}
    for line in path.read_text().splitlines():
        role, _, rest = line.partition(":")
        username, _, password = rest.partition(":")
        if role and username and password:
            accounts[role] = (username, password)
    return accounts


def read_demo_credentials() -> tuple[str, str] | None:
    """The demo admin's username and password, or None before the demo is loaded."""
    return read_all_demo_credentials().get("admin")


def write_demo_credentials(accounts: dict[str, tuple[str, str]]) -> None:
    path = credentials_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.touch(mode=0o600, exist_ok=True)
    path.chmod(0o600)
    lines = [f"{role}:{username}:{password}" for role, (username, password) in accounts.items()]
    path.write_text("\n".join(lines) + "\n")
