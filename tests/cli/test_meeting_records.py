"""Issue 18 items 7: a meeting is a whole record. It has a time of day and a
length (`--for`), goes into a calendar as a timed event in a time zone with an
end, a reminder and its shareable agenda, and `sessions show` says what came
out of it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from mentorlog.store.journal import Journal
from mentorlog.store.kinds import SESSIONS
from tests.cli.test_say_it_once import fail, ok, snapshot
from tests.conftest import Run

# Today is Sunday 2026-11-22 (tests/conftest.py): friday is 2026-11-27.


def _minutes(journal: Journal) -> int | None:
    (stored,) = journal.load(SESSIONS).records
    return stored.record.minutes


@pytest.mark.parametrize(
    ("typed", "minutes"),
    [("45m", 45), ("1h", 60), ("1h30m", 90), ("90", 90), ("2h30", 150)],
)
def test_prep_for_sets_the_length(
    run: Run, journal: Journal, typed: str, minutes: int
) -> None:
    ok(run, "mentors", "add", "Ada Lovelace")
    ok(run, "prep", "ada", "--on", "fri 15:00", "--for", typed)
    assert _minutes(journal) == minutes
    ok(run, "prep", "ada", "--question", "How did you pick a lab?")  # kept
    assert _minutes(journal) == minutes
    shown = json.loads(ok(run, "sessions", "show", "ada", "--json"))
    assert (shown["time"], shown["minutes"]) == ("15:00", minutes)


@pytest.mark.parametrize("typed", ["0", "soon", "25h", "1x", "-5", ""])
def test_a_bad_length_is_one_line_exit_1_and_nothing_written(
    run: Run, home: Path, typed: str
) -> None:
    ok(run, "mentors", "add", "Ada Lovelace")
    before = snapshot(home)
    said = fail(run, "prep", "ada", "--on", "fri 15:00", "--for", typed)
    assert said.startswith("error: --for: ") and said.count("\n") == 1, said
    assert snapshot(home) == before


def test_show_gives_the_time_and_length(run: Run) -> None:
    ok(run, "mentors", "add", "Ada Lovelace")
    ok(run, "prep", "ada", "--on", "fri 15:00", "--for", "1h30m")
    assert "Ada Lovelace · 2026-11-27 15:00 · 1h30m" in ok(
        run, "sessions", "show", "ada"
    )


def _settings(home: Path, top: str = "", calendar: str = "") -> None:
    """Put `top` lines at the top of the settings and `calendar` lines in
    its [calendar] table, as a user editing the file would."""
    path = home / "mentorlog.toml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("schema_version = 1\n", f"schema_version = 1\n{top}", 1)
    for line in calendar.splitlines():
        key = line.split("=")[0].strip()
        text = "\n".join(
            line if row.startswith(f"{key} =") else row for row in text.split("\n")
        )
    path.write_text(text, encoding="utf-8")


def _events(run: Run, tmp_path: Path) -> dict[str, Any]:
    from icalendar import Calendar

    target = tmp_path / "out.ics"
    target.unlink(missing_ok=True)
    ok(run, "export", "--format", "ics", "--output", str(target))
    calendar = Calendar.from_ical(target.read_bytes())
    return {str(e["uid"]): e for e in calendar.walk("VEVENT")} | {
        "VTIMEZONE": [str(z["tzid"]) for z in calendar.walk("VTIMEZONE")]
    }


def _session_ids(run: Run) -> dict[str, str]:
    return {
        f"{s['mentor']} {s['date']}": f"{s['id']}@mentorlog"
        for s in json.loads(ok(run, "sessions", "list", "--all", "--json"))
    }


def test_ics_timed_event_in_the_named_zone_with_end_and_reminder(
    run: Run, home: Path, tmp_path: Path
) -> None:
    ok(run, "mentors", "add", "Ada Lovelace")
    ok(run, "mentors", "add", "Grace Hopper")
    _settings(home, top='timezone = "Europe/Paris"\n')
    ok(run, "prep", "ada", "--on", "fri 15:00", "--for", "45m")
    ok(run, "prep", "grace", "--on", "sat 9:30")  # no length: the default
    ok(run, "doctor")
    ids = _session_ids(run)
    events = _events(run, tmp_path)
    assert events["VTIMEZONE"] == ["Europe/Paris"]
    ada = events[ids["Ada Lovelace 2026-11-27"]]
    paris = ZoneInfo("Europe/Paris")
    start = ada.decoded("dtstart")
    assert start == datetime(2026, 11, 27, 15, 0, tzinfo=paris)
    assert str(start.tzinfo) == "Europe/Paris"
    assert ada["dtstart"].params["TZID"] == "Europe/Paris"
    assert ada.decoded("dtend") - start == timedelta(minutes=45)
    (alarm,) = ada.walk("VALARM")
    assert alarm.decoded("trigger") == timedelta(minutes=-15)
    assert str(alarm["action"]) == "DISPLAY"
    grace = events[ids["Grace Hopper 2026-11-28"]]
    assert grace.decoded("dtend") - grace.decoded("dtstart") == timedelta(minutes=60)


def test_ics_length_and_reminder_come_from_the_settings(
    run: Run, home: Path, tmp_path: Path
) -> None:
    ok(run, "mentors", "add", "Ada Lovelace")
    ok(run, "prep", "ada", "--on", "fri 15:00")
    _settings(home, calendar="duration = 30\nreminder = 0")
    (uid,) = _session_ids(run).values()
    event = _events(run, tmp_path)[uid]
    assert event.decoded("dtend") - event.decoded("dtstart") == timedelta(minutes=30)
    assert event.walk("VALARM") == []
    _settings(home, calendar="reminder = 45")
    (alarm,) = _events(run, tmp_path)[uid].walk("VALARM")
    assert alarm.decoded("trigger") == timedelta(minutes=-45)


def test_a_bad_time_zone_or_length_in_the_settings_is_a_doctor_problem(
    run: Run, home: Path
) -> None:
    ok(run, "init")
    _settings(home, top='timezone = "Mars/Olympus_Mons"\n')
    doctor = run("doctor")
    assert doctor.exit_code == 3
    assert "mentorlog.toml:3: timezone: is not a time zone" in doctor.stdout, (
        doctor.stdout
    )
    _settings(home, top="")
    path = home / "mentorlog.toml"
    path.write_text(
        path.read_text(encoding="utf-8").replace('timezone = "Mars/Olympus_Mons"\n', "")
    )
    _settings(home, calendar="duration = 0")
    doctor = run("doctor")
    assert doctor.exit_code == 3
    assert "calendar.duration" in doctor.stdout, doctor.stdout


def test_ics_without_a_named_zone_is_the_systems_in_utc(
    tmp_path: Path, initialised: Path
) -> None:
    """The real process, in New York: 15:00 there is 20:00 UTC in November."""
    env = {**os.environ, "TZ": "America/New_York"}

    def mentorlog(*args: str) -> None:
        done = subprocess.run(
            [sys.executable, "-m", "mentorlog", "--no-input", *args],
            capture_output=True,
            text=True,
            env=env,
            check=False,
            timeout=60,
        )
        assert done.returncode == 0, done.stderr

    from icalendar import Calendar

    mentorlog("init")  # only init makes a journal
    mentorlog("mentors", "add", "Ada Lovelace")
    mentorlog("prep", "ada", "--on", "fri 15:00", "--for", "1h")
    target = tmp_path / "out.ics"
    mentorlog("export", "--format", "ics", "--output", str(target))
    (event,) = Calendar.from_ical(target.read_bytes()).walk("VEVENT")
    assert event.decoded("dtstart") == datetime(2026, 11, 27, 20, 0, tzinfo=UTC)
    assert event.decoded("dtend") == datetime(2026, 11, 27, 21, 0, tzinfo=UTC)
    assert b"DTSTART:20261127T200000Z" in target.read_bytes()


def test_ics_keeps_held_meetings_and_describes_the_shareable_agenda(
    run: Run, home: Path, tmp_path: Path
) -> None:
    ok(run, "mentors", "add", "Ada Lovelace", "--channel", "video")
    ok(run, "mentors", "add", "Grace Hopper")
    ok(run, "goals", "add", "Ship the compiler course", "--mentor", "grace")
    ok(run, "goals", "add", "Deploy a React app with login", "--mentor", "ada")
    ok(
        run,
        "recap",
        "grace",
        "--takeaway",
        "Grace says: write tests first",
        "--takeaway",
        "my pay rise plan (private)",
    )
    ok(
        run,
        "prep",
        "ada",
        "--on",
        "fri 15:00",
        "--question",
        "How did you pick a lab?",
        "--question",
        "My salary worries (private)",
        "--topic",
        "the React app",
        "--bring",
        "my CV",
    )
    ok(run, "prep", "grace", "--on", "mon")
    ok(run, "sessions", "cancel", "grace")
    ids = _session_ids(run)
    events = _events(run, tmp_path)
    held = events[ids["Grace Hopper 2026-11-22"]]  # past, held: still there
    assert "Grace says: write tests first" in str(held["description"])
    assert "pay rise" not in str(held["description"])
    # cancelled: there as CANCELLED, so a calendar that took it drops it
    cancelled = events[ids["Grace Hopper 2026-11-23"]]
    assert str(cancelled["status"]) == "CANCELLED"
    assert not cancelled.walk("VALARM")
    ada = str(events[ids["Ada Lovelace 2026-11-27"]]["description"])
    # the whole pre-read, as `prep --share` sends it
    shared = run("prep", "ada", "--share").stdout
    assert ada.startswith("Meeting with Ada Lovelace\nChannel: video\n\n")
    for line in ("the React app", "How did you pick a lab?", "my CV"):
        assert line in ada and line in shared
    assert "Deploy a React app with login" in ada  # the agenda's own goal part
    # what the user deletes from the agenda is gone from the calendar too
    (agenda,) = (home / "sessions").glob("2026-11-27-*.md")
    text = agenda.read_text()
    assert "my CV" in text
    agenda.write_text("\n".join(x for x in text.split("\n") if "my CV" not in x))
    events = _events(run, tmp_path)
    assert "my CV" not in str(events[ids["Ada Lovelace 2026-11-27"]]["description"])
    assert "salary" not in ada  # private
    assert "Grace" not in ada and "compiler" not in ada  # another mentor's


def test_sessions_show_lists_what_came_out_of_the_meeting(run: Run) -> None:
    ok(run, "mentors", "add", "Ada Lovelace")
    ok(run, "mentors", "add", "Grace Hopper")
    ok(run, "actions", "add", "Email Bob", "--mentor", "ada")
    ok(run, "actions", "add", "Read the paper", "--mentor", "ada")
    ok(run, "actions", "add", "Draft the slides", "--mentor", "ada")
    ok(run, "actions", "add", "Grace's thing", "--mentor", "grace")
    ok(run, "prep", "ada", "--on", "today")
    ok(
        run,
        "recap",
        "ada",
        "--takeaway",
        "Pick one lab",
        "--action",
        "Write to the lab due:friday",
        "--feedback",
        "Slides too dense",
        "--done",
        "email bob",
        "--dropped",
        "read the paper",
    )
    shown = ok(run, "sessions", "show", "ada")
    lines = [line.rstrip() for line in shown.splitlines()]
    at = lines.index("Takeaways")
    block = lines[at : at + 10]
    assert block[0:2] == ["Takeaways", "  • Pick one lab"]
    assert block[2] == "New actions"
    assert block[3].startswith("  ☐ ") and block[3].endswith(
        "Write to the lab (due 2026-11-27)"
    )
    assert block[4] == "Feedback received"
    assert block[5].endswith("Slides too dense (not yet applied)")
    assert block[6] == "Actions carried in"
    assert block[7].startswith("  ✓ ") and block[7].endswith(
        "Email Bob — done 2026-11-22"
    )
    assert block[8].startswith("  ✗ ") and block[8].endswith(
        "Read the paper — dropped 2026-11-22"
    )
    assert block[9].startswith("  ☐ ") and block[9].endswith(
        "Draft the slides — still open"
    )
    assert "Grace" not in shown
    outcome = json.loads(ok(run, "sessions", "show", "ada", "--json"))["outcome"]
    assert outcome["takeaways"] == ["Pick one lab"]
    assert [a["text"] for a in outcome["new_actions"]] == ["Write to the lab"]
    assert outcome["new_actions"][0]["due"] == "2026-11-27"
    assert [(f["text"], f["applied"]) for f in outcome["feedback"]] == [
        ("Slides too dense", False)
    ]
    assert [(a["text"], a["status"]) for a in outcome["carried_actions"]] == [
        ("Email Bob", "done"),
        ("Read the paper", "dropped"),
        ("Draft the slides", "open"),
    ]


def test_a_planned_meeting_has_no_outcome_yet(run: Run) -> None:
    ok(run, "mentors", "add", "Ada Lovelace")
    ok(run, "prep", "ada", "--on", "fri")
    assert json.loads(ok(run, "sessions", "show", "ada", "--json"))["outcome"] is None
    assert "New actions" not in ok(run, "sessions", "show", "ada")


def test_the_day_is_kept_in_a_date_only_meeting(run: Run, journal: Journal) -> None:
    ok(run, "mentors", "add", "Ada Lovelace")
    ok(run, "prep", "ada", "--on", "fri", "--for", "30m")
    (stored,) = journal.load(SESSIONS).records
    assert (stored.record.date, stored.record.time, stored.record.minutes) == (
        date(2026, 11, 27),
        None,
        30,
    )
