"""Make a realistic journal for benchmarks, deterministically, through the
project's own store.

    python bench/make_journal.py --scale 1 PATH     # ten years
    python bench/make_journal.py --scale 10 PATH    # ten times that

Scale 1: 5 mentors, 30 goals with 150 milestones, 260 sessions with agendas and
takeaways, 2,000 action items, 500 log and resource entries. The same scale and
seed always give the same journal (ids included), which `mentorlog doctor`
accepts.
"""

from __future__ import annotations

import argparse
import random
import sys
from datetime import date, timedelta
from pathlib import Path

from mentorlog.core.setup import init_journal
from mentorlog.models import (
    ActionItem,
    Agreement,
    Feedback,
    Goal,
    LogEntry,
    Mentor,
    Milestone,
    Resource,
    Session,
)
from mentorlog.store.ids import ALPHABET
from mentorlog.store.journal import Journal
from mentorlog.store.kinds import (
    ACTIONS,
    FEEDBACK,
    GOALS,
    LOG,
    MENTORS,
    RESOURCES,
    SESSIONS,
)

START = date(2016, 11, 1)
DAYS = 3650
AREAS = ["web", "career", "research", "writing", "data", "leadership", "design"]
VERBS = ["Build", "Write", "Publish", "Ship", "Give", "Interview", "Finish", "Read"]
THINGS = [
    "a portfolio site",
    "3 blog posts",
    "a conference talk",
    "the thesis chapter",
    "5 alumni",
    "a Rust CLI",
    "an open-source patch",
    "4 papers",
]


class Ids:
    """Deterministic ULID-shaped ids: time from the record's date, seeded random."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def __call__(self, day: date) -> str:
        ms = int((day - date(1970, 1, 1)).total_seconds() * 1000) + self.rng.randrange(
            86_400_000
        )
        value = (ms << 80) | self.rng.getrandbits(80)
        return "".join(ALPHABET[(value >> (5 * i)) & 31] for i in reversed(range(26)))


def make(path: Path, scale: int, seed: int = 7) -> dict[str, int]:
    rng = random.Random(seed)
    new_id = Ids(rng)
    journal = Journal(path)
    init_journal(journal, "Bench Mentee")
    counts = dict.fromkeys(
        (
            "mentors",
            "goals",
            "milestones",
            "sessions",
            "actions",
            "feedback",
            "resources",
            "log",
        ),
        0,
    )

    def day_at(fraction: float) -> date:
        return START + timedelta(days=int(fraction * DAYS))

    with journal.transaction():
        mentors = []
        for n in range(5 * scale):
            created = day_at(rng.random() * 0.2)
            mentor = Mentor(
                id=new_id(created),
                name=f"Mentor {n + 1:03d} {rng.choice(['Lee', 'Ng', 'Ode', 'Ruiz'])}",
                created=created,
                expertise=rng.sample(AREAS, 3),
                channel="video",
                cadence=rng.choice(["weekly", "biweekly", "monthly"]),
                agreement=Agreement(
                    channel="video",
                    cadence="biweekly",
                    reschedule_notice="48h",
                    topics=["career"],
                    off_limits=["salary"],
                    first_name=True,
                ),
            )
            journal.save(MENTORS, mentor)
            mentors.append(mentor)
            counts["mentors"] += 1
        goals = []
        for n in range(30 * scale):
            created = day_at(rng.random() * 0.95)
            milestones = [
                Milestone(
                    title=f"Step {k + 1} of goal {n + 1}",
                    due=created + timedelta(days=30 * (k + 1)),
                    done=k < 3,
                    done_on=created + timedelta(days=28 * (k + 1)) if k < 3 else None,
                )
                for k in range(5)
            ]
            goal = Goal(
                id=new_id(created),
                title=f"{rng.choice(VERBS)} {rng.choice(THINGS)} (goal {n + 1})",
                status="active"
                if n % 6 == 0
                else rng.choice(["done", "dropped", "done"]),
                created=created,
                target=created + timedelta(days=180),
                area=rng.choice(AREAS),
                specific="a concrete result",
                measurable="a number",
                achievable="4 hours a week",
                relevant="my career",
                milestones=milestones,
            )
            journal.save(GOALS, goal)
            goals.append(goal)
            counts["goals"] += 1
            counts["milestones"] += len(milestones)
        sessions = []
        for n in range(260 * scale):
            when = day_at(n / (260 * scale))
            mentor = mentors[n % len(mentors)]
            session = Session(
                id=new_id(when),
                mentor=mentor.id,
                mentor_name=mentor.name,
                date=when,
                status="held",
                created=when - timedelta(days=2),
                agenda_on=when - timedelta(days=2),
                held_on=when,
                questions=[f"Question {n}?"],
                feedback_asked="code",
                takeaways=[f"Takeaway {n}.{k}: {rng.choice(THINGS)}" for k in range(2)],
                appreciated=True,
                thanked_on=when + timedelta(days=1),
            )
            body = (
                f"\n# {mentor.name} · {when.isoformat()}\n\n## Since last time\n"
                f"- [ ] something from before\n\n## What worked\n- notes {n}\n\n"
                f"## Questions\n- [x] Question {n}?\n"
            )
            journal.save(SESSIONS, session, body=body)
            sessions.append(session)
            counts["sessions"] += 1
        for n in range(2000 * scale):
            session = sessions[
                min(n * len(sessions) // (2000 * scale), len(sessions) - 1)
            ]
            status = "open" if n % 50 == 0 else rng.choice(["done", "done", "dropped"])
            action = ActionItem(
                id=new_id(session.date),
                text=f"Action {n}: {rng.choice(VERBS).lower()} {rng.choice(THINGS)}",
                status=status,
                created=session.date,
                due=session.date + timedelta(days=7),
                mentor=session.mentor,
                session=session.id,
                closed=session.date + timedelta(days=5) if status != "open" else None,
            )
            journal.save(ACTIONS, action)
            counts["actions"] += 1
        for n in range(250 * scale):
            when = day_at(rng.random())
            journal.save(
                LOG,
                LogEntry(
                    id=new_id(when),
                    text=f"Entry {n}: {rng.choice(THINGS)}",
                    kind=rng.choice(["win", "challenge", "update"]),
                    date=when,
                    private=n % 10 == 0,
                ),
            )
            counts["log"] += 1
            resource_day = day_at(rng.random())
            journal.save(
                RESOURCES,
                Resource(
                    id=new_id(resource_day),
                    title=f"Resource {n}: {rng.choice(THINGS)}",
                    kind=rng.choice(["book", "article", "course"]),
                    added=resource_day,
                    done=True,
                    done_on=resource_day + timedelta(days=10),
                    impression="useful",
                    impression_shared_on=resource_day + timedelta(days=17),
                    recommended_by=rng.choice(mentors).id,
                ),
            )
            counts["resources"] += 1
        for n in range(100 * scale):
            when = day_at(rng.random())
            journal.save(
                FEEDBACK,
                Feedback(
                    id=new_id(when),
                    text=f"Feedback {n}",
                    received=when,
                    mentor=rng.choice(mentors).id,
                    applied=True,
                    applied_on=when,
                    how="did it",
                ),
            )
            counts["feedback"] += 1
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("--scale", type=int, default=1)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    if args.path.exists() and any(args.path.iterdir()):
        sys.exit(f"{args.path} is not empty")
    counts = make(args.path, args.scale, args.seed)
    print(", ".join(f"{v} {k}" for k, v in counts.items()))


if __name__ == "__main__":
    main()
