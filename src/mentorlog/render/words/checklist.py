"""The checklist's titles, evidence and advice (SPEC §5): their words."""

from __future__ import annotations

from typing import assert_never

from mentorlog import messages as m
from mentorlog.hints import Said
from mentorlog.words import plural

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


def habit(message: m.HabitMessage) -> str:
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


def evidence(message: m.EvidenceMessage) -> str:
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


def advice(message: m.AdviceMessage) -> Said | str:
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
