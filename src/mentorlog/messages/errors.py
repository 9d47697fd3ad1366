"""Errors the core and the store raise (`MentorlogError` carries one): the
facts of what is wrong; `render/error_words.py` writes them."""

from __future__ import annotations

from datetime import date

from mentorlog.hints import Hint

from ._base import Told, message

# goals and their milestones (core/goals.py)


@message
class TitleEmpty(Told):
    pass


@message
class TitleTooLong(Told):
    length: int
    most: int


@message
class OptionEmpty(Told):
    flag: str  # the option, without its dashes


@message
class NothingToChange(Told):
    pass


@message
class GoalAlready(Told):
    goal: str  # its title
    status: str
    since: date | None


@message
class MilestoneTitleEmpty(Told):
    pass


@message
class MilestoneTitleTooLong(Told):
    most: int


@message
class GoalNotActive(Told):
    goal: str
    status: str


@message
class MilestoneExists(Told):
    goal: str
    milestone: str
    edit: Hint | None  # the command that changes it


@message
class RemoveAlone(Told):
    pass


@message
class SayMilestoneChange(Told):
    pass


@message
class SayWhichMilestone(Told):
    pass


@message
class NoMilestones(Told):
    goal: str


@message
class MilestonesMatch(Told):
    which: str
    found: tuple[tuple[int, str], ...]  # each milestone's number and title


@message
class MilestoneOutOfRange(Told):
    goal: str
    count: int
    number: str


@message
class NoMilestoneMatching(Told):
    goal: str
    which: str


@message
class MilestoneDone(Told):
    milestone: str
    on: date | None


GoalError = (
    TitleEmpty
    | TitleTooLong
    | OptionEmpty
    | NothingToChange
    | GoalAlready
    | MilestoneTitleEmpty
    | MilestoneTitleTooLong
    | GoalNotActive
    | MilestoneExists
    | RemoveAlone
    | SayMilestoneChange
    | SayWhichMilestone
    | NoMilestones
    | MilestonesMatch
    | MilestoneOutOfRange
    | NoMilestoneMatching
    | MilestoneDone
)

ErrorMessage = GoalError
