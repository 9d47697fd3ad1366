"""`followups`: what to do now, derived from the journal — thank-you notes owed,
impressions owed, updates between meetings, meetings due but not planned, late
moves to announce, reviews and feedback owed to a mentor."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from mentorlog._struct import struct
from mentorlog.core.schedule import impression_due, next_meeting_due
from mentorlog.errors import AmbiguousError, NotFoundError, UserError
from mentorlog.models import LogEntry, Mentor
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
    text: str
    mentor: str
    channel: str | None
    due: date

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "text": self.text,
            "mentor": self.mentor,
            "channel": self.channel,
            "due": self.due.isoformat(),
        }


@struct
class FollowUps:
    items: list[FollowUp]
    problems: list[Problem]


def followups(journal: Journal, today: date) -> FollowUps:
    settings, problems = journal.settings_or_default()
    period = settings.targets.review_period_days
    mentors_loaded = journal.load(MENTORS)
    mentors = {s.record.id: s.record for s in mentors_loaded.records}
    short = mentors_loaded.short
    sessions = journal.load(SESSIONS)
    resources = journal.load(RESOURCES)
    log = journal.load(LOG)
    items: list[FollowUp] = []

    def add(kind: str, source_short: str, mentor: Mentor, text: str, due: date) -> None:
        items.append(
            FollowUp(
                f"{kind}-{source_short}",
                kind,
                text,
                mentor.name,
                mentor.effective_channel,
                due,
            )
        )

    by_mentor: dict[str, list[Any]] = {}
    for stored in sessions.records:
        by_mentor.setdefault(stored.record.mentor, []).append(stored.record)
        session = stored.record
        mentor = mentors.get(session.mentor)
        if mentor is None:
            continue
        sid = sessions.short[session.id]
        if (
            session.status == "held"
            and session.thanked_on is None
            and today - session.date <= timedelta(days=THANKS_WITHIN)
        ):
            add(
                "thanks",
                sid,
                mentor,
                f"Send {mentor.name} a thank-you note for the meeting on "
                f"{session.date.isoformat()}",
                session.date + timedelta(days=1),
            )
        if session.status == "planned" and session.date < today:
            add(
                "recap",
                sid,
                mentor,
                f"The meeting with {mentor.name} planned for "
                f"{session.date.isoformat()} has passed: recap it (mentorlog recap "
                f"{sid}) or cancel it (mentorlog sessions cancel {sid})",
                session.date,
            )
        if (
            session.status == "cancelled"
            and session.cancelled_late
            and session.cancel_announced_on is None
        ):
            add(
                "cancelled",
                sid,
                mentor,
                f"Tell {mentor.name} the meeting on {session.date.isoformat()} is "
                f"cancelled: inside the agreed {mentor.agreement.reschedule_notice} "
                "notice",
                session.cancelled_on or today,
            )
        for index, move in enumerate(session.moves):
            if move.late and move.announced_on is None and session.status == "planned":
                add(
                    "moved",
                    f"{sid}.{index + 1}",
                    mentor,
                    f"Tell {mentor.name} the meeting moved from "
                    f"{move.from_date.isoformat()} to {move.to.isoformat()}: inside "
                    f"the agreed {mentor.agreement.reschedule_notice} notice",
                    move.on,
                )

    for resource_file in resources.records:
        resource = resource_file.record
        mentor = mentors.get(resource.recommended_by or "")
        owed_from = impression_due(resource)
        if mentor is None or owed_from is None or owed_from > today:
            continue
        add(
            "impression",
            resources.short[resource.id],
            mentor,
            f'Tell {mentor.name} what you made of "{resource.title}", which they '
            "recommended",
            owed_from,
        )

    updates_to: dict[str, list[date]] = {}
    for entry in (s.record for s in log.records):
        if entry.kind == "update" and entry.mentor and not entry.private:
            updates_to.setdefault(entry.mentor, []).append(entry.date)
    for mentor in mentors.values():
        if mentor.status != "active" or mentor.kind != "ongoing":
            continue
        mid = short[mentor.id]
        held = sorted(
            (s for s in by_mentor.get(mentor.id, []) if s.status == "held"),
            key=lambda s: s.date,
        )
        upcoming = [
            s
            for s in by_mentor.get(mentor.id, [])
            if s.status == "planned" and s.date >= today
        ]
        last = held[-1].date if held else None
        updates = updates_to.get(mentor.id, [])
        last_contact = max([d for d in [last, *updates] if d is not None], default=None)
        if (
            last is not None
            and last_contact is not None
            and (today - last_contact >= timedelta(days=UPDATE_AFTER))
        ):
            add(
                "update",
                mid,
                mentor,
                f"Send {mentor.name} a brief update: nothing since "
                f"{last_contact.isoformat()}",
                last_contact + timedelta(days=UPDATE_AFTER),
            )
        cadence = mentor.effective_cadence
        if cadence and not upcoming:
            due = next_meeting_due(mentor, last)
            assert due is not None  # the mentor has a cadence
            if due - today <= timedelta(days=PLAN_AHEAD):
                add(
                    "plan",
                    mid,
                    mentor,
                    f"Plan the next meeting with {mentor.name} (due by your {cadence} "
                    f"cadence on {due.isoformat()}): mentorlog prep {mid}",
                    due,
                )
        review_from = mentor.reviewed_on or mentor.promoted_on or mentor.created
        if today - review_from >= timedelta(days=period):
            add(
                "review",
                mid,
                mentor,
                f"Review with {mentor.name} how the mentorship works: are you both on "
                "the same page?",
                review_from + timedelta(days=period),
            )
        feedback_from = mentor.feedback_given_on or mentor.promoted_on or mentor.created
        if today - feedback_from >= timedelta(days=period):
            add(
                "feedback",
                mid,
                mentor,
                f"Give {mentor.name} feedback on how the mentorship works for you",
                feedback_from + timedelta(days=period),
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


def complete(journal: Journal, ref: str, today: date) -> FollowUp:
    """Mark a follow-up done by recording what it asked for on its source."""
    with journal.transaction():
        found = followups(journal, today).items
        needle = ref.strip().lower()
        matches = [f for f in found if f.id == needle] or [
            f for f in found if needle and f.id.startswith(needle)
        ]
        if not matches:
            raise NotFoundError(
                f'no follow-up "{ref}"; `mentorlog followups` lists them'
            )
        if len(matches) > 1:
            listed = ", ".join(f.id for f in matches[:8])
            raise AmbiguousError(f'"{ref}" matches {len(matches)} follow-ups: {listed}')
        item = matches[0]
        source = item.id.split("-", 1)[1]
        if item.kind == "plan":
            raise UserError(
                f"plan the meeting to clear this one: mentorlog prep {source}"
            )
        if item.kind == "recap":
            raise UserError(
                f"recap or cancel the meeting to clear this one: mentorlog recap "
                f"{source} / mentorlog sessions cancel {source}"
            )
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
