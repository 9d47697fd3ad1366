"""A short run of the kill harness (bench/kills.py runs the long one).

The harness, not the machine's speed, decides where each kill lands: the
process kills itself at a chosen file-system step (write, fsync, rename,
unlink), so the outcome is the same on a quiet and on a busy machine."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

from kills import run

# Every write the harness tries takes at least this many file-system steps (the
# undo log's record, fsync and the folder's fsync, the temp file's write and
# fsync, the rename, the commit mark...): a kill at any of them lands mid-write.
# Measured by counting; if a write ever takes fewer, this test says so.
STEPS_EVERY_WRITE_TAKES = 11


def test_kills_at_every_step_of_a_write_lose_nothing_and_leave_nothing_half_done(
    tmp_path: Path,
) -> None:
    mid_write = list(range(1, STEPS_EVERY_WRITE_TAKES + 1))
    finish = [0, 0, 0]  # no kill: the write finishes and must be there after
    late = [20, 35]  # past the end of most writes, inside a recap's
    stats = run(tmp_path / "journal", kills=16, seed=3, steps=mid_write + finish + late)
    assert stats["kills"] == 16
    assert stats["records lost"] == 0
    assert stats["killed while running"] >= len(mid_write)
    assert stats["finished before the kill"] >= len(finish)
    assert stats["killed while running"] + stats["finished before the kill"] == 16
