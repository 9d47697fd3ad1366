"""A change to the journal, all or nothing: the lock held across
read-modify-write, the undo log that puts every file back if the change fails
(or the process dies), the git commit that records it, and the migration of a
journal an older release wrote. The journal is created on first use; a
journal written by a newer release is refused."""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from mentorlog.errors import (
    DataError,
    JournalIOError,
    LinkError,
    MentorlogError,
    NewerJournalError,
    SyncStoppedError,
)
from mentorlog.hints import hint
from mentorlog.messages import NotCommitted, NotCommittedMidSync, SyncNotUndone
from mentorlog.messages import errors as e

from . import cache, fs, migrate, settings, tomlfile, undo
from .atomic import ensure_dir, refuse_in_the_way, remove_stale_temps
from .lock import JournalLock
from .paths import LOCK_FILE, SETTINGS_FILE
from .reader import read_toml

if TYPE_CHECKING:
    from mentorlog.messages import Message
    from mentorlog.models import Settings


# How many changes this process saved, and how many failed: a run that saved
# one, and had none fail, never reports failure because its confirmation
# could not be printed (`entry.run`).
SAVED = [0]
FAILED = [0]


class Host(migrate.Writable, Protocol):
    """What a transaction needs of the journal it changes (`Journal`)."""

    warnings: list[str | Message]
    purpose: str | None  # the command, for the git commit message
    recovered: int
    migrated: migrate.Migrated | None

    def exists(self) -> bool: ...

    def settings(self) -> Settings: ...

    def forget(self) -> None:
        """Drop the records read so far: a read-modify-write starts from disk."""


class Changes:
    """The write side of one journal: its lock, the undo log of the change
    under way and the files it wrote."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.lock = JournalLock(root / LOCK_FILE)
        self.undo: undo.UndoLog | None = None
        self.written: list[Path] = []
        self._checked_version = False
        self._stopped_checked = False  # once per change: see refuse_while_sync_stopped
        self._sync_checked = False  # an interrupted sync: looked for once

    def record(self, path: Path) -> None:
        """`path` is about to be written: the undo log keeps what it held."""
        assert self.lock.held, "writes happen inside Journal.transaction()"
        if self.undo is not None:
            self.undo.record(path)

    def refuse_while_sync_stopped(self, path: Path) -> None:
        """A git journal whose sync stopped on a conflict takes no change: an
        abort would wipe it. Checked before the first byte of a change is
        written; this machine's own state (drafts, cache) and the files git
        names as conflicted (mending them is how the sync is finished) may be
        written."""
        if self._stopped_checked:
            return
        from . import gitsync

        operation = gitsync.stopped(self.root)
        if operation is None:
            self._stopped_checked = True
            return
        rel = path.relative_to(self.root).as_posix()
        if rel.split("/")[0] in gitsync.LOCAL_STATE:
            return
        if rel in gitsync.conflicted(self.root):
            return
        raise SyncStoppedError(
            e.SyncOpenNotWritten(
                gitsync.what_is_open(self.root, operation),
                gitsync.how_to_finish(self.root, operation),
            )
        )

    def needs_repair(self, host: Host) -> bool:
        """Whether a reader must first take the lock: a crash left a change
        half done, or an older release wrote this journal."""
        return not self.lock.held and (
            (self.root / undo.UNDO_FILE).exists()
            or self._needs_migration(host)
            or (not self._sync_checked and _rebase_open(self.root))
        )

    @contextmanager
    def hold(self, host: Host) -> Iterator[None]:
        """Hold the lock; create the journal if needed; refuse newer journals;
        undo the change if it fails, else commit it (to git too)."""
        root = self.root
        refuse_in_the_way(root, journal=True)
        first_new = _first_missing_folder(root)
        ensure_dir(root, private_from=root)
        try:
            with self.lock:
                if self.lock.depth > 1:
                    yield
                    return
                with self._change(host):
                    yield
        except BaseException:
            if first_new is not None and not host.exists():
                _remove_empty_folders(root, first_new)
            raise

    @contextmanager
    def _change(self, host: Host) -> Iterator[None]:
        """The change itself, the lock held (outermost transaction only)."""
        from mentorlog.models import SCHEMA_VERSION

        host.forget()
        host.recovered += undo.recover(self.root, warn=host.warnings.append)
        if not self._sync_checked:
            self._sync_checked = True
            _recover_sync(host)
        log = self.undo = undo.UndoLog(self.root)
        self._stopped_checked = False
        try:
            self._check_writable(host, SCHEMA_VERSION)  # may migrate: undoable
            _clean_temps(self.root)
            yield
        except BaseException:
            FAILED[0] += 1
            host.forget()
            self.written = []
            # If even the rollback fails (the disk is gone), the log stays and
            # the next command finishes it; the first error is the one to report.
            with contextlib.suppress(OSError, MentorlogError):
                log.rollback()
            raise
        else:
            try:
                log.commit()
            except BaseException:
                FAILED[0] += 1  # the next command puts the files back
                raise
            written, self.written = self.written, []
            if written:
                SAVED[0] += 1
            _commit_to_git(host, written)
        finally:
            self.undo = None

    def _check_writable(self, host: Host, supported: int) -> None:
        path = self.root / SETTINGS_FILE
        try:
            info = os.stat(path, follow_symlinks=False)
        except FileNotFoundError:
            return
        except OSError as error:
            raise JournalIOError(path, error, action="read") from error
        if stat.S_ISLNK(info.st_mode):
            raise LinkError(SETTINGS_FILE, writing=SETTINGS_FILE)
        found = settings.cached(self.root, cache.key_of(info))
        version: Any
        if found is not None:
            text, version = "", found.schema_version  # checked when it was read
        else:
            text, data = read_toml(self.root, path)
            version = data.get("schema_version", 1)
        if not isinstance(version, int) or isinstance(version, bool) or version < 1:
            line = tomlfile.line_of(text, ["schema_version"])
            raise DataError(SETTINGS_FILE, line, e.SchemaNotWhole())
        if version > supported:
            raise NewerJournalError(e.NewerJournal(SETTINGS_FILE, version, supported))
        if version < supported:
            host.migrated = migrate.migrate(host, version, supported)

    def _needs_migration(self, host: Host) -> bool:
        """Whether the journal's schema is older than this release's (once)."""
        if self._checked_version:
            return False
        self._checked_version = True
        from mentorlog.models import SCHEMA_VERSION

        try:
            version: Any = host.settings().schema_version  # cached when unchanged
        except (DataError, JournalIOError):
            # settings an older release wrote may not read as today's do
            try:
                _, data = read_toml(self.root, self.root / SETTINGS_FILE)
            except (DataError, JournalIOError):
                return False
            version = data.get("schema_version", SCHEMA_VERSION)
        return isinstance(version, int) and 0 < version < SCHEMA_VERSION


def _rebase_open(root: Path) -> bool:
    return os.path.lexists(root / ".git" / "rebase-merge") or os.path.lexists(
        root / ".git" / "rebase-apply"
    )


def _recover_sync(host: Host) -> None:
    """A sync killed while it rebased is undone before anything else (see
    `gitrecover.recover_sync`); the lock is held, so its writer is gone."""
    if not (host.root / ".git").is_dir():
        return
    from . import gitrecover

    try:
        recovered: Message | None = gitrecover.recover_sync(host.root)
    except MentorlogError as error:
        recovered = SyncNotUndone(error.message)
    if recovered is not None:
        host.warnings.append(recovered)


def _commit_to_git(host: Host, written: list[Path]) -> None:
    """In a git journal, every change is a commit saying what changed. The
    change is saved either way: a failing git is a warning, not an error."""
    root = host.root
    from . import gitrun, gitsync

    if not written or not gitrun.is_repo(root):
        return

    names = sorted(
        name for name in {host.relative(p) for p in written} if not name.startswith(".")
    )
    if not names:
        return
    if gitsync.in_progress(root) or gitsync.conflicted(root):
        host.warnings.append(NotCommittedMidSync(hint("sync")))
        return
    shown = ", ".join(names[:4]) + (
        f" and {len(names) - 4} more" if len(names) > 4 else ""
    )
    message = f"{host.purpose or 'mentorlog'}: {shown}"
    try:
        said = gitsync.ensure_identity(root)
        if said:
            host.warnings.append(said)
        change = (host.purpose or "").removeprefix("mentorlog").strip()
        gitsync.commit_all(root, message, change=change or None)
    except MentorlogError as error:
        host.warnings.append(NotCommitted(error.message))


def _first_missing_folder(root: Path) -> Path | None:
    """The outermost folder of the journal's path that does not exist yet."""
    missing = None
    for folder in (root, *root.parents):
        if folder.exists():
            break
        missing = folder
    return missing


def _remove_empty_folders(root: Path, top: Path) -> None:
    """Undo the folders a failed first command created: leave no trace."""
    with contextlib.suppress(OSError):
        (root / LOCK_FILE).unlink()
        for folder in sorted(root.rglob("*"), reverse=True):
            folder.rmdir()
        folder = root
        while True:
            folder.rmdir()
            if folder == top:
                break
            folder = folder.parent


def _clean_temps(root: Path) -> None:
    remove_stale_temps(root)
    try:
        entries = fs.listdir(root, "")
    except (OSError, MentorlogError):
        return
    for name, mode in entries:
        if stat.S_ISDIR(mode):  # a link to a folder is not looked into
            remove_stale_temps(root / name, root=root)
