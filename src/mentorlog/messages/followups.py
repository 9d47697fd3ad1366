"""What to do now (`core/followups.py`)."""

from __future__ import annotations

from datetime import date

from mentorlog.hints import Hint

from ._base import Told, message

# followups: what to do now (core/followups.py)


@message
class ImpressionOwed(Told):
    mentor: str
    title: str  # the resource they recommended


@message
class ThanksOwed(Told):
    mentor: str
    met: date


@message
class RecapOwed(Told):
    mentor: str
    planned: date
    recap: Hint
    cancel: Hint


@message
class CancelToAnnounce(Told):
    mentor: str
    met: date
    notice: str | None


@message
class MoveToAnnounce(Told):
    mentor: str
    moved_from: date
    moved_to: date
    notice: str | None


@message
class UpdateOwed(Told):
    mentor: str
    since: date


@message
class PlanOwed(Told):
    mentor: str
    cadence: str | None
    due: date
    prep: Hint


@message
class ReviewOwed(Told):
    mentor: str
    review: Hint


@message
class ReviewEarly(Told):
    mentor: str


@message
class FeedbackOwed(Told):
    mentor: str


FollowUpMessage = (
    ImpressionOwed
    | ThanksOwed
    | RecapOwed
    | CancelToAnnounce
    | MoveToAnnounce
    | UpdateOwed
    | PlanOwed
    | ReviewOwed
    | ReviewEarly
    | FeedbackOwed
)
