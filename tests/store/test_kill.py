"""SIGKILL a process while it writes: every file still parses, nothing saved is lost."""

import random
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from mentorlog.store.journal import Journal
from mentorlog.store.kinds import GOALS

WRITER = textwrap.dedent(
    """
    import sys
    from datetime import date
    from pathlib import Path
    from mentorlog.core.goals import GoalDraft, add_goal, add_milestone
    from mentorlog.store.journal import Journal
    journal = Journal(Path(sys.argv[1]))
    tag = sys.argv[2]
    add_goal(journal, GoalDraft(title=f"Goal {tag}", target=date(2027, 1, 1)),
             date(2026, 11, 22))
    print("saved goal", flush=True)
    for i in range(10_000):
        add_milestone(journal, f"goal-{tag}", f"step {i}", None, date(2026, 11, 22))
        print(f"saved step {i}", flush=True)
    """
)


def test_kills_at_random_moments_lose_nothing_saved(tmp_path: Path) -> None:
    root = tmp_path / "journal"
    rng = random.Random(7)
    confirmed: dict[str, int] = {}
    for round_number in range(12):
        tag = str(round_number)
        writer = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(root), tag],
            stdout=subprocess.PIPE,
            text=True,
        )
        assert writer.stdout is not None
        assert writer.stdout.readline().strip() == "saved goal"
        time.sleep(rng.uniform(0.0, 0.4))
        writer.send_signal(signal.SIGKILL)
        rest, _ = writer.communicate(timeout=30)
        steps = [line for line in rest.splitlines() if line.startswith("saved step")]
        confirmed[tag] = len(steps)
    journal = Journal(root)
    loaded = journal.load(GOALS)
    assert loaded.problems == []
    by_title = {s.record.title: s.record for s in loaded.records}
    for tag, steps in confirmed.items():
        goal = by_title[f"Goal {tag}"]
        titles = [m.title for m in goal.milestones]
        # every step reported saved is there, in order; at most one more landed
        # between its write and the report.
        assert titles[:steps] == [f"step {i}" for i in range(steps)]
        assert len(titles) - steps in (0, 1)
