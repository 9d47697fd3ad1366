"""Issue 15: a meeting keeps its time of day, through every command that plans,
moves, shows or exports it."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from pathlib import Path

from mentorlog.store.journal import Journal
from mentorlog.store.kinds import SESSIONS
from tests.cli.test_say_it_once import fail, ok
from tests.conftest import Run

# Today is Sunday 2026-11-22 (tests/conftest.py): friday is 2026-11-27.


def _session(journal: Journal) -> tuple[date, str | None]:
    (stored,) = journal.load(SESSIONS).records
    return stored.record.date, stored.record.time


def test_prep_keeps_the_time_and_a_new_one_changes_it(
    run: Run, journal: Journal
) -> None:
    ok(run, "mentors", "add", "Ada Lovelace")
    said = ok(run, "prep", "ada", "--on", "fri 15:00")
    assert "on 2026-11-27 15:00" in said
    assert _session(journal) == (date(2026, 11, 27), "15:00")
    ok(run, "prep", "ada", "--question", "How did you pick a lab?")
    assert _session(journal) == (date(2026, 11, 27), "15:00")
    ok(run, "prep", "ada", "--on", "fri")  # the same day, no time: kept
    assert _session(journal) == (date(2026, 11, 27), "15:00")
    ok(run, "prep", "ada", "--on", "fri 4:30pm")
    assert _session(journal) == (date(2026, 11, 27), "16:30")
    ok(run, "prep", "ada", "--on", "2026-12-03 9am")
    assert _session(journal) == (date(2026, 12, 3), "09:00")
    assert "--on" in fail(run, "prep", "ada", "--on", "fri 25:00")


def test_move_changes_day_and_time(run: Run, journal: Journal) -> None:
    ok(run, "mentors", "add", "Ada Lovelace")
    ok(run, "prep", "ada", "--on", "fri 15:00")
    said = ok(run, "sessions", "move", "ada", "--to", "mon 10:30")
    assert "from 2026-11-27 to 2026-11-23 10:30" in said
    assert _session(journal) == (date(2026, 11, 23), "10:30")
    ok(run, "sessions", "move", "ada", "--to", "mon 11:00")  # the time alone
    assert _session(journal) == (date(2026, 11, 23), "11:00")
    ok(run, "sessions", "move", "ada", "--to", "tue")  # the day alone
    assert _session(journal) == (date(2026, 11, 24), "11:00")
    (stored,) = journal.load(SESSIONS).records
    assert [(m.from_date, m.to) for m in stored.record.moves] == [
        (date(2026, 11, 27), date(2026, 11, 23)),
        (date(2026, 11, 23), date(2026, 11, 24)),
    ]
    assert "already on" in fail(run, "sessions", "move", "ada", "--to", "tue 11:00")


def test_an_accepted_ask_plans_the_meeting_at_its_time(
    run: Run, journal: Journal
) -> None:
    ok(
        run,
        "mentors",
        "ask",
        "Grace Hopper",
        "--ask",
        "I'm a CS student. How did you decide to work on compilers?",
    )
    ok(run, "mentors", "answer", "grace", "accepted", "--on", "tue 14:00")
    assert _session(journal) == (date(2026, 11, 24), "14:00")
    ok(run, "mentors", "answer", "grace", "rescheduled", "--on", "tue 16:00")
    assert _session(journal) == (date(2026, 11, 24), "16:00")


def test_the_time_is_shown_where_the_date_is(on_terminal: None, run: Run) -> None:
    ok(run, "mentors", "add", "Ada Lovelace")
    ok(run, "mentors", "add", "Grace Hopper")
    ok(run, "prep", "ada", "--on", "fri 15:00")
    ok(run, "prep", "grace", "--on", "sat")
    (ada, grace) = sorted(
        json.loads(ok(run, "sessions", "--json")), key=lambda s: s["mentor"]
    )
    assert (ada["date"], ada["time"]) == ("2026-11-27", "15:00")
    assert (grace["date"], grace["time"]) == ("2026-11-28", None)
    assert "2026-11-27 15:00" in ok(run, "sessions")
    assert "2026-11-27 15:00" in ok(run, "sessions", "show", "ada")
    assert "2026-11-27 15:00" in ok(run, "status")


def test_ics_a_timed_meeting_is_a_timed_event(run: Run, tmp_path: Path) -> None:
    from icalendar import Calendar

    ok(run, "mentors", "add", "Ada Lovelace")
    ok(run, "mentors", "add", "Grace Hopper")
    ok(run, "prep", "ada", "--on", "fri 15:00")
    ok(run, "prep", "grace", "--on", "sat")
    target = tmp_path / "out.ics"
    ok(run, "export", "--format", "ics", "--output", str(target))
    events = {
        str(e["summary"]): e
        for e in Calendar.from_ical(target.read_bytes()).walk("VEVENT")
    }
    timed = events["Mentoring: Ada Lovelace"]
    start = timed.decoded("dtstart")
    # the system's zone, written as UTC (tests/cli/test_meeting_records.py)
    assert start == datetime(2026, 11, 27, 15, 0).astimezone()
    assert start.tzinfo is not None
    assert timed.decoded("dtend") - start == timedelta(hours=1)
    assert "DURATION" not in timed
    whole_day = events["Mentoring: Grace Hopper"]
    assert whole_day.decoded("dtstart") == date(2026, 11, 28)
    assert whole_day.decoded("dtend") == date(2026, 11, 29)


def test_a_bad_time_in_a_hand_edited_file_is_a_doctor_problem(
    run: Run, home: Path
) -> None:
    ok(run, "mentors", "add", "Ada Lovelace")
    ok(run, "prep", "ada", "--on", "fri 15:00")
    (path,) = (home / "sessions").iterdir()
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('time = "15:00"', 'time = "25:99"'), "utf-8")
    line = text.splitlines().index('time = "15:00"') + 1
    doctor = run("doctor")
    assert doctor.exit_code == 3
    assert f"sessions/{path.name}:{line}: time: " in doctor.stdout, doctor.stdout
