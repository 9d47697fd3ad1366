"""What `goals check` costs on 30 goals: timeit of the SMART coach (check_goal)
over 30 varied goal titles, best of 7 rounds, in microseconds per 30 goals.

    python bench/smart_coach.py
"""

from __future__ import annotations

import csv
import timeit
from datetime import date
from pathlib import Path

from mentorlog.core.smart import check_goal
from mentorlog.models import Goal

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "data" / "smart_goals.csv"
TODAY = date(2026, 11, 22)


def goals() -> list[Goal]:
    with CORPUS.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    picked = rows[:: max(1, len(rows) // 30)][:30]
    return [
        Goal(id=f"{n:026d}", title=row["text"], created=TODAY)
        for n, row in enumerate(picked)
    ]


def main() -> None:
    sample = goals()

    def once() -> None:
        for goal in sample:
            check_goal(goal, TODAY)

    once()  # warm: imports and compiled patterns
    rounds = timeit.repeat(once, number=100, repeat=7)
    print(f"check_goal on {len(sample)} goals: {min(rounds) / 100 * 1e6:.0f} µs")


if __name__ == "__main__":
    main()
