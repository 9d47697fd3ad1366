"""The checklist's habits: titles, evidence, advice (`core/checklist.py`)."""

from __future__ import annotations

from datetime import date

from mentorlog._struct import struct
from mentorlog.hints import Hint

from ._base import Told, message

# checklist: the habits of SPEC §5 (core/checklist.py): titles, evidence, advice


@message
class Habit(Told):
    number: int  # an item whose title has no number in it


@message
class GoalsHabit(Told):
    low: int
    high: int


@message
class ResourcesHabit(Told):
    target: int


@message
class ReviewsHabit(Told):
    period: int  # days


@message
class NoActiveGoal(Told):
    pass


@message
class NoOngoingMentor(Told):
    pass


@message
class NoMeetingHeld(Told):
    pass


@message
class OnlyFlashHeld(Told):
    pass


@message
class NoGoalArea(Told):
    pass


@message
class GoalsEvidence(Told):
    active: int
    dated: int
    complete: int
    low: int
    high: int


@struct(frozen=True)
class CadenceNote:
    """One mentor's meetings against the cadence (no cadence: `None`)."""

    mentor: str
    cadence: str | None
    held: int = 0
    late_gaps: int = 0
    next: date | None = None


@message
class CadenceEvidence(Told):
    mentors: tuple[CadenceNote, ...]


@message
class AgendasEvidence(Told):
    prepared: int
    held: int


@message
class RecordsEvidence(Told):
    takeaways: int
    held: int
    actions: int


@message
class FeedbackEvidence(Told):
    asked: int
    recent: int


@message
class ResourcesNotYet(Told):
    current: int  # explored since the last meeting


@message
class ResourcesEvidence(Told):
    counts: tuple[int, ...]  # explored between each two meetings
    target: int
    current: int


@message
class SharedEvidence(Told):
    wins: int
    challenges: int
    since: date


@message
class AppreciationEvidence(Told):
    thanked: int
    recent: int
    notes: int
    pending: int


@message
class AgreementsEvidence(Told):
    agreed: tuple[tuple[str, int], ...]  # each mentor and the parts agreed
    open_with: str | None = None
    open_parts: tuple[str, ...] = ()


@message
class ReviewsEvidence(Told):
    mentors: tuple[tuple[str, date | None, date | None], ...]  # review, feedback
    due_within: int | None = None  # days, while every relationship is young


@message
class NetworkEvidence(Told):
    covered: int
    needs: int
    gaps: tuple[str, ...]


@message
class AddFirstGoal(Told):
    add: Hint


@message
class AddGoal(Told):
    add: Hint


@message
class FinishOrDrop(Told):
    done: Hint


@message
class CheckGoals(Told):
    check: Hint


@message
class PlanNext(Told):
    prep: Hint


@message
class PrepEach(Told):
    prep: Hint


@message
class RecordEach(Told):
    recap: Hint


@message
class AskFeedbackEach(Told):
    pass


@message
class ExploreBetween(Told):
    add: Hint


@message
class LogToShare(Told):
    add: Hint


@message
class ThankEach(Told):
    pass


@message
class AgreeOpen(Told):
    agree: Hint


@message
class ReviewAndTell(Told):
    review: Hint


@message
class FindForGap(Told):
    ask: Hint


# an item's title, or why it does not apply yet
HabitMessage = (
    Habit
    | GoalsHabit
    | ResourcesHabit
    | ReviewsHabit
    | NoActiveGoal
    | NoOngoingMentor
    | NoMeetingHeld
    | OnlyFlashHeld
    | NoGoalArea
    | GoalsEvidence
)

EvidenceMessage = (
    CadenceEvidence
    | AgendasEvidence
    | RecordsEvidence
    | FeedbackEvidence
    | ResourcesNotYet
    | ResourcesEvidence
    | SharedEvidence
    | AppreciationEvidence
    | AgreementsEvidence
    | ReviewsEvidence
    | NetworkEvidence
)

AdviceMessage = (
    AddFirstGoal
    | AddGoal
    | FinishOrDrop
    | CheckGoals
    | PlanNext
    | PrepEach
    | RecordEach
    | AskFeedbackEach
    | ExploreBetween
    | LogToShare
    | ThankEach
    | AgreeOpen
    | ReviewAndTell
    | FindForGap
)

ChecklistMessage = HabitMessage | EvidenceMessage | AdviceMessage
