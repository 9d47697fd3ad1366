"""The journal: one folder of files, one file per record; `Journal` is what the
core works with. Its rooms are modules of their own:

- `paths`: where a journal lives, and its fixed names;
- `records`: `Kind`, `Stored`, `Loaded`, `Problem`;
- `reader`: reading a file, or every record of a kind (cache or file);
- `settings`: the settings file, through the cache;
- `transaction`: the lock, the undo log, git commits and migrations;
- `refs`: which record a reference names.

Every write goes through `Journal.transaction()`, which holds the journal lock
across read-modify-write, creates the journal on first use, and refuses to
write to a journal made by a newer release.
"""

from __future__ import annotations

import contextlib
import errno
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from mentorlog.errors import DataError, JournalIOError, LinkError, MentorlogError
from mentorlog.messages import errors as e

from . import conflicts, fs, reader, refs, settings, tomlfile, undo
from .atomic import ensure_dir, is_temp
from .ids import random_part
from .migrate import Migrated
from .paths import (
    AGENDA_TEMPLATE,
    LOCK_FILE,
    SETTINGS_FILE,
    TEMPLATES,
    default_location,
    locate,
    use_cache,
)
from .records import Kind, Loaded, Problem, Stored, duplicate_message, record_data
from .refs import match_ref
from .slugs import inside, slugify
from .transaction import Changes
from .validation import check_before_writing, describe, validate, validation_problem

if TYPE_CHECKING:
    from mentorlog.messages import Message
    from mentorlog.models import Record, Settings

__all__ = [  # what `mentorlog.store.journal` has always offered
    "AGENDA_TEMPLATE",
    "LOCK_FILE",
    "SETTINGS_FILE",
    "TEMPLATES",
    "Journal",
    "Kind",
    "Loaded",
    "Problem",
    "Stored",
    "default_location",
    "describe",
    "duplicate_message",
    "locate",
    "match_ref",
    "record_data",
    "validate",
    "validation_problem",
]

R = TypeVar("R", bound="Record")


class Journal:
    def __init__(self, root: Path, *, memo: bool = False) -> None:
        self.root = root
        self._changes = Changes(root)
        self._lock = self._changes.lock
        # With memo (one CLI command): records as read in this process, dropped on
        # every write and whenever the lock is taken, so a read-modify-write
        # always starts from disk. Long-lived users leave it off.
        self._memo = memo
        self._loaded: dict[str, Loaded[Any]] = {}
        self.recovered = 0  # files put back after an interrupted change
        self.migrated: Migrated | None = None  # a migration this Journal ran
        self.purpose: str | None = None  # the command, for git commit messages
        # said to the user when the command ends (`render.warn`)
        self.warnings: list[str | Message] = []
        # every broken file a read met (a record skipped): the CLI names each
        # one the command did not name itself, so none is skipped silently
        self.problems_met: dict[Problem, None] = {}
        self._copies_said = False  # sync tools' conflicted copies: once a command
        # With memo: each record folder's names, as the scan for conflicted
        # copies listed them, until that folder is read (one listing serves
        # both); dropped with the records read so far.
        self._listed: dict[str, conflicts.Listed] = {}

    # -- where things are -------------------------------------------------
    @property
    def settings_path(self) -> Path:
        return self.root / SETTINGS_FILE

    @property
    def template_path(self) -> Path:
        return self.root / TEMPLATES / AGENDA_TEMPLATE

    def folder(self, kind: Kind[Any]) -> Path:
        return self.root / kind.folder

    def relative(self, path: Path) -> str:
        return reader.relative(self.root, path)

    def exists(self) -> bool:
        """Whether the journal has its settings file (a link there counts: the
        journal is there, with a problem `doctor` names)."""
        return os.path.lexists(self.settings_path)

    def warn_once(self, message: str | Message) -> None:
        """Say `message` once when the command ends (stderr)."""
        if message not in self.warnings:
            self.warnings.append(message)

    def kind_of(self, path: Path) -> str | None:
        """What stands at `path` in the journal, links not followed: "file",
        "folder", "link", "other" or None (a link on the way: "link")."""
        try:
            return fs.kind_of(self.root, fs.relative(self.root, path))
        except LinkError:
            return "link"

    def read_bytes(self, path: Path) -> bytes:
        """The bytes of a file of the journal, no link followed (`LinkError`)."""
        return reader.read_bytes(self.root, path)

    def remove(self, path: Path) -> None:
        """Delete a file of the journal (never what a link points at)."""
        with contextlib.suppress(OSError, MentorlogError):
            fs.unlink(self.root, fs.relative(self.root, path))

    # -- settings -----------------------------------------------------------
    def settings(self) -> Settings:
        return settings.read(self.root, self.warn_once)

    def settings_or_default(self) -> tuple[Settings, list[Problem]]:
        """The settings, or the defaults and the problem when the file is broken."""
        from mentorlog.models import Settings

        try:
            return self.settings(), []
        except DataError as error:
            problem = Problem.from_error(error)
            self.problems_met[problem] = None
            return Settings(), [problem]

    # -- writing ------------------------------------------------------------
    @contextmanager
    def transaction(self) -> Iterator[Journal]:
        """Hold the lock; create the journal if needed; refuse newer journals
        (see `store.transaction`)."""
        with self._changes.hold(self):
            yield self

    def refuse_while_sync_stopped(self, path: Path) -> None:
        """`SyncStoppedError` if `path` may not be written now: a git journal
        whose sync stopped on a conflict takes no change (see
        `store.transaction`). Every write checks it; call it to refuse early."""
        self._changes.refuse_while_sync_stopped(path)

    def forget(self) -> None:
        """Drop the records read so far: the next `load` reads the disk."""
        self._loaded.clear()
        self._listed.clear()

    def _written_to(self, path: Path) -> None:
        """`path` is about to change: the records read so far of its folder are
        dropped (those of the other folders still say what their files do)."""
        try:
            folder = path.relative_to(self.root).parts[0]
        except (ValueError, IndexError):
            self.forget()
            return
        self._loaded.pop(folder, None)
        self._listed.pop(folder, None)

    def write_new_settings(self, *, name: str | None) -> None:
        self.write_text(self.settings_path, settings.new_text(name))

    def read_text(self, path: Path) -> str:
        """The text of a file of the journal (`tomlfile.decode_file`)."""
        return tomlfile.decode(self.read_bytes(path), self.relative(path))

    def write_text(
        self, path: Path, text: str, *, style: tomlfile.Style | None = None
    ) -> None:
        """Write `text` to `path` in `style`; by default in the style the file
        has now (a CRLF file stays CRLF, a BOM stays), LF for a new file."""
        assert self._lock.held, "writes happen inside Journal.transaction()"
        self._written_to(path)
        if path != self.settings_path and not self.exists():
            self.write_new_settings(name=None)  # the first write creates the journal
        # the folder is opened once, no link followed on the way, and the file
        # is written relative to it: a link anywhere below the root is refused
        rel = fs.relative(self.root, path)
        folder, _, name = rel.rpartition("/")
        if folder and conflicts.original_of(name, path.suffix) is not None:
            raise MentorlogError(e.ConflictedCopyNotWritten(rel))
        ensure_dir(self.root, private_from=self.root)
        self._changes.refuse_while_sync_stopped(path)
        fd = fs.open_folder(self.root, folder, create=True, writing=rel)
        try:
            fs.refuse_link_at(fd, name, rel)
            self._changes.record(path)
            if style is None:
                style = _style_at(fd, name, rel)
            try:
                fs.write_at(fd, name, style.encode(text))
            except OSError as error:
                raise JournalIOError(path, error) from error
        finally:
            os.close(fd)
        self._changes.written.append(path)

    def delete(self, path: Path) -> None:
        """Remove a record's file as part of the change under way: the undo
        log keeps what it held, so a failed change puts it back."""
        assert self._lock.held, "writes happen inside Journal.transaction()"
        self._written_to(path)
        self._changes.refuse_while_sync_stopped(path)
        rel = fs.relative(self.root, path)
        self._changes.record(path)
        try:
            fs.unlink(self.root, rel)
        except OSError as error:
            raise JournalIOError(path, error, action="remove") from error
        self._changes.written.append(path)

    def save(
        self,
        kind: Kind[R],
        record: R,
        stored: Stored[R] | None = None,
        *,
        body: str | None = None,
    ) -> Path:
        """Write `record` (and, for Markdown records, `body`, else the body it
        had); keep hand edits of its file; skip identical bytes."""
        data = record_data(record)
        if stored is None:
            path = self._new_path(kind, record)
            if body is None:
                body = kind.initial_body(record) if kind.initial_body else ""
            check_before_writing(kind, data, self.relative(path))
            self.write_text(path, _compose(kind, tomlfile.dumps(data), body))
            return path
        unchanged_body = body is None or body == stored.body
        if (
            stored.cached
            and unchanged_body
            and data == record_data(stored.record)
            and stored.unchanged_on_disk()
        ):
            # the change changes nothing the file says (it is as it was when
            # this command read it): not a byte to write
            return stored.path
        if stored.cached:
            stored = self._fresh(kind, stored)
        before = record_data(stored.record)
        if data == before and (body is None or body == stored.body):
            return stored.path  # nothing changed: not a byte is written
        if stored.front == tomlfile.dumps(before):
            front = tomlfile.dumps(data)
        else:
            changes = tomlfile.minimal(data, before, stored.data)
            front = tomlfile.rewrite(
                stored.front,
                stored.data,
                changes,
                relpath=self.relative(stored.path),
                warn=self.warn_once,
            )
        new_text = _compose(kind, front, stored.body if body is None else body)
        # LF inside; written back with the line endings the file came with
        new_text = new_text.replace("\r\n", "\n")
        if new_text != stored.text:
            check_before_writing(kind, data, self.relative(stored.path))
            self.write_text(stored.path, new_text)
        return stored.path

    def _fresh(self, kind: Kind[R], stored: Stored[R]) -> Stored[R]:
        """A record loaded through the cache, read from its file now (comments,
        layout, unknown keys), under the lock, before it is written; if the file
        does not say what the cache did, nothing is written."""
        fresh = self.read(kind, stored.path)
        if fresh.record.declared() != stored.record.declared():
            from . import cache

            with contextlib.suppress(OSError):
                (self.root / cache.FOLDER / f"{kind.folder}.json").unlink()
            raise MentorlogError(e.ChangedWhileRunning(self.relative(stored.path)))
        return fresh

    def _new_path(self, kind: Kind[R], record: R) -> Path:
        folder = self.folder(kind)
        slug = slugify(kind.label(record), fallback=kind.name)
        path = inside(folder, slug + kind.extension)
        if os.path.lexists(path) or (self.root / ".git").exists():
            # In a git journal two devices may add records with one title: each
            # file name carries part of its record's id, so they never clash.
            path = inside(
                folder, f"{slug}-{random_part(record.id)[:6]}{kind.extension}"
            )
        return path

    # -- reading ------------------------------------------------------------
    def parse(self, kind: Kind[R], text: str, relpath: str) -> Stored[R]:
        """Validate the text of a `kind` record (not yet tied to a path)."""
        return reader.parse(self.root, kind, text, relpath)

    def read(self, kind: Kind[R], path: Path) -> Stored[R]:
        return reader.read(self.root, kind, path)

    def files(self, kind: Kind[Any]) -> list[Path]:
        """The record files of `kind` (links too: reading one is refused);
        `LinkError` when the folder itself is a link."""
        folder = self.folder(kind)
        try:
            entries = fs.listdir(self.root, kind.folder)
        except OSError as error:
            raise JournalIOError(folder, error, action="read") from error
        return [
            folder / name
            for name, _ in entries
            if name.endswith(kind.extension)
            and not name.startswith(".")
            and not is_temp(folder / name)
            and conflicts.original_of(name, kind.extension) is None
        ]

    def load(self, kind: Kind[R]) -> Loaded[R]:
        """Every record of `kind` that reads; a `Problem` for each that does not."""
        cached = self._loaded.get(kind.folder) if self._memo else None
        if cached is not None:
            return cached
        if self._changes.needs_repair(self):
            self._repair()
        if not self._copies_said:
            self._copies_said = True
            listed: dict[str, conflicts.Listed] = {}
            for copy, original in conflicts.scan(self.root, listed):
                self.warn_once(conflicts.warning(copy, original))
            if self._memo:
                self._listed = listed
        loaded = reader.load(
            self.root,
            kind,
            use_cache=use_cache(),
            listed=self._listed.pop(kind.folder, None),
        )
        self._loaded[kind.folder] = loaded
        self.problems_met.update(dict.fromkeys(loaded.problems))
        for copy, original in loaded.copies:
            self.warn_once(conflicts.warning(copy, original))
        return loaded

    def _repair(self) -> None:
        """A crash left a change half done, or an older release wrote this
        journal: put it right (under the lock) before reading. A change whose
        writer still runs (its `.lock` was removed) is left to finish. A
        journal that cannot be written (a read-only snapshot, a backup mount)
        is read as it is, every file whole; the repair waits for a writable
        journal, and says so once."""
        if os.access(self.root, os.W_OK):
            try:
                with self.transaction():
                    pass
                return
            except undo.WriterAlive:
                return  # its files are whole: read them as they are
            except JournalIOError as error:
                if error.errno not in (errno.EROFS, errno.EACCES, errno.EPERM):
                    raise
        if os.path.lexists(self.root / undo.UNDO_FILE):
            self.warn_once(
                f"{undo.UNDO_FILE}: a change here was interrupted and is rolled "
                "back once the journal can be written (it is read-only now); "
                "the records are read as they are"
            )

    def resolve(
        self, kind: Kind[R], ref: str, loaded: Loaded[R] | None = None
    ) -> Stored[R]:
        """The one record `ref` names: id, short id, id or slug prefix, or name."""
        return refs.resolve(
            kind, ref, loaded if loaded is not None else self.load(kind)
        )


def _style_at(fd: int, name: str, rel: str) -> tomlfile.Style:
    """The style of the file `name` in the open folder, or plain (LF, no BOM)
    when it does not exist or does not read as text."""
    try:
        raw = fs.read_at(fd, name, rel)
        return tomlfile.decode_file(raw, rel)[1]
    except (OSError, MentorlogError):
        return tomlfile.PLAIN


def _compose(kind: Kind[Any], front: str, body: str) -> str:
    return tomlfile.compose(front, body) if kind.front_matter else front
