"""checklist, status, report and export through the real CLI."""

import json
import stat
from pathlib import Path

import pytest

from tests.conftest import Run


@pytest.fixture
def month(run: Run) -> None:
    """A journal a month into a mentorship, built through the CLI."""
    steps = [
        ["init", "--name", "Sam Rivera"],
        [
            "mentors",
            "add",
            "Ada Lovelace",
            "-e",
            "web, career",
            "--cadence",
            "biweekly",
            "--channel",
            "video",
        ],
        [
            "goals",
            "add",
            "Build a web app with 3 pages within 3 months",
            "--area",
            "web",
            "--achievable",
            "6h a week",
            "--relevant",
            "internships",
        ],
        ["goals", "milestone", "build", "Tutorial", "--due", "2026-11-01"],
        [
            "goals",
            "add",
            "Interview 5 alumni by eoy",
            "--area",
            "data",
            "--achievable",
            "emails",
            "--relevant",
            "choose a track",
        ],
        ["goals", "milestone", "interview", "List them", "--due", "2026-12-01"],
        [
            "goals",
            "add",
            "Publish 2 blog posts by 2027-01-31",
            "--area",
            "career",
            "--achievable",
            "weekends",
            "--relevant",
            "visibility",
        ],
        ["goals", "milestone", "publish", "Draft one"],
    ]
    for step in steps:
        assert run(*step, env={"MENTORLOG_TODAY": "2026-10-20"}).exit_code == 0, step
    on = {"MENTORLOG_TODAY": "2026-10-25"}
    assert (
        run(
            "prep", "ada", "--on", "2026-10-27", "--ask-feedback", "code", env=on
        ).exit_code
        == 0
    )
    held = {"MENTORLOG_TODAY": "2026-10-27"}
    assert (
        run(
            "recap",
            "ada",
            "--takeaway",
            "Ship small",
            "--action",
            "Deploy it",
            "--feedback-asked",
            "code",
            "--feedback",
            "Name things better",
            "--appreciated",
            env=held,
        ).exit_code
        == 0
    )
    later = {"MENTORLOG_TODAY": "2026-11-05"}
    run("resources", "add", "Clean Code", "--kind", "book", "--from", "ada", env=later)
    run("resources", "done", "clean", "--impression", "naming matters", env=later)
    run("feedback", "applied", "name", "--how", "renamed 40 functions", env=later)
    run("log", "add", "Deployed the app", "--kind", "win", env=later)
    run(
        "log", "add", "Impostor feelings", "--kind", "challenge", "--private", env=later
    )
    run("goals", "tick", "build", "1", env=later)
    run("actions", "done", "deploy", env=later)


def test_checklist_items_with_evidence(run: Run, month: None) -> None:
    result = run("checklist")
    assert result.exit_code == 0
    out = result.stdout
    lines = out.splitlines()
    assert lines[0] == "Mentorship checklist"
    marks = {
        line.split(".")[0][2:].strip(): line[0]
        for line in lines
        if line[:1] in "✓✗–" and "." in line
    }
    assert marks == {
        "1": "✓",
        "2": "✗",
        "3": "✓",
        "4": "✓",
        "5": "✓",
        "6": "–",
        "7": "✓",
        "8": "✗",
        "9": "✗",
        "10": "–",
        "11": "✗",
    }
    assert "3 active goals; 3 with a target date, 3 with every SMART part" in out
    assert "no next meeting planned" in out
    assert "agenda prepared for 1 of 1 meeting" in out
    assert "feedback requested in 1 of the last 1 meeting" in out
    assert "thank-you notes after 0" in out
    assert "gaps: data" in out
    assert "→ find someone for a gap" in out
    assert lines[-1] == "Score: 5 of 9 habits in place (2 not applicable yet)"
    data = json.loads(run("checklist", "--json").stdout)
    assert (data["score"], data["applicable"]) == (5, 9)
    assert [i["status"] for i in data["items"]][:3] == ["pass", "fail", "pass"]
    assert all(
        set(i) == {"number", "title", "status", "evidence", "advice"}
        for i in data["items"]
    )


def test_checklist_targets_come_from_settings(
    run: Run, home: Path, month: None
) -> None:
    settings = home / "mentorlog.toml"
    settings.write_text(
        settings.read_text().replace(
            "resources_between_sessions = 2", "resources_between_sessions = 5"
        )
    )
    assert "At least 5 learning resources" in run("checklist").stdout
    assert "unknown" not in run("checklist", "ada").stderr
    assert run("checklist", "nobody").exit_code == 1


def test_checklist_on_an_empty_journal(run: Run) -> None:
    result = run("checklist")
    assert result.exit_code == 0
    assert "no active goal yet" in result.stdout
    assert result.stdout.splitlines()[-1] == (
        "Score: 0 of 1 habit in place (10 not applicable yet)"
    )


def test_status_is_one_screen_even_at_60_columns(run: Run, month: None) -> None:
    result = run("status", env={"COLUMNS": "60"})
    assert result.exit_code == 0
    out = result.stdout
    for title in (
        "Next meetings",
        "Overdue actions",
        "Goals",
        "Checklist",
        "Follow-ups",
    ):
        assert title in out
    assert max(len(line) for line in out.splitlines()) <= 60
    assert "due by biweekly cadence, not" in out
    assert "5 of 9 habits in place" in out
    assert "thank-you note" in out


def test_report_shares_progress_but_nothing_private(run: Run, month: None) -> None:
    result = run(
        "report", "--since", "2026-10-01", env={"MENTORLOG_TODAY": "2026-11-10"}
    )
    assert result.exit_code == 0
    out = result.stdout
    assert out.startswith("# Progress report — Sam Rivera\n")
    assert "2026-10-01 to 2026-11-10" in out
    # a mentor's feedback is kept between the two: not in a report for anyone
    assert "Name things better" not in out
    assert (
        result.stderr == "left out: 1 private item, 2 kept between you and a mentor\n"
    )
    assert (
        "- Tutorial (Build a web app with 3 pages within 3 months), 2026-11-05" in out
    )
    assert "- Deploy it" in out
    assert "- Win: Deployed the app (2026-11-05)" in out
    assert "- Clean Code (book): naming matters" in out
    assert "Impostor" not in out
    data = json.loads(
        run(
            "report",
            "--since",
            "2026-10-01",
            "--format",
            "json",
            "--mentor",
            "ada",
            env={"MENTORLOG_TODAY": "2026-11-10"},
        ).stdout
    )
    assert [e["text"] for e in data["log"]] == ["Deployed the app"]
    assert data["feedback_applied"][0]["how"] == "renamed 40 functions"
    narrow = run(
        "report", "--since", "2026-11-06", env={"MENTORLOG_TODAY": "2026-11-10"}
    )
    assert "Deploy it" not in narrow.stdout


def test_report_bad_format_is_an_error(run: Run) -> None:
    result = run("report", "--format", "pdf")
    assert (
        result.exit_code == 1
        and 'unknown format "pdf"; use md or json' in result.stderr
    )


def test_export_json_has_every_record(run: Run, month: None) -> None:
    data = json.loads(run("export", "--format", "json").stdout)
    assert data["schema_version"] == 1
    assert {
        k: len(data[k])
        for k in (
            "goals",
            "mentors",
            "sessions",
            "actions",
            "feedback",
            "resources",
            "log",
        )
    } == {
        "goals": 3,
        "mentors": 1,
        "sessions": 1,
        "actions": 1,
        "feedback": 1,
        "resources": 1,
        "log": 2,
    }
    assert data["settings"]["name"] == "Sam Rivera"
    assert "Ship small" in data["sessions"][0]["takeaways"]
    assert data["sessions"][0]["body"].startswith("\n# Ada Lovelace")


def test_export_json_is_laid_out_as_json_dumps_with_an_indent(
    run: Run, month: None
) -> None:
    """The export is made by the C encoder, a container at a time: the text
    is the one `json.dumps(data, indent=2, ensure_ascii=True)` makes."""
    result = run("log", "add", "Naïve café, tabbed\tin", "--kind", "win")
    assert result.exit_code == 0, result.output
    text = run("export", "--format", "json").stdout
    assert "caf\\u00e9" in text
    assert text == json.dumps(json.loads(text), indent=2, ensure_ascii=True) + "\n"


def test_export_ics_parses_back(
    run: Run, home: Path, month: None, tmp_path: Path
) -> None:
    from icalendar import Calendar

    run("prep", "ada", "--on", "2026-12-01")
    run("actions", "add", "Email the alumni due:2026-11-30", "--mentor", "ada")
    target = tmp_path / "out.ics"
    result = run("export", "--format", "ics", "--output", str(target))
    assert result.exit_code == 0
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    calendar = Calendar.from_ical(target.read_bytes())
    events = [c for c in calendar.walk("VEVENT")]
    todos = [c for c in calendar.walk("VTODO")]
    # the meeting held in the month stays in the calendar (issue 18)
    # a calendar's events have no order: compared by their start
    assert sorted(
        (str(e["summary"]), e.decoded("dtstart").isoformat()) for e in events
    ) == [
        ("Mentoring: Ada Lovelace", "2026-10-27"),
        ("Mentoring: Ada Lovelace", "2026-12-01"),
    ]
    assert "Channel: video" in str(events[1]["description"])
    summaries = sorted(str(t["summary"]) for t in todos)
    # dated, open to-dos only: "Draft one" has no date, "Tutorial" is done
    assert summaries == ["Email the alumni", "List them (Interview 5 alumni by eoy)"]
    assert b"\r\n" in target.read_bytes()


def test_export_md_reads_as_a_document(run: Run, month: None) -> None:
    out = run("export", "--format", "md").stdout
    assert out.startswith("# Mentorship journal of Sam Rivera\n")
    for heading in (
        "## Goals",
        "## Mentors",
        "## Meetings",
        "## Action items",
        "## Feedback",
        "## Resources",
        "## Log",
    ):
        assert heading in out
    assert "Impostor feelings (private)" in out  # your own backup keeps it, marked
    assert "<!--" not in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["export", "--format", "pdf"], 'unknown format "pdf"; use json, md, ics'),
        (
            ["export", "--format", "json", "--output", "/nonexistent-dir/x.json"],
            "does not exist",
        ),
    ],
)
def test_export_errors(run: Run, args: list[str], message: str) -> None:
    result = run(*args)
    assert result.exit_code == 1
    assert message in result.stderr


def test_status_json(run: Run, month: None) -> None:
    data = json.loads(run("status", "--json").stdout)
    assert set(data) >= {
        "today",
        "upcoming",
        "to_recap",
        "due_by_cadence",
        "overdue_actions",
        "open_actions",
        "goals",
        "checklist",
        "followups",
    }
    assert data["checklist"] == {"score": 5, "applicable": 9}
    assert [d["mentor"] for d in data["due_by_cadence"]] == ["Ada Lovelace"]


def test_a_meeting_due_by_cadence_counts_from_the_last_one_held(
    run: Run, month: None
) -> None:
    """The last meeting was held on 2026-10-27; months later the next one is
    still due two weeks after it, not two weeks after the mentor was added."""
    data = json.loads(
        run("status", "--json", env={"MENTORLOG_TODAY": "2027-01-15"}).stdout
    )
    assert data["due_by_cadence"] == [
        {"mentor": "Ada Lovelace", "due": "2026-11-10", "cadence": "biweekly"}
    ]


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
