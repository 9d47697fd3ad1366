"""Every message with a count says it with `words.plural`: a count of 1 and a
count of 2, through the real CLI, each agree with their words."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import Run


def test_doctor_counts_one_and_two_problems(run: Run, home: Path) -> None:
    assert run("goals", "add", "Learn Rust", "--by", "eoy").exit_code == 0
    (home / "goals" / "a.toml").write_text("[broken\n")
    one = run("doctor")
    assert one.exit_code == 3
    assert "3 files checked" in one.stderr and ": 1 problem\n" in one.stderr
    (home / "goals" / "b.toml").write_text("[broken\n")
    two = run("doctor")
    assert "4 files checked" in two.stderr and ": 2 problems\n" in two.stderr


def test_a_merge_counts_what_it_moved_one_and_two(run: Run) -> None:
    for args in (
        ("mentors", "add", "Ada Lovelace"),
        ("mentors", "add", "Ada L"),
        ("goals", "add", "Build a React app", "--mentor", "Ada L"),
        ("actions", "add", "Email Ada", "--mentor", "Ada L"),
        ("actions", "add", "Send slides", "--mentor", "Ada L"),
        ("feedback", "add", "Slides too dense", "--mentor", "Ada L"),
        ("feedback", "add", "Talk slower", "--mentor", "Ada L"),
    ):
        assert run(*args).exit_code == 0, args
    said = run("mentors", "remove", "Ada L", "--merge-into", "Ada Lovelace")
    assert said.exit_code == 0, said.stderr
    assert "1 goal, " in said.stdout and "2 actions" in said.stdout
    assert "2 feedback" in said.stdout
    assert "1 goals" not in said.stdout
