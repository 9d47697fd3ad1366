"""`checklist`, through the core: each of the eleven habits, its mark and the
evidence behind it."""

from datetime import date

import pytest

from mentorlog.core.checklist import Checklist, Item, checklist
from mentorlog.core.goals import GoalDraft, add_goal
from mentorlog.core.mentors import AgreementChanges, agree
from mentorlog.core.sessions import cancel_session
from mentorlog.core.tracking import add_log, add_resource, finish_resource
from mentorlog.store.journal import Journal

from .build import TODAY, day, full_agreement, held, mentor, plan, settle, smart_goal


def marks(check: Checklist) -> dict[int, str]:
    return {item.number: item.mark for item in check.items}


def item(journal: Journal, number: int, today: date = TODAY) -> Item:
    return checklist(journal, today).items[number - 1]


def meeting(journal: Journal, ref: str, on: date, prepared: date) -> None:
    """A meeting kept by every habit: prepared, recapped in full, thanked."""
    plan(journal, ref, on, prepared)
    held(
        journal,
        ref,
        on,
        takeaways=[f"Takeaway of {on}"],
        actions=[f"Action of {on}"],
        feedback_asked="code review",
        appreciated=True,
    )
    settle(journal, "thanks", on)


@pytest.fixture
def kept(journal: Journal) -> str:
    """A mentorship where every habit is kept; returns the mentor's short id."""
    ada = mentor(journal, on=day("2026-08-01"), expertise=("web", "writing", "career"))
    full_agreement(journal, ada, day("2026-08-01"))
    for title, area in [
        ("Build a working web application using React within 3 months", "web"),
        ("Publish 2 blog posts on testing within 2 months", "writing"),
        ("Interview 5 engineers about their careers within 6 weeks", "career"),
    ]:
        smart_goal(journal, title, area, day("2026-11-01"))
    meeting(journal, ada, day("2026-11-01"), prepared=day("2026-10-30"))
    for title, done in [("Refactoring", "2026-11-05"), ("Testing talk", "2026-11-10")]:
        saved = add_resource(journal, title, day("2026-11-02"))
        finish_resource(journal, saved.short, None, day(done))
    meeting(journal, ada, day("2026-11-15"), prepared=day("2026-11-12"))
    add_log(journal, "Shipped the login page", "win", day("2026-11-20"))
    plan(journal, ada, day("2026-11-29"), TODAY)
    settle(journal, "review", TODAY)
    settle(journal, "feedback", TODAY)
    return ada


def test_every_habit_kept_passes_all_eleven(journal: Journal, kept: str) -> None:
    check = checklist(journal, TODAY)
    assert [(i.number, i.mark, i.evidence, i.advice) for i in check.items] == [
        (
            1,
            "pass",
            "3 active goals; 3 with a target date, 3 with every SMART part "
            "(target 3-5)",
            None,
        ),
        (
            2,
            "pass",
            "Ada Lovelace: 2 meetings (biweekly), next on 2026-11-29",
            None,
        ),
        (3, "pass", "agenda prepared for 2 of 2 meetings", None),
        (4, "pass", "takeaways after 2 of 2 meetings, action items after 2", None),
        (5, "pass", "feedback requested in 2 of the last 2 meetings", None),
        (6, "pass", "between meetings: 2 (target 2); 0 since the last one", None),
        (7, "pass", "1 win, 0 challenges logged since 2026-11-15", None),
        (
            8,
            "pass",
            "appreciation expressed in 2 of the last 2 meetings; thank-you notes "
            "after 2",
            None,
        ),
        (9, "pass", "Ada Lovelace: 12/12", None),
        (
            10,
            "pass",
            "Ada Lovelace: review 2026-11-22, feedback to them 2026-11-22",
            None,
        ),
        (11, "pass", "3 of 3 needs covered", None),
    ]
    assert (check.passed, check.applicable, check.mentor) == (11, 11, None)


def test_an_empty_journal_fails_goals_and_has_nothing_else_to_check(
    journal: Journal,
) -> None:
    check = checklist(journal, TODAY)
    assert marks(check) == {1: "fail", **{n: "n/a" for n in range(2, 12)}}
    assert check.items[0].evidence == "no active goal yet"
    assert check.items[0].advice == (
        'add one: mentorlog goals add "build ... within 3 months"'
    )
    assert (check.passed, check.applicable) == (0, 1)


def test_goals_fail_outside_the_range_or_short_of_smart(journal: Journal) -> None:
    smart_goal(
        journal, "Build a working web app using React within 3 months", "web", TODAY
    )
    first = item(journal, 1)
    assert (first.mark, first.advice) == ("fail", "add a goal: mentorlog goals add ...")
    assert str(first.evidence).startswith("1 active goal; 1 with a target date")
    smart_goal(journal, "Publish 2 blog posts on testing within 2 months", "web", TODAY)
    add_goal(journal, GoalDraft(title="Improve my skills"), TODAY)
    vague = item(journal, 1)
    assert vague.mark == "fail"
    assert vague.evidence == (
        "3 active goals; 2 with a target date, 2 with every SMART part (target 3-5)"
    )
    assert vague.advice == "mentorlog goals check shows what each goal is missing"


def test_cadence_fails_without_a_next_meeting(journal: Journal, kept: str) -> None:
    cancel_session(journal, "2026-11-29", TODAY)
    cadence = item(journal, 2)
    assert cadence.mark == "fail"
    assert cadence.evidence == (
        "Ada Lovelace: 2 meetings (biweekly), no next meeting planned"
    )
    assert cadence.advice == f"plan the next meeting: mentorlog prep {kept}"


def test_cadence_fails_on_a_gap_longer_than_the_cadence(journal: Journal) -> None:
    ada = mentor(journal, on=day("2026-09-01"), cadence="weekly")
    held(journal, ada, day("2026-09-01"), takeaways=["x"])
    held(journal, ada, day("2026-09-08"), takeaways=["x"])
    plan(journal, ada, day("2026-11-25"), TODAY)
    cadence = item(journal, 2)
    assert cadence.mark == "fail"
    assert cadence.evidence == (
        "Ada Lovelace: 2 meetings (weekly), 1 gap longer than the cadence, "
        "next on 2026-11-25"
    )
    mentor(journal, "Grace Hopper", cadence=None)
    assert "Grace Hopper: no cadence agreed" in item(journal, 2).evidence


def test_a_bare_recap_fails_every_meeting_habit(journal: Journal) -> None:
    ada = mentor(journal, on=day("2026-10-01"))
    held(journal, ada, day("2026-11-15"), takeaways=["Ship small"])
    check = checklist(journal, TODAY)
    found = {i.number: (i.mark, i.evidence) for i in check.items}
    assert found[3] == ("fail", "agenda prepared for 0 of 1 meeting")
    assert found[4] == (
        "fail",
        "takeaways after 1 of 1 meeting, action items after 0",
    )
    assert found[5] == ("fail", "feedback requested in 0 of the last 1 meeting")
    assert found[7] == ("fail", "0 wins, 0 challenges logged since 2026-11-15")
    assert found[8] == (
        "fail",
        "appreciation expressed in 0 of the last 1 meeting; thank-you notes after 0",
    )
    assert check.items[3].advice == (
        'after each meeting: mentorlog recap M --takeaway "..." --action "..."'
    )


def test_a_thank_you_note_is_not_late_on_the_day_of_the_meeting(
    journal: Journal,
) -> None:
    ada = mentor(journal, on=day("2026-10-01"))
    held(journal, ada, TODAY, takeaways=["x"], appreciated=True)
    today = item(journal, 8)
    assert today.mark == "pass"
    assert str(today.evidence).endswith("thank-you notes after 0 (1 not due yet)")
    assert item(journal, 8, day("2026-11-23")).mark == "fail"


def test_resources_are_counted_between_each_pair_of_meetings(
    journal: Journal,
) -> None:
    ada = mentor(journal, on=day("2026-10-01"))
    held(journal, ada, day("2026-11-01"), takeaways=["x"])
    saved = add_resource(journal, "Refactoring", day("2026-11-02"))
    finish_resource(journal, saved.short, None, day("2026-11-05"))
    one_meeting = item(journal, 6)
    assert one_meeting.mark == "n/a"
    assert one_meeting.evidence == (
        "1 explored since the last meeting; checked once two meetings with a "
        "mentor are held"
    )
    held(journal, ada, day("2026-11-15"), takeaways=["x"])
    later = add_resource(journal, "Testing talk", day("2026-11-16"))
    finish_resource(journal, later.short, None, day("2026-11-18"))
    resources = item(journal, 6)
    assert resources.mark == "fail"
    assert resources.evidence == "between meetings: 1 (target 2); 1 since the last one"


def test_a_private_win_is_not_an_achievement_shared(journal: Journal) -> None:
    ada = mentor(journal, on=day("2026-10-01"))
    held(journal, ada, day("2026-11-15"), takeaways=["x"])
    add_log(journal, "Secret win", "win", day("2026-11-16"), private=True)
    assert item(journal, 7).mark == "fail"
    add_log(journal, "Hard week", "challenge", day("2026-11-17"))
    shared = item(journal, 7)
    assert (shared.mark, shared.evidence) == (
        "pass",
        "0 wins, 1 challenge logged since 2026-11-15",
    )


def test_an_agreement_with_open_parts_names_them(journal: Journal) -> None:
    ada = mentor(journal, on=day("2026-10-01"))
    agree(journal, ada, AgreementChanges(cadence="weekly", channel="video"), TODAY)
    agreement = item(journal, 9)
    assert agreement.mark == "fail"
    assert agreement.evidence == (
        "Ada Lovelace: 2/12 (open with Ada Lovelace: response time, reschedule "
        "notice, missed plan, topics, ...)"
    )
    full_agreement(journal, ada, TODAY)
    assert item(journal, 9).mark == "pass"


def test_only_ongoing_mentors_need_an_agreement(journal: Journal) -> None:
    mentor(journal, "Grace Hopper", flash=True, cadence=None)
    flash = item(journal, 9)
    assert (flash.mark, flash.evidence) == ("n/a", "no ongoing mentor yet")


def test_reviews_wait_for_the_period_then_fall_due(journal: Journal) -> None:
    mentor(journal, on=day("2026-08-24"))  # the 90 days end today
    young = item(journal, 10, day("2026-11-21"))
    assert young.mark == "n/a"
    assert young.evidence == (
        "Ada Lovelace: review not yet, feedback to them not yet (due within 90 days)"
    )
    due = item(journal, 10)
    assert due.mark == "fail"
    assert due.evidence == "Ada Lovelace: review not yet, feedback to them not yet"
    settle(journal, "review", TODAY)
    assert item(journal, 10).mark == "fail"  # the feedback to them is still owed
    settle(journal, "feedback", TODAY)
    assert item(journal, 10).mark == "pass"


def test_the_network_names_the_areas_no_mentor_covers(journal: Journal) -> None:
    smart_goal(
        journal, "Build a working web app using React within 3 months", "web", TODAY
    )
    smart_goal(
        journal, "Give 2 talks at meetups within 4 months", "public speaking", TODAY
    )
    mentor(journal, expertise=("web development",))
    network = item(journal, 11)
    assert network.mark == "fail"
    assert network.evidence == "1 of 2 needs covered; gaps: public speaking"
    mentor(journal, "Grace Hopper", expertise=("public speaking",))
    assert item(journal, 11).mark == "pass"


def test_a_checklist_for_one_mentor_looks_at_their_meetings_only(
    journal: Journal, kept: str
) -> None:
    grace = mentor(journal, "Grace Hopper", on=day("2026-10-01"))
    held(journal, grace, day("2026-11-20"), takeaways=["x"])
    everyone = checklist(journal, TODAY)
    assert everyone.items[2].evidence == "agenda prepared for 2 of 3 meetings"
    ada_only = checklist(journal, TODAY, kept)
    assert ada_only.mentor == "Ada Lovelace"
    assert ada_only.items[2].evidence == "agenda prepared for 2 of 2 meetings"
    assert checklist(journal, TODAY, grace).items[2].mark == "fail"
