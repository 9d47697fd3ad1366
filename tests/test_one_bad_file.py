"""One bad file stays one problem (issue 17 part 7): a record that cannot be
read (a FIFO or a folder where its file should be) or a file where a record
folder should be is a problem of that path; every other command works,
`doctor` and `goals add` included. Real FIFOs, folders and files: these fail
for root too (the tests may run as root, for whom a mode blocks no read)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from mentorlog.store.journal import Journal
from mentorlog.store.kinds import ACTIONS, GOALS
from tests.conftest import Run

READS = [
    ("goals",),
    ("status",),
    ("checklist",),
    ("export", "--format", "json"),
    ("export", "--format", "md"),
    ("report",),
    ("network",),
    ("search", "ship"),
    ("prep", "ada", "--on", "friday"),
    ("actions",),
]


@pytest.fixture
def journal_with_goal(run: Run, home: Path) -> Path:
    assert run("mentors", "add", "Ada Lovelace", "--cadence", "weekly").exit_code == 0
    assert run("goals", "add", "Ship the app", "--by", "eom").exit_code == 0
    assert run("actions", "add", "Call Ada").exit_code == 0
    return home


def fifo_record(home: Path) -> str:
    os.mkfifo(home / "goals" / "stuck.toml")  # no writer: a read would block
    return "goals/stuck.toml: cannot be read"


def folder_record(home: Path) -> str:
    (home / "goals" / "folder.toml").mkdir()
    return "goals/folder.toml: a folder stands where a file should be"


BAD_RECORDS = [fifo_record, folder_record]


@pytest.mark.parametrize("make_bad", BAD_RECORDS, ids=lambda f: f.__name__)
def test_an_unreadable_record_is_a_problem_of_its_path_only(
    run: Run, journal_with_goal: Path, make_bad: object
) -> None:
    assert callable(make_bad)
    said = make_bad(journal_with_goal)
    for args in READS:
        done = run(*args)
        assert done.exit_code == 0, (args, done.stderr)
        if args[0] != "actions":  # reads no goal
            assert done.stderr.count(said) == 1, (args, done.stderr)
    doctor = run("doctor")
    assert doctor.exit_code == 3
    assert said in doctor.stdout
    added = run("goals", "add", "Write a blog post", "--by", "eom")
    assert added.exit_code == 0, added.stderr
    assert run("goals", "tick", "ship", "1").exit_code == 1  # no milestone: as ever
    titles = {s.record.title for s in Journal(journal_with_goal).load(GOALS).records}
    assert titles == {"Ship the app", "Write a blog post"}


def test_a_file_where_the_goals_folder_should_be(
    run: Run, journal_with_goal: Path
) -> None:
    goals = journal_with_goal / "goals"
    for path in goals.iterdir():
        path.unlink()
    goals.rmdir()
    goals.write_text("not a folder\n")
    said = "goals: a file stands where a folder should be"
    for args in READS:
        done = run(*args)
        assert done.exit_code == 0, (args, done.stderr)
        if args[0] != "actions":
            assert done.stderr.count(said) == 1, (args, done.stderr)
    doctor = run("doctor")
    assert doctor.exit_code == 3 and said in doctor.stdout
    fixed = run("doctor", "--fix")
    assert fixed.exit_code == 3 and said in fixed.stdout
    added = run("goals", "add", "Write a blog post", "--by", "eom")
    assert added.exit_code == 1
    assert f"{goals}: a file stands where a folder should be" in added.stderr
    assert goals.read_text() == "not a folder\n"  # left as it was
    # every other kind still takes writes
    assert run("actions", "add", "Email Ada").exit_code == 0
    assert run("mentors", "add", "Grace Hopper").exit_code == 0
    texts = {s.record.text for s in Journal(journal_with_goal).load(ACTIONS).records}
    assert texts == {"Call Ada", "Email Ada"}
