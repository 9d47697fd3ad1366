"""Errors about what a person typed (dates, times, periods, text), raised
by `dates.py` and `core/common.py`; part of `messages.errors`, worded in
`render/words/errors.py`."""

from __future__ import annotations

from datetime import date, time

from ._base import Told, message

# dates, times and periods a person typed (dates.py); `text` is what they
# typed, made printable and shortened


@message
class TodayNotDate(Told):
    text: str  # MENTORLOG_TODAY


@message
class DateEmpty(Told):
    pass


@message
class DateUnreadable(Told):
    text: str


@message
class DateOutOfRange(Told):
    text: str


@message
class TimeUnreadable(Told):
    text: str


@message
class MinutesDigits(Told):
    text: str
    hour: int


@message
class SecondsDigits(Told):
    text: str
    hour: int


@message
class HalfDayHour(Told):
    text: str  # an hour over 12 with am or pm


@message
class HourRange(Told):
    text: str


@message
class MinuteRange(Told):
    text: str
    hour: int


@message
class TimeHasSeconds(Told):
    text: str
    at: time  # the time without them


@message
class HourAlone(Told):
    hour: int  # "friday at 9": an hour with neither minutes nor am/pm


@message
class TimeWithoutDay(Told):
    text: str
    typed: str  # the time as read, lower case


@message
class TimeSkipped(Told):
    at: time
    day: date
    zone: str | None  # None: this machine's
    start: time  # the clocks go forward from start to end
    end: time


@message
class CadenceUnreadable(Told):
    text: str


@message
class NoticeUnreadable(Told):
    text: str


@message
class DurationUnreadable(Told):
    text: str


@message
class DurationOutOfRange(Told):
    text: str


DateErrorMessage = (
    TodayNotDate
    | DateEmpty
    | DateUnreadable
    | DateOutOfRange
    | TimeUnreadable
    | MinutesDigits
    | SecondsDigits
    | HalfDayHour
    | HourRange
    | MinuteRange
    | TimeHasSeconds
    | TimeWithoutDay
    | HourAlone
    | TimeSkipped
    | CadenceUnreadable
    | NoticeUnreadable
    | DurationUnreadable
    | DurationOutOfRange
)


# text a person typed (core/common.py)


@message
class TextEmpty(Told):
    what: str  # what the text is: action, takeaway, --how evidence


@message
class TextTooLong(Told):
    what: str
    length: int
    most: int


@message
class DueUnreadable(Told):
    shown: str  # due: and what follows, shortened


@message
class DueTwice(Told):
    count: int


TextErrorMessage = TextEmpty | TextTooLong | DueUnreadable | DueTwice

__all__ = [
    "CadenceUnreadable",
    "DateEmpty",
    "DateErrorMessage",
    "DateOutOfRange",
    "DateUnreadable",
    "DueTwice",
    "DueUnreadable",
    "DurationOutOfRange",
    "DurationUnreadable",
    "HalfDayHour",
    "HourAlone",
    "HourRange",
    "MinuteRange",
    "MinutesDigits",
    "NoticeUnreadable",
    "SecondsDigits",
    "TextEmpty",
    "TextErrorMessage",
    "TextTooLong",
    "TimeHasSeconds",
    "TimeSkipped",
    "TimeUnreadable",
    "TimeWithoutDay",
    "TodayNotDate",
]
