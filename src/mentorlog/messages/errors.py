"""Errors the core and the store raise (`MentorlogError` carries one): the
facts of what is wrong; `render/words/errors.py` writes them."""

# the kinds of planning, of the store and of what a person typed are in
# their own modules: one catalogue of errors
from __future__ import annotations

from datetime import date

from mentorlog.hints import Hint

from ._base import Told, message
from .agenda_errors import *  # noqa: F403
from .agenda_errors import AgendaErrorMessage
from .git import HowToFinish, OperationOpen
from .store_errors import *  # noqa: F403
from .store_errors import StoreErrorMessage
from .typed_errors import *  # noqa: F403
from .typed_errors import DateErrorMessage, TextErrorMessage

# goals and their milestones (core/goals.py)


@message
class TitleEmpty(Told):
    pass


@message
class TitleTooLong(Told):
    length: int
    most: int


@message
class FieldEmpty(Told):
    flag: str  # the option, without its dashes


@message
class NothingToChange(Told):
    pass


@message
class GoalAlready(Told):
    goal: str  # its title
    status: str
    since: date | None


@message
class MilestoneTitleEmpty(Told):
    pass


@message
class MilestoneTitleTooLong(Told):
    most: int


@message
class GoalNotActive(Told):
    goal: str
    status: str


@message
class MilestoneExists(Told):
    goal: str
    milestone: str
    edit: Hint | None  # the command that changes it


@message
class RemoveAlone(Told):
    pass


@message
class SayMilestoneChange(Told):
    pass


@message
class SayWhichMilestone(Told):
    pass


@message
class NoMilestones(Told):
    goal: str


@message
class MilestonesMatch(Told):
    which: str
    found: tuple[tuple[int, str], ...]  # each milestone's number and title


@message
class MilestoneOutOfRange(Told):
    goal: str
    count: int
    number: str


@message
class NoMilestoneMatching(Told):
    goal: str
    which: str


@message
class MilestoneDone(Told):
    milestone: str
    on: date | None


GoalErrorMessage = (
    TitleEmpty
    | TitleTooLong
    | FieldEmpty
    | NothingToChange
    | GoalAlready
    | MilestoneTitleEmpty
    | MilestoneTitleTooLong
    | GoalNotActive
    | MilestoneExists
    | RemoveAlone
    | SayMilestoneChange
    | SayWhichMilestone
    | NoMilestones
    | MilestonesMatch
    | MilestoneOutOfRange
    | NoMilestoneMatching
    | MilestoneDone
)


# mentors, asks and agreements (core/mentors.py)


@message
class UnknownChannel(Told):
    text: str
    channels: str  # the channels one may type, listed


@message
class NameEmpty(Told):
    pass


@message
class NameTooLong(Told):
    length: int
    most: int


@message
class MentorshipEnded(Told):
    mentor: str
    on: date | None


@message
class OptionEmpty(Told):
    option: str  # as typed: --notes


@message
class AskEmpty(Told):
    pass


@message
class OnNotDeclined(Told):
    pass


@message
class DayPast(Told):
    day: date


@message
class NoAskToAnswer(Told):
    mentor: str
    ask: Hint


@message
class AlreadyOngoing(Told):
    mentor: str


@message
class ContactEnded(Told):
    mentor: str


@message
class AskDeclined(Told):
    mentor: str
    answer: Hint  # how to record a new answer


MentorErrorMessage = (
    UnknownChannel
    | NameEmpty
    | NameTooLong
    | MentorshipEnded
    | OptionEmpty
    | AskEmpty
    | OnNotDeclined
    | DayPast
    | NoAskToAnswer
    | AlreadyOngoing
    | ContactEnded
    | AskDeclined
)


# recaps (core/recap.py)


@message
class SayWhichRecap(Told):
    mentors: tuple[str, ...]  # the ones with a meeting to recap, sorted


@message
class SessionMentorGone(Told):
    mentor: str  # the name the session keeps
    doctor: Hint


@message
class SessionCancelled(Told):
    day: date


@message
class NoOpenQuestion(Told):
    ref: str


@message
class NotOpenQuestion(Told):
    ref: str
    several: bool  # it matches several, or none
    questions: tuple[str, ...]  # the open ones, in order


@message
class NotOpenAction(Told):
    ref: str


@message
class ActionsMatch(Told):
    ref: str
    count: int
    actions: tuple[str, ...]  # the first few


@message
class TakeawayEmpty(Told):
    pass


@message
class ActionTwice(Told):
    pass


RecapErrorMessage = (
    SayWhichRecap
    | SessionMentorGone
    | SessionCancelled
    | NoOpenQuestion
    | NotOpenQuestion
    | NotOpenAction
    | ActionsMatch
    | TakeawayEmpty
    | ActionTwice
)


# changing, merging and removing mentors (core/mentor_changes.py)


@message
class MergeIntoSelf(Told):
    mentor: str


@message
class StillReferred(Told):
    mentor: str
    counts: tuple[tuple[str, int], ...]  # records by folder
    merge: Hint
    end: Hint


@message
class MergeOtherWay(Told):
    other: str  # a flash contact, ask unanswered
    mentor: str  # an ongoing mentor
    merge: Hint


@message
class MeetingsClash(Told):
    mentor: str
    other: str
    day: date
    paths: tuple[str, ...]  # the two sessions' files
    move: Hint
    cancel: Hint


@message
class ReviewAhead(Told):
    day: date


MentorChangeErrorMessage = (
    MergeIntoSelf | StillReferred | MergeOtherWay | MeetingsClash | ReviewAhead
)


# actions, feedback, resources and the log (core/tracking.py)


@message
class ActionAlready(Told):
    action: str  # its text
    status: str


@message
class FeedbackApplied(Told):
    on: date | None
    how: str | None


@message
class UnknownKind(Told):
    text: str
    kinds: tuple[str, ...]  # the ones to use


@message
class ResourceDone(Told):
    resource: str  # its title


@message
class LogAhead(Told):
    day: date


TrackingErrorMessage = (
    ActionAlready | FeedbackApplied | UnknownKind | ResourceDone | LogAhead
)


# undo (core/history.py)


@message
class NoJournalToUndo(Told):
    root: str


@message
class UndoNeedsGit(Told):
    init: Hint


@message
class UndoSyncOpen(Told):
    what: OperationOpen  # the open operation, as sync says it
    finish: HowToFinish  # how to finish it


@message
class UndoUncommitted(Told):
    first: str  # a changed file
    more: int  # the others
    sync: Hint


@message
class NoCommitToUndo(Told):
    pass


@message
class NotOurCommit(Told):
    commit: str  # its short hash
    subject: str


@message
class AlreadyUndone(Told):
    commit: str
    git: str  # `git -C ROOT`, as typed in a shell


@message
class RevertFailed(Told):
    git_said: str


HistoryErrorMessage = (
    NoJournalToUndo
    | UndoNeedsGit
    | UndoSyncOpen
    | UndoUncommitted
    | NoCommitToUndo
    | NotOurCommit
    | AlreadyUndone
    | RevertFailed
)


# editing a record's file (core/editing.py)


@message
class NoJournalToEdit(Told):
    root: str
    init: Hint


@message
class NoRecordMatches(Told):
    kind: str | None  # the one kind looked in, or None: all of them
    ref: str


@message
class SeveralKindsMatch(Told):
    ref: str
    paths: tuple[str, ...]


@message
class NoFileThere(Told):
    path: str


@message
class EditorFailedUnchanged(Told):
    error: str  # what went wrong with the editor
    target: str


@message
class EditorFailedKept(Told):
    error: str
    draft: str  # where the user's text is kept
    target: str


@message
class EditedEmpty(Told):
    draft: str
    target: str


@message
class IdChanged(Told):
    pass


@message
class DraftInvalid(Told):
    problem: str  # what is wrong with the draft
    draft: str
    target: str


@message
class ChangedWhileEditing(Told):
    draft: str
    target: str


EditErrorMessage = (
    NoJournalToEdit
    | NoRecordMatches
    | SeveralKindsMatch
    | NoFileThere
    | EditorFailedUnchanged
    | EditorFailedKept
    | EditedEmpty
    | IdChanged
    | DraftInvalid
    | ChangedWhileEditing
)


# follow-ups, exports, search and the month (core/followups.py,
# core/export.py, core/search.py, core/month.py)


@message
class NoFollowUp(Told):
    ref: str
    followups: Hint  # the command that lists them


@message
class FollowUpsMatch(Told):
    ref: str
    count: int
    ids: tuple[str, ...]  # the first few


@message
class PlanToClear(Told):
    prep: Hint


@message
class RecapToClear(Told):
    recap: Hint
    cancel: Hint


@message
class ExportInsideJournal(Told):
    path: str
    root: str


@message
class ExportToFolder(Told):
    path: str


@message
class NoSuchFolder(Told):
    path: str


@message
class ExportExists(Told):
    path: str


@message
class SearchEmpty(Told):
    pass


@message
class NotAMonth(Told):
    text: str


ViewErrorMessage = (
    NoFollowUp
    | FollowUpsMatch
    | PlanToClear
    | RecapToClear
    | ExportInsideJournal
    | ExportToFolder
    | NoSuchFolder
    | ExportExists
    | SearchEmpty
    | NotAMonth
)

# planned sessions: cancel, move, and the history they build on
# (core/sessions.py)


@message
class NoPlannedSession(Told):
    mentor: str
    prep: Hint


@message
class FixSessionFirst(Told):
    problem: str  # what is wrong in the first broken session file
    edit: Hint


@message
class ReasonEmpty(Told):
    pass


@message
class CancelNotPlanned(Told):
    day: date
    status: str


@message
class MoveNotPlanned(Told):
    day: date
    status: str


@message
class SessionAlreadyOn(Told):
    day: date


@message
class MoveToPast(Told):
    day: date


SessionErrorMessage = (
    NoPlannedSession
    | FixSessionFirst
    | ReasonEmpty
    | CancelNotPlanned
    | MoveNotPlanned
    | SessionAlreadyOn
    | MoveToPast
)

ErrorMessage = (
    GoalErrorMessage
    | DateErrorMessage
    | MentorErrorMessage
    | RecapErrorMessage
    | MentorChangeErrorMessage
    | TextErrorMessage
    | TrackingErrorMessage
    | HistoryErrorMessage
    | EditErrorMessage
    | ViewErrorMessage
    | StoreErrorMessage
    | SessionErrorMessage
    | AgendaErrorMessage
)
