"""Which mentor a calendar event's title names (`core.event_names`): the full
name in any case, or one word of it with a capital, never a word that is also
a month, weekday or everyday word ("Planning for May", "Will review")."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from mentorlog.core.event_names import named_by_title
from mentorlog.core.mentors import MentorDraft, add_mentor
from mentorlog.store.journal import Journal
from mentorlog.store.kinds import MENTORS
from tests.core.build import TODAY

NAMES = [
    "Ada Lovelace",
    "May Chen",
    "June Park",
    "Will Smith",
    "Rose",
    "Mark",
    "Dr. Helen Okafor",
    "Jean-Luc Picard",
    "Zoë O'Brien",
    "Sunday Adeyemi",
    "Jan Novak",
]


@pytest.fixture
def names_of(journal: Journal) -> Callable[[str], list[str]]:
    for name in NAMES:
        add_mentor(journal, MentorDraft(name=name), TODAY)
    mentors = journal.load(MENTORS).records

    def names(title: str) -> list[str]:
        return sorted(m.record.name for m in named_by_title(title, mentors))

    return names


@pytest.mark.parametrize(
    ("title", "named"),
    [
        # the full name, any case, anywhere
        ("1:1 with Ada Lovelace", ["Ada Lovelace"]),
        ("ada lovelace / me", ["Ada Lovelace"]),
        ("Planning with May Chen", ["May Chen"]),
        ("may chen sync", ["May Chen"]),
        ("June Park: quarterly review", ["June Park"]),
        ("Coffee - will smith", ["Will Smith"]),
        ("Intro call, Dr. Helen Okafor", ["Dr. Helen Okafor"]),
        ("jean-luc picard mentoring", ["Jean-Luc Picard"]),
        ("Sunday Adeyemi check-in", ["Sunday Adeyemi"]),
        ("JAN NOVAK", ["Jan Novak"]),
        # one word of the name, with a capital, not an everyday word
        ("1:1 with Ada", ["Ada Lovelace"]),
        ("Lovelace sync", ["Ada Lovelace"]),
        ("Ada's feedback", ["Ada Lovelace"]),
        ("Chen / me", ["May Chen"]),
        ("Helen", ["Dr. Helen Okafor"]),
        ("Okafor office hours", ["Dr. Helen Okafor"]),
        ("Picard debrief", ["Jean-Luc Picard"]),
        ("Coffee with Zoë", ["Zoë O'Brien"]),
        ("O'Brien: career chat", ["Zoë O'Brien"]),
        ("Smith review", ["Will Smith"]),
        ("Novak", ["Jan Novak"]),
        # two mentors: both named (the import skips such an event)
        ("Ada Lovelace and Helen", ["Ada Lovelace", "Dr. Helen Okafor"]),
    ],
)
def test_a_title_names_a_mentor_by_the_full_name_or_a_capitalised_name_word(
    names_of: Callable[[str], list[str]], title: str, named: list[str]
) -> None:
    assert names_of(title) == named


@pytest.mark.parametrize(
    "title",
    [
        # months and weekdays
        "Planning for May",
        "May 1:1s",
        "Budget due in June",
        "June",
        "Sunday brunch",
        "Out until Jan 5",
        # everyday words, wherever and however written
        "Will review the draft",
        "Who will lead?",
        "Lunch with Will",
        "Mark the date",
        "Mark",
        "Rose garden tour",
        "A Rose for Emily",
        "Park run",
        "Walk in the Park",
        # a capital missing: a word of the name written as an ordinary word
        "ada conference planning",
        "helen of troy reading",
        "smith and wesson",
        # a courtesy title, a single letter
        "Dr appointment",
        "O",
        # a word merely starting like a name, or containing one
        "Adaptive planning",
        "Chenille shopping",
        "Lovelaces",
        "",
    ],
)
def test_a_title_with_only_everyday_words_names_nobody(
    names_of: Callable[[str], list[str]], title: str
) -> None:
    assert names_of(title) == []


def test_a_full_name_found_claims_its_words(journal: Journal) -> None:
    """A title with "Ada Lovelace" names her alone, not another Ada; "Ada"
    alone names both, and the import skips it as naming more than one."""
    add_mentor(journal, MentorDraft(name="Ada Lovelace"), TODAY)
    add_mentor(journal, MentorDraft(name="Ada Yonath"), TODAY)
    mentors = journal.load(MENTORS).records

    def names(title: str) -> list[str]:
        return sorted(m.record.name for m in named_by_title(title, mentors))

    assert names("Ada Lovelace 1:1") == ["Ada Lovelace"]
    assert names("Catch-up with Ada") == ["Ada Lovelace", "Ada Yonath"]
    assert names("Yonath / Lovelace") == ["Ada Lovelace", "Ada Yonath"]
