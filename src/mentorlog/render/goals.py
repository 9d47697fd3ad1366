"""Goals: the table, one goal, its SMART gaps and milestones."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.table import Table
from rich.text import Text

from mentorlog.hints import Slot
from mentorlog.render.hints import command
from mentorlog.render.output import (
    capped,
    console,
    emit,
    left_out,
    safe,
    say,
)
from mentorlog.words import plural

if TYPE_CHECKING:
    from mentorlog.core.goals import CheckReport, GoalView
    from mentorlog.messages import GoalMessage
    from mentorlog.models import Milestone


# the goal a first `goals add` could add, as typed
EXAMPLE = Slot('"build a portfolio site with 3 projects within 2 months"')


def bar(progress: float, width: int = 10) -> Text:
    filled = round(progress * width)
    text = Text("█" * filled, style="green")
    text.append("░" * (width - filled), style="dim")
    return text


def days_left(view: GoalView) -> Text:
    goal = view.goal
    if goal.status != "active":
        when = goal.closed.isoformat() if goal.closed else ""
        return Text(f"{goal.status} {when}".strip(), style="dim")
    left = view.days_left
    if left is None:
        return Text("no date", style="yellow")
    if left < 0:
        return Text(f"{-left}d overdue", style="bold red")
    if left == 0:
        return Text("due today", style="bold yellow")
    return Text(f"{left}d left", style="yellow" if left <= 14 else "")


def goals_table(views: list[GoalView], hidden: int) -> None:
    out = console()
    if not views:
        out.print(
            "No active goals yet. Add one: " + command("goals", "add", EXAMPLE)
            if not hidden
            else f"No active goals ({hidden} closed: {command('goals', '--all')})."
        )
        return
    table = Table(box=None, pad_edge=False, show_edge=False, expand=False)
    table.add_column("id", style="cyan", no_wrap=True)
    table.add_column("goal", ratio=1, overflow="fold")
    table.add_column("progress", no_wrap=True)
    table.add_column("target", no_wrap=True)
    views, more = capped(views)
    for view in views:
        goal = view.goal
        title = Text(
            safe(goal.title), style="bold" if goal.status == "active" else "dim"
        )
        upcoming = goal.next_milestone()
        if upcoming is not None:
            title.append("\nnext: ", style="dim")
            title.append(safe(upcoming.title))
            if upcoming.due:
                late = upcoming.due < view.today
                title.append(
                    f" (due {upcoming.due.isoformat()})", style="red" if late else "dim"
                )
        if view.missing_parts and goal.status == "active":
            title.append("\nSMART gaps: ", style="dim")
            title.append(", ".join(view.missing_parts), style="yellow")
        done = sum(m.done for m in goal.milestones)
        progress = bar(goal.progress)
        progress.append(f" {done}/{len(goal.milestones)}")
        target = Text(goal.target.isoformat() if goal.target else "—")
        target.append("\n")
        target.append_text(days_left(view))
        table.add_row(view.short, title, progress, target)
    out.print(table)
    left_out(more, "pipe it or use --json")
    if hidden:
        out.print(
            Text(
                f"{plural(hidden, 'closed goal')} hidden: " + command("goals", "--all"),
                style="dim",
            )
        )


def goal_detail(view: GoalView) -> None:
    out = console()
    goal = view.goal
    head = Text(safe(goal.title), style="bold")
    head.append(f"  [{view.short} · {goal.status}]", style="dim")
    emit(head)
    facts = Text()
    if goal.target:
        facts.append(f"target {goal.target.isoformat()} (")
        facts.append_text(days_left(view))
        facts.append(")")
    else:
        facts.append("no target date", style="yellow")
    if goal.area:
        facts.append(" · area: ")
        facts.append(safe(goal.area))
    if goal.mentor:
        facts.append(" · mentor: ")
        facts.append(safe(goal.mentor))
    emit(facts)
    progress = Text("progress ")
    progress.append_text(bar(goal.progress))
    done = sum(m.done for m in goal.milestones)
    progress.append(f" {done}/{plural(len(goal.milestones), 'milestone')}")
    out.print(progress)
    parts = Table(box=None, show_header=False, pad_edge=False)
    parts.add_column(style="dim", no_wrap=True)
    parts.add_column(overflow="fold")
    for label, value in (
        ("Specific", goal.specific),
        ("Measurable", goal.measurable),
        ("Achievable", goal.achievable),
        ("Relevant", goal.relevant),
    ):
        parts.add_row(label, Text(safe(value)) if value else Text("—", style="yellow"))
    out.print(parts)
    if goal.milestones:
        out.print(Text("Milestones", style="bold"))
        table = Table(box=None, show_header=False, pad_edge=False)
        table.add_column(justify="right", no_wrap=True)
        table.add_column(no_wrap=True)
        table.add_column(overflow="fold", ratio=1)
        table.add_column(no_wrap=True)
        for number, milestone in enumerate(goal.milestones, start=1):
            mark = (
                Text("✓", style="green") if milestone.done else Text("·", style="dim")
            )
            when = Text()
            if milestone.done and milestone.done_on:
                when.append(f"done {milestone.done_on.isoformat()}", style="dim")
            elif milestone.due:
                late = milestone.due < view.today
                when.append(
                    f"due {milestone.due.isoformat()}", style="red" if late else ""
                )
            table.add_row(str(number), mark, Text(safe(milestone.title)), when)
        out.print(table)
    smart_gaps(view)


def smart_gaps(view: GoalView) -> None:
    out = console()
    if view.scored:
        line = Text(
            f"SMART {view.score}/5", style="bold green" if view.score == 5 else "bold"
        )
    else:
        line = Text("SMART not scored (the coach reads English only)", style="bold")
    out.print(line)
    for gap in view.gaps:
        # milestones and language are advice, not a missing SMART part
        advice = gap.part in ("milestones", "language")
        item = Text(f"  {'→' if advice else '✗'} {gap.part}: ", style="yellow")
        item.append(safe(gap.message))
        emit(item)


def check_report(report: CheckReport) -> None:
    out = console()
    for view in report.views:
        head = Text(f"{view.short} ", style="cyan")
        head.append(safe(view.goal.title), style="bold")
        emit(head)
        smart_gaps(view)
        out.print()
    mark = Text(
        "✓ " if report.portfolio.ok else "✗ ",
        style="green" if report.portfolio.ok else "yellow",
    )
    mark.append(str(report.portfolio.message))
    emit(mark)


def milestone_added(view: GoalView, number: int) -> None:
    milestone = view.goal.milestones[number - 1]
    due = f" (due {milestone.due.isoformat()})" if milestone.due else ""
    say(
        f"Added milestone {number} to {view.short} ",
        (view.goal.title, "bold"),
        ": ",
        (milestone.title, ""),
        due,
    )


def milestone_changed(
    view: GoalView, index: int, before: Milestone, removed: bool
) -> None:
    if removed:
        say(
            f"Removed milestone {index + 1} from {view.short} ",
            (view.goal.title, "bold"),
            ": ",
            (before.title, ""),
        )
        return
    milestone = view.goal.milestones[index]
    due = f" (due {milestone.due.isoformat()})" if milestone.due else ""
    say(
        f"Changed milestone {index + 1} of {view.short} ",
        (view.goal.title, "bold"),
        ": ",
        (milestone.title, ""),
        due,
    )


def goal_edited(view: GoalView, notes: Sequence[GoalMessage]) -> None:
    say(f"Changed goal {view.short}: ", (view.goal.title, "bold"))
    for note in notes:
        say(("  " + str(note), "dim"))
    if view.scored and view.missing_parts:
        say(
            f"SMART {view.score}/5 — missing: {', '.join(view.missing_parts)}. "
            f"See `{command('goals', 'check', view.short)}`."
        )


def milestone_ticked(view: GoalView, index: int) -> None:
    milestone = view.goal.milestones[index]
    say("✓ ", (milestone.title, "bold"), f" — {view.short} ", (view.goal.title, ""))
    progress = Text("progress ")
    progress.append_text(bar(view.goal.progress))
    done = sum(m.done for m in view.goal.milestones)
    progress.append(f" {done}/{len(view.goal.milestones)}")
    console().print(progress)
    if view.goal.milestones and all(m.done for m in view.goal.milestones):
        say(
            "Every milestone is done: close the goal with "
            f"`{command('goals', 'done', view.short)}`."
        )


def goal_added(view: GoalView, notes: Sequence[GoalMessage]) -> None:
    say(f"Added goal {view.short}: ", (view.goal.title, "bold"))
    for note in notes:
        say(("  " + str(note), "dim"))
    if not view.scored:
        say(
            "SMART not scored: the coach reads English only. "
            f"See `{command('goals', 'check', view.short)}`."
        )
    elif view.missing_parts:
        say(
            f"SMART {view.score}/5 — missing: {', '.join(view.missing_parts)}. "
            f"See `{command('goals', 'check', view.short)}`."
        )
    if view.needs_milestones and view.scored:
        milestone = command(
            "goals",
            "milestone",
            view.short,
            Slot('"first step"'),
            "--due",
            Slot("<date>"),
        )
        say(f"No milestone yet: break it into 2-4 steps with `{milestone}`.")
