"""The vocabulary of the journal, as pydantic models.

Every record keeps the keys it does not know (`extra="allow"`), so a key the
user added by hand, or one a newer release wrote, survives every rewrite.
"""

from __future__ import annotations

import os

# mentorlog uses no pydantic plugins; scanning every installed package for them
# costs start-up time on every command.
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")

from datetime import date, datetime
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    model_validator,
)

SCHEMA_VERSION = 1


def _to_date(value: Any) -> Any:
    """Accept a TOML date or an ISO string; nothing else reads as a date."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            raise ValueError("not a date (use YYYY-MM-DD)") from None
    raise ValueError("not a date (use YYYY-MM-DD)")


Day = Annotated[date, BeforeValidator(_to_date)]
Text = Annotated[str, Field(min_length=1)]


class Model(BaseModel):
    # defer_build: a model's validator is built when first used, so a command
    # pays only for the kinds of record it reads.
    model_config = ConfigDict(extra="allow", strict=False, defer_build=True)


class Record(Model):
    """A record with a stable, collision-free id (see `store.ids`)."""

    id: Annotated[str, Field(pattern=r"^[0-9a-hjkmnp-tv-z]{26}$")]


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
    milestones: list[Milestone] = Field(default_factory=list)

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
    goals_min: int = Field(default=3, ge=0)
    goals_max: int = Field(default=5, ge=1)
    resources_between_sessions: int = Field(default=2, ge=0)
    review_period_days: int = Field(default=90, ge=1)

    @model_validator(mode="after")
    def _min_below_max(self) -> Targets:
        if self.goals_min > self.goals_max:
            raise ValueError("goals_min is above goals_max")
        return self


class Settings(Model):
    schema_version: int = Field(default=SCHEMA_VERSION, ge=1)
    name: str | None = None
    needs: list[str] = Field(default_factory=list)  # areas beyond the goals' own
    targets: Targets = Field(default_factory=Targets)


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
    cadence: str | None = None
    response_time: str | None = None
    reschedule_notice: str | None = None
    missed_plan: str | None = None
    topics: list[str] = Field(default_factory=list)
    off_limits: list[str] = Field(default_factory=list)
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
    name: Annotated[str, Field(min_length=1)]
    kind: MentorKind = "ongoing"
    status: MentorStatus = "active"
    created: Day
    ended: Day | None = None
    org: str | None = None
    expertise: list[str] = Field(default_factory=list)
    channel: Channel | None = None
    contact: str | None = None
    cadence: str | None = None
    interests: list[str] = Field(default_factory=list)
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
    agreement: Agreement = Field(default_factory=Agreement)

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
    moves: list[Move] = Field(default_factory=list)
    topics: list[str] = Field(default_factory=list)
    questions: list[str] = Field(default_factory=list)
    bring: list[str] = Field(default_factory=list)
    feedback_area: str | None = None  # to request at this meeting
    feedback_asked: str | None = None  # requested, as recorded by recap
    takeaways: list[str] = Field(default_factory=list)
    appreciated: bool | None = None
    thanked_on: Day | None = None  # thank-you note sent
    agenda_keys: list[str] = Field(default_factory=list)  # what prep already added


class ActionItem(Record):
    text: Annotated[str, Field(min_length=1)]
    status: ActionStatus = "open"
    created: Day
    due: Day | None = None
    mentor: str | None = None  # mentor id
    goal: str | None = None  # goal id
    session: str | None = None  # the session that produced it
    closed: Day | None = None


class Feedback(Record):
    text: Annotated[str, Field(min_length=1)]
    received: Day
    mentor: str | None = None
    area: str | None = None
    session: str | None = None
    applied: bool = False
    applied_on: Day | None = None
    how: str | None = None  # the evidence that it was applied


class Resource(Record):
    title: Annotated[str, Field(min_length=1)]
    kind: ResourceKind = "other"
    url: str | None = None
    recommended_by: str | None = None  # mentor id
    added: Day
    done: bool = False
    done_on: Day | None = None
    impression: str | None = None
    impression_shared_on: Day | None = None


class LogEntry(Record):
    text: Annotated[str, Field(min_length=1)]
    kind: LogKind
    date: Day
    private: bool = False
    mentor: str | None = None  # for updates: who it went to
