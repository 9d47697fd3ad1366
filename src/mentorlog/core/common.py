"""What every use-case does the same way: create a record, change one under the
lock, name the short id of a record, read a todo.txt-style due date."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import Generic, TypeVar

from mentorlog._struct import struct
from mentorlog.errors import UserError
from mentorlog.models import Record
from mentorlog.store.ids import short_ids
from mentorlog.store.journal import Journal, Kind, Loaded

R = TypeVar("R", bound=Record)
MAX_TEXT = 2000


@struct
class Saved(Generic[R]):
    """A record just written, with its short id and file."""

    record: R
    short: str
    file: str


def short_of(loaded: Loaded[R], record: R) -> str:
    return loaded.short.get(record.id) or short_ids([record.id])[record.id]


def create(journal: Journal, kind: Kind[R], record: R) -> Saved[R]:
    with journal.transaction():
        path = journal.save(kind, record)
        loaded = journal.load(kind)
        return Saved(record, short_of(loaded, record), journal.relative(path))


def change(
    journal: Journal, kind: Kind[R], ref: str, update: Callable[[R], R]
) -> tuple[Saved[R], R]:
    """Apply `update` to the record `ref` names, under the lock; return the saved
    record and the one before."""
    with journal.transaction():
        loaded = journal.load(kind)
        stored = journal.resolve(kind, ref, loaded)
        before = stored.record
        after = update(before)
        journal.save(kind, after, stored)
        return Saved(after, short_of(loaded, after), stored.file), before


def text_of(value: str, what: str) -> str:
    """User text, whitespace-trimmed, refused when empty or unreasonably long."""
    cleaned = value.strip()
    if not cleaned:
        raise UserError(f"the {what} is empty")
    if len(cleaned) > MAX_TEXT:
        raise UserError(f"the {what} is {len(cleaned)} characters; {MAX_TEXT} at most")
    return cleaned


_DUE = re.compile(r"(?:^|\s)due:", re.IGNORECASE)


def split_due(text: str, base: date) -> tuple[str, date | None]:
    """`Email the venue due:friday` as ("Email the venue", that Friday), todo.txt
    style: the date is everything after the last `due:` and must end the text
    (`due:in 5 days` works). Anything else with `due:` in it stays text, except
    a single unreadable word at the end (`due:fridya`), which is an error."""
    from mentorlog.dates import parse_date

    found = list(_DUE.finditer(text))
    if not found:
        return text, None
    start = found[-1]
    head = text[: start.start()].rstrip()
    tail = text[start.end() :].strip()
    try:
        return head, parse_date(tail, base=base)
    except UserError:
        if tail and len(tail.split()) == 1:
            raise UserError(f'cannot read the date in "due:{tail}"') from None
        return text, None
