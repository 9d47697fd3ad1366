"""The journal's settings file (`mentorlog.toml`): read and validated, through
the derived cache when it has not changed; or written new."""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from mentorlog.errors import JournalIOError, LinkError

from . import cache, tomlfile
from .paths import SETTINGS_FILE, use_cache
from .reader import read_toml, relative
from .validation import validate

if TYPE_CHECKING:
    from mentorlog.models import Settings

CACHE_FILE = "settings.json"


class Entry(NamedTuple):
    """The settings' entry in `.cache/settings.json` (a JSON list): the file's
    key when it was read, and the settings as a row."""

    key: list[int]
    row: list[Any]


def read(root: Path, warn: Callable[[str], None]) -> Settings:
    """The settings (the defaults when there is no file, or a link: `warn` is
    told, and every write is refused)."""
    from mentorlog.models import Settings

    path = root / SETTINGS_FILE
    try:
        info = os.stat(path, follow_symlinks=False)
    except FileNotFoundError:
        return Settings()
    except OSError as error:
        raise JournalIOError(path, error, action="read") from error
    if stat.S_ISLNK(info.st_mode):
        # never read: the defaults stand in, and every write is refused
        warn(str(LinkError(SETTINGS_FILE)))
        return Settings()
    key = cache.key_of(info)
    found = cached(root, key)
    if found is not None:
        return found
    text, data = read_toml(root, path)
    settings = validate(Settings, data, text, relative(root, path))
    row = cache.encode(settings)
    if use_cache() and row is not None and cache.settled(key):
        cache.write_cache(
            root / cache.FOLDER / CACHE_FILE, {SETTINGS_FILE: list(Entry(key, row))}
        )
    return settings


def cached(root: Path, key: list[int]) -> Settings | None:
    """The settings as validated when the file last had this `key`."""
    from mentorlog.models import Settings

    if not use_cache():
        return None
    hit: Any = cache.read_cache(root / cache.FOLDER / CACHE_FILE).get(SETTINGS_FILE)
    with contextlib.suppress(KeyError, TypeError, ValueError, IndexError):
        entry = Entry(*hit)
        if entry.key == key:
            settings: Settings = cache.decoder(Settings)(entry.row)
            return settings
    return None


def new_text(name: str | None) -> str:
    """A new journal's settings file, commented."""
    from mentorlog.models import SCHEMA_VERSION

    lines = [
        "# mentorlog settings. Edit freely: comments and extra keys are kept.",
        f"schema_version = {SCHEMA_VERSION}",
    ]
    if name:
        lines.append(f"name = {tomlfile.dumps({'n': name})[4:].strip()}")
    lines += [
        "# Meeting times are in the system's time zone unless you name one:",
        '# timezone = "Europe/Paris"',
        "",
        "# Targets the checklist measures you against.",
        "[targets]",
        "goals_min = 3  # active goals with target dates, at least...",
        "goals_max = 5  # ...and at most",
        "resources_between_sessions = 2  # readings, courses, events",
        "review_period_days = 90  # review the relationship this often",
        "",
        "# How meetings go into a calendar (export --format ics).",
        "[calendar]",
        "duration = 60  # minutes, for a meeting planned without --for",
        "reminder = 15  # minutes before a timed meeting; 0: no reminder",
        "",
    ]
    return "\n".join(lines)
