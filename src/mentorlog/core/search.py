"""`search`: every word you wrote — agendas, notes, takeaways, actions, feedback,
goals, resources, the log — each hit with its record, date and line."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

from mentorlog._struct import struct
from mentorlog.errors import UserError
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

MAX_LINE = 160


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

    def as_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "id": self.id,
            "short_id": self.short,
            "title": self.title,
            "date": self.day.isoformat(),
            "field": self.field,
            "line": self.line,
            "file": self.file,
        }


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


def search(
    journal: Journal,
    query: str,
    *,
    mentor: str | None = None,
    since: date | None = None,
) -> SearchResult:
    needle = " ".join(query.split()).lower()
    if not needle:
        raise UserError("say what to search for")
    wanted = journal.resolve(MENTORS, mentor).record.id if mentor else None
    hits: list[Hit] = []
    problems: list[Problem] = []
    for kind in ALL_KINDS:
        loaded = journal.load(kind)
        problems.extend(loaded.problems)
        for stored in loaded.records:
            record = stored.record
            if wanted is not None and _mentor_of(record) != wanted:
                continue
            day = _day(record)
            if since is not None and day < since:
                continue
            seen: set[str] = set()
            for field, text in _texts(record, stored.body):
                for line in text.splitlines():
                    if needle in line.lower() and line not in seen:
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
    hits.sort(key=lambda h: (h.day, h.kind, h.id), reverse=True)
    return SearchResult(query, hits, problems)
