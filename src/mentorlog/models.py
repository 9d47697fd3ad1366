"""The vocabulary of the journal: plain classes, one per kind of record.

Reading a journal must be quick, so these are plain Python objects: a command
that reads records the derived cache already holds never imports pydantic. The
annotations are the schema, though. Each class's fields are resolved once, with
`typing.get_type_hints`, into one table (`fields_of`); `mentorlog.schema` builds
its validators (pydantic's engine, `pydantic_core`) from that table, lazily, to
validate every file that is read afresh and every record that is written
(`Model.model_validate`), and the
derived cache (`store.cache`) encodes and decodes rows by it.

Type checkers see every record as the dataclass it behaves like
(`dataclass_transform`): its constructor takes its fields by keyword and
refuses any other. Every record keeps the keys it does not know (`model_extra`,
given only as that explicit keyword), so a key the user added by hand, or one a
newer release wrote, survives every rewrite.
"""

# No `from __future__ import annotations`: the annotations are evaluated when
# each class is made, so resolving them later (`fields_of`) compiles nothing.

import typing
from collections.abc import Callable
from dataclasses import MISSING, Field, field
from datetime import date
from types import NoneType, UnionType
from typing import (
    TYPE_CHECKING,
    Annotated,
    Any,
    ClassVar,
    Literal,
    Self,
    dataclass_transform,
)

from mentorlog._struct import struct

SCHEMA_VERSION = 1


class Rule:
    """A check beyond the Python type, carried in an `Annotated` alias below.
    `mentorlog.schema.CHECKS` says what each alias means when checked."""

    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        self.name = name

    def __repr__(self) -> str:
        return f"Rule({self.name!r})"


# What the schema checks, beyond the Python type (see `mentorlog.schema`). Every
# value with a vocabulary or a format is checked when its file is read, by the
# rule the core uses the value by, so a bad value is a problem of its file.
# A type checker reads each alias as its plain type.
Day = Annotated[date, Rule("Day")]  # a TOML date or "YYYY-MM-DD", 1900 to 2999
Text = Annotated[str, Rule("Text")]  # text, not empty
Id = Annotated[str, Rule("Id")]  # a mentorlog id (see `store.ids`)
Count = Annotated[int, Rule("Count")]  # a whole number, 0 to 1000
Target = Annotated[int, Rule("Target")]  # a whole number, 1 to 1000
Positive = Annotated[int, Rule("Positive")]  # a whole number, 1 or more
Period = Annotated[int, Rule("Period")]  # a number of days, 1 to 3650
# weekly, biweekly, monthly, 10d, 3w, 2m... (`dates.parse_cadence`)
Cadence = Annotated[str, Rule("Cadence")]
Notice = Annotated[str, Rule("Notice")]  # 48h, 2d, 1 week (`dates.parse_notice`)
Clock = Annotated[str, Rule("Clock")]  # a time of day, "HH:MM" (00:00 to 23:59)
Minutes = Annotated[int, Rule("Minutes")]  # a meeting's length, 1 to 1440 minutes
# an IANA time zone name ("Europe/Paris"), as `zoneinfo` knows it
TimeZone = Annotated[str, Rule("TimeZone")]

# How the derived cache holds a field's value in a row: as it is (text,
# numbers, flags, lists of those), a date as ISO text, a nested record as its
# own row, a list of nested records as a list of rows.
Form = Literal["plain", "date", "record", "records"]
REQUIRED: Any = MISSING


@struct(frozen=True)
class FieldSpec:
    """One declared field of a record, resolved from its annotation."""

    name: str
    type: Any  # as `get_type_hints(include_extras=True)` gives it
    default: Any  # REQUIRED when the field has none
    factory: Callable[[], Any] | None  # makes the default afresh for each record
    nullable: bool  # None is a value of the type
    form: Form
    record: "type[Model] | None"  # the nested record's class ("record", "records")


def fields_of(cls: "type[Model]") -> tuple[FieldSpec, ...]:
    """The declared fields of `cls`, in order, resolved the first time they are
    asked for and kept on the class."""
    table: tuple[FieldSpec, ...] | None = cls.__dict__.get("_field_table")
    if table is None:
        table = _resolve(cls)
        type.__setattr__(cls, "_field_table", table)
    return table


def _resolve(cls: "type[Model]") -> tuple[FieldSpec, ...]:
    table = []
    for name, hint in typing.get_type_hints(cls, include_extras=True).items():
        if typing.get_origin(hint) is ClassVar:
            continue
        # The class attribute is only the default: an instance always carries
        # its own value of every field.
        default = getattr(cls, name, REQUIRED)
        factory: Callable[[], Any] | None = None
        if isinstance(default, Field):
            made = default.default_factory
            factory = None if made is MISSING else made
            default = default.default
        known = _forms.get(hint)
        if known is None:
            known = _forms[hint] = _form_of(hint)
        nullable, form, record = known
        if form is None:
            raise TypeError(f"{cls.__name__}.{name}: a record cannot hold {hint!r}")
        table.append(FieldSpec(name, hint, default, factory, nullable, form, record))
    return tuple(table)


def _bare(hint: Any) -> Any:
    """The type an `Annotated` alias stands for."""
    while typing.get_origin(hint) is Annotated:
        hint = typing.get_args(hint)[0]
    return hint


def _is_record(hint: Any) -> bool:
    return isinstance(hint, type) and issubclass(hint, Model)


PLAIN = (str, int, bool, float)


def _is_plain(hint: Any) -> bool:
    """Text, numbers and flags, one of a fixed set of them (`Literal`), or lists
    of those: what JSON holds as it is."""
    hint = _bare(hint)
    origin = typing.get_origin(hint)
    if origin is Literal:
        return all(type(value) in PLAIN for value in typing.get_args(hint))
    if origin is list:
        return _is_plain(typing.get_args(hint)[0])
    if origin is typing.Union or origin is UnionType:
        return all(_is_plain(arg) for arg in typing.get_args(hint))
    return hint in PLAIN


# The same types recur in many fields (`str | None`, `Day | None`): each is
# looked at once.
_forms: dict[Any, tuple[bool, Form | None, "type[Model] | None"]] = {}


def _form_of(hint: Any) -> tuple[bool, Form | None, "type[Model] | None"]:
    """Whether None is allowed, and how a value of the rest is held, decided by
    the resolved type: `Day | None`, `None | Day` and `Optional[Day]` alike."""
    hint = _bare(hint)
    nullable = False
    origin = typing.get_origin(hint)
    if origin is typing.Union or origin is UnionType:
        members = [arg for arg in typing.get_args(hint) if arg is not NoneType]
        nullable = len(members) < len(typing.get_args(hint))
        if len(members) > 1:
            return nullable, "plain" if _is_plain(hint) else None, None
        hint = _bare(members[0])
        origin = typing.get_origin(hint)
    if hint is date:
        return nullable, "date", None
    if _is_record(hint):
        return nullable, "record", hint
    if origin is list:
        item = _bare(typing.get_args(hint)[0])
        if _is_record(item):
            return nullable, "records", item
    return nullable, "plain" if _is_plain(hint) else None, None


@dataclass_transform(kw_only_default=True, field_specifiers=(field, Field))
class _RecordType(type):
    """The class of every record class: type checkers see each one as a
    dataclass whose constructor takes its fields by keyword."""

    @property
    def model_fields(cls) -> tuple[str, ...]:
        """The declared fields' names, in order."""
        names: tuple[str, ...] | None = cls.__dict__.get("_field_names")
        if names is None:
            names = tuple(spec.name for spec in fields_of(cls))  # type: ignore[arg-type]
            type.__setattr__(cls, "_field_names", names)
        return names


class Model(metaclass=_RecordType):
    """A record: its declared fields, in order, and the keys it did not declare.

    Construction does not validate (the core builds records from checked input);
    `model_validate` does, through `pydantic_core`, for data read from files. It does
    refuse a keyword that names no field: the keys a file holds beyond its
    fields arrive only as the explicit `model_extra=`.
    """

    if TYPE_CHECKING:
        model_extra: dict[str, Any] = field(default_factory=dict)

    def __init__(self, **values: Any) -> None:
        attributes = self.__dict__
        for spec in fields_of(type(self)):
            name = spec.name
            if name in values:
                attributes[name] = values.pop(name)
            elif spec.factory is not None:
                attributes[name] = spec.factory()
            elif spec.default is not REQUIRED:
                attributes[name] = spec.default
            else:
                raise TypeError(f"{type(self).__name__}: {name} is required")
        extra = values.pop("model_extra", None)
        if values:
            raise TypeError(
                f"{type(self).__name__}: unexpected keyword {next(iter(values))!r}"
                " (keys beyond the fields go in model_extra=)"
            )
        attributes["model_extra"] = {} if extra is None else dict(extra)

    @classmethod
    def model_validate(cls, data: Any) -> Self:
        """`data` (as read from a file) checked and converted; raises
        `pydantic_core.ValidationError` (which pydantic re-exports)."""
        from mentorlog import schema

        return schema.validate(cls, data)

    def model_copy(self, *, update: dict[str, Any] | None = None) -> Self:
        """A shallow copy with some fields changed (not validated). A name that
        is not a field is refused, as the constructor refuses it."""
        copy = object.__new__(type(self))
        copy.__dict__.update(self.__dict__)
        if update:
            unknown = update.keys() - self.__dict__.keys()
            if unknown:
                raise TypeError(
                    f"{type(self).__name__}: no field {min(unknown)!r} to update"
                )
            copy.__dict__.update(update)
        return copy

    def declared(self) -> dict[str, Any]:
        return {name: self.__dict__[name] for name in type(self).model_fields}

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return self.__dict__ == other.__dict__

    # Mutable, so not hashable (as pydantic models are not).
    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        values = self.__dict__
        shown = ", ".join(
            f"{name}={values[name]!r}" for name in type(self).model_fields
        )
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
    private: bool = False  # never shared (SPEC §9)


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
    private: bool = False
    milestones: list[Milestone] = field(default_factory=list)

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


class CalendarSettings(Model):
    """How meetings go into a calendar (`export --format ics`)."""

    duration: Minutes = 60  # minutes, for a meeting with no length of its own
    reminder: Count = 15  # minutes before a timed meeting; 0: no reminder


class Settings(Model):
    schema_version: Positive = SCHEMA_VERSION
    name: str | None = None
    timezone: TimeZone | None = None  # None: the system's
    needs: list[str] = field(default_factory=list)  # areas beyond the goals' own
    targets: Targets = field(default_factory=Targets)
    calendar: CalendarSettings = field(default_factory=CalendarSettings)


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
    topics: list[str] = field(default_factory=list)
    off_limits: list[str] = field(default_factory=list)
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
    expertise: list[str] = field(default_factory=list)
    channel: Channel | None = None
    contact: str | None = None
    cadence: Cadence | None = None
    interests: list[str] = field(default_factory=list)
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
    private: bool = False  # the mentor's notes are never shared
    agreement: Agreement = field(default_factory=Agreement)

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
# the outputs of `report --format` and `export --format`
ReportFormat = Literal["md", "json"]
ExportFormat = Literal["json", "md", "ics"]


class Move(Model):
    """A meeting moved: from when to when, on which day, and whether it was
    moved inside the agreed notice (then the mentor should be told)."""

    from_date: Day
    to: Day
    on: Day
    late: bool = False
    announced_on: Day | None = None


class AgendaLine(Model):
    """A line `prep` wrote into an agenda: for which item, under which part,
    and a digest of its text (the text itself is in the agenda only). A later
    prep replaces it while it is unchanged, and leaves it alone once the user
    edited or removed it."""

    key: Text
    section: Text
    digest: Text
    # the length of the line as written: a line that starts with it, followed
    # by text the user added, is prep's line with the user's note after it
    length: Positive | None = None


class Session(Record):
    mentor: str  # the mentor's id
    mentor_name: str  # as it was when the session was made; names the file
    date: Day
    time: Clock | None = None  # the time of day, local; None: the day only
    minutes: Minutes | None = None  # how long; None: the settings' default
    status: SessionStatus = "planned"
    created: Day
    agenda_on: Day | None = None  # first prepared
    held_on: Day | None = None
    cancelled_on: Day | None = None
    cancelled_late: bool = False  # inside the agreed notice: tell the mentor
    cancel_announced_on: Day | None = None
    moves: list[Move] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    questions: list[str] = field(default_factory=list)
    bring: list[str] = field(default_factory=list)
    feedback_area: str | None = None  # to request at this meeting
    feedback_asked: str | None = None  # requested, as recorded by recap
    takeaways: list[str] = field(default_factory=list)
    appreciated: bool | None = None
    thanked_on: Day | None = None  # thank-you note sent
    agenda_keys: list[str] = field(default_factory=list)  # what prep already added
    agenda_lines: list[AgendaLine] = field(default_factory=list)  # as last written
    answered: list[str] = field(default_factory=list)  # questions answered here
    cancel_reason: str | None = None
    private: bool = False  # a private meeting is in no share
    calendar_uid: str | None = None  # the UID of the event `import` planned it from


class ActionItem(Record):
    text: Text
    status: ActionStatus = "open"
    created: Day
    due: Day | None = None
    mentor: str | None = None  # mentor id
    goal: str | None = None  # goal id
    session: str | None = None  # the session that produced it
    closed: Day | None = None
    private: bool = False


class Feedback(Record):
    text: Text
    received: Day
    mentor: str | None = None
    area: str | None = None
    session: str | None = None
    applied: bool = False
    applied_on: Day | None = None
    how: str | None = None  # the evidence that it was applied
    private: bool = False


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
    private: bool = False


class LogEntry(Record):
    text: Text
    kind: LogKind
    date: Day
    private: bool = False
    mentor: str | None = None  # for updates: who it went to
