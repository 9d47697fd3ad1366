"""Faults at every step of a multi-file change: the journal ends all-old or
all-new, never in between, and the message names the path."""

import errno
import os
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from mentorlog.core.agenda import PrepRequest, prep
from mentorlog.core.mentors import MentorDraft, add_mentor
from mentorlog.core.recap import RecapInput, record_recap
from mentorlog.core.tracking import add_action
from mentorlog.errors import JournalIOError
from mentorlog.store import atomic, undo
from mentorlog.store.journal import Journal

TODAY = date(2026, 11, 22)


def snapshot(root: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(root)): p.read_bytes()
        for p in root.rglob("*")
        if p.is_file() and p.name not in (".lock",) and ".cache" not in p.parts
    }


def setup_journal(root: Path) -> None:
    journal = Journal(root)
    add_mentor(journal, MentorDraft(name="Ada Lovelace", cadence="weekly"), TODAY)
    add_action(journal, "Carried action", TODAY, mentor="ada")
    prep(journal, PrepRequest(mentor="ada", on=date(2026, 11, 24)), TODAY)


def the_recap(root: Path) -> None:
    record_recap(
        Journal(root),
        "ada",
        RecapInput(
            takeaways=["One", "Two"],
            actions=["First due:friday", "Second", "Third"],
            feedback=["Clearer slides"],
            feedback_asked="slides",
            appreciated=True,
            done=["carried"],
        ),
        TODAY,
    )


class FailAt:
    """Make the k-th call of an os function fail, once, like a full disk."""

    def __init__(self, real: Callable[..., Any], k: int, error: int) -> None:
        self.real, self.k, self.error, self.calls = real, k, error, 0

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        self.calls += 1
        if self.calls == self.k:
            raise OSError(self.error, os.strerror(self.error))
        return self.real(*args, **kwargs)


@pytest.mark.parametrize(
    ("name", "error"),
    [("write", errno.ENOSPC), ("fsync", errno.EIO), ("replace", errno.EACCES)],
)
def test_every_failure_point_of_a_recap_leaves_all_old_or_all_new(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, error: int
) -> None:
    template = tmp_path / "template"
    setup_journal(template)
    before = snapshot(template)
    reference = tmp_path / "reference"
    import shutil

    shutil.copytree(template, reference)
    the_recap(reference)
    after = snapshot(reference)
    assert after != before

    outcomes = set()
    for k in range(1, 200):
        root = tmp_path / f"run{k}"
        shutil.copytree(template, root)
        for module in (atomic.os, undo.os):
            assert module is os
        failing = FailAt(getattr(os, name), k, error)
        monkeypatch.setattr(os, name, failing)
        try:
            the_recap(root)
            failed = False
        except JournalIOError as caught:
            failed = True
            assert str(root) in caught.message
            assert os.strerror(error) in caught.message
        finally:
            monkeypatch.undo()
        state = snapshot(root)
        # session ids and action ids are random: compare the shape of the state
        if failed:
            assert state == before, f"{name} failing at call {k} left a partial change"
            outcomes.add("old")
        else:
            assert sorted(state) != sorted(before)
            assert len(state) == len(after)
            outcomes.add("new")
            break
    assert outcomes == {"old", "new"}, "the fault never hit, or never stopped hitting"


HALF_A_CHANGE = """
import sys, time
from pathlib import Path
from mentorlog.store.journal import Journal
journal = Journal(Path(sys.argv[1]))
with journal.transaction():
    target = next((journal.root / "actions").iterdir())
    journal.write_text(target, "half of a change\\n")
    journal.write_text(journal.root / "actions" / "new.toml", "another half\\n")
    print("written", flush=True)
    time.sleep(60)
"""


def test_a_change_killed_half_way_is_rolled_back_by_the_next_command(
    tmp_path: Path,
) -> None:
    import signal
    import subprocess
    import sys

    root = tmp_path / "journal"
    setup_journal(root)
    before = snapshot(root)
    with subprocess.Popen(
        [sys.executable, "-c", HALF_A_CHANGE, str(root)],
        stdout=subprocess.PIPE,
        text=True,
    ) as writer:
        assert writer.stdout is not None
        assert writer.stdout.readline().strip() == "written"
        assert snapshot(root) != before  # the half change is on disk
        writer.send_signal(signal.SIGKILL)
        writer.wait(timeout=10)
    from mentorlog.store.kinds import ACTIONS

    loaded = Journal(root).load(ACTIONS)  # a read-only command
    assert loaded.problems == []
    assert not (root / undo.UNDO_FILE).exists()
    assert snapshot(root) == before
