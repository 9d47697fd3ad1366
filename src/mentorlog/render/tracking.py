"""Between meetings: follow-ups, search, actions, feedback, resources, log."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from rich.table import Table
from rich.text import Text

from mentorlog.hints import TEXT, Slot
from mentorlog.render.hints import command
from mentorlog.render.output import (
    capped,
    console,
    emit,
    left_out,
    safe,
)
from mentorlog.words import plural

if TYPE_CHECKING:
    from mentorlog.core.followups import FollowUp
    from mentorlog.core.search import SearchResult
    from mentorlog.core.tracking import ActionView, FeedbackView, LogView, ResourceView


def followups_table(items: list[FollowUp], today: date) -> None:
    if not items:
        emit(Text("Nothing to follow up on. Good habits."))
        return
    table = Table(box=None, pad_edge=False, show_edge=False)
    table.add_column("id", style="cyan", no_wrap=True)
    table.add_column("what", ratio=1, overflow="fold")
    table.add_column("via", no_wrap=True)
    table.add_column("due", no_wrap=True)
    for item in items:
        due = Text(item.due.isoformat(), style="red" if item.due < today else "")
        table.add_row(item.id, Text(safe(item.text)), Text(item.channel or "—"), due)
    console().print(table)
    emit(Text("Done one? " + command("followups", "done", Slot("ID")), style="dim"))


def search_hits(result: SearchResult) -> None:
    if not result.hits:
        emit(Text(f'Nothing found for "{safe(result.query)}".'))
        return
    for hit in result.hits:
        head = Text(f"{hit.day.isoformat()} ", style="dim")
        head.append(f"{hit.kind} {hit.short} ", style="cyan")
        head.append(safe(hit.title), style="bold")
        emit(head)
        emit(Text(f"  {hit.field}: " + safe(hit.line)))
    count = len(result.hits)
    emit(Text(plural(count, "hit"), style="dim"))


def actions_table(
    views: list[ActionView],
    hidden: int,
    filtered: bool = False,
    open_count: int = 0,
    filters: Sequence[str] = (),
) -> None:
    """`filters`: the listing's options as the user typed them, one word each,
    repeated in the hint so that it shows the same listing with the closed ones
    added."""
    again = command("actions", *filters, "--all")
    if not views:
        if filtered:
            closed = f"; {hidden} closed: {again}" if hidden else ""
            emit(
                Text(
                    f"No action matches these filters ({open_count} open in all"
                    f"{closed})."
                )
            )
        else:
            closed = f" ({hidden} closed: --all)" if hidden else ""
            emit(Text("No open actions." + closed))
        return
    table = Table(box=None, pad_edge=False, show_edge=False)
    table.add_column("id", style="cyan", no_wrap=True)
    table.add_column("action", ratio=2, overflow="fold")
    table.add_column("due", no_wrap=True)
    table.add_column("with", ratio=1, overflow="fold")
    views, more = capped(views)
    for view in views:
        a = view.action
        text = Text(safe(a.text), style="" if a.status == "open" else "dim")
        if a.status != "open":
            text.append(f" ({a.status})", style="dim")
        if view.goal:
            text.append("\ngoal: " + safe(view.goal), style="dim")
        due = Text(a.due.isoformat() if a.due else "—")
        if view.overdue_days:
            due = Text(
                f"{a.due.isoformat() if a.due else ''}\n{view.overdue_days}d overdue",
                style="bold red",
            )
        table.add_row(view.short, text, due, Text(safe(view.mentor or "—")))
    console().print(table)
    left_out(more, "pipe it, filter it, or use --json")
    if hidden:
        emit(Text(f"{hidden} closed hidden: {again}", style="dim"))


def feedback_table(views: list[FeedbackView], total: int) -> None:
    if not views:
        if total:
            emit(Text(f"Every piece of feedback is applied ({total} in all)."))
        else:
            emit(
                Text(
                    "No feedback yet. After a meeting: "
                    + command("feedback", "add", TEXT, "--mentor", Slot("M"))
                )
            )
        return
    table = Table(box=None, pad_edge=False, show_edge=False)
    table.add_column("id", style="cyan", no_wrap=True)
    table.add_column("feedback", ratio=2, overflow="fold")
    table.add_column("from", ratio=1, overflow="fold")
    table.add_column("applied", ratio=1, overflow="fold")
    views, more = capped(views)
    for view in views:
        f = view.feedback
        text = Text(safe(f.text))
        if f.area:
            text.append(f"\narea: {safe(f.area)}", style="dim")
        applied = (
            Text("✓ " + safe(f.how or ""), style="green")
            if f.applied
            else Text("not yet", style="yellow")
        )
        source = Text(safe(view.mentor or "—"))
        source.append(f"\n{f.received.isoformat()}", style="dim")
        table.add_row(view.short, text, source, applied)
    console().print(table)
    left_out(more, "pipe it or use --json")


def resources_table(views: list[ResourceView]) -> None:
    if not views:
        add = command("resources", "add", Slot('"TITLE"'), "--kind", "book")
        emit(Text("No resources yet: " + add))
        return
    table = Table(box=None, pad_edge=False, show_edge=False)
    table.add_column("id", style="cyan", no_wrap=True)
    table.add_column("resource", ratio=2, overflow="fold")
    table.add_column("kind", no_wrap=True)
    table.add_column("from", ratio=1, overflow="fold")
    table.add_column("done", no_wrap=True)
    views, more = capped(views)
    for view in views:
        r = view.resource
        title = Text(safe(r.title), style="dim" if r.done else "bold")
        if r.impression:
            title.append("\n" + safe(r.impression), style="italic")
        done = Text(r.done_on.isoformat() if r.done and r.done_on else "—")
        table.add_row(
            view.short, title, r.kind, Text(safe(view.recommended_by or "—")), done
        )
    console().print(table)
    left_out(more, "pipe it or use --json")


def log_table(views: list[LogView], total: int) -> None:
    if not views:
        if total:
            emit(Text(f"No entry matches these filters ({total} in all)."))
        else:
            add = command("log", "add", TEXT, "--kind", "win")
            emit(Text("Nothing logged yet: " + add))
        return
    table = Table(box=None, pad_edge=False, show_edge=False)
    table.add_column("id", style="cyan", no_wrap=True)
    table.add_column("date", no_wrap=True)
    table.add_column("kind", no_wrap=True)
    table.add_column("entry", ratio=1, overflow="fold")
    styles = {"win": "green", "challenge": "yellow", "update": "cyan"}
    views, more = capped(views)
    for view in views:
        e = view.entry
        text = Text(safe(e.text))
        if e.private:
            text.append(" (private)", style="dim")
        table.add_row(
            view.short, e.date.isoformat(), Text(e.kind, style=styles[e.kind]), text
        )
    console().print(table)
    left_out(more, "pipe it, use --kind/--since, or --json")
