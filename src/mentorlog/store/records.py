"""What the store hands out: a `Kind` of record, a record as `Stored` (with where
it came from), a folder's records as `Loaded`, and the `Problem` a broken file
is."""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import field
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Generic, TypeVar, cast

from mentorlog._struct import struct
from mentorlog.hints import Words

if TYPE_CHECKING:
    from mentorlog.errors import DataError
    from mentorlog.messages import Message
    from mentorlog.models import Model, Record

R = TypeVar("R", bound="Record")


# The TOML data of a record served by the cache: not read (a save reads the
# file first). One read-only mapping for all of them, not an empty dict each.
_NOT_READ = cast(dict[str, Any], MappingProxyType({}))


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

    Made by `from_file` (a file just read and validated: its text, data, front
    matter and body) or `from_row` (a record served by the derived cache: only
    its body; the text is read again before the record is saved). A record
    served by the cache is built when first asked for: a command that looks at
    one field of ten thousand records (`value`) builds only those it keeps."""

    __slots__ = (
        "_decode",
        "_key",
        "_path",
        "_plain",
        "_record",
        "_reread",
        "_root",
        "_row",
        "body",
        "cached",
        "data",
        "file",
        "front",
        "text",
    )

    _decode: Callable[[list[Any]], R] | None
    _path: Path | None
    _plain: dict[str, int] | None
    _record: R | None
    _reread: Callable[[str], Stored[R]] | None
    _root: Path | None
    _row: list[Any] | None
    _key: tuple[int, int, int] | None
    body: str  # the prose after the front matter (.md records)
    cached: bool  # from the derived cache: text, data, front not read
    data: dict[str, Any]
    file: str  # the path inside the journal, as shown to the user
    front: str  # the TOML part of `text` (all of it for .toml records)
    text: str

    @classmethod
    def from_file(
        cls,
        *,
        record: R,
        path: Path,
        file: str,
        text: str,
        data: dict[str, Any],
        front: str,
        body: str,
    ) -> Stored[R]:
        """A record just read from `path` (`file` inside the journal)."""
        self = cls.__new__(cls)
        self._record = record
        self._path = path
        self._root = None
        self._row = self._decode = self._plain = self._reread = self._key = None
        self.file = file
        self.text = text
        self.data = data
        self.front = front
        self.body = body
        self.cached = False
        return self

    @classmethod
    def from_row(
        cls,
        root: Path,
        file: str,
        body: str,
        key: tuple[int, int, int],
        decode: Callable[[list[Any]], R],
        plain: dict[str, int],
        reread: Callable[[str], Stored[R]],
        row: list[Any] | None = None,
        record: R | None = None,
    ) -> Stored[R]:
        """A record of the derived cache: built from `row` by `decode` when first
        used (or `record`, when already built); `plain` names the fields the row
        holds as they are; `reread` reads `file` when the row will not build;
        `key` is the file's inode, modification time (ns) and size, so a save
        can tell it has not changed."""
        self = cls.__new__(cls)
        self._record = record
        self._row = row if record is None else None
        self._decode = decode
        self._plain = plain
        self._reread = reread
        self._key = key
        self._path = None  # `root / file`, made when asked for
        self._root = root
        self.file = file
        self.text = ""
        self.data = _NOT_READ
        self.front = ""
        self.body = body
        self.cached = True
        return self

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
        before = self._key
        if before is None:
            return False
        try:
            now = os.stat(self.path, follow_symlinks=False)
        except OSError:
            return False
        return (now.st_ino, now.st_mtime_ns, now.st_size) == before

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
    message: Words | Message

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
    # (copy, original): a sync tool's conflicted copies, never records
    copies: list[tuple[str, str]] = field(default_factory=list)


def duplicate_message(first: str) -> str:
    return f"duplicate id: {first} has the same id (a copy? keep one of the two)"


def record_data(record: Model) -> dict[str, Any]:
    """The record as plain data in canonical key order: declared fields first,
    then the keys the user added; no empty or missing values of declared fields
    (at any depth), so a fresh file holds only what was said. `private` is
    written only when true: a file that never says it is not private."""
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
        if key == "private" and value is False:
            continue
        data[key] = value
    data.update(record.__dict__["model_extra"] or {})  # the keys the user added
    return data
