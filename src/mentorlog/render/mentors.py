"""Mentors: the table, a profile, the agreement, flash asks, the network."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
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
    warn,
)
from mentorlog.words import plural

if TYPE_CHECKING:
    from mentorlog.core.mentor_changes import Removed
    from mentorlog.core.mentors import AgreeResult, AskResult, MentorView
    from mentorlog.core.network import NetworkReport
    from mentorlog.messages import MentorMessage


# the mentor a first `mentors add` could add, as typed
FIRST_MENTOR = (
    "mentors",
    "add",
    Slot('"Ada Lovelace"'),
    "--expertise",
    Slot('"python, career"'),
    "--cadence",
    "biweekly",
)


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
            f"No active mentors ({hidden} ended: {command('mentors', '--all')})."
            if hidden
            else "No mentors yet. Add one: " + command(*FIRST_MENTOR)
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
        emit(Text(f"{hidden} ended hidden: {command('mentors', '--all')}", style="dim"))


def mentor_added(view: MentorView, notes: Sequence[MentorMessage]) -> None:
    kind = "flash contact" if view.mentor.kind == "flash" else "mentor"
    say(f"Added {kind} {view.short}: ", (view.mentor.name, "bold"))
    for note in notes:
        warn(note)
    if view.mentor.kind == "ongoing":
        # the values typed to `mentors add`, never fixed ones the user would
        # copy into an agreement they did not make
        agree = command(
            "mentors",
            "agree",
            view.short,
            "--channel",
            view.mentor.channel or Slot("CHANNEL"),
            "--cadence",
            view.mentor.cadence or Slot("CADENCE"),
            "--reschedule-notice",
            Slot("NOTICE"),
            Slot("..."),
        )
        say("Next: agree on how you work together: " + agree)


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
    from mentorlog.core.mentors import PART_OPTIONS
    from mentorlog.render.words import PART_LABELS

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
        answer: str = m.answer or "no answer yet"
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
        from mentorlog.render.words import PART_LABELS

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
            f"{plural(len(open_parts), 'part')} still open: "
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
        emit(Text("hint: " + str(hint), style="yellow"))
    if not result.hints:
        say("A clear, short ask with one question: good.")
    answer = command(
        "mentors",
        "answer",
        view.short,
        Slot("accepted|declined|rescheduled"),
        Slot("[--on DATE]"),
    )
    say("When they reply: " + answer)


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
            "If it goes well: " + command("mentors", "promote", view.short)
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
            who = (
                Text(safe(", ".join(v.mentor.name for v in need.mentors)))
                if need.mentors
                else Text("gap", style="bold red")
            )
            table.add_row(
                Text(safe(need.area), style="bold"),
                who,
                Text(safe("; ".join(need.sources))),
            )
        out.print(table)
    for need in report.gaps:
        line = Text("gap: ", style="red")
        line.append(safe(need.area), style="bold")
        line.append(safe(" — " + str(need.suggestion)))
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
            f"{covered} of {plural(len(report.needs), 'need')} covered by "
            f"{plural(report.mentors, 'mentor')}."
        )
    )


def mentor_removed(removed: Removed) -> None:
    if removed.into is None:
        say("Removed ", (removed.mentor.name, "bold"))
        return
    from mentorlog.core.mentor_changes import counted

    moved = counted(removed.moved)
    say(
        "Merged ",
        (removed.mentor.name, "bold"),
        f" into {removed.into.short} ",
        (removed.into.mentor.name, "bold"),
        f" ({moved or 'nothing'} moved) and removed it",
    )
