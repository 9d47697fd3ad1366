"""Every sentence mentorlog says to people is written here.

The core returns messages as data (`mentorlog.messages`: the facts, commands
as `Hint`s); this module writes each kind as words, in English: a plain line,
or a `Said` when it holds a command (`render/hints.py` writes command lines).
This is the one place to read, review or translate them. Plurals go through
`plural`. mypy checks that every kind of `Message` has words here.
"""

from __future__ import annotations

from datetime import date
from typing import assert_never

from mentorlog import messages as m
from mentorlog.hints import Hint, Said
from mentorlog.render.error_words import error_words
from mentorlog.words import plural

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
        return _followup(message)
    if isinstance(message, m.HabitMessage):
        return _habit(message)
    if isinstance(message, m.EvidenceMessage):
        return _evidence(message)
    if isinstance(message, m.AdviceMessage):
        return _advice(message)
    if isinstance(message, m.SmartMessage):
        return _smart(message)
    if isinstance(message, m.DoctorMessage):
        return _doctor(message)
    if isinstance(message, m.MentorMessage):
        return _mentors(message)
    if isinstance(message, m.MeetingMessage):
        return _meetings(message)
    if isinstance(message, m.GoalMessage | m.StoreMessage):
        return _notes(message)
    if isinstance(message, m.errors.ErrorMessage):  # render/error_words.py
        return error_words(message)
    assert_never(message)


def _notes(message: m.GoalMessage | m.StoreMessage) -> Said | str:
    """Notes on a goal added or edited; warnings after a save."""
    match message:
        case m.TargetFromTitle(target=target):
            return f"target date {target.isoformat()} taken from the title"
        case m.TargetPast(target=target):
            return f"the target date {target.isoformat()} is already past"
        case m.SameTitle(twin=twin):
            return f"another active goal has the same title ({twin})"
        case m.SyncNotUndone(why=why):
            return f"an interrupted sync could not be undone: {why}"
        case m.NotCommittedMidSync(sync=sync):
            return Said(
                "saved, not committed: a sync is not finished; finish it first (",
                sync,
                " says how)",
            )
        case m.NotCommitted(why=why):
            return f"saved, but not committed to git: {why}"
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


HABITS = {  # the checklist's titles (SPEC §5) that hold no number
    2: "Meetings on the agreed cadence; the next one scheduled",
    3: "An agenda prepared before each meeting",
    4: "Takeaways and action items recorded after each meeting",
    5: "Feedback requested on at least one area each meeting",
    7: "An achievement or challenge shared since the last meeting",
    8: "Appreciation at each meeting; a thank-you note after it",
    9: "A complete agreement with each ongoing mentor",
    11: "Your mentors cover your goal areas (or the gaps are named)",
}


def _habit(message: m.HabitMessage) -> str:
    """A checklist item's title, or why it does not apply yet."""
    match message:
        case m.Habit(number=number):
            return HABITS[number]
        case m.GoalsHabit(low=low, high=high):
            return f"{low}-{high} SMART goals with target dates"
        case m.ResourcesHabit(target=target):
            return f"At least {target} learning resources explored between meetings"
        case m.ReviewsHabit(period=period):
            every = plural(period, "day")
            return f"Feedback given to the mentor and a review, every {every}"
        case m.NoActiveGoal():
            return "no active goal yet"
        case m.NoOngoingMentor():
            return "no ongoing mentor yet"
        case m.NoMeetingHeld():
            return "no meeting held yet"
        case m.OnlyFlashHeld():
            return "only flash meetings held yet"
        case m.NoGoalArea():
            return "no goal has an area yet (goals add --area)"
        case m.GoalsEvidence(low=low, high=high):
            return (
                f"{plural(message.active, 'active goal')}; {message.dated} with a "
                f"target date, {message.complete} with every SMART part (target "
                f"{low}-{high})"
            )
        case _:
            assert_never(message)


def _cadence_note(note: m.CadenceNote) -> str:
    if not note.cadence:
        return f"{note.mentor}: no cadence agreed"
    part = f"{note.mentor}: {plural(note.held, 'meeting')} ({note.cadence})"
    if note.late_gaps:
        part += f", {plural(note.late_gaps, 'gap')} longer than the cadence"
    if note.next:
        return part + f", next on {note.next.isoformat()}"
    return part + ", no next meeting planned"


def _evidence(message: m.EvidenceMessage) -> str:
    """What a checklist item was checked against."""
    match message:
        case m.CadenceEvidence(mentors=cadences):
            return "; ".join(_cadence_note(note) for note in cadences)
        case m.AgendasEvidence(prepared=prepared, held=held):
            return f"agenda prepared for {prepared} of {plural(held, 'meeting')}"
        case m.RecordsEvidence(takeaways=takeaways, held=held, actions=actions):
            return (
                f"takeaways after {takeaways} of {plural(held, 'meeting')}, "
                f"action items after {actions}"
            )
        case m.FeedbackEvidence(asked=asked, recent=recent):
            return (
                f"feedback requested in {asked} of the last {plural(recent, 'meeting')}"
            )
        case m.ResourcesNotYet(current=current):
            return (
                f"{current} explored since the last meeting; checked once two "
                "meetings with a mentor are held"
            )
        case m.ResourcesEvidence(counts=counts, target=target, current=current):
            return (
                f"between meetings: {', '.join(map(str, counts))} (target {target}); "
                f"{current} since the last one"
            )
        case m.SharedEvidence(wins=wins, challenges=challenges, since=since):
            return (
                f"{plural(wins, 'win')}, {plural(challenges, 'challenge')} "
                f"logged since {since.isoformat()}"
            )
        case m.AppreciationEvidence(thanked=thanked, recent=recent, pending=pending):
            return (
                f"appreciation expressed in {thanked} of the last "
                f"{plural(recent, 'meeting')}; thank-you notes after {message.notes}"
                + (f" ({pending} not due yet)" if pending else "")
            )
        case m.AgreementsEvidence(agreed=agreed, open_parts=parts):
            evidence = "; ".join(f"{name}: {count}/12" for name, count in agreed)
            if message.open_with is None:
                return evidence
            shown = ", ".join(p.replace("_", " ") for p in parts[:4])
            more = ", ..." if len(parts) > 4 else ""
            return f"{evidence} (open with {message.open_with}: {shown}{more})"
        case m.ReviewsEvidence(mentors=mentors, due_within=within):
            notes = "; ".join(
                f"{name}: review {review.isoformat() if review else 'not yet'}, "
                f"feedback to them {given.isoformat() if given else 'not yet'}"
                for name, review, given in mentors
            )
            return (
                notes
                if within is None
                else f"{notes} (due within {plural(within, 'day')})"
            )
        case m.NetworkEvidence(covered=covered, needs=needs, gaps=gaps):
            evidence = f"{covered} of {plural(needs, 'need')} covered"
            return f"{evidence}; gaps: {', '.join(gaps)}" if gaps else evidence
        case _:
            assert_never(message)


def _advice(message: m.AdviceMessage) -> Said | str:
    """What to do when a checklist item fails."""
    match message:
        case m.AddFirstGoal(add=add) | m.AddGoal(add=add):
            first = isinstance(message, m.AddFirstGoal)
            return Said("add one: " if first else "add a goal: ", add)
        case m.FinishOrDrop(done=done):
            return Said("finish or drop some: ", done, " / goals drop")
        case m.CheckGoals(check=check):
            return Said(check, " shows what each goal is missing")
        case m.PlanNext(prep=prep):
            return Said("plan the next meeting: ", prep)
        case m.PrepEach(prep=prep):
            return Said("run ", prep, " before each meeting")
        case m.RecordEach(recap=recap):
            return Said("after each meeting: ", recap)
        case m.AskFeedbackEach():
            return (
                "ask about one area each time: prep --ask-feedback AREA, recap "
                "--feedback-asked AREA"
            )
        case m.ExploreBetween(add=add):
            return Said("explore something between meetings: ", add)
        case m.LogToShare(add=add):
            return Said("log one to share: ", add)
        case m.ThankEach():
            return (
                "thank them at the end (recap --appreciated) and send a note "
                "(followups done thanks-...)"
            )
        case m.AgreeOpen(agree=agree):
            return Said("agree on the open parts: ", agree)
        case m.ReviewAndTell(review=review):
            return Said(
                "review how it works together, and tell them; then ",
                review,
                " / followups done feedback-...",
            )
        case m.FindForGap(ask=ask):
            return Said("find someone for a gap: ", ask)
        case _:
            assert_never(message)


EXAMPLE_REWRITE = (
    '"improve my programming skills" becomes '
    '"build a working web application using React within 3 months"'
)


def _smart(message: m.SmartMessage) -> Said | str:
    """What the SMART coach says a goal is missing (SPEC §1 item 1)."""
    match message:
        case m.NotEnglish():
            return (
                "the coach reads English only, so it gives this goal no SMART "
                "verdict; write the title in English to have it checked."
            )
        case m.VagueSpecific():
            return (
                "the specific part is itself vague: name the result you will have, "
                "not the direction."
            )
        case m.TopicNotGoal(topic=topic):
            return (
                f'"{topic}" is a topic, not a goal: start with a verb and name '
                'the result, e.g. "write and publish 3 blog posts about Rust".'
            )
        case m.ComparisonNotResult(phrase=phrase):
            return (
                f'"{phrase}" is a comparison, not a result: better than what, shown '
                'how? Name what you will have done, or add the plan ("... by '
                f'running 3 parkruns in May"). For example, {EXAMPLE_REWRITE}.'
            )
        case m.CouldBeAnything(phrase=phrase):
            return (
                f'"{phrase}" could be anything: name it, so that you and your mentor '
                "know which one you mean."
            )
        case m.DirectionNotResult(verb=verb, phrase=phrase):
            about = f' What will "{phrase}" let you produce or do?' if phrase else ""
            return (
                f'"{verb or phrase}" names a direction, not a result: say what you '
                f"will have done.{about} For example, {EXAMPLE_REWRITE}."
            )
        case m.NotMeasurable(edit=edit, in_head=phrase):
            lead = f'"{phrase}" happens in your head: ' if phrase is not None else ""
            return Said(
                f"{lead}nothing says how you will know it is done: add a number "
                'or an observable result ("5 alumni interviewed", "an app with 3 '
                'features deployed"), or set it: `',
                edit,
                "`.",
            )
        case m.NotAchievable(edit=edit):
            return Said(
                "say why it is within reach (hours a week, what you already "
                "know, who can help): `",
                edit,
                "`.",
            )
        case m.NotRelevant(edit=edit):
            return Said(
                "say why it matters to you now and which bigger aim it serves: `",
                edit,
                "`.",
            )
        case m.NoMilestone(add=add):
            return Said(
                "no milestone yet: break it into 2-4 steps you can check off, with `",
                add,
                "`.",
            )
        case _:
            return _smart_dates(message)


def _smart_dates(
    message: m.EventNotDate
    | m.NoTargetDate
    | m.TargetPassed
    | m.MilestoneAfterTarget
    | m.Portfolio,
) -> Said | str:
    """The coach on dates, and on the goals as a whole."""
    match message:
        case m.EventNotDate(phrase=phrase, edit=edit):
            return Said(
                f'"{phrase}" ties the goal to an event: when is it? Set '
                "that date as the target: `",
                edit,
                "`.",
            )
        case m.NoTargetDate(edit=edit):
            return Said(
                "no target date: set one with `", edit, '` (2027-03-01, "in 3 months").'
            )
        case m.TargetPassed(target=target, days=days, edit=edit):
            return Said(
                f"the target date {target.isoformat()} passed {plural(days, 'day')} "
                "ago: set a new date (`",
                edit,
                "`) or close the goal (`goals done` / `goals drop`).",
            )
        case m.MilestoneAfterTarget(milestone=title, due=due, target=target):
            return Said(
                f'milestone "{title}" is due {due.isoformat()} after the '
                f"goal's target {target.isoformat()}: move one of the two dates (`",
                message.move,
                f"` or `goals edit {message.goal} --by DATE`).",
            )
        case m.Portfolio(active=active, low=low, high=high):
            return _portfolio(message.dated, message.complete, active, low, high)
        case _:
            assert_never(message)


def _portfolio(dated: int, complete: int, active: int, low: int, high: int) -> str:
    counts = (
        f"{plural(active, 'active goal')}, {dated} with a target date, {complete} "
        "with every SMART part filled"
    )
    if active < low:
        return f"{counts}; aim for {low}-{high}: add a goal"
    if active > high:
        return (
            f"{counts}; aim for {low}-{high}: finish or drop some, too many goals "
            "dilute each one"
        )
    if dated < active:
        return f"{counts}; give every goal a target date"
    if complete < active:
        return f"{counts}; fill in every SMART part of each goal (see the gaps above)"
    return f"{counts}; within the {low}-{high} target"


def _value(value: object) -> str:
    """A value as the user wrote it: a date as ISO, text quoted."""
    if isinstance(value, date):
        return value.isoformat()
    return repr(value) if isinstance(value, str) else str(value)


def _fixed(said: str, fix: Hint | None) -> Said | str:
    """What `doctor --fix` repairs: done (`fix` None), or how to."""
    return said if fix is None else Said(said.rsplit(" (", 1)[0], ": run `", fix, "`")


def _doctor(message: m.DoctorMessage) -> Said | str:
    """What `doctor` found (SPEC §2 `doctor`)."""
    match message:
        case m.MergeConflict(path=path, field=name, edit=edit):
            return Said(
                f"{path}: both devices changed {name}: kept {_value(message.kept)}, "
                f"the other device's {_value(message.lost)} is kept under "
                f"[[{message.table}]] (",
                edit,
                " to settle it)",
            )
        case m.NoJournalYet(init=init):
            return Said("no journal here yet: `", init, "` creates one")
        case m.SettingsMissing(init=init):
            return Said("mentorlog.toml is missing: `", init, "` writes it")
        case m.TemplateMissing(init=init):
            return Said(
                "templates/agenda.md is missing: `", init, "` writes the default"
            )
        case m.NotOurFile(path=path, extension=extension):
            return f"{path}: not a {extension} file; mentorlog ignores it"
        case m.DraftsKept(count=count, folder=folder):
            return (
                f"{plural(count, 'draft')} from unfinished edits in {folder}: copy "
                "what you need, then delete them"
            )
        case m.LooseModes(count=count, fix=fix):
            return _fixed(
                f"{plural(count, 'file or folder', 'files and folders')} with modes "
                "another tool loosened (made private again: 0600/0700)",
                fix,
            )
        case m.StaleTemps(count=count, fix=fix):
            return _fixed(
                f"{plural(count, 'temp file')} left by an interrupted write (removed)",
                fix,
            )
        case m.PartialBackups(count=count, folder=folder, fix=fix):
            return _fixed(
                f"{plural(count, 'partial backup')} in {folder}/ left by an "
                "interrupted migration (removed)",
                fix,
            )
        case _:
            return _doctor_problem(message)


def _doctor_problem(
    message: m.JournalIsFile
    | m.FileForFolder
    | m.UnexpectedFolder
    | m.CommitsNotInFiles
    | m.UntrustedUndo,
) -> Said | str:
    match message:
        case m.JournalIsFile():
            return "a file stands where the journal should be"
        case m.FileForFolder():
            return "a file stands where a folder should be"
        case m.UnexpectedFolder():
            return "unexpected folder"
        case m.CommitsNotInFiles(commits=commits):
            count = len(commits)
            shown = "; ".join(commits[:10]) + (
                f"; and {count - 10} more" if count > 10 else ""
            )
            return Said(
                plural(count, "commit of the journal is", "commits of the journal are")
                + " not in its files, so no listing "
                f"shows them ({shown}): ",
                message.abort,
                " puts them back, or finish the sync (",
                message.sync,
                " says how)",
            )
        case m.UntrustedUndo(fix=fix):
            what = (
                "a recovery log this machine did not write for this journal (from "
                "another device or a copy?): "
            )
            if fix is None:
                return what + "removed without replaying it"
            return Said(what, "`", fix, "` removes it without replaying it")
        case _:
            assert_never(message)


def _mentors(message: m.MentorMessage) -> Said | str:
    """Notes on a mentor added, an ask reviewed, a gap in the network."""
    match message:
        case m.SameName(twin=twin):
            return (
                f"another mentor has the same name ({twin}); each keeps its own "
                "record: refer to them by short id"
            )
        case m.AskTooLong(words=words, most=most):
            return (
                f"the ask is {words} words long: a busy person reads about {most}; "
                "say who you are, why them, and one question"
            )
        case m.NoQuestion():
            return (
                "there is no concrete question: end with one they can answer in a "
                'short call, e.g. "how did you decide between industry and a PhD?"'
            )
        case m.TooManyQuestions(questions=questions):
            return (
                f"{questions} questions: one is easier to say yes to; keep the rest "
                "for the meeting"
            )
        case m.ReadsLikeJobRequest():
            return (
                "it reads like a request for a job: ask for advice, not a position; "
                "respect their time and the relationship can grow from there"
            )
        case m.FindSomeone(area=area, ask=ask):
            return Said(
                f"find someone who knows {area}: a flash meeting is a small ask, "
                "e.g. `",
                ask,
                "`",
            )
        case _:
            assert_never(message)


def _meetings(message: m.MeetingMessage) -> Said | str:
    """What to do after a recap; plans of one meeting merged."""
    match message:
        case m.ThanksAfter(mentor=name, channel=channel, met=met):
            return (
                f"Send {name} a thank-you note ({channel or 'your usual channel'}) "
                f"for the meeting on {met.isoformat()}."
            )
        case m.ExploreRecommended(title=title, mentor=name):
            return (
                f'Explore "{title}", which {name} recommended, and tell them what '
                "you made of it in about a week."
            )
        case m.AskToKeepMeeting(mentor=name, promote=promote):
            return Said(
                f"If it went well, ask {name} to keep meeting, and make it an "
                "ongoing mentorship: ",
                promote,
            )
        case m.NextByCadence(next=next_date, prep=prep):
            return Said(
                f"Next meeting by your cadence: {next_date.isoformat()} (", prep, ")."
            )
        case m.NoCadence(prep=prep):
            return Said("No cadence agreed: plan the next meeting with `", prep, "`.")
        case m.PlansMerged(mentor=name, met=met, kept=kept, removed=removed):
            return (
                f"{plural(len(removed) + 1, 'plan')} of the meeting with {name} on "
                f"{met.isoformat()} were merged into one ({kept}; "
                f"{', '.join(removed)} removed)"
            )
        case _:
            assert_never(message)
