from datetime import date

import pytest

from mentorlog.dates import parse_date, today
from mentorlog.errors import DateError
from tests.conftest import Run

BASE = date(2026, 11, 22)  # Sunday


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-12-01", date(2026, 12, 1)),
        ("today", BASE),
        ("Tomorrow", date(2026, 11, 23)),
        ("yesterday", date(2026, 11, 21)),
        ("friday", date(2026, 11, 27)),
        ("fri", date(2026, 11, 27)),
        ("sunday", BASE),  # today is a Sunday: "sunday" is today
        ("next sunday", date(2026, 11, 29)),
        ("next friday", date(2026, 11, 27)),
        ("last friday", date(2026, 11, 20)),
        ("in 2 weeks", date(2026, 12, 6)),
        ("in a month", date(2026, 12, 22)),
        ("in 3 days", date(2026, 11, 25)),
        ("2 weeks ago", date(2026, 11, 8)),
        ("+3d", date(2026, 11, 25)),
        ("+2w", date(2026, 12, 6)),
        ("+1m", date(2026, 12, 22)),
        ("-1d", date(2026, 11, 21)),
        ("eow", BASE),
        ("eom", date(2026, 11, 30)),
        ("eoy", date(2026, 12, 31)),
        ("dec 1", date(2026, 12, 1)),
        ("December 1st", date(2026, 12, 1)),
        ("1 december 2027", date(2027, 12, 1)),
        ("jan 15", date(2027, 1, 15)),  # forward: the next January 15
        ("nov 1", date(2027, 11, 1)),  # forward: November 1 is past, so next year
        ("  In   2   Weeks ", date(2026, 12, 6)),
    ],
)
def test_reads_natural_and_iso_dates(text: str, expected: date) -> None:
    assert parse_date(text, base=BASE) == expected


def test_eom_handles_month_lengths() -> None:
    assert parse_date("eom", base=date(2027, 2, 10)) == date(2027, 2, 28)
    assert parse_date("+1m", base=date(2027, 1, 31)) == date(2027, 2, 28)


@pytest.mark.parametrize(
    "text",
    [
        "next fridya",
        "2026-13-01",
        "feb 30",
        "5",
        "dec",
        "in 3 fortnights",
        "+99999d",
        "soon",
        "\x1b[2Jtoday",
        "1/2/3",
    ],
)
def test_unreadable_dates_are_errors_that_quote_the_input(text: str) -> None:
    with pytest.raises(DateError) as caught:
        parse_date(text, base=BASE)
    message = caught.value.message
    assert "cannot read the date" in message
    assert "\x1b" not in message
    assert text.strip().replace("\x1b", "?") in message


def test_empty_date_is_an_error() -> None:
    with pytest.raises(DateError, match="empty"):
        parse_date("   ", base=BASE)


def test_today_is_pinned_by_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MENTORLOG_TODAY", "2030-01-02")
    assert today() == date(2030, 1, 2)
    monkeypatch.setenv("MENTORLOG_TODAY", "not a day")
    with pytest.raises(DateError, match="MENTORLOG_TODAY"):
        today()


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        ("weekly", "weekly"),
        ("Every week", "weekly"),
        ("7d", "weekly"),
        ("biweekly", "biweekly"),
        ("fortnightly", "biweekly"),
        ("every 2 weeks", "biweekly"),
        ("every other week", "biweekly"),
        ("14d", "biweekly"),
        ("monthly", "monthly"),
        ("every month", "monthly"),
        ("10d", "10d"),
        ("3w", "3w"),
        ("every three weeks", "3w"),
        ("2m", "2m"),
        ("quarterly", "3m"),
    ],
)
def test_cadences(text: str, canonical: str) -> None:
    from mentorlog.dates import parse_cadence

    assert parse_cadence(text) == canonical


@pytest.mark.parametrize("text", ["often", "0d", "every 2 years", "", "weekly-ish"])
def test_unreadable_cadences_list_what_works(text: str) -> None:
    from mentorlog.dates import parse_cadence

    with pytest.raises(DateError, match="use weekly, biweekly, monthly"):
        parse_cadence(text)


def test_next_meeting_by_cadence() -> None:
    from mentorlog.dates import next_by_cadence

    assert next_by_cadence(BASE, "weekly") == date(2026, 11, 29)
    assert next_by_cadence(BASE, "biweekly") == date(2026, 12, 6)
    assert next_by_cadence(BASE, "monthly") == date(2026, 12, 22)
    assert next_by_cadence(BASE, "10d") == date(2026, 12, 2)
    assert next_by_cadence(date(2027, 1, 31), "monthly") == date(2027, 2, 28)


@pytest.mark.parametrize(
    ("text", "canonical", "hours"),
    [
        ("48h", "48h", 48),
        ("48 hours", "48h", 48),
        ("2 days", "2d", 48),
        ("1 week", "7d", 168),
    ],
)
def test_notice_periods(text: str, canonical: str, hours: int) -> None:
    from mentorlog.dates import notice_hours, parse_notice

    assert parse_notice(text) == canonical
    assert notice_hours(text) == hours


@pytest.mark.parametrize("date_text", ["dec 32", "dec 1 99", "dec 1 0000", "feb 30"])
def test_impossible_dates_are_refused_not_misread(run: Run, date_text: str) -> None:
    result = run("goals", "add", "x", "--by", date_text)
    assert result.exit_code == 1
    assert f'cannot read the date "{date_text}"' in result.stderr
