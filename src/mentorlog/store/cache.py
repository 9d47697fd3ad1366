"""A derived cache of parsed records, so a read-only command does not re-parse
thousands of TOML files it parsed last time.

It is never the source of truth: each entry is keyed by the file's inode,
modification time (ns) and size, so a file changed in any way — by the tool,
an editor, git or a sync tool — is read again. Writers never use it (a
read-modify-write under the lock always reads the files themselves). A cache
that is missing, corrupt, from another version or unwritable is ignored and
rebuilt. It lives in `.cache/` inside the journal, 0600 like everything else.
"""

from __future__ import annotations

import contextlib
import json
import os
import time
from pathlib import Path
from typing import Any

from .atomic import DIR_MODE, FILE_MODE, temp_name

VERSION = 1
FOLDER = ".cache"

Key = list[int]


SETTLE_NS = 2_000_000_000


def key_of(stat: os.stat_result) -> Key:
    return [stat.st_ino, stat.st_mtime_ns, stat.st_size]


def settled(key: Key) -> bool:
    """Whether a file is old enough to cache. File times are coarse (a few ms):
    a file written again within that tick, in place and to the same size, would
    keep its key. Caching only files unchanged for two seconds rules that out
    (git calls this the "racy clean" problem)."""
    return time.time_ns() - key[1] >= SETTLE_NS


def read_cache(path: Path) -> dict[str, Any]:
    """Entries by file name, or nothing when the cache cannot be trusted."""
    try:
        data = json.loads(path.read_bytes())
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("version") != VERSION:
        return {}
    entries = data.get("entries")
    return entries if isinstance(entries, dict) else {}


def write_cache(path: Path, entries: dict[str, Any]) -> None:
    """Best effort: a cache that cannot be written only costs time next run.
    Atomic (rename) so a reader never sees half a cache; no fsync, because a
    cache lost in a crash is simply rebuilt."""
    with contextlib.suppress(OSError):
        folder = path.parent
        if not folder.is_dir():
            folder.mkdir(mode=DIR_MODE)
            os.chmod(folder, DIR_MODE)
        tmp = temp_name(path)
        fd = os.open(
            tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, FILE_MODE
        )
        try:
            os.fchmod(fd, FILE_MODE)
            payload = json.dumps(
                {"version": VERSION, "entries": entries},
                separators=(",", ":"),
                ensure_ascii=False,
            )
            os.write(fd, payload.encode("utf-8"))
        finally:
            os.close(fd)
        try:
            os.replace(tmp, path)
        except OSError:
            tmp.unlink()
            raise
