"""The SMART coach and notes on a goal: their words."""

from __future__ import annotations

from typing import assert_never

from mentorlog import messages as m
from mentorlog.hints import Said
from mentorlog.words import plural

EXAMPLE_REWRITE = (
    '"improve my programming skills" becomes '
    '"build a working web application using React within 3 months"'
)


def smart(message: m.SmartMessage) -> Said | str:
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


def goal_note(message: m.GoalMessage) -> str:
    """Notes on a goal added or edited."""
    match message:
        case m.TargetFromTitle(target=target):
            return f"target date {target.isoformat()} taken from the title"
        case m.TargetPast(target=target):
            return f"the target date {target.isoformat()} is already past"
        case m.SameTitle(twin=twin):
            return f"another active goal has the same title ({twin})"
        case _:
            assert_never(message)
