"""Reading the dates people type, and the one place that knows "today".

Accepted forms (case ignored), all relative to today. Every field has a
direction: FORWARD for dates ahead (a due date, a target, `--until`, a meeting
date, a move) and BACKWARD for dates behind (`--since`, a log entry's date, a
meeting already held). The direction decides only the phrases that leave it
open: a weekday name alone and a day and month without a year.

    2026-12-01                ISO date
    today, tomorrow, yesterday
    friday, fri, this friday  forward: the coming Friday (today on a Friday);
                              backward: the last Friday (today on a Friday)
    next friday               the Friday of next week (Monday to Sunday), in
                              either direction: on a Monday, 11 days ahead
    last friday               the last Friday before today
    in 2 weeks, in 3 days, in 1 month, in a year
    2 weeks ago
    +3d, +2w, +1m, +1y, -3d   offsets in days, weeks, months, years
    eow, eom, eoy             end of this week (Sunday), month, year
    dec 1, 1 december, dec 1 2027, december 1st, 2027
                              without a year: forward, the next such day from
                              today on ("may 31" said in November is next
                              May); backward, the last such day up to today

Meeting fields also take a time of day after the date, or before it
(`parse_when`): `fri 15:00`, `2026-12-03 15:30`, `2026-12-03T15:30`,
`tomorrow 9am`, `friday at 2:30pm`, `3pm tomorrow`. A time reads as `15:00`,
`9:30`, `15.30`, `15h`, `09h00`, `15:00:00`, `3pm`, `3:30 pm`, `3 p.m.`,
`noon`, `midday` or `midnight` (00:00, the start of the day); anything that
looks like a time but is not one (`9:5`, `25:00`, `12:60`, `13pm`) is refused
saying why (`parse_time`). A time the clocks skip in the journal's time zone
is refused; one they repeat means the first of the two (`check_local_time`).

`MENTORLOG_TODAY=YYYY-MM-DD` pins today for scripts, demos and tests.
"""

from __future__ import annotations

import os
import re
import unicodedata
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import Literal

from mentorlog.errors import DateError
from mentorlog.messages import errors as e


def _typed(text: str) -> str:
    """`text` as typed, in one form: NFKC (an input method's full-width
    `１５：３０` is `15:30`), lower case, single spaces."""
    return " ".join(unicodedata.normalize("NFKC", text).strip().lower().split())


WEEKDAYS = {
    "monday": 0,
    "mon": 0,
    "tuesday": 1,
    "tue": 1,
    "tues": 1,
    "wednesday": 2,
    "wed": 2,
    "thursday": 3,
    "thu": 3,
    "thur": 3,
    "thurs": 3,
    "friday": 4,
    "fri": 4,
    "saturday": 5,
    "sat": 5,
    "sunday": 6,
    "sun": 6,
}
MONTHS = (
    "jan",
    "feb",
    "mar",
    "apr",
    "may",
    "jun",
    "jul",
    "aug",
    "sep",
    "oct",
    "nov",
    "dec",
)
NUMBER_WORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
}
UNITS = {
    "d": "days",
    "day": "days",
    "days": "days",
    "w": "weeks",
    "wk": "weeks",
    "week": "weeks",
    "weeks": "weeks",
    "m": "months",
    "mo": "months",
    "month": "months",
    "months": "months",
    "y": "years",
    "yr": "years",
    "year": "years",
    "years": "years",
}

_OFFSET = re.compile(r"^([+-])\s*(\d{1,4})\s*([a-z]+)$")
_IN = re.compile(r"^in\s+(\d{1,4}|[a-z]+)\s+([a-z]+)$")
_AGO = re.compile(r"^(\d{1,4}|[a-z]+)\s+([a-z]+)\s+ago$")
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")

Direction = Literal["forward", "backward"]
FORWARD: Direction = "forward"
BACKWARD: Direction = "backward"


def today() -> date:
    """Today, unless `MENTORLOG_TODAY` pins it."""
    pinned = os.environ.get("MENTORLOG_TODAY")
    if pinned:
        try:
            day = date.fromisoformat(pinned.strip())
        except ValueError:
            day = None
        if day is None or not in_range(day):
            raise DateError(e.TodayNotDate(_quote(pinned)))
        return day
    return date.today()


# The dates a journal holds: far enough either way for any real plan, near enough
# that date arithmetic on them (a cadence, a review period) never overflows. The
# schema checks every date read from a file against the same range.
EARLIEST = date(1900, 1, 1)
LATEST = date(2999, 12, 31)
DATE_RANGE = "between 1900-01-01 and 2999-12-31"


def in_range(day: date) -> bool:
    return EARLIEST <= day <= LATEST


def shift(start: date, amount: int, unit: str) -> date:
    """`start` moved by `amount` days, weeks, months or years."""
    if unit == "days":
        return start + timedelta(days=amount)
    if unit == "weeks":
        return start + timedelta(weeks=amount)
    from dateutil.relativedelta import relativedelta

    if unit == "months":
        return start + relativedelta(months=amount)
    return start + relativedelta(years=amount)


def parse_date(
    text: str, *, base: date | None = None, direction: Direction = FORWARD
) -> date:
    """Read a date a person typed; raise `DateError` quoting it if we cannot.
    `direction` settles a weekday name alone and a day and month without a
    year: the next one from `base` on (FORWARD), or the last one up to it."""
    ref = base or today()
    cleaned = _typed(text)
    if not cleaned:
        raise DateError(e.DateEmpty())
    try:
        found = _parse(cleaned, ref, direction)
    except (ValueError, OverflowError):
        found = None
    if found is None:
        raise DateError(e.DateUnreadable(_quote(text)))
    if not in_range(found):
        raise DateError(e.DateOutOfRange(_quote(text)))
    return found


# A time of day as people type it: 15:00, 9:30, 15.30, 15h, 09h00, 15:00:00,
# 3pm, 3:30 pm, 3 p.m., noon, 12 noon, midnight. What looks like one (digits with a
# `:`, `.`, `h` or an am/pm) is read strictly, or refused saying why.
_TIMEISH = (
    r"(?:12 )?(?:noon|midnight)|midday"
    r"|\d{1,2}(?:[:.]\d{1,2}(?::\d{1,2})?|h(?:\d{1,2})?)?\s*(?:am|pm|a\.m\.?|p\.m\.?)?"
)
_TIME_PARTS = re.compile(
    r"^(?P<hour>\d{1,2})(?:(?P<sep>[:.h])(?P<minute>\d{0,2})"
    r"(?::(?P<second>\d{1,2}))?)?\s*(?P<half>am|pm|a\.m\.?|p\.m\.?)?$"
)
_NAMED_TIMES = {
    "noon": time(12, 0),
    "12 noon": time(12, 0),
    "midday": time(12, 0),
    "midnight": time(0, 0),
    "12 midnight": time(0, 0),
}
# "friday at 9": an hour alone, which the day of the month or 9 in the evening
# could be; refused saying how to write it
_AT_HOUR = re.compile(r"^(?P<rest>.+?),?\s+at\s+(?P<hour>\d{1,2})$")
_TIME_LAST = re.compile(
    rf"^(?P<rest>.+?)(?:,?\s+at\s+|,\s*|\s+|(?<=\d)t)(?P<time>{_TIMEISH})$"
)
_TIME_FIRST = re.compile(rf"^(?P<time>{_TIMEISH})(?:\s+on\s+|,\s*|\s+)(?P<rest>.+)$")
TIME_HELP = "15:00, 9:30, 15.30, 15h, 3pm, 3:30 pm, noon or midnight"


def _is_time(text: str) -> bool:
    """Whether `text` is meant as a time of day: a named one, or digits with a
    separator or an am/pm (a bare `15` may be a day of the month)."""
    if text in _NAMED_TIMES:
        return True
    match = _TIME_PARTS.match(text)
    return bool(match and (match.group("sep") or match.group("half")))


def parse_time(text: str) -> time:
    """A time of day a person typed (see `TIME_HELP`); `DateError` saying what
    is wrong with it and how to write it."""
    cleaned = _typed(text)
    if cleaned in _NAMED_TIMES:
        return _NAMED_TIMES[cleaned]
    match = _TIME_PARTS.match(cleaned)
    said = _quote(text.strip())
    if not match or not (match.group("sep") or match.group("half")):
        raise DateError(e.TimeUnreadable(said))
    hour = int(match.group("hour"))
    sep, half = match.group("sep"), (match.group("half") or "").replace(".", "")
    minute_text = match.group("minute") or ""
    second_text = match.group("second")
    if (sep in (":", ".") and len(minute_text) < 2) or len(minute_text) == 1:
        raise DateError(e.MinutesDigits(said, hour))
    if second_text is not None and len(second_text) < 2:
        raise DateError(e.SecondsDigits(said, hour))
    minute = int(minute_text or 0)
    if half and not 1 <= hour <= 12:
        raise DateError(e.HalfDayHour(said))
    if half:
        hour = hour % 12 + (12 if half == "pm" else 0)
    if hour > 23:
        raise DateError(e.HourRange(said))
    if minute > 59:
        raise DateError(e.MinuteRange(said, hour))
    if second_text is not None and int(second_text) != 0:
        raise DateError(e.TimeHasSeconds(said, time(hour, minute)))
    return time(hour, minute)


def parse_when(
    text: str, *, base: date | None = None, direction: Direction = FORWARD
) -> tuple[date, time | None]:
    """A meeting's date and, if given, its time of day, after the date or
    before it: `fri 15:00`, `2026-12-03 15:30`, `tomorrow 9am`, `friday at
    noon`, `3pm tomorrow`. Without a time, the time is None."""
    cleaned = _typed(text)
    if _is_time(cleaned):
        parse_time(cleaned)  # a time that is none says so first
        raise DateError(e.TimeWithoutDay(_quote(text.strip()), cleaned))
    for pattern in (_TIME_LAST, _TIME_FIRST):
        match = pattern.match(cleaned)
        if match and _is_time(match.group("time")):
            at = parse_time(match.group("time"))
            try:
                day = parse_date(match.group("rest"), base=base, direction=direction)
            except DateError as error:  # quote all that was typed, not a part
                if not isinstance(error.told, e.DateUnreadable):
                    raise
                raise DateError(e.DateUnreadable(_quote(text.strip()))) from None
            return day, at
    hour = _AT_HOUR.match(cleaned)
    if hour:
        raise DateError(e.HourAlone(int(hour.group("hour"))))
    return parse_date(text, base=base, direction=direction), None


def _as_read_back(local: datetime, place: tzinfo | None) -> datetime:
    """`local` placed in `place` (None: the system's zone) and read back as a
    wall clock: itself when that time exists there, another one when it falls
    in the hour the clocks skip."""
    aware = local.replace(tzinfo=place) if place is not None else local.astimezone()
    return aware.astimezone(UTC).astimezone(place).replace(tzinfo=None)


def exists(local: datetime, place: tzinfo | None) -> bool:
    """Whether the wall-clock time `local` happens in `place` (None: the
    system's zone): not in the gap the clocks skip when they go forward."""
    return _as_read_back(local, place) == local


def check_local_time(day: date, at: time, zone: str | None) -> None:
    """`DateError` when `at` does not exist on `day` in `zone` (None: the
    system's): the clocks go forward over it. A time that happens twice (the
    clocks go back) is kept and means the first of the two, as the calendar
    export writes it."""
    from zoneinfo import ZoneInfo

    local = datetime.combine(day, at)
    place = ZoneInfo(zone) if zone else None
    if exists(local, place):
        return
    step = timedelta(minutes=1)
    start, end = local, local
    while not exists(start - step, place) and local - start < DAY:
        start -= step
    while not exists(end, place) and end - local < DAY:
        end += step
    raise DateError(e.TimeSkipped(at, day, zone, start.time(), end.time()))


DAY = timedelta(days=1)


_CLOCK = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)$")


def clock(text: str) -> time | None:
    """A stored time of day, "HH:MM", as a time; None if it is not one."""
    match = _CLOCK.match(text.strip())
    return time(int(match[1]), int(match[2])) if match else None


def _parse(text: str, ref: date, direction: Direction = FORWARD) -> date | None:
    if _ISO.match(text):
        return date.fromisoformat(text)
    simple = {
        "today": ref,
        "now": ref,
        "tomorrow": ref + timedelta(days=1),
        "tmrw": ref + timedelta(days=1),
        "yesterday": ref - timedelta(days=1),
        "eow": ref + timedelta(days=6 - ref.weekday()),
        "eoy": date(ref.year, 12, 31),
    }
    if text in simple:
        return simple[text]
    if text == "eom":
        return shift(date(ref.year, ref.month, 1), 1, "months") - timedelta(days=1)
    weekday = _weekday(text, ref, direction)
    if weekday is not None:
        return weekday
    relative = _relative(text, ref)
    if relative is not None:
        return relative
    return _month_day(text, ref, direction)


def _weekday(text: str, ref: date, direction: Direction = FORWARD) -> date | None:
    words = text.split()
    if len(words) == 1 and words[0] in WEEKDAYS:
        day = WEEKDAYS[words[0]]
        if direction == BACKWARD:
            return ref - timedelta(days=(ref.weekday() - day) % 7)
        return ref + timedelta(days=(day - ref.weekday()) % 7)
    if len(words) == 2 and words[1] in WEEKDAYS:
        day = WEEKDAYS[words[1]]
        if words[0] in ("this", "coming"):
            return ref + timedelta(days=(day - ref.weekday()) % 7)
        if words[0] == "next":
            # The Friday of next week, whatever today is.
            next_monday = ref + timedelta(days=7 - ref.weekday())
            return next_monday + timedelta(days=day)
        if words[0] in ("last", "past"):
            back = (ref.weekday() - day) % 7 or 7
            return ref - timedelta(days=back)
    return None


def _amount(word: str) -> int | None:
    if word.isdecimal():
        return int(word)
    return NUMBER_WORDS.get(word)


def _relative(text: str, ref: date) -> date | None:
    match = _OFFSET.match(text)
    if match:
        sign, count, unit = match.groups()
        if unit not in UNITS:
            return None
        amount = int(count) if sign == "+" else -int(count)
        return shift(ref, amount, UNITS[unit])
    for pattern, sign in ((_IN, 1), (_AGO, -1)):
        match = pattern.match(text)
        if match:
            counted = _amount(match.group(1))
            unit = UNITS.get(match.group(2))
            if counted is None or unit is None:
                return None
            return shift(ref, sign * counted, unit)
    if text.startswith("next ") and text[5:] in ("week", "month", "year"):
        return shift(ref, 1, UNITS[text[5:]])
    return None


_MONTH_NAMES = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "sept": 9,
    "october": 10,
    "november": 11,
    "december": 12,
}
# Misspellings people type often enough that a date should still read.
MONTH_TYPOS = {
    "janurary": 1,
    "januray": 1,
    "febuary": 2,
    "feburary": 2,
    "febrary": 2,
    "apirl": 4,
    "agust": 8,
    "augest": 8,
    "septmber": 9,
    "setember": 9,
    "ocotber": 10,
    "novmber": 11,
    "decmber": 12,
    "decemeber": 12,
}
_MONTH_NAMES.update(MONTH_TYPOS)
_DAY = r"(\d{1,2})(?:st|nd|rd|th)?"
_MONTH = r"([a-z]+)\.?"
_YEAR = r"(?:,?\s+(\d{4}))?"
_MONTH_FIRST = re.compile(rf"^{_MONTH}\s+{_DAY}{_YEAR}$")
_DAY_FIRST = re.compile(rf"^{_DAY}\s+(?:of\s+)?{_MONTH}{_YEAR}$")
_MONTH_ONLY = re.compile(rf"^{_MONTH}{_YEAR}$")


def month_number(word: str) -> int | None:
    """1-12 for a month's name or its first three (or more) letters."""
    word = word.lower().rstrip(".")
    if len(word) < 3:
        return None
    for name, number in _MONTH_NAMES.items():
        if name.startswith(word):
            return number
    return None


def _month_day(text: str, ref: date, direction: Direction = FORWARD) -> date | None:
    """`dec 1`, `1 december`, `december 1st, 2027`: strictly, or not at all."""
    match = _MONTH_FIRST.match(text)
    if match:
        month_word, day, year = match.groups()
    else:
        match = _DAY_FIRST.match(text)
        if not match:
            return None
        day, month_word, year = match.groups()
    month = month_number(month_word)
    if month is None:
        return None
    if year:
        return date(int(year), month, int(day))
    # No year given: the next such day from today on, or the last up to today.
    step = -1 if direction == BACKWARD else 1
    for offset in range(9):  # 29 February comes back within 8 years
        try:
            candidate = date(ref.year + step * offset, month, int(day))
        except ValueError:  # 29 February in another year, 31 April
            continue
        if (candidate >= ref) if step == 1 else (candidate <= ref):
            return candidate
    raise ValueError("no such day")


def end_of_month_named(text: str, ref: date) -> date | None:
    """The last day of the month `text` names ("march", "march 2027"): the
    coming one when no year is given."""
    match = _MONTH_ONLY.match(" ".join(text.lower().split()))
    if not match:
        return None
    month = month_number(match.group(1))
    if month is None:
        return None
    year = int(match.group(2)) if match.group(2) else ref.year
    if not match.group(2) and month < ref.month:
        year += 1
    return shift(date(year, month, 1), 1, "months") - timedelta(days=1)


def _quote(text: str) -> str:
    printable = "".join(ch if ch.isprintable() else "?" for ch in text)
    return printable if len(printable) <= 60 else printable[:57] + "..."


# -- cadences and notice periods ---------------------------------------------------
CADENCE_NAMES = {
    "weekly": "weekly",
    "every week": "weekly",
    "biweekly": "biweekly",
    "bi-weekly": "biweekly",
    "fortnightly": "biweekly",
    "every other week": "biweekly",
    "every fortnight": "biweekly",
    "monthly": "monthly",
    "every month": "monthly",
    "quarterly": "3m",
    "every quarter": "3m",
}
_CADENCE_SHORT = re.compile(r"^(\d{1,3})\s*(d|w|m)$")
_CADENCE_EVERY = re.compile(r"^(?:every\s+)?(\d{1,3}|[a-z]+)\s+(days?|weeks?|months?)$")
CADENCE_HELP = "weekly, biweekly, monthly, 10d, 3w, 2m, or 'every 2 weeks'"


def parse_cadence(text: str) -> str:
    """A meeting rhythm in canonical form: weekly, biweekly, monthly or N d/w/m."""
    cleaned = _typed(text)
    if cleaned in CADENCE_NAMES:
        return CADENCE_NAMES[cleaned]
    amount: int | None = None
    unit = ""
    match = _CADENCE_SHORT.match(cleaned)
    if match:
        amount, unit = int(match.group(1)), match.group(2)
    else:
        match = _CADENCE_EVERY.match(cleaned)
        if match:
            amount = _amount(match.group(1))
            unit = match.group(2)[0]
    if amount is None or amount < 1 or not unit:
        raise DateError(e.CadenceUnreadable(_quote(text)))
    canonical = {
        (7, "d"): "weekly",
        (1, "w"): "weekly",
        (14, "d"): "biweekly",
        (2, "w"): "biweekly",
        (1, "m"): "monthly",
    }
    return canonical.get((amount, unit), f"{amount}{unit}")


def next_by_cadence(last: date, cadence: str) -> date:
    """The meeting after one held on `last`, at the rhythm `cadence`."""
    canonical = parse_cadence(cadence)
    named = {"weekly": (1, "weeks"), "biweekly": (2, "weeks"), "monthly": (1, "months")}
    if canonical in named:
        amount, unit = named[canonical]
    else:
        amount = int(canonical[:-1])
        unit = {"d": "days", "w": "weeks", "m": "months"}[canonical[-1]]
    return shift(last, amount, unit)


_NOTICE = re.compile(r"^(\d{1,4})\s*(h|hours?|d|days?|w|weeks?)$")
NOTICE_HELP = "24h, 2d or 1 week"


def parse_notice(text: str) -> str:
    """A notice period ("48h", "2 days", "1 week") in canonical form: Nh or Nd."""
    cleaned = _typed(text)
    match = _NOTICE.match(cleaned)
    if not match:
        raise DateError(e.NoticeUnreadable(_quote(text)))
    amount, unit = int(match.group(1)), match.group(2)[0]
    if unit == "w":
        return f"{amount * 7}d"
    return f"{amount}{unit}"


def notice_hours(notice: str) -> int:
    canonical = parse_notice(notice)
    amount = int(canonical[:-1])
    return amount * 24 if canonical.endswith("d") else amount


DURATION_HELP = "45m, 1h, 1h30m or a number of minutes (90)"
MAX_MINUTES = 24 * 60
_DURATION = re.compile(
    r"^(?:(?P<bare>\d+)|(?:(?P<h>\d+)\s*h(?:ours?|rs?)?)?\s*"
    r"(?:(?P<m>\d+)\s*(?:m(?:in(?:utes?|s)?)?)?)?)$"
)


def parse_duration(text: str) -> int:
    """A meeting's length in minutes: `45m`, `1h`, `1h30m`, `90` (minutes);
    1 minute to a day."""
    cleaned = _typed(text)
    match = _DURATION.match(cleaned)
    if not cleaned or not match:
        raise DateError(e.DurationUnreadable(_quote(text)))
    if match.group("bare") is not None:
        minutes = int(match.group("bare"))
    else:
        minutes = int(match.group("h") or 0) * 60 + int(match.group("m") or 0)
    if not 1 <= minutes <= MAX_MINUTES:
        raise DateError(e.DurationOutOfRange(_quote(text)))
    return minutes


def minutes_text(minutes: int) -> str:
    """A duration as it is typed: 45m, 1h, 1h30m."""
    hours, rest = divmod(minutes, 60)
    return (f"{hours}h" if hours else "") + (f"{rest}m" if rest or not hours else "")
