"""The words of every error the core and the store raise (`messages.errors`):
one `match` an area, as in `render/words.py`, which dispatches here."""

from __future__ import annotations

from typing import assert_never

from mentorlog.hints import Said
from mentorlog.messages import errors as e


def error_words(message: e.ErrorMessage) -> Said | str:
    """The words of an error: one `match` an area, each over its kinds."""
    return _goals(message)


def _goals(message: e.GoalError) -> Said | str:
    """Goals and their milestones (`core/goals.py`)."""
    match message:
        case e.TitleEmpty():
            return "the goal's title is empty; say what you want to achieve"
        case e.TitleTooLong(length=length, most=most):
            return (
                f"the goal's title is {length} characters; keep it under "
                f"{most} and put details in --specific"
            )
        case e.OptionEmpty(flag=flag):
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
