"""`import FILE.ics`: which events make a meeting, and when. Titles that only
look like a mentor's name, time zones the file does not define, events over
several days, local times the clocks skip or repeat, and `--json`."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from tests.cli.test_import import _attendee, _calendar, _event, _sessions
from tests.cli.test_meeting_records import _settings
from tests.conftest import Run
from tests.core.build import snapshot

BERLIN = ZoneInfo("Europe/Berlin")


def _raw(path: Path, *events: str, zones: str = "") -> Path:
    """A calendar written as text: for what icalendar would not write (a TZID
    no VTIMEZONE defines) or would write for us (a VTIMEZONE)."""
    body = "".join(
        f"BEGIN:VEVENT\n{event.strip()}\nDTSTAMP:20261101T090000Z\nEND:VEVENT\n"
        for event in events
    )
    text = (
        "BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//test//mentorlog//EN\n"
        f"{zones.strip() + chr(10) if zones.strip() else ''}{body}END:VCALENDAR\n"
    )
    path.write_bytes(text.replace("\n", "\r\n").encode())
    return path


def _zone(run: Run, home: Path, name: str) -> None:
    """The journal's time zone (`timezone` in mentorlog.toml)."""
    assert run("mentors").exit_code == 0  # the journal exists
    _settings(home, top=f'timezone = "{name}"\n')


def _planned(run: Run) -> list[tuple[str, str, str | None]]:
    return sorted((s["mentor"], s["date"], s["time"]) for s in _sessions(run))


def test_a_title_names_a_mentor_by_full_name_or_a_name_that_is_no_word(
    run: Run, tmp_path: Path
) -> None:
    for name in ("May Chen", "Will Smith", "June Park", "Mark", "Ada Lovelace"):
        assert run("mentors", "add", name).exit_code == 0
    ics = _calendar(
        tmp_path / "cal.ics",
        _event("1@cal", "Planning for May", datetime(2026, 11, 23, 9, 0)),
        _event("2@cal", "Will review the roadmap", datetime(2026, 11, 23, 10, 0)),
        _event("3@cal", "Mark the date", datetime(2026, 11, 23, 11, 0)),
        _event("4@cal", "Budget due in June", date(2026, 11, 24)),
        _event("5@cal", "Lunch with Will", datetime(2026, 11, 25, 12, 0)),
        _event("6@cal", "1:1 with May Chen", datetime(2026, 11, 26, 9, 0)),
        _event("7@cal", "will smith / me", datetime(2026, 11, 27, 9, 0)),
        _event("8@cal", "Coffee with Ada", datetime(2026, 11, 28, 9, 0)),
        _event("9@cal", "Park catch-up", datetime(2026, 11, 29, 9, 0)),
        # an attendee names a mentor whatever the title says
        _event(
            "10@cal",
            "Planning for May",
            datetime(2026, 11, 30, 9, 0),
            attendee=_attendee("june@example.com", "June Park"),
        ),
    )

    done = run("import", str(ics))

    assert done.exit_code == 0, done.output
    assert done.stderr.strip() == "skipped 6 events: 6 name no mentor"
    assert _planned(run) == [
        ("Ada Lovelace", "2026-11-28", "09:00"),
        ("June Park", "2026-11-30", "09:00"),
        ("May Chen", "2026-11-26", "09:00"),
        ("Will Smith", "2026-11-27", "09:00"),
    ]


VTIMEZONE = """
BEGIN:VTIMEZONE
TZID:Studio Time
BEGIN:STANDARD
DTSTART:19700101T000000
TZOFFSETFROM:+0530
TZOFFSETTO:+0530
END:STANDARD
END:VTIMEZONE
"""


def test_a_time_zone_the_file_does_not_define_is_skipped_not_taken_as_local(
    run: Run, tmp_path: Path, home: Path
) -> None:
    run("mentors", "add", "Ada Lovelace")
    run("mentors", "add", "Grace Hopper")
    _zone(run, home, "UTC")
    events = (
        "UID:mars@cal\nSUMMARY:Ada\nDTSTART;TZID=Mars/Olympus_Mons:20261203T093000",
        "UID:end@cal\nSUMMARY:Grace\nDTSTART;TZID=Europe/Berlin:20261203T093000\n"
        "DTEND;TZID=Nowhere/Else:20261203T103000",
        "UID:studio@cal\nSUMMARY:Ada\nDTSTART;TZID=Studio Time:20261204T093000\n"
        "DTEND;TZID=Studio Time:20261204T101500",
        "UID:ny@cal\nSUMMARY:Grace\nDTSTART;TZID=America/New_York:20261205T100000",
    )
    before = snapshot(home)

    unknown = run("import", str(_raw(tmp_path / "a.ics", *events[:2])))

    assert unknown.exit_code == 0, unknown.output
    assert unknown.stderr.strip() == "skipped 2 events: 2 are in an unknown time zone"
    assert snapshot(home) == before

    # a VTIMEZONE in the file defines its zone: 09:30 at +05:30 is 04:00 UTC
    known = run("import", str(_raw(tmp_path / "b.ics", *events, zones=VTIMEZONE)))

    assert known.exit_code == 0, known.output
    assert "2 are in an unknown time zone" in known.stderr
    assert _planned(run) == [
        ("Ada Lovelace", "2026-12-04", "04:00"),
        ("Grace Hopper", "2026-12-05", "15:00"),
    ]
    assert [s["minutes"] for s in _sessions(run) if s["mentor"] == "Ada Lovelace"] == [
        45
    ]


def test_times_are_the_journals_local_times_from_the_settings_zone(
    run: Run, tmp_path: Path, home: Path
) -> None:
    """An event at 10:00 in New York is a meeting at 16:00 in a journal set to
    Europe/Berlin, as `export` writes that meeting back at 16:00 Berlin."""
    run("mentors", "add", "Ada Lovelace")
    _zone(run, home, "Europe/Berlin")
    ics = _calendar(
        tmp_path / "cal.ics",
        _event(
            "ny@cal",
            "Ada",
            datetime(2026, 12, 3, 10, 0, tzinfo=ZoneInfo("America/New_York")),
        ),
        _event("utc@cal", "Ada", datetime(2026, 12, 4, 23, 30, tzinfo=ZoneInfo("UTC"))),
    )

    done = run("import", str(ics))

    assert done.exit_code == 0, done.output
    assert _planned(run) == [
        ("Ada Lovelace", "2026-12-03", "16:00"),
        ("Ada Lovelace", "2026-12-05", "00:30"),  # the next day in Berlin
    ]


def test_a_time_at_the_ends_of_the_calendar_is_skipped_in_any_zone(
    run: Run, tmp_path: Path, home: Path
) -> None:
    """Converting 9999-12-31 23:00 between zones runs past the year 9999:
    still a skipped event, not a broken file."""
    run("mentors", "add", "Ada Lovelace")
    run("mentors", "add", "Grace Hopper")
    _zone(run, home, "Pacific/Kiritimati")  # UTC+14
    ics = _calendar(
        tmp_path / "cal.ics",
        _event("far@cal", "Ada", datetime(9999, 12, 31, 23, 0)),
        _event(
            "ny@cal",
            "Grace",
            datetime(9999, 12, 31, 23, 0, tzinfo=ZoneInfo("America/New_York")),
        ),
        _event("old@cal", "Ada", datetime(1, 1, 1, 0, 30, tzinfo=BERLIN)),
    )

    done = run("import", str(ics))

    assert done.exit_code == 0, done.output
    assert done.stderr.strip() == (
        "skipped 3 events: 2 are dated beyond 2999, 1 is in the past"
    )


def test_an_event_over_several_days_is_skipped_and_a_day_long_one_has_no_time(
    run: Run, tmp_path: Path
) -> None:
    run("mentors", "add", "Ada Lovelace")
    run("mentors", "add", "Grace Hopper")
    ics = _calendar(
        tmp_path / "cal.ics",
        _event(
            "conf@cal",
            "Conference with Ada",
            date(2026, 12, 7),
            dtend=date(2026, 12, 10),
        ),
        _event(
            "week@cal",
            "Holiday week (Grace)",
            date(2026, 12, 21),
            duration=timedelta(days=7),
        ),
        _event(
            "trip@cal",
            "Offsite with Grace",
            datetime(2026, 12, 1, 9, 0),
            dtend=datetime(2026, 12, 3, 17, 0),
        ),
        _event(
            "day@cal", "Ada shadowing day", date(2026, 12, 2), dtend=date(2026, 12, 3)
        ),
        _event("one@cal", "Grace", date(2026, 12, 4)),
    )

    done = run("import", str(ics))

    assert done.exit_code == 0, done.output
    assert done.stderr.strip() == "skipped 3 events: 3 last more than a day"
    assert "Planned: Ada Lovelace on 2026-12-02 (Ada shadowing day)" in done.stdout
    assert sorted(
        (s["mentor"], s["date"], s["time"], s["minutes"]) for s in _sessions(run)
    ) == [
        ("Ada Lovelace", "2026-12-02", None, None),  # the day, not 24 hours
        ("Grace Hopper", "2026-12-04", None, None),
    ]


def test_a_local_time_the_clocks_skip_is_skipped_and_a_repeated_one_is_the_first(
    run: Run, tmp_path: Path, home: Path
) -> None:
    """Berlin's clocks go from 02:00 to 03:00 on 2027-03-28 and from 03:00
    back to 02:00 on 2027-10-31: 02:30 does not happen on the first day and
    happens twice on the second (RFC 5545: the first, 00:30 UTC)."""
    run("mentors", "add", "Ada Lovelace")
    run("mentors", "add", "Grace Hopper")
    _zone(run, home, "UTC")
    ics = _calendar(
        tmp_path / "cal.ics",
        _event("gap@cal", "Ada", datetime(2027, 3, 28, 2, 30, tzinfo=BERLIN)),
        _event("twice@cal", "Grace", datetime(2027, 10, 31, 2, 30, tzinfo=BERLIN)),
        _event("after@cal", "Ada", datetime(2027, 3, 29, 2, 30, tzinfo=BERLIN)),
    )

    done = run("import", str(ics))

    assert done.exit_code == 0, done.output
    assert done.stderr.strip() == (
        "skipped 1 event: 1 is at a local time the clocks skip (daylight saving)"
    )
    assert _planned(run) == [
        ("Ada Lovelace", "2027-03-29", "00:30"),
        ("Grace Hopper", "2027-10-31", "00:30"),
    ]


def test_a_floating_time_the_journals_clocks_skip_is_skipped_too(
    run: Run, tmp_path: Path, home: Path
) -> None:
    """A time with no zone is the journal's own: in a journal set to
    Europe/Berlin, 02:30 on 2027-03-28 does not happen. So with a recurring
    event whose next occurrence falls there."""
    run("mentors", "add", "Ada Lovelace")
    run("mentors", "add", "Grace Hopper")
    _zone(run, home, "Europe/Berlin")
    ics = _calendar(
        tmp_path / "cal.ics",
        _event("gap@cal", "Ada", datetime(2027, 3, 28, 2, 30)),
        _event(
            "weekly@cal",
            "Grace",
            datetime(2027, 3, 7, 2, 30, tzinfo=BERLIN),
            rrule={"FREQ": "WEEKLY"},
        ),
        _event("twice@cal", "Ada", datetime(2027, 10, 31, 2, 30)),
    )

    done = run("import", str(ics), env={"MENTORLOG_TODAY": "2027-03-22"})

    assert done.exit_code == 0, done.output
    assert "2 are at a local time the clocks skip" in done.stderr
    assert _planned(run) == [("Ada Lovelace", "2027-10-31", "02:30")]
    later = run("import", str(ics), env={"MENTORLOG_TODAY": "2027-03-29"})
    assert "Planned: Grace Hopper on 2027-04-04 02:30" in later.stdout


def test_json_gives_what_was_planned_moved_unchanged_and_skipped(
    run: Run, tmp_path: Path, home: Path
) -> None:
    run("mentors", "add", "Ada Lovelace")
    run("mentors", "add", "Grace Hopper")
    ics = tmp_path / "cal.ics"
    events: list[Any] = [
        _event(
            "a@cal",
            "1:1 with Ada",
            datetime(2026, 11, 26, 15, 0),
            dtend=datetime(2026, 11, 26, 15, 45),
        ),
        _event("g@cal", "Grace", datetime(2026, 11, 27, 9, 0)),
        _event("x@cal", "Dentist", datetime(2026, 11, 27, 10, 0)),
        _event("c@cal", "Conference (Ada)", date(2026, 12, 7), dtend=date(2026, 12, 9)),
    ]
    _calendar(ics, *events)
    before = snapshot(home)

    dry = run("import", str(ics), "--dry-run", "--json")

    assert dry.exit_code == 0, dry.output
    assert snapshot(home) == before
    assert dry.stderr == ""
    first = json.loads(dry.stdout)
    assert first == {
        "dry_run": True,
        "planned": [
            {
                "uid": "a@cal",
                "mentor": "Ada Lovelace",
                "date": "2026-11-26",
                "time": "15:00",
                "minutes": 45,
                "title": "1:1 with Ada",
            },
            {
                "uid": "g@cal",
                "mentor": "Grace Hopper",
                "date": "2026-11-27",
                "time": "09:00",
                "minutes": None,
                "title": "Grace",
            },
        ],
        "moved": [],
        "unchanged": [],
        "skipped": [
            {"reason": "several_days", "count": 1, "message": "lasts more than a day"},
            {"reason": "no_mentor", "count": 1, "message": "names no mentor"},
        ],
        "skipped_count": 2,
    }
    assert run("import", str(ics)).exit_code == 0
    events[1] = _event("g@cal", "Grace", datetime(2026, 11, 30, 9, 0))
    _calendar(ics, *events)

    again = json.loads(run("import", str(ics), "--json").stdout)

    assert again["dry_run"] is False
    assert again["planned"] == []
    assert [(m["uid"], m["date"]) for m in again["moved"]] == [("g@cal", "2026-11-30")]
    assert [m["uid"] for m in again["unchanged"]] == ["a@cal"]
    assert again["skipped_count"] == 2


def test_the_json_reasons_are_the_ones_docs_json_lists() -> None:
    import re

    from mentorlog.core.calendar_import import REASONS

    docs = Path(__file__).parents[2] / "docs" / "json.md"
    row = next(
        line for line in docs.read_text().splitlines() if "`import FILE.ics" in line
    )
    listed = re.search(r"`reason`: (.*?);", row)
    assert listed is not None
    assert re.findall(r"`(\w+)`", listed.group(1)) == list(REASONS)


def test_an_attendee_names_a_mentor_by_whole_words_of_the_name_never_a_prefix(
    run: Run, tmp_path: Path
) -> None:
    # an attendee list holds colleagues and the user: a name that only begins
    # a mentor's name ("Jo", "Sam") names nobody; whole words, the full name
    # in any order ("Lovelace, Ada") and an acronym in a title are told apart
    for name in ("Joanna Lee", "Samantha Ruiz", "Ada Lovelace"):
        assert run("mentors", "add", name).exit_code == 0
    ics = _calendar(
        tmp_path / "cal.ics",
        _event(
            "1@cal",
            "Team sync",
            datetime(2026, 11, 23, 9, 0),
            attendee=[
                _attendee("jo@corp.example", "Jo"),
                _attendee("s@x.example", "Sam"),
            ],
        ),
        _event(
            "2@cal",
            "Catch-up",
            datetime(2026, 11, 24, 9, 0),
            attendee=_attendee("al@corp.example", "Lovelace, Ada"),
        ),
        _event(
            "3@cal",
            "Catch-up",
            datetime(2026, 11, 25, 9, 0),
            attendee=_attendee("j@corp.example", "Joanna"),
        ),
        _event("4@cal", "ADA compliance review", datetime(2026, 11, 26, 9, 0)),
        _event(
            "5@cal",
            "Catch-up",
            datetime(2026, 11, 27, 9, 0),
            attendee=_attendee("s@corp.example", "Samantha R."),
        ),
    )

    done = run("import", str(ics))

    assert done.exit_code == 0, done.output
    assert done.stderr.strip() == "skipped 2 events: 2 name no mentor"
    assert _planned(run) == [
        ("Ada Lovelace", "2026-11-24", "09:00"),
        ("Joanna Lee", "2026-11-25", "09:00"),
        ("Samantha Ruiz", "2026-11-27", "09:00"),  # an initial for a word
    ]


def test_a_calendar_saved_as_utf16_is_named_and_a_link_to_one_is_read(
    run: Run, tmp_path: Path
) -> None:
    # the file is the user's own, outside the journal: a link to it is no
    # "too many levels of symbolic links"; another encoding is named
    assert run("mentors", "add", "Ada Lovelace").exit_code == 0
    ics = _calendar(
        tmp_path / "cal.ics",
        _event("1@cal", "Coffee with Ada", datetime(2026, 11, 28, 9, 0)),
    )
    link = tmp_path / "link.ics"
    link.symlink_to(ics)
    wide = tmp_path / "wide.ics"
    wide.write_bytes(ics.read_text(encoding="utf-8").encode("utf-16"))

    refused = run("import", str(wide))
    assert refused.exit_code == 1
    assert refused.stderr == (
        f"error: {wide}: saved as UTF-16 LE, not UTF-8: save it as UTF-8\n"
    )
    done = run("import", str(link))
    assert done.exit_code == 0, done.stderr
    assert _planned(run) == [("Ada Lovelace", "2026-11-28", "09:00")]


def test_the_calendar_path_expands_a_tilde_like_every_path(
    run: Run, tmp_path: Path, monkeypatch: Any
) -> None:
    # "~/cal.ics" quoted (or from a script) as `export --output` reads it; an
    # unknown ~user is one line of error
    assert run("mentors", "add", "Ada Lovelace").exit_code == 0
    monkeypatch.setenv("HOME", str(tmp_path))
    _calendar(
        tmp_path / "cal.ics",
        _event("1@cal", "Coffee with Ada", datetime(2026, 11, 28, 9, 0)),
    )
    done = run("import", "~/cal.ics")
    assert done.exit_code == 0, done.stderr
    assert _planned(run) == [("Ada Lovelace", "2026-11-28", "09:00")]
    unknown = run("import", "~nosuchuser-ml/cal.ics")
    assert unknown.exit_code == 1
    assert "no user named nosuchuser-ml" in unknown.stderr


def test_the_organizer_of_an_event_names_a_mentor_as_an_attendee_does(
    run: Run, tmp_path: Path
) -> None:
    # the mentor sent the invitation: the organizer, often not an attendee
    assert (
        run("mentors", "add", "Ada Lovelace", "--contact", "ada@x.example").exit_code
        == 0
    )
    assert run("mentors", "add", "Grace Hopper").exit_code == 0
    ics = _raw(
        tmp_path / "cal.ics",
        """
UID:1@cal
DTSTART:20261128T090000
SUMMARY:Mentoring session
ORGANIZER;CN=Someone:mailto:ADA@x.example
ATTENDEE;CN=Sam:mailto:sam@x.example
""",
        """
UID:2@cal
DTSTART:20261129T090000
SUMMARY:Mentoring session
ORGANIZER;CN=Grace Hopper:mailto:grace@navy.example
""",
    )

    done = run("import", str(ics))

    assert done.exit_code == 0, done.stderr
    assert _planned(run) == [
        ("Ada Lovelace", "2026-11-28", "09:00"),
        ("Grace Hopper", "2026-11-29", "09:00"),
    ]


def test_the_user_among_the_attendees_never_names_a_mentor_who_shares_a_name(
    run: Run, tmp_path: Path
) -> None:
    # the journal is Sam Rivera's; a mentor is Sam Smith. The user is on every
    # invitation of their own calendar, as "Sam", "Sam Rivera" or "rivera":
    # that is them, not the mentor; "Sam Smith" still names the mentor
    assert run("init", "--name", "Sam Rivera").exit_code == 0
    assert run("mentors", "add", "Sam Smith").exit_code == 0
    ics = _calendar(
        tmp_path / "cal.ics",
        *(
            _event(
                f"{day}@cal",
                "Team sync",
                datetime(2026, 11, day, 9, 0),
                attendee=_attendee(f"me{day}@x.example", who),
            )
            for day, who in ((23, "Sam"), (24, "Sam Rivera"), (25, "RIVERA"))
        ),
        _event(
            "26@cal",
            "Catch-up",
            datetime(2026, 11, 26, 9, 0),
            attendee=[
                _attendee("me@x.example", "Sam Rivera"),
                _attendee("ss@x.example", "Sam Smith"),
            ],
        ),
    )
    done = run("import", str(ics))
    assert done.exit_code == 0, done.output
    assert done.stderr.strip() == "skipped 3 events: 3 name no mentor"
    assert _planned(run) == [("Sam Smith", "2026-11-26", "09:00")]


def test_a_calendar_in_another_encoding_or_with_old_mac_line_ends(
    run: Run, tmp_path: Path
) -> None:
    """Latin-1 text was read with each accented letter lost (U+FFFD), a NUL
    byte quoted the parser's "Content line could not be parsed", and lines
    ended by CR alone were "cut short"."""
    assert run("mentors", "add", "Ada Lovelace").exit_code == 0
    ics = _calendar(
        tmp_path / "cal.ics",
        _event("1@cal", "Coffee with Ada", datetime(2026, 11, 28, 9, 0)),
    )
    text = ics.read_bytes()
    latin = tmp_path / "latin.ics"
    latin.write_bytes(text.replace(b"Coffee", "Caf\u00e9".encode("latin-1")))
    nul = tmp_path / "nul.ics"
    nul.write_bytes(text + b"\0")
    for path, said in ((latin, "not UTF-8 text"), (nul, "not a text file")):
        refused = run("import", str(path))
        assert refused.exit_code == 1
        assert said in refused.stderr and str(path) in refused.stderr
        assert refused.stderr.count("\n") == 1, refused.stderr
        assert _planned(run) == []
    mac = tmp_path / "mac.ics"
    mac.write_bytes(text.replace(b"\r\n", b"\r"))
    done = run("import", str(mac))
    assert done.exit_code == 0, done.stderr
    assert _planned(run) == [("Ada Lovelace", "2026-11-28", "09:00")]
