"""A derived cache of parsed records, so a read-only command does not re-parse
thousands of TOML files it parsed last time.

It is never the source of truth: each entry is keyed by the file's inode,
modification time (ns) and size, so a file changed in any way — by the tool,
an editor, git or a sync tool — is read again. Each entry also keeps a digest
of the file's bytes: a file whose times changed but whose bytes did not (what
a `git pull` or a checkout does to every file) is read and hashed, never
parsed and validated again. Writers never use it (a
read-modify-write under the lock always reads the files themselves). A cache
that is missing, corrupt, from another version or unwritable is ignored and
rebuilt. It lives in `.cache/` inside the journal, 0600 like everything else.

It is local state (SPEC §7.9): a cache this machine did not write for this
journal is never believed. Its header carries a MAC keyed with this machine's
secret (kept outside the journal, see `store.undo.machine_secret`) and bound to
the journal's real path, so a `.cache/` that arrives with a copied folder, a
sync tool or a commit is rebuilt, whatever it says.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import os
import time
import typing
import zlib
from collections.abc import Callable
from datetime import date, datetime
from datetime import time as time_of_day
from pathlib import Path
from types import NoneType, UnionType
from typing import Annotated, Any, Literal, TypeVar

from mentorlog.errors import MentorlogError
from mentorlog.models import Model, fields_of

from .atomic import DIR_MODE

VERSION = 4  # raised whenever a check of `mentorlog.schema` changes
FOLDER = ".cache"

Key = list[int]
M = TypeVar("M", bound=Model)


SETTLE_NS = 2_000_000_000


def key_of(stat: os.stat_result) -> Key:
    return [stat.st_ino, stat.st_mtime_ns, stat.st_size]


def digest(raw: bytes) -> str:
    """The digest of a file's bytes an entry keeps (192 bits: no two contents
    are found with the same one). It need not be keyed: the cache it is kept
    in carries this machine's MAC."""
    return hashlib.blake2b(raw, digest_size=24).hexdigest()


def settled(key: Key) -> bool:
    """Whether a file is old enough to cache. File times are coarse (a few ms):
    a file written again within that tick, in place and to the same size, would
    keep its key. Caching only files unchanged for two seconds rules that out
    (git calls this the "racy clean" problem)."""
    return time.time_ns() - key[1] >= SETTLE_NS


def read_cache(path: Path) -> dict[str, Any]:
    """Entries by file name, or nothing when the cache cannot be trusted: the
    first line names the format, a checksum of the rest and this machine's MAC
    of both, so a cache cut short, damaged on disk or written elsewhere is
    rebuilt, not believed."""
    try:
        key = _machine_key(path.parent, create=False)
        if key is None:
            return {}
        raw = _read(path)
        # the payload is checked and decoded in place, and the bytes dropped
        # before parsing: a large folder's cache is held once, not three times
        newline = raw.find(b"\n")
        payload = memoryview(raw)[newline + 1 :] if newline >= 0 else memoryview(b"")
        head = raw[:newline] if newline >= 0 else raw
        if not hmac.compare_digest(head, _header(payload, key)):
            return {}
        text = str(payload, "utf-8")
        payload.release()
        del raw
        entries = json.loads(text)
    except (OSError, ValueError):
        return {}
    return entries if isinstance(entries, dict) else {}


def _read(path: Path) -> bytes:
    """The cache file; if it or `.cache/` is a link, it is not followed and the
    cache is ignored, as a corrupt one would be."""
    from . import fs

    fd = os.open(path.parent, fs.FOLDER_FLAGS)
    try:
        return fs.read_at(fd, path.name, path.name)
    except MentorlogError as error:
        raise OSError(0, "a link") from error
    finally:
        os.close(fd)


def _header(payload: bytes | memoryview, key: bytes) -> bytes:
    """The format, the release and record shapes that wrote the rows (a row is
    a list of values in field order), a checksum of the rest, and a MAC of all
    that with this machine's key for this journal."""
    head = b"mentorlog-cache %d %s %08x" % (VERSION, fingerprint(), zlib.crc32(payload))
    mac = hashlib.blake2b(head, key=key, digest_size=16).hexdigest().encode("ascii")
    return head + b" " + mac


_machine_keys: dict[Path, bytes | None] = {}


def _machine_key(folder: Path, *, create: bool) -> bytes | None:
    """The key that signs the caches in `folder` (a journal's `.cache/`): this
    machine's secret bound to the journal's real path; None when this machine
    has no secret (then nothing is cached or believed)."""
    if folder in _machine_keys and (_machine_keys[folder] or not create):
        return _machine_keys[folder]
    from .undo import machine_secret

    secret = machine_secret(create=create)
    key = None
    if secret is not None:
        where = os.fsencode(os.path.realpath(folder.parent))
        key = hashlib.blake2b(
            b"mentorlog cache\0" + where, key=secret[:64], digest_size=32
        ).digest()
    _machine_keys[folder] = key
    return key


_fingerprint: list[bytes] = []


def fingerprint() -> bytes:
    """The release and every record's fields in order, each with its resolved
    type: a cache written by any other release or with other fields is not read
    at all. An annotation spelled another way for the same type (`None | Day`
    for `Day | None`) keeps the fingerprint."""
    if not _fingerprint:
        from mentorlog import __version__, models

        shapes = sorted(
            (name, tuple((spec.name, _spelled(spec.type)) for spec in fields_of(value)))
            for name, value in vars(models).items()
            if isinstance(value, type) and issubclass(value, models.Model)
        )
        text = repr((__version__, shapes)).encode("utf-8")
        _fingerprint.append(b"%08x" % zlib.crc32(text))
    return _fingerprint[0]


_spellings: dict[Any, str] = {}


def _spelled(hint: Any) -> str:
    """A resolved type as one canonical text: union members sorted, each alias
    with the names of its rules."""
    spelled = _spellings.get(hint)
    if spelled is None:
        spelled = _spellings[hint] = _spell(hint)
    return spelled


def _spell(hint: Any) -> str:
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin is Annotated:
        rules = ",".join(str(getattr(rule, "name", rule)) for rule in args[1:])
        return f"{_spelled(args[0])}@{rules}"
    if origin is typing.Union or origin is UnionType:
        return "|".join(sorted(_spelled(arg) for arg in args))
    if origin is Literal:
        return f"Literal{sorted(map(repr, args))}"
    if origin is not None:
        inner = ",".join(_spelled(arg) for arg in args)
        return f"{_spelled(origin)}[{inner}]"
    if hint is NoneType:
        return "None"
    return f"{getattr(hint, '__module__', '')}.{getattr(hint, '__qualname__', hint)}"


def write_cache(path: Path, entries: dict[str, Any]) -> None:
    """Best effort: a cache that cannot be written only costs time next run.
    Atomic (rename) so a reader never sees half a cache; no fsync, because a
    cache lost in a crash is simply rebuilt."""
    from . import fs

    with contextlib.suppress(OSError):
        folder = path.parent  # `.cache/`, one step below the journal root
        key = _machine_key(folder, create=True)
        if key is None:
            return  # no secret of this machine's to sign it with
        try:
            folder_fd = os.open(folder, fs.FOLDER_FLAGS)
        except FileNotFoundError:
            with contextlib.suppress(FileExistsError):
                os.mkdir(folder, DIR_MODE)
            folder_fd = os.open(folder, fs.FOLDER_FLAGS)  # a link: refused
            os.fchmod(folder_fd, DIR_MODE)
        try:
            if fs.is_link_at(path.name, folder_fd):
                return  # left alone, and so is what it points at
            payload = json.dumps(entries, separators=(",", ":"), ensure_ascii=False)
            content = _header(payload.encode(), key) + b"\n" + payload.encode()
            fs.write_at(folder_fd, path.name, content, sync=False)
        finally:
            os.close(folder_fd)


# -- records as JSON ----------------------------------------------------------
# A cached record is its declared fields as JSON (dates as ISO strings) plus
# `model_extra`. Decoding builds the plain object directly: no validation, as
# the entry was made from a record that validated, and is used only while its
# file keeps the same inode, time and size.


class _NotJSON(Exception):
    pass


def _tagged(value: Any) -> Any:
    """A key the user added, as JSON: text, numbers and flags as they are;
    tables, arrays, dates and times as [tag, value] (so a list is never
    ambiguous). TOML has nothing else but NaN and infinities, which are not
    cached."""
    if isinstance(value, str | bool | int):
        return value
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise _NotJSON
        return value
    if isinstance(value, dict):
        return ["m", {str(key): _tagged(item) for key, item in value.items()}]
    if isinstance(value, list):
        return ["l", [_tagged(item) for item in value]]
    if isinstance(value, datetime):
        return ["t", value.isoformat()]
    if isinstance(value, date):
        return ["d", value.isoformat()]
    if isinstance(value, time_of_day):
        return ["h", value.isoformat()]
    raise _NotJSON


def _untagged(value: Any) -> Any:
    if not isinstance(value, list):
        return value
    tag, inner = value
    if tag == "m":
        return {key: _untagged(item) for key, item in inner.items()}
    if tag == "l":
        return [_untagged(item) for item in inner]
    if tag == "t":
        return datetime.fromisoformat(inner)
    if tag == "d":
        return date.fromisoformat(inner)
    if tag == "h":
        return time_of_day.fromisoformat(inner)
    raise ValueError(f"unknown tag {tag!r}")


def encode(record: Model) -> list[Any] | None:
    """The record as a JSON row: its declared fields in order (dates as ISO
    text, nested tables as rows), then the keys the user added (or null). None
    when such a key holds what JSON cannot (a date, a time): that record is not
    cached."""
    values = record.__dict__
    row: list[Any] = []
    for spec in fields_of(type(record)):
        value = values[spec.name]
        form = spec.form
        if value is None or form == "plain":
            row.append(value)
        elif form == "date":
            row.append(value.isoformat())
        elif form == "records":
            items = [encode(item) for item in value]
            if any(item is None for item in items):
                return None
            row.append(items)
        else:
            nested = encode(value)
            if nested is None:
                return None
            row.append(nested)
    extra = values["model_extra"]
    try:
        row.append(_tagged(extra) if extra else None)
    except _NotJSON:
        return None
    return row


_decoders: dict[type[Model], Callable[[list[Any]], Any]] = {}
_plain: dict[type[Model], dict[str, int]] = {}


def plain_fields(cls: type[Model]) -> dict[str, int]:
    """The fields of `cls` a row holds as they are (text, numbers, flags, ids),
    by position: what can be read from a row without building the record."""
    found = _plain.get(cls)
    if found is None:
        found = _plain[cls] = {
            spec.name: position
            for position, spec in enumerate(fields_of(cls))
            if spec.form == "plain"
        }
    return found


def row_width(cls: type[Model]) -> int:
    return len(fields_of(cls)) + 1


def decoder(cls: type[M]) -> Callable[[list[Any]], M]:
    """A function that makes a `cls` record from a row `encode` made; it raises
    ValueError (or TypeError) for a row of another shape."""
    made = _decoders.get(cls)
    if made is not None:
        return made
    specs = fields_of(cls)
    names = (*(spec.name for spec in specs), "model_extra")
    width = len(names)
    dates = [spec.name for spec in specs if spec.form == "date"]
    nested = [
        (spec.name, decoder(spec.record), spec.form == "records")
        for spec in specs
        if spec.record is not None
    ]
    fromisoformat = date.fromisoformat
    new = object.__new__

    def decode(row: list[Any]) -> M:
        if len(row) != width:
            raise ValueError("a cache row of another shape")
        record: M = new(cls)
        attributes = record.__dict__
        attributes.update(zip(names, row, strict=True))
        extra = row[-1]
        attributes["model_extra"] = {} if extra is None else _untagged(extra)
        for name in dates:
            value = attributes[name]
            if value is not None:
                attributes[name] = fromisoformat(value)
        for name, inner, many in nested:
            value = attributes[name]
            if value is None:
                continue
            if many:
                attributes[name] = [inner(item) for item in value]
            else:
                attributes[name] = inner(value)
        return record

    _decoders[cls] = decode
    return decode
