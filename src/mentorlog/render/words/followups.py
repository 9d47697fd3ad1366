"""What to do now (`followups`): its words."""

from __future__ import annotations

from typing import assert_never

from mentorlog import messages as m
from mentorlog.hints import Said


def followup(message: m.FollowUpMessage) -> Said | str:
    """What to do now (`followups`)."""
    match message:
        case m.ImpressionOwed(mentor=name, title=title):
            return f'Tell {name} what you made of "{title}", which they recommended'
        case m.ThanksOwed(mentor=name, met=met):
            return f"Send {name} a thank-you note for the meeting on {met.isoformat()}"
        case m.RecapOwed(mentor=name, planned=on):
            return Said(
                f"The meeting with {name} planned for {on.isoformat()} has passed: "
                "recap it (",
                message.recap,
                ") or cancel it (",
                message.cancel,
                ")",
            )
        case m.CancelToAnnounce(mentor=name, met=on, notice=notice):
            return (
                f"Tell {name} the meeting on {on.isoformat()} is cancelled: inside "
                f"the agreed {_notice(notice)}"
            )
        case m.MoveToAnnounce(mentor=name, notice=notice):
            return (
                f"Tell {name} the meeting moved from {message.moved_from.isoformat()}"
                f" to {message.moved_to.isoformat()}: inside the agreed "
                f"{_notice(notice)}"
            )
        case m.UpdateOwed(mentor=name, since=since):
            return f"Send {name} a brief update: nothing since {since.isoformat()}"
        case m.PlanOwed(mentor=name, cadence=cadence, due=due):
            return Said(
                f"Plan the next meeting with {name} (due by your "
                f"{f'{cadence} ' if cadence else ''}cadence on {due.isoformat()}): ",
                message.prep,
            )
        case m.ReviewOwed(mentor=name):
            return Said(
                f"Review with {name} how the mentorship works: are you both on the "
                "same page? (then: ",
                message.review,
                ")",
            )
        case m.ReviewEarly(mentor=name):
            return f"Review with {name} how the mentorship works"
        case m.FeedbackOwed(mentor=name):
            return f"Give {name} feedback on how the mentorship works for you"
        case _:
            assert_never(message)


def _notice(notice: str | None) -> str:
    """The agreed notice, "2 days notice"; just "notice" once it was taken
    out of the agreement after the late change was recorded."""
    return f"{notice} notice" if notice else "notice"
