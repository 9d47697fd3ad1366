"""The vocabulary of the journal: plain classes, one per kind of record.

Reading a journal must be quick, so these are plain Python objects: a command
that reads records the derived cache already holds never imports pydantic. The
annotations are the schema, though: `mentorlog.schema` turns them into pydantic
models, lazily, to validate every file that is read afresh and every record
that is written (`Model.model_validate`).

Every record keeps the keys it does not know (`model_extra`), so a key the user
added by hand, or one a newer release wrote, survives every rewrite.
"""

from __future__ import annotations

import inspect
from datetime import date
from typing import Any, ClassVar, Literal

SCHEMA_VERSION = 1

# What the schema checks, beyond the Python type (see `mentorlog.schema`). Every
# value with a vocabulary or a format is checked when its file is read, by the
# rule the core uses the value by, so a bad value is a problem of its file.
Day = date  # a TOML date or an ISO "YYYY-MM-DD" string, 1900 to 2999 (`dates`)
Text = str  # text, not empty
Id = str  # a mentorlog id (see `store.ids`)
Count = int  # a whole number, 0 to 1000
Target = int  # a whole number, 1 to 1000
Positive = int  # a whole number, 1 or more
Period = int  # a number of days, 1 to 3650 (ten years)
Cadence = str  # weekly, biweekly, monthly, 10d, 3w, 2m... (`dates.parse_cadence`)
Notice = str  # a notice period: 48h, 2d, 1 week (`dates.parse_notice`)


class new:  # reads as a default: `topics: list[str] = new(list)`
    """A default made fresh for each record (a list, a nested table)."""

    __slots__ = ("make",)

    def __init__(self, make: Any) -> None:
        self.make = make


_MISSING: Any = object()


class Model:
    """A record: its declared fields, in order, and the keys it did not declare.

    Construction does not validate (the core builds records from checked input);
    `model_validate` does, through pydantic, for data read from files.
    """

    model_fields: ClassVar[tuple[str, ...]] = ()
    _defaults: ClassVar[dict[str, Any]] = {}
    _annotations: ClassVar[dict[str, str]] = {}

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        own = {
            name: annotation
            for name, annotation in inspect.get_annotations(cls).items()
            if not str(annotation).startswith("ClassVar")
        }
        cls._annotations = {**cls._annotations, **own}
        cls.model_fields = tuple(cls._annotations)
        defaults = dict(cls._defaults)
        for name in own:
            if name in cls.__dict__:
                defaults[name] = cls.__dict__[name]
                delattr(cls, name)  # the instance always carries its own value
        cls._defaults = defaults

    def __init__(self, **values: Any) -> None:
        attributes = self.__dict__
        defaults = self._defaults
        for name in self.model_fields:
            if name in values:
                attributes[name] = values.pop(name)
                continue
            default = defaults.get(name, _MISSING)
            if default is _MISSING:
                raise TypeError(f"{type(self).__name__}: {name} is required")
            attributes[name] = default.make() if type(default) is new else default
        attributes["model_extra"] = values

    @classmethod
    def model_validate(cls, data: Any) -> Any:
        """`data` (as read from a file) checked and converted; raises pydantic's
        `ValidationError`."""
        from mentorlog import schema

        return schema.validate(cls, data)

    def model_copy(self, *, update: dict[str, Any] | None = None) -> Any:
        """A shallow copy with some fields changed (not validated)."""
        copy = object.__new__(type(self))
        copy.__dict__.update(self.__dict__)
        if update:
            copy.__dict__.update(update)
        return copy

    def declared(self) -> dict[str, Any]:
        return {name: self.__dict__[name] for name in self.model_fields}

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return self.__dict__ == other.__dict__

    __hash__ = None  # type: ignore[assignment]  (mutable, like pydantic models)

    def __repr__(self) -> str:
        values = self.__dict__
        shown = ", ".join(f"{name}={values[name]!r}" for name in self.model_fields)
        return f"{type(self).__name__}({shown})"


class Record(Model):
    """A record with a stable, collision-free id (see `store.ids`)."""

    id: Id


GoalStatus = Literal["active", "done", "dropped"]
SMART_PARTS = ("specific", "measurable", "achievable", "relevant", "time-bound")


class Milestone(Model):
    title: Text
    due: Day | None = None
    done: bool = False
    done_on: Day | None = None


class Goal(Record):
    title: Text
    status: GoalStatus = "active"
    created: Day
    target: Day | None = None
    closed: Day | None = None
    area: str | None = None
    mentor: str | None = None
    specific: str | None = None
    measurable: str | None = None
    achievable: str | None = None
    relevant: str | None = None
    milestones: list[Milestone] = new(list)

    @property
    def progress(self) -> float:
        if not self.milestones:
            return 1.0 if self.status == "done" else 0.0
        return sum(m.done for m in self.milestones) / len(self.milestones)

    def next_milestone(self) -> Milestone | None:
        pending = [m for m in self.milestones if not m.done]
        dated = sorted((m for m in pending if m.due), key=lambda m: m.due or date.max)
        return dated[0] if dated else (pending[0] if pending else None)


class Targets(Model):
    goals_min: Count = 3
    goals_max: Target = 5
    resources_between_sessions: Count = 2
    review_period_days: Period = 90

    def check(self) -> None:
        if self.goals_min > self.goals_max:
            raise ValueError("goals_min is above goals_max")


class Settings(Model):
    schema_version: Positive = SCHEMA_VERSION
    name: str | None = None
    needs: list[str] = new(list)  # areas beyond the goals' own
    targets: Targets = new(Targets)


Channel = Literal["email", "text", "phone", "video", "in-person"]
MentorKind = Literal["ongoing", "flash"]
MentorStatus = Literal["active", "ended"]
Answer = Literal["accepted", "declined", "rescheduled"]

AGREEMENT_PARTS = (
    "channel",
    "cadence",
    "response_time",
    "reschedule_notice",
    "missed_plan",
    "topics",
    "off_limits",
    "criticism",
    "first_name",
    "attribution",
    "confidentiality",
    "until",
)


class Agreement(Model):
    """What mentee and mentor agreed on (SPEC §1 item 2)."""

    channel: Channel | None = None
    cadence: Cadence | None = None
    response_time: str | None = None
    reschedule_notice: Notice | None = None
    missed_plan: str | None = None
    topics: list[str] = new(list)
    off_limits: list[str] = new(list)
    criticism: str | None = None
    first_name: bool | None = None
    attribution: str | None = None
    confidentiality: str | None = None
    until: Day | None = None
    agreed_on: Day | None = None

    def open_parts(self) -> list[str]:
        """The parts not agreed yet."""
        return [
            part
            for part in AGREEMENT_PARTS
            if getattr(self, part) is None or getattr(self, part) == []
        ]


class Mentor(Record):
    name: Text
    kind: MentorKind = "ongoing"
    status: MentorStatus = "active"
    created: Day
    ended: Day | None = None
    org: str | None = None
    expertise: list[str] = new(list)
    channel: Channel | None = None
    contact: str | None = None
    cadence: Cadence | None = None
    interests: list[str] = new(list)
    learning_style: str | None = None
    teaching_style: str | None = None
    work_style: str | None = None
    values: str | None = None
    challenges: str | None = None
    # Flash mentoring: the outreach and its answer.
    ask: str | None = None
    asked_on: Day | None = None
    answer: Answer | None = None
    answered_on: Day | None = None
    meeting_on: Day | None = None
    promoted_on: Day | None = None
    reviewed_on: Day | None = None  # last review of how the mentorship works
    feedback_given_on: Day | None = None  # last feedback given to the mentor
    agreement: Agreement = new(Agreement)

    @property
    def effective_cadence(self) -> str | None:
        return self.agreement.cadence or self.cadence

    @property
    def effective_channel(self) -> str | None:
        return self.agreement.channel or self.channel

    @property
    def available(self) -> bool:
        """Someone to learn from now: active, and for a flash contact, who said yes."""
        if self.status != "active":
            return False
        return self.kind == "ongoing" or self.answer in ("accepted", "rescheduled")


SessionStatus = Literal["planned", "held", "cancelled"]
ActionStatus = Literal["open", "done", "dropped"]
ResourceKind = Literal[
    "book", "article", "course", "workshop", "event", "video", "other"
]
LogKind = Literal["win", "challenge", "update"]


class Move(Model):
    """A meeting moved: from when to when, on which day, and whether it was
    moved inside the agreed notice (then the mentor should be told)."""

    from_date: Day
    to: Day
    on: Day
    late: bool = False
    announced_on: Day | None = None


class Session(Record):
    mentor: str  # the mentor's id
    mentor_name: str  # as it was when the session was made; names the file
    date: Day
    status: SessionStatus = "planned"
    created: Day
    agenda_on: Day | None = None  # first prepared
    held_on: Day | None = None
    cancelled_on: Day | None = None
    cancelled_late: bool = False  # inside the agreed notice: tell the mentor
    cancel_announced_on: Day | None = None
    moves: list[Move] = new(list)
    topics: list[str] = new(list)
    questions: list[str] = new(list)
    bring: list[str] = new(list)
    feedback_area: str | None = None  # to request at this meeting
    feedback_asked: str | None = None  # requested, as recorded by recap
    takeaways: list[str] = new(list)
    appreciated: bool | None = None
    thanked_on: Day | None = None  # thank-you note sent
    agenda_keys: list[str] = new(list)  # what prep already added


class ActionItem(Record):
    text: Text
    status: ActionStatus = "open"
    created: Day
    due: Day | None = None
    mentor: str | None = None  # mentor id
    goal: str | None = None  # goal id
    session: str | None = None  # the session that produced it
    closed: Day | None = None


class Feedback(Record):
    text: Text
    received: Day
    mentor: str | None = None
    area: str | None = None
    session: str | None = None
    applied: bool = False
    applied_on: Day | None = None
    how: str | None = None  # the evidence that it was applied


class Resource(Record):
    title: Text
    kind: ResourceKind = "other"
    url: str | None = None
    recommended_by: str | None = None  # mentor id
    added: Day
    done: bool = False
    done_on: Day | None = None
    impression: str | None = None
    impression_shared_on: Day | None = None


class LogEntry(Record):
    text: Text
    kind: LogKind
    date: Day
    private: bool = False
    mentor: str | None = None  # for updates: who it went to
