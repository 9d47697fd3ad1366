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
from .reader import read_record_bytes, relative
from .validation import validate

if TYPE_CHECKING:
    from mentorlog.models import Settings

CACHE_FILE = "settings.json"


class Entry(NamedTuple):
    """The settings' entry in `.cache/settings.json` (a JSON list): the file's
    key when it was read, the settings as a row, and the digest of the file's
    bytes."""

    key: list[int]
    row: list[Any]
    digest: str


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
    relpath = relative(root, path)
    raw = read_record_bytes(root, path)
    hashed = cache.digest(raw)
    entry = _entry(root)
    settings: Settings | None = None
    if entry is not None and entry.digest == hashed:
        # touched, not changed (a pull, a checkout): no parse, no validation
        with contextlib.suppress(KeyError, TypeError, ValueError, IndexError):
            settings = cache.decoder(Settings)(entry.row)
    if settings is None:
        text = tomlfile.decode(raw, relpath)
        data = tomlfile.loads(text, relpath)
        settings = validate(Settings, data, text, relpath)
    row = cache.encode(settings)
    if use_cache() and row is not None and cache.settled(key):
        made = Entry(key, row, hashed)
        if made != entry:
            cache.write_cache(
                root / cache.FOLDER / CACHE_FILE, {SETTINGS_FILE: list(made)}
            )
    return settings


def _entry(root: Path) -> Entry | None:
    """The settings' cache entry, if there is one of the right shape."""
    if not use_cache():
        return None
    hit: Any = cache.read_cache(root / cache.FOLDER / CACHE_FILE).get(SETTINGS_FILE)
    with contextlib.suppress(TypeError, ValueError):
        entry = Entry(*hit)
        if isinstance(entry.digest, str) and isinstance(entry.key, list):
            return entry
    return None


def cached(root: Path, key: list[int]) -> Settings | None:
    """The settings as validated when the file last had this `key`."""
    from mentorlog.models import Settings

    entry = _entry(root)
    if entry is None or entry.key != key:
        return None
    with contextlib.suppress(KeyError, TypeError, ValueError, IndexError):
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
