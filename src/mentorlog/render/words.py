"""Every sentence mentorlog says to people is written here.

The core returns messages as data (`mentorlog.messages`: the facts, commands
as `Hint`s); this module writes each kind as words, in English: a plain line,
or a `Said` when it holds a command (`render/hints.py` writes command lines).
This is the one place to read, review or translate them. Plurals go through
`plural`. mypy checks that every kind of `Message` has words here.
"""

from __future__ import annotations

from typing import assert_never

from mentorlog import messages as m
from mentorlog.hints import Said


def plural(count: int, one: str, many: str | None = None) -> str:
    """`3 meetings`, `1 meeting`: a count and its noun (`many` when not `s`)."""
    return f"{count} {one if count == 1 else (many or one + 's')}"


def words(message: m.Message) -> Said | str:
    """The words of `message`."""
    match message:
        case m.ImpressionOwed() | m.ThanksOwed() | m.RecapOwed() | m.CancelToAnnounce():
            return _followup(message)
        case m.MoveToAnnounce() | m.UpdateOwed() | m.PlanOwed() | m.ReviewOwed():
            return _followup(message)
        case m.ReviewEarly() | m.FeedbackOwed():
            return _followup(message)
        case _:
            assert_never(message)


def _followup(message: m.FollowUpMessage) -> Said | str:
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
                f"the agreed {notice} notice"
            )
        case m.MoveToAnnounce(mentor=name, notice=notice):
            return (
                f"Tell {name} the meeting moved from {message.moved_from.isoformat()}"
                f" to {message.moved_to.isoformat()}: inside the agreed {notice} "
                "notice"
            )
        case m.UpdateOwed(mentor=name, since=since):
            return f"Send {name} a brief update: nothing since {since.isoformat()}"
        case m.PlanOwed(mentor=name, cadence=cadence, due=due):
            return Said(
                f"Plan the next meeting with {name} (due by your {cadence} cadence "
                f"on {due.isoformat()}): ",
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
