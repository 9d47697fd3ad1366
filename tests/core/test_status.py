"""`status`, through the core: the next meetings, what is overdue, how the goals
stand."""

from pathlib import Path

from mentorlog.core.goals import GoalDraft, add_goal, add_milestone, tick_milestone
from mentorlog.core.mentors import end_mentor
from mentorlog.core.sessions import cancel_session
from mentorlog.core.status import DueMeeting, status
from mentorlog.core.tracking import add_action, add_log, close_action
from mentorlog.store.journal import Journal
from mentorlog.tojson import to_json

from .build import TODAY, day, held, mentor, plan


def test_an_empty_journal_has_nothing_to_show(journal: Journal) -> None:
    found = status(journal, TODAY)
    assert found.today == TODAY
    assert (found.upcoming, found.passed, found.due, found.overdue) == ([], [], [], [])
    assert (found.open_actions, found.goals, found.followups) == (0, [], [])
    assert (found.checklist.passed, found.checklist.applicable) == (0, 1)
    assert found.problems == []


def test_upcoming_meetings_soonest_first_and_passed_ones_apart(
    journal: Journal,
) -> None:
    ada = mentor(journal, on=day("2026-10-01"))
    grace = mentor(journal, "Grace Hopper", on=day("2026-10-01"))
    linus = mentor(journal, "Linus", on=day("2026-10-01"))
    plan(journal, grace, day("2026-12-01"), day("2026-11-15"))
    plan(journal, ada, TODAY, day("2026-11-15"))
    plan(journal, linus, day("2026-11-20"), day("2026-11-15"))
    found = status(journal, TODAY)
    assert [(v.mentor_name, v.session.date) for v in found.upcoming] == [
        ("Ada Lovelace", TODAY),
        ("Grace Hopper", day("2026-12-01")),
    ]
    assert [(v.mentor_name, v.session.date) for v in found.passed] == [
        ("Linus", day("2026-11-20"))
    ]
    due = [d.mentor for d in found.due]
    assert "Ada Lovelace" not in due and "Grace Hopper" not in due
    assert [f.mentor for f in found.followups if f.kind == "recap"] == ["Linus"]


def test_a_meeting_is_due_by_cadence_from_the_last_one_held(
    journal: Journal,
) -> None:
    ada = mentor(journal, on=day("2026-06-01"), cadence="monthly")
    held(journal, ada, day("2026-07-01"), takeaways=["long ago"])
    held(journal, ada, day("2026-09-15"), takeaways=["last"])  # beyond 30 days
    cancelled = plan(journal, ada, day("2026-11-25"), day("2026-11-20"))
    cancel_session(journal, cancelled.view.short, day("2026-11-20"))
    mentor(journal, "Grace Hopper", on=day("2026-11-20"), cadence="weekly")
    mentor(journal, "No Rhythm", on=day("2026-11-20"), cadence=None)
    mentor(journal, "Flash", on=day("2026-11-20"), cadence="weekly", flash=True)
    ended = mentor(journal, "Ended", on=day("2026-11-01"), cadence="weekly")
    end_mentor(journal, ended, day("2026-11-10"))
    assert status(journal, TODAY).due == [
        DueMeeting("Ada Lovelace", day("2026-10-15"), "monthly"),  # overdue
        DueMeeting("Grace Hopper", day("2026-11-27"), "weekly"),  # never met
    ]


def test_overdue_actions_and_the_count_of_open_ones(journal: Journal) -> None:
    add_action(journal, "Late", day("2026-11-01"), due=day("2026-11-20"))
    add_action(journal, "Later", day("2026-11-01"), due=day("2026-11-10"))
    add_action(journal, "Due today", day("2026-11-01"), due=TODAY)
    add_action(journal, "Undated", day("2026-11-01"))
    closed = add_action(journal, "Closed", day("2026-11-01"), due=day("2026-11-02"))
    close_action(journal, closed.short, "done", day("2026-11-03"))
    found = status(journal, TODAY)
    assert [(v.action.text, v.overdue_days) for v in found.overdue] == [
        ("Later", 12),
        ("Late", 2),
    ]
    assert found.open_actions == 4


def test_goal_progress_by_milestones_nearest_target_first(journal: Journal) -> None:
    far = add_goal(journal, GoalDraft(title="Far", target=day("2027-06-01")), TODAY)
    near = add_goal(journal, GoalDraft(title="Near", target=day("2026-12-31")), TODAY)
    add_goal(journal, GoalDraft(title="Undated"), TODAY)
    for step in ("One", "Two", "Three", "Four"):
        add_milestone(journal, near.view.short, step, None, TODAY)
    tick_milestone(journal, near.view.short, "One", TODAY)
    tick_milestone(journal, near.view.short, "Two", TODAY)
    tick_milestone(journal, near.view.short, "Three", TODAY)
    add_milestone(journal, far.view.short, "Start", None, TODAY)
    goals = status(journal, TODAY).goals
    assert [(v.goal.title, v.goal.progress, v.days_left) for v in goals] == [
        ("Near", 0.75, 39),
        ("Far", 0.0, 191),
        ("Undated", 0.0, None),
    ]


def test_the_checklist_score_and_followups_come_with_it(journal: Journal) -> None:
    ada = mentor(journal, on=day("2026-10-01"))
    held(journal, ada, day("2026-11-01"), takeaways=["x"])
    add_log(journal, "Shipped it", "win", day("2026-11-10"))
    found = status(journal, TODAY)
    assert [(f.kind, f.due) for f in found.followups] == [
        ("thanks", day("2026-11-02")),
        ("plan", day("2026-11-15")),
        ("update", day("2026-11-15")),
    ]
    assert (found.checklist.passed, found.checklist.applicable) == (1, 8)
    data = to_json(found)
    assert data["checklist"] == {"score": 1, "applicable": 8}
    assert data["due_by_cadence"] == [
        {"mentor": "Ada Lovelace", "due": "2026-11-15", "cadence": "biweekly"}
    ]


def test_a_broken_file_is_a_problem_not_a_failure(journal: Journal, home: Path) -> None:
    add_action(journal, "Fine", TODAY)
    broken = home / "actions" / "broken.toml"
    broken.write_text('id = "x"\ntext = \n')
    found = status(journal, TODAY)
    assert found.open_actions == 1
    assert [p.path for p in found.problems] == ["actions/broken.toml"]
