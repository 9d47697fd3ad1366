"""The SMART coach, through the core: what it sees in titles and parts."""

from datetime import date

import pytest

from mentorlog.core.smart import check_goal, deadline_in_title, score
from mentorlog.models import Goal, Milestone

TODAY = date(2026, 11, 22)


def goal(title: str, **parts: object) -> Goal:
    return Goal(id="0" * 26, title=title, created=TODAY, **parts)


def parts_missing(g: Goal) -> set[str]:
    return {gap.part for gap in check_goal(g, TODAY)}


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Build a web app within 3 months", date(2027, 2, 22)),
        ("Interview alumni in two weeks", date(2026, 12, 6)),
        (
            "learn more about kubernetes by passing the CKA exam by 2027-06-01",
            date(2027, 6, 1),
        ),
        ("Read 12 books by december", date(2026, 12, 31)),
        ("Ship the beta by march", date(2027, 3, 31)),
        ("Ship the beta by march 1", date(2027, 3, 1)),
        ("Give a talk by the end of the year", date(2026, 12, 31)),
        ("Write the report by eom", date(2026, 11, 30)),
        ("Stand by me", None),
        ("Improve my programming skills", None),
    ],
)
def test_deadlines_in_titles(title: str, expected: date | None) -> None:
    assert deadline_in_title(title, TODAY) == expected


def test_a_vague_goal_misses_every_part() -> None:
    gaps = check_goal(goal("Improve my programming skills"), TODAY)
    assert {g.part for g in gaps} == {
        "specific",
        "measurable",
        "achievable",
        "relevant",
        "time-bound",
    }
    specific = next(g for g in gaps if g.part == "specific")
    assert '"improve" names a direction' in specific.message
    assert '"my programming skills"' in specific.message
    assert (
        "build a working web application using React within 3 months"
        in specific.message
    )
    assert score(gaps) == 0


def test_a_smart_goal_has_no_gap() -> None:
    g = goal(
        "Build a working web application using React within 3 months",
        achievable="6 hours a week",
        relevant="front-end roles",
        milestones=[Milestone(title="Tutorial", due=date(2026, 12, 6))],
    )
    assert check_goal(g, TODAY) == []


def test_a_number_makes_a_vague_verb_concrete() -> None:
    assert "specific" not in parts_missing(
        goal("Improve test coverage to 80% by march")
    )
    assert "measurable" not in parts_missing(
        goal("Improve test coverage to 80% by march")
    )


def test_a_bare_topic_is_not_specific() -> None:
    gaps = check_goal(goal("Rust"), TODAY)
    assert any(
        g.part == "specific" and "is a topic, not a goal" in g.message for g in gaps
    )


def test_dates_that_passed_and_late_milestones() -> None:
    g = goal(
        "Write 3 posts",
        target=date(2026, 11, 1),
        milestones=[Milestone(title="Draft", due=date(2026, 12, 1))],
    )
    messages = [g.message for g in check_goal(g, TODAY) if g.part == "time-bound"]
    assert any("passed 21 days ago" in m for m in messages)
    assert any('milestone "Draft" is due 2026-12-01 after' in m for m in messages)
    closed = g.model_copy(update={"status": "done"})
    assert not any("passed" in x.message for x in check_goal(closed, TODAY))


def test_filled_parts_answer_the_coach() -> None:
    g = goal(
        "Learn Rust",
        specific="write a CLI tool in Rust",
        measurable="published on crates.io",
        achievable="evenings",
        relevant="systems job",
        target=date(2027, 3, 1),
        milestones=[Milestone(title="Book")],
    )
    assert check_goal(g, TODAY) == []
    vague_part = g.model_copy(update={"specific": "get better at it"})
    assert "specific" in parts_missing(vague_part)
