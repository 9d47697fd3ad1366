"""Where the journal pays you back: `checklist`, `status`, `report`, `export`."""

from __future__ import annotations

from typing import Annotated

import typer

from mentorlog.models import ExportFormat, ReportFormat

from . import choices, completion
from .context import journal, optional_date, today

JsonFlag = Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")]


def checklist(
    mentor: Annotated[
        str | None,
        typer.Argument(
            metavar="[MENTOR]",
            help="One relationship (default: all active).",
            autocompletion=completion.mentors,
        ),
    ] = None,
    as_json: JsonFlag = False,
) -> None:
    """The mentorship checklist: each habit ✓ / ✗ / – with its evidence.

    \b
    Examples:
      mentorlog checklist
      mentorlog checklist ada --json | jq '.items[] | select(.status == "fail")'
    """
    from mentorlog import render
    from mentorlog.core.checklist import checklist as checklist_use_case

    result = checklist_use_case(journal(), today(), mentor)
    render.problems(result.problems)
    if as_json:
        render.json_out(result)
    else:
        render.checklist(result)


def status(
    as_json: JsonFlag = False,
    short: Annotated[
        bool,
        typer.Option(
            "--short",
            help="One line for a shell prompt or cron: follow-ups, overdue "
            "actions, meetings to recap, the next meeting.",
        ),
    ] = False,
) -> None:
    """One screen for the start of the day: meetings, overdue actions, goals,
    the checklist score and what to follow up on.

    \b
    Examples:
      mentorlog status
      mentorlog status --short
      mentorlog status --json | jq '.overdue_actions | length'
    """
    from mentorlog import render
    from mentorlog.core.status import status as status_use_case

    if short and as_json:
        from mentorlog.errors import UsageError

        raise UsageError("--short and --json do not go together; pick one")
    found = status_use_case(journal(), today())
    render.problems(found.problems)
    if as_json:
        render.json_out(found)
    elif short:
        render.status_line(found)
    else:
        render.status(found)


def report(
    since: Annotated[
        str | None,
        typer.Option(
            "--since", metavar="DATE", help="Start of the period (default: 30 days)."
        ),
    ] = None,
    mentor: Annotated[
        str | None,
        typer.Option(
            "--mentor",
            "-m",
            metavar="MENTOR",
            help="For whom.",
            autocompletion=completion.mentors,
        ),
    ] = None,
    output_format: Annotated[
        ReportFormat,
        typer.Option(
            "--format",
            "-f",
            click_type=choices.REPORT_FORMAT,
            help="Markdown (the default) or JSON.",
            autocompletion=completion.report_formats,
        ),
    ] = "md",
) -> None:
    """A progress summary to share with a mentor; nothing private is in it.

    The meetings held, goals, milestones, actions done, feedback applied, wins
    and resources. For --mentor M: what is general and M's own material,
    nothing of another mentor's. Without --mentor: no mentor's takeaways or
    feedback. One line on stderr counts what was left out, never its text.

    \b
    Examples:
      mentorlog report --since "last friday" --mentor ada > report.md
      mentorlog report --format json | jq '.feedback_applied'
    """
    from mentorlog import render
    from mentorlog.core.report import report as report_use_case

    result = report_use_case(
        journal(),
        today(),
        since=optional_date(since, "--since", backward=True),
        mentor=mentor,
    )
    if output_format == "json":
        render.json_out(result)
    else:
        render.markdown_out(result.as_markdown())
    render.share_left_out(result.left_out)


def export(
    output_format: Annotated[
        ExportFormat,
        typer.Option(
            "--format",
            "-f",
            click_type=choices.EXPORT_FORMAT,
            help="What to export.",
            autocompletion=completion.formats,
        ),
    ],
    output: Annotated[
        str | None,
        typer.Option(
            "--output",
            "-o",
            metavar="PATH",
            help="A file outside the journal (default: stdout).",
        ),
    ] = None,
    force: Annotated[
        bool,
        typer.Option("--force", help="Replace the --output file if it exists."),
    ] = False,
) -> None:
    """Everything as one JSON document or Markdown; or an iCalendar file of planned
    meetings (events) and dated actions and milestones (to-dos).

    A full backup for you, private records and every mentor's material
    included: not a share. To send something, use `report` or `prep --share`.

    \b
    Examples:
      mentorlog export --format json --output backup.json
      mentorlog export --format ics --output ~/mentoring.ics
      mentorlog export --format md | less
    """

    from mentorlog import render
    from mentorlog.core import export as exporting

    found = journal()
    if output_format == "json":
        data = exporting.export_json(found, today())
        content = (exporting.json_text(data) + "\n").encode()
    elif output_format == "md":
        content = render.safe(
            exporting.export_markdown(found, today()), one_line=False
        ).encode()
    else:
        content = exporting.export_ics(found, today())
    if output is None:
        from mentorlog import sink

        sink.write_document(content)
    else:
        path = exporting.write_export(output, content, found.root, force=force)
        render.say("Exported to ", (path, "bold"))


def calendar(
    month: Annotated[
        str | None,
        typer.Option("--month", metavar="YYYY-MM", help="Which month (default: this)."),
    ] = None,
    as_json: JsonFlag = False,
) -> None:
    """The month as a grid: meetings, action due dates and milestone dates.

    Each day shows M for a meeting, A for an open action due, G for a goal's
    milestone due; the days are then listed, meetings with their time.

    \b
    Examples:
      mentorlog calendar
      mentorlog calendar --month 2026-12 --json | jq -r '.items[].text'
    """
    from mentorlog import render
    from mentorlog.core.month import month_view, parse_month

    now = today()
    year, number = parse_month(month, now)
    found = month_view(journal(), year, number, now)
    render.problems(found.problems)
    if as_json:
        render.json_out(found)
    else:
        render.month_grid(found)


app = typer.Typer()  # what the root lists: `COMMANDS` in mentorlog.cli
app.command("checklist")(checklist)
app.command("status")(status)
app.command("report")(report)
app.command("export")(export)
app.command("calendar")(calendar)
