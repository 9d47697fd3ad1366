"""`recap`: the record of a meeting held — takeaways, new action items, feedback,
the fate of each action carried in — and the follow-ups it creates."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import field
from datetime import date

from mentorlog import messages as m
from mentorlog._struct import struct
from mentorlog.core.schedule import meeting_after
from mentorlog.errors import NotFoundError, UserError
from mentorlog.hints import DATE, hint
from mentorlog.messages import errors as e
from mentorlog.models import ActionItem, Feedback, Mentor, Session
from mentorlog.store.ids import new_id
from mentorlog.store.journal import Journal, Stored
from mentorlog.store.kinds import ACTIONS, FEEDBACK, GOALS, MENTORS, RESOURCES, SESSIONS
from mentorlog.store.refs import normal

from .common import one_line, union
from .sessions import (
    SessionView,
    mentors_by_id,
    merge_duplicate_plans,
    planned,
    require_healthy_sessions,
    retitle,
    sessions_with,
    view_of,
)
from .tracking import new_action, new_feedback, warn_past_due


@struct
class RecapInput:
    takeaways: list[str] = field(default_factory=list)
    actions: list[str] = field(default_factory=list)
    due: date | None = None
    goal: str | None = None
    feedback: list[str] = field(default_factory=list)
    feedback_asked: str | None = None
    appreciated: bool | None = None
    done: list[str] = field(default_factory=list)  # carried-in actions now done
    dropped: list[str] = field(default_factory=list)  # ... and dropped
    answered: list[str] = field(default_factory=list)  # agenda questions answered

    @property
    def empty(self) -> bool:
        return not (
            self.answered
            or self.takeaways
            or self.actions
            or self.feedback
            or self.done
            or self.dropped
            or self.feedback_asked
            or self.appreciated is not None
        )


@struct
class RecapTarget:
    """The session a recap is about (maybe still to be created) and the actions
    carried into it."""

    mentor: Mentor
    session: Session
    stored: Stored[Session] | None
    carried: list[tuple[str, ActionItem]]  # (short id, action)
    questions: list[str] = field(default_factory=list)  # open on its agenda


@struct
class RecapResult:
    view: SessionView
    created: bool
    new_actions: list[ActionItem]
    feedback: list[Feedback]
    closed: list[ActionItem]
    followups: list[m.MeetingMessage]
    next_date: date | None
    # a flash meeting: one ask, no habit of asking feedback on an area
    flash: bool = False


def find_target(journal: Journal, ref: str | None, today: date) -> RecapTarget:
    mentors = mentors_by_id(journal)
    stored = None
    mentor: Mentor | None = None
    if ref is not None:
        try:
            mentor = journal.resolve(MENTORS, ref).record
        except NotFoundError:
            stored = journal.resolve(SESSIONS, ref)
    else:
        stored = _nearest_planned(journal, today)
        if stored is None:
            active = [one for one in mentors.values() if one.available]
            if len(active) != 1:
                names = tuple(sorted(one.name for one in active))
                raise UserError(e.SayWhichRecap(names))
            mentor = active[0]
    if mentor is None:
        assert stored is not None
        mentor = mentors.get(stored.record.mentor)
        if mentor is None:  # gone, or its file is broken (and skipped)
            gone = stored.record.mentor_name
            raise UserError(e.SessionMentorGone(gone, hint("doctor")))
    if stored is None:
        history = sessions_with(journal, mentor.id)
        upcoming = planned(history)
        due = [s for s in upcoming if s.record.date <= today]
        held_today = [
            s for s in history if s.record.status == "held" and s.record.date == today
        ]
        stored = (
            (due[-1] if due else None)
            or (upcoming[0] if upcoming else None)
            or (held_today[-1] if held_today else None)
        )
    if stored is not None and stored.record.status == "cancelled":
        raise UserError(e.SessionCancelled(stored.record.date))
    if stored is not None:
        session = stored.record
    else:
        session = Session(
            id=new_id(),
            mentor=mentor.id,
            mentor_name=one_line(mentor.name),
            date=today,
            created=today,
        )
    loaded = journal.load(ACTIONS)
    carried = [
        (loaded.short[s.record.id], s.record)
        for s in sorted(loaded.records, key=lambda s: (s.record.created, s.record.id))
        if s.record.mentor == mentor.id
        and s.record.status == "open"
        and s.record.session != session.id
    ]
    from .agenda_items import meeting_questions

    body = stored.body if stored is not None else ""
    questions = [q for q, _ in meeting_questions(session, body)]
    return RecapTarget(mentor, session, stored, carried, questions)


def tick_questions(body: str, answered: list[str]) -> str:
    """The agenda with each answered question's box ticked."""
    from .agenda_template import HEADING

    wanted = {normal(q) for q in answered}
    lines = body.splitlines()
    inside = False
    for index, line in enumerate(lines):
        if HEADING.match(line):
            inside = "question" in line.lower()
            continue
        stripped = line.strip()
        if inside and stripped.startswith("- [ ] "):
            text = normal(stripped[6:])
            if any(text == q or text.startswith(q + " (") for q in wanted):
                lines[index] = line.replace("- [ ] ", "- [x] ", 1)
    return "\n".join(lines) + ("\n" if body.endswith("\n") else "")


def _pick_question(questions: list[str], ref: str) -> str:
    """The open question of the agenda `ref` names: its number in the
    agenda's Questions part, its text, or the start of it."""
    needle = normal(ref)
    if needle.isdecimal() and 1 <= int(needle) <= len(questions):
        return questions[int(needle) - 1]
    found = [q for q in questions if normal(q) == needle] or [
        q for q in questions if needle and normal(q).startswith(needle)
    ]
    if len(found) == 1:
        return found[0]
    if not questions:
        raise UserError(e.NoOpenQuestion(ref))
    raise UserError(e.NotOpenQuestion(ref, bool(found), tuple(questions)))


def recap_argv(target: RecapTarget, given: RecapInput) -> list[str]:
    """`given` as the `recap` command line that records it: what a stopped
    guided recap keeps as a draft."""
    ref = target.session.id if target.stored is not None else target.mentor.id
    argv = ["recap", ref]
    for option, values in (
        ("--takeaway", given.takeaways),
        ("--action", given.actions),
        ("--feedback", given.feedback),
        ("--done", given.done),
        ("--dropped", given.dropped),
        ("--answered", given.answered),
    ):
        for value in values:
            argv += [option, value]
    if given.feedback_asked:
        argv += ["--feedback-asked", given.feedback_asked]
    if given.appreciated is not None:
        argv.append("--appreciated" if given.appreciated else "--not-appreciated")
    return argv


def _nearest_planned(journal: Journal, today: date) -> Stored[Session] | None:
    candidates = [
        s for s in journal.load(SESSIONS).records if s.record.status == "planned"
    ]
    if not candidates:
        return None
    return min(
        candidates,
        key=lambda s: (
            abs((s.record.date - today).days),
            s.record.date,
            s.record.created,
            s.record.id,  # the same session every command picks (sessions_with)
        ),
    )


def _pick(carried: list[tuple[str, ActionItem]], ref: str) -> ActionItem:
    """The carried-in action `ref` names, in the order of every reference
    (`store.refs.match_ref`): id or short id, full text, start, any word."""
    from mentorlog.store.ids import random_part
    from mentorlog.store.refs import normal, word_starts

    needle = normal(ref)
    tiers: list[Callable[[str, ActionItem], bool]] = [
        lambda short, a: needle in (a.id, short, random_part(a.id)),
        lambda short, a: (
            a.id.startswith(needle) or random_part(a.id).startswith(needle)
        ),
        lambda short, a: normal(a.text) == needle,
        lambda short, a: normal(a.text).startswith(needle),
        lambda short, a: any(w.startswith(needle) for w in word_starts(normal(a.text))),
    ]
    found: list[ActionItem] = []
    for tier in tiers:
        found = [a for short, a in carried if needle and tier(short, a)]
        if found:
            break
    if len(found) == 1:
        return found[0]
    if not found:
        raise UserError(e.NotOpenAction(ref))
    listed = tuple(a.text for a in found[:8])
    raise UserError(e.ActionsMatch(ref, len(found), listed))


def record_recap(
    journal: Journal, ref: str | None, given: RecapInput, today: date
) -> RecapResult:
    takeaways = [one_line(t) for t in given.takeaways]
    if any(not t for t in takeaways):
        raise UserError(e.TakeawayEmpty())
    with journal.transaction():
        require_healthy_sessions(journal)
        for said in merge_duplicate_plans(journal):
            journal.warn_once(said)
        target = find_target(journal, ref, today)
        mentor, session = target.mentor, target.session
        goal = journal.resolve(GOALS, given.goal).record.id if given.goal else None
        actions = [
            new_action(
                text,
                today,
                due=given.due,
                mentor=mentor.id,
                goal=goal,
                session=session.id,
            )
            for text in given.actions
        ]
        warn_past_due(journal, actions, today)
        feedback = [
            new_feedback(
                text,
                today,
                mentor=mentor.id,
                area=given.feedback_asked or session.feedback_area,
                session=session.id,
            )
            for text in given.feedback
        ]
        closing = [(_pick(target.carried, r), "done") for r in given.done]
        closing += [(_pick(target.carried, r), "dropped") for r in given.dropped]
        if len({a.id for a, _ in closing}) != len(closing):
            raise UserError(e.ActionTwice())

        answered = [_pick_question(target.questions, ref) for ref in given.answered]
        updated = _held(session, given, takeaways, answered, today)
        held_date = updated.date
        body = _recap_body(target.stored, session, updated, answered)
        path = journal.save(SESSIONS, updated, target.stored, body=body)
        for action in actions:
            journal.save(ACTIONS, action)
        for item in feedback:
            journal.save(FEEDBACK, item)
        closed = _close_carried(journal, closing, today)
        _mark_impressions_shared(journal, updated, today)
        loaded = journal.load(SESSIONS)
        saved = next(s for s in loaded.records if s.path == path)
        view = view_of(journal, saved, loaded, {mentor.id: mentor})
    next_date = meeting_after(held_date, mentor.effective_cadence)
    mentor_short = journal.load(MENTORS).short.get(mentor.id, mentor.id[10:14])
    notes = _followups(mentor, mentor_short, updated, next_date, journal)
    return RecapResult(
        view,
        target.stored is None,
        actions,
        feedback,
        closed,
        notes,
        next_date,
        flash=mentor.kind == "flash",
    )


def _held(
    session: Session,
    given: RecapInput,
    takeaways: list[str],
    answered: list[str],
    today: date,
) -> Session:
    """`session` as held: on its day, or today if it was planned later."""
    return session.model_copy(
        update={
            "status": "held",
            "date": session.date if session.date <= today else today,
            "held_on": session.held_on or today,
            "takeaways": [*session.takeaways, *takeaways],
            "answered": union(session.answered, answered),
            "feedback_asked": (given.feedback_asked or "").strip()
            or session.feedback_asked,
            "appreciated": given.appreciated
            if given.appreciated is not None
            else session.appreciated,
        }
    )


def _recap_body(
    stored: Stored[Session] | None,
    planned: Session,
    held: Session,
    answered: list[str],
) -> str | None:
    """The session file's new body, or None to keep it: a recap without a plan
    gets one; a plan held before its day is retitled; answered questions are
    ticked."""
    if stored is None:
        return "\n" + recap_body(held)
    body = None
    if held.date != planned.date:  # held before its planned day
        body = retitle(stored.body, planned.date, held.date)
    if answered:
        body = tick_questions(stored.body if body is None else body, answered)
    return body


def _close_carried(
    journal: Journal, closing: list[tuple[ActionItem, str]], today: date
) -> list[ActionItem]:
    """Mark the carried-in actions the recap names done or dropped."""
    if not closing:
        return []  # nothing to read again
    closed = []
    actions_loaded = journal.load(ACTIONS)
    for action, status in closing:
        stored_action = next(
            s for s in actions_loaded.records if s.record.id == action.id
        )
        done = action.model_copy(update={"status": status, "closed": today})
        journal.save(ACTIONS, done, stored_action)
        closed.append(done)
    return closed


def recap_body(session: Session) -> str:
    """The notes of a session recapped without an agenda."""
    name = one_line(session.mentor_name)
    return f"# {name} · {session.date.isoformat()}\n\n## Notes\n"


def _mark_impressions_shared(journal: Journal, session: Session, today: date) -> None:
    keys = {
        k.split(":", 1)[1] for k in session.agenda_keys if k.startswith("impression:")
    }
    if not keys:
        return
    for stored in journal.load(RESOURCES).records:
        if stored.record.id in keys and stored.record.impression_shared_on is None:
            journal.save(
                RESOURCES,
                stored.record.model_copy(update={"impression_shared_on": today}),
                stored,
            )


def _followups(
    mentor: Mentor,
    short: str,
    session: Session,
    next_date: date | None,
    journal: Journal,
) -> list[m.MeetingMessage]:
    notes: list[m.MeetingMessage] = [
        m.ThanksAfter(mentor.name, mentor.effective_channel, session.date)
    ]
    owed = [
        s.record
        for s in journal.load(RESOURCES).records
        if s.record.recommended_by == mentor.id and not s.record.done
    ]
    for resource in owed:
        notes.append(m.ExploreRecommended(resource.title, mentor.name))
    if mentor.kind == "flash":
        # one meeting, no cadence: what could come next is an ongoing mentorship
        notes.append(m.AskToKeepMeeting(mentor.name, hint("mentors", "promote", short)))
    elif next_date is not None:
        prep = hint("prep", short, "--on", next_date.isoformat())
        notes.append(m.NextByCadence(next_date, prep))
    else:
        notes.append(m.NoCadence(hint("prep", short, "--on", DATE)))
    return notes
