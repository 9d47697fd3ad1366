"""`report`: a progress summary to share with a mentor — goals and milestones
reached, actions done, feedback applied and how, wins and challenges, resources
explored. Nothing marked private is ever in it."""

from __future__ import annotations

from dataclasses import field
from datetime import date, timedelta
from typing import Any

from mentorlog._struct import struct
from mentorlog.models import ActionItem, Feedback, Goal, LogEntry, Resource
from mentorlog.store.journal import Journal
from mentorlog.store.kinds import ACTIONS, FEEDBACK, GOALS, LOG, MENTORS, RESOURCES

DEFAULT_DAYS = 30


@struct
class Report:
    name: str | None
    since: date
    until: date
    mentor: str | None
    goals: list[Goal] = field(default_factory=list)
    milestones: list[tuple[Goal, str, date]] = field(default_factory=list)
    achieved: list[Goal] = field(default_factory=list)
    actions: list[ActionItem] = field(default_factory=list)
    feedback: list[Feedback] = field(default_factory=list)
    log: list[LogEntry] = field(default_factory=list)
    resources: list[Resource] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "since": self.since.isoformat(),
            "until": self.until.isoformat(),
            "mentor": self.mentor,
            "goals": [
                {
                    "id": g.id,
                    "title": g.title,
                    "status": g.status,
                    "target": g.target.isoformat() if g.target else None,
                    "progress": round(g.progress, 4),
                }
                for g in self.goals
            ],
            "goals_achieved": [{"id": g.id, "title": g.title} for g in self.achieved],
            "milestones_reached": [
                {"goal": g.title, "title": title, "date": day.isoformat()}
                for g, title, day in self.milestones
            ],
            "actions_done": [
                {
                    "id": a.id,
                    "text": a.text,
                    "date": a.closed.isoformat() if a.closed else None,
                }
                for a in self.actions
            ],
            "feedback_applied": [
                {
                    "id": f.id,
                    "text": f.text,
                    "how": f.how,
                    "date": f.applied_on.isoformat() if f.applied_on else None,
                }
                for f in self.feedback
            ],
            "log": [
                {"id": e.id, "kind": e.kind, "text": e.text, "date": e.date.isoformat()}
                for e in self.log
            ],
            "resources": [
                {
                    "id": r.id,
                    "title": r.title,
                    "kind": r.kind,
                    "impression": r.impression,
                    "date": r.done_on.isoformat() if r.done_on else None,
                }
                for r in self.resources
            ],
        }

    def as_markdown(self) -> str:
        who = f" — {self.name}" if self.name else ""
        lines = [
            f"# Progress report{who}",
            "",
            f"{self.since.isoformat()} to {self.until.isoformat()}"
            + (f" · for {self.mentor}" if self.mentor else ""),
            "",
        ]

        def section(title: str, rows: list[str]) -> None:
            if rows:
                lines.extend([f"## {title}", "", *rows, ""])

        section(
            "Goals",
            [
                f"- **{_md(g.title)}**: {sum(m.done for m in g.milestones)} of "
                f"{len(g.milestones)} milestones"
                + (f", target {g.target.isoformat()}" if g.target else "")
                for g in self.goals
            ],
        )
        section("Goals achieved", [f"- {_md(g.title)}" for g in self.achieved])
        section(
            "Milestones reached",
            [
                f"- {_md(title)} ({_md(g.title)}), {day.isoformat()}"
                for g, title, day in self.milestones
            ],
        )
        section("Actions done", [f"- {_md(a.text)}" for a in self.actions])
        section(
            "Feedback applied",
            [f"- {_md(f.text)} → {_md(f.how or '')}" for f in self.feedback],
        )
        section(
            "Wins and challenges",
            [
                f"- {e.kind.capitalize()}: {_md(e.text)} ({e.date.isoformat()})"
                for e in self.log
            ],
        )
        section(
            "Resources explored",
            [
                f"- {_md(r.title)} ({r.kind})"
                + (f": {_md(r.impression)}" if r.impression else "")
                for r in self.resources
            ],
        )
        if len(lines) == 4:
            lines.append("Nothing recorded in this period yet.")
        return "\n".join(lines).rstrip("\n") + "\n"


def _md(text: str) -> str:
    """User text on one line, Markdown-inert where it matters."""
    return " ".join(text.split()).replace("<", "&lt;")


def _within(day: date | None, since: date, until: date) -> bool:
    return day is not None and since <= day <= until


def report(
    journal: Journal,
    today: date,
    *,
    since: date | None = None,
    mentor: str | None = None,
) -> Report:
    start = since or today - timedelta(days=DEFAULT_DAYS)
    settings, _ = journal.settings_or_default()
    chosen = journal.resolve(MENTORS, mentor).record if mentor else None
    mentor_id = chosen.id if chosen else None

    def mine(owner: str | None) -> bool:
        return mentor_id is None or owner == mentor_id

    result = Report(settings.name, start, today, chosen.name if chosen else None)
    for stored in journal.load(GOALS).records:
        goal = stored.record
        if goal.status == "active":
            result.goals.append(goal)
        if goal.status == "done" and _within(goal.closed, start, today):
            result.achieved.append(goal)
        for milestone in goal.milestones:
            if milestone.done and _within(milestone.done_on, start, today):
                assert milestone.done_on is not None
                result.milestones.append((goal, milestone.title, milestone.done_on))
    result.actions = [
        s.record
        for s in journal.load(ACTIONS).records
        if s.record.status == "done"
        and _within(s.record.closed, start, today)
        and mine(s.record.mentor)
    ]
    result.feedback = [
        s.record
        for s in journal.load(FEEDBACK).records
        if s.record.applied
        and _within(s.record.applied_on, start, today)
        and mine(s.record.mentor)
    ]
    result.log = sorted(
        (
            s.record
            for s in journal.load(LOG).records
            if not s.record.private
            and s.record.kind in ("win", "challenge")
            and _within(s.record.date, start, today)
        ),
        key=lambda e: e.date,
    )
    result.resources = [
        s.record
        for s in journal.load(RESOURCES).records
        if s.record.done and _within(s.record.done_on, start, today)
    ]
    result.goals.sort(key=lambda g: (g.target or date.max, g.title.lower()))
    result.milestones.sort(key=lambda m: m[2])
    return result
