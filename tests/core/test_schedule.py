"""The cadence and impression rules, each in one place (core/schedule.py)."""

from datetime import date

import pytest

from mentorlog.core.schedule import (
    cadence_days,
    impression_due,
    impression_pending,
    last_held_by_mentor,
    meeting_after,
    next_meeting_due,
)
from mentorlog.models import Agreement, Mentor, Resource, Session

ID = "01JD000000000000000000000"


def mentor(cadence: str | None, agreed: str | None = None) -> Mentor:
    return Mentor(
        id=ID + "M",
        name="Ada",
        created=date(2026, 10, 1),
        cadence=cadence,
        agreement=Agreement(cadence=agreed),
    )


def held(mentor_id: str, on: date, status: str = "held") -> Session:
    return Session(
        id=ID + "S",
        mentor=mentor_id,
        mentor_name="Ada",
        date=on,
        status=status,
        created=on,
    )


@pytest.mark.parametrize(
    ("cadence", "after"),
    [
        ("weekly", date(2026, 11, 9)),
        ("biweekly", date(2026, 11, 16)),
        ("monthly", date(2026, 12, 2)),
        ("10d", date(2026, 11, 12)),
        (None, None),
    ],
)
def test_meeting_after_follows_the_cadence(cadence: str | None, after: date) -> None:
    assert meeting_after(date(2026, 11, 2), cadence) == after


def test_next_meeting_due_counts_from_the_last_held_however_long_ago() -> None:
    assert next_meeting_due(mentor("weekly"), date(2025, 1, 6)) == date(2025, 1, 13)


def test_next_meeting_due_counts_from_when_the_mentor_was_added_before_any() -> None:
    assert next_meeting_due(mentor("weekly"), None) == date(2026, 10, 8)


def test_the_agreed_cadence_wins_over_the_profile_and_none_means_no_date() -> None:
    assert next_meeting_due(mentor("monthly", agreed="weekly"), None) == date(
        2026, 10, 8
    )
    assert next_meeting_due(mentor(None), date(2026, 11, 1)) is None


def test_cadence_days_depends_on_the_month_for_monthly() -> None:
    assert cadence_days("monthly", date(2026, 2, 1)) == 28
    assert cadence_days("monthly", date(2026, 3, 1)) == 31
    assert cadence_days("biweekly", date(2026, 3, 1)) == 14


def test_last_held_by_mentor_ignores_planned_and_cancelled() -> None:
    sessions = [
        held("a", date(2026, 11, 1)),
        held("a", date(2026, 11, 20), status="planned"),
        held("a", date(2026, 10, 1)),
        held("b", date(2026, 11, 5), status="cancelled"),
        held("b", date(2026, 9, 5)),
    ]
    assert last_held_by_mentor(sessions) == {
        "a": date(2026, 11, 1),
        "b": date(2026, 9, 5),
    }


def resource(**fields: object) -> Resource:
    return Resource(id=ID + "R", title="A book", added=date(2026, 11, 1), **fields)  # type: ignore[arg-type]


def test_an_impression_is_owed_a_week_after_a_recommended_resource_is_done() -> None:
    done = resource(recommended_by="m", done=True, done_on=date(2026, 11, 10))
    assert impression_pending(done)
    assert impression_due(done) == date(2026, 11, 17)


@pytest.mark.parametrize(
    "fields",
    [
        {"done": True, "done_on": date(2026, 11, 10)},  # nobody recommended it
        {"recommended_by": "m"},  # not explored yet
        {
            "recommended_by": "m",
            "done": True,
            "done_on": date(2026, 11, 10),
            "impression_shared_on": date(2026, 11, 12),
        },
    ],
)
def test_no_impression_is_owed(fields: dict[str, object]) -> None:
    assert impression_due(resource(**fields)) is None
