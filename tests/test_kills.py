"""A short run of the kill harness (bench/kills.py runs the long one)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

from kills import run


def test_random_kills_lose_nothing_and_leave_nothing_half_done(tmp_path: Path) -> None:
    stats = run(tmp_path / "journal", kills=16, seed=3)
    assert stats["kills"] == 16
    assert stats["records lost"] == 0
    # the harness really interrupted writes, and some writes finished
    assert stats["killed while running"] >= 3
    assert stats["finished before the kill"] >= 1
