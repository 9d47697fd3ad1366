"""The words of every error the core and the store raise (`messages.errors`):
one `match` an area, as in the other modules of `render/words/`, whose
`words()` dispatches here."""

from __future__ import annotations

from typing import assert_never

from mentorlog.dates import (
    CADENCE_HELP,
    DATE_RANGE,
    DURATION_HELP,
    NOTICE_HELP,
    TIME_HELP,
)
from mentorlog.hints import Said
from mentorlog.messages import errors as e

from .agenda_errors import agenda_errors
from .store_errors import store_errors


def error_words(message: e.ErrorMessage) -> Said | str:
    """The words of an error: one `match` an area, each over its kinds."""
    if isinstance(message, e.DateErrorMessage):
        return _dates(message)
    if isinstance(message, e.MentorErrorMessage):
        return _mentors(message)
    if isinstance(message, e.RecapErrorMessage):
        return _recap(message)
    if isinstance(message, e.MentorChangeErrorMessage):
        return _mentor_changes(message)
    if isinstance(message, e.TextErrorMessage):
        return _text(message)
    if isinstance(message, e.TrackingErrorMessage):
        return _tracking(message)
    if isinstance(message, e.HistoryErrorMessage):
        return _history(message)
    if isinstance(message, e.EditErrorMessage):
        return _editing(message)
    if isinstance(message, e.ViewErrorMessage):
        return _views(message)
    if isinstance(message, e.StoreErrorMessage):
        return store_errors(message)
    if isinstance(message, e.SessionErrorMessage):
        return _sessions(message)
    if isinstance(message, e.AgendaErrorMessage):
        return agenda_errors(message)
    return _goals(message)


def _goals(message: e.GoalErrorMessage) -> Said | str:
    """Goals and their milestones (`core/goals.py`)."""
    match message:
        case e.TitleEmpty():
            return "the goal's title is empty; say what you want to achieve"
        case e.TitleTooLong(length=length, most=most):
            return (
                f"the goal's title is {length} characters; keep it under "
                f"{most} and put details in --specific"
            )
        case e.FieldEmpty(flag=flag):
            return f"--{flag} is empty; say what to write"
        case e.NothingToChange():
            return "nothing to change: give an option, or none to open $EDITOR"
        case e.GoalAlready(goal=goal, status=status, since=since):
            return f'goal "{goal}" is already {status}' + (
                f" (since {since.isoformat()})" if since else ""
            )
        case e.MilestoneTitleEmpty():
            return "the milestone's title is empty"
        case e.MilestoneTitleTooLong(most=most):
            return f"the milestone's title is over {most} characters"
        case e.GoalNotActive(goal=goal, status=status):
            return f'goal "{goal}" is {status}; milestones go on active goals'
        case e.MilestoneExists(goal=goal, milestone=milestone, edit=edit):
            exists = f'goal "{goal}" already has the milestone "{milestone}"'
            if edit is None:
                return exists
            return Said(exists + " (to change it: ", edit, " / --title TEXT)")
        case e.RemoveAlone():
            return "--remove takes no other option: the milestone goes"
        case e.SayMilestoneChange():
            return "say what to change: --title, --due, --private or --remove"
        case e.SayWhichMilestone():
            return "say which milestone: its number or the start of its title"
        case e.NoMilestones(goal=goal):
            return f'goal "{goal}" has no milestones yet'
        case e.MilestonesMatch(which=which, found=found):
            listed = "; ".join(f"{number} {title}" for number, title in found)
            return f'"{which}" matches {len(found)} milestones: {listed}'
        case e.MilestoneOutOfRange(goal=goal, count=count, number=number):
            return f'goal "{goal}" has milestones 1-{count}, not {number}'
        case e.NoMilestoneMatching(goal=goal, which=which):
            return f'goal "{goal}" has no milestone matching "{which}"'
        case e.MilestoneDone(milestone=milestone, on=on):
            when = f" on {on.isoformat()}" if on else ""
            return f'milestone "{milestone}" is already done{when}'
        case _:
            assert_never(message)


def _time(text: str) -> str:
    return f'the time of day "{text}"'


def _dates(message: e.DateErrorMessage) -> str:
    """Dates, times and periods a person typed (`dates.py`)."""
    match message:
        case e.TodayNotDate(text=text):
            return (
                f'MENTORLOG_TODAY is not a date ("{text}"); use YYYY-MM-DD, '
                f"{DATE_RANGE}"
            )
        case e.DateEmpty():
            return "the date is empty; try 2026-12-01, friday or in 2 weeks"
        case e.DateUnreadable(text=text):
            return (
                f'cannot read the date "{text}"; '
                "try 2026-12-01, tomorrow, friday, next friday, in 2 weeks, +3d, eom"
            )
        case e.DateOutOfRange(text=text):
            return f'the date "{text}" is out of range; use one {DATE_RANGE}'
        case e.TimeUnreadable(text=text):
            return f"cannot read {_time(text)}; use {TIME_HELP}"
        case e.MinutesDigits(text=text, hour=hour):
            return f"{_time(text)}: minutes need two digits, as in {hour}:05"
        case e.SecondsDigits(text=text, hour=hour):
            return f"{_time(text)}: seconds need two digits, as in {hour}:00:00"
        case e.HalfDayHour(text=text):
            return (
                f"{_time(text)} is not one: with am or pm the hour runs from 1 to "
                "12, as in 1pm; or use 24 hours, as in 13:00"
            )
        case e.HourRange(text=text):
            return f"{_time(text)} is not one: the hour runs from 0 to 23, as in 23:00"
        case e.MinuteRange(text=text, hour=hour):
            return (
                f"{_time(text)} is not one: minutes run from 00 to 59, as in {hour}:59"
            )
        case e.TimeHasSeconds(text=text, at=at):
            return (
                f"{_time(text)} has seconds: a meeting keeps hours and minutes, "
                f"as in {at:%H:%M}"
            )
        case e.HourAlone(hour=hour):
            twelve = f", {hour}am or {hour}pm" if hour <= 12 else ""
            return (
                f'the time of day "{hour}" needs minutes or am/pm: write '
                f"{hour}:00{twelve}"
            )
        case e.TimeWithoutDay(text=text, typed=typed):
            return (
                f'"{text}" is a time without a day; give the day too, as in fri {typed}'
            )
        case e.TimeSkipped(at=at, day=day, zone=zone, start=start, end=end):
            where = f"in {zone}" if zone else "in this machine's time zone"
            return (
                f"the time {at:%H:%M} does not exist on {day.isoformat()} {where}: "
                f"the clocks go forward from {start:%H:%M} to {end:%H:%M} that "
                f"night; give a time before {start:%H:%M} or from {end:%H:%M} on"
            )
        case e.CadenceUnreadable(text=text):
            return f'cannot read the cadence "{text}"; use {CADENCE_HELP}'
        case e.NoticeUnreadable(text=text):
            return f'cannot read the notice period "{text}"; use {NOTICE_HELP}'
        case e.DurationUnreadable(text=text):
            return f'cannot read the duration "{text}"; use {DURATION_HELP}'
        case e.DurationOutOfRange(text=text):
            return f'the duration "{text}" is not between 1 minute and 24 hours'
        case _:
            assert_never(message)


def _mentors(message: e.MentorErrorMessage) -> Said | str:
    """Mentors, asks and agreements (`core/mentors.py`)."""
    match message:
        case e.UnknownChannel(text=text, channels=channels):
            return f'unknown channel "{text}"; use one of {channels}'
        case e.NameEmpty():
            return "the mentor's name is empty"
        case e.NameTooLong(length=length, most=most):
            return f"the name is {length} characters; {most} at most"
        case e.MentorshipEnded(mentor=mentor, on=on):
            when = f" on {on.isoformat()}" if on else ""
            return f'the mentorship with "{mentor}" already ended{when}'
        case e.OptionEmpty(option=option):
            return f"{option} is empty"
        case e.AskEmpty():
            return "the ask is empty: say who you are, why them, and one question"
        case e.OnNotDeclined():
            return "--on goes with accepted or rescheduled, not declined"
        case e.DayPast(day=day):
            return f"{day.isoformat()} is in the past"
        case e.NoAskToAnswer(mentor=mentor, ask=ask):
            return Said(f'"{mentor}" has no ask to answer; record one with `', ask, "`")
        case e.AlreadyOngoing(mentor=mentor):
            return f'"{mentor}" is already an ongoing mentor'
        case e.ContactEnded(mentor=mentor):
            return f'the contact with "{mentor}" has ended'
        case e.AskDeclined(mentor=mentor, answer=answer):
            return Said(
                f'"{mentor}" declined the ask; record a new answer first (',
                answer,
                ")",
            )
        case _:
            assert_never(message)


def _recap(message: e.RecapErrorMessage) -> Said | str:
    """Recording a meeting held (`core/recap.py`)."""
    match message:
        case e.SayWhichRecap(mentors=mentors):
            names = ", ".join(mentors) or "none yet"
            return f"say which mentor or session to recap (mentors: {names})"
        case e.SessionMentorGone(mentor=mentor, doctor=doctor):
            return Said(
                f"the session's mentor ({mentor}) is not in the journal any more, "
                "or their file does not read (",
                doctor,
                ")",
            )
        case e.SessionCancelled(day=day):
            return (
                f"the session on {day.isoformat()} was cancelled: there is nothing "
                "to recap"
            )
        case e.NoOpenQuestion(ref=ref):
            return f'"{ref}": the meeting\'s agenda has no open question'
        case e.NotOpenQuestion(ref=ref, several=several, questions=questions):
            listed = "; ".join(f"{n}. {q}" for n, q in enumerate(questions, 1))
            what = "matches several" if several else "is not one"
            return f'"{ref}" {what} of the open questions: {listed}'
        case e.NotOpenAction(ref=ref):
            return f'"{ref}" is not an open action with this mentor'
        case e.ActionsMatch(ref=ref, count=count, actions=actions):
            return (
                f'"{ref}" matches {count} open actions: {"; ".join(actions)}; use '
                "more of the id"
            )
        case e.TakeawayEmpty():
            return "a takeaway is empty; say what you took away, in a sentence"
        case e.ActionTwice():
            return "an action is named twice in --done / --dropped"
        case _:
            assert_never(message)


def _mentor_changes(message: e.MentorChangeErrorMessage) -> Said | str:
    """Changing, merging and removing mentors (`core/mentor_changes.py`)."""
    from mentorlog.core.mentor_changes import counted

    match message:
        case e.MergeIntoSelf(mentor=mentor):
            return f"cannot merge {mentor} into themselves"
        case e.StillReferred(mentor=mentor, counts=counts):
            return Said(
                f"{mentor} is referred to by {counted(dict(counts))}; to move them "
                "to another mentor: ",
                message.merge,
                " (or end the mentorship: ",
                message.end,
                ")",
            )
        case e.MergeOtherWay(other=other, mentor=mentor, merge=merge):
            return Said(
                f"{other} is a flash contact whose ask is unanswered, {mentor} an "
                "ongoing mentor: merge the other way (",
                merge,
                ")",
            )
        case e.MeetingsClash(mentor=mentor, other=other, day=day, paths=paths):
            return Said(
                f"{mentor} and {other} each have a meeting on {day.isoformat()} "
                f"({', '.join(paths)}): move one (",
                message.move,
                ") or cancel it (",
                message.cancel,
                "), then merge",
            )
        case e.ReviewAhead(day=day):
            return f"{day.isoformat()} is in the future: record a review held"
        case _:
            assert_never(message)


def _text(message: e.TextErrorMessage) -> str:
    """Text a person typed (`core/common.py`)."""
    match message:
        case e.TextEmpty(what=what):
            return f"the {what} is empty"
        case e.TextTooLong(what=what, length=length, most=most):
            return f"the {what} is {length} characters; {most} at most"
        case e.DueUnreadable(shown=shown):
            return (
                f'cannot read the date in "{shown}"; write due:friday, '
                "due:2026-12-01, or a date of several words at the end (due:in 5 "
                "days); to keep due: as words, give the date with --due"
            )
        case e.DueTwice(count=count):
            return f"give one due: date per action, not {count}"
        case _:
            assert_never(message)


def _tracking(message: e.TrackingErrorMessage) -> str:
    """Actions, feedback, resources and the log (`core/tracking.py`)."""
    match message:
        case e.ActionAlready(action=action, status=status):
            return f'the action "{action}" is already {status}'
        case e.FeedbackApplied(on=on, how=how):  # either may be missing by hand
            return (
                "that feedback is already applied"
                + (f" (on {on.isoformat()})" if on else "")
                + (f": {how}" if how else "")
            )
        case e.UnknownKind(text=text, kinds=kinds):
            return f'unknown kind "{text}"; use one of {", ".join(kinds)}'
        case e.ResourceDone(resource=resource):
            return f'"{resource}" is already done'
        case e.LogAhead(day=day):
            return (
                f"{day.isoformat()} is in the future: log what has happened "
                "(plans are actions)"
            )
        case _:
            assert_never(message)


def _history(message: e.HistoryErrorMessage) -> Said | str:
    """Undo (`core/history.py`)."""
    match message:
        case e.NoJournalToUndo(root=root):
            return f"no journal at {root}: nothing to undo"
        case e.UndoNeedsGit(init=init):
            return Said(
                "undo works in a git journal, where each change is a commit; this "
                "one is not (`",
                init,
                "` makes it one)",
            )
        case e.UndoSyncOpen(what=what, finish=finish):
            return f"nothing was undone: {what} is not finished; " + finish
        case e.UndoUncommitted(first=first, more=more, sync=sync):
            others = f" and {more} more" if more else ""
            return Said(
                f"nothing was undone: {first}{others} changed since the last "
                "commit; commit it (",
                sync,
                ") or put it back first",
            )
        case e.NoCommitToUndo():
            return "nothing to undo: the journal has no commit yet"
        case e.NotOurCommit(commit=commit, subject=subject):
            return (
                f'nothing was undone: the last commit ({commit} "{subject}") '
                "is not a change mentorlog made on this machine"
            )
        case e.AlreadyUndone(commit=commit, git=git):
            return (
                f"nothing was undone: the last commit ({commit}) is already an undo; "
                f"undo reverts one change ({git} revert {commit} redoes it)"
            )
        case e.RevertFailed(git_said=said):
            return f"git revert failed: {said}"
        case _:
            assert_never(message)


def _kept(draft: str, target: str) -> str:
    return f"your text is kept in {draft}; {target} is unchanged"


def _editing(message: e.EditErrorMessage) -> Said | str:
    """Editing a record's file (`core/editing.py`)."""
    match message:
        case e.NoJournalToEdit(root=root, init=init):
            return Said(f"no journal at {root} yet: `", init, "` creates it")
        case e.NoRecordMatches(kind=kind, ref=ref):
            return f'no {kind or "record"} matches "{ref}"'
        case e.SeveralKindsMatch(ref=ref, paths=paths):
            return f'"{ref}" matches records of several kinds: {"; ".join(paths)}'
        case e.NoFileThere(path=path):
            return f"no file {path}"
        case e.EditorFailedUnchanged(error=error, target=target):
            return f"{error}; {target} is unchanged"
        case e.EditorFailedKept(error=error, draft=draft, target=target):
            return f"{error}; {_kept(draft, target)}"
        case e.EditedEmpty(draft=draft, target=target):
            return f"the edited file is empty; {_kept(draft, target)}"
        case e.IdChanged():
            return "id: the id cannot be changed"
        case e.DraftInvalid(problem=problem, draft=draft, target=target):
            return f"{problem}; {_kept(draft, target)}"
        case e.ChangedWhileEditing(draft=draft, target=target):
            return f"{target} changed while you were editing; {_kept(draft, target)}"
        case _:
            assert_never(message)


def _views(message: e.ViewErrorMessage) -> Said | str:
    """Follow-ups, exports, search and the month."""
    match message:
        case e.NoFollowUp(ref=ref, followups=followups):
            return Said(f'no follow-up "{ref}"; `', followups, "` lists them")
        case e.FollowUpsMatch(ref=ref, count=count, ids=ids):
            return f'"{ref}" matches {count} follow-ups: {", ".join(ids)}'
        case e.PlanToClear(prep=prep):
            return Said("plan the meeting to clear this one: ", prep)
        case e.RecapToClear(recap=recap, cancel=cancel):
            return Said(
                "recap or cancel the meeting to clear this one: ", recap, " / ", cancel
            )
        case e.ExportInsideJournal(path=path, root=root):
            return f"{path} is inside the journal ({root}); export to a file outside it"
        case e.ExportToFolder(path=path):
            return f"{path} is a folder; give a file name"
        case e.NoSuchFolder(path=path):
            return f"the folder {path} does not exist"
        case e.ExportExists(path=path):
            return f"{path} already exists; add --force to replace it"
        case e.SearchEmpty():
            return "say what to search for"
        case e.NotAMonth(text=text):
            return f'--month "{text}" is not a month; write it YYYY-MM (2026-12)'
        case _:
            assert_never(message)


def _sessions(message: e.SessionErrorMessage) -> Said | str:
    """Planned sessions: cancel, move, and the history they build on."""
    match message:
        case e.NoPlannedSession(mentor=mentor, prep=prep):
            return Said(f"no planned session with {mentor}; plan one: ", prep)
        case e.FixSessionFirst(problem=problem, edit=edit):
            return Said(f"{problem}; fix it first (", edit, ")")
        case e.ReasonEmpty():
            return "--reason is empty; say why, in a few words"
        case e.CancelNotPlanned(day=day, status=status):
            return (
                f"the session on {day.isoformat()} is {status}; "
                "only a planned session can be cancelled"
            )
        case e.MoveNotPlanned(day=day, status=status):
            return (
                f"the session on {day.isoformat()} is {status}; "
                "only a planned session can be moved"
            )
        case e.SessionAlreadyOn(day=day):
            return f"the session is already on {day.isoformat()}"
        case e.MoveToPast(day=day):
            return f"{day.isoformat()} is in the past; move it to today or later"
        case _:
            assert_never(message)
