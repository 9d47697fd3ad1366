"""The vocabulary of the journal, as pydantic models.

Every record keeps the keys it does not know (`extra="allow"`), so a key the
user added by hand, or one a newer release wrote, survives every rewrite.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

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
    model_config = ConfigDict(extra="allow", strict=False)


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


class Settings(Model):
    schema_version: int = Field(default=SCHEMA_VERSION, ge=1)
    name: str | None = None
    targets: Targets = Field(default_factory=Targets)
