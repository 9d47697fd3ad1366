"""The SMART coach and notes on goals (`core/smart.py`, `core/goals.py`)."""

from __future__ import annotations

from datetime import date

from mentorlog.hints import Hint

from ._base import Told, message

# the SMART coach (core/smart.py): what a goal is missing, and the portfolio


@message
class NotEnglish(Told):
    pass


@message
class VagueSpecific(Told):
    pass


@message
class TopicNotGoal(Told):
    topic: str


@message
class ComparisonNotResult(Told):
    phrase: str


@message
class CouldBeAnything(Told):
    phrase: str


@message
class DirectionNotResult(Told):
    verb: str  # "" when the direction is a phrase
    phrase: str


@message
class NotMeasurable(Told):
    edit: Hint
    in_head: str | None = None  # the phrase that happens in your head


@message
class NotAchievable(Told):
    edit: Hint


@message
class NotRelevant(Told):
    edit: Hint


@message
class NoMilestone(Told):
    add: Hint


@message
class EventNotDate(Told):
    phrase: str
    edit: Hint


@message
class NoTargetDate(Told):
    edit: Hint


@message
class TargetPassed(Told):
    target: date
    days: int
    edit: Hint


@message
class MilestoneAfterTarget(Told):
    milestone: str
    due: date
    target: date
    move: Hint
    goal: str  # the goal's ref


@message
class Portfolio(Told):
    active: int
    dated: int
    complete: int
    low: int
    high: int


SmartMessage = (
    NotEnglish
    | VagueSpecific
    | TopicNotGoal
    | ComparisonNotResult
    | CouldBeAnything
    | DirectionNotResult
    | NotMeasurable
    | NotAchievable
    | NotRelevant
    | NoMilestone
    | EventNotDate
    | NoTargetDate
    | TargetPassed
    | MilestoneAfterTarget
    | Portfolio
)


# goals (core/goals.py): notes on an added or edited goal


@message
class TargetFromTitle(Told):
    target: date


@message
class TargetPast(Told):
    target: date


@message
class SameTitle(Told):
    twin: str  # the other goal's ref


GoalMessage = TargetFromTitle | TargetPast | SameTitle
