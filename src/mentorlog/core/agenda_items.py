"""What the journal knows for the agenda of a meeting: one `Item` per line
`prep` offers (an open action, feedback to apply, a question left open...),
in the order of the talk flow (SPEC §3), and the questions an agenda leaves
open."""

from __future__ import annotations

import re
from datetime import date, timedelta

from mentorlog.core.schedule import impression_pending, meeting_after
from mentorlog.models import Feedback, Goal, Mentor, Model, Session
from mentorlog.store.journal import Journal, Stored
from mentorlog.store.kinds import ACTIONS, FEEDBACK, GOALS, LOG, RESOURCES
from mentorlog.store.refs import normal
from mentorlog.words import plural

from . import sharing
from .agenda_template import HEADING, Item
from .common import one_line
from .sessions import last_held

PRIVATE = "(private)"


# -- what the journal knows --------------------------------------------------------
def _one_line(text: str) -> str:
    """A record's text as one line of the agenda: a text over several lines
    stays one list item, whole, and no text from a file (typed or synced) can
    put a control or escape sequence into the agenda."""
    return one_line(text)


def _mark(*records: Model) -> str:
    """The private marker, for an agenda line from a private record: the line is
    the user's to read, and no share's."""
    return f" {PRIVATE}" if any(sharing.is_private(r) for r in records) else ""


def _due_note(due: date | None, today: date) -> str:
    if due is None:
        return ""
    if due < today:
        return f" (overdue since {due.isoformat()})"
    return f" (due {due.isoformat()})"


def _at_risk(goal: Goal, today: date) -> str | None:
    if goal.target is None:
        return None
    if goal.target < today:
        return "target passed"
    span = (goal.target - goal.created).days
    if span > 0 and goal.milestones:
        elapsed = (today - goal.created).days / span
        if elapsed - goal.progress > 1 / 3:
            return "behind schedule"
    return None


def gather(
    journal: Journal,
    mentor: Mentor,
    session: Session,
    today: date,
    history: list[Stored[Session]],
) -> list[Item]:
    """Every item the agenda of `session` should hold, in the order of the
    talk flow (SPEC §3), from the journal as it is now."""
    previous = last_held(history, before=session.date) or last_held(
        [s for s in history if s.record.id != session.id]
    )
    since = previous.date if previous else today - timedelta(days=30)
    cancelled = [
        s
        for s in history
        if s.record.status == "cancelled"
        and s.record.id != session.id
        and (previous is None or s.record.date >= previous.date)
    ]
    horizon = meeting_after(session.date, mentor.effective_cadence) or (
        session.date + timedelta(days=30)
    )
    audience = sharing.audience_for(journal, mentor)
    goals = sorted(
        (
            s.record
            for s in journal.load(GOALS).records
            if s.record.status == "active"
            and audience.withheld(s.record, audience.owner_of_goal(s.record.mentor))
            != "other"
        ),
        key=lambda g: (g.target or date.max, g.title.lower()),
    )
    if mentor.kind == "flash":
        items = [
            *_the_ask(mentor),
            *_carried_questions(previous, cancelled, history),
            *_goal_served(goals, mentor),
            *_asked_for(session, [], mentor, today, suggest=False),
            *_carried_plan(cancelled),
        ]
    else:
        items = [
            *_since_last_time(journal, mentor, previous, since, today),
            *_from_last_time(previous),
            *_carried_questions(previous, cancelled, history),
            *_feedback_received(journal, mentor, session, history),
            *_goals_due(goals, horizon, today),
            *_wins_and_challenges(journal, since),
            *_resources_explored(journal, mentor, since),
            *_asked_for(session, goals, mentor, today),
            *_carried_plan(cancelled),
        ]
    seen: set[str] = set()
    unique = []
    for item in items:
        if normal(item.key) not in seen:
            seen.add(normal(item.key))
            unique.append(item)
    return unique


def _since_last_time(
    journal: Journal,
    mentor: Mentor,
    previous: Session | None,
    since: date,
    today: date,
) -> list[Item]:
    """Actions with this mentor done since the last meeting (with the day; one
    closed on the meeting's day was closed at it), then those still open,
    oldest first, overdue marked."""
    after = since + timedelta(days=1) if previous else since
    mine = [
        s.record
        for s in journal.load(ACTIONS).records
        if s.value("mentor") == mentor.id
    ]
    done = sorted(
        (
            a
            for a in mine
            if a.status == "done" and a.closed is not None and a.closed >= after
        ),
        key=lambda a: (a.closed or a.created, a.created, a.id),
    )
    still = sorted(
        (a for a in mine if a.status == "open"), key=lambda a: (a.created, a.id)
    )
    return [
        *(
            Item(
                f"done:{action.id}",
                "actions",
                f"- [x] {_one_line(action.text)} (done "
                f"{action.closed.isoformat() if action.closed else ''})"
                + _mark(action),
            )
            for action in done
        ),
        *(
            Item(
                f"action:{action.id}",
                "actions",
                f"- [ ] {_one_line(action.text)}{_due_note(action.due, today)}"
                + _mark(action),
            )
            for action in still
        ),
    ]


def _from_last_time(previous: Session | None) -> list[Item]:
    """The last session's takeaways."""
    if previous is None:
        return []
    return [
        Item(
            f"takeaway:{previous.id}:{index}",
            "takeaways",
            f"- {_one_line(takeaway)}"
            + (
                f" {PRIVATE}"
                if previous.private and not sharing.marked(takeaway)
                else ""
            ),
        )
        for index, takeaway in enumerate(previous.takeaways)
    ]


def _carried_questions(
    previous: Session | None,
    cancelled: list[Stored[Session]],
    history: list[Stored[Session]],
) -> list[Item]:
    """The questions the last meeting left unanswered, each with the day it
    was first asked, and those of a meeting cancelled since, not yet asked."""
    items: list[Item] = []
    # a question carried by the last meeting and again by a meeting cancelled
    # since (its agenda carried it too) is asked once, not once per meeting
    carried: set[str] = set()
    if previous is not None:
        body = next((s.body for s in history if s.record.id == previous.id), "")
        for question, first in meeting_questions(previous, body):
            carried.add(normal(question))
            items.append(
                Item(
                    f"openq:{previous.id}:{normal(question)}",
                    "questions",
                    f"- [ ] {question} (first asked "
                    f"{(first or previous.date).isoformat()})",
                )
            )
    for stored in cancelled:
        gone = stored.record
        mark = _mark(gone)
        for question, first in meeting_questions(gone, stored.body):
            if normal(question) in carried:
                continue
            carried.add(normal(question))
            note = (
                f"first asked {first.isoformat()}"
                if first
                else f"from the cancelled meeting of {gone.date.isoformat()}"
            )
            items.append(
                Item(
                    f"openq:{gone.id}:{normal(question)}",
                    "questions",
                    f"- [ ] {question}{'' if sharing.marked(question) else mark} "
                    f"({note})",
                )
            )
    return items


def _carried_plan(cancelled: list[Stored[Session]]) -> list[Item]:
    """The topics and things to bring of a meeting cancelled since the last."""
    items: list[Item] = []
    for stored in cancelled:
        gone = stored.record
        items += _listed("topic", "topics", "- ", gone.topics, _mark(gone))
        items += _listed("bring", "bring", "- [ ] ", gone.bring, _mark(gone))
    return items


def _listed(
    key: str, section: str, bullet: str, texts: list[str], mark: str = ""
) -> list[Item]:
    """One agenda item per text the user gave (`--topic`, `--question`,
    `--bring`), keyed by its words so it is offered once."""
    return [
        Item(f"{key}:{normal(text)}", section, f"{bullet}{_one_line(text)}{mark}")
        for text in texts
    ]


def _the_ask(mentor: Mentor) -> list[Item]:
    if not mentor.ask:
        return []
    return [Item(f"ask:{mentor.id}", "ask", f"- {_one_line(mentor.ask)}")]


def _goal_served(goals: list[Goal], mentor: Mentor) -> list[Item]:
    """The goal a flash meeting serves: those linked to the mentor, else those
    in their expertise."""
    from .network import covers

    served = [g for g in goals if g.mentor == mentor.id] or [
        g for g in goals if g.area and any(covers(e, g.area) for e in mentor.expertise)
    ]
    return [
        Item(
            f"goal:{goal.id}",
            "goals",
            f"- {_one_line(goal.title)}" + _mark(goal),
        )
        for goal in served
    ]


def _feedback_received(
    journal: Journal,
    mentor: Mentor,
    session: Session,
    history: list[Stored[Session]],
) -> list[Item]:
    """Feedback from this mentor not yet applied; and, to show, feedback
    applied and not yet shown at a meeting held since."""
    items: list[Item] = []
    for stored in journal.load(FEEDBACK).records:
        fb = stored.record
        if fb.mentor != mentor.id:
            continue
        if not fb.applied:
            items.append(
                Item(
                    f"feedback:{fb.id}",
                    "feedback",
                    f"- {_one_line(fb.text)} (received {fb.received.isoformat()}; "
                    "not yet applied)" + _mark(fb),
                )
            )
        elif fb.applied_on and not _shown(fb, session, history):
            how = _one_line(fb.how or "")
            items.append(
                Item(
                    f"applied:{fb.id}",
                    "applied",
                    f"- Applied: {_one_line(fb.text)} → "
                    f"{how or 'say how'} ({fb.applied_on.isoformat()})" + _mark(fb),
                )
            )
    return items


def _shown(fb: Feedback, session: Session, history: list[Stored[Session]]) -> bool:
    """Feedback applied is shown once the agenda of a meeting held had it, or
    a meeting was held after the day it was applied with no agenda at all.
    Applied after the agenda of the next meeting was made, it carries to the
    one after; it stops after two meetings held since, shown or not."""
    assert fb.applied_on is not None
    held = [
        s.record
        for s in history
        if s.record.status == "held" and s.record.id != session.id
    ]
    if any(
        f"applied:{fb.id}" in h.agenda_keys
        or (h.date > fb.applied_on and h.agenda_on is None)
        for h in held
    ):
        return True
    return sum(h.date > fb.applied_on for h in held) >= 2


def _goals_due(goals: list[Goal], horizon: date, today: date) -> list[Item]:
    """Goals due before the next-but-one meeting or at risk, and milestones
    due by then."""
    items: list[Item] = []
    for goal in goals:
        risk = _at_risk(goal, today)
        due_soon = goal.target is not None and goal.target <= horizon
        done = sum(m.done for m in goal.milestones)
        if risk or due_soon:
            target = f"target {goal.target.isoformat()}" if goal.target else "no target"
            flag = plural(len(goal.milestones), "milestone")
            flag += f" — at risk: {risk}" if risk else ""
            items.append(
                Item(
                    f"goal:{goal.id}",
                    "goals",
                    f"- {_one_line(goal.title)}: {target}, {done}/{flag}" + _mark(goal),
                )
            )
        items += [
            Item(
                f"milestone:{goal.id}:{normal(milestone.title)}",
                "goals",
                f"- [ ] Milestone: {_one_line(milestone.title)} "
                f"({_one_line(goal.title)})"
                + _due_note(milestone.due, today)
                + _mark(goal, milestone),
            )
            for milestone in goal.milestones
            if not milestone.done and milestone.due and milestone.due <= horizon
        ]
    return items


def _wins_and_challenges(journal: Journal, since: date) -> list[Item]:
    """Wins and challenges logged since the last session."""
    entries = sorted(
        (
            s.record
            for s in journal.load(LOG).records
            if s.record.kind in ("win", "challenge") and s.record.date >= since
        ),
        key=lambda e: e.date,
    )
    return [
        Item(
            f"log:{entry.id}",
            "wins",
            f"- {entry.kind.capitalize()}: {_one_line(entry.text)} "
            f"({entry.date.isoformat()})" + _mark(entry),
        )
        for entry in entries
    ]


def _resources_explored(journal: Journal, mentor: Mentor, since: date) -> list[Item]:
    """Resources explored since the last session, and impressions owed."""
    items: list[Item] = []
    for resource_file in journal.load(RESOURCES).records:
        resource = resource_file.record
        if resource.done and resource.done_on and resource.done_on >= since:
            thought = (
                f": {_one_line(resource.impression)}" if resource.impression else ""
            )
            items.append(
                Item(
                    f"resource:{resource.id}",
                    "resources",
                    f"- Explored: {_one_line(resource.title)} ({resource.kind})"
                    f"{thought}" + _mark(resource),
                )
            )
        if resource.recommended_by == mentor.id and impression_pending(resource):
            items.append(
                Item(
                    f"impression:{resource.id}",
                    "resources",
                    f"- Tell {mentor.name} what you made of "
                    f'"{_one_line(resource.title)}", which they recommended'
                    + _mark(resource),
                )
            )
    return items


def _asked_for(
    session: Session,
    goals: list[Goal],
    mentor: Mentor,
    today: date,
    suggest: bool = True,
) -> list[Item]:
    """The feedback area to ask about, then the user's topics, questions and
    things to bring."""
    items: list[Item] = []
    if session.feedback_area:
        items.append(
            Item(
                f"area:{normal(session.feedback_area)}",
                "feedback_area",
                f"- Ask for feedback on: {_one_line(session.feedback_area)}",
            )
        )
    elif suggest:
        # one suggestion per agenda: a later prep with another suggestion does
        # not add a second line
        suggestion = suggest_feedback_area(
            [g for g in goals if not sharing.is_private(g)], today, mentor
        )
        if suggestion:
            items.append(
                Item(
                    "area:suggested",
                    "feedback_area",
                    f"- Ask for feedback on: {suggestion}",
                )
            )
    items += _listed("topic", "topics", "- ", session.topics)
    items += _listed("question", "questions", "- [ ] ", session.questions)
    items += _listed("bring", "bring", "- [ ] ", session.bring)
    return items


def suggest_feedback_area(
    goals: list[Goal], today: date, mentor: Mentor | None = None
) -> str | None:
    """Feedback worth asking for: a goal in this mentor's expertise first, the
    one most at risk, else the nearest."""
    from .network import covers

    def theirs(goal: Goal) -> bool:
        return bool(mentor and goal.area) and any(
            covers(e, goal.area or "") for e in (mentor.expertise if mentor else [])
        )

    ranked = sorted(
        goals,
        key=lambda g: (not theirs(g), _at_risk(g, today) is None, g.target or date.max),
    )
    for goal in ranked:
        if goal.area:
            return f'{goal.area} (for "{goal.title}")'
    return f'progress on "{ranked[0].title}"' if ranked else None


_CARRIED = re.compile(
    r" \((?:still open from last time|first asked (\d{4}-\d{2}-\d{2})"
    r"|from the cancelled meeting of \d{4}-\d{2}-\d{2})\)$"
)


def open_questions(body: str) -> list[tuple[str, date | None]]:
    """Questions of an agenda still unticked (`- [ ] ...`) in its Questions
    part, each with the day it was first asked when the line says it."""
    found: list[tuple[str, date | None]] = []
    inside = False
    for line in body.splitlines():
        if HEADING.match(line):
            inside = "question" in line.lower()
            continue
        stripped = line.strip()
        if inside and stripped.startswith("- [ ] "):
            text = stripped[6:].strip()
            match = _CARRIED.search(text)
            first = None
            if match:
                text = text[: match.start()].strip()
                first = date.fromisoformat(match[1]) if match[1] else None
            if text:
                found.append((text, first))
    return found


def meeting_questions(session: Session, body: str) -> list[tuple[str, date | None]]:
    """The questions of a meeting still open: those unticked on its agenda
    (its own, when it has none) and not answered at it, each with the day it
    was first asked if before."""
    found = open_questions(body)
    if not body.strip():
        found = [(q, None) for q in session.questions]
    answered = {normal(a) for a in session.answered}
    return [(q, first) for q, first in found if normal(q) not in answered]
