"""Text a user types is matched against stored text the way references are
(`store.refs.normal`: NFC, case-folded): an accent typed as a combining mark
(macOS input, a copied name) or another case still finds the question, the
topic, the milestone, the off-limits term, the mentor."""

from __future__ import annotations

from pathlib import Path

from mentorlog.core.common import union
from mentorlog.store.journal import Journal
from mentorlog.store.kinds import GOALS, SESSIONS
from tests.cli.test_say_it_once import fail, ok
from tests.conftest import Run

CAFE = "Où est le café?"  # composed: one code point per letter
CAFE_TYPED = "OU\u0300 EST LE CAFE\u0301?"  # decomposed, in capitals


def test_answered_matches_a_decomposed_capitalised_question(
    run: Run, home: Path, journal: Journal
) -> None:
    ok(run, "mentors", "add", "Ada Lovelace")
    ok(run, "prep", "ada", "--on", "today", "-q", CAFE, "-q", "Why?")
    ok(run, "recap", "ada", "--answered", CAFE_TYPED)
    (session,) = journal.load(SESSIONS).records
    assert session.record.answered == [CAFE]
    (agenda,) = (home / "sessions").glob("*.md")
    assert f"- [x] {CAFE}" in agenda.read_text(encoding="utf-8")
    # the start of it, typed the other way, is the start of it too
    ok(run, "recap", "ada", "--answered", "WHY")


def test_a_question_or_topic_typed_twice_another_way_is_one(
    run: Run, journal: Journal
) -> None:
    ok(run, "mentors", "add", "Ada Lovelace")
    ok(run, "prep", "ada", "--on", "fri", "-q", CAFE, "--topic", "Café chat")
    ok(run, "prep", "ada", "-q", CAFE_TYPED, "--topic", "CAFE\u0301 CHAT")
    (session,) = journal.load(SESSIONS).records
    assert session.record.questions == [CAFE]
    assert session.record.topics == ["Café chat"]
    assert union(["Straße"], ["STRASSE", "Stra\u00dfe"]) == ["Straße"]


def test_a_milestone_typed_again_another_way_is_the_same(
    run: Run, journal: Journal
) -> None:
    ok(run, "goals", "add", "Learn French", "--by", "eoy")
    ok(run, "goals", "milestone", "learn", "Order in a café")
    said = fail(run, "goals", "milestone", "learn", "ORDER IN A CAFE\u0301")
    assert "already has the milestone" in said
    (goal,) = journal.load(GOALS).records
    assert [m.title for m in goal.record.milestones] == ["Order in a café"]


def test_an_off_limits_term_typed_another_way_is_still_off_limits(run: Run) -> None:
    ok(run, "mentors", "add", "Ada Lovelace")
    ok(run, "mentors", "agree", "ada", "--off-limits", "Café")
    result = run("prep", "ada", "--on", "fri", "--topic", "the CAFE\u0301 job")
    assert result.exit_code == 0, result.output
    assert "off-limits" in result.stderr


def test_a_mentor_named_again_another_way_is_a_twin(run: Run) -> None:
    ok(run, "mentors", "add", "Zoë Kim")
    result = run("mentors", "add", "ZOE\u0308 KIM")
    assert result.exit_code == 0
    assert "another mentor has the same name" in result.stderr
