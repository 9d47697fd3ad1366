"""A broken record is always named (issue 16 part 5): every command that
leaves one out names it once, on stderr, as `path:line: what is wrong`, and
the hint to run doctor is given once."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import Run

BROKEN_GOAL = "goals/learn-rust.toml:1: not valid TOML"
BROKEN_ACTION = "actions/call-ada.toml:2: text: should be text in quotes"
HINT = "run `mentorlog doctor` to see every problem"


@pytest.fixture
def broken(run: Run, home: Path) -> Path:
    """A journal with a mentor, a good goal and action, and a broken goal."""
    assert run("mentors", "add", "Ada Lovelace", "--cadence", "weekly").exit_code == 0
    for title in ("Build a web app with React", "Learn Rust"):
        assert run("goals", "add", title, "--by", "eom").exit_code == 0
    assert run("actions", "add", "Call Ada", "--due", "friday").exit_code == 0
    assert run("actions", "add", "Read the book").exit_code == 0
    (home / "goals" / "learn-rust.toml").write_text('title = "Learn Rust\n')
    return home


COMMANDS = [
    ("export", "--format", "json"),
    ("export", "--format", "md"),
    ("checklist",),
    ("report",),
    ("report", "--format", "json"),
    ("network",),
    ("status",),
    ("goals",),
    ("goals", "--json"),
    ("prep", "ada", "--on", "friday"),
    ("search", "app"),
]


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_a_broken_goal_is_named_once_by_every_command_that_leaves_it_out(
    run: Run, broken: Path, args: tuple[str, ...]
) -> None:
    done = run(*args)
    assert done.exit_code == 0, done.stderr
    assert done.stderr.count(BROKEN_GOAL) == 1, done.stderr
    assert done.stderr.count(HINT) == 1
    assert "Learn Rust" not in done.stdout
    assert "Build a web app" in done.stdout or args[0] in ("network", "checklist")


@pytest.mark.parametrize(
    "args", [("status",), ("actions",), ("export", "--format", "json")]
)
def test_two_broken_records_each_named_once_and_one_hint(
    run: Run, broken: Path, args: tuple[str, ...]
) -> None:
    [action] = [
        p for p in (broken / "actions").glob("*.toml") if "Call Ada" in p.read_text()
    ]
    action.rename(broken / "actions" / "call-ada.toml")
    text = (broken / "actions" / "call-ada.toml").read_text()
    (broken / "actions" / "call-ada.toml").write_text(
        text.replace('text = "Call Ada"', "text = 3")
    )
    done = run(*args)
    assert done.exit_code == 0, done.stderr
    assert done.stderr.count(BROKEN_ACTION) == 1, done.stderr
    assert done.stderr.count(BROKEN_GOAL) == 1, done.stderr
    assert done.stderr.count(HINT) == 1, done.stderr


def test_a_failed_command_names_the_broken_record_it_met(
    run: Run, broken: Path
) -> None:
    done = run("goals", "show", "rust")
    assert done.exit_code == 1
    assert 'error: no goal matches "rust"' in done.stderr
    assert done.stderr.count(BROKEN_GOAL) == 1  # maybe the goal that was meant


def test_an_error_that_names_the_file_does_not_name_it_again(
    run: Run, broken: Path
) -> None:
    assert run("prep", "ada", "--on", "friday").exit_code == 0
    [session] = (broken / "sessions").glob("*.md")
    session.write_text("+++\nbroken = \n+++\n")
    done = run("prep", "ada", "--on", "friday")
    assert done.exit_code == 3
    name = f"sessions/{session.name}:2: not valid TOML"
    assert done.stderr.count(name) == 1, done.stderr
