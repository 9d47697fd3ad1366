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

from . import cache, conflicts, fs, tomlfile
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
    return tomlfile.decode(read_record_bytes(root, path), relative(root, path))


def read_record_bytes(root: Path, path: Path) -> bytes:
    """`read_bytes` of a record's file: a folder in its place is a `DataError`."""
    try:
        return read_bytes(root, path)
    except JournalIOError as error:
        if error.errno != errno.EISDIR:
            raise
        raise DataError(
            relative(root, path), None, "a folder stands where a file should be"
        ) from None


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


def _same_size_bytes(folder_fd: int, name: str, size: int) -> bytes | None:
    """The bytes of `name` (no link followed) if it holds `size` of them, else
    None (then it is read the usual way). Only to compare with a digest: what
    does not match is read again, with every check of `fs.read_at`."""
    try:
        fd = os.open(name, fs.READ_FLAGS, dir_fd=folder_fd)
    except OSError:
        return None
    try:
        raw = os.read(fd, size + 1)
    except OSError:
        return None
    finally:
        os.close(fd)
    return raw if len(raw) == size else None


def read(root: Path, kind: Kind[R], path: Path) -> Stored[R]:
    stored = parse(root, kind, read_text(root, path), relative(root, path))
    stored.path = path
    return stored


def read_at(root: Path, kind: Kind[R], folder_fd: int, name: str) -> Stored[R]:
    """`read`, for a file named in its kind's folder, already open (no link
    followed)."""
    relpath = f"{kind.folder}/{name}"
    return parse(
        root,
        kind,
        tomlfile.decode(raw_at(root, kind, folder_fd, name), relpath),
        relpath,
    )


def raw_at(root: Path, kind: Kind[Any], folder_fd: int, name: str) -> bytes:
    """The bytes of the file `name` in its kind's folder, open as `folder_fd`
    (no link followed)."""
    relpath = f"{kind.folder}/{name}"
    try:
        return fs.read_at(folder_fd, name, relpath)
    except IsADirectoryError:
        raise DataError(
            relpath, None, "a folder stands where a file should be"
        ) from None
    except OSError as error:
        raise JournalIOError(root / relpath, error, action="read") from error


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
    then what it held:
    the record's row and body, or the problem that kept it out, as [line,
    detail]; last the digest of its bytes (`cache.digest`)."""

    ino: int
    mtime_ns: int
    size: int
    row: list[Any] | None
    body: str | None
    problem: list[Any] | None
    digest: str

    @classmethod
    def made(
        cls,
        key: list[int],
        row: list[Any] | None,
        body: str | None,
        problem: Any,
        digest: str,
    ) -> list[Any]:
        """The entry for a file with `key`, as the cache holds it."""
        ino, mtime_ns, size = key
        return list(cls(ino, mtime_ns, size, row, body, problem, digest))


def load(
    root: Path,
    kind: Kind[R],
    *,
    use_cache: bool,
    listed: conflicts.Listed | None = None,
) -> Loaded[R]:
    """Every record of `kind` that reads; a `Problem` for each file that does
    not (a link, a duplicate id, a file that does not parse or validate).
    `listed`: the folder's names as `conflicts.scan` just sorted them out, so
    the folder is not listed a second time (None: it is listed here)."""
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
        return _Folder(root, kind, folder_fd, use_cache, listed).load()
    finally:
        if folder_fd >= 0:
            os.close(folder_fd)


class _Reread(Generic[R]):
    """What a record served by the cache does with a row that would not build:
    drop the cache, read the file. It holds only where those are, so the rows
    of a folder's cache are freed once the records that use them are."""

    __slots__ = ("cache_path", "kind", "root")

    def __init__(self, root: Path, kind: Kind[R], cache_path: Path) -> None:
        self.root, self.kind, self.cache_path = root, kind, cache_path

    def __call__(self, relpath: str) -> Stored[R]:
        with contextlib.suppress(OSError):
            self.cache_path.unlink()
        return read(self.root, self.kind, self.root / relpath)


class _Folder(Generic[R]):
    """One `load` of the folder of `kind`, open as `fd`."""

    def __init__(
        self,
        root: Path,
        kind: Kind[R],
        fd: int,
        use_cache: bool,
        listed: conflicts.Listed | None = None,
    ) -> None:
        self.root = root
        self.listed = listed  # the names sorted out already, if they were
        self.kind = kind
        self.fd = fd
        self.prefix = f"{kind.folder}/"
        self.use_cache = use_cache
        self.cache_path = root / cache.FOLDER / f"{kind.folder}.json"
        self.old: dict[str, Any] = (
            cache.read_cache(self.cache_path) if use_cache else {}
        )
        self.new: dict[str, Any] = {}
        self.reread = _Reread(root, kind, self.cache_path)
        self.unlisted: Problem | None = None  # the folder could not be listed
        self.decode = cache.decoder(kind.model)
        self.plain = cache.plain_fields(kind.model)
        assert kind.model.model_fields[0] == "id"  # a row's first value is its id

    def names(self, copies: list[tuple[str, str]]) -> list[str]:
        """The record files of the folder, in `conflicts.reading_order`
        (originals before their copies); the conflicted copies a
        sync tool made (see `store.conflicts`) go to `copies` instead.
        (`scandir` would give no more: a file's times take one `stat` each
        however it is listed, and keeping its entries costs memory on a large
        folder.)"""
        if self.fd < 0:
            return []
        if self.listed is not None:
            names, found = self.listed
        else:
            try:
                listed = os.listdir(self.fd)
            except OSError as error:
                self.unlisted = unreadable(self.kind.folder, error, folder=True)
                return []
            names, found = conflicts.sort_out(listed, self.kind.extension)
        copies += [
            (self.prefix + name, self.prefix + original) for name, original in found
        ]
        copies.sort()
        return conflicts.reading_order(names)

    def load(self) -> Loaded[R]:
        """One loop over the folder's files; each record comes from its cache
        entry (the file's key unchanged, or else its bytes) or its file, and its
        id is checked against those seen before."""
        loaded: Loaded[R] = Loaded()
        names = self.names(loaded.copies)
        old, new, root, prefix, fd = self.old, self.new, self.root, self.prefix, self.fd
        decode, plain, reread = self.decode, self.plain, self.reread
        width = cache.row_width(self.kind.model)
        records, problems = loaded.records, loaded.problems
        if self.unlisted is not None:
            problems.append(self.unlisted)
            return loaded  # the cache of the folder is kept for when it reads
        seen: dict[str, str] = {}  # id -> the file's name
        lstat, is_link, from_row = os.stat, stat.S_ISLNK, Stored.from_row
        for name in names:
            try:
                # the entry itself: a link is never followed (nor cached); one
                # path lookup for the folder, not one per file
                info = lstat(name, dir_fd=fd, follow_symlinks=False)
            except OSError:
                continue
            if is_link(info.st_mode):
                problems.append(Problem.from_error(LinkError(prefix + name)))
                continue
            entry = old.get(name)
            raw = None
            usable = False
            if type(entry) is list and len(entry) == 7:
                ino, mtime_ns, size, row, body, problem, hashed = entry  # an `Entry`
                usable = (
                    size == info.st_size
                    and type(hashed) is str
                    and (body is None or type(body) is str)
                    and (
                        type(row) is list and len(row) == width and type(row[0]) is str
                        if problem is None
                        else type(problem) is list and len(problem) == 2
                    )
                )
                if usable and (mtime_ns != info.st_mtime_ns or ino != info.st_ino):
                    # touched (a pull, a checkout): the same bytes need no parse
                    entry, raw = self.touched(name, info, entry)
                    usable = entry is not None
            if usable:
                new[name] = entry
                if problem is not None:
                    problems.append(Problem(prefix + name, problem[0], problem[1]))
                    continue
                record_id = row[0]  # the record itself is built when used
                stored = from_row(  # positional: once per record
                    root,
                    prefix + name,
                    body or "",
                    (info.st_ino, info.st_mtime_ns, info.st_size),
                    decode,
                    plain,
                    reread,
                    row,
                )
            else:
                found = self.read_file(name, info, raw)
                if isinstance(found, Problem):
                    problems.append(found)
                    continue
                stored = found
                record_id = stored.record.id
            if record_id in seen:
                self.seen_again(loaded, name, record_id, seen)
                continue
            seen[record_id] = name
            records.append(stored)
        if self.use_cache and new != old and (names or old):
            cache.write_cache(self.cache_path, new)
        # the ids alone: the file names are not kept alive for the short ids
        loaded.short = ShortIds(dict.fromkeys(seen))
        return loaded

    def touched(
        self, name: str, info: os.stat_result, entry: list[Any]
    ) -> tuple[list[Any] | None, bytes | None]:
        """The cache entry of a file whose key changed but whose size did not,
        if its bytes are still those hashed (None if not), and the bytes read.
        Until the file has settled its entry keeps the old key, so its bytes
        are hashed again on each run."""
        _, _, size, row, body, problem, hashed = entry
        raw = _same_size_bytes(self.fd, name, size)
        if raw is None or cache.digest(raw) != hashed:
            return None, raw
        key = cache.key_of(info)
        if cache.settled(key):
            entry = Entry.made(key, row, body, problem, hashed)
        return entry, raw

    def seen_again(
        self,
        loaded: Loaded[R],
        name: str,
        record_id: str,
        seen: dict[str, str],
    ) -> None:
        """The record of the file `name` has an id a file read before has too:
        it is a conflicted copy of that file (its name plus a suffix: files
        sort by stem, so the original comes first), or a duplicate."""
        first = seen[record_id]  # the file read before with that id
        if conflicts.is_suffixed_copy(name, first):
            loaded.copies.append((self.prefix + name, self.prefix + first))
        else:
            loaded.problems.append(self.duplicate(name, first))

    def read_file(
        self, name: str, info: os.stat_result, raw: bytes | None = None
    ) -> Stored[R] | Problem:
        """The record of the file `name` (with `info`; `raw`, its bytes when
        already read), read and validated now; its cache entry is made for the
        next run."""
        key = cache.key_of(info)
        keep = self.use_cache and cache.settled(key)
        relpath = self.prefix + name
        hashed = ""
        try:
            if raw is None:
                raw = raw_at(self.root, self.kind, self.fd, name)
            if keep:
                hashed = cache.digest(raw)
            stored = parse(self.root, self.kind, tomlfile.decode(raw, relpath), relpath)
        except DataError as error:
            if keep and hashed:
                problem = [error.line, error.detail]
                self.new[name] = Entry.made(key, None, None, problem, hashed)
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
            self.new[name] = Entry.made(key, row, stored.body, None, hashed)
        return Stored.from_row(
            root=self.root,
            file=relpath,
            body=stored.body,
            key=(info.st_ino, info.st_mtime_ns, info.st_size),
            decode=self.decode,
            plain=self.plain,
            reread=self.reread,
            record=record,
        )

    def duplicate(self, name: str, first: str) -> Problem:
        """The file `name` holds the id `first` holds too: a problem, named at
        the file's `id` line."""
        line = None
        with contextlib.suppress(MentorlogError, OSError):
            front = read_at(self.root, self.kind, self.fd, name).front
            first_line = 2 if self.kind.front_matter else 1
            line = tomlfile.line_of(front, ["id"], first_line=first_line)
        return Problem(self.prefix + name, line, duplicate_message(self.prefix + first))
