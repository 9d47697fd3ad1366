"""The journal itself: init, doctor and the tour."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text

from mentorlog.hints import Slot
from mentorlog.render.hints import command
from mentorlog.render.output import (
    _said,
    console,
    emit,
    plain,
    safe,
    say,
    warn,
)
from mentorlog.words import plural

if TYPE_CHECKING:
    from mentorlog.core.doctor import DoctorReport
    from mentorlog.core.setup import InitResult


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
        say(
            "Next: "
            + command(
                "goals", "add", Slot('"<a SMART goal>"'), "--by", Slot('"in 3 months"')
            )
        )


def doctor_report(report: DoctorReport) -> None:
    _said.update(map(str, report.problems))
    for problem in report.problems:
        plain(str(problem))
    for note in report.notes:
        emit(Text("note: " + safe(note), style="dim"), out=console(stderr=True))
    summary = f"{plural(report.checked, 'file')} checked in {safe(report.root)}: "
    if report.ok:
        emit(Text(summary + "no problems", style="green"))  # the answer: stdout
    else:
        count = len(report.problems)
        emit(
            Text(summary + plural(count, "problem"), style="red"),
            out=console(stderr=True),
        )


def tour_intro(path: str) -> None:
    say((command("tour"), "bold"), " — a sample journal in ", (path, "dim"))
    say("Your own journal is not touched. Each step shows the command it runs.")


def tour_step(number: int, total: int, explanation: str, args: list[str]) -> None:
    out = console()
    out.print()
    emit(Text(f"[{number}/{total}] {explanation}", style="bold cyan"))
    emit(Text("$ " + safe(command(*args)), style="dim"))


def tour_end(path: str, *, kept: bool, script: str | None = None) -> None:
    """The tour's last words; `script` is where mentorlog is when typing
    `mentorlog` does not find it (None: it is on the PATH)."""
    out = console()
    out.print()
    if kept:
        say("The sample journal is kept at ", (path, "bold"), ".")
        say("Look around: " + command("--journal", path, "goals"))
    else:
        say(
            "That was the tour; the sample journal is gone "
            f"(`{command('tour', '--keep')}` keeps it)."
        )
    say("Start your own: " + command("init", "--name", Slot('"Your Name"')))
    if script is not None:
        where: list[str | tuple[str, str]] = (
            [" (or run ", (script, "bold"), ")"] if script != "mentorlog" else []
        )
        say(
            "mentorlog is not on your PATH: `pipx install mentorlog` puts it there",
            *where,
        )
