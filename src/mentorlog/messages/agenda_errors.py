"""Errors of planning a meeting and its agenda (`core/agenda.py`): part of
`messages.errors`, worded in `render/words/agenda_errors.py`."""

from __future__ import annotations

from datetime import date

from mentorlog.hints import Hint

from ._base import Told, message


@message
class NoMentorYet(Told):
    add: Hint


@message
class WhichMentor(Told):
    names: tuple[str, ...]  # the active mentors, sorted


@message
class FirstMeetingWhen(Told):
    mentor: str


@message
class NoNextDate(Told):
    mentor: str
    agree: Hint


@message
class PrepItemEmpty(Told):
    pass


@message
class PrepEnded(Told):
    mentor: str


@message
class PrepDeclined(Told):
    mentor: str
    answer: Hint


@message
class PlanInPast(Told):
    day: date
    recap: Hint


@message
class MeetingPassed(Told):
    mentor: str
    day: date
    recap: Hint
    cancel: Hint


@message
class DayInPast(Told):
    day: date


@message
class MeetingPrivate(Told):
    day: date


@message
class NoMeetingPlanned(Told):
    mentor: str
    prep: Hint


AgendaErrorMessage = (
    NoMentorYet
    | WhichMentor
    | FirstMeetingWhen
    | NoNextDate
    | PrepItemEmpty
    | PrepEnded
    | PrepDeclined
    | PlanInPast
    | MeetingPassed
    | DayInPast
    | MeetingPrivate
    | NoMeetingPlanned
)

__all__ = [
    "AgendaErrorMessage",
    "DayInPast",
    "FirstMeetingWhen",
    "MeetingPassed",
    "MeetingPrivate",
    "NoMeetingPlanned",
    "NoMentorYet",
    "NoNextDate",
    "PlanInPast",
    "PrepDeclined",
    "PrepEnded",
    "PrepItemEmpty",
    "WhichMentor",
]
