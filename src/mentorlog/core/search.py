"""`search`: every word you wrote — agendas, notes, takeaways, actions, feedback,
goals, resources, the log — each hit with its record, date and line."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from mentorlog._struct import struct
from mentorlog.errors import UserError
from mentorlog.messages import errors as e
from mentorlog.models import (
    ActionItem,
    Feedback,
    Goal,
    LogEntry,
    Mentor,
    Record,
    Resource,
    Session,
)
from mentorlog.store.journal import Journal, Problem
from mentorlog.store.kinds import ALL_KINDS, MENTORS
from mentorlog.store.refs import normal
from mentorlog.tojson import json_keys

MAX_LINE = 160


@json_keys(
    {
        "kind": "kind",
        "id": "id",
        "short_id": "short",
        "title": "title",
        "date": "day",
        "field": "field",
        "line": "line",
        "file": "file",
    }
)
@struct(frozen=True)
class Hit:
    kind: str
    id: str
    short: str
    title: str
    day: date
    field: str
    line: str
    file: str


@struct
class SearchResult:
    query: str
    hits: list[Hit]
    problems: list[Problem]


def _texts(record: Record, body: str) -> Iterator[tuple[str, str]]:
    """(field, text) pairs worth searching in a record."""
    if isinstance(record, Goal):
        yield "title", record.title
        for part in ("specific", "measurable", "achievable", "relevant", "area"):
            value = getattr(record, part)
            if value:
                yield part, value
        for milestone in record.milestones:
            yield "milestone", milestone.title
    elif isinstance(record, Mentor):
        yield "name", record.name
        for part in ("org", "ask", "values", "challenges", "work_style"):
            value = getattr(record, part)
            if value:
                yield part, value
        yield "expertise", ", ".join(record.expertise)
    elif isinstance(record, Session):
        for takeaway in record.takeaways:
            yield "takeaway", takeaway
    elif isinstance(record, ActionItem | Feedback | LogEntry):
        yield "text", record.text
        if isinstance(record, Feedback) and record.how:
            yield "applied", record.how
    elif isinstance(record, Resource):
        yield "title", record.title
        if record.impression:
            yield "impression", record.impression
    for line in body.splitlines():
        if line.strip() and not line.lstrip().startswith("<!--"):
            yield "notes", line.strip()


def _day(record: Record) -> date:
    for name in ("date", "received", "created", "added"):
        value = getattr(record, name, None)
        if isinstance(value, date):
            return value
    return date.min


def _mentor_of(record: Record) -> str | None:
    if isinstance(record, Mentor):
        return record.id
    if isinstance(record, Resource):
        return record.recommended_by
    value = getattr(record, "mentor", None)
    return value if isinstance(value, str) else None


def _label(record: Record) -> str:
    if isinstance(record, Session):
        return f"{record.mentor_name} · {record.date.isoformat()}"
    for name in ("title", "name", "text"):
        value = getattr(record, name, None)
        if isinstance(value, str):
            return value
    return record.id


def _copied(session: Session, records: dict[str, Record]) -> list[tuple[str, str]]:
    """(source record id, normalised text) of what `prep` copied into this
    session's agenda: its `agenda_keys` say which record each line came from."""
    copies: list[tuple[str, str]] = []
    for key in session.agenda_keys:
        what, _, rest = key.partition(":")
        source_id, _, detail = rest.partition(":")
        source = records.get(source_id)
        if source is None:
            continue
        if what == "takeaway" and isinstance(source, Session):
            index = int(detail) if detail.isdecimal() else -1
            if 0 <= index < len(source.takeaways):
                copies.append((source_id, normal(source.takeaways[index])))
        elif what == "openq":
            copies.append((source_id, normal(detail)))
        else:
            copies.extend((source_id, normal(text)) for _, text in _texts(source, ""))
    return [(source_id, text) for source_id, text in copies if text]


def search(
    journal: Journal,
    query: str,
    *,
    mentor: str | None = None,
    since: date | None = None,
) -> SearchResult:
    """Every line the user wrote that holds `query`, compared as references are
    (NFC, case-folded). A line `prep` copied into an agenda from a record that is
    itself a hit (an action, a takeaway, feedback...) is shown once, at its
    record, not again for each agenda that copied it."""
    needle = normal(query)
    if not needle:
        raise UserError(e.SearchEmpty())
    wanted = journal.resolve(MENTORS, mentor).record.id if mentor else None
    hits: list[Hit] = []
    problems: list[Problem] = []
    records: dict[str, Record] = {}
    for kind in ALL_KINDS:
        loaded = journal.load(kind)
        problems.extend(loaded.problems)
        for stored in loaded.records:
            records[stored.record.id] = stored.record
            record = stored.record
            if wanted is not None and _mentor_of(record) != wanted:
                continue
            day = _day(record)
            if since is not None and day < since:
                continue
            seen: set[str] = set()
            for field, text in _texts(record, stored.body):
                for line in text.splitlines():
                    if needle in normal(line) and line not in seen:
                        seen.add(line)
                        shown = (
                            line
                            if len(line) <= MAX_LINE
                            else line[: MAX_LINE - 1] + "…"
                        )
                        hits.append(
                            Hit(
                                kind.name,
                                record.id,
                                loaded.short[record.id],
                                _label(record),
                                day,
                                field,
                                shown,
                                stored.file,
                            )
                        )
    hits = _without_copies(hits, records)
    hits.sort(key=lambda h: (h.day, h.kind, h.id), reverse=True)
    return SearchResult(query, hits, problems)


def _without_copies(hits: list[Hit], records: dict[str, Record]) -> list[Hit]:
    found = {hit.id for hit in hits}
    kept: list[Hit] = []
    for hit in hits:
        record = records.get(hit.id)
        if hit.field == "notes" and isinstance(record, Session):
            line = normal(hit.line)
            if any(
                source in found and source != hit.id and text in line
                for source, text in _copied(record, records)
            ):
                continue
        kept.append(hit)
    return kept
