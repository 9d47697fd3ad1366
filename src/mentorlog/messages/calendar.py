"""Importing a calendar (`core/calendar_import.py`): why events were skipped."""

from __future__ import annotations

from typing import Literal

from ._base import Told, message

# Why an event is skipped: a stable code (the `--json` `reason`, listed in
# docs/json.md, in this order).
SkipReason = Literal[
    "no_uid",
    "repeated_uid",
    "no_start",
    "unknown_time_zone",
    "several_days",
    "clocks_skip",
    "rule_not_followed",
    "recur_no_more",
    "past",
    "beyond_range",
    "no_mentor",
    "several_mentors",
    "day_taken",
    "held_or_cancelled",
    "over_cap",
]


@message
class EventsSkipped(Told):
    """Why `count` events were skipped, in words that agree with the count
    (without the number: the `--json` `message`)."""

    reason: SkipReason
    count: int
    latest: int  # the last year a journal holds
    cap: int  # the meetings one import plans


CalendarMessage = EventsSkipped
