"""What every use-case does the same way: create a record, change one under the
lock, name the short id of a record, read a todo.txt-style due date."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import Generic, TypeVar

from mentorlog._struct import struct
from mentorlog.errors import UserError
from mentorlog.messages import errors as e
from mentorlog.models import Record
from mentorlog.store.ids import short_ids
from mentorlog.store.journal import Journal, Kind, Loaded

R = TypeVar("R", bound=Record)
MAX_TEXT = 2000


@struct(frozen=True)
class When:
    """When a meeting is: its day and, if one was given, its time of day
    ("HH:MM"; None keeps the time the meeting has)."""

    day: date
    time: str | None = None


@struct
class Saved(Generic[R]):
    """A record just written, with its short id and file."""

    record: R
    short: str
    file: str


def union(first: list[str], second: list[str]) -> list[str]:
    """`first`, then each item of `second` it does not hold yet, compared as
    references compare text (`store.refs.normal`: NFC, case-folded), so
    topics, questions and answers typed twice in other cases, or with an
    accent typed another way, are one."""
    from mentorlog.store.refs import normal

    merged = list(first)
    seen = {normal(item) for item in first}
    for item in second:
        if normal(item) not in seen:
            merged.append(item)
            seen.add(normal(item))
    return merged


def short_of(loaded: Loaded[R], record: R) -> str:
    return loaded.short.get(record.id) or short_ids([record.id])[record.id]


def create(journal: Journal, kind: Kind[R], record: R) -> Saved[R]:
    with journal.transaction():
        # the ids there are, read before the write: the new file is not read
        # back (nor validated again) only to work out its short id
        others = journal.load(kind).short
        path = journal.save(kind, record)
        short = short_ids([*others, record.id])[record.id]
        return Saved(record, short, journal.relative(path))


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


def one_line(value: str) -> str:
    """A name or title as one line of plain text: line breaks (CR, U+2028 and
    the rest) become spaces, and controls, escape sequences and bidi overrides
    are dropped, so no name can reshape a Markdown file it is written into
    (SPEC §7.6). Used for what is typed and for what a file from another
    device says."""
    from mentorlog.sink import clean

    return " ".join(clean(" ".join(value.split()), stored=True).split())


def many_lines(value: str) -> str:
    """Text that may span lines, with plain newlines only: CR and the Unicode
    line separators become newlines; controls and escapes are dropped."""
    from mentorlog.sink import clean

    text = value.replace("\r\n", "\n").replace("\r", "\n")
    return clean(text, one_line=False, stored=True)


def text_of(value: str, what: str) -> str:
    """User text, whitespace-trimmed, refused when empty or unreasonably long."""
    cleaned = many_lines(value).strip()
    if not cleaned:
        raise UserError(e.TextEmpty(what))
    if len(cleaned) > MAX_TEXT:
        raise UserError(e.TextTooLong(what, len(cleaned), MAX_TEXT))
    return cleaned


_DUE = re.compile(r"(?:^|(?<=\s))due:", re.IGNORECASE)


def split_due(text: str, base: date, *, strict: bool = True) -> tuple[str, date | None]:
    """`Send the draft due:friday to Ada` as ("Send the draft to Ada", that
    Friday), todo.txt style (SPEC §2 Dates). A one-word date can sit anywhere; a
    date of several words (`due:in 5 days`) only at the end. A `due:` we cannot
    read is an error quoting it, never text kept silently, unless not `strict`
    (the command was given its own date with `--due`): then the words stay
    text as typed ("the due:diligence memo"). Two `due:` dates are an error."""
    from mentorlog.dates import FORWARD, parse_date

    found = list(_DUE.finditer(text))
    if not found:
        return text, None
    marker = found[0]
    head = text[: marker.start()].rstrip()
    tail = text[marker.end() :].strip()
    try:
        day: date | None = parse_date(tail, base=base, direction=FORWARD)
        rest = ""
    except UserError:
        words = text[marker.end() :].split(maxsplit=1)
        word = words[0] if words and not text[marker.end() :][:1].isspace() else ""
        rest = words[1] if len(words) > 1 else ""
        try:
            day = parse_date(word, base=base, direction=FORWARD)
        except UserError:
            day = None
    if day is None:
        if not strict:
            return text, None
        shown = ("due:" + (tail if len(tail) <= 40 else tail[:37] + "...")).strip()
        raise UserError(e.DueUnreadable(shown))
    if len(found) > 1:
        raise UserError(e.DueTwice(len(found)))
    return " ".join(part for part in (head, rest) if part), day


def keep_draft(journal: Journal, stem: str, argv: list[str]) -> str:
    """Answers typed at prompts that were stopped midway (Ctrl-C, end of input),
    kept as the command that records them: `sh` the file to finish. Returns the
    draft's path as the user would type it."""
    import secrets
    import shlex
    from datetime import datetime

    from mentorlog.store.slugs import slugify

    name = (
        f"{slugify(stem, fallback='answers')}-"
        f"{datetime.now().strftime('%Y%m%d-%H%M%S')}-{secrets.token_hex(2)}.sh"
    )
    path = journal.root / ".drafts" / name
    text = (
        "# Answers typed before the prompts were stopped; nothing was recorded.\n"
        "# Check them, then run: sh "
        + shlex.quote(str(path))
        + "\n"
        + shlex.join(["mentorlog", *argv])
        + "\n"
    )
    with journal.transaction():
        journal.write_text(path, text)
    return str(path)
