"""Three months of a mentee's use, scripted through the real CLI with the day
moving forward (MENTORLOG_TODAY): prep → recap → apply → re-prep → cancel →
flash → promote. Each agenda is asserted whole against tests/golden/scenario-*;
refreeze with `MENTORLOG_REFREEZE=1 pytest tests/cli/test_scenario.py` only after
reading the diff."""

import itertools
import os
import random
from pathlib import Path
from types import SimpleNamespace

import pytest

from mentorlog.store import ids
from tests.conftest import Run

GOLDEN = Path(__file__).parent.parent / "golden"

# (day, command, the golden file its whole output must equal, or None)
SCRIPT: list[tuple[str, list[str], str | None]] = [
    ("2026-09-01", ["init", "--name", "Sam Rivera"], None),
    (
        "2026-09-01",
        ["mentors", "add", "Ada Lovelace", "-e", "web", "--cadence", "biweekly"],
        None,
    ),
    (
        "2026-09-01",
        [
            "goals",
            "add",
            "Build a working web application using React within 3 months",
            "--area",
            "web",
        ],
        None,
    ),
    (
        "2026-09-10",
        [
            "prep",
            "ada",
            "--on",
            "2026-09-15",
            "--question",
            "Which framework first?",
            "--question",
            "How do I pick a lab?",
            "--topic",
            "portfolio",
            "--bring",
            "my resume",
        ],
        "scenario-01-first-prep",
    ),
    (
        "2026-09-15",
        [
            "recap",
            "ada",
            "--takeaway",
            "Ship small, ship often",
            "--action",
            "Email Bob due:2026-09-20",
            "--action",
            "Draft a talk outline",
            "--feedback",
            "Slides too dense",
            "--answered",
            "1",
            "--appreciated",
        ],
        None,
    ),
    ("2026-09-18", ["prep", "ada"], "scenario-02-prep-after-recap"),
    ("2026-09-19", ["actions", "done", "email"], None),
    (
        "2026-09-22",
        ["feedback", "applied", "slides", "--how", "one idea per slide"],
        None,
    ),
    ("2026-09-22", ["log", "add", "Shipped the landing page", "--kind", "win"], None),
    ("2026-09-25", ["prep", "ada"], "scenario-03-re-prep"),
    (
        "2026-09-29",
        [
            "recap",
            "ada",
            "--takeaway",
            "Apply to 3 labs, not 10",
            "--answered",
            "how do",
            "--done",
            "draft",
        ],
        None,
    ),
    (
        "2026-10-05",
        [
            "prep",
            "ada",
            "--on",
            "2026-10-13",
            "--topic",
            "conference talk",
            "--question",
            "Should I submit a talk?",
            "--bring",
            "the talk outline",
        ],
        "scenario-04-prep-to-cancel",
    ),
    (
        "2026-10-08",
        ["sessions", "cancel", "2026-10-13", "--reason", "Ada is travelling"],
        None,
    ),
    ("2026-10-09", ["prep", "ada", "--on", "2026-10-20"], "scenario-05-after-cancel"),
    (
        "2026-10-10",
        [
            "mentors",
            "ask",
            "Grace Hopper",
            "-e",
            "compilers",
            "--ask",
            "I am learning compilers; how did you start? Could we talk 20 minutes?",
        ],
        None,
    ),
    (
        "2026-10-11",
        ["mentors", "answer", "grace", "accepted", "--on", "2026-10-16"],
        None,
    ),
    (
        "2026-10-11",
        [
            "goals",
            "add",
            "Write a toy compiler by 2027-01-31",
            "--area",
            "compilers",
        ],
        None,
    ),
    (
        "2026-10-12",
        ["prep", "grace", "--question", "Where should a beginner start?"],
        "scenario-06-flash-prep",
    ),
    (
        "2026-10-16",
        [
            "recap",
            "grace",
            "--takeaway",
            "Start with a tiny language",
            "--answered",
            "1",
            "--appreciated",
        ],
        "scenario-07-flash-recap",
    ),
    ("2026-10-17", ["mentors", "promote", "grace"], None),
    (
        "2026-10-17",
        ["prep", "grace", "--on", "2026-11-05", "--topic", "a reading list"],
        "scenario-08-promoted-prep",
    ),
    (
        "2026-10-20",
        ["recap", "ada", "--takeaway", "Submit the talk", "--answered", "should"],
        None,
    ),
    ("2026-11-28", ["prep", "ada", "--on", "2026-11-30"], "scenario-09-three-months"),
]


def check(name: str, output: str) -> None:
    path = GOLDEN / f"{name}.txt"
    if os.environ.get("MENTORLOG_REFREEZE"):
        path.write_text(output)
    assert output == path.read_text(), name


def test_three_months_of_agendas_whole(
    run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    seeded = random.Random(18)
    monkeypatch.setattr(ids, "os", SimpleNamespace(urandom=seeded.randbytes))
    ticks = itertools.count(1_780_000_000_000)
    monkeypatch.setattr(
        ids, "time", SimpleNamespace(time_ns=lambda: next(ticks) * 1_000_000)
    )
    checked = []
    for today, args, golden in SCRIPT:
        result = run(*args, env={"MENTORLOG_TODAY": today})
        assert result.exit_code == 0, (today, args, result.output)
        if golden is not None:
            check(golden, result.stdout)
            checked.append(golden)
    assert len(checked) == 9
