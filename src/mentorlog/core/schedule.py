"""The cadence rules and the other dated rules of the mentorship loop, each in
one place (SPEC §1 items 3 and 7, §3, §5 item 2).

Every rule takes the records it needs and a date and returns dates: callers
read the journal once and hand the records in, so a rule never goes back to
disk.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from typing import TYPE_CHECKING

from mentorlog.dates import next_by_cadence

if TYPE_CHECKING:
    from mentorlog.models import Mentor, Resource, Session

IMPRESSION_AFTER = 7
"""Days after finishing a resource a mentor recommended that telling them what
you made of it is due (SPEC §1 item 7: "about a week later")."""

CADENCE_SLACK = 1.5
"""A gap between meetings up to this many times the cadence still counts as on
cadence (SPEC §5 item 2)."""


def meeting_after(held_on: date, cadence: str | None) -> date | None:
    """The meeting due after one held on `held_on`, at the rhythm `cadence`
    ("weekly", "biweekly", "monthly", "Nd", "Nw", "Nm"); None without one."""
    return next_by_cadence(held_on, cadence) if cadence else None


def next_meeting_due(mentor: Mentor, last_held: date | None) -> date | None:
    """When the next meeting with `mentor` is due by the agreed cadence: one
    cadence after the last meeting held, however long ago, else after the day
    the mentor was added. None when no cadence is agreed."""
    return meeting_after(last_held or mentor.created, mentor.effective_cadence)


def cadence_days(cadence: str, start: date) -> int:
    """The cadence in days, counted from `start` (a month varies)."""
    return (next_by_cadence(start, cadence) - start).days


def last_held_by_mentor(sessions: Iterable[Session]) -> dict[str, date]:
    """Mentor id -> the date of the last session held with them."""
    last: dict[str, date] = {}
    for session in sessions:
        if session.status == "held" and session.date > last.get(
            session.mentor, date.min
        ):
            last[session.mentor] = session.date
    return last


def impression_pending(resource: Resource) -> bool:
    """A resource a mentor recommended, explored, whose impression the mentor
    has not heard yet."""
    return bool(
        resource.recommended_by
        and resource.done
        and resource.impression_shared_on is None
    )


def impression_due(resource: Resource) -> date | None:
    """When telling the recommending mentor what you made of `resource` is
    due (`IMPRESSION_AFTER` days after it was finished); None when nothing is
    owed."""
    if not impression_pending(resource) or resource.done_on is None:
        return None
    return resource.done_on + timedelta(days=IMPRESSION_AFTER)
