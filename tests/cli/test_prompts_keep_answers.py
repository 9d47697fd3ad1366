"""Issue 15: prompts never lose an answer. The guided recap and `goals add` on a
real pseudo-terminal (pexpect), and a bare `recap` without one."""

import os
import shlex
import signal
import sys
from pathlib import Path

import pexpect
import pytest

from mentorlog.store.journal import Journal
from mentorlog.store.kinds import ACTIONS, GOALS, SESSIONS
from tests.conftest import Run


def interrupt(child: pexpect.spawn, answer: str) -> None:
    """Ctrl-C at the prompt just shown. The prompt's text is written a moment
    before the process waits at it; an interrupt in that moment can be lost on
    a loaded machine, so it is sent again until the answer comes (the outcome
    asserted does not depend on which one lands)."""
    for _ in range(12):
        child.sendintr()
        if child.expect([answer, pexpect.TIMEOUT], timeout=5) == 0:
            return
    raise AssertionError(f"no {answer!r} after Ctrl-C: {child.before!r}")


def default_signals() -> None:
    """A user's terminal delivers Ctrl-C. pytest started in the background of
    a non-interactive shell (`pytest &`, some CI runners) ignores SIGINT, and
    the child would inherit that; give it the default a terminal gives."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def spawn(*args: str) -> pexpect.spawn:
    return pexpect.spawn(
        sys.executable,
        ["-m", "mentorlog", *args],
        env={**os.environ, "COLUMNS": "100"},
        encoding="utf-8",
        timeout=30,
        preexec_fn=default_signals,
    )


def finished(child: pexpect.spawn) -> int:
    child.expect(pexpect.EOF)
    child.close()
    return child.exitstatus if child.exitstatus is not None else -1


def snapshot(home: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(home)): path.read_bytes()
        for path in sorted(home.rglob("*"))
        if path.is_file() and ".cache" not in path.parts
    }


def planned_meeting(run: Run, on: str = "2026-11-22") -> None:
    assert run("mentors", "add", "Ada Lovelace").exit_code == 0
    assert run("prep", "ada", "--on", on).exit_code == 0


def test_a_wrong_due_is_asked_again_at_its_own_prompt(
    run: Run, journal: Journal
) -> None:
    planned_meeting(run)
    child = spawn("recap")
    child.expect("Takeaway")
    child.sendline("Ship small")
    child.expect("another")
    child.sendline("")
    child.expect("New action item")
    child.sendline("Email the lab due:fridya")
    child.expect('cannot read the date in "due:fridya"')
    child.expect("New action item")
    child.sendline("Email the lab due:friday")
    child.expect("another")
    child.sendline("")
    child.expect("Feedback you received")
    child.sendline("")
    child.expect("Area you asked")
    child.sendline("")
    child.expect("thank them")
    child.sendline("y")
    assert finished(child) == 0
    (action,) = journal.load(ACTIONS).records
    assert action.record.text == "Email the lab"
    assert (
        action.record.due is not None and action.record.due.isoformat() == "2026-11-27"
    )
    (session,) = journal.load(SESSIONS).records
    assert session.record.status == "held"
    assert session.record.takeaways == ["Ship small"]


def _stopped_keeps_a_draft(run: Run, home: Path, stop: str) -> None:
    planned_meeting(run)
    before = snapshot(home)
    child = spawn("recap")
    child.expect("Takeaway")
    child.sendline("Apply to 3 labs, not 10")
    child.expect("another")
    child.sendline("")
    child.expect("New action item")
    child.sendline("Email Prof. Chen due:friday")
    child.expect("another")
    if stop == "ctrl-c":
        interrupt(child, "answers are kept in")
    else:
        child.sendeof()
        child.expect("answers are kept in")
    assert finished(child) == 1
    drafts = list((home / ".drafts").glob("recap-*.sh"))
    assert len(drafts) == 1, drafts
    after = snapshot(home)
    kept = str(drafts[0].relative_to(home))
    assert {k: v for k, v in after.items() if k != kept} == before  # nothing recorded
    command = shlex.split(drafts[0].read_text().splitlines()[-1])
    assert command[:2] == ["mentorlog", "recap"]
    result = run(*command[1:])
    assert result.exit_code == 0, result.output
    journal = Journal(home)
    (session,) = journal.load(SESSIONS).records
    assert session.record.status == "held"
    assert session.record.takeaways == ["Apply to 3 labs, not 10"]
    assert [a.record.text for a in journal.load(ACTIONS).records] == [
        "Email Prof. Chen"
    ]


def test_ctrl_c_midway_keeps_the_answers_as_a_draft(run: Run, home: Path) -> None:
    _stopped_keeps_a_draft(run, home, "ctrl-c")


def test_end_of_input_midway_keeps_the_answers_as_a_draft(run: Run, home: Path) -> None:
    _stopped_keeps_a_draft(run, home, "eof")


def test_a_meeting_planned_ahead_is_not_moved_without_asking(
    run: Run, home: Path, journal: Journal
) -> None:
    planned_meeting(run, on="2026-11-25")
    before = snapshot(home)
    child = spawn("recap", "ada")
    child.expect("planned for 2026-11-25")
    child.expect("held today, 2026-11-22")
    child.sendline("n")
    child.expect("stays planned for 2026-11-25")
    assert finished(child) == 1
    assert snapshot(home) == before
    child = spawn("recap", "ada")
    child.expect("planned for 2026-11-25")
    child.sendline("y")
    child.expect("Takeaway")
    child.sendline("Keep it short")
    for prompt in ("another", "New action item", "Feedback you received", "Area"):
        child.expect(prompt)
        child.sendline("")
    child.expect("thank them")
    child.sendline("y")
    assert finished(child) == 0
    (session,) = journal.load(SESSIONS).records
    assert session.record.status == "held"
    assert session.record.date.isoformat() == "2026-11-22"
    heading = next(line for line in session.body.splitlines() if line.startswith("#"))
    assert "2026-11-22" in heading and "2026-11-25" not in heading, heading


def test_a_bare_recap_without_a_terminal_writes_nothing(run: Run, home: Path) -> None:
    planned_meeting(run)
    before = snapshot(home)
    result = run("recap", input="")
    assert result.exit_code == 1, result.output
    assert "nothing was written" in result.stderr
    for option in ("--takeaway", "--action", "--appreciated", "--done"):
        assert option in result.stderr, result.stderr
    assert snapshot(home) == before


def test_goals_add_stopped_midway_keeps_a_draft(run: Run, home: Path) -> None:
    assert run("mentors", "add", "Ada Lovelace").exit_code == 0
    child = spawn("goals", "add", "Publish a paper", "--mentor", "ada")
    child.expect("Specific")
    child.sendline("a workshop paper on sampling")
    child.expect("Measurable")
    interrupt(child, "answers are kept in")
    assert finished(child) == 1
    assert Journal(home).load(GOALS).records == []
    (draft,) = (home / ".drafts").glob("goal-*.sh")
    command = shlex.split(draft.read_text().splitlines()[-1])
    assert command == [
        "mentorlog",
        "goals",
        "add",
        "Publish a paper",
        "--specific",
        "a workshop paper on sampling",
        "--mentor",
        "Ada Lovelace",
    ]


@pytest.mark.usefixtures("initialised")
def test_goals_add_refuses_an_unknown_mentor_before_asking(home: Path) -> None:
    child = spawn("goals", "add", "Publish a paper", "--mentor", "Nobody Atall")
    child.expect('no mentor matches "Nobody Atall"')
    assert finished(child) == 1
    assert not list((home / "goals").iterdir())


def test_the_guided_recap_asks_about_each_open_question(
    run: Run, journal: Journal
) -> None:
    assert run("mentors", "add", "Ada Lovelace").exit_code == 0
    prepared = run(
        "prep", "ada", "--on", "2026-11-22", "-q", "Which lab?", "-q", "Which stack?"
    )
    assert prepared.exit_code == 0
    child = spawn("recap")
    child.expect("Takeaway")
    child.sendline("")
    child.expect("New action item")
    child.sendline("")
    child.expect("Question: Which lab\\? — answered\\?")
    child.sendline("y")
    child.expect("Question: Which stack\\? — answered\\?")
    child.sendline("n")
    child.expect("Feedback you received")
    child.sendline("")
    child.expect("Area you asked")
    child.sendline("")
    child.expect("thank them")
    child.sendline("y")
    assert finished(child) == 0
    (session,) = journal.load(SESSIONS).records
    assert session.record.answered == ["Which lab?"]


def test_the_draft_to_run_is_quoted_when_the_journal_path_has_a_space(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 13: "run `sh PATH`" is a line to paste; a journal in "My Journal"
    (or "Sam's") is one word of it."""
    from mentorlog.core.setup import init_journal

    home = tmp_path / "Sam's Journal"
    init_journal(Journal(home), None)
    monkeypatch.setenv("MENTORLOG_HOME", str(home))
    monkeypatch.setenv("COLUMNS", "1000")  # the line unwrapped, to read it back
    child = pexpect.spawn(
        sys.executable,
        ["-m", "mentorlog", "goals", "add", "Publish a paper"],
        env=dict(os.environ),
        encoding="utf-8",
        timeout=30,
        preexec_fn=default_signals,
        dimensions=(24, 1000),
    )
    child.expect("Specific")
    child.sendline("a workshop paper on sampling")
    child.expect("Measurable")
    interrupt(child, "answers are kept in")
    child.expect(r"\(run `(.*)` to add the goal\)")
    line = child.match.group(1)
    assert finished(child) == 1
    (draft,) = (home / ".drafts").glob("goal-*.sh")
    assert shlex.split(line) == ["sh", str(draft)], line
