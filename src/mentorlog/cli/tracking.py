"""Between meetings: `actions`, `feedback`, `resources` and `log`."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from mentorlog.models import LogKind, ResourceKind

from . import choices, completion
from .context import journal, no_group_options, optional_date, today
from .options import PrivateOption

JsonFlag = Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")]
MentorOption = Annotated[
    str | None,
    typer.Option(
        "--mentor",
        "-m",
        metavar="MENTOR",
        help="Their mentor.",
        autocompletion=completion.mentors,
    ),
]


def _ref(complete: Any) -> Any:
    return typer.Argument(
        metavar="ID", help="Short id or the start of the text.", autocompletion=complete
    )


ActionRef = Annotated[str, _ref(completion.actions)]
FeedbackRef = Annotated[str, _ref(completion.feedback)]
ResourceRef = Annotated[str, _ref(completion.resources)]


def _group(help_text: str) -> typer.Typer:
    return typer.Typer(
        help=help_text, invoke_without_command=True, rich_markup_mode=None
    )


actions_app = _group(
    "Action items from your meetings and your own.\n\n"
    "\b\nExamples:\n"
    '  mentorlog actions add "Email Prof. Chen" --due friday --mentor ada\n'
    "  mentorlog actions --overdue\n"
    "  mentorlog actions done k3f9"
)
feedback_app = _group(
    "Feedback you received, and the evidence that you applied it.\n\n"
    "\b\nExamples:\n"
    '  mentorlog feedback add "Slides too dense" --mentor ada --area presenting\n'
    '  mentorlog feedback applied k3f9 --how "cut to one idea per slide"'
)
resources_app = _group(
    "Learning resources: readings, courses, workshops, events.\n\n"
    "\b\nExamples:\n"
    '  mentorlog resources add "Designing Data-Intensive Applications" --kind book '
    "--from ada\n"
    '  mentorlog resources done ddia --impression "chapter 5 changed how I see caches"'
)
log_app = _group(
    "Wins, challenges and updates between meetings.\n\n"
    "\b\nExamples:\n"
    '  mentorlog log add "Merged my first PR upstream" --kind win\n'
    '  mentorlog log add "Stuck on the proof in chapter 3" --kind challenge --private'
)


# -- actions ----------------------------------------------------------------------
@actions_app.callback()
def actions_default(
    ctx: typer.Context,
    all_: Annotated[
        bool, typer.Option("--all", "-a", help="Include done and dropped.")
    ] = False,
    overdue: Annotated[
        bool, typer.Option("--overdue", help="Only overdue ones.")
    ] = False,
    mentor: MentorOption = None,
    goal: Annotated[
        str | None,
        typer.Option(
            "--goal",
            "-g",
            metavar="GOAL",
            help="Only this goal's.",
            autocompletion=completion.goals,
        ),
    ] = None,
    as_json: JsonFlag = False,
) -> None:
    """Action items (bare `actions` lists the open ones)."""
    no_group_options(
        ctx.invoked_subcommand,
        all=all_,
        overdue=overdue,
        mentor=mentor is not None,
        goal=goal is not None,
        json=as_json,
    )
    if ctx.invoked_subcommand is None:
        list_actions(all_, overdue, mentor, goal, as_json)


@actions_app.command("list")
def list_actions(
    all_: Annotated[
        bool, typer.Option("--all", "-a", help="Include done and dropped.")
    ] = False,
    overdue: Annotated[
        bool, typer.Option("--overdue", help="Only overdue ones.")
    ] = False,
    mentor: MentorOption = None,
    goal: Annotated[
        str | None,
        typer.Option(
            "--goal",
            "-g",
            metavar="GOAL",
            help="Only this goal's.",
            autocompletion=completion.goals,
        ),
    ] = None,
    as_json: JsonFlag = False,
) -> None:
    """List action items, soonest due first; overdue ones stand out.

    \b
    Examples:
      mentorlog actions list --mentor ada
      mentorlog actions list --overdue --json | jq length
    """
    from mentorlog import render
    from mentorlog.core.tracking import list_actions as list_use_case

    listing = list_use_case(
        journal(),
        today(),
        include_closed=all_,
        overdue_only=overdue,
        mentor=mentor,
        goal=goal,
    )
    render.problems(listing.problems)
    if as_json:
        render.json_out(listing.views)
    elif render.piped_rows(listing.views, "actions_table"):
        pass
    else:
        typed = [
            *(["--overdue"] if overdue else []),
            *(["--mentor", mentor] if mentor is not None else []),
            *(["--goal", goal] if goal is not None else []),
        ]
        with render.paged(len(listing.views)):
            render.actions_table(
                listing.views,
                listing.hidden,
                bool(typed),
                listing.open,
                typed,
            )


@actions_app.command("add")
def add_action(
    text: Annotated[
        str, typer.Argument(metavar="TEXT", help="What to do; may end in due:DATE.")
    ],
    due: Annotated[str | None, typer.Option("--due", "-d", metavar="DATE")] = None,
    mentor: MentorOption = None,
    goal: Annotated[
        str | None,
        typer.Option("--goal", "-g", metavar="GOAL", autocompletion=completion.goals),
    ] = None,
    private: PrivateOption = False,
) -> None:
    """Add an action item.

    \b
    Examples:
      mentorlog actions add "Draft the abstract" --due "next friday" --goal paper
      mentorlog actions add "Email the venue due:eow"
    """
    from mentorlog import render
    from mentorlog.core.tracking import add_action as add_use_case

    saved = add_use_case(
        journal(),
        text,
        today(),
        due=optional_date(due, "--due"),
        mentor=mentor,
        goal=goal,
        private=private,
    )
    due_note = f" (due {saved.record.due.isoformat()})" if saved.record.due else ""
    render.say(f"Added action {saved.short}: ", (saved.record.text, "bold"), due_note)


def _close_action(ref: str, status: str) -> None:
    from mentorlog import render
    from mentorlog.core.tracking import close_action

    view = close_action(journal(), ref, status, today())
    mark = "✓" if status == "done" else "✗"
    render.say(f"{mark} {view.short} ", (view.action.text, ""), f" — {status}")


@actions_app.command("done")
def action_done(action: ActionRef) -> None:
    """Mark an action done.

    \b
    Example:
      mentorlog actions done k3f9
    """
    _close_action(action, "done")


@actions_app.command("drop")
def action_drop(action: ActionRef) -> None:
    """Drop an action you will not do (it stays in the journal).

    \b
    Example:
      mentorlog actions drop k3f9
    """
    _close_action(action, "dropped")


# -- feedback ---------------------------------------------------------------------
@feedback_app.callback()
def feedback_default(
    ctx: typer.Context,
    pending: Annotated[
        bool, typer.Option("--pending", help="Only not yet applied.")
    ] = False,
    as_json: JsonFlag = False,
) -> None:
    """Feedback received (bare `feedback` lists it)."""
    no_group_options(ctx.invoked_subcommand, pending=pending, json=as_json)
    if ctx.invoked_subcommand is None:
        list_feedback(pending, as_json)


@feedback_app.command("list")
def list_feedback(
    pending: Annotated[
        bool, typer.Option("--pending", help="Only not yet applied.")
    ] = False,
    as_json: JsonFlag = False,
) -> None:
    """List feedback received, not yet applied first.

    \b
    Example:
      mentorlog feedback list --pending
    """
    from mentorlog import render
    from mentorlog.core.tracking import list_feedback as list_use_case

    views, problems, total = list_use_case(journal(), pending_only=pending)
    render.listing(views, problems, as_json, render.feedback_table, total)


@feedback_app.command("add")
def add_feedback(
    text: Annotated[
        str, typer.Argument(metavar="TEXT", help="The feedback, in your words.")
    ],
    mentor: MentorOption = None,
    area: Annotated[str | None, typer.Option("--area", metavar="AREA")] = None,
    private: PrivateOption = False,
) -> None:
    """Record feedback you received.

    \b
    Example:
      mentorlog feedback add "Lead with the result" --mentor ada --area writing
    """
    from mentorlog import render
    from mentorlog.core.tracking import add_feedback as add_use_case

    saved = add_use_case(
        journal(), text, today(), mentor=mentor, area=area, private=private
    )
    render.say(f"Recorded feedback {saved.short}: ", (saved.record.text, "bold"))


@feedback_app.command("applied")
def feedback_applied(
    feedback: FeedbackRef,
    how: Annotated[str, typer.Option("--how", metavar="TEXT", help="The evidence.")],
) -> None:
    """Record how you applied a piece of feedback (shown in the next agenda).

    \b
    Example:
      mentorlog feedback applied k3f9 --how "rewrote the intro: result first"
    """
    from mentorlog import render
    from mentorlog.core.tracking import apply_feedback

    view = apply_feedback(journal(), feedback, how, today())
    render.say(
        f"✓ {view.short} ",
        (view.feedback.text, ""),
        " → ",
        (view.feedback.how or "", "bold"),
    )


# -- resources --------------------------------------------------------------------
@resources_app.callback()
def resources_default(ctx: typer.Context, as_json: JsonFlag = False) -> None:
    """Learning resources (bare `resources` lists them)."""
    no_group_options(ctx.invoked_subcommand, json=as_json)
    if ctx.invoked_subcommand is None:
        list_resources(as_json)


@resources_app.command("list")
def list_resources(as_json: JsonFlag = False) -> None:
    """List learning resources, to explore first.

    \b
    Example:
      mentorlog resources list --json | jq -r '.[] | select(.done) | .title'
    """
    from mentorlog import render
    from mentorlog.core.tracking import list_resources as list_use_case

    views, problems = list_use_case(journal())
    render.listing(views, problems, as_json, render.resources_table)


@resources_app.command("add")
def add_resource(
    title: Annotated[str, typer.Argument(metavar="TITLE")],
    kind: Annotated[
        ResourceKind,
        typer.Option(
            "--kind",
            "-k",
            click_type=choices.RESOURCE_KIND,
            help="What it is.",
            autocompletion=completion.resource_kinds,
        ),
    ] = "other",
    url: Annotated[str | None, typer.Option("--url", metavar="URL")] = None,
    recommended_by: Annotated[
        str | None,
        typer.Option(
            "--from",
            metavar="MENTOR",
            help="Who recommended it.",
            autocompletion=completion.mentors,
        ),
    ] = None,
    private: PrivateOption = False,
) -> None:
    """Add a learning resource.

    \b
    Example:
      mentorlog resources add "Effective Python" --kind book --from ada
    """
    from mentorlog import render
    from mentorlog.core.tracking import add_resource as add_use_case

    saved = add_use_case(
        journal(),
        title,
        today(),
        kind=kind,
        url=url,
        recommended_by=recommended_by,
        private=private,
    )
    render.say(
        f"Added {saved.record.kind} {saved.short}: ", (saved.record.title, "bold")
    )


@resources_app.command("done")
def resource_done(
    resource: ResourceRef,
    impression: Annotated[
        str | None,
        typer.Option("--impression", metavar="TEXT", help="What you made of it."),
    ] = None,
) -> None:
    """Mark a resource explored, with what you made of it.

    \b
    Example:
      mentorlog resources done effective --impression "item 13 fixed my bug"
    """
    from mentorlog import render
    from mentorlog.core.tracking import finish_resource

    view = finish_resource(journal(), resource, impression, today())
    render.say(f"✓ {view.short} ", (view.resource.title, "bold"))
    from mentorlog.core.schedule import impression_pending
    from mentorlog.hints import Said, hint

    if impression_pending(view.resource):
        render.say(
            str(
                Said(
                    "Tell them what you made of it in about a week: it shows up in `",
                    hint("followups"),
                    "`.",
                )
            )
        )


# -- the log ----------------------------------------------------------------------
# one declaration for the bare group and `list`, which take the same filters
LogKindOption = Annotated[
    LogKind | None,
    typer.Option(
        "--kind",
        "-k",
        click_type=choices.LOG_KIND,
        autocompletion=completion.log_kinds,
    ),
]
SinceOption = Annotated[str | None, typer.Option("--since", metavar="DATE")]


@log_app.callback()
def log_default(
    ctx: typer.Context,
    kind: LogKindOption = None,
    since: SinceOption = None,
    as_json: JsonFlag = False,
) -> None:
    """Wins, challenges and updates (bare `log` lists them)."""
    no_group_options(
        ctx.invoked_subcommand,
        kind=kind is not None,
        since=since is not None,
        json=as_json,
    )
    if ctx.invoked_subcommand is None:
        list_log(kind, since, as_json)


@log_app.command("list")
def list_log(
    kind: LogKindOption = None,
    since: SinceOption = None,
    as_json: JsonFlag = False,
) -> None:
    """List log entries, newest first.

    \b
    Example:
      mentorlog log list --kind win --since "1 month ago"
    """
    from mentorlog import render
    from mentorlog.core.tracking import list_log as list_use_case

    views, problems, total = list_use_case(
        journal(), kind=kind, since=optional_date(since, "--since", backward=True)
    )
    render.listing(views, problems, as_json, render.log_table, total)


@log_app.command("add")
def add_log(
    text: Annotated[str, typer.Argument(metavar="TEXT")],
    kind: Annotated[
        LogKind,
        typer.Option(
            "--kind",
            "-k",
            click_type=choices.LOG_KIND,
            help="What it is.",
            autocompletion=completion.log_kinds,
        ),
    ],
    private: PrivateOption = False,
    mentor: MentorOption = None,
    on: Annotated[str | None, typer.Option("--on", metavar="DATE")] = None,
) -> None:
    """Log a win, a challenge, or an update you sent.

    \b
    Examples:
      mentorlog log add "Gave my first lab talk" --kind win
      mentorlog log add "Sent Ada a progress note" --kind update --mentor ada
    """
    from mentorlog import render
    from mentorlog.core.tracking import add_log as add_use_case

    saved = add_use_case(
        journal(),
        text,
        kind,
        today(),
        private=private,
        mentor=mentor,
        on=optional_date(on, "--on", backward=True),
    )
    private_note = " (private)" if saved.record.private else ""
    render.say(
        f"Logged {saved.record.kind} {saved.short}: ",
        (saved.record.text, "bold"),
        private_note,
    )


app = typer.Typer()  # what the root lists: `COMMANDS` in mentorlog.cli
app.add_typer(actions_app, name="actions")
app.add_typer(feedback_app, name="feedback")
app.add_typer(resources_app, name="resources")
app.add_typer(log_app, name="log")
