"""`import FILE.ics`: plan meetings from calendar events that name a mentor.

The file is untrusted (a download, a mail attachment): it is read with a size
limit, parsed by `icalendar`, and whatever fails in the parse is one error
with nothing written. An event names a mentor when its SUMMARY or one of its
ATTENDEEs does, by the one resolver's rules (`store.refs.match_ref`: the full
name, a prefix of a word of the name), or when an attendee's email is the
mentor's contact. Each planned session keeps the event's UID, so a second
import of the same file changes nothing, and an event moved in the calendar
moves its meeting. A recurring event plans its next occurrence from today.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any, Literal

from mentorlog._struct import struct
from mentorlog.dates import LATEST, in_range
from mentorlog.errors import UserError
from mentorlog.models import Mentor, Session
from mentorlog.store.ids import new_id
from mentorlog.store.journal import Journal
from mentorlog.store.kinds import MENTORS, SESSIONS
from mentorlog.store.records import Stored
from mentorlog.store.refs import match_ref, normal

from .common import one_line
from .sessions import merge_duplicate_plans, move_to, retitle

MAX_BYTES = 5 * 1024 * 1024  # a year of a busy calendar is well under 1 MB
MAX_EVENTS = 20_000
MAX_UID = 500
MAX_PLANS = 2000  # meetings one import plans or moves; the rest, the next time

What = Literal["plan", "move", "same"]


@struct(frozen=True)
class Planned:
    what: What  # a new meeting, a meeting moved, or one already as planned
    uid: str
    mentor: str  # the mentor's name
    day: date
    time: str | None
    summary: str
    minutes: int | None = None  # the event's length; None: none given


@struct
class ImportResult:
    planned: list[Planned]
    skipped: dict[str, int]  # why -> how many events
    dry_run: bool

    @property
    def skipped_count(self) -> int:
        return sum(self.skipped.values())


@struct(frozen=True)
class _Event:
    uid: str
    summary: str
    day: date
    time: str | None
    names: list[str]  # the attendees' common names
    emails: list[str]
    minutes: int | None  # the event's length (DTEND or DURATION); None: none


def read_calendar(path: Path) -> Any:
    """The parsed calendar; a `UserError` naming the file for anything else."""
    shown = str(path)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError as error:
        reason = error.strerror or str(error)
        raise UserError(f"{shown}: cannot read it ({reason})") from None
    try:
        with os.fdopen(fd, "rb") as file:
            data = file.read(MAX_BYTES + 1)
    except OSError as error:  # a folder, a device
        reason = error.strerror or str(error)
        raise UserError(f"{shown}: cannot read it ({reason})") from None
    if len(data) > MAX_BYTES:
        raise UserError(
            f"{shown}: over {MAX_BYTES // (1024 * 1024)} MB; not a calendar to import"
        )
    if b"BEGIN:VCALENDAR" not in data[:4096].upper():
        raise UserError(f"{shown}: not an iCalendar file (no BEGIN:VCALENDAR)")
    import icalendar

    try:
        calendar = icalendar.Calendar.from_ical(data)
    except Exception as error:  # hostile input: any failure of the parser
        raise UserError(
            f"{shown}: not a valid iCalendar file ({_reason(error)})"
        ) from None
    if isinstance(calendar, list):  # several calendars in one file: the first
        calendar = calendar[0]
    return calendar


def _reason(error: BaseException) -> str:
    text = " ".join(str(error).split()) or type(error).__name__
    return one_line(text)[:120]


def _events(
    calendar: Any, today: date, path: Path, skipped: dict[str, int]
) -> list[_Event]:
    import recurring_ical_events  # type: ignore[import-untyped]

    found: list[_Event] = []
    seen: set[str] = set()
    try:
        components = [c for c in calendar.walk("VEVENT")]
        if len(components) > MAX_EVENTS:
            raise UserError(
                f"{path}: {len(components)} events, over {MAX_EVENTS}; not imported"
            )
        for event in components:
            uid = one_line(str(event.get("UID", "")))[:MAX_UID]
            if not uid:
                _skip(skipped, "have no UID")
                continue
            if event.get("RECURRENCE-ID") is not None:
                continue  # one moved occurrence: its series takes it into account
            if uid in seen:
                _skip(skipped, "repeat a UID another event has")
                continue
            seen.add(uid)
            start = event.get("DTSTART")
            if start is None:
                _skip(skipped, "have no start")
                continue
            when: Any = start.dt
            if event.get("RRULE") is not None or event.get("RDATE") is not None:
                try:
                    when = _next_occurrence(calendar, uid, today, recurring_ical_events)
                except _NotFollowed:
                    _skip(skipped, "recur too often or by a rule too long to follow")
                    continue
                if when is None:
                    _skip(skipped, "recur no more")
                    continue
            day, time = _day_and_time(when)
            if day < today:
                _skip(skipped, "are in the past")
                continue
            if not in_range(day):  # a journal holds no such date (year 9999)
                _skip(skipped, f"are dated beyond {LATEST.year}")
                continue
            names, emails = _attendees(event)
            found.append(
                _Event(
                    uid,
                    one_line(str(event.get("SUMMARY", ""))),
                    day,
                    time,
                    names,
                    emails,
                    _minutes(event),
                )
            )
    except UserError:
        raise
    except Exception as error:  # hostile input: whatever the libraries raise
        raise UserError(
            f"{path}: not a valid iCalendar file ({_reason(error)})"
        ) from None
    return found


_TOO_OFTEN = ("SECONDLY", "MINUTELY", "HOURLY")
_MAX_COUNT = 5000
_HORIZON_DAYS = 400  # the next occurrence is looked for this far ahead
_MAX_YEARS_BACK = 10  # a series older than this is followed no more


def _bounded_series(event: Any, today: date) -> Any | None:
    """A copy of `event` whose rule cannot make the search run for long: an
    untrusted file can ask for an occurrence every second since 1900, or for
    the 30th of February. None for a rule no meeting has."""
    rules = event.get("RRULE")
    rules = rules if isinstance(rules, list) else [rules] if rules is not None else []
    bounded = event.copy()
    for rule in rules:
        frequency = [str(f).upper() for f in rule.get("FREQ", [])]
        counts = rule.get("COUNT", [])
        if not frequency or frequency[0] in _TOO_OFTEN:
            return None
        if counts and int(counts[0]) > _MAX_COUNT:
            return None
    start = event.get("DTSTART").dt
    if _day_and_time(start)[0].year < today.year - _MAX_YEARS_BACK:
        return None
    if rules:
        rule = rules[0].copy()
        if not rule.get("COUNT"):
            horizon = today.toordinal() + _HORIZON_DAYS
            until = date.fromordinal(horizon)
            if isinstance(start, datetime):
                from datetime import UTC

                limit: Any = datetime.combine(until, datetime.min.time(), UTC)
            else:
                limit = until
            given = rule.get("UNTIL")
            if not given or _day_and_time(given[0])[0] > until:
                rule["UNTIL"] = [limit]
        del bounded["RRULE"]
        bounded.add("RRULE", rule)
    return bounded


_SECONDS = 3  # a real rule takes milliseconds


@contextlib.contextmanager
def _time_limit(seconds: int) -> Iterator[None]:
    """`_NotFollowed` if the block runs longer than `seconds`. A rule that
    can never happen (the 30th of February) makes dateutil look for it up to
    the year 9999, whatever its UNTIL: some fifteen seconds. Where there is no
    SIGALRM (Windows, a thread), no limit."""
    import signal
    import threading

    if not hasattr(signal, "setitimer") or (
        threading.current_thread() is not threading.main_thread()
    ):
        yield
        return

    def stop(signum: int, frame: Any) -> None:
        raise _NotFollowed

    previous = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


class _NotFollowed(Exception):
    """A rule no meeting has: more often than daily, over `_MAX_COUNT` times,
    started over `_MAX_YEARS_BACK` years ago, or too long to work out."""


def _next_occurrence(calendar: Any, uid: str, today: date, module: Any) -> Any:
    """The start of the first occurrence of series `uid` from today on, within
    `_HORIZON_DAYS`; None when there is none (or its rule is no meeting's)."""
    import icalendar

    series = icalendar.Calendar()
    for component in calendar.subcomponents:
        if component.name == "VTIMEZONE":
            series.add_component(component)
        elif (
            component.name == "VEVENT"
            and one_line(str(component.get("UID", "")))[:MAX_UID] == uid
        ):
            if component.get("RECURRENCE-ID") is None:
                bounded = _bounded_series(component, today)
                if bounded is None:
                    raise _NotFollowed
                series.add_component(bounded)
            else:
                series.add_component(component)
    end = date.fromordinal(today.toordinal() + _HORIZON_DAYS)
    with _time_limit(_SECONDS):
        found = [
            occurrence.get("DTSTART").dt
            for occurrence in module.of(series).between(today, end)
        ]
    found = [when for when in found if _day_and_time(when)[0] >= today]
    if not found:
        return None
    return min(found, key=_day_and_time)


def _day_and_time(when: Any) -> tuple[date, str | None]:
    if isinstance(when, datetime):
        if when.tzinfo is not None:
            when = when.astimezone()  # the meeting in this machine's local time
        return when.date(), f"{when.hour:02d}:{when.minute:02d}"
    if isinstance(when, date):
        return when, None
    raise ValueError("DTSTART is not a date")


def _minutes(event: Any) -> int | None:
    """The event's length in minutes, from DURATION or DTEND less DTSTART;
    None when it gives none, or one no meeting has (over a day, or none)."""
    from datetime import timedelta

    length: Any = None
    duration = event.get("DURATION")
    end = event.get("DTEND")
    if duration is not None:
        length = duration.dt
    elif end is not None:
        start = event.get("DTSTART").dt
        if isinstance(start, datetime) == isinstance(end.dt, datetime):
            length = end.dt - start
    if not isinstance(length, timedelta):
        return None
    minutes = int(length.total_seconds() // 60)
    return minutes if 1 <= minutes <= 24 * 60 else None


def _attendees(event: Any) -> tuple[list[str], list[str]]:
    attendees = event.get("ATTENDEE") or []
    if not isinstance(attendees, list):
        attendees = [attendees]
    names: list[str] = []
    emails: list[str] = []
    for attendee in attendees[:200]:
        name = one_line(str(getattr(attendee, "params", {}).get("CN", "")))
        if name:
            names.append(name)
        address = one_line(str(attendee))
        if address.lower().startswith("mailto:"):
            emails.append(normal(address[7:]))
    return names, emails


def _skip(skipped: dict[str, int], why: str) -> None:
    skipped[why] = skipped.get(why, 0) + 1


def _mentor_of(
    event: _Event, mentors: list[Stored[Mentor]], by_contact: dict[str, Stored[Mentor]]
) -> list[Stored[Mentor]]:
    """The mentors the event names."""
    named: dict[str, Stored[Mentor]] = {}
    for email in event.emails:
        if email in by_contact:
            named[by_contact[email].record.id] = by_contact[email]
    for name in event.names:
        matches = match_ref(name, mentors, MENTORS)
        if len(matches) == 1:
            named[matches[0].record.id] = matches[0]
    if not named and event.summary:
        matches = match_ref(event.summary, mentors, MENTORS)
        if len(matches) != 1:
            summary = f" {normal(event.summary)} "
            matches = [m for m in mentors if f" {normal(m.record.name)} " in summary]
        if len(matches) != 1:
            words = [w.strip(".,:;!?()[]/-") for w in normal(event.summary).split()]
            matches = [
                m
                for m in mentors
                if any(w and w in normal(m.record.name).split() for w in words)
            ]
        for mentor in matches:
            named[mentor.record.id] = mentor
    return list(named.values())


def import_calendar(
    journal: Journal, path: Path, today: date, *, dry_run: bool
) -> ImportResult:
    calendar = read_calendar(path)
    skipped: dict[str, int] = {}
    events = _events(calendar, today, path, skipped)
    with journal.transaction():
        mentors = [
            m for m in journal.load(MENTORS).records if m.record.status == "active"
        ]
        by_contact = {normal(m.record.contact): m for m in mentors if m.record.contact}
        # Loaded once: the index follows every change this import makes, so a
        # calendar of thousands of events is not read again after each save.
        index = _Index(journal.load(SESSIONS).records)
        planned: list[Planned] = []
        written = 0
        for event in events:
            named = _mentor_of(event, mentors, by_contact)
            if not named:
                _skip(skipped, "name no mentor")
                continue
            if len(named) > 1:
                _skip(skipped, "name more than one mentor")
                continue
            mentor = named[0].record
            stored = index.by_uid.get(event.uid)
            occupant = index.on_day(mentor.id, event.day)
            if stored is None and occupant is not None and occupant.uid is None:
                stored = occupant.stored  # planned by hand: the event takes it
            elif occupant is not None and occupant.uid != event.uid:
                # one meeting per mentor per day (SPEC 7.8): a second event
                # that day would be a second plan, merged away by the next one
                _skip(skipped, "fall on a day already planned with that mentor")
                continue
            if stored is None:
                what: What = "plan"
            elif stored.record.status != "planned":
                _skip(skipped, "were held or cancelled already")
                continue
            elif (
                stored.record.date,
                stored.record.time,
                stored.record.minutes,
            ) == (event.day, event.time, event.minutes or stored.record.minutes) and (
                stored.record.calendar_uid == event.uid
            ):
                what = "same"
            else:
                what = "move"
            if what != "same" and written >= MAX_PLANS:
                _skip(
                    skipped,
                    f"were past the {MAX_PLANS} meetings one import plans "
                    "(import again)",
                )
                continue
            planned.append(
                Planned(
                    what,
                    event.uid,
                    mentor.name,
                    event.day,
                    event.time,
                    event.summary,
                    event.minutes,
                )
            )
            if what == "same":
                continue
            written += 1
            if stored is not None:
                index.moved(stored, event.uid)
            index.planned(mentor.id, event.day, event.uid)
            if dry_run:
                continue
            if stored is None:
                session = Session(
                    id=new_id(),
                    mentor=mentor.id,
                    mentor_name=one_line(mentor.name),
                    date=event.day,
                    time=event.time,
                    minutes=event.minutes,
                    created=today,
                    calendar_uid=event.uid,
                )
                journal.save(SESSIONS, session, None, body="")
            else:
                old = stored.record
                moved = move_to(
                    old,
                    event.day,
                    today,
                    mentor.agreement.reschedule_notice,
                    event.time,
                ).model_copy(
                    update={
                        "time": event.time,
                        "minutes": event.minutes or old.minutes,
                        "calendar_uid": event.uid,
                    }
                )
                body = retitle(stored.body, old.date, event.day)
                journal.save(SESSIONS, moved, stored, body=body)
        if not dry_run and written:
            for said in merge_duplicate_plans(journal):
                journal.warn_once(said)
    return ImportResult(planned, skipped, dry_run)


@struct(frozen=True)
class _Occupant:
    """The planned meeting with a mentor on a day: its event's UID (None for
    one planned by hand) and its record (None for one this import plans)."""

    uid: str | None
    stored: Stored[Session] | None


class _Index:
    """The journal's planned meetings by event UID and by mentor and day, kept
    up to date as the import plans and moves them."""

    def __init__(self, sessions: list[Stored[Session]]) -> None:
        self.by_uid: dict[str, Stored[Session]] = {}
        self._by_day: dict[tuple[str, date], _Occupant] = {}
        for stored in sessions:
            s = stored.record
            if s.calendar_uid:
                self.by_uid.setdefault(s.calendar_uid, stored)
            if s.status == "planned":
                key = (s.mentor, s.date)
                # the first one with a UID wins: that is the one an event keeps
                if key not in self._by_day or (
                    s.calendar_uid and self._by_day[key].uid is None
                ):
                    self._by_day[key] = _Occupant(s.calendar_uid or None, stored)

    def on_day(self, mentor: str, day: date) -> _Occupant | None:
        return self._by_day.get((mentor, day))

    def moved(self, stored: Stored[Session], uid: str) -> None:
        """`stored` leaves its day (it moves, or an event takes it over)."""
        key = (stored.record.mentor, stored.record.date)
        occupant = self._by_day.get(key)
        if occupant is not None and occupant.stored is stored:
            del self._by_day[key]
        self.by_uid.pop(uid, None)

    def planned(self, mentor: str, day: date, uid: str) -> None:
        self._by_day[(mentor, day)] = _Occupant(uid, None)
