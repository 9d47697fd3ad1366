"""Schema migrations: a journal written by an older release is brought up to
date once, all or nothing, after a backup.

A migration is a function from schema version N to N+1 that rewrites files
through `Journal.write_text` (so the undo log covers it). `migrate` runs every
step from the journal's version to the current one inside one transaction:
if any step fails, every file is put back. The backup — a copy of every file
as it was — is kept in `.backups/` inside the journal, private like the rest.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Protocol

from mentorlog._struct import struct
from mentorlog.errors import JournalIOError, MentorlogError

BACKUPS = ".backups"
PARTIAL = ".partial"  # a backup being written: renamed without it when whole
SKIP = {".cache", BACKUPS, ".lock", ".undo"}


class Writable(Protocol):
    """What a migration needs of a journal (`Journal`, in a transaction)."""

    @property
    def root(self) -> Path: ...

    @property
    def settings_path(self) -> Path: ...

    def relative(self, path: Path) -> str: ...

    def read_bytes(self, path: Path) -> bytes: ...

    def read_text(self, path: Path) -> str: ...

    def write_text(self, path: Path, text: str) -> None: ...


# version N -> the function that takes a journal from N to N+1
MIGRATIONS: dict[int, Callable[[Writable], None]] = {}


@struct(frozen=True)
class Migrated:
    old: int
    new: int
    backup: Path


def backup(journal: Writable, version: int) -> Path:
    """A private copy of every file of the journal, before it changes. Like
    every write, it follows no link: a `.backups` that came from another
    device as a link to a folder of yours is refused, not written into.

    The copy is made in `.backups/<name>.<pid>-<random>.partial` and renamed
    to `.backups/<name>` once whole: a folder of `.backups` without the
    suffix is a complete backup; a kill leaves at most one `.partial` folder
    (`doctor` names it). A name already taken (a retry within the same
    second) gets `-2`, `-3`... ."""
    from . import fs

    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    name = f"schema-{version}-{stamp}"
    partial = f"{name}.{os.getpid()}-{os.urandom(3).hex()}{PARTIAL}"
    rel = f"{BACKUPS}/{partial}"
    target = journal.root / BACKUPS / name
    try:
        os.close(fs.open_folder(journal.root, rel, create=True, writing=rel))
        for source in sorted(journal.root.rglob("*")):  # links not descended
            relative = source.relative_to(journal.root)
            if relative.parts[0] in SKIP or source.name.endswith(".tmp"):
                continue
            if source.is_symlink():  # never followed: the copy would hold the target
                continue
            copy = f"{rel}/{relative.as_posix()}"
            if source.is_dir():
                os.close(fs.open_folder(journal.root, copy, create=True, writing=copy))
            else:
                data = fs.read_bytes(journal.root, relative.as_posix())
                fs.write_bytes(journal.root, copy, data)  # synced: it is the backup
        folder = fs.open_folder(journal.root, BACKUPS)
        try:
            target = _rename_whole(folder, partial, name, journal.root / BACKUPS)
            os.fsync(folder)
        finally:
            os.close(folder)
    except OSError as error:
        raise JournalIOError(target, error, action="back up the journal to") from error
    return target


def _rename_whole(folder: int, partial: str, name: str, where: Path) -> Path:
    """Rename the whole copy `partial` to `name`, or `name-2`, `name-3`... when
    taken (never over a backup: renaming onto a folder that holds files fails)."""
    import errno

    for attempt in range(1, 1000):
        final = name if attempt == 1 else f"{name}-{attempt}"
        if _exists(folder, final):
            continue
        try:
            os.rename(partial, final, src_dir_fd=folder, dst_dir_fd=folder)
        except OSError as error:
            if error.errno in (errno.EEXIST, errno.ENOTEMPTY):
                continue
            raise
        return where / final
    raise FileExistsError(errno.EEXIST, "no free backup name", str(where / name))


def _exists(folder: int, name: str) -> bool:
    try:
        os.stat(name, dir_fd=folder, follow_symlinks=False)
    except FileNotFoundError:
        return False
    return True


def partial_backups(root: Path) -> list[str]:
    """The backups a killed migration left unfinished (`.backups/*.partial`)."""
    from . import fs

    try:
        entries = fs.listdir(root, BACKUPS)
    except (OSError, MentorlogError):
        return []
    return sorted(f"{BACKUPS}/{name}" for name, _ in entries if name.endswith(PARTIAL))


def migrate(journal: Writable, version: int, current: int) -> Migrated:
    """Run the migrations from `version` to `current` (the lock is held)."""
    missing = [v for v in range(version, current) if v not in MIGRATIONS]
    if missing:
        raise JournalIOError(
            journal.settings_path,
            OSError(0, f"no migration from schema_version {missing[0]}"),
            action="migrate",
        )
    saved = backup(journal, version)
    for step in range(version, current):
        MIGRATIONS[step](journal)
    from . import tomlfile

    text = journal.read_text(journal.settings_path)
    data = tomlfile.loads(text, journal.relative(journal.settings_path))
    journal.write_text(
        journal.settings_path,
        tomlfile.rewrite(text, data, {**data, "schema_version": current}),
    )
    return Migrated(version, current, saved)
