"""`mentorlog goals`: SMART goals and their milestones."""

from __future__ import annotations

import shlex
from datetime import date
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

if TYPE_CHECKING:
    from mentorlog.store.journal import Journal

from . import completion
from .context import (
    interactive,
    journal,
    no_group_options,
    optional_date,
    show_merge_notes,
    today,
)
from .options import PrivateOption

goals_app = typer.Typer(
    help=(
        "SMART goals with milestones and progress.\n\n"
        "\b\nExamples:\n"
        "  mentorlog goals\n"
        '  mentorlog goals add "build a React app with login within 3 months"\n'
        '  mentorlog goals milestone build "finish the tutorial" --due "in 2 weeks"\n'
        "  mentorlog goals tick build 1\n"
        "  mentorlog goals check"
    ),
    invoke_without_command=True,
    rich_markup_mode=None,
)

GoalRef = Annotated[
    str,
    typer.Argument(
        metavar="GOAL",
        help="Short id, id or slug prefix, or title.",
        autocompletion=completion.goals,
    ),
]
AllFlag = Annotated[
    bool, typer.Option("--all", "-a", help="Include done and dropped goals.")
]
JsonFlag = Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")]
# The SMART parts and the other fields of a goal: one declaration each, for
# `goals add` and `goals edit`.
SpecificOption = Annotated[
    str | None,
    typer.Option(
        "--specific", "-s", metavar="TEXT", help="What exactly you will have done."
    ),
]
MeasureOption = Annotated[
    str | None,
    typer.Option(
        "--measure", "-m", metavar="TEXT", help="How you will know it is done."
    ),
]
AchievableOption = Annotated[
    str | None,
    typer.Option("--achievable", metavar="TEXT", help="Why it is within reach."),
]
RelevantOption = Annotated[
    str | None,
    typer.Option("--relevant", "-r", metavar="TEXT", help="Why it matters to you now."),
]
ByOption = Annotated[
    str | None,
    typer.Option(
        "--by", "-b", metavar="DATE", help="Target date: 2027-03-01, 'in 3 months'."
    ),
]
AreaOption = Annotated[
    str | None,
    typer.Option(
        "--area", metavar="TEXT", help="The area it belongs to (e.g. career, web)."
    ),
]
GoalMentorOption = Annotated[
    str | None,
    typer.Option(
        "--mentor",
        metavar="TEXT",
        help="The mentor who helps with it.",
        autocompletion=completion.mentors,
    ),
]


@goals_app.callback()
def goals_default(
    ctx: typer.Context, all_: AllFlag = False, as_json: JsonFlag = False
) -> None:
    """SMART goals with milestones and progress (bare `goals` lists them)."""
    no_group_options(ctx.invoked_subcommand, all=all_, json=as_json)
    if ctx.invoked_subcommand is None:
        list_goals(all_, as_json)


@goals_app.command("list")
def list_goals(all_: AllFlag = False, as_json: JsonFlag = False) -> None:
    """List goals with progress, target date, days left, next milestone, SMART gaps.

    \b
    Examples:
      mentorlog goals list
      mentorlog goals list --all --json | jq -r '.[] | "\\(.progress) \\(.title)"'
    """
    from mentorlog import render
    from mentorlog.core.goals import list_goals as list_use_case

    listing = list_use_case(journal(), today(), include_closed=all_)
    render.listing(
        listing.views, listing.problems, as_json, render.goals_table, listing.hidden
    )


PROMPTS = (
    ("specific", "Specific — what exactly will you have done?"),
    ("measurable", "Measurable — how will you know it is done?"),
    ("achievable", "Achievable — why is it within reach (time, skills, help)?"),
    ("relevant", "Relevant — why does it matter to you now?"),
)


@goals_app.command("add")
def add_goal(
    title: Annotated[
        str,
        typer.Argument(metavar="TITLE", help="The goal, ideally SMART in one line."),
    ],
    specific: SpecificOption = None,
    measure: MeasureOption = None,
    achievable: AchievableOption = None,
    relevant: RelevantOption = None,
    by: ByOption = None,
    area: AreaOption = None,
    mentor: GoalMentorOption = None,
    private: PrivateOption = False,
) -> None:
    """Add a goal. On a terminal, asks for the SMART parts you did not give.

    \b
    Examples:
      mentorlog goals add "build a working web app using React within 3 months"
      mentorlog goals add "interview 5 alumni about data jobs" --by eom \\
          --relevant "choose my specialisation" --area career
    """
    from mentorlog import render
    from mentorlog.core.goals import GoalDraft, mentor_name_of
    from mentorlog.core.goals import add_goal as add_use_case

    parts: dict[str, str | None] = {
        "specific": specific,
        "measurable": measure,
        "achievable": achievable,
        "relevant": relevant,
    }
    target = optional_date(by, "--by")
    found = journal()
    # a mentor nobody has is refused before any question is asked
    mentor = mentor_name_of(found, mentor)
    if interactive():
        try:
            for key, question in PROMPTS:
                if parts[key] is None:
                    parts[key] = _prompt_text(question, key)
            if by is None:
                target = _prompt_date()
        except typer.Abort:
            _keep_goal_answers(found, title, parts, target, area, mentor)
    draft = GoalDraft(
        title=title,
        target=target,
        area=area,
        mentor=mentor,
        specific=parts["specific"],
        measurable=parts["measurable"],
        achievable=parts["achievable"],
        relevant=parts["relevant"],
        private=private,
    )
    added = add_use_case(found, draft, today())
    render.goal_added(added.view, added.notes)


def _prompt_text(question: str, what: str) -> str | None:
    """One SMART part, checked here and asked again if it cannot be kept."""
    from mentorlog import render
    from mentorlog.core.common import text_of
    from mentorlog.errors import UserError

    while True:
        answer = typer.prompt(question, default="", show_default=False).strip()
        if not answer:
            return None
        try:
            return text_of(answer, what)
        except UserError as error:
            render.warn(error.message)


def _keep_goal_answers(
    found: Journal,
    title: str,
    parts: dict[str, str | None],
    target: date | None,
    area: str | None,
    mentor: str | None,
) -> NoReturn:
    """Stopped midway (Ctrl-C, end of input): keep what was typed as a draft."""
    from mentorlog.core.common import keep_draft
    from mentorlog.errors import UserError

    argv = ["goals", "add", title]
    for key, value in parts.items():
        if value is not None:
            argv += [f"--{'measure' if key == 'measurable' else key}", value]
    if target is not None:
        argv += ["--by", target.isoformat()]
    if area:
        argv += ["--area", area]
    if mentor:
        argv += ["--mentor", mentor]
    path = keep_draft(found, f"goal-{title}", argv)
    raise UserError(
        f"stopped: nothing recorded; your answers are kept in {path} "
        f"(run `sh {shlex.quote(path)}` to add the goal)"
    )


def _prompt_date() -> date | None:
    from mentorlog import render
    from mentorlog.errors import DateError

    while True:
        answer = typer.prompt(
            "Time-bound — target date (e.g. 'in 3 months', 2027-03-01)",
            default="",
            show_default=False,
        )
        if not answer.strip():
            return None
        try:
            return optional_date(answer, "target date")
        except DateError as error:
            render.warn(error.message)


@goals_app.command("show")
def show_goal(goal: GoalRef, as_json: JsonFlag = False) -> None:
    """Show one goal: its SMART parts, milestones and what the coach says.

    \b
    Example:
      mentorlog goals show build
    """
    from mentorlog import render
    from mentorlog.core.goals import get_goal

    view = get_goal(journal(), goal, today())
    if as_json:
        render.json_out(view)
    else:
        render.goal_detail(view)
        show_merge_notes(view.file, view.goal)


@goals_app.command("edit")
def edit_goal(
    goal: GoalRef,
    title: Annotated[
        str | None, typer.Option("--title", metavar="TEXT", help="A new title.")
    ] = None,
    specific: SpecificOption = None,
    measure: MeasureOption = None,
    achievable: AchievableOption = None,
    relevant: RelevantOption = None,
    by: ByOption = None,
    area: AreaOption = None,
    mentor: GoalMentorOption = None,
    private: Annotated[
        bool | None,
        typer.Option("--private/--no-private", help="Keep it out of every share."),
    ] = None,
) -> None:
    """Change a goal: the options given set those fields (the file keeps its
    name and what you wrote in it by hand). With no option, open its file in
    $VISUAL / $EDITOR; it is checked before it is saved.

    \b
    Examples:
      mentorlog goals edit build --achievable "2 evenings a week" --by "in 3 months"
      mentorlog goals edit build --title "ship a React app with login"
      EDITOR=nano mentorlog goals edit build
    """
    from mentorlog import render
    from mentorlog.core.goals import GoalChanges
    from mentorlog.core.goals import edit_goal as edit_use_case

    given = (title, specific, measure, achievable, relevant, by, area, mentor, private)
    if all(value is None for value in given):
        from .journal_commands import edit_in_editor

        edit_in_editor(goal, "goal")
        return
    changes = GoalChanges(
        title=title,
        specific=specific,
        measurable=measure,
        achievable=achievable,
        relevant=relevant,
        target=optional_date(by, "--by"),
        area=area,
        mentor=mentor,
        private=private,
    )
    edited = edit_use_case(journal(), goal, changes, today())
    render.goal_edited(edited.view, edited.notes)


@goals_app.command("done")
def done_goal(goal: GoalRef) -> None:
    """Mark a goal achieved.

    \b
    Example:
      mentorlog goals done build
    """
    _close(goal, "done")


@goals_app.command("drop")
def drop_goal(goal: GoalRef) -> None:
    """Drop a goal you will not pursue (it stays in the journal).

    \b
    Example:
      mentorlog goals drop improve
    """
    _close(goal, "dropped")


def _close(ref: str, status: str) -> None:
    from mentorlog import render
    from mentorlog.core.goals import close_goal

    view = close_goal(
        journal(), ref, "done" if status == "done" else "dropped", today()
    )
    word = "Achieved" if status == "done" else "Dropped"
    render.say(f"{word}: {view.short} ", (view.goal.title, "bold"))


@goals_app.command("milestone")
def milestone(
    goal: GoalRef,
    which: Annotated[
        str,
        typer.Argument(
            metavar="TITLE|N",
            help="A new milestone's title; or the number of one to change.",
        ),
    ],
    due: Annotated[
        str | None, typer.Option("--due", "-d", metavar="DATE", help="When it is due.")
    ] = None,
    title: Annotated[
        str | None,
        typer.Option("--title", metavar="TEXT", help="Rename milestone N."),
    ] = None,
    remove: Annotated[
        bool, typer.Option("--remove", help="Remove milestone N.")
    ] = False,
    add: Annotated[
        bool,
        typer.Option("--add", help="Add TITLE even if it is a number."),
    ] = False,
    private: Annotated[
        bool | None,
        typer.Option("--private/--no-private", help="Keep it out of every share."),
    ] = None,
) -> None:
    """Add a milestone to a goal, or change one: a number N (as `goals show`
    lists them) names milestone N; --title or --remove name one by its number
    or the start of its title. A milestone whose title is a number: --add.

    \b
    Examples:
      mentorlog goals milestone build "deploy a first page" --due "next friday"
      mentorlog goals milestone build 2 --due "in 3 weeks"
      mentorlog goals milestone build 2 --title "deploy the login page"
      mentorlog goals milestone build 3 --remove
    """
    from mentorlog import render
    from mentorlog.core.goals import add_milestone as add_use_case
    from mentorlog.core.goals import edit_milestone

    when = optional_date(due, "--due")
    changing = title is not None or remove or which.strip().isdecimal()
    if add or not changing:
        if title is not None or remove:
            from mentorlog.errors import UsageError

            raise UsageError("--add takes no --title or --remove")
        view, number = add_use_case(
            journal(), goal, which, when, today(), private=bool(private)
        )
        render.milestone_added(view, number)
        return
    view, index, before = edit_milestone(
        journal(),
        goal,
        which,
        today(),
        title=title,
        due=when,
        remove=remove,
        private=private,
    )
    render.milestone_changed(view, index, before, remove)


@goals_app.command("tick")
def tick_milestone(
    goal: GoalRef,
    milestone: Annotated[
        str,
        typer.Argument(
            metavar="MILESTONE",
            help="The milestone's number or the start of its title.",
            autocompletion=completion.milestones,
        ),
    ],
) -> None:
    """Mark a milestone done.

    \b
    Examples:
      mentorlog goals tick build 2
      mentorlog goals tick build "deploy"
    """
    from mentorlog import render
    from mentorlog.core.goals import tick_milestone as tick_use_case

    view, index = tick_use_case(journal(), goal, milestone, today())
    render.milestone_ticked(view, index)


@goals_app.command("check")
def check_goals(
    goal: Annotated[
        str | None,
        typer.Argument(
            metavar="[GOAL]",
            help="One goal (default: all active).",
            autocompletion=completion.goals,
        ),
    ] = None,
    as_json: JsonFlag = False,
) -> None:
    """The SMART coach: what each goal is missing, and how to rewrite it.

    \b
    Examples:
      mentorlog goals check
      mentorlog goals check improve --json
    """
    from mentorlog import render
    from mentorlog.core.goals import check_goals as check_use_case

    report = check_use_case(journal(), goal, today())
    render.problems(report.problems)
    if as_json:
        render.json_out(report)
    else:
        render.check_report(report)


app = typer.Typer()  # what the root lists: `COMMANDS` in mentorlog.cli
app.add_typer(goals_app, name="goals")
