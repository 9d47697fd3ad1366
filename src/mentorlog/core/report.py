"""`report`: a progress summary to share — the meetings held, goals and
milestones reached, actions done, feedback applied and how, wins and challenges,
resources explored. What it may show, and to whom, is `core.sharing`'s to say:
nothing private, nothing of another mentor's, and for no one in particular no
mentor's takeaways or feedback."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import field
from datetime import date, timedelta

from mentorlog._struct import struct
from mentorlog.models import ActionItem, Feedback, Goal, LogEntry, Resource
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
from mentorlog.tojson import Each, json_keys, of
from mentorlog.words import plural

from . import sharing

DEFAULT_DAYS = 30


@struct
class Meeting:
    """A meeting held: when, with whom, and (for its own mentor) what was
    taken away."""

    date: date
    mentor: str
    takeaways: list[str] = field(default_factory=list)


@json_keys(
    {
        **of("", "name", "since", "until", "mentor", "meetings"),
        "goals": Each(
            "goals",
            {
                **of("", "id", "title", "status", "target"),
                "progress": lambda goal: round(goal.progress, 4),
            },
        ),
        "goals_achieved": Each("achieved", of("", "id", "title")),
        "milestones_reached": Each(
            "milestones", {"goal": "0.title", "title": "1", "date": "2"}
        ),
        "actions_done": Each("actions", {**of("", "id", "text"), "date": "closed"}),
        "feedback_applied": Each(
            "feedback", {**of("", "id", "text", "how"), "date": "applied_on"}
        ),
        "log": Each("log", of("", "id", "kind", "text", "date")),
        "resources": Each(
            "resources",
            {**of("", "id", "title", "kind", "impression"), "date": "done_on"},
        ),
    }
)
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
    meetings: list[Meeting] = field(default_factory=list)
    left_out: sharing.LeftOut = field(default_factory=sharing.LeftOut)

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
            "Meetings held",
            [
                f"- {m.date.isoformat()} with {_md(m.mentor)}"
                + "".join(f"\n  - {_md(t)}" for t in m.takeaways)
                for m in self.meetings
            ],
        )
        section(
            "Goals",
            [
                f"- **{_md(g.title)}**: {sum(m.done for m in g.milestones)} of "
                f"{plural(len(g.milestones), 'milestone')}"
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
    audience = sharing.audience_for(journal, chosen)
    names = {s.record.id: s.record.name for s in journal.load(MENTORS).records}
    result = Report(settings.name, start, today, chosen.name if chosen else None)
    left = result.left_out

    def shown(why: sharing.Reason | None) -> bool:
        if why is not None:
            left.add(why)
        return why is None

    for held in journal.load(SESSIONS).records:
        session = held.record
        if session.status != "held" or not _within(session.date, start, today):
            continue
        if not shown(audience.withheld(session, session.mentor)):
            continue
        takeaways = []
        for takeaway in session.takeaways:
            why = audience.text_withheld(takeaway, session.mentor, words=True)
            if shown(why):
                takeaways.append(takeaway)
        name = names.get(session.mentor, session.mentor_name)
        result.meetings.append(Meeting(session.date, name, takeaways))
    _add_goals(result, journal, audience, shown)
    for action in (s.record for s in journal.load(ACTIONS).records):
        if (
            action.status == "done"
            and _within(action.closed, start, today)
            and shown(audience.withheld(action, action.mentor))
        ):
            result.actions.append(action)
    for fb in (s.record for s in journal.load(FEEDBACK).records):
        if (
            fb.applied
            and _within(fb.applied_on, start, today)
            and shown(audience.withheld(fb, fb.mentor, words=True))
        ):
            result.feedback.append(fb)
    for entry in (s.record for s in journal.load(LOG).records):
        if (
            entry.kind in ("win", "challenge")
            and _within(entry.date, start, today)
            and shown(audience.withheld(entry, entry.mentor))
        ):
            result.log.append(entry)
    for resource in (s.record for s in journal.load(RESOURCES).records):
        if (
            resource.done
            and _within(resource.done_on, start, today)
            and shown(audience.withheld(resource, None))
        ):
            result.resources.append(resource)
    _sort(result)
    return result


def _add_goals(
    result: Report,
    journal: Journal,
    audience: sharing.Audience,
    shown: Callable[[sharing.Reason | None], bool],
) -> None:
    """Active and achieved goals and milestones reached in the period, those
    the audience may see; the rest counted as left out."""
    start, today, left = result.since, result.until, result.left_out
    for stored in journal.load(GOALS).records:
        goal = stored.record
        owner = audience.owner_of_goal(goal.mentor)
        why = audience.withheld(goal, owner)
        if why is not None:
            shows = goal.status == "active" or (
                goal.status == "done" and _within(goal.closed, start, today)
            )
            reached = [
                m
                for m in goal.milestones
                if m.done and _within(m.done_on, start, today)
            ]
            if shows or reached:
                left.add(why, int(shows) + len(reached))
            continue
        if goal.status == "active":
            result.goals.append(goal)
        if goal.status == "done" and _within(goal.closed, start, today):
            result.achieved.append(goal)
        for milestone in goal.milestones:
            if milestone.done and _within(milestone.done_on, start, today):
                assert milestone.done_on is not None
                if shown(audience.withheld(milestone, owner)):
                    result.milestones.append((goal, milestone.title, milestone.done_on))


def _sort(result: Report) -> None:
    """In a fixed order, so the same journal makes the same report."""
    result.meetings.sort(key=lambda m: (m.date, m.mentor.lower()))
    result.log.sort(key=lambda e: (e.date, e.text.lower()))
    result.goals.sort(key=lambda g: (g.target or date.max, g.title.lower()))
    result.achieved.sort(key=lambda g: (g.closed or date.max, g.title.lower()))
    result.milestones.sort(key=lambda m: (m[2], m[0].title.lower(), m[1].lower()))
    result.actions.sort(key=lambda a: (a.closed or date.max, a.text.lower()))
    result.feedback.sort(key=lambda f: (f.applied_on or date.max, f.text.lower()))
    result.resources.sort(key=lambda r: (r.done_on or date.max, r.title.lower()))
