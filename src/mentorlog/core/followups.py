"""`followups`: what to do now, derived from the journal — thank-you notes owed,
impressions owed, updates between meetings, meetings due but not planned, late
moves to announce, reviews and feedback owed to a mentor."""

from __future__ import annotations

from datetime import date, timedelta

from mentorlog._struct import struct
from mentorlog.core.schedule import impression_due, next_meeting_due
from mentorlog.errors import AmbiguousError, NotFoundError, UserError
from mentorlog.hints import hint
from mentorlog.messages import (
    CancelToAnnounce,
    FeedbackOwed,
    FollowUpMessage,
    ImpressionOwed,
    MoveToAnnounce,
    PlanOwed,
    RecapOwed,
    ReviewEarly,
    ReviewOwed,
    ThanksOwed,
    UpdateOwed,
)
from mentorlog.messages import errors as e
from mentorlog.models import LogEntry, Mentor, Session
from mentorlog.store.ids import new_id
from mentorlog.store.journal import Journal, Problem
from mentorlog.store.kinds import LOG, MENTORS, RESOURCES, SESSIONS

THANKS_WITHIN = 30  # days after a meeting a thank-you note is still worth sending
UPDATE_AFTER = 14  # days without contact before a brief update is due
PLAN_AHEAD = 7  # days before a meeting is due that planning it is a follow-up


@struct(frozen=True)
class FollowUp:
    id: str
    kind: str  # thanks, impression, update, plan, recap, moved, cancelled, ...
    text: FollowUpMessage
    mentor: str
    channel: str | None
    due: date


@struct
class FollowUps:
    items: list[FollowUp]
    problems: list[Problem]


def followups(journal: Journal, today: date) -> FollowUps:
    """Every follow-up due now or soon, soonest first, from one read of the
    mentors, sessions, resources and log (SPEC §2 `followups`)."""
    settings, problems = journal.settings_or_default()
    mentors_loaded = journal.load(MENTORS)
    mentors = {s.record.id: s.record for s in mentors_loaded.records}
    sessions = journal.load(SESSIONS)
    resources = journal.load(RESOURCES)
    log = journal.load(LOG)
    items: list[FollowUp] = []
    by_mentor: dict[str, list[Session]] = {}
    for stored in sessions.records:
        session = stored.record
        by_mentor.setdefault(session.mentor, []).append(session)
        mentor = mentors.get(session.mentor)
        if mentor is not None:
            items += _for_session(session, sessions.short[session.id], mentor, today)
    for stored_resource in resources.records:
        resource = stored_resource.record
        mentor = mentors.get(resource.recommended_by or "")
        owed_from = impression_due(resource)
        if mentor is None or owed_from is None or owed_from > today:
            continue
        items.append(
            _item(
                "impression",
                resources.short[resource.id],
                mentor,
                ImpressionOwed(mentor.name, resource.title),
                owed_from,
            )
        )
    updates_to: dict[str, list[date]] = {}
    for entry in (s.record for s in log.records):
        if entry.kind == "update" and entry.mentor and not entry.private:
            updates_to.setdefault(entry.mentor, []).append(entry.date)
    period = settings.targets.review_period_days
    for mentor in mentors.values():
        if mentor.status == "active" and mentor.kind == "ongoing":
            items += _for_mentor(
                mentor,
                mentors_loaded.short[mentor.id],
                by_mentor.get(mentor.id, []),
                updates_to.get(mentor.id, []),
                period,
                today,
            )
    items.sort(key=lambda f: (f.due, f.id))
    return FollowUps(
        items,
        [
            *problems,
            *mentors_loaded.problems,
            *sessions.problems,
            *resources.problems,
            *log.problems,
        ],
    )


def _item(
    kind: str, source_short: str, mentor: Mentor, text: FollowUpMessage, due: date
) -> FollowUp:
    return FollowUp(
        f"{kind}-{source_short}", kind, text, mentor.name, mentor.effective_channel, due
    )


def _for_session(
    session: Session, sid: str, mentor: Mentor, today: date
) -> list[FollowUp]:
    """Thank-you owed, a passed meeting to recap, a late cancel or move to
    announce."""
    found: list[FollowUp] = []
    if (
        session.status == "held"
        and session.thanked_on is None
        and today - session.date <= timedelta(days=THANKS_WITHIN)
    ):
        found.append(
            _item(
                "thanks",
                sid,
                mentor,
                ThanksOwed(mentor.name, session.date),
                session.date + timedelta(days=1),
            )
        )
    if session.status == "planned" and session.date < today:
        found.append(
            _item(
                "recap",
                sid,
                mentor,
                RecapOwed(
                    mentor.name,
                    session.date,
                    hint("recap", sid),
                    hint("sessions", "cancel", sid),
                ),
                session.date,
            )
        )
    notice = mentor.agreement.reschedule_notice
    if (
        session.status == "cancelled"
        and session.cancelled_late
        and session.cancel_announced_on is None
    ):
        found.append(
            _item(
                "cancelled",
                sid,
                mentor,
                CancelToAnnounce(mentor.name, session.date, notice),
                session.cancelled_on or today,
            )
        )
    for index, move in enumerate(session.moves):
        if move.late and move.announced_on is None and session.status == "planned":
            found.append(
                _item(
                    "moved",
                    f"{sid}.{index + 1}",
                    mentor,
                    MoveToAnnounce(mentor.name, move.from_date, move.to, notice),
                    move.on,
                )
            )
    return found


def _for_mentor(
    mentor: Mentor,
    mid: str,
    sessions: list[Session],
    updates: list[date],
    period: int,
    today: date,
) -> list[FollowUp]:
    """An update between meetings, the next meeting to plan, a relationship
    review and feedback owed to an ongoing mentor."""
    found: list[FollowUp] = []
    held = [s.date for s in sessions if s.status == "held"]
    last = max(held, default=None)
    upcoming = [s for s in sessions if s.status == "planned" and s.date >= today]
    last_contact = max([d for d in [last, *updates] if d is not None], default=None)
    if (
        last is not None
        and last_contact is not None
        and (today - last_contact >= timedelta(days=UPDATE_AFTER))
    ):
        found.append(
            _item(
                "update",
                mid,
                mentor,
                UpdateOwed(mentor.name, last_contact),
                last_contact + timedelta(days=UPDATE_AFTER),
            )
        )
    cadence = mentor.effective_cadence
    due = next_meeting_due(mentor, last)
    if due is not None and not upcoming and due - today <= timedelta(days=PLAN_AHEAD):
        found.append(
            _item(
                "plan",
                mid,
                mentor,
                PlanOwed(mentor.name, cadence, due, hint("prep", mid)),
                due,
            )
        )
    review_from = mentor.reviewed_on or mentor.promoted_on or mentor.created
    if today - review_from >= timedelta(days=period):
        found.append(
            _item(
                "review",
                mid,
                mentor,
                ReviewOwed(mentor.name, hint("mentors", "review", mid)),
                review_from + timedelta(days=period),
            )
        )
    feedback_from = mentor.feedback_given_on or mentor.promoted_on or mentor.created
    if today - feedback_from >= timedelta(days=period):
        found.append(
            _item(
                "feedback",
                mid,
                mentor,
                FeedbackOwed(mentor.name),
                feedback_from + timedelta(days=period),
            )
        )
    return found


def _review_early(journal: Journal, mentor_ref: str, today: date) -> FollowUp:
    """`review-M` before its reminder is due: the review is recorded all the
    same (a review can happen any time; `mentors review` does the same)."""
    from .mentor_changes import review_mentor

    view = review_mentor(journal, mentor_ref, today, today)
    mentor = view.mentor
    return _item(
        "review",
        view.short,
        mentor,
        ReviewEarly(mentor.name),
        today,
    )


def complete(journal: Journal, ref: str, today: date) -> FollowUp:
    """Mark a follow-up done by recording what it asked for on its source."""
    with journal.transaction():
        found = followups(journal, today).items
        needle = ref.strip().lower()
        matches = [f for f in found if f.id == needle] or [
            f for f in found if needle and f.id.startswith(needle)
        ]
        if not matches and needle.startswith("review-") and needle[7:].strip():
            return _review_early(journal, ref.strip()[7:], today)
        if not matches:
            raise NotFoundError(e.NoFollowUp(ref, hint("followups")))
        if len(matches) > 1:
            listed = tuple(f.id for f in matches[:8])
            raise AmbiguousError(e.FollowUpsMatch(ref, len(matches), listed))
        item = matches[0]
        source = item.id.split("-", 1)[1]
        if item.kind == "plan":
            raise UserError(e.PlanToClear(hint("prep", source)))
        if item.kind == "recap":
            cancel = hint("sessions", "cancel", source)
            raise UserError(e.RecapToClear(hint("recap", source), cancel))
        if item.kind in ("thanks", "moved", "cancelled"):
            session_ref, _, number = source.partition(".")
            stored = journal.resolve(SESSIONS, session_ref)
            session = stored.record
            if item.kind == "thanks":
                updated = session.model_copy(update={"thanked_on": today})
            elif item.kind == "cancelled":
                updated = session.model_copy(update={"cancel_announced_on": today})
            else:
                index = int(number) - 1
                moves = list(session.moves)
                moves[index] = moves[index].model_copy(update={"announced_on": today})
                updated = session.model_copy(update={"moves": moves})
            journal.save(SESSIONS, updated, stored)
        elif item.kind == "impression":
            stored_resource = journal.resolve(RESOURCES, source)
            journal.save(
                RESOURCES,
                stored_resource.record.model_copy(
                    update={"impression_shared_on": today}
                ),
                stored_resource,
            )
        elif item.kind == "update":
            mentor = journal.resolve(MENTORS, source).record
            journal.save(
                LOG,
                LogEntry(
                    id=new_id(),
                    text=f"Sent {mentor.name} an update",
                    kind="update",
                    date=today,
                    mentor=mentor.id,
                ),
            )
        else:
            stored_mentor = journal.resolve(MENTORS, source)
            field_name = "reviewed_on" if item.kind == "review" else "feedback_given_on"
            journal.save(
                MENTORS,
                stored_mentor.record.model_copy(update={field_name: today}),
                stored_mentor,
            )
        return item
