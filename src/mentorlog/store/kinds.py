"""The kinds of record and the folders they live in."""

from __future__ import annotations

from mentorlog.models import Goal, Mentor

from .journal import Kind

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

ALL_KINDS = (GOALS, MENTORS)
