"""`import FILE.ics`: plan meetings from calendar events that name a mentor.

The file is untrusted (a download, a mail attachment): it is read with a size
limit, parsed by `icalendar`, and whatever fails in the parse is one error
with nothing written. Which mentor an event names is `core.event_names`'s
rule (attendees by email or name, else the title). Each planned session keeps
the event's UID, so a second import of the same file changes nothing, and an
event moved in the calendar moves its meeting. A recurring event plans its
next occurrence from today.

Times are the journal's local times, as everywhere in mentorlog: in the
settings' `timezone`, else the system's. An event in a named zone (its TZID,
known to `zoneinfo` or defined by a VTIMEZONE in the file) is converted; a
floating time is taken as the journal's own. A local time the clocks skip (a
daylight-saving gap) is no meeting's time and the event is skipped; one that
happens twice (the clocks going back) is the first of the two (RFC 5545).
An all-day event plans its day with no time of day; one over several days (a
conference, a holiday week) is no meeting and is skipped.
"""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta, tzinfo
from pathlib import Path
from typing import Any, Literal, NoReturn, get_args

from mentorlog._struct import struct
from mentorlog.dates import LATEST, exists, in_range
from mentorlog.errors import UserError
from mentorlog.messages import EventsSkipped, SkipReason
from mentorlog.models import Mentor, Session
from mentorlog.store.ids import new_id
from mentorlog.store.journal import Journal
from mentorlog.store.kinds import MENTORS, SESSIONS
from mentorlog.store.records import Stored
from mentorlog.store.refs import normal
from mentorlog.store.tomlfile import other_encoding
from mentorlog.tojson import json_keys

from .common import one_line
from .event_names import named_mentors
from .sessions import merge_duplicate_plans, move_to, retitle

MAX_BYTES = 5 * 1024 * 1024  # a year of a busy calendar is well under 1 MB
MAX_EVENTS = 20_000
MAX_UID = 500
MAX_PLANS = 2000  # meetings one import plans or moves; the rest, the next time

What = Literal["plan", "move", "same"]

# Why an event is skipped: a stable code (the JSON's `reason`), in the order
# docs/json.md lists them; its words are in render/words/calendar.py.
REASONS: tuple[SkipReason, ...] = get_args(SkipReason)


def skipped_message(code: SkipReason, count: int = 2) -> EventsSkipped:
    """Why `count` events were skipped (its words agree with the count, and
    hold no number: the JSON's `message`)."""
    return EventsSkipped(code, count, LATEST.year, MAX_PLANS)


@json_keys(
    {
        "uid": "uid",
        "mentor": "mentor",
        "date": "day",
        "time": "time",
        "minutes": "minutes",
        "title": "summary",
    }
)
@struct(frozen=True)
class Planned:
    what: What  # a new meeting, a meeting moved, or one already as planned
    uid: str
    mentor: str  # the mentor's name
    day: date
    time: str | None
    summary: str
    minutes: int | None = None  # the event's length; None: none given


@json_keys(
    {
        "dry_run": "dry_run",
        "planned": lambda r: r.doing("plan"),
        "moved": lambda r: r.doing("move"),
        "unchanged": lambda r: r.doing("same"),
        "skipped": lambda r: [
            {"reason": code, "count": count, "message": skipped_message(code, count)}
            for code, count in r.skipped.items()
        ],
        "skipped_count": "skipped_count",
    }
)
@struct
class ImportResult:
    planned: list[Planned]
    skipped: dict[SkipReason, int]  # why -> how many events
    dry_run: bool

    @property
    def skipped_count(self) -> int:
        return sum(self.skipped.values())

    def doing(self, what: What) -> list[Planned]:
        return [item for item in self.planned if item.what == what]


@struct(frozen=True)
class _Event:
    uid: str
    summary: str
    day: date
    time: str | None
    names: list[str]  # the attendees' common names
    emails: list[str]
    minutes: int | None  # the event's length (DTEND or DURATION); None: none


_LONE_CR = re.compile(rb"\r(?!\n)")


def read_calendar(path: Path) -> Any:
    """The parsed calendar; a `UserError` naming the file for anything else."""
    shown = str(path)
    try:
        # a file the user named, outside the journal: a link to it is followed
        fd = os.open(path, os.O_RDONLY)
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
    encoding = other_encoding(data)
    if encoding is not None:
        raise UserError(f"{shown}: saved as {encoding}, not UTF-8: save it as UTF-8")
    if b"\0" in data:  # the parser's "Content line could not be parsed"
        raise UserError(f"{shown}: not a text file (binary data)")
    try:  # the parser would put U+FFFD for each such byte: the text lost
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise UserError(
            f"{shown}:{line}: not UTF-8 text (another encoding?): save it as UTF-8"
        ) from None
    if b"BEGIN:VCALENDAR" not in data[:4096].upper():
        raise UserError(f"{shown}: not an iCalendar file (no BEGIN:VCALENDAR)")
    # lines ended by CR alone (an old Mac editor) read as one line to the
    # parser, which then said the file was cut short
    data = _LONE_CR.sub(b"\r\n", data)
    import icalendar

    try:
        calendar = icalendar.Calendar.from_ical(data)
    except Exception as error:  # hostile input: any failure of the parser
        _invalid(shown, error)
    if isinstance(calendar, list):  # several calendars in one file: the first
        calendar = calendar[0]
    return calendar


# the raw bytes the parser quotes after its reason (a Python `b'...'`, not
# words for people)
_QUOTED_BYTES = re.compile(r":\s*b['\"].*$", re.DOTALL)


def _invalid(where: object, error: BaseException) -> NoReturn:
    """Refuse a file the parser (or what reads its events) failed on, with
    the parser's reason in one line."""
    text = _QUOTED_BYTES.sub("", " ".join(str(error).split()))
    raise UserError(
        f"{where}: not a valid iCalendar file ("
        + (
            "a BEGIN: without its END:, or the file is cut short"
            # what the parser says of a BEGIN: left without its END:
            if text.startswith("Found no components where exactly one is required")
            else one_line(text or type(error).__name__)[:120]
        )
        + ")"
    ) from None


def _events(
    calendar: Any, today: date, path: Path, skipped: dict[SkipReason, int], zone: Zone
) -> list[_Event]:
    """The events to plan from; each other one counted in `skipped`."""
    found: list[_Event] = []
    seen: set[str] = set()
    try:
        components = [c for c in calendar.walk("VEVENT")]
        if len(components) > MAX_EVENTS:
            raise UserError(
                f"{path}: {len(components)} events, over {MAX_EVENTS}; not imported"
            )
        for event in components:
            read = _read_event(event, calendar, today, zone, seen)
            if isinstance(read, _Event):
                found.append(read)
            elif read is not None:
                _skip(skipped, read)
    except UserError:
        raise
    except Exception as error:  # hostile input: whatever the libraries raise
        _invalid(path, error)
    return found


def _read_event(
    event: Any, calendar: Any, today: date, zone: Zone, seen: set[str]
) -> _Event | SkipReason | None:
    """The event to plan from, or why not (a code of `REASONS`); None for a
    moved occurrence of a series, which its series takes into account."""
    uid = one_line(str(event.get("UID", "")))[:MAX_UID]
    if not uid:
        return "no_uid"
    if event.get("RECURRENCE-ID") is not None:
        return None
    if uid in seen:
        return "repeated_uid"
    seen.add(uid)
    start = event.get("DTSTART")
    if start is None:
        return "no_start"
    if any(_unknown_zone(event.get(name)) for name in ("DTSTART", "DTEND")):
        return "unknown_time_zone"
    length = _length(event)
    if length is not None and length > timedelta(days=1):
        return "several_days"
    when: Any = start.dt
    if event.get("RRULE") is not None or event.get("RDATE") is not None:
        try:
            when = _next_occurrence(calendar, uid, today, zone)
        except _NotFollowed:
            return "rule_not_followed"
        if when is None:
            return "recur_no_more"
    try:
        if not _exists(when, zone):
            return "clocks_skip"
        day, time = _day_and_time(when, zone)
    except (OverflowError, ValueError):  # year 1 or 9999: no zone converts it
        day, time = _day_of(when), None
    if day < today:
        return "past"
    if not in_range(day):  # a journal holds no such date (year 9999)
        return "beyond_range"
    names, emails = _attendees(event)
    summary = one_line(str(event.get("SUMMARY", "")))
    minutes = _minutes(length) if isinstance(start.dt, datetime) else None
    return _Event(uid, summary, day, time, names, emails, minutes)


Zone = tzinfo | None  # the journal's time zone; None: the system's


def journal_zone(journal: Journal) -> Zone:
    """The settings' time zone, else None (the system's)."""
    from zoneinfo import ZoneInfo

    settings, _ = journal.settings_or_default()
    if not settings.timezone:
        return None
    try:
        return ZoneInfo(settings.timezone)
    except (ValueError, OSError, LookupError):  # checked when read: a lost tzdata
        return None


def _unknown_zone(prop: Any) -> bool:
    """A time with a TZID neither `zoneinfo` nor a VTIMEZONE of the file
    defines: `icalendar` leaves it without a zone, as if it were floating."""
    if prop is None or not isinstance(prop.dt, datetime):
        return False
    return prop.dt.tzinfo is None and bool(prop.params.get("TZID"))


def _exists(when: Any, zone: Zone) -> bool:
    """Whether `when`'s local time happens in its zone (a floating time: the
    journal's): not in the gap the clocks skip when they go forward."""
    if not isinstance(when, datetime):
        return True
    wall = when.replace(tzinfo=None, fold=0)
    return exists(wall, when.tzinfo if when.tzinfo is not None else zone)


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
    if _day_of(start).year < today.year - _MAX_YEARS_BACK:
        return None
    if rules:
        rule = rules[0].copy()
        if not rule.get("COUNT"):
            horizon = today.toordinal() + _HORIZON_DAYS
            until = date.fromordinal(horizon)
            if isinstance(start, datetime):
                limit: Any = datetime.combine(until, datetime.min.time(), UTC)
            else:
                limit = until
            given = rule.get("UNTIL")
            if not given or _day_of(given[0]) > until:
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


def _next_occurrence(calendar: Any, uid: str, today: date, zone: Zone) -> Any:
    """The start of the first occurrence of series `uid` from today on, within
    `_HORIZON_DAYS`; None when there is none (or its rule is no meeting's)."""
    import icalendar
    import recurring_ical_events  # type: ignore[import-untyped]

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
            for occurrence in recurring_ical_events.of(series).between(today, end)
        ]
    found = [when for when in found if _day_and_time(when, zone)[0] >= today]
    if not found:
        return None
    return min(found, key=lambda when: _day_and_time(when, zone))


def _day_of(when: Any) -> date:
    """The date of a DATE or DATE-TIME value, as written."""
    if isinstance(when, datetime):
        return when.date()
    if isinstance(when, date):
        return when
    raise ValueError("DTSTART is not a date")


def _day_and_time(when: Any, zone: Zone) -> tuple[date, str | None]:
    """The meeting's day and time of day in the journal's zone: a time in
    another zone converted (the first of a local time that happens twice), a
    floating one as it is, a date with no time of day."""
    if isinstance(when, datetime):
        if when.tzinfo is not None:
            when = when.replace(fold=0).astimezone(zone)
        return when.date(), f"{when.hour:02d}:{when.minute:02d}"
    return _day_of(when), None


def _length(event: Any) -> timedelta | None:
    """How long the event lasts, from DURATION or DTEND less DTSTART; None
    when it says nothing that reads as a length."""
    duration = event.get("DURATION")
    end = event.get("DTEND")
    length: Any = None
    if duration is not None:
        length = duration.dt
    elif end is not None:
        start = event.get("DTSTART").dt
        with contextlib.suppress(TypeError):  # a floating start, a zoned end
            length = end.dt - start
    return length if isinstance(length, timedelta) else None


def _minutes(length: timedelta | None) -> int | None:
    """A timed event's length in minutes; None for none a meeting has."""
    if length is None:
        return None
    minutes = int(length.total_seconds() // 60)
    return minutes if 1 <= minutes <= 24 * 60 else None


def _attendees(event: Any) -> tuple[list[str], list[str]]:
    """The names and emails of the people in an event: its attendees and its
    organizer (a mentor who sent the invitation is often not listed as an
    attendee of it)."""
    attendees = event.get("ATTENDEE") or []
    if not isinstance(attendees, list):
        attendees = [attendees]
    people = attendees[:200]
    organizer = event.get("ORGANIZER")
    if organizer is not None and not isinstance(organizer, list):
        people.append(organizer)
    names: list[str] = []
    emails: list[str] = []
    for attendee in people:
        name = one_line(str(getattr(attendee, "params", {}).get("CN", "")))
        if name:
            names.append(name)
        address = one_line(str(attendee))
        if address.lower().startswith("mailto:"):
            emails.append(normal(address[7:]))
    return names, emails


def _skip(skipped: dict[SkipReason, int], why: SkipReason) -> None:
    skipped[why] = skipped.get(why, 0) + 1


def import_calendar(
    journal: Journal, path: Path, today: date, *, dry_run: bool
) -> ImportResult:
    calendar = read_calendar(path)
    skipped: dict[SkipReason, int] = {}
    events = _events(calendar, today, path, skipped, journal_zone(journal))
    with journal.transaction():
        mentors = [
            m for m in journal.load(MENTORS).records if m.record.status == "active"
        ]
        by_contact = {normal(m.record.contact): m for m in mentors if m.record.contact}
        own = journal.settings_or_default()[0].name
        # Loaded once: the index follows every change this import makes, so a
        # calendar of thousands of events is not read again after each save.
        index = _Index(journal.load(SESSIONS).records)
        planned: list[Planned] = []
        written = 0
        for event in events:
            named = named_mentors(
                event.summary, event.names, event.emails, mentors, by_contact, own
            )
            if len(named) != 1:
                _skip(skipped, "several_mentors" if named else "no_mentor")
                continue
            mentor = named[0].record
            placed = _place(event, mentor, index)
            if isinstance(placed, str):
                _skip(skipped, placed)
                continue
            what, stored = placed
            if what != "same" and written >= MAX_PLANS:
                _skip(skipped, "over_cap")
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
            if not dry_run:
                _save(journal, event, mentor, stored, today)
        if not dry_run and written:
            for said in merge_duplicate_plans(journal):
                journal.warn_once(said)
    return ImportResult(planned, skipped, dry_run)


def _place(
    event: _Event, mentor: Mentor, index: _Index
) -> tuple[What, Stored[Session] | None] | SkipReason:
    """What the event does: plan a new meeting, move the one it planned
    before (or the one planned by hand that day), or nothing; else why it is
    skipped (a code of `REASONS`)."""
    stored = index.by_uid.get(event.uid)
    occupant = index.on_day(mentor.id, event.day)
    if stored is None and occupant is not None and occupant.uid is None:
        stored = occupant.stored  # planned by hand: the event takes it
    elif occupant is not None and occupant.uid != event.uid:
        # one meeting per mentor per day (SPEC 7.8): a second event
        # that day would be a second plan, merged away by the next one
        return "day_taken"
    if stored is None:
        return "plan", None
    old = stored.record
    if old.status != "planned":
        return "held_or_cancelled"
    kept = (old.date, old.time, old.minutes, old.calendar_uid)
    if kept == (event.day, event.time, event.minutes or old.minutes, event.uid):
        return "same", stored
    return "move", stored


def _save(
    journal: Journal,
    event: _Event,
    mentor: Mentor,
    stored: Stored[Session] | None,
    today: date,
) -> None:
    """Write the event's meeting: a new one, or `stored` moved to its time."""
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
        return
    old = stored.record
    moved = move_to(
        old, event.day, today, mentor.agreement.reschedule_notice, event.time
    ).model_copy(
        update={
            "time": event.time,
            "minutes": event.minutes or old.minutes,
            "calendar_uid": event.uid,
        }
    )
    body = retitle(stored.body, old.date, event.day)
    journal.save(SESSIONS, moved, stored, body=body)


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
