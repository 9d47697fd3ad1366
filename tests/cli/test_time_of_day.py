"""The times of day people type (`15.30`, `09h00`, `noon`, `3:30 pm`) are read,
nonsense is refused in one line that quotes it and shows how to write it, and a
time the clocks skip in the journal's time zone is refused where a meeting's
date and time are stored (prep, sessions move, mentors answer)."""

from __future__ import annotations

from datetime import date, datetime, time
from pathlib import Path

import pytest

from mentorlog.dates import check_local_time, parse_time, parse_when
from mentorlog.errors import DateError
from mentorlog.store.journal import Journal
from mentorlog.store.kinds import SESSIONS
from tests.cli.test_say_it_once import fail, ok
from tests.conftest import Run

FRIDAY = date(2026, 11, 27)  # today is Sunday 2026-11-22 (tests/conftest.py)

READ = [
    ("15:00", time(15, 0)),
    ("9:30", time(9, 30)),
    ("15.30", time(15, 30)),
    ("09h00", time(9, 0)),
    ("15h", time(15, 0)),
    ("15h30", time(15, 30)),
    ("noon", time(12, 0)),
    ("Midday", time(12, 0)),
    ("midnight", time(0, 0)),
    ("15:00:00", time(15, 0)),
    ("3pm", time(15, 0)),
    ("3:30 pm", time(15, 30)),
    ("3 PM", time(15, 0)),
    ("3 p.m.", time(15, 0)),
    ("12am", time(0, 0)),
    ("12pm", time(12, 0)),
    ("11:59 PM", time(23, 59)),
    ("12 noon", time(12, 0)),
    ("12 midnight", time(0, 0)),
    ("3 p.m", time(15, 0)),
    ("１５：３０", time(15, 30)),  # full width, as a Japanese input method types it
    ("15：30", time(15, 30)),
    ("３ｐｍ", time(15, 0)),
]


@pytest.mark.parametrize(("typed", "expected"), READ)
def test_the_times_people_type_are_read(typed: str, expected: time) -> None:
    assert parse_time(typed) == expected
    assert parse_when(f"fri {typed}") == (FRIDAY, expected)
    assert parse_when(f"friday at {typed}") == (FRIDAY, expected)
    assert parse_when(f"{typed} friday") == (FRIDAY, expected)


REFUSED = [
    ("9:5", "minutes need two digits, as in 9:05"),
    ("25:00", "the hour runs from 0 to 23"),
    ("12:60", "minutes run from 00 to 59"),
    ("13pm", "with am or pm the hour runs from 1 to 12"),
    ("0am", "with am or pm the hour runs from 1 to 12"),
    ("15:00 pm", "with am or pm the hour runs from 1 to 12"),
    ("15:00:30", "a meeting keeps hours and minutes, as in 15:00"),
    ("9:00:5", "seconds need two digits"),
]


@pytest.mark.parametrize(("typed", "why"), REFUSED)
def test_nonsense_is_refused_saying_why(run: Run, typed: str, why: str) -> None:
    with pytest.raises(DateError, match=why):
        parse_when(f"fri {typed}")
    ok(run, "mentors", "add", "Ada Lovelace")
    said = fail(run, "prep", "ada", "--on", f"fri {typed}")
    assert said.count("\n") == 1, said
    assert "--on" in said and f'"{typed}"' in said and why in said


def test_dates_alone_are_not_read_as_times() -> None:
    for typed, day in [
        ("dec 1", date(2026, 12, 1)),
        ("1 december", date(2026, 12, 1)),
        ("dec 1 2027", date(2027, 12, 1)),
        ("december 1st, 2027", date(2027, 12, 1)),
        ("in 2 weeks", date(2026, 12, 6)),
        ("2026-12-03", date(2026, 12, 3)),
    ]:
        assert parse_when(typed) == (day, None)
    assert parse_when("2026-12-03T15:30") == (date(2026, 12, 3), time(15, 30))
    assert parse_when("tomorrow, 9am") == (date(2026, 11, 23), time(9, 0))


def test_a_time_without_a_day_says_to_give_the_day(run: Run) -> None:
    ok(run, "mentors", "add", "Ada Lovelace")
    said = fail(run, "prep", "ada", "--on", "15:00")
    assert "a time without a day" in said and "fri 15:00" in said


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        (
            "fri at 9",
            'the time of day "9" needs minutes or am/pm: write 9:00, 9am or 9pm',
        ),
        ("tomorrow at 15", 'the time of day "15" needs minutes or am/pm: write 15:00'),
        ("12.3", 'the time of day "12.3": minutes need two digits'),
    ],
)
def test_an_hour_alone_or_a_time_that_is_none_says_how_to_write_it(
    run: Run, typed: str, said: str
) -> None:
    # not "cannot read the date", nor "give the day too, as in fri 12.3"
    ok(run, "mentors", "add", "Ada Lovelace")
    refused = fail(run, "prep", "ada", "--on", typed)
    assert refused.count("\n") == 1, refused
    assert said in refused, refused


def test_prep_stores_the_forms_people_type(run: Run, journal: Journal) -> None:
    ok(run, "mentors", "add", "Ada Lovelace")
    for typed, stored in [
        ("fri 15.30", "15:30"),
        ("fri 09h00", "09:00"),
        ("fri noon", "12:00"),
        ("fri 3:30 pm", "15:30"),
    ]:
        ok(run, "prep", "ada", "--on", typed)
        (session,) = journal.load(SESSIONS).records
        assert (session.record.date, session.record.time) == (FRIDAY, stored)


# -- the hour the clocks skip, the hour they repeat ---------------------------------


def _in_berlin(home: Path) -> None:
    settings = home / "mentorlog.toml"
    text = settings.read_text(encoding="utf-8")
    settings.write_text(
        text.replace('# timezone = "Europe/Paris"', 'timezone = "Europe/Berlin"'),
        encoding="utf-8",
    )


def test_a_skipped_time_is_refused_wherever_a_meeting_is_timed(
    run: Run, home: Path, journal: Journal
) -> None:
    ok(run, "mentors", "add", "Ada Lovelace")
    _in_berlin(home)
    said = fail(run, "prep", "ada", "--on", "2027-03-28 02:30")
    assert said.count("\n") == 1, said
    assert "--on: the time 02:30 does not exist on 2027-03-28 in Europe/Berlin" in said
    assert "the clocks go forward from 02:00 to 03:00" in said
    assert not journal.load(SESSIONS).records
    ok(run, "prep", "ada", "--on", "2027-03-28 03:00")  # after the gap: fine
    said = fail(run, "sessions", "move", "ada", "--to", "2027-03-28 2:15am")
    assert "--to: the time 02:15 does not exist" in said
    ok(
        run,
        "mentors",
        "ask",
        "Grace Hopper",
        "--ask",
        "I'm a CS student. How did you decide to work on compilers?",
    )
    said = fail(
        run, "mentors", "answer", "grace", "accepted", "--on", "2027-03-28 02:00"
    )
    assert "--on: the time 02:00 does not exist" in said


def test_a_repeated_time_is_kept_and_means_the_first(
    run: Run, home: Path, journal: Journal, tmp_path: Path
) -> None:
    from icalendar import Calendar

    ok(run, "mentors", "add", "Ada Lovelace")
    _in_berlin(home)
    ok(run, "prep", "ada", "--on", "2027-10-31 02:30")
    (session,) = journal.load(SESSIONS).records
    assert session.record.time == "02:30"
    target = tmp_path / "out.ics"
    ok(run, "export", "--format", "ics", "--output", str(target))
    (event,) = Calendar.from_ical(target.read_bytes()).walk("VEVENT")
    start = event.decoded("dtstart")
    assert start.utcoffset().total_seconds() == 2 * 3600  # summer time: the first


def test_the_check_in_each_zone_and_the_systems() -> None:
    check_local_time(date(2027, 3, 28), time(1, 59), "Europe/Berlin")
    check_local_time(date(2027, 10, 31), time(2, 30), "Europe/Berlin")
    with pytest.raises(DateError, match="from 02:00 to 03:00"):
        check_local_time(date(2027, 3, 14), time(2, 30), "America/New_York")
    with pytest.raises(DateError, match="from 02:00 to 02:30"):  # a half hour
        check_local_time(date(2027, 10, 3), time(2, 15), "Australia/Lord_Howe")
    # the system's zone: whatever it is, a time it keeps passes
    local = datetime(2027, 6, 1, 12, 0)
    check_local_time(local.date(), local.time(), None)


@pytest.mark.parametrize("typed", ["fri 12:00 noon", "3pm 9:00 tomorrow"])
def test_an_unreadable_date_quotes_all_that_was_typed(typed: str) -> None:
    """ "fri 12:00 noon" said it could not read "fri 12:00": a part of it."""
    with pytest.raises(DateError) as refused:
        parse_when(typed)
    assert f'"{typed}"' in str(refused.value)
