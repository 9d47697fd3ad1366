"""Everything the user sees: the only module that imports rich.

User text is never interpreted as markup (we build `Text` objects, and the
console has markup off) and is stripped of control characters, escape
sequences and bidirectional overrides before it reaches the terminal: `safe`
where a message is built, and again for every piece of text the console
writes (`_Console._render_buffer`); what is written to `sys.stdout` or
`sys.stderr` directly goes through the sink's streams (`mentorlog.sink`).
"""

from __future__ import annotations

import json
import os
import re
import sys
from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING, Any

from rich.console import Console
from rich.segment import Segment
from rich.table import Table
from rich.text import Text

from mentorlog import sink

if TYPE_CHECKING:
    from mentorlog.core.agenda import PrepResult
    from mentorlog.core.checklist import Checklist
    from mentorlog.core.doctor import DoctorReport
    from mentorlog.core.followups import FollowUp
    from mentorlog.core.goals import CheckReport, GoalView
    from mentorlog.core.mentors import AgreeResult, AskResult, MentorView
    from mentorlog.core.network import NetworkReport
    from mentorlog.core.recap import RecapResult, RecapTarget
    from mentorlog.core.search import SearchResult
    from mentorlog.core.sessions import Moved, SessionView
    from mentorlog.core.setup import InitResult
    from mentorlog.core.status import Status
    from mentorlog.core.tracking import ActionView, FeedbackView, LogView, ResourceView
    from mentorlog.store.journal import Problem


class _Console(Console):
    """The console every styled line goes through: it cleans each piece of
    text before adding its own colour codes, so our colours stay and user
    text can carry no control of its own, even where a caller forgot `safe`."""

    @property
    def file(self) -> Any:
        """The real stream under the sink: this console cleans its own text
        (and the sink would take its colour codes away)."""
        return sink.trusted(Console.file.fget(self))  # type: ignore[attr-defined]

    @file.setter
    def file(self, new_file: Any) -> None:
        self._file = new_file

    def _render_buffer(self, buffer: Iterable[Segment]) -> str:
        return super()._render_buffer(_cleaned(buffer))

    def on_broken_pipe(self) -> None:
        """The reader went away (`mentorlog goals | head -1`); the CLI ends quietly."""
        self.quiet = True
        raise BrokenPipeError


def _cleaned(buffer: Iterable[Segment]) -> Iterable[Segment]:
    """Rich's own control segments (cursor moves of a spinner) pass; any text
    is cleaned (a newline stays: it is how rich ends a line)."""
    for segment in buffer:
        text = segment.text
        if segment.control or text.isprintable():
            yield segment
        else:
            # a line or paragraph separator in a line is a space: the only line
            # breaks are the ones rich lays out
            text = text.replace("\u2028", " ").replace("\u2029", " ")
            yield Segment(sink.clean(text, one_line=False), segment.style)


_state: dict[str, Any] = {"no_color": False}
_consoles: dict[bool, Console] = {}


def configure(*, no_color: bool) -> None:
    """Called once per invocation, before anything is printed."""
    _state["no_color"] = no_color
    _consoles.clear()


def console(*, stderr: bool = False) -> Console:
    if stderr not in _consoles:
        # NO_COLOR (or --no-color) wins over FORCE_COLOR: no styling at all
        plain_text = _state["no_color"] or bool(os.environ.get("NO_COLOR"))
        _consoles[stderr] = _Console(
            stderr=stderr,
            no_color=plain_text or None,
            color_system=None if plain_text else "auto",
            markup=False,
            highlight=False,
            emoji=False,
            soft_wrap=False,
        )
    return _consoles[stderr]


TERMINAL_ROWS = 50


def capped(rows: list[Any]) -> tuple[list[Any], int]:
    """On a terminal, long lists stop after 50 rows and say how many are left
    (piped output and --json are never cut)."""
    if console().is_terminal and len(rows) > TERMINAL_ROWS:
        return rows[:TERMINAL_ROWS], len(rows) - TERMINAL_ROWS
    return rows, 0


def left_out(count: int, hint: str) -> None:
    if count:
        emit(Text(f"... {count} more not shown: {hint}", style="dim"))


def safe(text: object, *, one_line: bool = True) -> str:
    """User text made harmless for a terminal (see `sink.clean`)."""
    return sink.clean(text, one_line=one_line)


def emit(text: Text, *, out: Console | None = None) -> None:
    """One logical line: wrapped at words on a terminal, never when piped, so a
    message stays one line for grep and scripts."""
    target = out or console()
    if target.is_terminal:
        target.print(text, overflow="fold")
    else:
        target.print(text, soft_wrap=True)


def emit_lines(lines: list[Text], *, out: Console | None = None) -> None:
    """Several logical lines in one print: each print checks the terminal and
    the environment again, which costs more than a line."""
    if lines:
        emit(Text("\n").join(lines), out=out)


# -- plain messages --------------------------------------------------------------
def error(message: str, hint: str | None = None) -> None:
    line = Text("error: ", style="bold red")
    line.append(safe(message))
    emit(line, out=console(stderr=True))
    if hint:
        emit(Text(safe(hint), style="dim"), out=console(stderr=True))


def warn(message: str) -> None:
    line = Text("warning: ", style="yellow")
    line.append(safe(message))
    emit(line, out=console(stderr=True))


_said: set[str] = set()  # the problems named in this command: each only once


def forget_said() -> None:
    """A new command: no problem named yet."""
    _said.clear()


def problems(found: Iterable[Problem]) -> None:
    """Broken files met while listing: named on stderr, the listing goes on."""
    listed = [text for text in dict.fromkeys(map(str, found)) if text not in _said]
    _said.update(listed)
    for problem in listed:
        warn(problem)
    if listed:
        console(stderr=True).print(
            Text("run `mentorlog doctor` to see every problem", style="dim")
        )


def say(*parts: str | tuple[str, str]) -> None:
    """A line of our words (str) and user text ((text, style)), made safe."""
    line = Text()
    for part in parts:
        if isinstance(part, tuple):
            line.append(safe(part[0]), style=part[1])
        else:
            line.append(part)
    emit(line)


def listing(
    views: list[Any], found: Iterable[Problem], as_json: bool, table: Any, *extra: Any
) -> None:
    """What every listing does: name the broken files on stderr, then print
    the records as JSON (their `as_json`) or as `table(views, *extra)`."""
    problems(found)
    if as_json:
        json_out([view.as_json() for view in views])
    else:
        table(views, *extra)


def plain(text: str) -> None:
    """One line for scripts: no styling, no wrapping."""
    sys.stdout.write(safe(text) + "\n")


def json_out(value: Any) -> None:
    """JSON for scripts and jq: ASCII-escaped, so it can carry no escape codes."""
    sys.stdout.write(json.dumps(value, indent=2, ensure_ascii=True) + "\n")


# -- goals ----------------------------------------------------------------------------
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
            "No active goals yet. Add one: mentorlog goals add "
            '"build a portfolio site with 3 projects within 2 months"'
            if not hidden
            else f"No active goals ({hidden} closed: mentorlog goals --all)."
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
                f"{hidden} closed goal{'s' if hidden != 1 else ''} hidden: "
                "mentorlog goals --all",
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
    progress.append(f" {done}/{len(goal.milestones)} milestones")
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
    line = Text(
        f"SMART {view.score}/5", style="bold green" if view.score == 5 else "bold"
    )
    out.print(line)
    for gap in view.gaps:
        item = Text(f"  ✗ {gap.part}: ", style="yellow")
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
    mark.append(report.portfolio.message)
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
            f"`mentorlog goals done {view.short}`."
        )


def goal_added(view: GoalView, notes: list[str]) -> None:
    say(f"Added goal {view.short}: ", (view.goal.title, "bold"))
    for note in notes:
        say(("  " + note, "dim"))
    if view.gaps:
        say(
            f"SMART {view.score}/5 — missing: {', '.join(view.missing_parts)}. "
            f"See `mentorlog goals check {view.short}`."
        )


# -- mentors ---------------------------------------------------------------------
def _mentor_kind(view: MentorView) -> Text:
    m = view.mentor
    if m.status == "ended":
        return Text("ended", style="dim")
    if m.kind == "ongoing":
        return Text("mentor")
    label = {"accepted": "flash ✓", "declined": "flash ✗", "rescheduled": "flash ↻"}
    return Text(label.get(m.answer or "", "flash: asked"), style="magenta")


def mentors_table(views: list[MentorView], hidden: int) -> None:
    out = console()
    if not views:
        message = (
            f"No active mentors ({hidden} ended: mentorlog mentors --all)."
            if hidden
            else 'No mentors yet. Add one: mentorlog mentors add "Ada Lovelace" '
            '--expertise "python, career" --cadence biweekly'
        )
        emit(Text(message))
        return
    table = Table(box=None, pad_edge=False, show_edge=False)
    table.add_column("id", style="cyan", no_wrap=True)
    table.add_column("name", ratio=1, overflow="fold")
    table.add_column("kind", no_wrap=True)
    table.add_column("expertise", ratio=1, overflow="fold")
    table.add_column("meets", no_wrap=True)
    table.add_column("agreed", no_wrap=True, justify="right")
    views, more = capped(views)
    for view in views:
        m = view.mentor
        name = Text(safe(m.name), style="bold")
        if m.org:
            name.append(f"\n{safe(m.org)}", style="dim")
        meets = Text(safe(m.effective_cadence or "—"))
        if m.effective_channel:
            meets.append(f"\n{m.effective_channel}", style="dim")
        if m.meeting_on:
            meets.append(f"\nmeet {m.meeting_on.isoformat()}", style="yellow")
        parts = 12 - len(m.agreement.open_parts())
        agreed = Text(f"{parts}/12", style="green" if parts == 12 else "")
        table.add_row(
            view.short,
            name,
            _mentor_kind(view),
            Text(safe(", ".join(m.expertise)) or "—"),
            meets,
            agreed,
        )
    out.print(table)
    left_out(more, "pipe it or use --json")
    if hidden:
        emit(Text(f"{hidden} ended hidden: mentorlog mentors --all", style="dim"))


def mentor_added(view: MentorView, notes: list[str]) -> None:
    kind = "flash contact" if view.mentor.kind == "flash" else "mentor"
    say(f"Added {kind} {view.short}: ", (view.mentor.name, "bold"))
    for note in notes:
        warn(note)
    if view.mentor.kind == "ongoing":
        say(
            "Next: agree on how you work together: "
            f"mentorlog mentors agree {view.short} --channel video --cadence biweekly "
            "--reschedule-notice 48h ..."
        )


def _facts(rows: list[tuple[str, str | None]]) -> Table:
    table = Table(box=None, show_header=False, pad_edge=False)
    table.add_column(style="dim", no_wrap=True)
    table.add_column(overflow="fold", ratio=1)
    for label, value in rows:
        if value:
            table.add_row(label, Text(safe(value)))
    return table


PROFILE_PARTS = ("channel", "cadence")


def _agreement_table(view: MentorView) -> Table:
    from mentorlog.core.mentors import PART_LABELS, PART_OPTIONS

    agreement = view.mentor.agreement
    table = Table(box=None, show_header=False, pad_edge=False)
    table.add_column(no_wrap=True)
    table.add_column(style="dim", no_wrap=True)
    table.add_column(overflow="fold", ratio=1)
    for part, label in PART_LABELS.items():
        value = getattr(agreement, part)
        if value is None or value == []:
            hint = f"open ({PART_OPTIONS[part]})"
            preferred = getattr(view.mentor, part) if part in PROFILE_PARTS else None
            if preferred:
                hint = f"open (their profile says {preferred}; {PART_OPTIONS[part]})"
            table.add_row(
                Text("·", style="yellow"), label, Text(safe(hint), style="yellow")
            )
            continue
        if isinstance(value, list):
            shown = ", ".join(value)
        elif isinstance(value, bool):
            shown = "yes" if value else "no"
        elif isinstance(value, date):
            shown = value.isoformat()
        else:
            shown = str(value)
        table.add_row(Text("✓", style="green"), label, Text(safe(shown)))
    return table


def mentor_detail(view: MentorView) -> None:
    out = console()
    m = view.mentor
    head = Text(safe(m.name), style="bold")
    head.append(f"  [{view.short} · ", style="dim")
    head.append_text(_mentor_kind(view))
    head.append("]", style="dim")
    emit(head)
    out.print(
        _facts(
            [
                ("Organisation", m.org),
                ("Expertise", ", ".join(m.expertise)),
                ("Channel", m.channel),
                ("Contact", m.contact),
                ("Cadence", m.cadence),
                ("Interests", ", ".join(m.interests)),
                ("Learning style", m.learning_style),
                ("Teaching style", m.teaching_style),
                ("Work style", m.work_style),
                ("Values", m.values),
                ("Challenges faced", m.challenges),
                ("Since", m.created.isoformat()),
                ("Ended", m.ended.isoformat() if m.ended else None),
            ]
        )
    )
    if m.ask:
        emit(Text("Flash ask", style="bold"))
        answer = m.answer or "no answer yet"
        if m.answered_on:
            answer += f" ({m.answered_on.isoformat()})"
        out.print(
            _facts(
                [
                    ("Asked", m.asked_on.isoformat() if m.asked_on else None),
                    ("Ask", m.ask),
                    ("Answer", answer),
                    ("Meeting", m.meeting_on.isoformat() if m.meeting_on else None),
                    ("Promoted", m.promoted_on.isoformat() if m.promoted_on else None),
                ]
            )
        )
    if m.kind == "ongoing":
        open_parts = len(m.agreement.open_parts())
        emit(Text(f"Agreement ({12 - open_parts}/12 agreed)", style="bold"))
        out.print(_agreement_table(view))
    notes = _notes(view.body)
    if notes:
        emit(Text("Notes", style="bold"))
        for note_line in notes:
            emit(Text(safe(note_line)))


def _notes(body: str) -> list[str]:
    """The prose of a profile without the HTML comment the template starts with."""
    text = re.sub(r"<!--.*?-->", "", body, flags=re.DOTALL)
    lines = [line.rstrip() for line in text.splitlines()]
    lines = [line for line in lines if line.strip() not in ("", "## Notes")]
    return lines


def agreement_result(result: AgreeResult) -> None:
    view = result.view
    if result.changed:
        from mentorlog.core.mentors import PART_LABELS

        changed = ", ".join(PART_LABELS[p].lower() for p in result.changed)
        say(
            f"Agreement with {view.short} ",
            (view.mentor.name, "bold"),
            f" updated: {changed}.",
        )
    else:
        say(f"Agreement with {view.short} ", (view.mentor.name, "bold"), ":")
    console().print(_agreement_table(view))
    open_parts = result.open_parts
    if open_parts:
        say(
            f"{len(open_parts)} part{'s' if len(open_parts) != 1 else ''} still open: "
            "talk them through at your next meeting."
        )
    else:
        say("Every part is agreed. Review it together now and then.")


def ask_result(result: AskResult) -> None:
    view = result.view
    say(f"Recorded the ask to {view.short} ", (view.mentor.name, "bold"), ".")
    for note in result.notes:
        warn(note)
    for hint in result.hints:
        emit(Text("hint: " + hint, style="yellow"))
    if not result.hints:
        say("A clear, short ask with one question: good.")
    say(
        f"When they reply: mentorlog mentors answer {view.short} "
        "accepted|declined|rescheduled [--on DATE]"
    )


def answer_result(view: MentorView) -> None:
    m = view.mentor
    line = Text(f"{view.short} ")
    line.append(safe(m.name), style="bold")
    line.append(f" {m.answer}")
    if m.meeting_on:
        line.append(f": meeting on {m.meeting_on.isoformat()}")
    emit(line)
    if m.answer == "accepted" and not m.meeting_on:
        say("No date yet: add it with --on when you agree on one.")
    if m.answer == "declined":
        say("Thank them for replying; a short, kind note keeps the door open.")
    if m.answer in ("accepted", "rescheduled"):
        say(
            "Prepare one question and one takeaway to ask for; respect their time. "
            f"If it goes well: mentorlog mentors promote {view.short}"
        )


def network_report(report: NetworkReport) -> None:
    out = console()
    if not report.needs:
        emit(
            Text(
                "No needs yet: give your goals an --area (e.g. career, web), or list "
                'needs in mentorlog.toml (needs = ["public speaking"]).'
            )
        )
    else:
        table = Table(box=None, pad_edge=False, show_edge=False)
        table.add_column("need", overflow="fold", ratio=1)
        table.add_column("covered by", overflow="fold", ratio=1)
        table.add_column("from", overflow="fold", ratio=1, style="dim")
        for need in report.needs:
            covered = (
                Text(safe(", ".join(v.mentor.name for v in need.mentors)))
                if need.mentors
                else Text("gap", style="bold red")
            )
            table.add_row(
                Text(safe(need.area), style="bold"),
                covered,
                Text(safe("; ".join(need.sources))),
            )
        out.print(table)
    for need in report.gaps:
        line = Text("gap: ", style="red")
        line.append(safe(need.area), style="bold")
        line.append(" — " + need.suggestion)
        emit(line)
    for view, areas in report.unused:
        line = Text(safe(view.mentor.name), style="bold")
        line.append(
            " also knows " + safe(", ".join(areas)) + ": no goal uses that yet.",
            style="dim",
        )
        emit(line)
    covered = len(report.needs) - len(report.gaps)
    emit(
        Text(
            f"{covered} of {len(report.needs)} needs covered by "
            f"{report.mentors} mentor{'s' if report.mentors != 1 else ''}."
        )
    )


def working(message: str) -> Any:
    """A spinner on stderr for what may take more than a second (on a terminal)."""
    return console(stderr=True).status(message)


# -- meetings ------------------------------------------------------------------------
def markdown_out(text: str) -> None:
    """Markdown for a file or an email: plain text, made safe, nothing styled."""
    sys.stdout.write(safe(text, one_line=False))


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
            f" on {s.date.isoformat()} ({view.short}); agenda in ",
            (view.file, ""),
            ".",
        )
    elif result.added:
        count = len(result.added)
        say(
            f"Updated the agenda: {count} new item{'s' if count != 1 else ''}; "
            f"everything you wrote is kept ({view.file})."
        )
    else:
        say(f"The agenda is up to date ({view.file}).")
    say(
        f"Send it ahead: mentorlog prep {result.mentor_short} --share  ·  "
        f"after the meeting: mentorlog recap {view.short}"
    )


def moved(result: Moved) -> None:
    move = result.move
    say(
        "Moved the meeting with ",
        (result.view.mentor_name, ""),
        f" from {move.from_date.isoformat()} to {move.to.isoformat()}.",
    )
    if move.late:
        warn(
            f"that is inside the agreed {result.notice} notice: tell "
            f"{safe(result.view.mentor_name)} now (it is in `mentorlog followups`)"
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
    if s.feedback_asked is None:
        warn(
            "no feedback area recorded: ask for feedback on one area each meeting "
            "(--feedback-asked AREA)"
        )
    if result.followups:
        emit(Text("Follow-ups", style="bold"))
        for note in result.followups:
            say("  → ", (note, ""))


def sessions_table(views: list[SessionView], hidden: int, today: date) -> None:
    if not views:
        emit(
            Text(
                "No meetings yet. Plan one: mentorlog prep MENTOR --on DATE"
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
        when = Text(s.date.isoformat())
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
            notes.append(
                f"{len(s.takeaways)} takeaway{'s' if len(s.takeaways) != 1 else ''}"
            )
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
        emit(Text(f"{hidden} older hidden: mentorlog sessions --all", style="dim"))


def session_detail(view: SessionView) -> None:
    s = view.session
    head = Text(f"{safe(view.mentor_name)} · {s.date.isoformat()}", style="bold")
    head.append(f"  [{view.short} · {s.status}]", style="dim")
    emit(head)
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
    if s.feedback_asked:
        emit(Text("Feedback asked on: " + safe(s.feedback_asked)))
    if s.appreciated is not None:
        emit(Text("Appreciation expressed: " + ("yes" if s.appreciated else "no")))
    console().print()
    agenda(view.body)


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
    emit(Text("Done one? mentorlog followups done ID", style="dim"))


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
    emit(Text(f"{count} hit{'s' if count != 1 else ''}", style="dim"))


# -- between meetings ------------------------------------------------------------------
def actions_table(
    views: list[ActionView], hidden: int, filtered: bool = False, open_count: int = 0
) -> None:
    if not views:
        if filtered:
            emit(Text(f"No action matches these filters ({open_count} open in all)."))
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
        emit(Text(f"{hidden} closed hidden: mentorlog actions --all", style="dim"))


def feedback_table(views: list[FeedbackView], total: int) -> None:
    if not views:
        if total:
            emit(Text(f"Every piece of feedback is applied ({total} in all)."))
        else:
            emit(
                Text(
                    'No feedback yet. After a meeting: mentorlog feedback add "..." '
                    "--mentor M"
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
        emit(Text('No resources yet: mentorlog resources add "TITLE" --kind book'))
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
            emit(Text('Nothing logged yet: mentorlog log add "..." --kind win'))
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


# -- checklist and status ------------------------------------------------------------
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


# -- journal ------------------------------------------------------------------------
def init_result(result: InitResult) -> None:
    if result.created:
        say("Created your journal at ", (str(result.root), "bold"))
    elif result.written:
        say(
            "Journal at ",
            (str(result.root), "bold"),
            " completed: ",
            (", ".join(result.written), ""),
        )
    else:
        say("Journal already at ", (str(result.root), "bold"), "; nothing changed.")
    for note in result.notes:
        warn(note)
    if result.created:
        say('Next: mentorlog goals add "<a SMART goal>" --by "in 3 months"')


def doctor_report(report: DoctorReport) -> None:
    _said.update(map(str, report.problems))
    for problem in report.problems:
        plain(str(problem))
    for note in report.notes:
        emit(Text("note: " + safe(note), style="dim"), out=console(stderr=True))
    summary = (
        f"{report.checked} file{'s' if report.checked != 1 else ''} checked in "
        f"{safe(report.root)}: "
    )
    if report.ok:
        emit(Text(summary + "no problems", style="green"), out=console(stderr=True))
    else:
        count = len(report.problems)
        emit(
            Text(summary + f"{count} problem{'s' if count != 1 else ''}", style="red"),
            out=console(stderr=True),
        )


# -- tour ----------------------------------------------------------------------
def tour_intro(path: str) -> None:
    say(("mentorlog tour", "bold"), " — a sample journal in ", (path, "dim"))
    say("Your own journal is not touched. Each step shows the command it runs.")


def tour_step(number: int, total: int, explanation: str, args: list[str]) -> None:
    import shlex

    out = console()
    out.print()
    emit(Text(f"[{number}/{total}] {explanation}", style="bold cyan"))
    emit(Text("$ mentorlog " + safe(shlex.join(args)), style="dim"))


def tour_end(path: str, *, kept: bool) -> None:
    out = console()
    out.print()
    if kept:
        say("The sample journal is kept at ", (path, "bold"), ".")
        say(f"Look around: mentorlog --journal {path} goals")
    else:
        say(
            "That was the tour; the sample journal is gone (`mentorlog tour --keep` "
            "keeps it)."
        )
    say('Start your own: mentorlog init --name "Your Name"')
