"""SIGKILL real `mentorlog` processes while they write, then check the
journal: every file parses, every record a command reported saved is there, and
a change cut in half was rolled back whole.

Two ways to choose the moment of each kill:

- ``points`` (the default): the process kills itself at the N-th file-system
  step it takes (each ``os.write``, ``os.fsync``, ``os.replace`` and
  ``os.unlink``); the harness picks N. Which kills land mid-write is decided by
  the harness, not by how busy the machine is, so a run is the same on a quiet
  and a loaded machine. The test suite uses this mode (tests/test_kills.py).
- ``timed``: SIGKILL after a random delay, wherever the process happens to be
  (start-up, reading, writing, exiting): the long soak run.

    python bench/kills.py --kills 500 [--seed 1] [--mode points|timed]

Prints the figures that docs/guarantees.md reports.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from mentorlog.store import undo
from mentorlog.store.journal import Journal
from mentorlog.store.kinds import ACTIONS, ALL_KINDS, GOALS, SESSIONS

# Run the real CLI in a process that SIGKILLs itself at its N-th file-system
# step (N from the environment; 0 means never). Python-level wrappers around the
# os functions the store writes with: the kill lands before the step runs.
STEPS = ("write", "fsync", "replace", "unlink", "rename")


def killer(setup: str = "", steps: tuple[str, ...] = STEPS) -> str:
    """The script of a CLI run that SIGKILLs itself at its N-th call of one of
    `steps` (N from $MENTORLOG_KILL_AT_STEP; 0 means never), after `setup`
    (Python run first, e.g. a patched release). Its arguments are the CLI's."""
    return f"""
import os, signal, sys
limit = int(os.environ["MENTORLOG_KILL_AT_STEP"])
steps = 0
def wrap(real):
    def step(*args, **kwargs):
        global steps
        steps += 1
        if steps == limit:
            os.kill(os.getpid(), signal.SIGKILL)
        return real(*args, **kwargs)
    return step
{setup}
for name in {steps!r}:
    setattr(os, name, wrap(getattr(os, name)))
sys.argv = ["mentorlog", *sys.argv[1:]]
from mentorlog.entry import main
main()
"""


KILL_AT_STEP = killer()


def _cli(root: Path, *args: str, kill_at_step: int = 0) -> subprocess.Popen[str]:
    env = {
        **os.environ,
        "MENTORLOG_HOME": str(root),
        "MENTORLOG_TODAY": "2026-11-22",
        "NO_COLOR": "1",
        "MENTORLOG_KILL_AT_STEP": str(kill_at_step),
    }
    start = ["-c", KILL_AT_STEP] if kill_at_step else ["-m", "mentorlog"]
    return subprocess.Popen(
        [sys.executable, *start, "--no-input", *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        stdin=subprocess.DEVNULL,
    )


def setup(root: Path) -> None:
    for args in (
        ["init"],  # only `init` makes a journal
        ["mentors", "add", "Ada Lovelace", "--cadence", "weekly"],
        ["goals", "add", "Base goal", "--by", "eoy"],
    ):
        process = _cli(root, *args)
        process.communicate(timeout=60)
        assert process.returncode == 0, args


def operations(n: int) -> list[tuple[str, list[str]]]:
    """The write to try in round `n`, and the name of what it saves."""
    return [
        ("goal", ["goals", "add", f"Kill goal {n}", "--by", "eoy"]),
        ("milestone", ["goals", "milestone", "base", f"Kill step {n}"]),
        ("action", ["actions", "add", f"Kill action {n}", "--mentor", "ada"]),
        (
            "recap",
            [
                "recap",
                "ada",
                "--takeaway",
                f"Kill takeaway {n}",
                "--action",
                f"Kill recap action {n}a",
                "--action",
                f"Kill recap action {n}b",
                "--feedback",
                f"Kill feedback {n}",
            ],
        ),
        (
            "prep",
            ["prep", "ada", "--on", "2026-12-01", "--question", f"Kill question {n}?"],
        ),
    ]


def check(root: Path, saved: dict[str, set[str]]) -> dict[str, int]:
    """Read everything as a new command would; return what had to be repaired."""
    had_undo = (root / undo.UNDO_FILE).exists()
    journal = Journal(root)
    problems = []
    for kind in ALL_KINDS:
        problems += journal.load(kind).problems  # also rolls back a half change
    assert not problems, [str(p) for p in problems]
    goals = {s.record.title for s in journal.load(GOALS).records}
    steps = {m.title for s in journal.load(GOALS).records for m in s.record.milestones}
    actions = {s.record.text for s in journal.load(ACTIONS).records}
    takeaways = {t for s in journal.load(SESSIONS).records for t in s.record.takeaways}
    assert saved["goal"] <= goals, saved["goal"] - goals
    assert saved["milestone"] <= steps, saved["milestone"] - steps
    assert saved["action"] <= actions, saved["action"] - actions
    assert saved["recap"] <= takeaways, saved["recap"] - takeaways
    # a recap is all or nothing: its takeaway and both actions, or none of them
    for takeaway in takeaways:
        if takeaway.startswith("Kill takeaway "):
            n = takeaway.rsplit(" ", 1)[1]
            assert {f"Kill recap action {n}a", f"Kill recap action {n}b"} <= actions
    for text in actions:
        if text.startswith("Kill recap action "):
            n = text.rsplit(" ", 1)[1][:-1]
            assert f"Kill takeaway {n}" in takeaways, f"half a recap: {text}"
    temps = sum(1 for p in root.rglob(".*.tmp"))
    return {"rolled_back": int(had_undo), "temp_files_left": temps}


def run(
    root: Path,
    kills: int,
    seed: int = 1,
    mode: str = "points",
    steps: list[int] | None = None,
) -> Counter[str]:
    """`kills` rounds of one write each, then a check of the whole journal.

    In `points` mode round `n` kills its write at file-system step
    ``steps[n % len(steps)]`` (0: no kill, the write finishes). The default is
    steps 1 to 40 in an order shuffled by `seed`, so a run of 40 rounds or more
    kills at each of them. A write that takes fewer steps than its round's
    number finishes, and what it reported saved must then be there.
    """
    rng = random.Random(seed)
    setup(root)
    saved: dict[str, set[str]] = {
        k: set() for k in ("goal", "milestone", "action", "recap", "prep")
    }
    stats: Counter[str] = Counter()
    if steps is None:
        steps = list(range(1, 41))
        rng.shuffle(steps)
    for n in range(kills):
        what, args = rng.choice(operations(n))
        if mode == "points":
            process = _cli(root, *args, kill_at_step=steps[n % len(steps)])
        else:
            process = _cli(root, *args)
            time.sleep(rng.uniform(0.15, 0.8))
            if process.poll() is None:
                process.send_signal(signal.SIGKILL)
        _out, err = process.communicate(timeout=60)
        if process.returncode == -signal.SIGKILL:
            stats["killed while running"] += 1
        elif process.returncode == 0:
            stats["finished before the kill"] += 1
            name = {
                "goal": f"Kill goal {n}",
                "milestone": f"Kill step {n}",
                "action": f"Kill action {n}",
                "recap": f"Kill takeaway {n}",
                "prep": f"Kill question {n}?",
            }[what]
            saved[what].add(name)
        else:
            raise AssertionError(f"{args} exited {process.returncode}: {err}")
        repaired = check(root, saved)
        stats["rolled back after a kill"] += repaired["rolled_back"]
        stats["temp files seen after a kill"] += repaired["temp_files_left"]
        stats["kills"] += 1
    stats["records reported saved"] = sum(len(v) for v in saved.values())
    stats["records lost"] = 0  # check() raises on the first lost one
    return stats


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=500)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--mode", choices=("points", "timed"), default="points")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="mentorlog-kills-") as folder:
        started = time.monotonic()
        stats = run(Path(folder) / "journal", args.kills, args.seed, args.mode)
        stats["seconds"] = round(time.monotonic() - started)
    print(json.dumps(dict(stats), indent=2))


if __name__ == "__main__":
    main()
