"""The kinds of record and the folders they live in."""

from __future__ import annotations

from typing import Any

from mentorlog.models import (
    ActionItem,
    Feedback,
    Goal,
    LogEntry,
    Mentor,
    Resource,
    Session,
)

from .records import Kind

MENTOR_NOTES = """
## Notes

<!-- Anything worth remembering about this person: what they care about, how they
     like to learn and teach, their work style and values, the challenges they have
     faced. This part is yours: mentorlog never changes it. -->
"""

GOALS: Kind[Goal] = Kind("goal", "goals", Goal, lambda goal: goal.title)
MENTORS: Kind[Mentor] = Kind(
    "mentor",
    "mentors",
    Mentor,
    lambda mentor: mentor.name,
    extension=".md",
    initial_body=lambda mentor: MENTOR_NOTES,
)
SESSIONS: Kind[Session] = Kind(
    "session",
    "sessions",
    Session,
    lambda session: f"{session.date.isoformat()} {session.mentor_name}",
    extension=".md",
)
ACTIONS: Kind[ActionItem] = Kind("action", "actions", ActionItem, lambda a: a.text)
FEEDBACK: Kind[Feedback] = Kind("feedback", "feedback", Feedback, lambda f: f.text)
RESOURCES: Kind[Resource] = Kind("resource", "resources", Resource, lambda r: r.title)
LOG: Kind[LogEntry] = Kind(
    "log entry", "log", LogEntry, lambda e: f"{e.date.isoformat()} {e.text}"
)

ALL_KINDS: tuple[Kind[Any], ...] = (
    GOALS,
    MENTORS,
    SESSIONS,
    ACTIONS,
    FEEDBACK,
    RESOURCES,
    LOG,
)
