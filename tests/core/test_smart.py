"""The SMART coach, through the core: what it sees in titles and parts."""

from datetime import date
from pathlib import Path

import pytest

from mentorlog.core.smart import check_goal, deadline_in_title, score, scored
from mentorlog.core.smart_title import read_title
from mentorlog.models import Goal, Milestone
from tests.conftest import Run

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
        "milestones",  # advice of its own since issue 20, not a SMART part
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
    messages = [str(g.message) for g in check_goal(g, TODAY) if g.part == "time-bound"]
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


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("By the end of next month, finish chapter 2", date(2026, 12, 31)),
        ("Pass the AWS exam before its March 2027 cutoff", date(2027, 3, 31)),
        ("In January 2027, start a part-time MBA", date(2027, 1, 31)),
        ("On 12 May 2027, run the Edinburgh half marathon", date(2027, 5, 12)),
        ("Submit the grant application by febuary 1", date(2027, 2, 1)),
        ("Hit 50 sales calls by Q3", date(2027, 9, 30)),
        ("Write the paper in the next 6 weeks", date(2027, 1, 3)),
        ("Lead the migration by end of Q4 2027", date(2027, 12, 31)),
        ("Meditate every day", None),
    ],
)
def test_deadlines_anywhere_in_a_title(title: str, expected: date | None) -> None:
    assert deadline_in_title(title, TODAY) == expected


@pytest.mark.parametrize(
    "title",
    [
        "Finish my thesis proposal this semester",
        "Present my research at group meeting next term",
        "Write a research statement over the summer",
        "Complete the online SQL course by 3/15",
        "Take 2 courses in the next fortnight",
        "Do 10 mock interviews by mid-January",
        "Launch the newsletter by FY2027",
        "Get my first paper accepted at NeurIPS 2027",
    ],
)
def test_time_frames_without_a_day_are_time_bound(title: str) -> None:
    assert read_title(title).time.outcome == "pass"


@pytest.mark.parametrize(
    "title",
    [
        "Meditate every day",
        "Attend office hours weekly",
        "Get a job ASAP",
        "Stand by me",
    ],
)
def test_frequencies_and_soon_are_not_deadlines(title: str) -> None:
    assert read_title(title).time.outcome == "fail"


def test_an_event_deadline_asks_for_the_date() -> None:
    reading = read_title("Draft 3 chapters before my qualifying exam")
    assert reading.time.outcome == "unsure"
    gap = next(
        g
        for g in check_goal(goal("Draft 3 chapters before my qualifying exam"), TODAY)
        if g.part == "time-bound"
    )
    assert '"before my qualifying exam" ties the goal to an event: when is it?' in (
        str(gap.message)
    )
    assert "no target date" not in str(gap.message)
    dated = goal("Draft 3 chapters before my qualifying exam", target=date(2027, 3, 1))
    assert "time-bound" not in parts_missing(dated)


@pytest.mark.parametrize(
    ("title", "measurable"),
    [
        ("Have a calmer morning routine", False),  # "a" is not a number
        ("Learn Python 3", False),  # a version
        ("Understand Web 2.0 marketing", False),  # a name
        ("Master Excel pivot tables in the next 4 weeks", False),  # the time frame
        ("Practise my 10-minute demo", False),  # a descriptor
        ("Read 12 books this year", True),
        ("Raise my GPA to 3.6", True),
        ("Reduce API latency to 200 ms", True),
        ("Get my visa approved", True),  # observable yes/no outcomes
        ("Send a status email to my manager every Friday", True),
        ("Defend my dissertation", True),
    ],
)
def test_numbers_count_by_their_role(title: str, measurable: bool) -> None:
    assert (read_title(title).measurable.outcome == "pass") is measurable


@pytest.mark.parametrize(
    ("title", "quoted"),
    [
        ("Improve my writing", '"improve" names a direction'),
        ("Sort out my finances", '"sort out" names a direction'),
        ("Dig into machine learning", 'What will "machine learning" let you'),
        ("Keep up with the latest research", '"keep up with" names a direction'),
        ("Become a stronger writer", '"a stronger writer" is a comparison'),
        ("Have more presence in team meetings", '"more presence" is a comparison'),
        ("Be more relaxed presenting", '"more relaxed presenting" is a comparison'),
        ("Work on my CV before the review", 'What will "my CV" let you'),
    ],
)
def test_vague_verbs_and_comparatives_quote_the_real_phrase(
    title: str, quoted: str
) -> None:
    gap = next(g for g in check_goal(goal(title), TODAY) if g.part == "specific")
    assert quoted in gap.message


@pytest.mark.parametrize(
    "title",
    [
        "Join a writing circle",  # a noun, not the verb "write"
        "Get fitter by running 3 parkruns in May",  # a vague opener with a plan
        "Learn Rust",
        "Learn to cook Thai food",
        "Improve test coverage to 80% by March",
        "Reach 1,000 newsletter subscribers by year-end",
    ],
)
def test_concrete_goals_are_specific(title: str) -> None:
    assert "specific" not in parts_missing(goal(title))


def test_milestones_are_their_own_advice() -> None:
    g = goal(
        "Build a React app with 3 pages by dec 20",
        measurable="deployed",
        achievable="6h a week",
        relevant="jobs",
    )
    gaps = check_goal(g, TODAY)
    assert [gap.part for gap in gaps] == ["milestones"]
    assert score(gaps) == 5
    assert "no milestone yet" in str(gaps[0].message)


def test_a_goal_in_another_language_gets_no_verdict() -> None:
    gaps = check_goal(goal("Terminer ma thèse avant la fin de l'année"), TODAY)
    assert [g.part for g in gaps] == ["language"]
    assert "reads English only" in gaps[0].message
    assert not scored(gaps)
    assert score(gaps) == 0


def test_a_listing_compiles_the_title_judge_only_for_titles_it_has_not_read(
    run: Run, home: Path
) -> None:
    """The judge's grammar costs more than a whole listing to compile; its
    reading of a title is remembered in the journal's cache, so the next
    `goals` (or `status`, `checklist`) does not import it, and a new or changed
    title is read afresh."""
    import subprocess
    import sys

    assert run("goals", "add", "Learn Go", "--by", "eom").exit_code == 0
    assert run("goals", "add", "Improve my writing").exit_code == 0

    def judged(*args: str) -> tuple[bool, str]:
        done = subprocess.run(
            [sys.executable, "-X", "importtime", "-m", "mentorlog", *args],
            capture_output=True,
            text=True,
            check=True,
        )
        return "mentorlog.core.smart_title" in done.stderr, done.stdout

    first, listed = judged("goals")
    assert first
    again, listed_again = judged("goals")
    assert not again
    assert listed_again == listed  # the remembered readings say the same
    assert not judged("checklist")[0]
    assert run("goals", "add", "Write 4 blog posts by April 30").exit_code == 0
    assert judged("goals")[0]  # a title never read: the judge reads it
