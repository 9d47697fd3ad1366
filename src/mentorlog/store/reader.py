"""Reading records: one file (`read`, `parse`), or every record of a kind
(`load`), each file served by one of two sources: its row in the derived cache
(see `store.cache`) when the file has not changed since, else the file itself.
No link is followed (see `store.fs`); every file read is validated."""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, NamedTuple, TypeVar

from mentorlog.errors import DataError, JournalIOError, LinkError, MentorlogError

from . import cache, fs, tomlfile
from .ids import ShortIds
from .records import Kind, Loaded, Problem, Stored, duplicate_message
from .validation import validate

if TYPE_CHECKING:
    from mentorlog.models import Record

R = TypeVar("R", bound="Record")


def read_bytes(root: Path, path: Path) -> bytes:
    """The bytes of a file of the journal, no link followed (`LinkError`)."""
    rel = fs.relative(root, path)
    try:
        return fs.read_bytes(root, rel)
    except OSError as error:
        raise JournalIOError(path, error, action="read") from error


def relative(root: Path, path: Path) -> str:
    try:
        return str(path.relative_to(root))
    except ValueError:
        return str(path)


def read_text(root: Path, path: Path) -> str:
    relpath = relative(root, path)
    try:
        raw = read_bytes(root, path)
    except JournalIOError as error:
        if error.errno != errno.EISDIR:
            raise
        raise DataError(
            relpath, None, "a folder stands where a file should be"
        ) from None
    return tomlfile.decode(raw, relpath)


def read_toml(root: Path, path: Path) -> tuple[str, dict[str, Any]]:
    text = read_text(root, path)
    return text, tomlfile.loads(text, relative(root, path))


def parse(root: Path, kind: Kind[R], text: str, relpath: str) -> Stored[R]:
    """Validate the text of a `kind` record found at `relpath`."""
    if kind.front_matter:
        front, body, first = tomlfile.split_front_matter(text, relpath)
    else:
        front, body, first = text, "", 1
    data = tomlfile.loads(front, relpath, first_line=first)
    record = validate(kind.model, data, front, relpath, first_line=first)
    return Stored.from_file(
        record=record,
        path=root / relpath,
        file=relpath,
        text=text,
        data=data,
        front=front,
        body=body,
    )


def read(root: Path, kind: Kind[R], path: Path) -> Stored[R]:
    stored = parse(root, kind, read_text(root, path), relative(root, path))
    stored.path = path
    return stored


def read_at(root: Path, kind: Kind[R], folder_fd: int, name: str) -> Stored[R]:
    """`read`, for a file named in its kind's folder, already open (no link
    followed)."""
    relpath = f"{kind.folder}/{name}"
    try:
        raw = fs.read_at(folder_fd, name, relpath)
    except IsADirectoryError:
        raise DataError(
            relpath, None, "a folder stands where a file should be"
        ) from None
    except OSError as error:
        raise JournalIOError(root / relpath, error, action="read") from error
    return parse(root, kind, tomlfile.decode(raw, relpath), relpath)


def unreadable(relpath: str, error: OSError, *, folder: bool = False) -> Problem:
    """The problem of a path that cannot be read (permission denied, a FIFO
    where a record goes, a file where a folder goes): one path's problem."""
    if folder and error.errno == errno.ENOTDIR:
        return Problem(relpath, None, "a file stands where a folder should be")
    reason = error.strerror or type(error).__name__
    return Problem(relpath, None, f"cannot be read: {reason}")


class Entry(NamedTuple):
    """A file's entry in its folder's cache (`.cache/<folder>.json`, a JSON list
    in this order): the file's key (inode, mtime in ns, size) when it was read,
    then what it held: the record's row and body, or the problem that kept it
    out, as [line, detail]."""

    ino: int
    mtime_ns: int
    size: int
    row: list[Any] | None
    body: str | None
    problem: list[Any] | None

    @classmethod
    def made(
        cls, key: list[int], row: list[Any] | None, body: str | None, problem: Any
    ) -> list[Any]:
        """The entry for a file with `key`, as the cache holds it."""
        ino, mtime_ns, size = key
        return list(cls(ino, mtime_ns, size, row, body, problem))


def load(root: Path, kind: Kind[R], *, use_cache: bool) -> Loaded[R]:
    """Every record of `kind` that reads; a `Problem` for each file that does
    not (a link, a duplicate id, a file that does not parse or validate)."""
    folder = root / kind.folder
    try:
        # names are listed and stat'ed relative to the open folder: one path
        # lookup for the folder, not one per file
        # (the folder is one step below the root: O_NOFOLLOW refuses a link)
        folder_fd = os.open(folder, fs.FOLDER_FLAGS)
    except FileNotFoundError:
        folder_fd = -1  # no records; a cache of some there were is emptied
    except OSError as error:
        # a link, a file where the folder goes, a folder this user may not
        # read: a problem of that path; every other kind still reads
        loaded: Loaded[R] = Loaded()
        loaded.problems.append(
            Problem.from_error(LinkError(kind.folder, folder=True))
            if os.path.islink(folder)
            else unreadable(kind.folder, error, folder=True)
        )
        return loaded
    try:
        return _Folder(root, kind, folder_fd, use_cache).load()
    finally:
        if folder_fd >= 0:
            os.close(folder_fd)


class _Folder(Generic[R]):
    """One `load` of the folder of `kind`, open as `fd`."""

    def __init__(self, root: Path, kind: Kind[R], fd: int, use_cache: bool) -> None:
        self.root = root
        self.kind = kind
        self.fd = fd
        self.prefix = f"{kind.folder}/"
        self.use_cache = use_cache
        self.cache_path = root / cache.FOLDER / f"{kind.folder}.json"
        self.old: dict[str, Any] = (
            cache.read_cache(self.cache_path) if use_cache else {}
        )
        self.new: dict[str, Any] = {}
        self.unlisted: Problem | None = None  # the folder could not be listed
        self.decode = cache.decoder(kind.model)
        self.plain = cache.plain_fields(kind.model)
        assert kind.model.model_fields[0] == "id"  # a row's first value is its id

    def names(self) -> list[str]:
        if self.fd < 0:
            return []
        extension = self.kind.extension
        try:
            return sorted(
                name
                for name in os.listdir(self.fd)
                if name.endswith(extension) and not name.startswith(".")
            )
        except OSError as error:
            self.unlisted = unreadable(self.kind.folder, error, folder=True)
            return []

    def load(self) -> Loaded[R]:
        """One loop over the folder's names; each record comes from its cache
        entry or its file, and its id is checked against those seen before."""
        names = self.names()
        old, new, root, prefix, fd = self.old, self.new, self.root, self.prefix, self.fd
        decode, plain, reread = self.decode, self.plain, self.reread
        width = cache.row_width(self.kind.model)
        loaded: Loaded[R] = Loaded()
        records, problems = loaded.records, loaded.problems
        if self.unlisted is not None:
            problems.append(self.unlisted)
            return loaded  # the cache of the folder is kept for when it reads
        seen: dict[str, str] = {}  # id -> the file's name
        lstat, is_link, from_row = os.stat, stat.S_ISLNK, Stored.from_row
        for name in names:
            try:
                # the entry itself: a link is never followed (nor cached)
                info = lstat(name, dir_fd=fd, follow_symlinks=False)
            except OSError:
                continue
            if is_link(info.st_mode):
                problems.append(Problem.from_error(LinkError(prefix + name)))
                continue
            entry = old.get(name)
            usable = False
            if type(entry) is list and len(entry) == 6:
                ino, mtime_ns, size, row, body, problem = entry  # an `Entry`
                usable = (
                    mtime_ns == info.st_mtime_ns
                    and ino == info.st_ino
                    and size == info.st_size
                    and (body is None or type(body) is str)
                    and (
                        type(row) is list and len(row) == width and type(row[0]) is str
                        if problem is None
                        else type(problem) is list and len(problem) == 2
                    )
                )
            if usable:
                new[name] = entry
                if problem is not None:
                    problems.append(Problem(prefix + name, problem[0], problem[1]))
                    continue
                record_id = row[0]  # the record itself is built when used
                stored = from_row(
                    root=root,
                    file=prefix + name,
                    body=body or "",
                    stat=info,
                    decode=decode,
                    plain=plain,
                    reread=reread,
                    row=row,
                )
            else:
                found = self.read_file(name, info)
                if isinstance(found, Problem):
                    problems.append(found)
                    continue
                stored = found
                record_id = stored.record.id
            first = seen.get(record_id)
            if first is not None:
                problems.append(self.duplicate(name, first))
                continue
            seen[record_id] = name
            records.append(stored)
        if self.use_cache and new != old and (names or old):
            cache.write_cache(self.cache_path, new)
        loaded.short = ShortIds(seen)
        return loaded

    def read_file(self, name: str, info: os.stat_result) -> Stored[R] | Problem:
        """The record of the file `name` (with `info`), read and validated now;
        its cache entry is made for the next run (once the file has settled)."""
        key = cache.key_of(info)
        keep = self.use_cache and cache.settled(key)
        try:
            stored = read_at(self.root, self.kind, self.fd, name)
        except DataError as error:
            if keep:
                problem = [error.line, error.detail]
                self.new[name] = Entry.made(key, None, None, problem)
            return Problem.from_error(error)
        except JournalIOError as error:
            # never cached: making the file readable (chmod) leaves its key
            # as it was, and the record must then be read
            cause = error.__cause__
            assert isinstance(cause, OSError)
            return unreadable(self.prefix + name, cause)
        if not self.use_cache:
            return stored
        record = stored.record
        row = cache.encode(record)
        if keep and row is not None:
            self.new[name] = Entry.made(key, row, stored.body, None)
        return Stored.from_row(
            root=self.root,
            file=self.prefix + name,
            body=stored.body,
            stat=info,
            decode=self.decode,
            plain=self.plain,
            reread=self.reread,
            record=record,
        )

    def reread(self, relpath: str) -> Stored[R]:
        """A cached row that would not build: drop the cache, read the file."""
        with contextlib.suppress(OSError):
            self.cache_path.unlink()
        return read(self.root, self.kind, self.root / relpath)

    def duplicate(self, name: str, first: str) -> Problem:
        """The file `name` holds the id `first` holds too: a problem, named at
        the file's `id` line."""
        line = None
        with contextlib.suppress(MentorlogError, OSError):
            front = read_at(self.root, self.kind, self.fd, name).front
            first_line = 2 if self.kind.front_matter else 1
            line = tomlfile.line_of(front, ["id"], first_line=first_line)
        return Problem(self.prefix + name, line, duplicate_message(self.prefix + first))
