"""Whole outputs, frozen: checklist, status and an agenda of a small but full
journal, built through the real CLI. A change to any of them shows here as a
diff to read; refreeze with `MENTORLOG_REFREEZE=1 pytest tests/cli/test_golden.py`
only after reading it."""

import itertools
import os
import random
from pathlib import Path
from types import SimpleNamespace

import pytest

from mentorlog.store import ids
from tests.conftest import Run

GOLDEN = Path(__file__).parent.parent / "golden"

# Two months of a mentorship, each step on its own day (MENTORLOG_TODAY).
STEPS: list[tuple[str, list[str]]] = [
    ("2026-09-20", ["init", "--name", "Sam Rivera"]),
    (
        "2026-09-20",
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
    ),
    (
        "2026-09-20",
        [
            "mentors",
            "agree",
            "ada",
            "--reschedule-notice",
            "48h",
            "--response-time",
            "2 days",
            "--off-limits",
            "salary",
        ],
    ),
    (
        "2026-09-21",
        ["mentors", "ask", "Grace Hopper", "--ask", "How did you start in compilers?"],
    ),
    (
        "2026-09-21",
        [
            "goals",
            "add",
            "Build a working web application using React within 3 months",
            "--area",
            "web",
            "--achievable",
            "6 hours a week",
            "--relevant",
            "front-end roles",
        ],
    ),
    (
        "2026-09-21",
        ["goals", "milestone", "build", "Finish the tutorial", "--due", "2026-10-15"],
    ),
    (
        "2026-09-21",
        ["goals", "milestone", "build", "Deploy a first page", "--due", "2026-12-01"],
    ),
    (
        "2026-09-21",
        [
            "goals",
            "add",
            "Give 2 talks at meetups by 2027-03-01",
            "--area",
            "public speaking",
        ],
    ),
    (
        "2026-10-30",
        ["prep", "ada", "--on", "2026-11-01", "--question", "Which framework first?"],
    ),
    (
        "2026-11-01",
        [
            "recap",
            "ada",
            "--takeaway",
            "Ship small, ship often",
            "--action",
            "Read the React docs due:2026-11-10",
            "--action",
            "Draft a talk outline",
            "--feedback",
            "Explain the why before the how",
            "--feedback-asked",
            "code review",
            "--appreciated",
        ],
    ),
    ("2026-11-02", ["goals", "tick", "build", "1"]),
    (
        "2026-11-03",
        ["resources", "add", "Clean Code", "--kind", "book", "--from", "ada"],
    ),
    ("2026-11-09", ["resources", "done", "clean", "--impression", "Names matter"]),
    ("2026-11-12", ["log", "add", "Shipped the landing page", "--kind", "win"]),
    (
        "2026-11-14",
        ["log", "add", "Hooks confuse me", "--kind", "challenge", "--private"],
    ),
    (
        "2026-11-20",
        ["actions", "add", "Book a meetup slot due:2026-12-05", "--mentor", "ada"],
    ),
]


@pytest.fixture
def journal_of_two_months(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    # the random half of each id, and so every short id shown, from a seed
    seeded = random.Random(13)
    monkeypatch.setattr(ids, "os", SimpleNamespace(urandom=seeded.randbytes))
    # and the time half from a clock that ticks a millisecond per id, so records
    # made within one real millisecond keep their order (listings sort by id)
    ticks = itertools.count(1_790_000_000_000)
    monkeypatch.setattr(
        ids, "time", SimpleNamespace(time_ns=lambda: next(ticks) * 1_000_000)
    )
    for today, args in STEPS:
        result = run(*args, env={"MENTORLOG_TODAY": today})
        assert result.exit_code == 0, (args, result.output)


def check(name: str, output: str) -> None:
    path = GOLDEN / f"{name}.txt"
    if os.environ.get("MENTORLOG_REFREEZE"):
        path.write_text(output)
    assert output == path.read_text()


def test_checklist_whole_output(run: Run, journal_of_two_months: None) -> None:
    result = run("checklist")
    assert result.exit_code == 0
    check("checklist", result.stdout)


def test_status_whole_output(run: Run, journal_of_two_months: None) -> None:
    result = run("status")
    assert result.exit_code == 0
    check("status", result.stdout)


def test_agenda_whole_output(run: Run, journal_of_two_months: None) -> None:
    result = run(
        "prep",
        "ada",
        "--on",
        "2026-11-24",
        "--topic",
        "portfolio",
        "--question",
        "How do I pick a lab?",
        "--bring",
        "my resume",
        "--ask-feedback",
        "testing",
    )
    assert result.exit_code == 0
    check("prep", result.stdout)
    share = run("prep", "ada", "--share")
    assert share.exit_code == 0
    check("agenda-share", share.stdout)
