"""`goals add` on a real pseudo-terminal: it asks for the SMART parts not given."""

import io
import os
import sys
from pathlib import Path

import pexpect
import pytest

from mentorlog.store.journal import Journal
from mentorlog.store.kinds import GOALS

pytestmark = pytest.mark.usefixtures("initialised")  # only `init` makes a journal


def spawn(*args: str) -> pexpect.spawn:
    return pexpect.spawn(
        sys.executable,
        ["-m", "mentorlog", *args],
        env={**os.environ, "COLUMNS": "100"},
        encoding="utf-8",
        timeout=30,
    )


def test_add_prompts_for_missing_parts_on_a_terminal(home: Path) -> None:
    child = spawn("goals", "add", "Publish a workshop paper", "--relevant", "my PhD")
    child.expect("Specific")
    child.sendline("a 4-page paper on graph sampling")
    child.expect("Measurable")
    child.sendline("accepted at the NeurIPS workshop")
    child.expect("Achievable")
    child.sendline("")  # skipped: left empty
    child.expect("Time-bound")
    child.sendline("next fridya")
    child.expect('cannot read the date "next fridya"')
    child.expect("Time-bound")
    child.sendline("2027-03-01")
    child.expect("Added goal")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    goal = Journal(home).resolve(GOALS, "publish").record
    assert goal.specific == "a 4-page paper on graph sampling"
    assert goal.measurable == "accepted at the NeurIPS workshop"
    assert goal.achievable is None
    assert goal.relevant == "my PhD"
    assert goal.target is not None and goal.target.isoformat() == "2027-03-01"


def test_no_prompt_for_parts_given_as_options(home: Path) -> None:
    child = spawn(
        "goals",
        "add",
        "Run a 10k",
        "-s",
        "a 10k race",
        "-m",
        "under 60 minutes",
        "--achievable",
        "3 runs a week",
        "-r",
        "health",
        "--by",
        "2027-05-01",
    )
    seen = io.StringIO()
    child.logfile_read = seen
    child.expect("Added goal")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert "Run a 10k" in seen.getvalue()
    assert "Specific" not in seen.getvalue()
    assert "Time-bound" not in seen.getvalue()
    assert Journal(home).resolve(GOALS, "run").record.target.isoformat() == "2027-05-01"


def test_no_input_turns_prompts_off_on_a_terminal(home: Path) -> None:
    seen = io.StringIO()
    child = pexpect.spawn(
        sys.executable,
        ["-m", "mentorlog", "--no-input", "goals", "add", "Write a paper"],
        encoding="utf-8",
        timeout=30,
    )
    child.logfile_read = seen
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert "Specific" not in seen.getvalue()
