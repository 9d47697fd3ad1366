"""`status`: one screen for the start of the day."""

from __future__ import annotations

from dataclasses import field
from datetime import date

from mentorlog._struct import struct
from mentorlog.core.schedule import last_held_by_mentor, next_meeting_due
from mentorlog.store.journal import Journal, Problem
from mentorlog.tojson import One, json_keys

from .checklist import Checklist, checklist
from .followups import FollowUp, followups
from .goals import GoalView, list_goals
from .sessions import SessionView, list_sessions
from .tracking import ActionView, list_actions


@struct(frozen=True)
class DueMeeting:
    mentor: str
    due: date
    cadence: str


@json_keys(
    {
        "today": "today",
        "upcoming": "upcoming",
        "to_recap": "passed",
        "due_by_cadence": "due",
        "overdue_actions": "overdue",
        "open_actions": "open_actions",
        "goals": "goals",
        "checklist": One("checklist", {"score": "passed", "applicable": "applicable"}),
        "followups": "followups",
    }
)
@struct
class Status:
    today: date
    upcoming: list[SessionView]
    passed: list[SessionView]  # planned, the date gone: to recap or cancel
    due: list[DueMeeting]
    overdue: list[ActionView]
    open_actions: int
    goals: list[GoalView]
    checklist: Checklist
    followups: list[FollowUp]
    problems: list[Problem] = field(default_factory=list)


def status(journal: Journal, today: date) -> Status:
    sessions = list_sessions(journal, today)
    # soonest first here (the listing is newest first)
    planned = sorted(
        (v for v in sessions.views if v.session.status == "planned"),
        key=lambda v: (v.session.date, v.session.time or "", v.session.created),
    )
    upcoming = [v for v in planned if v.session.date >= today]
    passed = [v for v in planned if v.session.date < today]
    planned_for = {v.session.mentor for v in upcoming}
    due: list[DueMeeting] = []
    from mentorlog.store.kinds import MENTORS, SESSIONS

    # the last meeting held with each mentor, however long ago (the listing
    # above holds only planned and recent sessions)
    last_held = last_held_by_mentor(
        s.record for s in journal.load(SESSIONS).records if s.value("status") == "held"
    )
    for mentor_file in journal.load(MENTORS).records:
        mentor = mentor_file.record
        cadence = mentor.effective_cadence
        if mentor.status != "active" or mentor.kind != "ongoing" or not cadence:
            continue
        if mentor.id in planned_for:
            continue
        when = next_meeting_due(mentor, last_held.get(mentor.id))
        assert when is not None  # the mentor has a cadence
        due.append(DueMeeting(mentor.name, when, cadence))
    actions = list_actions(journal, today)
    goals = list_goals(journal, today)
    found = followups(journal, today)
    check = checklist(journal, today)
    return Status(
        today=today,
        upcoming=upcoming,
        passed=passed,
        due=sorted(due, key=lambda d: d.due),
        overdue=[v for v in actions.views if v.overdue_days > 0],
        open_actions=len(actions.views),
        goals=goals.views,
        checklist=check,
        followups=found.items,
        problems=[
            *sessions.problems,
            *actions.problems,
            *goals.problems,
            *found.problems,
        ],
    )
