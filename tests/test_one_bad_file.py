"""One bad file stays one problem (issue 17 part 7): a record that cannot be
read (a FIFO or a folder where its file should be) or a file where a record
folder should be is a problem of that path; every other command works,
`doctor` and `goals add` included. Real FIFOs, folders and files: these fail
for root too (the tests may run as root, for whom a mode blocks no read)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
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


def test_a_record_this_user_may_not_read_is_a_problem_of_its_path(
    initialised: Path,
) -> None:
    """After `sudo vim` a record may be a file its user cannot read. Real
    permission denied: as root, the process runs without the power to ignore
    file modes (`setpriv`, as tests/test_real_faults.py does)."""
    home = initialised
    cli = [sys.executable, "-m", "mentorlog", "--no-input"]
    if os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        assert setpriv, "setpriv (util-linux) is needed to deny root"
        drop = "-dac_override,-dac_read_search,-fowner"
        cli = [setpriv, "--bounding-set", drop, *cli]

    def ml(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*cli, *args], capture_output=True, text=True, timeout=120, check=False
        )

    assert ml("goals", "add", "Ship the app", "--by", "eom").returncode == 0
    [good] = (home / "goals").glob("*.toml")
    secret = home / "goals" / "secret.toml"
    secret.write_text(good.read_text().replace("Ship the app", "Root's goal"))
    secret.chmod(0)
    said = "goals/secret.toml: cannot be read: Permission denied"
    for args in (("goals",), ("status",), ("export", "--format", "json")):
        done = ml(*args)
        assert done.returncode == 0, (args, done.stderr)
        assert done.stderr.count(said) == 1, (args, done.stderr)
    doctor = ml("doctor")
    assert doctor.returncode == 3 and said in doctor.stdout
    added = ml("goals", "add", "Write a blog post", "--by", "eom")
    assert added.returncode == 0, added.stderr
    listed = ml("goals", "--json")
    assert "Write a blog post" in listed.stdout and "Ship the app" in listed.stdout
