"""Meetings, planned and held: listing, showing, cancelling and moving them."""

from __future__ import annotations

from datetime import date, timedelta

from mentorlog._struct import struct
from mentorlog.errors import AmbiguousError, NotFoundError, UserError
from mentorlog.hints import hint
from mentorlog.messages import PlansMerged
from mentorlog.messages import errors as e
from mentorlog.models import ActionItem, Feedback, Mentor, Move, Session
from mentorlog.store.journal import Journal, Loaded, Problem, Stored
from mentorlog.store.kinds import ACTIONS, FEEDBACK, MENTORS, SESSIONS
from mentorlog.tojson import Each, json_keys, of

from .common import one_line, short_of, union

RECENT_DAYS = 30


@json_keys(
    {
        **of("session", "id"),
        "short_id": "short",
        "mentor": "mentor_name",
        "mentor_id": "session.mentor",
        **of("session", "date", "time", "minutes", "status", "calendar_uid"),
        **of("session", "created", "agenda_on", "held_on", "cancelled_on"),
        **of("session", "cancel_reason"),
        "moves": Each(
            "session.moves",
            {"from": "from_date", **of("", "to", "on", "late", "announced_on")},
        ),
        **of("session", "topics", "questions", "bring", "feedback_area"),
        **of("session", "feedback_asked", "takeaways", "answered", "appreciated"),
        **of("session", "thanked_on", "private"),
        "file": "file",
    }
)
@struct
class SessionView:
    session: Session
    short: str
    file: str
    body: str
    mentor: Mentor | None

    @property
    def mentor_name(self) -> str:
        return self.mentor.name if self.mentor else self.session.mentor_name


def view_of(
    journal: Journal,
    stored: Stored[Session],
    loaded: Loaded[Session],
    mentors: dict[str, Mentor],
) -> SessionView:
    session = stored.record
    return SessionView(
        session,
        short_of(loaded, session),
        stored.file,
        stored.body,
        mentors.get(session.mentor),
    )


def mentors_by_id(journal: Journal) -> dict[str, Mentor]:
    return {s.record.id: s.record for s in journal.load(MENTORS).records}


@struct
class SessionList:
    views: list[SessionView]
    problems: list[Problem]
    hidden: int = 0


def list_sessions(
    journal: Journal,
    today: date,
    *,
    include_all: bool = False,
    mentor: str | None = None,
) -> SessionList:
    wanted = journal.resolve(MENTORS, mentor).record.id if mentor else None
    loaded = journal.load(SESSIONS)
    mentors = mentors_by_id(journal)
    recent = today - timedelta(days=RECENT_DAYS)
    records = [
        s for s in loaded.records if wanted is None or s.value("mentor") == wanted
    ]
    chosen = [
        s
        for s in records
        if include_all or s.value("status") == "planned" or s.record.date >= recent
    ]
    shown = [view_of(journal, s, loaded, mentors) for s in chosen]
    # newest first, as every listing of past records (docs/guide.md, "Order")
    shown.sort(
        key=lambda v: (
            v.session.date,
            v.session.time or "",
            v.session.created,
            v.session.id,
        ),
        reverse=True,
    )
    return SessionList(shown, loaded.problems, len(records) - len(shown))


def resolve_session(
    journal: Journal, ref: str, loaded: Loaded[Session]
) -> Stored[Session]:
    """The session `ref` names. A mentor means that mentor's planned session
    (the soonest, when there are several); anything else is read as a session
    reference (short id, date prefix, file name)."""
    try:
        mentor = journal.resolve(MENTORS, ref).record
    except (NotFoundError, AmbiguousError):
        return journal.resolve(SESSIONS, ref, loaded)
    planned = sorted(
        (
            s
            for s in loaded.records
            if s.record.mentor == mentor.id and s.record.status == "planned"
        ),
        key=lambda s: (s.record.date, s.record.created),
    )
    if planned:
        return planned[0]
    try:  # none planned: their past session, if `ref` names one
        return journal.resolve(SESSIONS, ref, loaded)
    except NotFoundError:
        raise NotFoundError(
            e.NoPlannedSession(mentor.name, hint("prep", ref))
        ) from None


def get_session(journal: Journal, ref: str) -> SessionView:
    loaded = journal.load(SESSIONS)
    stored = resolve_session(journal, ref, loaded)
    return view_of(journal, stored, loaded, mentors_by_id(journal))


# an action of a held meeting, a (short id, action) pair
_SHORT_ACTION = {
    "id": "1.id",
    "short_id": "0",
    **of("1", "text", "status", "due", "closed"),
}


@json_keys(
    {
        "takeaways": "takeaways",
        "new_actions": Each("new_actions", _SHORT_ACTION),
        "feedback": Each(
            "feedback",
            {"id": "1.id", "short_id": "0", **of("1", "text", "applied")},
        ),
        "carried_actions": Each("carried", _SHORT_ACTION),
    }
)
@struct
class Outcome:
    """What came out of a held meeting: its takeaways (on the session), the
    actions it created, the feedback received at it, and the actions carried
    into it with what became of them (their status now)."""

    takeaways: list[str]
    new_actions: list[tuple[str, ActionItem]]  # (short id, action)
    feedback: list[tuple[str, Feedback]]
    carried: list[tuple[str, ActionItem]]


@struct
class SessionShown:
    view: SessionView
    outcome: Outcome | None  # None: the meeting was not held


def show_session(journal: Journal, ref: str) -> SessionShown:
    """One meeting and, once held, what came out of it."""
    view = get_session(journal, ref)
    session = view.session
    if session.status != "held":
        return SessionShown(view, None)
    met = _met(session)
    actions = journal.load(ACTIONS)
    feedback = journal.load(FEEDBACK)

    def ordered(records: list[Stored[ActionItem]]) -> list[tuple[str, ActionItem]]:
        records = sorted(records, key=lambda s: (s.record.created, s.record.id))
        return [(short_of(actions, s.record), s.record) for s in records]

    new = [s for s in actions.records if s.record.session == session.id]
    # carried in: open at the previous meeting with this mentor (closed after
    # it) or created since, including those closed between the meetings,
    # before this one's day (its agenda showed them done)
    before = last_held(
        [
            s
            for s in sessions_with(journal, session.mentor)
            if s.record.id != session.id
        ],
        before=session.date,
    )
    since = None if before is None else _met(before)
    carried = [
        s
        for s in actions.records
        if s.record.mentor == session.mentor
        and s.record.session != session.id
        and s.record.created <= met
        and (since is None or s.record.closed is None or s.record.closed > since)
    ]
    received = sorted(
        (s for s in feedback.records if s.record.session == session.id),
        key=lambda s: (s.record.received, s.record.id),
    )
    return SessionShown(
        view,
        Outcome(
            takeaways=list(session.takeaways),
            new_actions=ordered(new),
            feedback=[(short_of(feedback, s.record), s.record) for s in received],
            carried=ordered(carried),
        ),
    )


def _met(session: Session) -> date:
    """The day a held meeting was held: its planned day, or the earlier day
    recap gave."""
    if session.held_on and session.held_on < session.date:
        return session.held_on
    return session.date


def sessions_with(journal: Journal, mentor_id: str) -> list[Stored[Session]]:
    """This mentor's sessions, oldest first."""
    found = [s for s in journal.load(SESSIONS).records if s.record.mentor == mentor_id]
    # the id last: two sessions on one day are always in the same order, so
    # every command picks the same one
    return sorted(found, key=lambda s: (s.record.date, s.record.created, s.record.id))


def last_held(
    sessions: list[Stored[Session]], before: date | None = None
) -> Session | None:
    held = [
        s.record
        for s in sessions
        if s.record.status == "held" and (before is None or s.record.date < before)
    ]
    return held[-1] if held else None


def planned(sessions: list[Stored[Session]]) -> list[Stored[Session]]:
    return [s for s in sessions if s.record.status == "planned"]


MERGED_NOTE = "<!-- mentorlog: merged from a second plan of this meeting -->"


def merge_duplicate_plans(journal: Journal) -> list[PlansMerged]:
    """One meeting per mentor and date: planned sessions that share both (two
    devices planned the same meeting, then synced) become one, the oldest
    (by `created`, then id): the union of topics, questions, things to bring,
    and the other's notes appended under a note; the other file is removed.
    Call inside a transaction; returns what was merged, to be said."""
    said: list[PlansMerged] = []
    groups: dict[tuple[str, date], list[Stored[Session]]] = {}
    for stored in journal.load(SESSIONS).records:
        if stored.record.status == "planned":
            key = (stored.record.mentor, stored.record.date)
            groups.setdefault(key, []).append(stored)
    for (_, day), group in sorted(groups.items()):
        if len(group) < 2:
            continue
        group.sort(key=lambda s: (s.record.created, s.record.id))
        keep, others = group[0], group[1:]
        session, body = keep.record, keep.body
        for other in others:
            extra = other.record
            session = session.model_copy(
                update={
                    name: union(getattr(session, name), getattr(extra, name))
                    for name in (
                        "topics",
                        "questions",
                        "bring",
                        "agenda_keys",
                        "answered",
                    )
                }
                | {"agenda_lines": [*session.agenda_lines, *extra.agenda_lines]}
            )
            if other.body.strip() and other.body.strip() not in body:
                body = body.rstrip("\n") + f"\n\n{MERGED_NOTE}\n\n" + other.body
        journal.save(SESSIONS, session, keep, body=body)
        for other in others:
            journal.delete(other.path)
        said.append(
            PlansMerged(
                session.mentor_name,
                day,
                journal.relative(keep.path),
                tuple(journal.relative(o.path) for o in others),
            )
        )
    return said


def require_healthy_sessions(journal: Journal) -> None:
    """A command that builds on the meeting history refuses to write while a
    session file is broken: it could be the very meeting it would skip."""
    from mentorlog.errors import DataError

    problems = journal.load(SESSIONS).problems
    if problems:
        first = problems[0]
        linked = str(first.message).startswith("is a symbolic link")  # says what to do
        raise DataError(
            first.path,
            first.line,
            first.message
            if linked
            else e.FixSessionFirst(str(first.message), hint("edit", first.path)),
        )


def retitle(body: str, old: date, new: date) -> str:
    """The agenda's heading follows its meeting when it moves (only the first
    heading, and only if it names the old date)."""
    lines = body.split("\n")
    for index, line in enumerate(lines):
        if line.startswith("#"):
            if old.isoformat() in line:
                lines[index] = line.replace(old.isoformat(), new.isoformat())
            break
    return "\n".join(lines)


def move_to(
    session: Session, to: date, today: date, notice: str | None, at: str | None = None
) -> Session:
    """`session` moved to `to` (and to the time of day `at`; None keeps its
    time), the move recorded (late: inside the notice, counted by day). A
    change of the time of day alone is no move of the day: it is not recorded."""
    time = at or session.time
    if to == session.date:
        return session.model_copy(update={"time": time})
    move = Move(
        from_date=session.date,
        to=to,
        on=today,
        late=is_late(session.date, today, notice),
    )
    return session.model_copy(
        update={"date": to, "time": time, "moves": [*session.moves, move]}
    )


def cancel_session(
    journal: Journal, ref: str, today: date, reason: str | None = None
) -> SessionView:
    why = one_line(reason or "") or None
    if reason is not None and why is None:
        raise UserError(e.ReasonEmpty())
    with journal.transaction():
        loaded = journal.load(SESSIONS)
        stored = resolve_session(journal, ref, loaded)
        session = stored.record
        if session.status != "planned":
            raise UserError(e.CancelNotPlanned(session.date, session.status))
        mentor = mentors_by_id(journal).get(session.mentor)
        notice = mentor.agreement.reschedule_notice if mentor else None
        updated = session.model_copy(
            update={
                "status": "cancelled",
                "cancelled_on": today,
                "cancelled_late": is_late(session.date, today, notice),
                "cancel_reason": why,
            }
        )
        journal.save(SESSIONS, updated, stored)
        stored.record = updated
        return view_of(journal, stored, loaded, mentors_by_id(journal))


@struct
class Moved:
    view: SessionView
    move: Move | None  # None: only the time of day changed
    notice: str | None


def is_late(when: date, today: date, notice: str | None) -> bool:
    """Moving a meeting on `when`, today, breaks the agreed notice?"""
    if not notice or when < today:
        return False
    from mentorlog.dates import notice_hours

    return (when - today).days * 24 < notice_hours(notice)


def move_session(
    journal: Journal, ref: str, to: date, today: date, at: str | None = None
) -> Moved:
    with journal.transaction():
        loaded = journal.load(SESSIONS)
        stored = resolve_session(journal, ref, loaded)
        mentors = mentors_by_id(journal)
        session = stored.record
        if session.status != "planned":
            raise UserError(e.MoveNotPlanned(session.date, session.status))
        if to == session.date and (at is None or at == session.time):
            raise UserError(e.SessionAlreadyOn(to))
        if to < today:
            raise UserError(e.MoveToPast(to))
        mentor = mentors.get(session.mentor)
        notice = mentor.agreement.reschedule_notice if mentor else None
        updated = move_to(session, to, today, notice, at)
        body = retitle(stored.body, session.date, to)
        journal.save(SESSIONS, updated, stored, body=body)
        stored.record = updated
        stored.body = body
        move = updated.moves[-1] if updated.date != session.date else None
        return Moved(view_of(journal, stored, loaded, mentors), move, notice)
