"""Where a journal lives, and the fixed names inside it."""

from __future__ import annotations

import os
import sys
from pathlib import Path

SETTINGS_FILE = "mentorlog.toml"
LOCK_FILE = ".lock"
TEMPLATES = "templates"
AGENDA_TEMPLATE = "agenda.md"


def default_location() -> Path:
    """The platform's user data folder for mentorlog."""
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / "mentorlog"
    if os.name == "nt":
        base = os.environ.get("APPDATA") or str(Path.home() / "AppData" / "Roaming")
        return Path(base) / "mentorlog"
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "mentorlog"


def locate(option: str | None) -> Path:
    """`--journal`, else `MENTORLOG_HOME`, else the platform's data folder."""
    chosen = option or os.environ.get("MENTORLOG_HOME") or None
    path = Path(chosen).expanduser() if chosen else default_location()
    return Path(os.path.abspath(path))


def relative_choice(option: str | None) -> tuple[str, str] | None:
    """Where the journal's path came from and what it said, when that was a
    relative path (it depends on the current folder), else None."""
    if option:
        source, chosen = "--journal", option
    else:
        source, chosen = "MENTORLOG_HOME", os.environ.get("MENTORLOG_HOME") or ""
    if not chosen or Path(chosen).expanduser().is_absolute():
        return None
    return source, chosen


def use_cache() -> bool:
    """Whether the derived cache (`store.cache`) is used: `MENTORLOG_NO_CACHE=1`
    turns it off."""
    return os.environ.get("MENTORLOG_NO_CACHE") != "1"
