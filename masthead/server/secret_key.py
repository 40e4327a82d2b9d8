"""The demo's own secret key: made at random on first start, kept in the data folder (mode 0600).

A key published in the source would let anyone sign newsletter links for any reader, so no
installation runs on one; production must pass SECRET_KEY instead (settings refuse otherwise).
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path


def installation_secret_key(data_dir: Path) -> str:
    """The key stored under ``data_dir``, created the first time it is asked for."""
    path = data_dir / "secret-key.txt"
    try:
        # O_EXCL: of two processes starting at once, one writes the key and both read it.
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        pass
    else:
        with os.fdopen(fd, "w") as file:
            file.write(secrets.token_urlsafe(64) + "\n")
    key = path.read_text().strip()
    if len(key) < 50:
        # A half-written file from a crash: replace it rather than run on a weak key.
        path.unlink()
        return installation_secret_key(data_dir)
    return key
