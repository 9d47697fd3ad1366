"""Which mentors a calendar event names (`import FILE.ics`).

An attendee names a mentor by email (the mentor's contact) or by name (`CN`,
a reference by the one resolver's rules: `store.refs.match_ref`). A title
is ordinary text, so it names a mentor by a narrower rule, one a user can
predict (docs/guide.md, "From your calendar"):

1. the mentor's full name, every word in order, in any case
   ("1:1 with ada lovelace"), for a name of two words or more;
2. one word of the name (a first name, a last name) written with a capital
   ("Coffee with Ada", "Lovelace sync"), unless that word is also an everyday
   word: a month or a weekday ("May", "June", "Sun"), a courtesy title
   ("Dr"), or one of `EVERYDAY` ("Will", "Mark", "Rose"). Such a word names
   a mentor only within the full name: "Planning for May" names nobody,
   "Planning with May Chen" names May Chen.

A word inside a full name a title holds counts for that name only: "Ada
Lovelace" does not also name another Ada. A title that names two mentors
names more than one, and the event is skipped.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from mentorlog.dates import WEEKDAYS
from mentorlog.models import Mentor
from mentorlog.store.kinds import MENTORS
from mentorlog.store.records import Stored
from mentorlog.store.refs import match_ref


def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())


MONTHS = _set(
    "january february march april may june july august september october "
    "november december jan feb mar apr jun jul aug sep sept oct nov dec"
)
COURTESY = _set("dr mr mrs ms mx miss prof sir dame jr sr")
# Names that are also words a calendar title uses for what they mean: "Will
# review", "Mark the date", "Rose garden", "Bill payment", "Park run".
EVERYDAY = _set(
    """
    will mark rose bill pat sue art frank grant hope joy faith dawn summer
    winter autumn spring jack rob chase max ray drew miles page penny holly ivy
    amber crystal cliff dean dale lane gene guy rich sandy skip wade don carol
    chuck buck bob rusty iris daisy lily violet hazel heather olive pearl ruby
    jade sky river storm brook august april june may sunny happy
    park hill wood stone young king long brown green white black gray grey
    bell rice field ford hall price shaw west north south east moon day star
    bush fox hunt lamb love marsh reed short small swift ward baker cook
    call team lunch coffee review sync standup demo office planning meeting
    interview holiday break deadline birthday new year week christmas easter
    """
)
CALENDAR_WORDS = MONTHS | frozenset(WEEKDAYS) | COURTESY | EVERYDAY

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)  # a run of letters


def _words(text: str) -> list[str]:
    return _WORD.findall(unicodedata.normalize("NFC", text))


@functools.lru_cache(maxsize=1024)  # the same few names, for every event
def _name(name: str) -> tuple[tuple[str, ...], frozenset[str]]:
    """A name's words, case-folded, and those that name the mentor alone."""
    words = tuple(w.casefold() for w in _words(name))
    alone = frozenset(w for w in words if len(w) >= 2 and w not in CALENDAR_WORDS)
    return words, alone


def named_by_title(title: str, mentors: list[Stored[Mentor]]) -> list[Stored[Mentor]]:
    """The mentors `title` names, by the module's two rules."""
    words = _words(title)
    folded = [w.casefold() for w in words]
    named: dict[str, Stored[Mentor]] = {}
    covered: set[int] = set()  # positions inside a full name found
    for mentor in mentors:
        name, _ = _name(mentor.record.name)
        if len(name) < 2:
            continue
        for start in range(len(folded) - len(name) + 1):
            if tuple(folded[start : start + len(name)]) == name:
                named[mentor.record.id] = mentor
                covered.update(range(start, start + len(name)))
    for mentor in mentors:
        _, parts = _name(mentor.record.name)
        for position, word in enumerate(words):
            if position in covered or folded[position] not in parts:
                continue
            if not word[0].islower():  # a capital, or a script without case
                named[mentor.record.id] = mentor
    return list(named.values())


def named_mentors(
    title: str,
    names: list[str],
    emails: list[str],
    mentors: list[Stored[Mentor]],
    by_contact: dict[str, Stored[Mentor]],
) -> list[Stored[Mentor]]:
    """The mentors an event names: by its attendees (email, then name);
    when they name none, by its title."""
    named: dict[str, Stored[Mentor]] = {}
    for email in emails:
        if email in by_contact:
            named[by_contact[email].record.id] = by_contact[email]
    for name in names:
        matches = match_ref(name, mentors, MENTORS)
        if len(matches) == 1:
            named[matches[0].record.id] = matches[0]
    if not named and title:
        for mentor in named_by_title(title, mentors):
            named[mentor.record.id] = mentor
    return list(named.values())
