"""Schema migrations: a journal written by an older release is brought up to
date once, all or nothing, after a backup.

A migration is a function from schema version N to N+1 that rewrites files
through `Journal.write_text` (so the undo log covers it). `migrate` runs every
step from the journal's version to the current one inside one transaction:
if any step fails, every file is put back. The backup — a copy of every file
as it was — is kept in `.backups/` inside the journal, private like the rest.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Protocol

from mentorlog._struct import struct
from mentorlog.errors import JournalIOError

from .atomic import DIR_MODE, FILE_MODE

BACKUPS = ".backups"
SKIP = {".cache", BACKUPS, ".lock", ".undo"}


class Writable(Protocol):
    """What a migration needs of a journal (`Journal`, in a transaction)."""

    @property
    def root(self) -> Path: ...

    @property
    def settings_path(self) -> Path: ...

    def relative(self, path: Path) -> str: ...

    def read_bytes(self, path: Path) -> bytes: ...

    def write_text(self, path: Path, text: str) -> None: ...


# version N -> the function that takes a journal from N to N+1
MIGRATIONS: dict[int, Callable[[Writable], None]] = {}


@struct(frozen=True)
class Migrated:
    old: int
    new: int
    backup: Path


def backup(journal: Writable, version: int) -> Path:
    """A private copy of every file of the journal, before it changes."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = journal.root / BACKUPS / f"schema-{version}-{stamp}"
    try:
        target.mkdir(parents=True, mode=DIR_MODE)
        for folder in (target.parent, target):
            folder.chmod(DIR_MODE)
        for source in sorted(journal.root.rglob("*")):
            relative = source.relative_to(journal.root)
            if relative.parts[0] in SKIP or source.name.endswith(".tmp"):
                continue
            if source.is_symlink():  # never followed: the copy would hold the target
                continue
            destination = target / relative
            if source.is_dir():
                destination.mkdir(mode=DIR_MODE, exist_ok=True)
                destination.chmod(DIR_MODE)
            else:
                shutil.copyfile(source, destination)
                destination.chmod(FILE_MODE)
    except OSError as error:
        raise JournalIOError(target, error, action="back up the journal to") from error
    return target


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

    text = journal.read_bytes(journal.settings_path).decode("utf-8")
    data = tomlfile.loads(text, journal.relative(journal.settings_path))
    journal.write_text(
        journal.settings_path,
        tomlfile.rewrite(text, data, {**data, "schema_version": current}),
    )
    return Migrated(version, current, saved)
