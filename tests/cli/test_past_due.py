"""A new action due before today is kept, and said in one line on stderr (a
mistyped date, "last friday" for "next friday"); an action that is already
there and overdue is never warned about when it is edited or closed."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from mentorlog.store.journal import Journal
from mentorlog.store.kinds import ACTIONS
from tests.cli.test_say_it_once import ok
from tests.conftest import Run

# Today is Sunday 2026-11-22 (tests/conftest.py).


def _dues(journal: Journal) -> dict[str, date | None]:
    return {s.record.text: s.record.due for s in journal.load(ACTIONS).records}


def test_a_new_action_due_in_the_past_is_kept_and_said(
    run: Run, journal: Journal
) -> None:
    result = run("actions", "add", "Send the draft", "--due", "last friday")
    assert result.exit_code == 0
    assert result.stderr == (
        'warning: the new action "Send the draft" is due 2026-11-20, 2 days ago; '
        "kept as given\n"
    )
    result = run("actions", "add", "Book the room due:2020-01-01")
    assert result.exit_code == 0
    assert "Book the room" in result.stderr and "2020-01-01" in result.stderr
    assert result.stderr.count("\n") == 1
    assert _dues(journal) == {
        "Send the draft": date(2026, 11, 20),
        "Book the room": date(2020, 1, 1),
    }


def test_today_and_ahead_are_not_warned(run: Run) -> None:
    for typed in ("due:today", "due:friday", "due:2026-11-22"):
        result = run("actions", "add", f"Read {typed}")
        assert (result.exit_code, result.stderr) == (0, "")


def test_a_recap_says_each_new_action_in_the_past(run: Run) -> None:
    ok(run, "mentors", "add", "Ada Lovelace")
    ok(run, "prep", "ada", "--on", "today")
    result = run(
        "recap",
        "ada",
        "--feedback-asked",
        "pacing",
        "--action",
        "Read due:2026-11-01",
        "--action",
        "Write due:friday",
        "--action",
        "Call",
        "--due",
        "yesterday",
    )
    assert result.exit_code == 0, result.output
    warned = [line for line in result.stderr.splitlines() if "is due" in line]
    assert warned == [
        'warning: the new action "Read" is due 2026-11-01, 21 days ago; kept as given',
        'warning: the new action "Call" is due 2026-11-21, 1 day ago; kept as given',
    ]


def test_an_overdue_action_edited_or_closed_is_not_warned_about(
    run: Run, home: Path, journal: Journal
) -> None:
    ok(run, "actions", "add", "Send the draft due:friday")
    later = {"MENTORLOG_TODAY": "2026-12-10"}  # now it is overdue
    editor = home / ".." / "editor.sh"
    editor.write_text('#!/bin/sh\nsed -i "s/the draft/the final draft/" "$1"\n')
    editor.chmod(0o755)
    result = run("edit", "send", env={**later, "EDITOR": str(editor)})
    assert (result.exit_code, result.stderr) == (0, ""), result.output
    assert _dues(journal) == {"Send the final draft": date(2026, 11, 27)}
    result = run("actions", "done", "send", env=later)
    assert (result.exit_code, result.stderr) == (0, ""), result.output
