"""Where the journal pays you back: `checklist`, `status`, `report`, `export`."""

from __future__ import annotations

from typing import Annotated

import typer

from . import completion
from .context import journal, optional_date, today

JsonFlag = Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")]


def checklist(
    mentor: Annotated[
        str | None,
        typer.Argument(
            metavar="[MENTOR]", help="One relationship (default: all active)."
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
        render.json_out(result.as_json())
    else:
        render.checklist(result)


def status(as_json: JsonFlag = False) -> None:
    """One screen for the start of the day: meetings, overdue actions, goals,
    the checklist score and what to follow up on.

    \b
    Examples:
      mentorlog status
      mentorlog status --json | jq '.overdue_actions | length'
    """
    from mentorlog import render
    from mentorlog.core.status import status as status_use_case

    found = status_use_case(journal(), today())
    render.problems(found.problems)
    if as_json:
        render.json_out(found.as_json())
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
        str | None, typer.Option("--mentor", "-m", metavar="MENTOR", help="For whom.")
    ] = None,
    output_format: Annotated[
        str,
        typer.Option("--format", "-f", metavar="md|json", help="md (default) or json."),
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
    from mentorlog.errors import UserError

    if output_format not in ("md", "json"):
        raise UserError(f'unknown format "{output_format}"; use md or json')
    result = report_use_case(
        journal(),
        today(),
        since=optional_date(since, "--since", backward=True),
        mentor=mentor,
    )
    if output_format == "json":
        render.json_out(result.as_json())
    else:
        render.markdown_out(result.as_markdown())
    render.share_left_out(result.left_out)


def export(
    output_format: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            metavar="json|md|ics",
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
    from mentorlog.errors import UserError

    if output_format not in exporting.FORMATS:
        raise UserError(
            f'unknown format "{output_format}"; use {", ".join(exporting.FORMATS)}'
        )
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


app = typer.Typer()  # what the root lists: `COMMANDS` in mentorlog.cli
app.command("checklist")(checklist)
app.command("status")(status)
app.command("report")(report)
app.command("export")(export)
