"""How it is going: the checklist and the status dashboard."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from rich.table import Table
from rich.text import Text

from mentorlog.hints import DATE, Slot
from mentorlog.render.goals import bar, days_left
from mentorlog.render.hints import command
from mentorlog.render.meetings import when_of
from mentorlog.render.output import (
    console,
    emit,
    emit_lines,
    plain,
    safe,
)
from mentorlog.words import plural

if TYPE_CHECKING:
    from mentorlog.core.checklist import Checklist
    from mentorlog.core.month import Month
    from mentorlog.core.sharing import LeftOut
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
            f"Score: {result.passed} of {plural(result.applicable, 'habit')} in place"
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


def _meetings_panel(found: Status) -> Table:
    today = found.today
    meetings = Table(box=None, show_header=False, pad_edge=False, expand=True)
    meetings.add_column(no_wrap=True)
    meetings.add_column(ratio=1, overflow="fold")
    for session in found.upcoming[:5]:
        days = (session.session.date - today).days
        when = "today" if days == 0 else f"in {days}d" if days > 0 else f"{-days}d ago"
        meetings.add_row(
            Text(when_of(session.session)),
            Text(f"{safe(session.mentor_name)} ({when})"),
        )
    for session in found.passed[:5]:
        meetings.add_row(
            Text(session.session.date.isoformat(), style="red"),
            Text(
                f"{safe(session.mentor_name)}: passed, recap or cancel it "
                f"({command('recap', session.short)})",
                style="red",
            ),
        )
    for due in found.due[:5]:
        late = due.due < today
        meetings.add_row(
            Text(due.due.isoformat(), style="red" if late else "yellow"),
            Text(
                f"{safe(due.mentor)}: due by {due.cadence} cadence, not "
                f"planned ({command('prep')})",
                style="yellow",
            ),
        )
    if not found.upcoming and not found.due and not found.passed:
        meetings.add_row(
            Text("—"),
            Text("nothing planned: " + command("prep", Slot("MENTOR"), "--on", DATE)),
        )
    return meetings


def _overdue_panel(found: Status) -> Table:
    overdue = Table(box=None, show_header=False, pad_edge=False, expand=True)
    overdue.add_column(no_wrap=True, style="cyan")
    overdue.add_column(ratio=1, overflow="fold")
    overdue.add_column(no_wrap=True)
    for action in found.overdue[:8]:
        overdue.add_row(
            action.short,
            Text(safe(action.action.text)),
            Text(f"{action.overdue_days}d overdue", style="bold red"),
        )
    if not found.overdue:
        overdue.add_row("", Text(f"none overdue ({found.open_actions} open)"), "")
    elif len(found.overdue) > 8:
        overdue.add_row(
            "",
            Text(
                f"... and {len(found.overdue) - 8} more: "
                + command("actions", "--overdue"),
                style="dim",
            ),
            "",
        )
    return overdue


def _goals_panel(found: Status) -> Table:
    goals = Table(box=None, show_header=False, pad_edge=False, expand=True)
    goals.add_column(ratio=1, overflow="fold")
    goals.add_column(no_wrap=True)
    goals.add_column(no_wrap=True)
    for goal in found.goals[:6]:
        goals.add_row(
            Text(safe(goal.goal.title)), bar(goal.goal.progress, 8), days_left(goal)
        )
    if not found.goals:
        add = command("goals", "add", Slot("..."))
        goals.add_row(Text("no active goal: " + add), Text(), Text())
    return goals


def _checklist_panel(found: Status) -> Text:
    check = found.checklist
    failing = [i for i in check.items if i.mark == "fail"]
    summary = Text(f"{check.passed} of {plural(check.applicable, 'habit')} in place")
    if failing:
        summary.append(
            " · next: " + safe(failing[0].advice or failing[0].title), style="yellow"
        )
    return summary


def _followups_panel(found: Status) -> Table:
    follow = Table(box=None, show_header=False, pad_edge=False, expand=True)
    follow.add_column(ratio=1, overflow="fold")
    follow.add_column(no_wrap=True)
    for item in found.followups[:6]:
        follow.add_row(
            Text(safe(item.text)),
            Text(item.due.isoformat(), style="red" if item.due < found.today else ""),
        )
    if not found.followups:
        follow.add_row(Text("nothing to follow up on"), Text())
    elif len(found.followups) > 6:
        follow.add_row(
            Text(
                f"... and {len(found.followups) - 6} more: {command('followups')}",
                style="dim",
            ),
            Text(),
        )
    return follow


def status(found: Status) -> None:
    """The dashboard: one panel per area, printed in turn."""
    _panel("Next meetings", _meetings_panel(found))
    _panel("Overdue actions", _overdue_panel(found))
    _panel("Goals", _goals_panel(found))
    _panel("Checklist", _checklist_panel(found))
    _panel("Follow-ups", _followups_panel(found))


def status_line(found: Status) -> None:
    """`status --short`: one line, always the same four parts in the same
    words, for a shell prompt or cron (documented in docs/cli-output.md)."""
    parts = [
        plural(len(found.followups), "follow-up"),
        plural(len(found.overdue), "overdue action"),
        plural(len(found.passed), "meeting") + " to recap",
    ]
    if found.upcoming:
        view = min(found.upcoming, key=lambda v: (v.session.date, v.session.time or ""))
        parts.append(
            f"next meeting: {safe(view.mentor_name)} on {when_of(view.session)}"
        )
    else:
        parts.append("next meeting: none planned")
    plain(", ".join(parts))


_LETTERS = {"meeting": "M", "action": "A", "milestone": "G"}
_LETTER_STYLES = {"meeting": "bold cyan", "action": "yellow", "milestone": "magenta"}


def month_grid(found: Month) -> None:
    """`calendar`: the month as a grid like `cal` (weeks from Monday), each
    day with a letter for what falls on it, then those days listed. No line
    is wider than the terminal, nor than 56 columns for the grid; letters,
    not colours, carry the meaning."""
    import calendar as cal

    width = max(console().width, 20)
    title = f"{cal.month_name[found.month]} {found.year}"
    lines = [Text(title.center(55).rstrip(), style="bold")]
    lines.append(Text("".join(f" {name[:2]}     " for name in cal.day_abbr).rstrip()))
    for week in cal.monthcalendar(found.year, found.month):
        row = Text()
        for number in week:
            if number == 0:
                row.append(" " * 8)
                continue
            day = date(found.year, found.month, number)
            kinds = list(dict.fromkeys(item.what for item in found.on(day)))
            mark = ">" if day == found.today else " "
            row.append(mark + f"{number:>2}", style="reverse" if mark == ">" else "")
            row.append(" ")
            for kind in kinds:
                row.append(_LETTERS[kind], style=_LETTER_STYLES[kind])
            row.append(" " * (4 - len(kinds)))
        row.rstrip()
        lines.append(row)
    lines.append(Text("M meeting  A action due  G milestone  > today", style="dim"))
    if found.items:
        lines.append(Text(""))
    for item in found.items:
        line = Text(f"{item.day:%a} {item.day.day:>2}  ")
        line.append(_LETTERS[item.what], style=_LETTER_STYLES[item.what])
        line.append(f"  {item.time or '':5} " if item.what == "meeting" else "  ")
        line.append(safe(item.text))
        if item.status == "held":
            line.append(" (held)", style="dim")
        line.truncate(width, overflow="ellipsis")
        lines.append(line)
    if not found.items:
        lines.append(Text("Nothing dated this month.", style="dim"))
    emit_lines(lines)


def share_left_out(left: LeftOut) -> None:
    """After a share, on stderr: how much was left out and why, never what."""
    if not left:
        return
    parts = []
    if left.private:
        parts.append(plural(left.private, "private item"))
    if left.other:
        parts.append(f"{left.other} of other mentors")
    if left.confidential:
        parts.append(f"{left.confidential} kept between you and a mentor")
    emit(Text("left out: " + ", ".join(parts), style="dim"), out=console(stderr=True))
