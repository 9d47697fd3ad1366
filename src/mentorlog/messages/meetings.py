"""Mentors, the network, recaps, sessions and prep (`core/mentors.py`,
`core/network.py`, `core/recap.py`, `core/sessions.py`, `core/agenda.py`)."""

from __future__ import annotations

from datetime import date

from mentorlog.hints import Hint

from ._base import Told, message

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


# prep (core/agenda.py): why a mentor was chosen, warnings on what was asked


@message
class NextMeetingChosen(Told):
    mentor: str
    on: date  # the next meeting planned


@message
class OnlyMentorChosen(Told):
    mentor: str


@message
class OffLimits(Told):
    text: str  # the topic or question
    term: str  # the off-limits term it touches
    mentor: str


AgendaMessage = NextMeetingChosen | OnlyMentorChosen | OffLimits
