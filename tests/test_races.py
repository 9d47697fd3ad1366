"""Several real mentorlog processes at once: nothing lost, no id twice."""

import os
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from mentorlog.store.journal import Journal
from mentorlog.store.kinds import ACTIONS, ALL_KINDS

WORKER = textwrap.dedent(
    """
    set -e
    for i in 1 2 3 4 5 6; do
      "$PYTHON" -m mentorlog --no-input actions add "$NAME action $i" > /dev/null
    done
    for i in 1 3 5; do
      "$PYTHON" -m mentorlog --no-input actions done "$NAME action $i" > /dev/null
    done
    """
)


@pytest.mark.usefixtures("initialised")  # only `init` makes a journal
def test_concurrent_adds_and_completions_lose_nothing(home: Path) -> None:
    env = {**os.environ, "MENTORLOG_HOME": str(home), "PYTHON": sys.executable}
    workers = [
        subprocess.Popen(["bash", "-c", WORKER], env={**env, "NAME": name})
        for name in ("alpha", "beta", "gamma")
    ]
    for worker in workers:
        assert worker.wait(timeout=300) == 0
    records = [s.record for s in Journal(home).load(ACTIONS).records]
    texts = sorted(r.text for r in records)
    expected = sorted(
        f"{n} action {i}" for n in ("alpha", "beta", "gamma") for i in range(1, 7)
    )
    assert texts == expected
    assert len({r.id for r in records}) == len(records)
    done = sorted(r.text for r in records if r.status == "done")
    assert done == sorted(
        f"{n} action {i}" for n in ("alpha", "beta", "gamma") for i in (1, 3, 5)
    )


def test_privacy_under_a_permissive_umask(home: Path, tmp_path: Path) -> None:
    env = {**os.environ, "MENTORLOG_HOME": str(home), "MENTORLOG_TODAY": "2026-11-22"}
    script = textwrap.dedent(
        """
        umask 000
        ml() { "$PYTHON" -m mentorlog --no-input "$@" > /dev/null; }
        ml init
        ml goals add "Private goal" --by eom
        ml mentors add "Ada Lovelace" --cadence weekly
        ml prep ada --on friday
        ml recap ada --takeaway "kept private"
        ml goals
        EDITOR=false ml edit private || true
        """
    )
    done = subprocess.run(
        ["bash", "-c", script],
        env={**env, "PYTHON": sys.executable},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    paths = [home, *home.rglob("*")]
    assert len(paths) > 10
    for path in paths:
        mode = stat.S_IMODE(path.stat().st_mode)
        assert mode == (0o700 if path.is_dir() else 0o600), f"{path}: {oct(mode)}"
    assert {k.folder for k in ALL_KINDS} & {p.name for p in home.iterdir()}
