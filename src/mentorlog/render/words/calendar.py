"""Importing a calendar: why events were skipped, in words."""

from __future__ import annotations

from typing import assert_never

from mentorlog import messages as m

# Why events were skipped: a reason -> the words said of one event and of
# several ("1 is in the past", "2 are in the past"), without the number.
SKIP_REASONS: dict[m.SkipReason, tuple[str, str]] = {
    "no_uid": ("has no UID", "have no UID"),
    "repeated_uid": (
        "repeats a UID another event has",
        "repeat a UID another event has",
    ),
    "no_start": ("has no start", "have no start"),
    "unknown_time_zone": ("is in an unknown time zone", "are in an unknown time zone"),
    "several_days": ("lasts more than a day", "last more than a day"),
    "clocks_skip": (
        "is at a local time the clocks skip (daylight saving)",
        "are at a local time the clocks skip (daylight saving)",
    ),
    "rule_not_followed": (
        "recurs too often or by a rule too long to follow",
        "recur too often or by a rule too long to follow",
    ),
    "recur_no_more": ("recurs no more", "recur no more"),
    "past": ("is in the past", "are in the past"),
    "beyond_range": ("is dated beyond {latest}", "are dated beyond {latest}"),
    "no_mentor": ("names no mentor", "name no mentor"),
    "several_mentors": ("names more than one mentor", "name more than one mentor"),
    "day_taken": (
        "falls on a day already planned with that mentor",
        "fall on a day already planned with that mentor",
    ),
    "held_or_cancelled": (
        "was held or cancelled already",
        "were held or cancelled already",
    ),
    "over_cap": (
        "was past the {cap} meetings one import plans (import again)",
        "were past the {cap} meetings one import plans (import again)",
    ),
}


def calendar(message: m.CalendarMessage) -> str:
    """Why events were skipped (`import FILE.ics`)."""
    match message:
        case m.EventsSkipped(reason=reason, count=count):
            one, many = SKIP_REASONS[reason]
            return (one if count == 1 else many).format(
                latest=message.latest, cap=message.cap
            )
        case _:
            assert_never(message)
