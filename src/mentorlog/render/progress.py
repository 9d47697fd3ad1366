"""How it is going: the checklist and the status dashboard."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.table import Table
from rich.text import Text

from mentorlog.render.goals import bar, days_left
from mentorlog.render.output import (
    console,
    emit_lines,
    safe,
)

if TYPE_CHECKING:
    from mentorlog.core.checklist import Checklist
    from mentorlog.core.status import Status


MARKS = {"pass": ("✓", "green"), "fail": ("✗", "red"), "n/a": ("–", "dim")}


def checklist(result: Checklist) -> None:
    title = "Mentorship checklist" + (
        f" · {safe(result.mentor)}" if result.mentor else ""
    )
    lines = [Text(title, style="bold")]
    for item in result.items:
        mark, style = MARKS[item.mark]
        line = Text(f"{mark} ", style=style)
        line.append(
            f"{item.number}. {item.title}", style="bold" if item.mark == "fail" else ""
        )
        lines.append(line)
        lines.append(Text("     " + safe(item.evidence), style="dim"))
        if item.advice and item.mark == "fail":
            lines.append(Text("     → " + safe(item.advice), style="yellow"))
    lines.append(
        Text(
            f"Score: {result.passed} of {result.applicable} habits in place"
            + (
                f" ({len(result.items) - result.applicable} not applicable yet)"
                if result.applicable < len(result.items)
                else ""
            ),
            style="bold",
        )
    )
    emit_lines(lines)


def _panel(title: str, body: Table | Text) -> None:
    from rich.panel import Panel

    console().print(
        Panel(body, title=title, title_align="left", border_style="dim", expand=True)
    )


def status(found: Status) -> None:
    today = found.today
    meetings = Table(box=None, show_header=False, pad_edge=False, expand=True)
    meetings.add_column(no_wrap=True)
    meetings.add_column(ratio=1, overflow="fold")
    for view in found.upcoming[:5]:
        days = (view.session.date - today).days
        when = "today" if days == 0 else f"in {days}d" if days > 0 else f"{-days}d ago"
        meetings.add_row(
            Text(view.session.date.isoformat()),
            Text(f"{safe(view.mentor_name)} ({when})"),
        )
    for view in found.passed[:5]:
        meetings.add_row(
            Text(view.session.date.isoformat(), style="red"),
            Text(
                f"{safe(view.mentor_name)}: passed, recap or cancel it "
                f"(mentorlog recap {view.short})",
                style="red",
            ),
        )
    for due in found.due[:5]:
        late = due.due < today
        meetings.add_row(
            Text(due.due.isoformat(), style="red" if late else "yellow"),
            Text(
                f"{safe(due.mentor)}: due by {due.cadence} cadence, not "
                "planned (mentorlog prep)",
                style="yellow",
            ),
        )
    if not found.upcoming and not found.due and not found.passed:
        meetings.add_row(
            Text("—"), Text("nothing planned: mentorlog prep MENTOR --on DATE")
        )
    _panel("Next meetings", meetings)

    overdue = Table(box=None, show_header=False, pad_edge=False, expand=True)
    overdue.add_column(no_wrap=True, style="cyan")
    overdue.add_column(ratio=1, overflow="fold")
    overdue.add_column(no_wrap=True)
    for view in found.overdue[:8]:
        overdue.add_row(
            view.short,
            Text(safe(view.action.text)),
            Text(f"{view.overdue_days}d overdue", style="bold red"),
        )
    if not found.overdue:
        overdue.add_row("", Text(f"none overdue ({found.open_actions} open)"), "")
    elif len(found.overdue) > 8:
        overdue.add_row(
            "",
            Text(
                f"... and {len(found.overdue) - 8} more: mentorlog actions --overdue",
                style="dim",
            ),
            "",
        )
    _panel("Overdue actions", overdue)

    goals = Table(box=None, show_header=False, pad_edge=False, expand=True)
    goals.add_column(ratio=1, overflow="fold")
    goals.add_column(no_wrap=True)
    goals.add_column(no_wrap=True)
    for view in found.goals[:6]:
        goals.add_row(
            Text(safe(view.goal.title)), bar(view.goal.progress, 8), days_left(view)
        )
    if not found.goals:
        goals.add_row(Text("no active goal: mentorlog goals add ..."), Text(), Text())
    _panel("Goals", goals)

    check = found.checklist
    failing = [i for i in check.items if i.mark == "fail"]
    summary = Text(f"{check.passed} of {check.applicable} habits in place")
    if failing:
        summary.append(
            " · next: " + safe(failing[0].advice or failing[0].title), style="yellow"
        )
    _panel("Checklist", summary)

    follow = Table(box=None, show_header=False, pad_edge=False, expand=True)
    follow.add_column(ratio=1, overflow="fold")
    follow.add_column(no_wrap=True)
    for item in found.followups[:6]:
        follow.add_row(
            Text(safe(item.text)),
            Text(item.due.isoformat(), style="red" if item.due < today else ""),
        )
    if not found.followups:
        follow.add_row(Text("nothing to follow up on"), Text())
    elif len(found.followups) > 6:
        follow.add_row(
            Text(
                f"... and {len(found.followups) - 6} more: mentorlog followups",
                style="dim",
            ),
            Text(),
        )
    _panel("Follow-ups", follow)
