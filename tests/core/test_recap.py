"""`record_recap`, through the core: a meeting held and everything it leaves
behind, written all at once or not at all."""

from pathlib import Path

import pytest

from mentorlog.core.goals import GoalDraft, add_goal
from mentorlog.core.recap import RecapInput, record_recap
from mentorlog.core.sessions import cancel_session
from mentorlog.core.tracking import add_action, add_resource, finish_resource
from mentorlog.errors import DataError, UserError
from mentorlog.store.journal import Journal
from mentorlog.store.kinds import ACTIONS, FEEDBACK, RESOURCES, SESSIONS

from .build import TODAY, day, held, mentor, plan, snapshot


@pytest.fixture
def ada(journal: Journal) -> str:
    return mentor(journal, on=day("2026-10-01"), cadence="biweekly")


def test_a_recap_holds_the_planned_meeting_with_what_it_produced(
    journal: Journal, ada: str
) -> None:
    planned = plan(journal, ada, TODAY, day("2026-11-20"), feedback_area="code review")
    goal = add_goal(journal, GoalDraft(title="Ship the app by march"), TODAY)
    result = held(
        journal,
        ada,
        TODAY,
        takeaways=["  Ship small  ", "Tests first"],
        actions=["Read chapter 3", "Email the venue due:2026-11-27"],
        due=day("2026-12-01"),
        goal=goal.view.short,
        feedback=["Name things better"],
        appreciated=True,
    )
    session = result.view.session
    assert not result.created
    assert session.id == planned.view.session.id
    assert (session.status, session.date, session.held_on) == ("held", TODAY, TODAY)
    assert session.takeaways == ["Ship small", "Tests first"]
    assert session.appreciated is True
    assert [
        (a.text, a.due, a.session, a.goal, a.mentor) for a in result.new_actions
    ] == [
        (
            "Read chapter 3",
            day("2026-12-01"),
            session.id,
            goal.view.goal.id,
            session.mentor,
        ),
        (
            "Email the venue",
            day("2026-11-27"),
            session.id,
            goal.view.goal.id,
            session.mentor,
        ),
    ]
    [feedback] = result.feedback
    assert (feedback.text, feedback.area, feedback.session, feedback.received) == (
        "Name things better",
        "code review",  # the area the agenda asked about
        session.id,
        TODAY,
    )
    assert result.next_date == day("2026-12-06")
    stored = {s.record.text: s.record for s in journal.load(ACTIONS).records}
    assert stored["Email the venue"].due == day("2026-11-27")
    assert [f.record.text for f in journal.load(FEEDBACK).records] == [
        "Name things better"
    ]


def test_a_recap_without_a_plan_creates_the_meeting_today(
    journal: Journal, ada: str
) -> None:
    result = held(journal, ada, TODAY, takeaways=["Unplanned but useful"])
    assert result.created
    assert (result.view.session.date, result.view.session.status) == (TODAY, "held")
    assert result.view.body.startswith("\n# Ada Lovelace · 2026-11-22\n\n## Notes\n")
    assert len(journal.load(SESSIONS).records) == 1


def test_a_meeting_planned_later_is_held_today(journal: Journal, ada: str) -> None:
    plan(journal, ada, day("2026-11-25"), day("2026-11-20"))
    result = held(journal, ada, TODAY, takeaways=["Met early"])
    assert not result.created
    assert result.view.session.date == TODAY


def test_actions_carried_in_are_closed_done_or_dropped(
    journal: Journal, ada: str
) -> None:
    read = add_action(journal, "Read chapter 2", day("2026-11-01"), mentor=ada)
    add_action(journal, "Write the summary", day("2026-11-02"), mentor=ada)
    add_action(journal, "Call the venue", day("2026-11-03"), mentor=ada)
    result = held(journal, ada, TODAY, done=[read.short], dropped=["write the sum"])
    assert [(a.text, a.status, a.closed) for a in result.closed] == [
        ("Read chapter 2", "done", TODAY),
        ("Write the summary", "dropped", TODAY),
    ]
    status = {s.record.text: s.record.status for s in journal.load(ACTIONS).records}
    assert status == {
        "Read chapter 2": "done",
        "Write the summary": "dropped",
        "Call the venue": "open",
    }


def test_the_followups_of_a_recap(journal: Journal, ada: str) -> None:
    add_resource(journal, "Clean Code", day("2026-11-01"), recommended_by=ada)
    result = held(journal, ada, TODAY, takeaways=["x"])
    assert result.followups == [
        "Send Ada Lovelace a thank-you note (video) for the meeting on 2026-11-22.",
        'Explore "Clean Code", which Ada Lovelace recommended, and tell them what '
        "you made of it in about a week.",
        f"Next meeting by your cadence: 2026-12-06 (mentorlog prep {ada} --on "
        "2026-12-06).",
    ]
    grace = mentor(journal, "Grace Hopper", cadence=None, channel=None)
    other = held(journal, grace, TODAY, takeaways=["x"])
    assert other.next_date is None
    assert str(other.followups[0]).endswith(
        "(your usual channel) for the meeting on 2026-11-22."
    )
    assert other.followups[-1] == (
        f"No cadence agreed: plan the next meeting with `mentorlog prep {grace} "
        "--on DATE`."
    )


def test_an_impression_on_the_agenda_is_shared_at_the_meeting(
    journal: Journal, ada: str
) -> None:
    book = add_resource(journal, "Clean Code", day("2026-11-01"), recommended_by=ada)
    finish_resource(journal, book.short, None, day("2026-11-10"))
    plan(journal, ada, TODAY, day("2026-11-20"))
    held(journal, ada, TODAY, takeaways=["x"])
    [resource] = journal.load(RESOURCES).records
    assert resource.record.impression_shared_on == TODAY


@pytest.mark.parametrize(
    ("given", "message"),
    [
        (RecapInput(takeaways=["ok", "   "]), "a takeaway is empty"),
        (
            RecapInput(actions=["Email due:fridya"]),
            'cannot read the date in "due:fridya"',
        ),
        (RecapInput(done=["no such action"]), '"no such action" is not an open action'),
        (
            RecapInput(done=["read"], dropped=["read"]),
            "an action is named twice in --done / --dropped",
        ),
        (RecapInput(takeaways=["x"], goal="no such goal"), "no such goal"),
    ],
)
def test_bad_input_changes_nothing(
    journal: Journal, home: Path, ada: str, given: RecapInput, message: str
) -> None:
    plan(journal, ada, TODAY, day("2026-11-20"))
    add_action(journal, "Read chapter 2", day("2026-11-01"), mentor=ada)
    before = snapshot(home)
    with pytest.raises(UserError) as raised:
        record_recap(
            journal,
            ada,
            RecapInput(
                takeaways=["A real takeaway", *given.takeaways],
                actions=["A real action", *given.actions],
                feedback=["Real feedback"],
                done=given.done,
                dropped=given.dropped,
                goal=given.goal,
            ),
            TODAY,
        )
    assert message in str(raised.value)
    assert snapshot(home) == before


def test_a_cancelled_meeting_cannot_be_recapped(journal: Journal, ada: str) -> None:
    planned = plan(journal, ada, day("2026-11-25"), day("2026-11-20"))
    cancel_session(journal, planned.view.short, TODAY)
    with pytest.raises(UserError, match="was cancelled: there is nothing to recap"):
        record_recap(journal, planned.view.short, RecapInput(takeaways=["x"]), TODAY)


def test_a_broken_session_file_blocks_the_recap(
    journal: Journal, home: Path, ada: str
) -> None:
    planned = plan(journal, ada, TODAY, day("2026-11-20"))
    path = home / planned.view.file
    path.write_text(path.read_text().replace('status = "planned"', 'status = "x"'))
    before = snapshot(home)
    with pytest.raises(DataError):
        held(journal, ada, TODAY, takeaways=["x"])
    assert snapshot(home) == before


def test_with_no_mentor_named_the_nearest_planned_meeting_is_recapped(
    journal: Journal, ada: str
) -> None:
    grace = mentor(journal, "Grace Hopper", on=day("2026-10-01"))
    plan(journal, grace, day("2026-11-30"), day("2026-11-20"))
    near = plan(journal, ada, day("2026-11-23"), day("2026-11-20"))
    result = held(journal, None, TODAY, takeaways=["x"])
    assert result.view.session.id == near.view.session.id
    assert result.view.mentor_name == "Ada Lovelace"


# -- issue 18 -------------------------------------------------------------------------
def test_answered_takes_the_number_text_or_start_and_a_bad_one_writes_nothing(
    journal: Journal, ada: str
) -> None:
    plan(
        journal,
        ada,
        TODAY,
        day("2026-11-20"),
        questions=["Which lab?", "Which stack?", "Where to live?"],
    )
    before = snapshot(journal.root)
    for bad, said in (
        ("which", "matches several"),
        ("7", "is not one"),
        ("How?", "is not one"),
    ):
        with pytest.raises(UserError, match=said) as raised:
            held(journal, ada, TODAY, answered=["1", bad])
        assert "1. Which lab?; 2. Which stack?; 3. Where to live?" in str(raised.value)
        assert snapshot(journal.root) == before
    result = held(journal, ada, TODAY, answered=["1", "WHICH STACK?", "where"])
    assert result.view.session.answered == [
        "Which lab?",
        "Which stack?",
        "Where to live?",
    ]


def test_a_flash_recap_thanks_and_suggests_promote_with_no_cadence(
    journal: Journal,
) -> None:
    grace = mentor(journal, "Grace Hopper", flash=True, cadence=None)
    result = held(journal, grace, TODAY, takeaways=["Start with a tiny language"])
    assert str(result.followups[0]).startswith("Send Grace Hopper a thank-you note")
    assert result.followups[-1] == (
        "If it went well, ask Grace Hopper to keep meeting, and make it an ongoing "
        f"mentorship: mentorlog mentors promote {grace}"
    )
    assert not any("cadence" in str(note).lower() for note in result.followups)
    assert result.next_date is None
