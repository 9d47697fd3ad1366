"""Defects the meeting-cycle review found, each pinned by a test."""

import json
from pathlib import Path

import pytest

from mentorlog.store.journal import Journal
from mentorlog.store.kinds import ACTIONS, SESSIONS
from tests.conftest import Run


@pytest.fixture
def ada(run: Run) -> None:
    assert (
        run(
            "mentors",
            "add",
            "Ada Lovelace",
            "-e",
            "web",
            "--cadence",
            "weekly",
            "--channel",
            "video",
            "--org",
            "Engines Ltd",
            "--contact",
            "ada@example.org",
        ).exit_code
        == 0
    )
    assert run("mentors", "agree", "ada", "--reschedule-notice", "48h").exit_code == 0


def snapshot(home: Path) -> dict[Path, bytes]:
    return {
        p: p.read_bytes()
        for p in home.rglob("*")
        if p.is_file() and ".cache" not in p.parts
    }


def test_a_broken_session_file_blocks_prep_and_recap(
    run: Run, home: Path, ada: None
) -> None:
    run("recap", "ada", "--takeaway", "first")
    path = next((home / "sessions").iterdir())
    path.write_text(path.read_text().replace('status = "held"', 'status = "hled"'))
    before = snapshot(home)
    for args in (
        ["prep", "ada", "--on", "friday"],
        ["recap", "ada", "--takeaway", "x"],
    ):
        result = run(*args)
        assert result.exit_code == 3, args
        assert f"sessions/{path.name}:" in result.stderr
        assert "fix it first" in result.stderr
    assert snapshot(home) == before


def test_a_past_planned_meeting_asks_for_a_recap(run: Run, ada: None) -> None:
    run("prep", "ada", "--on", "2026-11-24")
    later = {"MENTORLOG_TODAY": "2026-12-10"}
    prep = run("prep", "ada", env=later)
    assert prep.exit_code == 1
    assert "planned for 2026-11-24 has passed: recap it" in prep.stderr
    items = json.loads(run("followups", "--json", env=later).stdout)
    recap = [f for f in items if f["kind"] == "recap"]
    assert len(recap) == 1 and "2026-11-24" in recap[0]["text"]
    status = run("status", env=later).stdout
    assert "passed, recap or cancel it" in status
    assert run("prep", "ada", "--on", "2026-12-12", env=later).exit_code == 0


def test_a_moved_meeting_carries_its_agenda_heading(run: Run, ada: None) -> None:
    run("prep", "ada", "--on", "2026-11-26")
    run("sessions", "move", "2026-11-26", "--to", "2026-11-27")
    assert run("prep", "ada", "--share").stdout.startswith(
        "# Ada Lovelace · 2026-11-27\n"
    )
    run("prep", "ada", "--on", "2026-12-01")
    assert run("prep", "ada", "--share").stdout.startswith(
        "# Ada Lovelace · 2026-12-01\n"
    )


def test_flash_accepted_with_a_date_plans_the_meeting(
    run: Run, journal: Journal
) -> None:
    run("mentors", "ask", "Grace Hopper", "--ask", "How did you start?")
    assert (
        run("mentors", "answer", "grace", "accepted", "--on", "2026-11-25").exit_code
        == 0
    )
    planned = [s.record for s in journal.load(SESSIONS).records]
    assert [(s.mentor_name, s.date.isoformat(), s.status) for s in planned] == [
        ("Grace Hopper", "2026-11-25", "planned")
    ]
    chosen = run("prep")
    assert chosen.exit_code == 0
    assert (
        "preparing for Grace Hopper: the next meeting, on 2026-11-25" in chosen.stdout
    )
    run("mentors", "answer", "grace", "rescheduled", "--on", "2026-11-28")
    dates = [s.record.date.isoformat() for s in journal.load(SESSIONS).records]
    assert dates == ["2026-11-28"]
    run("mentors", "answer", "grace", "declined")
    assert journal.load(SESSIONS).records[0].record.status == "cancelled"
    refused = run("prep", "grace", "--on", "2026-12-01")
    assert refused.exit_code == 1 and "declined the ask" in refused.stderr
    promote = run("mentors", "promote", "grace")
    assert promote.exit_code == 1 and "declined" in promote.stderr


def test_ending_a_mentorship_cancels_its_planned_meetings(
    run: Run, journal: Journal, ada: None
) -> None:
    run("prep", "ada", "--on", "2026-11-30")
    assert run("mentors", "end", "ada").exit_code == 0
    assert journal.load(SESSIONS).records[0].record.status == "cancelled"


def test_a_late_cancellation_is_a_followup(run: Run, ada: None) -> None:
    run("prep", "ada", "--on", "tomorrow")
    run("sessions", "cancel", "2026-11-23")
    items = [
        f
        for f in json.loads(run("followups", "--json").stdout)
        if f["kind"] == "cancelled"
    ]
    assert len(items) == 1 and "inside the agreed 48h notice" in items[0]["text"]
    assert run("followups", "done", items[0]["id"]).exit_code == 0
    assert not [
        f
        for f in json.loads(run("followups", "--json").stdout)
        if f["kind"] == "cancelled"
    ]


def test_checklist_counts_the_gap_since_the_last_meeting(run: Run, ada: None) -> None:
    run("recap", "ada", "--takeaway", "x", env={"MENTORLOG_TODAY": "2026-09-01"})
    run("prep", "ada", "--on", "2026-11-25")
    data = json.loads(run("checklist", "--json").stdout)
    cadence = data["items"][1]
    assert cadence["status"] == "fail"
    assert "1 gap longer than the cadence" in cadence["evidence"]


def test_a_private_win_is_not_shared(run: Run, ada: None) -> None:
    run("recap", "ada", "--takeaway", "x")
    run("log", "add", "secret win", "--kind", "win", "--private")
    item = json.loads(run("checklist", "--json").stdout)["items"][6]
    assert item["status"] == "fail"
    run("log", "add", "public win", "--kind", "win")
    assert json.loads(run("checklist", "--json").stdout)["items"][6]["status"] == "pass"


def test_one_suggested_feedback_area_per_agenda(
    run: Run, home: Path, ada: None
) -> None:
    run("goals", "add", "Write 2 essays within 2 weeks", "--area", "writing")
    run("goals", "add", "Ship a web page within 3 weeks", "--area", "web")
    first = run("prep", "ada", "--on", "2026-11-26").stdout
    assert "Ask for feedback on: web" in first  # Ada knows web, not writing
    run("goals", "drop", "ship")
    run("prep", "ada")
    text = next((home / "sessions").iterdir()).read_text()
    assert text.count("Ask for feedback on:") == 1


def test_due_only_at_the_end_of_an_action(run: Run, journal: Journal) -> None:
    assert run("actions", "add", "Ask about due:monday deadline policy").exit_code == 0
    assert run("actions", "add", "Fix parser so due:date fields work").exit_code == 0
    texts = {s.record.text: s.record.due for s in journal.load(ACTIONS).records}
    assert texts == {
        "Ask about due:monday deadline policy": None,
        "Fix parser so due:date fields work": None,
    }
    typo = run("actions", "add", "Email due:fridya")
    assert typo.exit_code == 1 and 'cannot read the date in "due:fridya"' in typo.stderr


def test_export_md_keeps_the_whole_person_and_who_said_what(
    run: Run, ada: None
) -> None:
    run("feedback", "add", "Name things better", "--mentor", "ada", "--area", "code")
    run("actions", "add", "Rename things", "--mentor", "ada")
    run("resources", "add", "Clean Code", "--from", "ada")
    out = run("export", "--format", "md").stdout
    for expected in (
        "- Organisation: Engines Ltd",
        "- Contact: ada@example.org",
        "- Reschedule notice: 48h",
        "(2026-11-22, from Ada Lovelace, on code) — not yet applied",
        "- [ ] Rename things · with Ada Lovelace",
        "- [ ] Clean Code (other), from Ada Lovelace",
    ):
        assert expected in out, expected
