"""Which mentors a calendar event names (`import FILE.ics`).

An attendee names a mentor by email (the mentor's contact) or by name (`CN`):
the mentor's full name, its words in any order ("Lovelace, Ada", "Ada
Lovelace (Acme)"), or whole words of it in order ("Ada", "Lovelace"); never a
mere prefix, since an attendee list holds colleagues and the user too ("Jo"
is not "Joanna Lee", "Sam" not "Samantha"). A title is ordinary text, so it
names a mentor by a narrower rule, one a user can predict (docs/guide.md,
"From your calendar"):

1. the mentor's full name, every word in order, in any case
   ("1:1 with ada lovelace"), for a name of two words or more;
2. one word of the name (a first name, a last name) written with a capital
   ("Coffee with Ada", "Lovelace sync"), unless that word is also an everyday
   word: a month or a weekday ("May", "June", "Sun"), a courtesy title
   ("Dr"), or one of `EVERYDAY` ("Will", "Mark", "Rose"). Such a word names
   a mentor only within the full name: "Planning for May" names nobody,
   "Planning with May Chen" names May Chen. A word in capitals in a title
   that has small letters too is an acronym ("ADA compliance review").

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
from mentorlog.store.records import Stored


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
            if not word[0].islower() and not _acronym(word, title):
                named[mentor.record.id] = mentor  # a capital, or a script without case
    return list(named.values())


def _acronym(word: str, title: str) -> bool:
    """Whether `word` is written in capitals in a title that is not."""
    return len(word) > 1 and word.isupper() and any(c.islower() for c in title)


def named_by_attendee(name: str, mentors: list[Stored[Mentor]]) -> list[Stored[Mentor]]:
    """The mentors an attendee's name (`CN`) names: the full name, its words
    in any order, or whole words of it in order, an initial standing for a
    word ("Ada L."); never a prefix ("Jo" for "Joanna")."""
    said = tuple(w.casefold() for w in _words(name))
    if not said:
        return []
    found = []
    for mentor in mentors:
        words, _ = _name(mentor.record.name)
        full = len(words) >= 2 and set(words) <= set(said)
        if full or any(
            _run_of(said, words[start : start + len(said)])
            for start in range(len(words) - len(said) + 1)
        ):
            found.append(mentor)
    return found


def _run_of(said: tuple[str, ...], words: tuple[str, ...]) -> bool:
    """Whether `said` is `words`, each word whole or as its initial, one at
    least whole."""
    return any(s == w for s, w in zip(said, words, strict=True)) and all(
        s == w or (len(s) == 1 and w.startswith(s))
        for s, w in zip(said, words, strict=True)
    )


def named_mentors(
    title: str,
    names: list[str],
    emails: list[str],
    mentors: list[Stored[Mentor]],
    by_contact: dict[str, Stored[Mentor]],
    own: str | None = None,
) -> list[Stored[Mentor]]:
    """The mentors an event names: by its attendees (email, then name);
    when they name none, by its title. An attendee whose name is the user's
    own (`own`, the journal's `name`), or part of it ("Sam" for Sam Rivera),
    is the user, never a mentor who shares a first name."""
    named: dict[str, Stored[Mentor]] = {}
    for email in emails:
        if email in by_contact:
            named[by_contact[email].record.id] = by_contact[email]
    mine = {w.casefold() for w in _words(own)} if own else set()
    for name in names:
        said = {w.casefold() for w in _words(name)}
        if said and said <= mine:
            continue  # the user, in their own calendar
        matches = named_by_attendee(name, mentors)
        if len(matches) == 1:
            named[matches[0].record.id] = matches[0]
    if not named and title:
        for mentor in named_by_title(title, mentors):
            named[mentor.record.id] = mentor
    return list(named.values())
