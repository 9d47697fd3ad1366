"""Mentors: profiles, agreements, and flash mentoring (the ask and its answer)."""

from __future__ import annotations

import re
from dataclasses import field
from datetime import date
from typing import Any

from mentorlog import messages as m
from mentorlog._struct import struct
from mentorlog.dates import parse_cadence, parse_notice
from mentorlog.errors import UserError
from mentorlog.hints import hint
from mentorlog.messages import errors as e
from mentorlog.models import AGREEMENT_PARTS, Answer, Channel, Mentor, Session
from mentorlog.store.ids import new_id, short_ids
from mentorlog.store.journal import Journal, Loaded, Problem, Stored
from mentorlog.store.kinds import MENTORS, SESSIONS
from mentorlog.store.refs import normal
from mentorlog.tojson import One, json_keys, of

from .common import one_line

CHANNELS: dict[str, Channel] = {
    "email": "email",
    "e-mail": "email",
    "mail": "email",
    "text": "text",
    "sms": "text",
    "chat": "text",
    "message": "text",
    "slack": "text",
    "phone": "phone",
    "call": "phone",
    "video": "video",
    "zoom": "video",
    "meet": "video",
    "in-person": "in-person",
    "in person": "in-person",
    "inperson": "in-person",
    "face to face": "in-person",
    "f2f": "in-person",
}
CHANNEL_HELP = "email, text, phone, video, in-person"
PART_OPTIONS = {part: "--" + part.replace("_", "-") for part in AGREEMENT_PARTS}


def parse_channel(text: str) -> Channel:
    key = " ".join(text.strip().lower().replace("_", " ").split())
    if key in CHANNELS:
        return CHANNELS[key]
    raise UserError(e.UnknownChannel(text.strip(), CHANNEL_HELP))


def split_list(values: list[str] | None) -> list[str]:
    """`--expertise "a, b" --expertise c` as ["a", "b", "c"], without repeats."""
    found: list[str] = []
    for value in values or []:
        for item in value.split(","):
            cleaned = one_line(item)
            if cleaned and normal(cleaned) not in (normal(f) for f in found):
                found.append(cleaned)
    return found


def _clean(text: str | None) -> str | None:
    if text is None:
        return None
    return one_line(text) or None


@json_keys(
    {
        **of("mentor", "id"),
        "short_id": "short",
        **of("mentor", "name", "kind", "status", "created", "ended", "org"),
        "expertise": "mentor.expertise",
        "channel": "mentor.effective_channel",
        "contact": "mentor.contact",
        "cadence": "mentor.effective_cadence",
        **of("mentor", "interests", "learning_style", "teaching_style"),
        **of("mentor", "work_style", "values", "challenges", "ask", "asked_on"),
        **of("mentor", "answer", "answered_on", "meeting_on", "promoted_on"),
        "agreement": One(
            "mentor.agreement",
            {
                **of("", *AGREEMENT_PARTS, "agreed_on"),
                "open": lambda agreement: agreement.open_parts(),
            },
        ),
        **of("mentor", "private"),
        "file": "file",
    }
)
@struct
class MentorView:
    mentor: Mentor
    short: str
    file: str
    body: str = ""


def _view(
    journal: Journal, stored: Stored[Mentor], loaded: Loaded[Mentor]
) -> MentorView:
    record_id = stored.record.id
    short = loaded.short.get(record_id) or short_ids([record_id])[record_id]
    return MentorView(stored.record, short, stored.file, stored.body)


@struct
class MentorList:
    views: list[MentorView]
    problems: list[Problem]
    hidden: int = 0


def list_mentors(journal: Journal, *, include_ended: bool = False) -> MentorList:
    loaded = journal.load(MENTORS)
    views = [_view(journal, s, loaded) for s in loaded.records]
    shown = [v for v in views if include_ended or v.mentor.status == "active"]
    shown.sort(
        key=lambda v: (
            v.mentor.status != "active",
            v.mentor.kind != "ongoing",
            v.mentor.name.lower(),
        )
    )
    return MentorList(shown, loaded.problems, len(views) - len(shown))


def get_mentor(journal: Journal, ref: str) -> MentorView:
    loaded = journal.load(MENTORS)
    return _view(journal, journal.resolve(MENTORS, ref, loaded), loaded)


@struct(frozen=True)
class MentorDraft:
    name: str
    org: str | None = None
    expertise: list[str] = field(default_factory=list)
    channel: str | None = None
    contact: str | None = None
    cadence: str | None = None
    flash: bool = False
    interests: list[str] = field(default_factory=list)
    learning_style: str | None = None
    teaching_style: str | None = None
    work_style: str | None = None
    values: str | None = None
    challenges: str | None = None
    private: bool = False


@struct
class Saved:
    view: MentorView
    notes: list[m.MentorMessage] = field(default_factory=list)


def _check_name(name: str) -> None:
    if not name.strip():
        raise UserError(e.NameEmpty())
    if len(name) > 10_000:
        raise UserError(e.NameTooLong(len(name), 10_000))


def add_mentor(journal: Journal, draft: MentorDraft, today: date) -> Saved:
    _check_name(one_line(draft.name))
    mentor = Mentor(
        id=new_id(),
        name=one_line(draft.name),
        kind="flash" if draft.flash else "ongoing",
        created=today,
        org=_clean(draft.org),
        expertise=split_list(draft.expertise),
        channel=parse_channel(draft.channel) if draft.channel else None,
        contact=_clean(draft.contact),
        cadence=parse_cadence(draft.cadence) if draft.cadence else None,
        interests=split_list(draft.interests),
        learning_style=_clean(draft.learning_style),
        teaching_style=_clean(draft.teaching_style),
        work_style=_clean(draft.work_style),
        values=_clean(draft.values),
        challenges=_clean(draft.challenges),
        private=draft.private,
    )
    return _create(journal, mentor)


def _create(journal: Journal, mentor: Mentor) -> Saved:
    notes: list[m.MentorMessage] = []
    with journal.transaction():
        loaded = journal.load(MENTORS)
        twins = [
            s for s in loaded.records if normal(s.record.name) == normal(mentor.name)
        ]
        if twins:
            twin = loaded.short[twins[0].record.id]
            notes.append(m.SameName(twin))
        path = journal.save(MENTORS, mentor)
        loaded = journal.load(MENTORS)
        stored = next(s for s in loaded.records if s.path == path)
        return Saved(_view(journal, stored, loaded), notes)


def _update(journal: Journal, ref: str, change: Any) -> tuple[MentorView, Mentor]:
    """Apply `change(mentor) -> Mentor` under the lock; return the view and the old."""
    with journal.transaction():
        loaded = journal.load(MENTORS)
        stored = journal.resolve(MENTORS, ref, loaded)
        before = stored.record
        updated = change(before)
        journal.save(MENTORS, updated, stored)
        stored.record = updated
        return _view(journal, stored, loaded), before


def end_mentor(journal: Journal, ref: str, today: date) -> MentorView:
    def change(mentor: Mentor) -> Mentor:
        if mentor.status == "ended":
            raise UserError(e.MentorshipEnded(mentor.name, mentor.ended))
        return mentor.model_copy(update={"status": "ended", "ended": today})

    from .sessions import planned, sessions_with

    with journal.transaction():
        view = _update(journal, ref, change)[0]
        for stored in planned(sessions_with(journal, view.mentor.id)):
            journal.save(
                SESSIONS,
                stored.record.model_copy(
                    update={"status": "cancelled", "cancelled_on": today}
                ),
                stored,
            )
    return view


@struct(frozen=True)
class AgreementChanges:
    channel: str | None = None
    cadence: str | None = None
    response_time: str | None = None
    reschedule_notice: str | None = None
    missed_plan: str | None = None
    topics: list[str] = field(default_factory=list)
    off_limits: list[str] = field(default_factory=list)
    criticism: str | None = None
    first_name: bool | None = None
    attribution: str | None = None
    confidentiality: str | None = None
    until: date | None = None

    def as_update(self) -> dict[str, Any]:
        """The parts given, validated and in canonical form."""
        update: dict[str, Any] = {}
        if self.channel is not None:
            update["channel"] = parse_channel(self.channel)
        if self.cadence is not None:
            update["cadence"] = parse_cadence(self.cadence)
        if self.reschedule_notice is not None:
            update["reschedule_notice"] = parse_notice(self.reschedule_notice)
        for part in (
            "response_time",
            "missed_plan",
            "criticism",
            "attribution",
            "confidentiality",
        ):
            value = _clean(getattr(self, part))
            if getattr(self, part) is not None and value is None:
                raise UserError(e.OptionEmpty(PART_OPTIONS[part]))
            if value is not None:
                update[part] = value
        for part in ("topics", "off_limits"):
            items = split_list(getattr(self, part))
            if items:
                update[part] = items
        if self.first_name is not None:
            update["first_name"] = self.first_name
        if self.until is not None:
            update["until"] = self.until
        return update


@struct
class AgreeResult:
    view: MentorView
    changed: list[str]

    @property
    def open_parts(self) -> list[str]:
        return self.view.mentor.agreement.open_parts()


def agree(
    journal: Journal, ref: str, changes: AgreementChanges, today: date
) -> AgreeResult:
    """Record the parts of the agreement given; with none, just report it."""
    update = changes.as_update()
    if not update:
        return AgreeResult(get_mentor(journal, ref), [])

    def change(mentor: Mentor) -> Mentor:
        merged = dict(update)
        for part in ("topics", "off_limits"):
            if part in merged:
                merged[part] = split_list(
                    [*getattr(mentor.agreement, part), *merged[part]]
                )
        agreement = mentor.agreement.model_copy(update={**merged, "agreed_on": today})
        return mentor.model_copy(update={"agreement": agreement})

    view, before = _update(journal, ref, change)
    changed = [
        part
        for part in AGREEMENT_PARTS
        if getattr(before.agreement, part) != getattr(view.mentor.agreement, part)
    ]
    return AgreeResult(view, changed)


# -- flash mentoring ------------------------------------------------------------------
JOB_WORDS = re.compile(
    r"\b(are|is) (you|your team|your company|they) hiring\b|\bhire me\b"
    r"|\b(open|any) (positions?|roles?|openings?|vacanc(y|ies))\b|\bvacanc(y|ies)\b"
    r"|\brefer me\b|\breferral\b|\bput in a good word\b"
    r"|\b(looking for|need|want|give me|get me|offer me) (a |an )?"
    r"(job|position|internship|role)\b"
    r"|\b(job|position|role|internship)s? (at|on|in|with) your\b",
    re.IGNORECASE,
)
ASK_WORDS_MAX = 150


def review_ask(text: str) -> list[m.MentorMessage]:
    """What a good mentor would say about this ask before it is sent."""
    hints: list[m.MentorMessage] = []
    words = len(text.split())
    if words > ASK_WORDS_MAX:
        hints.append(m.AskTooLong(words, ASK_WORDS_MAX))
    questions = text.count("?")
    if questions == 0:
        hints.append(m.NoQuestion())
    elif questions > 3:
        hints.append(m.TooManyQuestions(questions))
    if JOB_WORDS.search(text):
        hints.append(m.ReadsLikeJobRequest())
    return hints


@struct
class AskResult:
    view: MentorView
    hints: list[m.MentorMessage]
    notes: list[m.MentorMessage]


def ask(
    journal: Journal, name: str, ask_text: str, expertise: list[str] | None, today: date
) -> AskResult:
    """Record an outreach to someone new, as a flash contact."""
    name = one_line(name)
    _check_name(name)
    text = ask_text.strip()
    if not text:
        raise UserError(e.AskEmpty())
    mentor = Mentor(
        id=new_id(),
        name=name,
        kind="flash",
        created=today,
        expertise=split_list(expertise),
        ask=text,
        asked_on=today,
    )
    saved = _create(journal, mentor)
    return AskResult(saved.view, review_ask(text), saved.notes)


def answer(
    journal: Journal,
    ref: str,
    reply: Answer,
    on: date | None,
    today: date,
    at: str | None = None,
) -> MentorView:
    """Record the answer to a flash ask; accepted or rescheduled with a date
    plans (or moves) the meeting."""
    from .sessions import move_to, planned, retitle, sessions_with

    if reply == "declined" and on is not None:
        raise UserError(e.OnNotDeclined())
    if on is not None and on < today:
        raise UserError(e.DayPast(on))

    def change(mentor: Mentor) -> Mentor:
        if mentor.ask is None:
            raise UserError(e.NoAskToAnswer(mentor.name, hint("mentors", "ask")))
        meeting = on if reply != "declined" else None
        return mentor.model_copy(
            update={"answer": reply, "answered_on": today, "meeting_on": meeting}
        )

    with journal.transaction():
        view, _ = _update(journal, ref, change)
        mentor = view.mentor
        upcoming = planned(sessions_with(journal, mentor.id))
        if reply == "declined":
            for stored in upcoming:
                journal.save(
                    SESSIONS,
                    stored.record.model_copy(
                        update={"status": "cancelled", "cancelled_on": today}
                    ),
                    stored,
                )
        elif on is not None:
            if upcoming:
                stored = upcoming[0]
                if stored.record.date != on or (at and at != stored.record.time):
                    moved = move_to(stored.record, on, today, None, at)
                    journal.save(
                        SESSIONS,
                        moved,
                        stored,
                        body=retitle(stored.body, stored.record.date, on),
                    )
            else:
                journal.save(
                    SESSIONS,
                    Session(
                        id=new_id(),
                        mentor=mentor.id,
                        mentor_name=one_line(mentor.name),
                        date=on,
                        time=at,
                        created=today,
                    ),
                )
    return view


def promote(journal: Journal, ref: str, today: date) -> MentorView:
    def change(mentor: Mentor) -> Mentor:
        if mentor.kind == "ongoing":
            raise UserError(e.AlreadyOngoing(mentor.name))
        if mentor.status == "ended":
            raise UserError(e.ContactEnded(mentor.name))
        if mentor.answer == "declined":
            raise UserError(
                e.AskDeclined(mentor.name, hint("mentors", "answer", ref, "accepted"))
            )
        return mentor.model_copy(update={"kind": "ongoing", "promoted_on": today})

    return _update(journal, ref, change)[0]
