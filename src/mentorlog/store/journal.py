"""The journal: where it lives, its settings, and one file per record.

Every write goes through `Journal.transaction()`, which holds the journal lock
across read-modify-write, creates the journal on first use, and refuses to
write to a journal made by a newer release.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import sys
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from mentorlog._struct import struct
from mentorlog.errors import (
    AmbiguousError,
    DataError,
    JournalIOError,
    LinkError,
    MentorlogError,
    NewerJournalError,
    NotFoundError,
)

from . import fs, tomlfile, undo
from .atomic import ensure_dir, is_temp, remove_stale_temps
from .ids import ShortIds, random_part
from .lock import JournalLock
from .slugs import inside, slugify

if TYPE_CHECKING:
    from pydantic import ValidationError

    from mentorlog.models import Model, Record, Settings

SETTINGS_FILE = "mentorlog.toml"
LOCK_FILE = ".lock"
TEMPLATES = "templates"
AGENDA_TEMPLATE = "agenda.md"

R = TypeVar("R", bound="Record")


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


@struct(frozen=True)
class Kind(Generic[R]):
    """One kind of record: its folder, model and the text its file is named after."""

    name: str
    folder: str
    model: type[R]
    label: Callable[[R], str]
    extension: str = ".toml"
    initial_body: Callable[[R], str] | None = None

    @property
    def front_matter(self) -> bool:
        """Markdown records: TOML front matter between +++ lines, then prose."""
        return self.extension == ".md"


class Stored(Generic[R]):
    """A record as read from disk, with where it came from.

    A record served by the derived cache is built when first asked for: a
    command that looks at one field of ten thousand records (`value`) builds
    only those it keeps."""

    __slots__ = (
        "_decode",
        "_path",
        "_plain",
        "_record",
        "_reread",
        "_root",
        "_row",
        "_stat",
        "body",
        "cached",
        "data",
        "file",
        "front",
        "text",
    )

    def __init__(
        self,
        record: R | None,
        path: Path | None,
        text: str,
        data: dict[str, Any],
        front: str = "",  # the TOML part of `text` (all of it for .toml records)
        body: str = "",  # the prose after the front matter (.md records)
        cached: bool = False,  # from the derived cache: text, data, front not read
        root: Path | None = None,  # the journal's: `path` is `root / file`, made lazily
        file: str = "",  # the path inside the journal, as shown to the user
        row: list[Any] | None = None,  # the cached row `record` is built from
        decode: Callable[[list[Any]], R] | None = None,
        plain: dict[str, int] | None = None,  # fields `row` holds as they are
        reread: Callable[[str], Stored[R]] | None = None,  # `file`, when `row` won't do
        stat: os.stat_result | None = None,  # the file's, when it was read
    ) -> None:
        self._record = record
        self._stat = stat
        self._reread = reread
        self._row = row
        self._decode = decode
        self._plain = plain
        self.file = file
        self._path = path
        self._root = root
        self.text = text
        self.data = data
        self.front = front
        self.body = body
        self.cached = cached

    @property
    def record(self) -> R:
        record = self._record
        if record is None:
            assert self._decode is not None and self._row is not None
            try:
                record = self._record = self._decode(self._row)
            except (KeyError, TypeError, ValueError, AttributeError, IndexError):
                # a row this release cannot use: the file says what it is
                assert self._reread is not None
                fresh = self._reread(self.file)
                record = self._record = fresh.record
                self.body = fresh.body
            self._row = None
        return record

    @record.setter
    def record(self, value: R) -> None:
        self._record = value

    def value(self, name: str) -> Any:
        """`self.record.<name>`, without building the record when its cached
        row holds the field as it is."""
        plain = self._plain
        if self._record is None and plain is not None and name in plain:
            return self._row[plain[name]]  # type: ignore[index]
        return getattr(self.record, name)

    def unchanged_on_disk(self) -> bool:
        """Whether the file still has the inode, time and size it had when this
        record was read through the cache."""
        before = self._stat
        if before is None:
            return False
        try:
            now = os.stat(self.path, follow_symlinks=False)
        except OSError:
            return False
        return (now.st_ino, now.st_mtime_ns, now.st_size) == (
            before.st_ino,
            before.st_mtime_ns,
            before.st_size,
        )

    @property
    def path(self) -> Path:
        if self._path is None:
            assert self._root is not None
            self._path = self._root / self.file
        return self._path

    @path.setter
    def path(self, value: Path) -> None:
        self._path = value

    def __repr__(self) -> str:
        return f"Stored({self.file or self.path})"


@struct(frozen=True)
class Problem:
    """A file that does not parse or validate."""

    path: str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"

    @classmethod
    def from_error(cls, error: DataError) -> Problem:
        return cls(error.path, error.line, error.detail)


@struct
class Loaded(Generic[R]):
    records: list[Stored[R]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    short: Mapping[str, str] = field(default_factory=dict)


class Journal:
    def __init__(self, root: Path, *, memo: bool = False) -> None:
        self.root = root
        self._lock = JournalLock(root / LOCK_FILE)
        # With memo (one CLI command): records as read in this process, dropped on
        # every write and whenever the lock is taken, so a read-modify-write
        # always starts from disk. Long-lived users leave it off.
        self._memo = memo
        self._loaded: dict[str, Loaded[Any]] = {}
        self._undo: undo.UndoLog | None = None
        self.recovered = 0  # files put back after an interrupted change
        self.migrated: Any = None  # a migration this Journal ran, if any
        self.purpose: str | None = None  # the command, for git commit messages
        self.warnings: list[str] = []  # said to the user when the command ends
        # every broken file a read met (a record skipped): the CLI names each
        # one the command did not name itself, so none is skipped silently
        self.problems_met: dict[Problem, None] = {}
        self._written: list[Path] = []
        self._checked_version = False

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
        try:
            return str(path.relative_to(self.root))
        except ValueError:
            return str(path)

    def exists(self) -> bool:
        """Whether the journal has its settings file (a link there counts: the
        journal is there, with a problem `doctor` names)."""
        return os.path.lexists(self.settings_path)

    def warn_once(self, message: str) -> None:
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
        rel = fs.relative(self.root, path)
        try:
            return fs.read_bytes(self.root, rel)
        except OSError as error:
            raise JournalIOError(path, error, action="read") from error

    def remove(self, path: Path) -> None:
        """Delete a file of the journal (never what a link points at)."""
        with contextlib.suppress(OSError, MentorlogError):
            fs.unlink(self.root, fs.relative(self.root, path))

    # -- settings -----------------------------------------------------------
    def settings(self) -> Settings:
        from mentorlog.models import Settings

        from . import cache

        path = self.settings_path
        try:
            info = os.stat(path, follow_symlinks=False)
        except FileNotFoundError:
            return Settings()
        except OSError as error:
            raise JournalIOError(path, error, action="read") from error
        if stat.S_ISLNK(info.st_mode):
            # never read: the defaults stand in, and every write is refused
            self.warn_once(str(LinkError(SETTINGS_FILE)))
            return Settings()
        key = cache.key_of(info)
        cached = self._cached_settings(key)
        if cached is not None:
            return cached
        text, data = self._read_toml(path)
        settings = validate(Settings, data, text, self.relative(path))
        encoded = cache.encode(settings)
        if self._use_cache and encoded is not None and cache.settled(key):
            cache.write_cache(
                self.root / cache.FOLDER / "settings.json",
                {SETTINGS_FILE: [key, encoded]},
            )
        return settings

    @property
    def _use_cache(self) -> bool:
        return os.environ.get("MENTORLOG_NO_CACHE") != "1"

    def _cached_settings(self, key: list[int]) -> Settings | None:
        """The settings as validated when the file last had this `key`."""
        from mentorlog.models import Settings

        from . import cache

        if not self._use_cache:
            return None
        hit = cache.read_cache(self.root / cache.FOLDER / "settings.json").get(
            SETTINGS_FILE
        )
        with contextlib.suppress(KeyError, TypeError, ValueError, IndexError):
            if hit[0] == key:  # type: ignore[index]
                settings: Settings = cache.decoder(Settings)(hit[1])  # type: ignore[index]
                return settings
        return None

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
        """Hold the lock; create the journal if needed; refuse newer journals."""
        from mentorlog.models import SCHEMA_VERSION

        if self.root.exists() and not self.root.is_dir():
            raise JournalIOError(
                self.root,
                NotADirectoryError(20, "a file stands where the journal should be"),
            )
        first_new = self._first_missing_folder()
        ensure_dir(self.root, private_from=self.root)
        try:
            with self._lock:
                if self._lock.depth > 1:
                    yield self
                    return
                self._loaded.clear()
                self.recovered += undo.recover(self.root, warn=self.warnings.append)
                self._undo = undo.UndoLog(self.root)
                try:
                    self._check_writable(SCHEMA_VERSION)  # may migrate: undoable
                    self._clean_temps()
                    yield self
                except BaseException:
                    self._loaded.clear()
                    self._written = []
                    # If even the rollback fails (the disk is gone), the log
                    # stays and the next command finishes it; the first error is
                    # the one to report.
                    with contextlib.suppress(OSError, MentorlogError):
                        self._undo.rollback()
                    raise
                else:
                    self._undo.commit()
                    self._commit_to_git()
                finally:
                    self._undo = None
        except BaseException:
            if first_new is not None and not self.exists():
                self._remove_empty_folders(first_new)
            raise

    def _commit_to_git(self) -> None:
        """In a git journal, every change is a commit saying what changed. The
        change is saved either way: a failing git is a warning, not an error."""
        written, self._written = self._written, []
        if not written or not (self.root / ".git").exists():
            return
        from . import gitsync

        names = sorted(
            name
            for name in {self.relative(p) for p in written}
            if not name.startswith(".")
        )
        if not names:
            return
        if gitsync.in_progress(self.root) or gitsync.conflicted(self.root):
            self.warnings.append(
                "saved, not committed: a sync stopped on a conflict; finish it first "
                "(mentorlog sync says how)"
            )
            return
        shown = ", ".join(names[:4]) + (
            f" and {len(names) - 4} more" if len(names) > 4 else ""
        )
        message = f"{self.purpose or 'mentorlog'}: {shown}"
        try:
            gitsync.commit_all(self.root, message)
        except MentorlogError as error:
            self.warnings.append(f"saved, but not committed to git: {error.message}")

    def _first_missing_folder(self) -> Path | None:
        """The outermost folder of the journal's path that does not exist yet."""
        missing = None
        for folder in (self.root, *self.root.parents):
            if folder.exists():
                break
            missing = folder
        return missing

    def _remove_empty_folders(self, top: Path) -> None:
        """Undo the folders a failed first command created: leave no trace."""
        with contextlib.suppress(OSError):
            (self.root / LOCK_FILE).unlink()
            for folder in sorted(self.root.rglob("*"), reverse=True):
                folder.rmdir()
            folder = self.root
            while True:
                folder.rmdir()
                if folder == top:
                    break
                folder = folder.parent

    def _check_writable(self, supported: int) -> None:
        from . import cache

        try:
            info = os.stat(self.settings_path, follow_symlinks=False)
        except FileNotFoundError:
            return
        except OSError as error:
            raise JournalIOError(self.settings_path, error, action="read") from error
        if stat.S_ISLNK(info.st_mode):
            raise LinkError(SETTINGS_FILE, writing=SETTINGS_FILE)
        key = cache.key_of(info)
        cached = self._cached_settings(key)
        if cached is not None:
            text, version = "", cached.schema_version  # checked when it was read
        else:
            text, data = self._read_toml(self.settings_path)
            version = data.get("schema_version", 1)
        if not isinstance(version, int) or isinstance(version, bool) or version < 1:
            line = tomlfile.line_of(text, ["schema_version"])
            raise DataError(
                SETTINGS_FILE, line, "schema_version: should be a whole number, like 1"
            )
        if version > supported:
            raise NewerJournalError(
                f"{SETTINGS_FILE}: this journal was written by a newer mentorlog "
                f"(schema_version {version}; this release knows {supported}); "
                "it is opened read-only: upgrade mentorlog to change it"
            )
        if version < supported:
            from . import migrate

            self.migrated = migrate.migrate(self, version, supported)

    def _needs_migration(self) -> bool:
        """Whether the journal's schema is older than this release's (once)."""
        if self._checked_version:
            return False
        self._checked_version = True
        from mentorlog.models import SCHEMA_VERSION

        try:
            version: Any = self.settings().schema_version  # cached when unchanged
        except (DataError, JournalIOError):
            # settings an older release wrote may not read as today's do
            try:
                _, data = self._read_toml(self.settings_path)
            except (DataError, JournalIOError):
                return False
            version = data.get("schema_version", SCHEMA_VERSION)
        return isinstance(version, int) and 0 < version < SCHEMA_VERSION

    def _clean_temps(self) -> None:
        remove_stale_temps(self.root)
        try:
            entries = fs.listdir(self.root, "")
        except (OSError, MentorlogError):
            return
        for name, mode in entries:
            if stat.S_ISDIR(mode):  # a link to a folder is not looked into
                remove_stale_temps(self.root / name, root=self.root)

    def write_new_settings(self, *, name: str | None) -> None:
        from mentorlog.models import SCHEMA_VERSION

        lines = [
            "# mentorlog settings. Edit freely: comments and extra keys are kept.",
            f"schema_version = {SCHEMA_VERSION}",
        ]
        if name:
            lines.append(f"name = {tomlfile.dumps({'n': name})[4:].strip()}")
        lines += [
            "",
            "# Targets the checklist measures you against.",
            "[targets]",
            "goals_min = 3  # active goals with target dates, at least...",
            "goals_max = 5  # ...and at most",
            "resources_between_sessions = 2  # readings, courses, events",
            "review_period_days = 90  # review the relationship this often",
            "",
        ]
        self.write_text(self.settings_path, "\n".join(lines))

    def write_text(self, path: Path, text: str) -> None:
        assert self._lock.held, "writes happen inside Journal.transaction()"
        self._loaded.clear()
        if path != self.settings_path and not self.exists():
            self.write_new_settings(name=None)  # the first write creates the journal
        # the folder is opened once, no link followed on the way, and the file
        # is written relative to it: a link anywhere below the root is refused
        rel = fs.relative(self.root, path)
        folder, _, name = rel.rpartition("/")
        ensure_dir(self.root, private_from=self.root)
        fd = fs.open_folder(self.root, folder, create=True, writing=rel)
        try:
            fs.refuse_link_at(fd, name, rel)
            if self._undo is not None:
                self._undo.record(path)
            try:
                fs.write_at(fd, name, text.encode("utf-8"))
            except OSError as error:
                raise JournalIOError(path, error) from error
        finally:
            os.close(fd)
        self._written.append(path)

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
            _check_before_writing(kind, data, self.relative(path))
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
            # Loaded through the cache: what the file says exactly (comments,
            # layout, unknown keys) is read now, under the lock, before writing;
            # and if it does not say what the cache did, nothing is written.
            fresh = self.read(kind, stored.path)
            if _declared(fresh.record) != _declared(stored.record):
                from . import cache

                with contextlib.suppress(OSError):
                    (self.root / cache.FOLDER / f"{kind.folder}.json").unlink()
                raise MentorlogError(
                    f"{self.relative(stored.path)} changed while this command ran; "
                    "nothing was written: run it again"
                )
            stored = fresh
        before = record_data(stored.record)
        if data == before and (body is None or body == stored.body):
            return stored.path  # nothing changed: not a byte is written
        if stored.front == tomlfile.dumps(before):
            front = tomlfile.dumps(data)
        else:
            changes = tomlfile.minimal(data, before, stored.data)
            front = tomlfile.rewrite(stored.front, stored.data, changes)
        new_text = _compose(kind, front, stored.body if body is None else body)
        new_text = new_text.replace("\r\n", "\n")  # LF only, whatever the editor did
        if new_text != stored.text:
            _check_before_writing(kind, data, self.relative(stored.path))
            self.write_text(stored.path, new_text)
        return stored.path

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
    def _read_text(self, path: Path) -> str:
        relpath = self.relative(path)
        try:
            raw = self.read_bytes(path)
        except JournalIOError as error:
            if error.errno != errno.EISDIR:
                raise
            raise DataError(
                relpath, None, "a folder stands where a file should be"
            ) from None
        return tomlfile.decode(raw, relpath)

    def _read_at(self, kind: Kind[R], folder_fd: int, name: str) -> Stored[R]:
        """`read`, for a file named in a folder already open (no link followed)."""
        relpath = f"{kind.folder}/{name}"
        try:
            raw = fs.read_at(folder_fd, name, relpath)
        except IsADirectoryError:
            raise DataError(
                relpath, None, "a folder stands where a file should be"
            ) from None
        except OSError as error:
            raise JournalIOError(self.root / relpath, error, action="read") from error
        stored = self.parse(kind, tomlfile.decode(raw, relpath), relpath)
        return stored

    def _read_toml(self, path: Path) -> tuple[str, dict[str, Any]]:
        text = self._read_text(path)
        return text, tomlfile.loads(text, self.relative(path))

    def parse(self, kind: Kind[R], text: str, relpath: str) -> Stored[R]:
        """Validate the text of a `kind` record (not yet tied to a path)."""
        if kind.front_matter:
            front, body, first = tomlfile.split_front_matter(text, relpath)
        else:
            front, body, first = text, "", 1
        data = tomlfile.loads(front, relpath, first_line=first)
        record = validate(kind.model, data, front, relpath, first_line=first)
        return Stored(
            record, self.root / relpath, text, data, front, body, file=relpath
        )

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
        ]

    def read(self, kind: Kind[R], path: Path) -> Stored[R]:
        stored = self.parse(kind, self._read_text(path), self.relative(path))
        stored.path = path
        return stored

    def load(self, kind: Kind[R]) -> Loaded[R]:
        """Every record of `kind` that reads; a `Problem` for each that does not."""
        cached = self._loaded.get(kind.folder) if self._memo else None
        if cached is not None:
            return cached
        if not self._lock.held and (
            (self.root / undo.UNDO_FILE).exists() or self._needs_migration()
        ):
            # a crash left a change half done, or an older release wrote this
            # journal: put it right (under the lock) before reading
            with self.transaction():
                pass
        if os.environ.get("MENTORLOG_NO_CACHE") != "1":
            return self._load_through_cache(kind)
        loaded: Loaded[R] = Loaded()
        seen: dict[str, Path] = {}
        try:
            paths = self.files(kind)
        except LinkError as error:
            paths = []
            loaded.problems.append(Problem.from_error(error))
        for path in paths:
            try:
                stored = self.read(kind, path)
            except DataError as error:
                loaded.problems.append(Problem.from_error(error))
                continue
            first = seen.get(stored.record.id)
            if first is not None:
                loaded.problems.append(
                    Problem(
                        self.relative(path),
                        tomlfile.line_of(
                            stored.front,
                            ["id"],
                            first_line=2 if kind.front_matter else 1,
                        ),
                        duplicate_message(self.relative(first)),
                    )
                )
                continue
            seen[stored.record.id] = path
            loaded.records.append(stored)
        loaded.short = ShortIds(seen)
        self._loaded[kind.folder] = loaded
        self.problems_met.update(dict.fromkeys(loaded.problems))
        return loaded

    def _load_through_cache(self, kind: Kind[R]) -> Loaded[R]:
        """`load` through the derived cache (see `store.cache`): files unchanged
        since the last run come from it, the rest are read. A record that is
        then saved is read again in full first (see `save`)."""
        folder = self.folder(kind)
        try:
            # names are listed and stat'ed relative to the open folder: one path
            # lookup for the folder, not one per file
            # (the folder is one step below the root: O_NOFOLLOW refuses a link)
            folder_fd = os.open(folder, fs.FOLDER_FLAGS)
        except FileNotFoundError:
            folder_fd = -1
        except OSError as error:
            if os.path.islink(folder):
                loaded: Loaded[R] = Loaded()
                loaded.problems.append(
                    Problem.from_error(LinkError(kind.folder, folder=True))
                )
                self._loaded[kind.folder] = loaded
                return loaded
            raise JournalIOError(folder, error, action="read") from error
        try:
            return self._load_folder(kind, folder, folder_fd)
        finally:
            if folder_fd >= 0:
                os.close(folder_fd)

    def _load_folder(self, kind: Kind[R], folder: Path, folder_fd: int) -> Loaded[R]:
        from . import cache

        loaded: Loaded[R] = Loaded()
        extension = kind.extension
        names: list[str] = []
        if folder_fd >= 0:
            try:
                names = sorted(
                    name
                    for name in os.listdir(folder_fd)
                    if name.endswith(extension) and not name.startswith(".")
                )
            except OSError as error:
                raise JournalIOError(folder, error, action="read") from error
        cache_path = self.root / cache.FOLDER / f"{kind.folder}.json"
        old = cache.read_cache(cache_path)
        new: dict[str, Any] = {}
        seen: dict[str, str] = {}  # id -> the file's name
        decode = cache.decoder(kind.model)
        plain = cache.plain_fields(kind.model)
        width = cache.row_width(kind.model)
        assert kind.model.model_fields[0] == "id"  # a row's first value is its id

        def reread(relpath: str) -> Stored[R]:
            """A cached row that would not build: drop the cache, read the file."""
            with contextlib.suppress(OSError):
                cache_path.unlink()
            return self.read(kind, self.root / relpath)

        lstat = os.stat
        is_link = stat.S_ISLNK
        records = loaded.records
        for name in names:
            try:
                # the entry itself: a link is never followed (nor cached)
                info = lstat(name, dir_fd=folder_fd, follow_symlinks=False)
            except OSError:
                continue
            if is_link(info.st_mode):
                loaded.problems.append(
                    Problem.from_error(LinkError(f"{kind.folder}/{name}"))
                )
                continue
            # an entry: inode, mtime (ns), size, record data, body, problem
            hit = old.get(name)
            record: Any = None
            if (
                type(hit) is list
                and len(hit) == 6
                and hit[1] == info.st_mtime_ns
                and hit[0] == info.st_ino
                and hit[2] == info.st_size
                and (hit[4] is None or type(hit[4]) is str)
                and (hit[5] is None or (type(hit[5]) is list and len(hit[5]) == 2))
            ):
                new[name] = hit
            else:
                key = cache.key_of(info)
                try:
                    stored = self._read_at(kind, folder_fd, name)
                    record = stored.record
                    hit = [*key, cache.encode(record), stored.body, None]
                except DataError as error:
                    hit = [*key, None, None, [error.line, error.detail]]
                if cache.settled(key) and (hit[3] is not None or hit[5] is not None):
                    new[name] = hit
            data, body, problem = hit[3], hit[4], hit[5]
            if problem is not None:
                loaded.problems.append(
                    Problem(f"{kind.folder}/{name}", problem[0], problem[1])
                )
                continue
            if record is not None:
                record_id = record.id
            elif type(data) is list and len(data) == width and type(data[0]) is str:
                record_id = data[0]  # the record itself is built when used
            else:
                # an entry that cannot be used: read the file instead
                new.pop(name, None)
                try:
                    stored = self._read_at(kind, folder_fd, name)
                except DataError as error:
                    loaded.problems.append(Problem.from_error(error))
                    continue
                record = stored.record
                body = stored.body
                data = cache.encode(record)
                key = cache.key_of(info)
                if data is not None and cache.settled(key):
                    new[name] = [*key, data, body, None]
                record_id = record.id
            first = seen.get(record_id)
            if first is not None:
                loaded.problems.append(
                    Problem(
                        f"{kind.folder}/{name}",
                        None,
                        duplicate_message(f"{kind.folder}/{first}"),
                    )
                )
                continue
            seen[record_id] = name
            records.append(
                Stored(
                    record,
                    None,
                    "",
                    {},
                    "",
                    body or "",
                    True,
                    self.root,
                    f"{kind.folder}/{name}",
                    None if record is not None else data,
                    decode,
                    plain,
                    reread,
                    info,
                )
            )
        if new != old and (names or old):
            cache.write_cache(cache_path, new)
        loaded.short = ShortIds(seen)
        self._loaded[kind.folder] = loaded
        self.problems_met.update(dict.fromkeys(loaded.problems))
        return loaded

    def resolve(
        self, kind: Kind[R], ref: str, loaded: Loaded[R] | None = None
    ) -> Stored[R]:
        """The one record `ref` names: id, short id, id or slug prefix, or name."""
        loaded = loaded if loaded is not None else self.load(kind)
        matches = match_ref(ref, loaded.records, kind)
        if len(matches) == 1:
            return matches[0]
        if len(matches) > 1:
            listed = "; ".join(
                f"{loaded.short[m.record.id]} {kind.label(m.record)}"
                for m in matches[:8]
            )
            more = f" and {len(matches) - 8} more" if len(matches) > 8 else ""
            raise AmbiguousError(
                f'"{ref}" matches {len(matches)} {kind.folder}: {listed}{more}; '
                "use more characters of the id"
            )
        needle = ref.strip().lower()
        for problem in loaded.problems:
            stem = Path(problem.path).name.removesuffix(kind.extension)
            if needle and stem.startswith(slugify(needle, fallback=needle)):
                raise DataError(problem.path, problem.line, problem.message)
        raise NotFoundError(f'no {kind.name} matches "{ref}"')


def duplicate_message(first: str) -> str:
    return f"duplicate id: {first} has the same id (a copy? keep one of the two)"


def match_ref(ref: str, records: list[Stored[R]], kind: Kind[R]) -> list[Stored[R]]:
    """Records `ref` names, best tier first: exact id, exact name, exact slug, then
    any prefix (of the id, of its random half, of the file's slug, of the name)."""
    needle = " ".join(ref.split()).lower()
    if not needle:
        return []
    slug = slugify(needle, fallback="")
    tiers: list[Callable[[Stored[R]], bool]] = [
        lambda s: s.record.id == needle,
        lambda s: " ".join(kind.label(s.record).split()).lower() == needle,
        lambda s: s.path.stem == needle,
        lambda s: (
            s.record.id.startswith(needle)
            or random_part(s.record.id).startswith(needle)
            or s.path.stem.startswith(needle)
            or (bool(slug) and s.path.stem.startswith(slug))
            or " ".join(kind.label(s.record).split()).lower().startswith(needle)
        ),
    ]
    for matches_tier in tiers:
        found = [s for s in records if matches_tier(s)]
        if found:
            return found
    return []


def record_data(record: Model) -> dict[str, Any]:
    """The record as plain data in canonical key order: declared fields first,
    then the keys the user added; no empty or missing values of declared fields
    (at any depth), so a fresh file holds only what was said."""
    from mentorlog.models import Model

    def plain(value: Any) -> Any:
        if isinstance(value, Model):
            return record_data(value)
        if isinstance(value, list):
            return [plain(item) for item in value]
        return value

    data: dict[str, Any] = {}
    for key in type(record).model_fields:
        value = plain(getattr(record, key))
        if value is None or value == [] or value == {}:
            continue
        data[key] = value
    data.update(record.model_extra or {})
    return data


M = TypeVar("M", bound="Model")


def _declared(record: Model) -> dict[str, Any]:
    return record.declared()


def _check_before_writing(kind: Kind[Any], data: dict[str, Any], relpath: str) -> None:
    """Records are built by the core from checked input, not validated when
    made; a record that would not read back is a bug, and is not written."""
    from pydantic import ValidationError

    try:
        kind.model.model_validate(data)
    except ValidationError as error:
        problem = validation_problem(error, "", relpath)
        raise MentorlogError(
            f"not written: {problem.detail} (in {relpath}); "
            "this is a bug in mentorlog, please report it"
        ) from None


def _compose(kind: Kind[Any], front: str, body: str) -> str:
    return tomlfile.compose(front, body) if kind.front_matter else front


def validate(
    model: type[M],
    data: dict[str, Any],
    text: str,
    relpath: str,
    *,
    first_line: int = 1,
) -> M:
    from pydantic import ValidationError

    try:
        return model.model_validate(data)
    except ValidationError as error:
        raise validation_problem(error, text, relpath, first_line) from None


def validation_problem(
    error: ValidationError, text: str, relpath: str, first_line: int = 1
) -> DataError:
    """The first validation error as `path:line: field: what is wrong`."""
    first = error.errors(include_url=False)[0]
    loc = [part for part in first["loc"] if isinstance(part, str | int)]
    line = tomlfile.line_of(text, loc, first_line=first_line)
    where = ".".join(
        f"{part}" if isinstance(part, str) else f"[{part + 1}]" for part in loc
    ).replace(".[", "[")
    message = describe(first)
    count = error.error_count()
    extra = (
        f" (and {count - 1} more problem{'s' if count > 2 else ''})"
        if count > 1
        else ""
    )
    return DataError(relpath, line, f"{where}: {message}{extra}" if where else message)


def describe(item: Any) -> str:
    """A pydantic error in words, quoting at most a short, printable input."""
    kind = item["type"]
    ctx = item.get("ctx") or {}
    value = item.get("input")
    shown = ""
    if isinstance(value, str | int | float) and not isinstance(value, bool):
        text = str(value)
        text = "".join(ch if ch.isprintable() else "?" for ch in text)
        shown = f' ("{text[:40]}{"..." if len(text) > 40 else ""}")'
    messages = {
        "missing": "is required",
        "string_type": "should be text in quotes",
        "string_too_short": "is empty",
        "bool_type": "should be true or false",
        "bool_parsing": "should be true or false",
        "int_type": "should be a whole number",
        "int_parsing": "should be a whole number",
        "int_from_float": "should be a whole number",
        "list_type": "should be a list",
        "model_type": "should be a table",
        "dict_type": "should be a table",
        "model_attributes_type": "should be a table",
        "string_pattern_mismatch": "is not a mentorlog id (26 letters and digits)",
    }
    if kind == "value_error":
        reason = str(ctx.get("error", "is not valid"))
        advice = ""
        if "(" in reason:
            reason, advice = reason.split("(", 1)
            advice = "; " + advice.rstrip(")")
        return f"{reason.strip()}{shown}{advice}"
    if kind == "literal_error":
        return f"should be one of {ctx.get('expected', '')}{shown}"
    if kind in ("greater_than_equal", "greater_than"):
        bound = ctx.get("ge", ctx.get("gt"))
        return f"should be at least {bound}{shown}"
    if kind in messages:
        return messages[kind] + ("" if kind == "missing" else shown)
    return f"is not valid{shown}"
