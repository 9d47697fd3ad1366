"""`import FILE.ics`: real calendars made with icalendar, imported twice."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path
from typing import Any

import icalendar

from tests.conftest import Run
from tests.core.build import snapshot


def _event(uid: str, summary: str, start: date | datetime, **extra: Any) -> Any:
    event = icalendar.Event()
    event.add("UID", uid)
    event.add("SUMMARY", summary)
    event.add("DTSTART", start)
    event.add("DTSTAMP", datetime(2026, 11, 1, 9, 0))
    for name, value in extra.items():
        event.add(name.replace("_", "-"), value)
    return event


def _calendar(path: Path, *events: Any) -> Path:
    calendar = icalendar.Calendar()
    calendar.add("PRODID", "-//test//mentorlog//EN")
    calendar.add("VERSION", "2.0")
    for event in events:
        calendar.add_component(event)
    path.write_bytes(calendar.to_ical())
    return path


def _attendee(email: str, name: str) -> Any:
    attendee = icalendar.vCalAddress(f"mailto:{email}")
    attendee.params["CN"] = icalendar.vText(name)
    return attendee


def _sessions(run: Run) -> list[dict[str, Any]]:
    done = run("sessions", "list", "--all", "--json")
    assert done.exit_code == 0, done.output
    result: list[dict[str, Any]] = json.loads(done.stdout)
    return result


def _mentors(run: Run) -> None:
    assert run("mentors", "add", "Ada Lovelace").exit_code == 0
    assert (
        run(
            "mentors", "add", "Grace Hopper", "--contact", "grace@navy.example"
        ).exit_code
        == 0
    )


def test_import_twice_plans_once_and_skips_the_rest(
    run: Run, tmp_path: Path, home: Path
) -> None:
    _mentors(run)
    ics = _calendar(
        tmp_path / "cal.ics",
        _event("a-1@cal", "1:1 with Ada", datetime(2026, 11, 26, 15, 30)),
        _event(
            "g-1@cal",
            "Quarterly review",
            date(2026, 12, 2),
            attendee=_attendee("grace@navy.example", "G. H."),
        ),
        _event("x-1@cal", "Dentist", datetime(2026, 11, 27, 9, 0)),
        _event("x-2@cal", "Team lunch", date(2026, 11, 28)),
    )

    first = run("import", str(ics))

    assert first.exit_code == 0, first.output
    assert "Planned: Ada Lovelace on 2026-11-26 15:30" in first.stdout
    assert "Planned: Grace Hopper on 2026-12-02" in first.stdout
    assert first.stderr.strip() == "skipped 2 events: 2 name no mentor"
    sessions = _sessions(run)
    assert sorted((s["mentor"], s["date"], s["time"]) for s in sessions) == [
        ("Ada Lovelace", "2026-11-26", "15:30"),
        ("Grace Hopper", "2026-12-02", None),
    ]
    before = snapshot(home)

    second = run("import", str(ics))

    assert second.exit_code == 0
    assert "Already planned: Ada Lovelace on 2026-11-26 15:30" in second.stdout
    assert snapshot(home) == before


def test_an_updated_event_moves_its_meeting(run: Run, tmp_path: Path) -> None:
    _mentors(run)
    ics = tmp_path / "cal.ics"
    _calendar(ics, _event("a-1@cal", "Ada / me", datetime(2026, 11, 26, 15, 30)))
    assert run("import", str(ics)).exit_code == 0
    _calendar(ics, _event("a-1@cal", "Ada / me", datetime(2026, 12, 3, 10, 0)))

    moved = run("import", str(ics))

    assert "Moved: Ada Lovelace on 2026-12-03 10:00" in moved.stdout
    sessions = _sessions(run)
    assert [(s["date"], s["time"]) for s in sessions] == [("2026-12-03", "10:00")]
    assert [m["from"] for m in sessions[0]["moves"]] == ["2026-11-26"]


def test_a_recurring_event_plans_its_next_occurrence_only(
    run: Run, tmp_path: Path
) -> None:
    _mentors(run)
    # weekly on Thursdays since October; today is Sunday 2026-11-22
    ics = _calendar(
        tmp_path / "cal.ics",
        _event(
            "weekly@cal",
            "Ada Lovelace mentoring",
            datetime(2026, 10, 1, 16, 0),
            rrule={"FREQ": "WEEKLY"},
        ),
    )

    done = run("import", str(ics))

    assert done.exit_code == 0, done.output
    assert [(s["date"], s["time"]) for s in _sessions(run)] == [("2026-11-26", "16:00")]
    later = run("import", str(ics), env={"MENTORLOG_TODAY": "2026-11-27"})
    assert "Moved: Ada Lovelace on 2026-12-03 16:00" in later.stdout


def test_dry_run_writes_nothing(run: Run, tmp_path: Path, home: Path) -> None:
    _mentors(run)
    ics = _calendar(
        tmp_path / "cal.ics",
        _event("a-1@cal", "Ada", datetime(2026, 11, 26, 15, 30)),
    )
    before = snapshot(home)

    done = run("import", str(ics), "--dry-run")

    assert done.exit_code == 0
    assert "Would plan: Ada Lovelace on 2026-11-26 15:30" in done.stdout
    assert snapshot(home) == before


def test_bad_input_is_one_line_and_writes_nothing(
    run: Run, tmp_path: Path, home: Path
) -> None:
    _mentors(run)
    before = snapshot(home)
    garbage = tmp_path / "garbage.ics"
    garbage.write_bytes(os.urandom(4096))
    broken = tmp_path / "broken.ics"
    broken.write_bytes(
        b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\nDTSTART:notadate\r\n"
        b"SUMMARY:Ada\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    huge = tmp_path / "huge.ics"
    huge.write_bytes(b"BEGIN:VCALENDAR\r\n" + b"X" * (6 * 1024 * 1024))
    for path in (garbage, broken, huge, tmp_path / "missing.ics", tmp_path):
        done = subprocess.run(
            [sys.executable, "-m", "mentorlog", "import", str(path)],
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == 1, (path, done.stderr)
        assert done.stdout == ""
        assert len(done.stderr.strip().splitlines()) == 1, done.stderr
        assert str(path) in done.stderr
        assert "Traceback" not in done.stderr
    assert snapshot(home) == before


def test_rules_no_meeting_has_are_skipped_not_followed(
    run: Run, tmp_path: Path, home: Path
) -> None:
    """Every second since 2020, or the 30th of February: the file is
    untrusted, and such a rule would keep the import busy for minutes."""
    _mentors(run)
    ics = _calendar(
        tmp_path / "cal.ics",
        _event("s@cal", "Ada", datetime(2020, 1, 1, 0, 0), rrule={"FREQ": "SECONDLY"}),
        _event(
            "f@cal",
            "Ada",
            datetime(2026, 1, 1, 9, 0),
            rrule={"FREQ": "DAILY", "BYMONTH": 2, "BYMONTHDAY": 30},
        ),
        _event("ok@cal", "Grace", datetime(2026, 11, 30, 9, 0)),
    )

    done = run("import", str(ics))

    assert done.exit_code == 0, done.output
    assert "Planned: Grace Hopper on 2026-11-30 09:00" in done.stdout
    assert done.stderr.strip() == (
        "skipped 2 events: 2 recur too often or by a rule too long to follow"
    )
    assert [s["mentor"] for s in _sessions(run)] == ["Grace Hopper"]


def test_an_event_dated_beyond_the_journal_is_skipped_not_a_bug(
    run: Run, tmp_path: Path, home: Path
) -> None:
    """A hostile or broken calendar can date an event in the year 9999: the
    journal holds no such date, so the event is skipped and named as such,
    not written and reported as a bug in mentorlog."""
    _mentors(run)
    ics = _calendar(
        tmp_path / "cal.ics",
        _event("far@cal", "Ada", datetime(9999, 12, 31, 23, 0)),
        _event("ok@cal", "Grace", datetime(2026, 11, 30, 9, 0)),
    )

    done = run("import", str(ics))

    assert done.exit_code == 0, done.output
    assert "bug" not in done.output
    assert "skipped 1 event: 1 is dated beyond 2999" in done.stderr
    assert [s["date"] for s in _sessions(run)] == ["2026-11-30"]


def test_skipped_events_are_counted_in_words_that_agree_with_the_count(
    run: Run, tmp_path: Path
) -> None:
    """One event is, two events are: a count of 1 and of 2 for each reason."""
    _mentors(run)
    ics = _calendar(
        tmp_path / "cal.ics",
        _event("far1@cal", "Ada", datetime(9999, 12, 31, 23, 0)),
        _event("past1@cal", "Ada", datetime(2026, 1, 5, 9, 0)),
        _event("past2@cal", "Grace", datetime(2026, 1, 6, 9, 0)),
        _event("none1@cal", "Nobody", datetime(2026, 12, 5, 9, 0)),
    )
    done = run("import", str(ics))
    assert done.exit_code == 0, done.output
    assert done.stderr.strip() == (
        "skipped 4 events: 1 is dated beyond 2999, 2 are in the past, 1 names no mentor"
    )


def test_a_planned_meeting_keeps_the_events_length(run: Run, tmp_path: Path) -> None:
    """An event's DTEND or DURATION is the meeting's length (issue 22: "with
    their time and duration"); a re-import with a changed length updates it."""
    from datetime import timedelta

    _mentors(run)
    ics = tmp_path / "cal.ics"
    _calendar(
        ics,
        _event(
            "a@cal",
            "Ada",
            datetime(2026, 11, 26, 15, 0),
            dtend=datetime(2026, 11, 26, 15, 45),
        ),
        _event(
            "g@cal", "Grace", datetime(2026, 11, 27, 9, 0), duration=timedelta(hours=1)
        ),
    )

    assert run("import", str(ics)).exit_code == 0
    assert sorted((s["mentor"], s["minutes"]) for s in _sessions(run)) == [
        ("Ada Lovelace", 45),
        ("Grace Hopper", 60),
    ]
    _calendar(
        ics,
        _event(
            "a@cal",
            "Ada",
            datetime(2026, 11, 26, 15, 0),
            dtend=datetime(2026, 11, 26, 15, 30),
        ),
    )
    again = run("import", str(ics))
    assert again.exit_code == 0, again.output
    ada = [s for s in _sessions(run) if s["mentor"] == "Ada Lovelace"]
    assert [s["minutes"] for s in ada] == [30]


def test_a_long_calendar_reads_the_sessions_once_not_after_each_save(
    run: Run, tmp_path: Path, monkeypatch: Any
) -> None:
    from datetime import timedelta

    from mentorlog.store.journal import Journal
    from mentorlog.store.kinds import SESSIONS

    _mentors(run)
    first = date(2026, 11, 23)
    ics = _calendar(
        tmp_path / "cal.ics",
        *(
            _event(f"d-{n}@cal", "1:1 with Ada", first + timedelta(days=n))
            for n in range(300)
        ),
    )
    loads: list[int] = []
    real_load = Journal.load

    def counting_load(self: Journal, kind: Any) -> Any:
        if kind is SESSIONS:
            loads.append(1)
        return real_load(self, kind)

    monkeypatch.setattr(Journal, "load", counting_load)

    done = run("import", str(ics))

    assert done.exit_code == 0, done.output
    assert done.stdout.count("Planned: Ada Lovelace") == 300
    assert len(loads) <= 2  # the index, then the merge rule's one look
    assert len(_sessions(run)) == 300


def test_plans_over_the_cap_are_skipped_and_counted_then_planned_next_time(
    run: Run, tmp_path: Path, monkeypatch: Any
) -> None:
    from datetime import timedelta

    from mentorlog.core import calendar_import

    monkeypatch.setattr(calendar_import, "MAX_PLANS", 3)
    _mentors(run)
    first = date(2026, 11, 23)
    ics = _calendar(
        tmp_path / "cal.ics",
        *(
            _event(f"d-{n}@cal", "1:1 with Ada", first + timedelta(days=n))
            for n in range(5)
        ),
    )

    done = run("import", str(ics))

    assert done.exit_code == 0, done.output
    assert done.stderr.strip() == (
        "skipped 2 events: 2 were past the 3 meetings one import plans (import again)"
    )
    assert len(_sessions(run)) == 3
    again = run("import", str(ics))
    assert again.stdout.count("Planned: Ada Lovelace") == 2
    assert len(_sessions(run)) == 5


def test_two_events_one_mentor_one_day_plan_one_meeting_and_stay_still(
    run: Run, tmp_path: Path, home: Path
) -> None:
    _mentors(run)
    ics = _calendar(
        tmp_path / "cal.ics",
        _event(
            "daily@cal",
            "Ada Lovelace standup",
            datetime(2026, 11, 1, 9, 0),
            rrule={"FREQ": "DAILY"},
        ),
        _event("once@cal", "1:1 with Ada", datetime(2026, 11, 22, 15, 0)),
    )

    first = run("import", str(ics))

    assert first.exit_code == 0, first.output
    assert first.stdout.count("Planned: Ada Lovelace on 2026-11-22") == 1
    assert "1 falls on a day already planned with that mentor" in first.stderr
    assert len(_sessions(run)) == 1
    before = snapshot(home)

    second = run("import", str(ics))

    assert second.exit_code == 0, second.output
    assert "Planned" not in second.stdout
    assert "merged" not in second.output
    assert "1 falls on a day already planned with that mentor" in second.stderr
    assert snapshot(home) == before


def test_a_repeated_uid_is_skipped_and_counted(run: Run, tmp_path: Path) -> None:
    _mentors(run)
    ics = _calendar(
        tmp_path / "cal.ics",
        _event("same@cal", "1:1 with Ada", datetime(2026, 11, 26, 15, 0)),
        _event("same@cal", "1:1 with Ada", datetime(2026, 11, 27, 15, 0)),
    )

    done = run("import", str(ics))

    assert done.exit_code == 0, done.output
    assert done.stderr.strip() == ("skipped 1 event: 1 repeats a UID another event has")
    assert [s["date"] for s in _sessions(run)] == ["2026-11-26"]


def test_a_calendar_cut_short_is_said_without_python_bytes(
    run: Run, tmp_path: Path, home: Path
) -> None:
    _mentors(run)
    before = snapshot(home)
    cut = tmp_path / "cut.ics"
    cut.write_bytes(b"BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:20261210T100000Z\n")
    result = run("import", str(cut))
    assert result.exit_code == 1
    assert result.stderr == (
        f"error: {cut}: not a valid iCalendar file (a BEGIN: without its END:,"
        " or the file is cut short)\n"
    )
    assert snapshot(home) == before
