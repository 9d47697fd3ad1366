"""Where a journal lives, and the fixed names inside it."""

from __future__ import annotations

import os
import sys
from pathlib import Path

SETTINGS_FILE = "mentorlog.toml"
LOCK_FILE = ".lock"
TEMPLATES = "templates"
AGENDA_TEMPLATE = "agenda.md"


def expand(text: str) -> Path:
    """`text` as a path, a leading `~` or `~user` expanded. A user this system
    does not know, or a home folder it cannot find, is the user's error (one
    line), never a traceback (`Path.expanduser` raises `RuntimeError`)."""
    try:
        return Path(text).expanduser()
    except RuntimeError:
        from mentorlog.errors import UserError
        from mentorlog.messages import errors as e

        head = text.split("/", 1)[0].split(os.sep, 1)[0]
        if head == "~":
            raise UserError(e.HomeUnknown(text)) from None
        raise UserError(e.NoSuchUser(text, head)) from None


def under_home(variable: str, *parts: str) -> Path:
    """The folder the environment `variable` names, else `parts` below the
    user's home folder (`expand`: one line when it cannot be found)."""
    named = os.environ.get(variable)
    return Path(named) if named else expand("~").joinpath(*parts)


def default_location() -> Path:
    """The platform's user data folder for mentorlog."""
    if sys.platform == "darwin":
        return expand("~") / "Library" / "Application Support" / "mentorlog"
    if os.name == "nt":
        return under_home("APPDATA", "AppData", "Roaming") / "mentorlog"
    return under_home("XDG_DATA_HOME", ".local", "share") / "mentorlog"


def locate(option: str | None) -> Path:
    """`--journal`, else `MENTORLOG_HOME`, else the platform's data folder."""
    chosen = option or os.environ.get("MENTORLOG_HOME") or None
    path = expand(chosen) if chosen else default_location()
    return Path(os.path.abspath(path))


def relative_choice(option: str | None) -> tuple[str, str] | None:
    """Where the journal's path came from and what it said, when that was a
    relative path (it depends on the current folder), else None."""
    if option:
        source, chosen = "--journal", option
    else:
        source, chosen = "MENTORLOG_HOME", os.environ.get("MENTORLOG_HOME") or ""
    if not chosen or expand(chosen).is_absolute():
        return None
    return source, chosen


def use_cache() -> bool:
    """Whether the derived cache (`store.cache`) is used: `MENTORLOG_NO_CACHE=1`
    turns it off."""
    return os.environ.get("MENTORLOG_NO_CACHE") != "1"
