"""What leaves the journal (SPEC §9): every share through one filter, for an
audience. Each leak of issue 14 as a whole-output test through the real CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import Run

BEFORE = {"MENTORLOG_TODAY": "2026-11-01"}
HELD = {"MENTORLOG_TODAY": "2026-11-03"}
LATER = {"MENTORLOG_TODAY": "2026-11-10"}


def ok(run: Run, *args: str, env: dict[str, str] | None = None) -> str:
    result = run(*args, env=env)
    assert result.exit_code == 0, (args, result.output)
    return result.stdout


@pytest.fixture
def two(run: Run) -> None:
    """Ada and Bob, each with a goal, a meeting held, an action done and
    feedback applied; one general goal, a win and a resource."""
    ok(run, "init", "--name", "Sam")
    ok(run, "mentors", "add", "Ada Lovelace", env=BEFORE)
    ok(run, "mentors", "add", "Bob Marley", env=BEFORE)
    ok(run, "goals", "add", "Ship my portfolio", "--mentor", "ada", env=BEFORE)
    ok(run, "goals", "milestone", "ship", "Pick a host", env=BEFORE)
    ok(
        run,
        *("goals", "add", "Learn Rust", "--mentor", "Bob Marley", "--area", "rust"),
        *("--by", "2026-11-20"),
        env=BEFORE,
    )
    ok(run, "goals", "milestone", "learn", "Read the Rust book", env=BEFORE)
    ok(run, "goals", "add", "Run a 5k", env=BEFORE)
    for who, takeaway, action, feedback in (
        ("ada", "Show the work early", "Email Ada the draft", "Cut the intro"),
        ("bob", "Bob says borrow checking is fine", "Bob homework", "Bob advice"),
    ):
        ok(run, "prep", who, "--on", "2026-11-03", env=BEFORE)
        ok(
            run,
            *("recap", who, "--takeaway", takeaway, "--action", action),
            *("--feedback", feedback),
            env=HELD,
        )
    ok(run, "actions", "done", "email", env=LATER)
    ok(run, "actions", "done", "bob", env=LATER)
    ok(run, "feedback", "applied", "cut", "--how", "Intro is one line", env=LATER)
    ok(run, "feedback", "applied", "bob", "--how", "Bob how", env=LATER)
    ok(run, "goals", "tick", "ship", "1", env=LATER)
    ok(run, "goals", "tick", "learn", "1", env=LATER)
    ok(run, "log", "add", "Gave a lab talk", "--kind", "win", env=LATER)
    ok(run, "resources", "add", "Clean Code", "--kind", "book", env=LATER)
    ok(run, "resources", "done", "clean", "--impression", "Names matter", env=LATER)


def report(run: Run, *args: str) -> tuple[str, str]:
    result = run("report", "--since", "2026-11-01", *args, env=LATER)
    assert result.exit_code == 0, result.output
    return result.stdout, result.stderr


def test_report_for_ada_holds_her_material_and_none_of_bobs(
    run: Run, two: None
) -> None:
    out, err = report(run, "--mentor", "ada")
    assert out == (
        "# Progress report — Sam\n"
        "\n"
        "2026-11-01 to 2026-11-10 · for Ada Lovelace\n"
        "\n"
        "## Meetings held\n"
        "\n"
        "- 2026-11-03 with Ada Lovelace\n"
        "  - Show the work early\n"
        "\n"
        "## Goals\n"
        "\n"
        "- **Run a 5k**: 0 of 0 milestones\n"
        "- **Ship my portfolio**: 1 of 1 milestone\n"
        "\n"
        "## Milestones reached\n"
        "\n"
        "- Pick a host (Ship my portfolio), 2026-11-10\n"
        "\n"
        "## Actions done\n"
        "\n"
        "- Email Ada the draft\n"
        "\n"
        "## Feedback applied\n"
        "\n"
        "- Cut the intro → Intro is one line\n"
        "\n"
        "## Wins and challenges\n"
        "\n"
        "- Win: Gave a lab talk (2026-11-10)\n"
        "\n"
        "## Resources explored\n"
        "\n"
        "- Clean Code (book): Names matter\n"
    )
    # Bob's goal, his milestone, meeting, action and feedback
    assert err == "left out: 5 of other mentors\n"


def test_report_for_bob_is_the_mirror(run: Run, two: None) -> None:
    out, err = report(run, "--mentor", "bob", "--format", "json")
    data = json.loads(out)
    assert [(m["mentor"], m["takeaways"]) for m in data["meetings"]] == [
        ("Bob Marley", ["Bob says borrow checking is fine"])
    ]
    assert [g["title"] for g in data["goals"]] == ["Learn Rust", "Run a 5k"]
    assert [a["text"] for a in data["actions_done"]] == ["Bob homework"]
    assert [f["text"] for f in data["feedback_applied"]] == ["Bob advice"]
    assert "Ada" not in out.replace("Ada Lovelace", "") or "Ada" not in out
    assert "Ship my portfolio" not in out and "Show the work" not in out
    assert err == "left out: 5 of other mentors\n"


def test_report_for_no_one_keeps_no_mentors_words(run: Run, two: None) -> None:
    out, err = report(run)
    assert out == (
        "# Progress report — Sam\n"
        "\n"
        "2026-11-01 to 2026-11-10\n"
        "\n"
        "## Meetings held\n"
        "\n"
        "- 2026-11-03 with Ada Lovelace\n"
        "- 2026-11-03 with Bob Marley\n"
        "\n"
        "## Goals\n"
        "\n"
        "- **Learn Rust**: 1 of 1 milestone, target 2026-11-20\n"
        "- **Run a 5k**: 0 of 0 milestones\n"
        "- **Ship my portfolio**: 1 of 1 milestone\n"
        "\n"
        "## Milestones reached\n"
        "\n"
        "- Read the Rust book (Learn Rust), 2026-11-10\n"
        "- Pick a host (Ship my portfolio), 2026-11-10\n"
        "\n"
        "## Actions done\n"
        "\n"
        "- Bob homework\n"
        "- Email Ada the draft\n"
        "\n"
        "## Wins and challenges\n"
        "\n"
        "- Win: Gave a lab talk (2026-11-10)\n"
        "\n"
        "## Resources explored\n"
        "\n"
        "- Clean Code (book): Names matter\n"
    )
    assert err == "left out: 4 kept between you and a mentor\n"


def test_adas_pre_read_holds_nothing_of_bobs(run: Run, two: None) -> None:
    ok(run, "prep", "ada", "--on", "2026-11-12", env=LATER)
    result = run("prep", "ada", "--share", env=LATER)
    assert result.exit_code == 0
    assert result.stdout == (
        "# Ada Lovelace · 2026-11-12\n"
        "\n"
        "## Since last time\n"
        "- [x] Email Ada the draft (done 2026-11-10)\n"
        "\n"
        "## Last time\n"
        "- Show the work early\n"
        "\n"
        "## To share\n"
        "- Win: Gave a lab talk (2026-11-10)\n"
        "- Explored: Clean Code (book): Names matter\n"
        "\n"
        "## To show\n"
        "- Applied: Cut the intro → Intro is one line (2026-11-10)\n"
        "\n"
        "## Feedback\n"
        '- Ask for feedback on: progress on "Run a 5k"\n'
    )
    assert result.stderr == ""


def agenda_file(run: Run, home: Path, mentor: str) -> Path:
    sessions = json.loads(ok(run, "sessions", "--json"))
    planned = [
        s for s in sessions if s["status"] == "planned" and mentor in s["mentor"]
    ]
    return home / planned[0]["file"]


PROSE = """
## Notes
Shared line.

(private) I nearly quit the programme in August because
my partner and I broke up; it was hard.

- keep me
- (Private) a secret item
  - its secret sub-bullet
    - and a deeper one
- kept too

## Personal #private
A secret section.

### A secret subsection
Also secret.

## After
Visible again.
"""


def test_private_prose_is_left_out_by_structure(
    run: Run, home: Path, two: None
) -> None:
    ok(run, "prep", "ada", "--on", "2026-11-12", env=LATER)
    path = agenda_file(run, home, "Ada")
    path.write_text(path.read_text() + PROSE)
    result = run("prep", "ada", "--share", env=LATER)
    assert result.exit_code == 0
    assert result.stdout == (
        "# Ada Lovelace · 2026-11-12\n"
        "\n"
        "## Since last time\n"
        "- [x] Email Ada the draft (done 2026-11-10)\n"
        "\n"
        "## Last time\n"
        "- Show the work early\n"
        "\n"
        "## To share\n"
        "- Win: Gave a lab talk (2026-11-10)\n"
        "- Explored: Clean Code (book): Names matter\n"
        "\n"
        "## To show\n"
        "- Applied: Cut the intro → Intro is one line (2026-11-10)\n"
        "\n"
        "## Feedback\n"
        '- Ask for feedback on: progress on "Run a 5k"\n'
        "\n"
        "## Notes\n"
        "Shared line.\n"
        "\n"
        "- keep me\n"
        "- kept too\n"
        "\n"
        "## After\n"
        "Visible again.\n"
    )
    assert result.stderr == "left out: 3 private items\n"


def test_a_multi_line_private_entry_is_left_out_whole(run: Run, two: None) -> None:
    ok(
        run,
        *("log", "add", "I hate my manager\nstill sad", "--kind", "challenge"),
        "--private",
        env=LATER,
    )
    prep = ok(run, "prep", "ada", "--on", "2026-11-12", env=LATER)
    assert "Challenge: I hate my manager still sad (2026-11-10) (private)" in prep
    result = run("prep", "ada", "--share", env=LATER)
    assert "manager" not in result.stdout and "sad" not in result.stdout
    assert "- Win: Gave a lab talk (2026-11-10)\n" in result.stdout
    assert result.stderr == "left out: 1 private item\n"


def test_every_kind_takes_private_and_report_honours_it(run: Run) -> None:
    ok(run, "init", "--name", "Sam")
    ok(run, "mentors", "add", "Ada Lovelace", env=BEFORE)
    ok(run, "goals", "add", "Secret goal", "--private", env=BEFORE)
    ok(run, "goals", "add", "Open goal", env=BEFORE)
    ok(run, "goals", "milestone", "open", "Hidden step", "--private", env=BEFORE)
    ok(run, "goals", "milestone", "open", "Seen step", env=BEFORE)
    ok(run, "actions", "add", "Call my lawyer", "--mentor", "ada", "--private")
    ok(run, "actions", "add", "(Private) see the doctor", "--mentor", "ada")
    ok(run, "actions", "add", "Write the abstract", "--mentor", "ada")
    ok(run, "feedback", "add", "Be less blunt", "--mentor", "ada", "--private")
    ok(run, "feedback", "add", "Lead with results", "--mentor", "ada")
    ok(run, "resources", "add", "Therapy book", "--private")
    ok(run, "resources", "add", "Clean Code", "--no-private")
    for name in ("call", "private", "write"):
        ok(run, "actions", "done", name, env=LATER)
    ok(run, "feedback", "applied", "be", "--how", "Softer", env=LATER)
    ok(run, "feedback", "applied", "lead", "--how", "tried it #Private", env=LATER)
    ok(run, "resources", "done", "therapy", env=LATER)
    ok(run, "resources", "done", "clean", "--impression", "names", env=LATER)
    ok(run, "goals", "tick", "open", "1", env=LATER)
    ok(run, "goals", "tick", "open", "2", env=LATER)
    out, err = report(run, "--mentor", "ada")
    assert out == (
        "# Progress report — Sam\n"
        "\n"
        "2026-11-01 to 2026-11-10 · for Ada Lovelace\n"
        "\n"
        "## Goals\n"
        "\n"
        "- **Open goal**: 2 of 2 milestones\n"
        "\n"
        "## Milestones reached\n"
        "\n"
        "- Seen step (Open goal), 2026-11-10\n"
        "\n"
        "## Actions done\n"
        "\n"
        "- Write the abstract\n"
        "\n"
        "## Resources explored\n"
        "\n"
        "- Clean Code (other): names\n"
    )
    assert err == "left out: 7 private items\n"
    data = {
        kind: json.loads(ok(run, kind, "--json", *extra))
        for kind, extra in (
            ("goals", ["--all"]),
            ("actions", ["--all"]),
            ("feedback", []),
            ("resources", []),
            ("log", []),
            ("mentors", []),
            ("sessions", ["--all"]),
        )
    }
    for kind, records in data.items():
        for record in records:
            assert isinstance(record["private"], bool), kind
    assert [g["private"] for g in data["goals"]] == [True, False] or [
        g["private"] for g in data["goals"]
    ] == [False, True]


def test_a_private_meeting_has_no_pre_read_and_is_in_no_report(
    run: Run, two: None
) -> None:
    ok(run, "prep", "bob", "--on", "2026-11-12", "--private", env=LATER)
    shared = run("prep", "bob", "--share", env=LATER)
    assert shared.exit_code == 1 and shared.stdout == ""
    assert "the meeting of 2026-11-12 is private" in shared.stderr
    ok(run, "recap", "bob", "--takeaway", "Quiet words", env=LATER)
    out, err = report(run)
    assert "- 2026-11-03 with Bob Marley\n" in out
    # recorded as held today, 2026-11-10: private, so not listed
    assert "2026-11-10 with Bob" not in out and "Quiet words" not in out
    assert err == "left out: 1 private item, 4 kept between you and a mentor\n"
    again = ok(run, "prep", "bob", "--on", "2026-11-20", "--no-private", env=LATER)
    assert "Quiet words" in again  # the agenda is yours: it holds it
    flags = {
        s["date"]: s["private"]
        for s in json.loads(ok(run, "sessions", "--all", "--json"))
        if "Bob" in s["mentor"]
    }
    assert flags == {"2026-11-03": False, "2026-11-10": True, "2026-11-20": False}


def test_a_goal_names_its_mentor_any_way_a_reference_can(
    run: Run, two: None, home: Path
) -> None:
    ada = next(
        m
        for m in json.loads(ok(run, "mentors", "--json"))
        if m["name"] == "Ada Lovelace"
    )
    ok(run, "goals", "add", "Give a talk", "--mentor", ada["short_id"], env=BEFORE)
    ok(run, "goals", "add", "Read Bob's list", "--mentor", "marley", env=BEFORE)
    # a goal whose mentor names no one (`goals add` refuses that; a hand edit
    # or another device can write it) counts as another mentor's
    ok(run, "goals", "add", "Ask Zed", env=BEFORE)
    zed = next((home / "goals").glob("ask-zed*.toml"))
    zed.write_text(zed.read_text() + 'mentor = "Zed Nobody"\n')
    out, err = report(run, "--mentor", "ada")
    assert "**Give a talk**" in out
    assert "Bob's list" not in out and "Zed" not in out
    assert err == "left out: 7 of other mentors\n"
