"""What the core says, as data: one small frozen class per kind of message.

A message holds only the facts (names, dates, counts, commands as `Hint`s);
no English. Its words are written in one place, `render/words.py`, which a
translator or a reviewer reads: `str()` of a message is its plain line (as
`str()` of a `Said` is), and `--json` carries that line (`tojson`). `Message`
is every kind; a new kind is added here and given words there (mypy checks
that each kind has them).
"""

from __future__ import annotations

from dataclasses import Field, field
from datetime import date
from typing import TYPE_CHECKING, Any, TypeVar, cast, dataclass_transform

from mentorlog._struct import struct
from mentorlog.hints import Hint

if TYPE_CHECKING:
    from mentorlog.hints import Said

T = TypeVar("T")


class Told:
    """What every message kind shares: its words come from `render/words.py`."""

    __slots__ = ()

    @property
    def hints(self) -> tuple[Hint, ...]:
        """The commands in it, in order (as `Said.hints`)."""
        return tuple(value for value in _values(self) if isinstance(value, Hint))

    def said(self) -> Said | str:
        """Its words, commands as data (`render.words.words`)."""
        from mentorlog.render.words import words

        return words(cast("Message", self))

    def __str__(self) -> str:
        return str(self.said())

    def __contains__(self, text: str) -> bool:
        return text in str(self)

    def __add__(self, other: str) -> Said:
        return _as_said(self.said()) + other

    def __radd__(self, other: str) -> Said:
        return other + _as_said(self.said())


def _as_said(words: Said | str) -> Said:
    from mentorlog.hints import Said

    return words if isinstance(words, Said) else Said(words)


def _values(told: Told) -> tuple[Any, ...]:
    names: tuple[str, ...] = getattr(type(told), "__struct_fields__", ())
    return tuple(getattr(told, name) for name in names)


def _eq(self: Told, other: object) -> bool:
    if isinstance(other, str):  # as a `Said`: equal to its plain line
        return str(self) == other
    if type(other) is not type(self):
        return NotImplemented  # type: ignore[no-any-return]
    return _values(self) == _values(other)


@dataclass_transform(field_specifiers=(field, Field))
def message(cls: type[T]) -> type[T]:
    """A message kind: a frozen struct of its facts that says itself."""
    made = struct(frozen=True)(cls)
    setattr(made, "__eq__", _eq)  # noqa: B010 - after struct set its own
    setattr(made, "__hash__", lambda self: hash(_values(self)))  # noqa: B010
    return made


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


ChecklistMessage = (
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
    | CadenceEvidence
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
    | AddFirstGoal
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


# the SMART coach (core/smart.py): what a goal is missing, and the portfolio


@message
class NotEnglish(Told):
    pass


@message
class VagueSpecific(Told):
    pass


@message
class TopicNotGoal(Told):
    topic: str


@message
class ComparisonNotResult(Told):
    phrase: str


@message
class CouldBeAnything(Told):
    phrase: str


@message
class DirectionNotResult(Told):
    verb: str  # "" when the direction is a phrase
    phrase: str


@message
class NotMeasurable(Told):
    edit: Hint
    in_head: str | None = None  # the phrase that happens in your head


@message
class NotAchievable(Told):
    edit: Hint


@message
class NotRelevant(Told):
    edit: Hint


@message
class NoMilestone(Told):
    add: Hint


@message
class EventNotDate(Told):
    phrase: str
    edit: Hint


@message
class NoTargetDate(Told):
    edit: Hint


@message
class TargetPassed(Told):
    target: date
    days: int
    edit: Hint


@message
class MilestoneAfterTarget(Told):
    milestone: str
    due: date
    target: date
    move: Hint
    goal: str  # the goal's ref


@message
class Portfolio(Told):
    active: int
    dated: int
    complete: int
    low: int
    high: int


SmartMessage = (
    NotEnglish
    | VagueSpecific
    | TopicNotGoal
    | ComparisonNotResult
    | CouldBeAnything
    | DirectionNotResult
    | NotMeasurable
    | NotAchievable
    | NotRelevant
    | NoMilestone
    | EventNotDate
    | NoTargetDate
    | TargetPassed
    | MilestoneAfterTarget
    | Portfolio
)


# goals (core/goals.py): notes on an added or edited goal


@message
class TargetFromTitle(Told):
    target: date


@message
class TargetPast(Told):
    target: date


@message
class SameTitle(Told):
    twin: str  # the other goal's ref


GoalMessage = TargetFromTitle | TargetPast | SameTitle


# doctor (core/doctor.py): problems and notes of a journal check


@message
class MergeConflict(Told):
    path: str
    field: str
    kept: object  # the value kept (a date, text, a number...)
    lost: object  # the other device's value, kept aside
    table: str  # where in the file it is kept aside
    edit: Hint


@message
class NoJournalYet(Told):
    init: Hint


@message
class SettingsMissing(Told):
    init: Hint


@message
class TemplateMissing(Told):
    init: Hint


@message
class NotOurFile(Told):
    path: str
    extension: str


@message
class DraftsKept(Told):
    count: int
    folder: str


@message
class LooseModes(Told):
    count: int
    fix: Hint | None = None  # None: fixed


@message
class StaleTemps(Told):
    count: int
    fix: Hint | None = None  # None: removed


@message
class PartialBackups(Told):
    count: int
    folder: str
    fix: Hint | None = None  # None: removed


@message
class JournalIsFile(Told):
    pass


@message
class FileForFolder(Told):
    pass


@message
class UnexpectedFolder(Told):
    pass


@message
class CommitsNotInFiles(Told):
    commits: tuple[str, ...]
    abort: Hint
    sync: Hint


@message
class UntrustedUndo(Told):
    fix: Hint | None = None  # None: removed


DoctorMessage = (
    MergeConflict
    | NoJournalYet
    | SettingsMissing
    | TemplateMissing
    | NotOurFile
    | DraftsKept
    | LooseModes
    | StaleTemps
    | PartialBackups
    | JournalIsFile
    | FileForFolder
    | UnexpectedFolder
    | CommitsNotInFiles
    | UntrustedUndo
)


# mentors and the network (core/mentors.py, core/network.py)


@message
class SameName(Told):
    twin: str  # the other mentor's ref


@message
class AskTooLong(Told):
    words: int
    most: int  # the words a busy person reads


@message
class NoQuestion(Told):
    pass


@message
class TooManyQuestions(Told):
    questions: int


@message
class ReadsLikeJobRequest(Told):
    pass


@message
class FindSomeone(Told):
    area: str
    ask: Hint


MentorMessage = (
    SameName
    | AskTooLong
    | NoQuestion
    | TooManyQuestions
    | ReadsLikeJobRequest
    | FindSomeone
)


# recap and sessions (core/recap.py, core/sessions.py)


@message
class ThanksAfter(Told):
    mentor: str
    channel: str | None
    met: date


@message
class ExploreRecommended(Told):
    title: str
    mentor: str


@message
class AskToKeepMeeting(Told):
    mentor: str
    promote: Hint


@message
class NextByCadence(Told):
    next: date
    prep: Hint


@message
class NoCadence(Told):
    prep: Hint


@message
class PlansMerged(Told):
    mentor: str
    met: date
    kept: str  # the file kept
    removed: tuple[str, ...]  # the files removed


MeetingMessage = (
    ThanksAfter
    | ExploreRecommended
    | AskToKeepMeeting
    | NextByCadence
    | NoCadence
    | PlansMerged
)


# saving (store/transaction.py): warnings after a change was saved


@message
class SyncNotUndone(Told):
    why: str  # the error's words


@message
class NotCommittedMidSync(Told):
    sync: Hint


@message
class NotCommitted(Told):
    why: str  # the error's words


StoreMessage = SyncNotUndone | NotCommittedMidSync | NotCommitted

# Every kind of message (render/words.py gives each its words).
Message = (
    FollowUpMessage
    | ChecklistMessage
    | SmartMessage
    | GoalMessage
    | DoctorMessage
    | MentorMessage
    | MeetingMessage
    | StoreMessage
)
