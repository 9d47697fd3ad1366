"""`calendar`: one month's meetings, action due dates and milestone dates."""

from __future__ import annotations

from dataclasses import field
from datetime import date
from typing import Literal

from mentorlog._struct import struct
from mentorlog.errors import UserError
from mentorlog.messages import errors as e
from mentorlog.store.journal import Journal, Problem
from mentorlog.store.kinds import ACTIONS, GOALS, SESSIONS
from mentorlog.tojson import Each, json_keys

from .sessions import mentors_by_id

What = Literal["meeting", "action", "milestone"]


@struct(frozen=True)
class Dated:
    day: date
    what: What
    text: str  # the mentor's name, the action's text, "goal: milestone"
    time: str | None = None  # a meeting's time of day
    status: str | None = None  # a meeting's: planned or held
    id: str = ""


@json_keys(
    {
        "month": lambda m: f"{m.year:04d}-{m.month:02d}",
        "items": Each(
            "items",
            {
                "date": "day",
                "kind": "what",
                "text": "text",
                "time": "time",
                "status": "status",
                "id": "id",
            },
        ),
    }
)
@struct
class Month:
    year: int
    month: int
    today: date
    items: list[Dated]
    problems: list[Problem] = field(default_factory=list)

    def on(self, day: date) -> list[Dated]:
        return [item for item in self.items if item.day == day]


def parse_month(text: str | None, today: date) -> tuple[int, int]:
    """`YYYY-MM` (default: this month) as (year, month)."""
    if text is None:
        return today.year, today.month
    year, dash, month = text.strip().partition("-")
    if (
        dash
        and len(year) == 4
        and year.isdigit()
        and month.isdigit()
        and len(month) in (1, 2)
        and 1 <= int(month) <= 12
        and 1900 <= int(year) <= 2999
    ):
        return int(year), int(month)
    raise UserError(e.NotAMonth(text))


_ORDER = {"meeting": 0, "action": 1, "milestone": 2}


def month_view(journal: Journal, year: int, month: int, today: date) -> Month:
    def inside(day: date | None) -> bool:
        return day is not None and (day.year, day.month) == (year, month)

    items: list[Dated] = []
    sessions = journal.load(SESSIONS)
    mentors = mentors_by_id(journal)
    for stored in sessions.records:
        s = stored.record
        if s.status == "cancelled" or not inside(s.date):
            continue
        mentor = mentors.get(s.mentor)
        name = mentor.name if mentor else s.mentor_name
        items.append(Dated(s.date, "meeting", name, s.time, s.status, s.id))
    actions = journal.load(ACTIONS)
    for stored_action in actions.records:
        a = stored_action.record
        if a.status == "open" and a.due is not None and inside(a.due):
            items.append(Dated(a.due, "action", a.text, id=a.id))
    goals = journal.load(GOALS)
    for stored_goal in goals.records:
        g = stored_goal.record
        if g.status != "active":
            continue
        for milestone in g.milestones:
            if (
                not milestone.done
                and milestone.due is not None
                and inside(milestone.due)
            ):
                text = f"{g.title}: {milestone.title}"
                items.append(Dated(milestone.due, "milestone", text, id=g.id))
    items.sort(key=lambda i: (i.day, _ORDER[i.what], i.time or "", i.text))
    return Month(
        year,
        month,
        today,
        items,
        [*sessions.problems, *actions.problems, *goals.problems],
    )
