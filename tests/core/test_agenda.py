"""`prep`, through the core: what the agenda of the next meeting gathers from the
journal, and that preparing again never loses a line the user wrote."""

import pytest

from mentorlog.core.agenda import PrepRequest, prep
from mentorlog.core.goals import GoalDraft, add_goal, add_milestone, close_goal
from mentorlog.core.mentors import AgreementChanges, agree, answer, ask, end_mentor
from mentorlog.core.sessions import cancel_session
from mentorlog.core.tracking import (
    add_action,
    add_feedback,
    add_log,
    add_resource,
    apply_feedback,
    close_action,
    finish_resource,
)
from mentorlog.errors import UserError
from mentorlog.store.journal import Journal

from .build import TODAY, day, held, mentor, plan


def section(body: str, heading: str) -> list[str]:
    """The non-blank lines under `heading`, up to the next heading."""
    lines = body.splitlines()
    start = lines.index(heading) + 1
    end = next(
        (i for i in range(start, len(lines)) if lines[i].startswith("#")), len(lines)
    )
    return [line for line in lines[start:end] if line.strip()]


def notes(text: str) -> str:
    """A session file without its front matter: the agenda the user edits."""
    return text.split("+++\n", 2)[2]


@pytest.fixture
def ada(journal: Journal) -> str:
    return mentor(journal, on=day("2026-10-01"), expertise=("web",))


def test_the_agenda_gathers_what_the_journal_knows_in_order(
    journal: Journal, ada: str
) -> None:
    add_action(journal, "Older, no date", day("2026-11-01"), mentor=ada)
    add_action(
        journal, "Read chapter 2", day("2026-11-03"), due=day("2026-11-20"), mentor=ada
    )
    held(journal, ada, day("2026-11-08"), takeaways=["Ship small"])
    add_action(
        journal, "Email the venue", day("2026-11-10"), due=day("2026-12-01"), mentor=ada
    )
    add_feedback(journal, "Explain the why first", day("2026-11-08"), mentor=ada)
    add_log(journal, "Shipped the landing page", "win", day("2026-11-10"))
    add_log(journal, "Hooks confuse me", "challenge", day("2026-11-12"), private=True)
    add_goal(
        journal, GoalDraft(title="Build a web app within 2 weeks", area="web"), TODAY
    )
    add_milestone(journal, "build", "Tutorial", day("2026-11-27"), TODAY)
    book = add_resource(journal, "Clean Code", day("2026-11-09"), recommended_by=ada)
    finish_resource(journal, book.short, "Names matter", day("2026-11-12"))
    result = plan(
        journal,
        ada,
        day("2026-11-24"),
        TODAY,
        topics=["portfolio"],
        questions=["How do I pick a lab?"],
        bring=["my resume"],
    )
    assert result.created
    assert result.added == [
        "- [ ] Older, no date",
        "- [ ] Read chapter 2 (overdue since 2026-11-20)",
        "- [ ] Email the venue (due 2026-12-01)",
        "- Ship small",
        "- Explain the why first (received 2026-11-08; not yet applied)",
        "- Build a web app within 2 weeks: target 2026-12-06, 0/1 milestone",
        "- [ ] Milestone: Tutorial (Build a web app within 2 weeks) (due 2026-11-27)",
        "- Win: Shipped the landing page (2026-11-10)",
        "- Challenge: Hooks confuse me (2026-11-12) (private)",
        "- Explored: Clean Code (other): Names matter",
        '- Tell Ada Lovelace what you made of "Clean Code", which they recommended',
        '- Ask for feedback on: web (for "Build a web app within 2 weeks")',
        "- portfolio",
        "- [ ] How do I pick a lab?",
        "- [ ] my resume",
    ]
    body = result.view.body
    assert body.lstrip().startswith("# Ada Lovelace · 2026-11-24\n")
    assert section(body, "## Since last time") == result.added[:3]
    assert section(body, "## To share") == result.added[7:11]
    assert section(body, "## Before leaving") == [
        "- Thank Ada Lovelace for their time."
    ]
    session = result.view.session
    assert (session.status, session.date, session.agenda_on) == (
        "planned",
        day("2026-11-24"),
        TODAY,
    )


def test_only_this_mentors_open_actions_are_carried(journal: Journal, ada: str) -> None:
    grace = mentor(journal, "Grace Hopper", on=day("2026-10-01"))
    add_action(journal, "Grace's task", day("2026-11-01"), mentor=grace)
    add_action(journal, "Unassigned task", day("2026-11-01"))
    done = add_action(journal, "Finished task", day("2026-11-01"), mentor=ada)
    close_action(journal, done.short, "done", day("2026-11-02"))
    add_action(journal, "Due today", TODAY, due=TODAY, mentor=ada)
    result = plan(journal, ada, day("2026-11-24"), TODAY)
    assert section(result.view.body, "## Since last time") == [
        "- [x] Finished task (done 2026-11-02)",
        "- [ ] Due today (due 2026-11-22)",
    ]


def test_unticked_questions_and_takeaways_of_the_last_meeting_come_back(
    journal: Journal, ada: str
) -> None:
    first = plan(
        journal,
        ada,
        day("2026-11-08"),
        day("2026-11-06"),
        questions=["Which stack?", "Which lab?"],
    )
    path = journal.root / first.view.file
    path.write_text(
        path.read_text().replace("- [ ] Which stack?", "- [x] Which stack?")
    )
    held(journal, ada, day("2026-11-08"), takeaways=["Pick one lab", "Read papers"])
    result = plan(journal, ada, day("2026-11-24"), TODAY)
    body = result.view.body
    assert section(body, "## Last time") == ["- Pick one lab", "- Read papers"]
    assert section(body, "## Questions") == [
        "- [ ] Which lab? (first asked 2026-11-08)"
    ]


def test_feedback_not_applied_stays_and_applied_shows_its_evidence_once(
    journal: Journal, ada: str
) -> None:
    grace = mentor(journal, "Grace Hopper", on=day("2026-10-01"))
    held(journal, ada, day("2026-11-08"), takeaways=["x"])
    add_feedback(journal, "Slow down", day("2026-11-01"), mentor=ada)
    applied = add_feedback(journal, "Name things", day("2026-11-01"), mentor=ada)
    old = add_feedback(journal, "Write less", day("2026-10-02"), mentor=ada)
    add_feedback(journal, "Grace's advice", day("2026-11-01"), mentor=grace)
    apply_feedback(journal, applied.short, "renamed the modules", day("2026-11-10"))
    apply_feedback(journal, old.short, "shorter emails", day("2026-10-20"))
    result = plan(journal, ada, day("2026-11-24"), TODAY)
    assert section(result.view.body, "## To show") == [
        "- Applied: Name things → renamed the modules (2026-11-10)"
    ]
    assert section(result.view.body, "## Feedback")[:1] == [
        "- Slow down (received 2026-11-01; not yet applied)"
    ]
    assert "Write less" not in result.view.body  # applied before the last meeting
    assert "Grace" not in result.view.body


def test_goals_due_by_the_meeting_after_next_or_at_risk(
    journal: Journal, ada: str
) -> None:
    add_goal(  # biweekly: the meeting after 11-24 is due 12-08
        journal, GoalDraft(title="Due in time", target=day("2026-12-08")), TODAY
    )
    add_goal(journal, GoalDraft(title="Due later", target=day("2026-12-09")), TODAY)
    add_goal(journal, GoalDraft(title="Passed", target=day("2026-11-01")), TODAY)
    behind = add_goal(
        journal,
        GoalDraft(title="Behind", target=day("2027-01-01")),
        day("2026-09-01"),
    )
    add_milestone(journal, behind.view.short, "Step one", day("2027-02-01"), TODAY)
    result = plan(journal, ada, day("2026-11-24"), TODAY)
    assert section(result.view.body, "## Next objectives") == [
        "- Passed: target 2026-11-01, 0/0 milestones — at risk: target passed",
        "- Due in time: target 2026-12-08, 0/0 milestones",
        "- Behind: target 2027-01-01, 0/1 milestone — at risk: behind schedule",
    ]


def test_wins_since_the_last_meeting_only(journal: Journal, ada: str) -> None:
    add_log(journal, "Before", "win", day("2026-11-07"))
    held(journal, ada, day("2026-11-08"), takeaways=["x"])
    add_log(journal, "On the day", "win", day("2026-11-08"))
    add_log(journal, "A tough one", "challenge", day("2026-11-09"))
    add_log(journal, "Sent a note", "update", day("2026-11-09"), mentor=ada)
    result = plan(journal, ada, day("2026-11-24"), TODAY)
    assert section(result.view.body, "## To share") == [
        "- Win: On the day (2026-11-08)",
        "- Challenge: A tough one (2026-11-09)",
    ]


def test_preparing_again_keeps_hand_written_text_and_adds_only_what_is_new(
    journal: Journal, ada: str
) -> None:
    first = plan(journal, ada, day("2026-11-24"), TODAY, questions=["First?"])
    path = journal.root / first.view.file
    edited = (
        path.read_text()
        .replace("## What worked\n", "## What worked\n- my own line\n")
        .replace("- [ ] First?\n", "")  # deleted on purpose: not offered again
        + "\nA closing paragraph of my own.\n"
    )
    path.write_text(edited)
    add_feedback(journal, "Slow down", TODAY, mentor=ada)
    again = prep(journal, PrepRequest(mentor=ada, questions=["Second?"]), TODAY)
    assert not again.created
    assert again.added == [
        "- Slow down (received 2026-11-22; not yet applied)",
        "- [ ] Second?",
    ]
    body = path.read_text()
    assert notes(body).replace(again.added[0] + "\n", "").replace(
        again.added[1] + "\n", ""
    ) == notes(edited)
    assert section(body, "## What worked") == ["- my own line"]
    assert "First?" not in notes(body)
    assert again.view.session.questions == ["First?", "Second?"]
    unchanged = prep(journal, PrepRequest(mentor=ada), TODAY)
    assert unchanged.added == []
    assert path.read_text() == body


def test_the_date_comes_from_the_cadence_after_the_last_meeting(
    journal: Journal, ada: str
) -> None:
    held(journal, ada, day("2026-11-16"), takeaways=["x"])
    result = prep(journal, PrepRequest(mentor=ada), TODAY)
    assert result.view.session.date == day("2026-11-30")
    grace = mentor(journal, "Grace Hopper", cadence=None)
    with pytest.raises(UserError, match="when is your first meeting with Grace"):
        prep(journal, PrepRequest(mentor=grace), TODAY)
    with pytest.raises(UserError, match="is in the past"):
        prep(journal, PrepRequest(mentor=grace, on=day("2026-11-21")), TODAY)


def test_a_new_date_moves_the_meeting_and_its_heading(
    journal: Journal, ada: str
) -> None:
    agree(journal, ada, AgreementChanges(reschedule_notice="48h"), TODAY)
    plan(journal, ada, day("2026-11-24"), TODAY)
    in_time = plan(journal, ada, day("2026-11-23"), TODAY)
    assert in_time.moved is not None
    assert (in_time.moved.move.from_date, in_time.moved.move.to) == (
        day("2026-11-24"),
        day("2026-11-23"),
    )
    assert not in_time.moved.move.late  # two days ahead is 48 hours' notice
    assert in_time.view.body.lstrip().startswith("# Ada Lovelace · 2026-11-23\n")
    late = plan(journal, ada, day("2026-11-25"), TODAY)
    assert late.moved is not None and late.moved.move.late  # one day ahead
    assert [m.to for m in late.view.session.moves] == [
        day("2026-11-23"),
        day("2026-11-25"),
    ]


def test_off_limits_topics_and_questions_warn(journal: Journal, ada: str) -> None:
    agree(journal, ada, AgreementChanges(off_limits=["salary"]), TODAY)
    result = plan(
        journal,
        ada,
        day("2026-11-24"),
        TODAY,
        topics=["Salary bands"],
        questions=["How is the team?"],
    )
    assert result.warnings == [
        '"Salary bands" touches "salary", which you agreed is off-limits with '
        "Ada Lovelace"
    ]


def test_prep_refuses_a_passed_meeting_and_an_ended_mentorship(
    journal: Journal, ada: str
) -> None:
    plan(journal, ada, day("2026-11-20"), day("2026-11-18"))
    with pytest.raises(UserError, match="planned for 2026-11-20 has passed"):
        prep(journal, PrepRequest(mentor=ada), TODAY)
    end_mentor(journal, ada, TODAY)
    with pytest.raises(UserError, match="has ended"):
        prep(journal, PrepRequest(mentor=ada, on=day("2026-11-30")), TODAY)


# -- issue 18: the agenda tells the truth -------------------------------------------
def test_preparing_again_rebuilds_what_prep_wrote_and_keeps_what_the_user_wrote(
    journal: Journal, ada: str
) -> None:
    email = add_action(journal, "Email Bob", day("2026-11-01"), mentor=ada)
    drop = add_action(journal, "Old idea", day("2026-11-01"), mentor=ada)
    add_action(journal, "Edit me", day("2026-11-02"), due=day("2026-11-30"), mentor=ada)
    dense = add_feedback(journal, "Slides too dense", day("2026-11-10"), mentor=ada)
    goal = add_goal(
        journal, GoalDraft(title="Ship the app", target=day("2026-12-01")), TODAY
    )
    first = plan(journal, ada, day("2026-11-28"), TODAY)
    path = journal.root / first.view.file
    path.write_text(
        path.read_text()
        .replace("- [ ] Old idea\n", "- [ ] Old idea\n- my note between\n")
        .replace("- [ ] Edit me (due 2026-11-30)", "- [ ] Edit me, by friday")
    )
    close_action(journal, email.short, "done", day("2026-11-23"))
    close_action(journal, drop.short, "dropped", day("2026-11-23"))
    apply_feedback(journal, dense.short, "one idea per slide", day("2026-11-24"))
    close_goal(journal, goal.view.short, "done", day("2026-11-24"))
    again = prep(journal, PrepRequest(mentor=ada), day("2026-11-25"))
    body = again.view.body
    assert section(body, "## Since last time") == [
        "- [x] Email Bob (done 2026-11-23)",
        "- my note between",
        "- [ ] Edit me, by friday",
    ]
    assert section(body, "## To show") == [
        "- Applied: Slides too dense → one idea per slide (2026-11-24)"
    ]
    assert section(body, "## Feedback") == []
    assert section(body, "## Next objectives") == []
    assert "Ship the app" not in body and "not yet applied" not in body
    assert again.added == [
        "- [x] Email Bob (done 2026-11-23)",
        "- Applied: Slides too dense → one idea per slide (2026-11-24)",
    ]
    same = prep(journal, PrepRequest(mentor=ada), day("2026-11-25"))
    assert same.added == [] and same.view.body == body


def test_since_last_time_shows_what_was_done_since_and_what_is_still_open(
    journal: Journal, ada: str
) -> None:
    at_meeting = add_action(journal, "Closed at it", day("2026-11-01"), mentor=ada)
    after = add_action(journal, "Done after", day("2026-11-01"), mentor=ada)
    add_action(
        journal, "Still open", day("2026-11-02"), due=day("2026-11-20"), mentor=ada
    )
    held(journal, ada, day("2026-11-08"), done=[at_meeting.short])
    close_action(journal, after.short, "done", day("2026-11-12"))
    result = plan(journal, ada, day("2026-11-24"), TODAY)
    assert section(result.view.body, "## Since last time") == [
        "- [x] Done after (done 2026-11-12)",
        "- [ ] Still open (overdue since 2026-11-20)",
    ]


def test_feedback_applied_after_prep_shows_at_the_next_agenda_until_shown(
    journal: Journal, ada: str
) -> None:
    late = add_feedback(journal, "Slow down", day("2026-11-01"), mentor=ada)
    plan(journal, ada, day("2026-11-24"), TODAY)  # made before it was applied
    apply_feedback(journal, late.short, "paused after each point", day("2026-11-23"))
    held(journal, ada, day("2026-11-24"), takeaways=["x"])  # no re-prep
    nxt = plan(journal, ada, day("2026-12-08"), day("2026-11-25"))
    line = "- Applied: Slow down → paused after each point (2026-11-23)"
    assert section(nxt.view.body, "## To show") == [line]
    held(journal, ada, day("2026-12-08"), takeaways=["y"])  # shown there
    after = plan(journal, ada, day("2026-12-22"), day("2026-12-09"))
    assert section(after.view.body, "## To show") == []


def test_answered_questions_stop_and_open_ones_carry_with_the_day_first_asked(
    journal: Journal, ada: str
) -> None:
    plan(
        journal,
        ada,
        day("2026-11-08"),
        day("2026-11-06"),
        questions=["Which lab?", "Which stack?", "Which city?"],
    )
    held(journal, ada, day("2026-11-08"), answered=["2", "which ci"])
    second = plan(journal, ada, day("2026-11-22"), day("2026-11-09"))
    assert section(second.view.body, "## Questions") == [
        "- [ ] Which lab? (first asked 2026-11-08)"
    ]
    held(journal, ada, day("2026-11-22"), takeaways=["x"])
    third = plan(journal, ada, day("2026-12-06"), TODAY)
    assert section(third.view.body, "## Questions") == [
        "- [ ] Which lab? (first asked 2026-11-08)"
    ]
    held(journal, ada, day("2026-12-06"), answered=["Which lab?"])
    fourth = plan(journal, ada, day("2026-12-20"), day("2026-12-07"))
    assert section(fourth.view.body, "## Questions") == []


def test_a_cancelled_meeting_carries_its_plan_to_the_next_agenda(
    journal: Journal, ada: str
) -> None:
    gone = plan(
        journal,
        ada,
        day("2026-11-24"),
        TODAY,
        topics=["portfolio"],
        questions=["Which lab?"],
        bring=["my resume"],
    )
    cancel_session(journal, gone.view.short, TODAY, "Ada is travelling")
    nxt = plan(journal, ada, day("2026-12-01"), TODAY, topics=["talks"])
    body = nxt.view.body
    assert section(body, "## Topics") == ["- talks", "- portfolio"]
    assert section(body, "## Questions") == [
        "- [ ] Which lab? (from the cancelled meeting of 2026-11-24)"
    ]
    assert section(body, "## To bring") == ["- [ ] my resume"]


def test_a_flash_meeting_has_its_own_agenda(journal: Journal, ada: str) -> None:
    grace = ask(
        journal, "Grace Hopper", "How did you start in compilers?", ["compilers"], TODAY
    ).view.short
    answer(journal, grace, "accepted", day("2026-11-27"), TODAY)
    add_goal(journal, GoalDraft(title="Write a toy compiler", area="compilers"), TODAY)
    add_goal(journal, GoalDraft(title="Build a web app", area="web"), TODAY)
    add_log(journal, "Shipped the landing page", "win", day("2026-11-20"))
    result = plan(
        journal, grace, day("2026-11-27"), TODAY, questions=["Where to begin?"]
    )
    assert result.view.body == (
        "\n# Grace Hopper · 2026-11-27\n\n"
        "## The ask\n- How did you start in compilers?\n\n"
        "## The question\n- [ ] Where to begin?\n\n"
        "## The goal it serves\n- Write a toy compiler\n\n"
        "## Topics\n\n## To bring\n\n"
        "## Before leaving\n- Thank Grace Hopper for their time, and say what you "
        "will do with their answer.\n"
    )


def test_a_template_made_before_to_show_gets_applied_feedback_under_feedback(
    journal: Journal, ada: str
) -> None:
    journal.template_path.parent.mkdir(exist_ok=True)
    journal.template_path.write_text(
        "# {mentor} · {date}\n\n## Feedback\n{feedback}\n\n## Questions\n{questions}\n"
    )
    done = add_feedback(journal, "Name things", day("2026-11-01"), mentor=ada)
    apply_feedback(journal, done.short, "renamed the modules", day("2026-11-10"))
    result = plan(journal, ada, day("2026-11-24"), TODAY)
    assert section(result.view.body, "## Feedback") == [
        "- Applied: Name things → renamed the modules (2026-11-10)"
    ]
    assert "Added by prep" not in result.view.body
