"""`prep`: the agenda of the next meeting, built from the journal and the
journal's own template, and updated without ever losing a line the user wrote."""

from __future__ import annotations

import re
from dataclasses import field
from datetime import date

from mentorlog._struct import struct
from mentorlog.core.schedule import meeting_after
from mentorlog.errors import UserError
from mentorlog.hints import Slot, hint
from mentorlog.messages import NextMeetingChosen, OffLimits, OnlyMentorChosen
from mentorlog.messages import errors as e
from mentorlog.models import (
    Mentor,
    Move,
    Session,
)
from mentorlog.store.ids import new_id
from mentorlog.store.journal import Journal, Stored
from mentorlog.store.kinds import (
    MENTORS,
    SESSIONS,
)
from mentorlog.store.refs import normal

from . import sharing
from .agenda_items import gather
from .agenda_refresh import agenda_lines, refresh_agenda
from .agenda_template import (
    ADDED_HEADING,
    FLASH_TEMPLATE,
    HEADING,
    Item,
    fit,
    line_digest,
    load_template,
    render_agenda,
    section_headings,
    tidy,
)
from .common import one_line, short_of, union
from .mentors import split_list
from .sessions import (
    Moved,
    SessionView,
    last_held,
    mentors_by_id,
    merge_duplicate_plans,
    move_to,
    planned,
    require_healthy_sessions,
    retitle,
    sessions_with,
    view_of,
)


@struct
class PrepRequest:
    mentor: str | None = None
    on: date | None = None
    at: str | None = None  # the time of day, "HH:MM"; None keeps the stored one
    minutes: int | None = None  # how long it lasts; None keeps the stored one
    topics: list[str] = field(default_factory=list)
    questions: list[str] = field(default_factory=list)
    bring: list[str] = field(default_factory=list)
    feedback_area: str | None = None
    private: bool | None = None  # mark the meeting private (None: leave as is)


@struct
class PrepResult:
    view: SessionView
    created: bool
    added: list[str]
    warnings: list[OffLimits]
    mentor_short: str = ""
    # why this mentor, when none was named
    chosen: NextMeetingChosen | OnlyMentorChosen | None = None
    moved: Moved | None = None


# -- choosing the mentor and the date ------------------------------------------------
def choose_mentor(
    journal: Journal, ref: str | None, today: date
) -> tuple[Mentor, NextMeetingChosen | OnlyMentorChosen | None]:
    if ref is not None:
        return journal.resolve(MENTORS, ref).record, None
    mentors = mentors_by_id(journal)
    upcoming = sorted(
        (
            s.record
            for s in journal.load(SESSIONS).records
            if s.record.status == "planned" and s.record.mentor in mentors
        ),
        key=lambda s: s.date,
    )
    if upcoming:
        first = upcoming[0]
        mentor = mentors[first.mentor]
        return mentor, NextMeetingChosen(mentor.name, first.date)
    active = [m for m in mentors.values() if m.available]
    if len(active) == 1:
        return active[0], OnlyMentorChosen(active[0].name)
    if not active:
        raise UserError(e.NoMentorYet(hint("mentors", "add", Slot('"NAME"'))))
    raise UserError(e.WhichMentor(tuple(sorted(m.name for m in active))))


def first_date(mentor: Mentor, history: list[Stored[Session]], today: date) -> date:
    last = last_held(history)
    due = meeting_after(last.date, mentor.effective_cadence) if last else None
    if due is not None:
        return max(due, today)
    if mentor.meeting_on is not None:
        return mentor.meeting_on
    if last is None:
        raise UserError(e.FirstMeetingWhen(mentor.name))
    agree = hint("mentors", "agree", Slot("..."), "--cadence", "biweekly")
    raise UserError(e.NoNextDate(mentor.name, agree))


# -- prep --------------------------------------------------------------------------
def _off_limits(mentor: Mentor, texts: list[str]) -> list[OffLimits]:
    warnings = []
    for text in texts:
        for term in mentor.agreement.off_limits:
            if re.search(rf"\b{re.escape(normal(term))}\b", normal(text)):
                warnings.append(OffLimits(text, term, mentor.name))
    return warnings


@struct(frozen=True)
class _Asked:
    """What the user gave `prep`, checked: the topics, questions and things
    to bring (each one line) and the feedback area."""

    topics: list[str]
    questions: list[str]
    bring: list[str]
    area: str | None


def _asked(request: PrepRequest) -> _Asked:
    if any(
        not q.strip() for q in [*request.questions, *request.bring, *request.topics]
    ):
        raise UserError(e.PrepItemEmpty())
    return _Asked(
        split_list(request.topics) if request.topics else [],
        [one_line(q) for q in request.questions if one_line(q)],
        [one_line(b) for b in request.bring if one_line(b)],
        (request.feedback_area or "").strip() or None,
    )


def _preparable(
    journal: Journal, ref: str | None, today: date
) -> tuple[Mentor, NextMeetingChosen | OnlyMentorChosen | None]:
    """The mentor to prepare for (and why, when none was named); refuses an
    ended mentorship and a flash contact who declined."""
    mentor, chosen = choose_mentor(journal, ref, today)
    if mentor.status != "active":
        raise UserError(e.PrepEnded(mentor.name))
    if mentor.kind == "flash" and mentor.answer == "declined":
        answer = hint(
            "mentors", "answer", Slot("..."), "accepted", "--on", Slot("DATE")
        )
        raise UserError(e.PrepDeclined(mentor.name, answer))
    return mentor, chosen


def _with_request(
    session: Session, request: PrepRequest, asked: _Asked, today: date
) -> Session:
    return session.model_copy(
        update={
            "topics": split_list([*session.topics, *asked.topics]),
            "questions": union(session.questions, asked.questions),
            "bring": union(session.bring, asked.bring),
            "feedback_area": asked.area or session.feedback_area,
            "agenda_on": session.agenda_on or today,
            "minutes": request.minutes or session.minutes,
            "private": session.private if request.private is None else request.private,
        }
    )


def _asked_again(session: Session, asked: _Asked, previous: str) -> Session:
    """A topic, question or thing to bring given to this prep whose text the
    agenda no longer holds (the user deleted its line) is asked for now: it is
    placed again, not left out as the user's (`agenda_refresh`). One whose
    text a line still holds (reworded around it) stays the user's."""
    body = normal(previous)
    again = {
        normal(f"{kind}:{normal(text)}")
        for kind, texts in (
            ("topic", asked.topics),
            ("question", asked.questions),
            ("bring", asked.bring),
        )
        for text in texts
        if normal(text) not in body
    }
    if not again:
        return session
    keys = [key for key in session.agenda_keys if normal(key) not in again]
    return session.model_copy(update={"agenda_keys": keys})


def _write_agenda(
    journal: Journal,
    mentor: Mentor,
    session: Session,
    previous: str | None,
    items: list[Item],
) -> tuple[Session, str, list[Item]]:
    """The session with what its agenda now holds, the agenda (new from the
    template, or `previous` refreshed) and the lines it did not hold before."""
    template = FLASH_TEMPLATE if mentor.kind == "flash" else load_template(journal)
    items = fit(template, items)
    if previous is None or not previous.strip():
        written, kept, ticked = items, [], []
        body = "\n" + render_agenda(template, mentor, session, items)
        there: set[str] = set()
    else:
        headings = section_headings(template, mentor, session)
        refreshed = refresh_agenda(previous, headings, session, items)
        written, kept, body = refreshed.written, refreshed.kept, refreshed.body
        ticked = refreshed.ticked
        there = {line_digest(line.rstrip()) for line in previous.splitlines()}
    there |= {line.digest for line in session.agenda_lines}
    session = session.model_copy(
        update={
            "agenda_keys": union(
                session.agenda_keys, [*(i.key for i in written), *kept]
            ),
            "agenda_lines": [*agenda_lines(written), *ticked],
        }
    )
    return session, body, [i for i in written if line_digest(i.line) not in there]


def prep(journal: Journal, request: PrepRequest, today: date) -> PrepResult:
    asked = _asked(request)
    with journal.transaction():
        require_healthy_sessions(journal)
        for said in merge_duplicate_plans(journal):
            journal.warn_once(said)
        mentor, chosen = _preparable(journal, request.mentor, today)
        history = sessions_with(journal, mentor.id)
        stored, session, moved, renamed_from = _session_to_prepare(
            mentor, history, request.on, today, request.at
        )
        session = _with_request(session, request, asked, today)
        previous = stored.body if stored is not None else None
        if previous:
            session = _asked_again(session, asked, previous)
        if previous is not None and renamed_from is not None:
            previous = retitle(previous, renamed_from, session.date)
        items = gather(journal, mentor, session, today, history)
        session, body, fresh = _write_agenda(journal, mentor, session, previous, items)
        path = journal.save(SESSIONS, session, stored, body=body)
        loaded = journal.load(SESSIONS)
        saved = next(s for s in loaded.records if s.path == path)
        view = view_of(journal, saved, loaded, {mentor.id: mentor})
    moved_info = (
        Moved(view, moved, mentor.agreement.reschedule_notice) if moved else None
    )
    return PrepResult(
        view,
        stored is None,
        [i.line for i in fresh],
        _off_limits(mentor, [*asked.topics, *asked.questions]),
        short_of(journal.load(MENTORS), mentor),
        chosen,
        moved_info,
    )


def _session_to_prepare(
    mentor: Mentor,
    history: list[Stored[Session]],
    on: date | None,
    today: date,
    at: str | None = None,
) -> tuple[Stored[Session] | None, Session, Move | None, date | None]:
    """The planned session with `mentor` (moved to `on` if asked), else a new
    one on `on` or the date the cadence gives. Returns it with its file (None
    for a new one), the move made and the date it was moved from.

    Raises UserError for a planned meeting that has passed, or a date in the
    past."""
    upcoming = planned(history)
    if not upcoming:
        when = on or first_date(mentor, history, today)
        if when < today:
            raise UserError(e.PlanInPast(when, hint("recap")))
        session = Session(
            id=new_id(),
            mentor=mentor.id,
            mentor_name=one_line(mentor.name),
            date=when,
            time=at,
            created=today,
            agenda_on=today,
        )
        return None, session, None, None
    stored = upcoming[0]
    session = stored.record
    if session.date < today and (on is None or on < today):
        held_on = session.date.isoformat()
        recap, cancel = hint("recap", held_on), hint("sessions", "cancel", held_on)
        raise UserError(e.MeetingPassed(mentor.name, session.date, recap, cancel))
    if on is None or on == session.date:
        if at is not None and on is not None:
            session = session.model_copy(update={"time": at})
        return stored, session, None, None
    if on < today:
        raise UserError(e.DayInPast(on))
    moved = move_to(session, on, today, mentor.agreement.reschedule_notice, at)
    return stored, moved, moved.moves[-1], session.date


# -- the pre-read --------------------------------------------------------------------
SHARE_SKIP = ("## before leaving", ADDED_HEADING.lower())


def share_text(
    body: str, quoted: dict[str, sharing.Reason] | None = None
) -> tuple[str, sharing.LeftOut]:
    """The agenda as a pre-read to send ahead: comments, private blocks (and
    blocks quoting a withheld record, `quoted`) and the notes-to-self sections
    left out, empty sections dropped. Returns it with what was left out."""
    text, left_out = sharing.filter_markdown(body, quoted)
    sections: list[list[str]] = [[]]
    for line in text.splitlines():
        if HEADING.match(line):
            sections.append([line])
        else:
            sections[-1].append(line)
    kept: list[str] = []
    for section in sections:
        if section and section[0].strip().lower() in SHARE_SKIP:
            continue
        content = [line for line in section[1:] if line.strip()]
        if (
            section
            and HEADING.match(section[0])
            and not content
            and not section[0].startswith("# ")
        ):
            continue
        kept.extend(section)
    return tidy("\n".join(kept)), left_out


def pre_read(journal: Journal, view: SessionView) -> tuple[str, sharing.LeftOut]:
    """The pre-read of the meeting `view` shows, for its mentor: what
    `share_text` keeps, given what the journal withholds from that mentor."""
    session = view.session
    if sharing.is_private(session):
        raise UserError(e.MeetingPrivate(session.date))
    mentor = journal.resolve(MENTORS, session.mentor).record
    audience = sharing.audience_for(journal, mentor)
    return share_text(view.body, sharing.withheld_texts(journal, audience))


def share(
    journal: Journal, ref: str | None, today: date
) -> tuple[SessionView, str, sharing.LeftOut]:
    """The pre-read of the next planned session with a mentor (or `ref`)."""
    mentor, _ = choose_mentor(journal, ref, today)
    upcoming = planned(sessions_with(journal, mentor.id))
    if not upcoming:
        raise UserError(e.NoMeetingPlanned(mentor.name, hint("prep")))
    loaded = journal.load(SESSIONS)
    stored = next(s for s in loaded.records if s.record.id == upcoming[0].record.id)
    view = view_of(journal, stored, loaded, {mentor.id: mentor})
    text, left_out = pre_read(journal, view)
    return view, text, left_out
