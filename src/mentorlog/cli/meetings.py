"""Meetings: `prep` before, `recap` after, `sessions` to see and move them,
`followups` for what to do next, and `search` over everything written."""

from __future__ import annotations

from typing import Annotated

import typer

from . import completion
from .context import (
    duration,
    interactive,
    journal,
    meeting_date,
    no_group_options,
    optional_date,
    show_merge_notes,
    today,
)

sessions_app = typer.Typer(
    help=(
        "Meetings, planned and held.\n\n"
        "\b\nExamples:\n"
        "  mentorlog sessions\n"
        "  mentorlog sessions move ada --to friday\n"
        "  mentorlog sessions cancel 2026-12-01"
    ),
    invoke_without_command=True,
    rich_markup_mode=None,
)
followups_app = typer.Typer(
    help=(
        "What to do now: thank-you notes, impressions and updates owed, meetings to "
        "plan, late moves to announce, reviews due.\n\n"
        "\b\nExamples:\n"
        "  mentorlog followups\n"
        "  mentorlog followups done thanks-k3f9"
    ),
    invoke_without_command=True,
    rich_markup_mode=None,
)

JsonFlag = Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")]
CountFlag = Annotated[
    bool,
    typer.Option("--count", help="Print only how many (for a shell prompt or cron)."),
]
SessionRef = Annotated[
    str,
    typer.Argument(
        metavar="SESSION",
        help="Short id, date prefix (2026-12-01), file name, or a mentor.",
        autocompletion=completion.sessions,
    ),
]
PlannedSessionRef = Annotated[
    str,
    typer.Argument(
        metavar="SESSION",
        help="Short id, date prefix (2026-12-01), file name, or a mentor.",
        autocompletion=completion.planned_sessions,  # only a plan moves or ends
    ),
]
Repeated = Annotated[list[str] | None, typer.Option(metavar="TEXT")]


def prep(
    mentor: Annotated[
        str | None,
        typer.Argument(
            metavar="[MENTOR]",
            help="Default: the next meeting's mentor.",
            autocompletion=completion.mentors,
        ),
    ] = None,
    on: Annotated[
        str | None,
        typer.Option(
            "--on", metavar="DATE", help="When you meet, and at what time if any."
        ),
    ] = None,
    length: Annotated[
        str | None,
        typer.Option(
            "--for", metavar="LENGTH", help="How long: 45m, 1h, 1h30m, 90 (minutes)."
        ),
    ] = None,
    topic: Annotated[
        list[str] | None,
        typer.Option("--topic", "-t", metavar="TEXT", help="A topic (repeatable)."),
    ] = None,
    question: Annotated[
        list[str] | None,
        typer.Option(
            "--question", "-q", metavar="TEXT", help="A question (repeatable)."
        ),
    ] = None,
    bring: Annotated[
        list[str] | None,
        typer.Option("--bring", "-b", metavar="TEXT", help="Something to bring."),
    ] = None,
    feedback: Annotated[
        str | None,
        typer.Option(
            "--ask-feedback", metavar="AREA", help="The area to ask feedback on."
        ),
    ] = None,
    edit: Annotated[
        bool, typer.Option("--edit", help="Open the agenda after.")
    ] = False,
    share: Annotated[
        bool,
        typer.Option(
            "--share", help="Print the pre-read to send ahead (no private parts)."
        ),
    ] = False,
    private: Annotated[
        bool | None,
        typer.Option(
            "--private/--no-private",
            help="The meeting is private: no pre-read, not in a report.",
        ),
    ] = None,
) -> None:
    """Build or update the agenda of your next meeting, and print it.

    The agenda comes from the journal (open actions, last takeaways, feedback to
    apply, goals coming due, wins and challenges, resources) through the
    template in templates/agenda.md. Running it again adds what is new and never
    loses a line you wrote.

    \b
    Examples:
      mentorlog prep ada --on "next tuesday" --question "How did you pick a lab?"
      mentorlog prep ada --on "fri 15:00" --for 45m
      mentorlog prep --topic "conference talk" --bring "draft slides"
      mentorlog prep ada --share > pre-read.md
    """
    from mentorlog import render
    from mentorlog.core.agenda import PrepRequest, pre_read
    from mentorlog.core.agenda import prep as prep_use_case

    when = meeting_date(on, "--on")
    request = PrepRequest(
        mentor=mentor,
        on=when.day if when else None,
        at=when.time if when else None,
        minutes=duration(length, "--for"),
        topics=topic or [],
        questions=question or [],
        bring=bring or [],
        feedback_area=feedback,
        private=private,
    )
    result = prep_use_case(journal(), request, today())
    if share:
        text, left_out = pre_read(journal(), result.view)
        render.markdown_out(text)
        render.share_left_out(left_out)
        return
    render.prep_result(result)
    if edit:
        from .journal_commands import edit_in_editor

        edit_in_editor(result.view.session.id, "session")


def recap(
    ref: Annotated[
        str | None,
        typer.Argument(
            metavar="[MENTOR|SESSION]",
            help="Default: the meeting just held.",
            autocompletion=completion.mentors_or_sessions,
        ),
    ] = None,
    takeaway: Annotated[
        list[str] | None,
        typer.Option("--takeaway", "-t", metavar="TEXT", help="What you took away."),
    ] = None,
    action: Annotated[
        list[str] | None,
        typer.Option(
            "--action", "-a", metavar="TEXT", help="A new action; may end in due:DATE."
        ),
    ] = None,
    due: Annotated[
        str | None,
        typer.Option("--due", metavar="DATE", help="Due date for the actions given."),
    ] = None,
    goal: Annotated[
        str | None,
        typer.Option(
            "--goal",
            metavar="GOAL",
            help="Goal the actions serve.",
            autocompletion=completion.goals,
        ),
    ] = None,
    feedback: Annotated[
        list[str] | None,
        typer.Option("--feedback", "-f", metavar="TEXT", help="Feedback you received."),
    ] = None,
    feedback_asked: Annotated[
        str | None,
        typer.Option(
            "--feedback-asked", metavar="AREA", help="The area you asked about."
        ),
    ] = None,
    appreciated: Annotated[
        bool | None,
        typer.Option(
            "--appreciated/--not-appreciated",
            help="Whether you thanked them at the end of the meeting.",
        ),
    ] = None,
    done: Annotated[
        list[str] | None,
        typer.Option(
            "--done",
            metavar="ACTION",
            help="A carried-in action now done.",
            autocompletion=completion.actions,
        ),
    ] = None,
    dropped: Annotated[
        list[str] | None,
        typer.Option(
            "--dropped",
            metavar="ACTION",
            help="A carried-in action dropped.",
            autocompletion=completion.actions,
        ),
    ] = None,
    answered: Annotated[
        list[str] | None,
        typer.Option(
            "--answered",
            metavar="QUESTION",
            help="An agenda question answered: its text, start or number.",
        ),
    ] = None,
    edit: Annotated[bool, typer.Option("--edit", help="Open the notes after.")] = False,
) -> None:
    """Record the meeting held: takeaways, actions, feedback, and what became of the
    actions carried in. On a terminal with no options, it asks step by step.

    \b
    Examples:
      mentorlog recap ada --takeaway "Apply to 3 labs, not 10" \\
          --action "Email Prof. Chen due:friday" --feedback "Slides too dense" \\
          --feedback-asked "presentation" --appreciated --done k3f9 --answered 1
      mentorlog recap          # guided, on a terminal
    """
    from mentorlog import render
    from mentorlog.core.recap import RecapInput, find_target, record_recap

    given = RecapInput(
        takeaways=takeaway or [],
        actions=action or [],
        due=optional_date(due, "--due"),
        goal=goal,
        feedback=feedback or [],
        feedback_asked=feedback_asked,
        appreciated=appreciated,
        done=done or [],
        dropped=dropped or [],
        answered=answered or [],
    )
    found = journal()
    if given.empty:
        from .guided import RECAP_OPTIONS, guided_recap, no_terminal

        if not interactive():
            no_terminal("recap", RECAP_OPTIONS + " (or run it on a terminal)")
        target = find_target(found, ref, today())
        given = guided_recap(found, target, given, today())
        ref = target.session.id if target.stored is not None else ref
        from .guided import record_or_keep

        result = record_or_keep(found, target, given, today())
    else:
        result = record_recap(found, ref, given, today())
    render.recap_result(result)
    if edit:
        from .journal_commands import edit_in_editor

        edit_in_editor(result.view.session.id, "session")


@sessions_app.callback()
def sessions_default(
    ctx: typer.Context,
    all_: Annotated[
        bool, typer.Option("--all", "-a", help="Every session ever.")
    ] = False,
    mentor: Annotated[
        str | None,
        typer.Option(
            "--mentor",
            "-m",
            metavar="MENTOR",
            help="Only these.",
            autocompletion=completion.mentors,
        ),
    ] = None,
    as_json: JsonFlag = False,
) -> None:
    """Meetings, planned and held (bare `sessions` lists them)."""
    no_group_options(
        ctx.invoked_subcommand, all=all_, mentor=mentor is not None, json=as_json
    )
    if ctx.invoked_subcommand is None:
        list_sessions(all_, mentor, as_json)


@sessions_app.command("list")
def list_sessions(
    all_: Annotated[
        bool, typer.Option("--all", "-a", help="Every session ever.")
    ] = False,
    mentor: Annotated[
        str | None,
        typer.Option(
            "--mentor",
            "-m",
            metavar="MENTOR",
            help="Only these.",
            autocompletion=completion.mentors,
        ),
    ] = None,
    as_json: JsonFlag = False,
) -> None:
    """List planned meetings and those of the last 30 days.

    \b
    Examples:
      mentorlog sessions list --all
      mentorlog sessions list --mentor ada --json | jq -r '.[].date'
    """
    from mentorlog import render
    from mentorlog.core.sessions import list_sessions as list_use_case

    listing = list_use_case(journal(), today(), include_all=all_, mentor=mentor)
    render.listing(
        listing.views,
        listing.problems,
        as_json,
        render.sessions_table,
        listing.hidden,
        today(),
        ("--mentor", mentor) if mentor is not None else (),
    )


@sessions_app.command("show")
def show_session(session: SessionRef, as_json: JsonFlag = False) -> None:
    """Show one meeting: its agenda and notes, moves, and once held what came
    out of it: takeaways, new actions, feedback, and the actions carried in.

    \b
    Example:
      mentorlog sessions show 2026-12-01
    """
    from mentorlog import render
    from mentorlog.core.sessions import show_session as show_use_case

    shown = show_use_case(journal(), session)
    view = shown.view
    if as_json:
        from mentorlog.tojson import to_json

        render.json_out({**to_json(view), "body": view.body, "outcome": shown.outcome})
    else:
        render.session_detail(view, shown.outcome)
        show_merge_notes(view.file, view.session)


@sessions_app.command("cancel")
def cancel_session(
    session: PlannedSessionRef,
    reason: Annotated[
        str | None,
        typer.Option("--reason", metavar="TEXT", help="Why it is cancelled."),
    ] = None,
) -> None:
    """Cancel a planned meeting (the record stays); its topics, questions and
    things to bring carry to the next agenda with that mentor.

    \b
    Example:
      mentorlog sessions cancel 2026-12-01 --reason "Ada is travelling"
    """
    from mentorlog import render
    from mentorlog.core.sessions import cancel_session as cancel_use_case

    view = cancel_use_case(journal(), session, today(), reason)
    render.say(
        "Cancelled the meeting with ",
        (view.mentor_name, ""),
        f" on {view.session.date.isoformat()}. Let them know.",
    )


@sessions_app.command("move")
def move_session(
    session: PlannedSessionRef,
    to: Annotated[
        str,
        typer.Option(
            "--to", metavar="DATE", help="The new date, and time of day if any."
        ),
    ],
) -> None:
    """Move a planned meeting; a move inside the agreed notice is flagged.

    \b
    Example:
      mentorlog sessions move 2026-12-01 --to "next friday"
      mentorlog sessions move 2026-12-01 --to "mon 10:30"
    """
    from mentorlog import render
    from mentorlog.core.sessions import move_session as move_use_case
    from mentorlog.errors import UserError

    when = meeting_date(to, "--to")
    if when is None:
        raise UserError("--to is required")
    render.moved(move_use_case(journal(), session, when.day, today(), when.time))


@followups_app.callback()
def followups_default(
    ctx: typer.Context, as_json: JsonFlag = False, count: CountFlag = False
) -> None:
    """What to do now (bare `followups` lists them)."""
    no_group_options(ctx.invoked_subcommand, json=as_json, count=count)
    if ctx.invoked_subcommand is None:
        list_followups(as_json, count)


@followups_app.command("list")
def list_followups(as_json: JsonFlag = False, count: CountFlag = False) -> None:
    """List what to do now, oldest first, each with to whom and through which channel.

    \b
    Examples:
      mentorlog followups list --json | jq -r '.[].text'
      mentorlog followups --count
    """
    from mentorlog import render
    from mentorlog.core.followups import followups

    if count and as_json:
        from mentorlog.errors import UsageError

        raise UsageError("--count and --json do not go together; pick one")
    found = followups(journal(), today())
    if count:
        render.problems(found.problems)
        render.plain(str(len(found.items)))
        return
    render.listing(
        found.items, found.problems, as_json, render.followups_table, today()
    )


@followups_app.command("done")
def followup_done(
    followup: Annotated[
        str,
        typer.Argument(
            metavar="ID",
            help="As listed: thanks-k3f9.",
            autocompletion=completion.followup_ids,
        ),
    ],
) -> None:
    """Mark a follow-up done (the thank-you sent, the impression shared, ...).

    \b
    Example:
      mentorlog followups done thanks-k3f9
    """
    from mentorlog import render
    from mentorlog.core.followups import complete

    item = complete(journal(), followup, today())
    render.say("✓ ", (item.text, ""))


def search(
    text: Annotated[
        str, typer.Argument(metavar="TEXT", help="Words to find (any case).")
    ],
    mentor: Annotated[
        str | None,
        typer.Option(
            "--mentor",
            "-m",
            metavar="MENTOR",
            help="Only theirs.",
            autocompletion=completion.mentors,
        ),
    ] = None,
    since: Annotated[
        str | None, typer.Option("--since", metavar="DATE", help="Only from this date.")
    ] = None,
    as_json: JsonFlag = False,
) -> None:
    """Search everything you wrote: agendas, notes, takeaways, actions, feedback,
    goals, resources, the log.

    \b
    Examples:
      mentorlog search "grad school"
      mentorlog search slides --mentor ada --since "2 weeks ago" --json
    """
    from mentorlog import render
    from mentorlog.core.search import search as search_use_case

    result = search_use_case(
        journal(),
        text,
        mentor=mentor,
        since=optional_date(since, "--since", backward=True),
    )
    render.problems(result.problems)
    if as_json:
        render.json_out(result.hits)
    else:
        render.search_hits(result)


def import_calendar(
    file: Annotated[str, typer.Argument(metavar="FILE.ics", help="An iCalendar file.")],
    dry_run: Annotated[
        bool,
        typer.Option("--dry-run", help="Show what it would do; write nothing."),
    ] = False,
    as_json: JsonFlag = False,
) -> None:
    """Plan meetings from calendar events that name a mentor.

    An event names a mentor by an attendee or its organizer (email, or whole
    words of the name), else by its title: the mentor's full name, or one
    word of it written with a capital ("1:1 with Ada") unless that word is
    also a month, weekday or everyday word ("May", "Will"). Its date and
    time of day (in the journal's time zone) become the meeting's; an all-day
    event plans the day only. Importing again
    changes nothing, and an event moved in the calendar moves its meeting
    (events are known by their UID). A recurring event plans its next
    occurrence. Every other event is skipped, and one line on stderr says how
    many and why (--json: in the JSON).

    \b
    Examples:
      mentorlog import ~/Downloads/calendar.ics --dry-run
      mentorlog import ~/Downloads/calendar.ics
      mentorlog import calendar.ics --dry-run --json | jq '.planned[].date'
    """
    from mentorlog import render
    from mentorlog.core.calendar_import import import_calendar as use_case
    from mentorlog.store.paths import expand

    result = use_case(journal(), expand(file), today(), dry_run=dry_run)
    if as_json:
        render.json_out(result)
    else:
        render.imported(result)


app = typer.Typer()  # what the root lists: `COMMANDS` in mentorlog.cli
app.command("prep")(prep)
app.command("recap")(recap)
app.add_typer(sessions_app, name="sessions")
app.add_typer(followups_app, name="followups")
app.command("search")(search)
app.command("import")(import_calendar)
