"""SIGKILL real `mentorlog` processes at random moments while they write, then
check the journal: every file parses, every record a command reported saved is
there, and a change cut in half was rolled back whole.

    python bench/kills.py --kills 500 [--seed 1]

Prints the figures that docs/guarantees.md reports. The test suite runs a short
version of the same harness (tests/test_kills.py).
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


def _cli(root: Path, *args: str) -> subprocess.Popen[str]:
    env = {
        **os.environ,
        "MENTORLOG_HOME": str(root),
        "MENTORLOG_TODAY": "2026-11-22",
        "NO_COLOR": "1",
    }
    return subprocess.Popen(
        [sys.executable, "-m", "mentorlog", "--no-input", *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        stdin=subprocess.DEVNULL,
    )


def setup(root: Path) -> None:
    for args in (
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


def run(root: Path, kills: int, seed: int = 1) -> Counter[str]:
    rng = random.Random(seed)
    setup(root)
    saved: dict[str, set[str]] = {
        k: set() for k in ("goal", "milestone", "action", "recap", "prep")
    }
    stats: Counter[str] = Counter()
    for n in range(kills):
        what, args = rng.choice(operations(n))
        process = _cli(root, *args)
        time.sleep(rng.uniform(0.15, 0.8))
        if process.poll() is None:
            process.send_signal(signal.SIGKILL)
            stats["killed while running"] += 1
        _out, _ = process.communicate(timeout=60)
        if process.returncode == 0:
            stats["finished before the kill"] += 1
            name = {
                "goal": f"Kill goal {n}",
                "milestone": f"Kill step {n}",
                "action": f"Kill action {n}",
                "recap": f"Kill takeaway {n}",
                "prep": f"Kill question {n}?",
            }[what]
            saved[what].add(name)
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
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="mentorlog-kills-") as folder:
        started = time.monotonic()
        stats = run(Path(folder) / "journal", args.kills, args.seed)
        stats["seconds"] = round(time.monotonic() - started)
    print(json.dumps(dict(stats), indent=2))


if __name__ == "__main__":
    main()
