"""Where the store lives: `--db`, else the `db` setting, else the user's data directory."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from ..settings import Settings

DB_NAME = "newsaudit.db"


def default_db_path(environ: Mapping[str, str] | None = None) -> Path:
    """$XDG_DATA_HOME/newsaudit/newsaudit.db, else ~/.local/share/newsaudit/newsaudit.db."""
    env = os.environ if environ is None else environ
    base = env.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "newsaudit" / DB_NAME


def db_path(
    settings: Settings, option: str | None = None, environ: Mapping[str, str] | None = None
) -> Path:
    """The store's path: the `--db` option, the `db` setting, or the default."""
    chosen = option or settings.db
    return Path(chosen).expanduser() if chosen else default_db_path(environ)
