"""Every sentence mentorlog says to people is written here.

The core returns messages as data (`mentorlog.messages`: the facts, commands
as `Hint`s); this package writes each kind as words, in English: a plain
line, or a `Said` when it holds a command (`render/hints.py` writes command
lines). It is the one place to read, review or translate them: `words()`
below, and one module an area beside it (as `mentorlog.messages` has), each
area one `match` over its kinds. Plurals go through `plural`. mypy checks
that every kind of `Message` has words here.
"""

from __future__ import annotations

from typing import assert_never

from mentorlog import messages as m
from mentorlog.hints import Said
from mentorlog.words import plural

from .calendar import calendar
from .checklist import advice, evidence, habit
from .coach import goal_note, smart
from .doctor import doctor
from .errors import error_words
from .followups import followup
from .git import git, saving
from .meetings import agenda, meetings, mentors

__all__ = ["PART_LABELS", "plural", "words"]

# The parts of a mentoring agreement (`models.AGREEMENT_PARTS`), as labels.
PART_LABELS = {
    "channel": "Channel",
    "cadence": "Meeting cadence",
    "response_time": "Response time",
    "reschedule_notice": "Reschedule notice",
    "missed_plan": "Missed meetings",
    "topics": "Topics",
    "off_limits": "Off-limits",
    "criticism": "Criticism",
    "first_name": "First names",
    "attribution": "Attribution",
    "confidentiality": "Confidentiality",
    "until": "Runs until",
}


def words(message: m.Message) -> Said | str:
    """The words of `message`: one `match` an area, each over its kinds."""
    if isinstance(message, m.FollowUpMessage):
        return followup(message)
    if isinstance(message, m.HabitMessage):
        return habit(message)
    if isinstance(message, m.EvidenceMessage):
        return evidence(message)
    if isinstance(message, m.AdviceMessage):
        return advice(message)
    if isinstance(message, m.SmartMessage):
        return smart(message)
    if isinstance(message, m.GoalMessage):
        return goal_note(message)
    if isinstance(message, m.DoctorMessage):
        return doctor(message)
    if isinstance(message, m.MentorMessage):
        return mentors(message)
    if isinstance(message, m.MeetingMessage):
        return meetings(message)
    if isinstance(message, m.AgendaMessage):
        return agenda(message)
    if isinstance(message, m.CalendarMessage):
        return calendar(message)
    if isinstance(message, m.StoreMessage):
        return saving(message)
    if isinstance(message, m.GitMessage):
        return git(message)
    if isinstance(message, m.errors.ErrorMessage):
        return error_words(message)
    assert_never(message)
