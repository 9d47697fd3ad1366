"""The words of the errors of planning a meeting (`messages.agenda_errors`)."""

from __future__ import annotations

from typing import assert_never

from mentorlog.hints import Said
from mentorlog.messages import errors as e


def agenda_errors(message: e.AgendaErrorMessage) -> Said | str:
    """Planning a meeting, its date and its agenda (`core/agenda.py`)."""
    match message:
        case e.NoMentorYet(add=add):
            return Said("no mentor yet: add one with `", add, "` first")
        case e.WhichMentor(names=names):
            return f"say which mentor to prepare for: {', '.join(names)}"
        case e.FirstMeetingWhen(mentor=mentor):
            return f"when is your first meeting with {mentor}? give --on DATE"
        case e.NoNextDate(mentor=mentor, agree=agree):
            return Said(
                f"no date for the next meeting with {mentor}: give --on DATE, or "
                "agree a cadence (",
                agree,
                ")",
            )
        case e.PrepItemEmpty():
            return "a --topic, --question or --bring is empty"
        case e.PrepEnded(mentor=mentor):
            return f"the mentorship with {mentor} has ended"
        case e.PrepDeclined(mentor=mentor, answer=answer):
            return Said(f"{mentor} declined the ask; if that changes: ", answer)
        case e.PlanInPast(day=day, recap=recap):
            return Said(
                f"{day.isoformat()} is in the past: to record a meeting that "
                "happened, use `",
                recap,
                "`",
            )
        case e.MeetingPassed(mentor=mentor, day=day, recap=recap, cancel=cancel):
            return Said(
                f"the meeting with {mentor} planned for {day.isoformat()} has "
                "passed: recap it (",
                recap,
                "), cancel it (",
                cancel,
                "), or move it with --on DATE",
            )
        case e.DayInPast(day=day):
            return f"{day.isoformat()} is in the past"
        case e.MeetingPrivate(day=day):
            return (
                f"the meeting of {day.isoformat()} is private: nothing of it is shared"
            )
        case e.NoMeetingPlanned(mentor=mentor, prep=prep):
            return Said(f"no meeting planned with {mentor}: run `", prep, "` first")
        case _:
            assert_never(message)
