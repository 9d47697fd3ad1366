"""Mentors, the network, recaps and sessions: their words."""

from __future__ import annotations

from typing import assert_never

from mentorlog import messages as m
from mentorlog.hints import Said
from mentorlog.words import plural


def mentors(message: m.MentorMessage) -> Said | str:
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


def meetings(message: m.MeetingMessage) -> Said | str:
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


def agenda(message: m.AgendaMessage) -> str:
    """Why `prep` chose a mentor; a warning on a topic or question."""
    match message:
        case m.NextMeetingChosen(mentor=name, on=on):
            return f"{name}: the next meeting, on {on.isoformat()}"
        case m.OnlyMentorChosen(mentor=name):
            return f"{name}: your only mentor"
        case m.OffLimits(text=text, term=term, mentor=name):
            return (
                f'"{text}" touches "{term}", which you agreed is off-limits with {name}'
            )
        case _:
            assert_never(message)
