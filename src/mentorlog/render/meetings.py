"""Meetings: agendas, prep, moves, recaps and the sessions list."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from rich.table import Table
from rich.text import Text

from mentorlog.dates import minutes_text
from mentorlog.hints import DATE, Slot
from mentorlog.render.hints import command
from mentorlog.render.output import (
    capped,
    console,
    emit,
    emit_lines,
    left_out,
    safe,
    say,
    warn,
)
from mentorlog.words import plural

if TYPE_CHECKING:
    from mentorlog.core.agenda import PrepResult
    from mentorlog.core.calendar_import import ImportResult
    from mentorlog.core.recap import RecapResult, RecapTarget
    from mentorlog.core.sessions import Moved, Outcome, SessionView
    from mentorlog.models import ActionItem, Session


def agenda(body: str) -> None:
    """An agenda or notes, lightly styled; user text stays text."""
    out = console()
    cleaned = re.sub(r"<!--.*?-->", "", body, flags=re.DOTALL)
    cleaned = re.sub(r"\n{3,}", "\n\n", cleaned).strip("\n")
    lines: list[Text] = []  # printed at once: a print costs more than a line
    for raw in cleaned.splitlines():
        text_line = safe(raw)
        if text_line.startswith("#"):
            lines.append(Text(text_line.lstrip("# ").strip(), style="bold cyan"))
            continue
        styled = Text()
        content = text_line
        if text_line.lstrip().startswith("- [ ] "):
            styled.append("  ☐ ")
            content = text_line.lstrip()[6:]
        elif text_line.lstrip().lower().startswith("- [x] "):
            styled.append("  ☑ ", style="green")
            content = text_line.lstrip()[6:]
        elif text_line.lstrip().startswith("- "):
            styled.append("  • ")
            content = text_line.lstrip()[2:]
        styled.append(content, style="red" if "(overdue" in content else "")
        lines.append(styled)
    emit_lines(lines, out=out)
    out.print()


def prep_result(result: PrepResult) -> None:
    view = result.view
    if result.chosen:
        emit(
            Text(f"No mentor named; preparing for {safe(result.chosen)}.", style="dim")
        )
    for warning in result.warnings:
        warn(warning)
    if result.moved:
        moved(result.moved)
    agenda(view.body)
    s = view.session
    if result.created:
        say(
            "Planned the meeting with ",
            (view.mentor_name, ""),
            f" on {when_of(s)} ({view.short}); agenda in ",
            (view.file, ""),
            ".",
        )
    elif result.added:
        count = len(result.added)
        say(
            f"Updated the agenda: {plural(count, 'new item')}; "
            f"everything you wrote is kept ({view.file})."
        )
    else:
        say(f"The agenda is up to date ({view.file}).")
    share = command("prep", result.mentor_short, "--share")
    say(f"Send it ahead: {share}  ·  after the meeting: {command('recap', view.short)}")


def when_of(session: Session) -> str:
    """A meeting's day, and its time of day if it has one."""
    day = session.date.isoformat()
    return f"{day} {session.time}" if session.time else day


def moved(result: Moved) -> None:
    move = result.move
    at = result.view.session.time
    if move is None:
        say(
            "Moved the meeting with ",
            (result.view.mentor_name, ""),
            f" on {result.view.session.date.isoformat()} to {at}.",
        )
        return
    say(
        "Moved the meeting with ",
        (result.view.mentor_name, ""),
        f" from {move.from_date.isoformat()} to {move.to.isoformat()}"
        + (f" {at}" if at else "")
        + ".",
    )
    if move.late:
        warn(
            f"that is inside the agreed {result.notice} notice: tell "
            f"{safe(result.view.mentor_name)} now "
            f"(it is in `{command('followups')}`)"
        )


def guided_intro(target: RecapTarget) -> None:
    s = target.session
    say(
        "Recap of the meeting with ",
        (target.mentor.name, "bold"),
        f" on {s.date.isoformat()}. Press Enter to skip a step.",
    )


def recap_result(result: RecapResult) -> None:
    view = result.view
    s = view.session
    say(
        "Recorded the meeting with ",
        (view.mentor_name, "bold"),
        f" on {s.date.isoformat()} ({view.short}).",
    )
    for takeaway in s.takeaways:
        say("  takeaway: ", (takeaway, ""))
    for action in result.new_actions:
        due = f" (due {action.due.isoformat()})" if action.due else ""
        say("  new action: ", (action.text, ""), due)
    for item in result.feedback:
        say("  feedback: ", (item.text, ""))
    for action in result.closed:
        say(f"  {action.status}: ", (action.text, ""))
    if s.feedback_asked is None and not result.flash:
        warn(
            "no feedback area recorded: ask for feedback on one area each meeting "
            "(--feedback-asked AREA)"
        )
    if result.followups:
        emit(Text("Follow-ups", style="bold"))
        for note in result.followups:
            say("  → ", (note, ""))


def sessions_table(
    views: list[SessionView],
    hidden: int,
    today: date,
    filters: Sequence[str] = (),
) -> None:
    """`filters`: the listing's options as the user typed them, one word each,
    repeated in the hint that shows the same listing with the older ones."""
    again = command("sessions", *filters, "--all")
    if not views:
        emit(
            Text(
                "No meetings yet. Plan one: "
                + command("prep", Slot("MENTOR"), "--on", DATE)
                + (f" ({hidden} older: --all)" if hidden else "")
            )
        )
        return
    table = Table(box=None, pad_edge=False, show_edge=False)
    table.add_column("id", style="cyan", no_wrap=True)
    table.add_column("date", no_wrap=True)
    table.add_column("mentor", ratio=1, overflow="fold")
    table.add_column("status", no_wrap=True)
    table.add_column("notes", ratio=1, overflow="fold")
    views, more = capped(views)
    for view in views:
        s = view.session
        status = Text(
            s.status, style={"planned": "yellow", "held": "green"}.get(s.status, "dim")
        )
        when = Text(when_of(s))
        if s.status == "planned":
            days = (s.date - today).days
            when.append(
                "\n"
                + (
                    "today"
                    if days == 0
                    else f"in {days}d"
                    if days > 0
                    else f"{-days}d ago"
                ),
                style="red" if days < 0 else "dim",
            )
        notes = Text()
        if s.takeaways:
            notes.append(plural(len(s.takeaways), "takeaway"))
        if s.moves:
            late = any(m.late for m in s.moves)
            notes.append(
                (" · " if notes else "") + "moved" + (" late" if late else ""),
                style="red" if late else "",
            )
        if s.status == "planned" and s.agenda_on:
            notes.append((" · " if notes else "") + "agenda ready", style="dim")
        table.add_row(view.short, when, Text(safe(view.mentor_name)), status, notes)
    console().print(table)
    left_out(more, "pipe it or use --json")
    if hidden:
        emit(Text(f"{hidden} older hidden: {again}", style="dim"))


def session_detail(view: SessionView, outcome: Outcome | None = None) -> None:
    s = view.session
    head = Text(f"{safe(view.mentor_name)} · {when_of(s)}", style="bold")
    if s.minutes:
        head.append(f" · {minutes_text(s.minutes)}")
    head.append(f"  [{view.short} · {s.status}]", style="dim")
    emit(head)
    if s.status == "cancelled":
        why = f": {s.cancel_reason}" if s.cancel_reason else ""
        on = s.cancelled_on.isoformat() if s.cancelled_on else "?"
        emit(Text(safe(f"cancelled on {on}{why}"), style="dim"))
    for move in s.moves:
        line = Text(
            f"moved from {move.from_date.isoformat()} on {move.on.isoformat()}",
            style="dim",
        )
        if move.late:
            line.append(" (inside the agreed notice)", style="red")
        emit(line)
    if s.takeaways:
        emit(Text("Takeaways", style="bold"))
        for takeaway in s.takeaways:
            emit(Text("  • " + safe(takeaway)))
    if s.answered:
        emit(Text("Questions answered", style="bold"))
        for question in s.answered:
            emit(Text("  • " + safe(question)))
    if outcome is not None:
        _outcome(outcome)
    if s.feedback_asked:
        emit(Text("Feedback asked on: " + safe(s.feedback_asked)))
    if s.appreciated is not None:
        emit(Text("Appreciation expressed: " + ("yes" if s.appreciated else "no")))
    console().print()
    agenda(view.body)


def _outcome(outcome: Outcome) -> None:
    """What came out of a held meeting, after its takeaways."""
    if outcome.new_actions:
        emit(Text("New actions", style="bold"))
        for short, action in outcome.new_actions:
            emit(Text(f"  {_box(action)} {short} " + safe(action.text) + _due(action)))
    if outcome.feedback:
        emit(Text("Feedback received", style="bold"))
        for short, item in outcome.feedback:
            state = " (applied)" if item.applied else " (not yet applied)"
            emit(Text(f"  • {short} " + safe(item.text) + state))
    if outcome.carried:
        emit(Text("Actions carried in", style="bold"))
        for short, action in outcome.carried:
            if action.status == "open":
                what = "still open"
            else:
                closed = f" {action.closed.isoformat()}" if action.closed else ""
                what = f"{action.status}{closed}"
            emit(Text(f"  {_box(action)} {short} " + safe(action.text) + f" — {what}"))


def _box(action: ActionItem) -> str:
    return {"open": "☐", "done": "✓", "dropped": "✗"}[action.status]


def _due(action: ActionItem) -> str:
    return f" (due {action.due.isoformat()})" if action.due else ""


def imported(result: ImportResult) -> None:
    """What `import` planned (or would plan), one line each; on stderr, one
    line counting the events skipped and why."""
    verbs = {
        "plan": ("Would plan" if result.dry_run else "Planned"),
        "move": ("Would move" if result.dry_run else "Moved"),
        "same": "Already planned",
    }
    lines = []
    for item in result.planned:
        when = item.day.isoformat() + (f" {item.time}" if item.time else "")
        line = Text(f"{verbs[item.what]}: ")
        line.append(safe(item.mentor), style="bold")
        line.append(f" on {when}")
        if item.summary:
            line.append(f" ({safe(item.summary)})", style="dim")
        lines.append(line)
    if not result.planned:
        lines.append(Text("No event names a mentor: nothing to plan."))
    emit_lines(lines)
    if result.skipped:
        from mentorlog.core.calendar_import import skipped_message

        total = result.skipped_count
        why = ", ".join(
            plural(count, str(skipped_message(code, 1)), str(skipped_message(code)))
            for code, count in result.skipped.items()
        )
        emit(
            Text(f"skipped {plural(total, 'event')}: {why}", style="dim"),
            out=console(stderr=True),
        )
    if result.dry_run:
        emit(
            Text("dry run: nothing was written", style="dim"), out=console(stderr=True)
        )
