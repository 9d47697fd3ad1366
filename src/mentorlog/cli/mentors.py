"""`mentorlog mentors`: your network of mentors, agreements, and flash mentoring."""

from __future__ import annotations

from typing import Annotated

import typer

from mentorlog.models import Channel

from . import choices, completion
from .context import (
    journal,
    meeting_date,
    no_group_options,
    optional_date,
    show_merge_notes,
    today,
)
from .options import PrivateOption

mentors_app = typer.Typer(
    help=(
        "Your mentors: profiles, agreements, flash mentoring.\n\n"
        "\b\nExamples:\n"
        '  mentorlog mentors add "Ada Lovelace" --expertise "python, career" '
        "--cadence biweekly\n"
        "  mentorlog mentors agree ada --channel video --reschedule-notice 48h\n"
        '  mentorlog mentors ask "Grace Hopper" --ask "How did you choose compilers?"\n'
        "  mentorlog mentors"
    ),
    invoke_without_command=True,
    rich_markup_mode=None,
)

MentorRef = Annotated[
    str,
    typer.Argument(
        metavar="MENTOR",
        help="Short id, slug prefix, or full name.",
        autocompletion=completion.mentors,
    ),
]
JsonFlag = Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")]
AllFlag = Annotated[
    bool, typer.Option("--all", "-a", help="Include ended mentorships.")
]


# `mentors add` (preferences) and `mentors agree` (what was agreed) share these.
ChannelOption = Annotated[
    Channel | None,
    typer.Option(
        "--channel",
        click_type=choices.CHANNEL,
        help="How you meet or write.",
        autocompletion=completion.channels,
    ),
]
CadenceOption = Annotated[
    str | None,
    typer.Option(
        "--cadence",
        metavar="CADENCE",
        autocompletion=completion.cadences,
        help="weekly, biweekly, monthly, 10d, 3w, 'every 2 weeks'.",
    ),
]


# `mentors add` and `mentors edit` share the profile's options.
OrgOption = Annotated[str | None, typer.Option("--org", metavar="ORG")]
ExpertiseOption = Annotated[
    list[str] | None,
    typer.Option("--expertise", "-e", metavar="A,B", help="What they know about."),
]
ContactOption = Annotated[
    str | None,
    typer.Option("--contact", metavar="TEXT", help="Email, phone, handle."),
]
InterestsOption = Annotated[
    list[str] | None,
    typer.Option("--interests", metavar="A,B", help="What they care about."),
]
LearningOption = Annotated[str | None, typer.Option("--learning-style", metavar="TEXT")]
TeachingOption = Annotated[str | None, typer.Option("--teaching-style", metavar="TEXT")]
WorkOption = Annotated[str | None, typer.Option("--work-style", metavar="TEXT")]
ValuesOption = Annotated[str | None, typer.Option("--values", metavar="TEXT")]
ChallengesOption = Annotated[
    str | None,
    typer.Option("--challenges", metavar="TEXT", help="Challenges they have faced."),
]


@mentors_app.callback()
def mentors_default(
    ctx: typer.Context, all_: AllFlag = False, as_json: JsonFlag = False
) -> None:
    """Your mentors: profiles, agreements, flash mentoring (bare: list them)."""
    no_group_options(ctx.invoked_subcommand, all=all_, json=as_json)
    if ctx.invoked_subcommand is None:
        list_mentors(all_, as_json)


@mentors_app.command("list")
def list_mentors(all_: AllFlag = False, as_json: JsonFlag = False) -> None:
    """List your mentors and flash contacts: expertise, channel, cadence, agreement.

    \b
    Examples:
      mentorlog mentors list
      mentorlog mentors list --all --json | jq -r '.[].name'
    """
    from mentorlog import render
    from mentorlog.core.mentors import list_mentors as list_use_case

    listing = list_use_case(journal(), include_ended=all_)
    render.listing(
        listing.views, listing.problems, as_json, render.mentors_table, listing.hidden
    )


@mentors_app.command("add")
def add_mentor(
    name: Annotated[
        str, typer.Argument(metavar="NAME", help="Their name, as you say it.")
    ],
    org: OrgOption = None,
    expertise: ExpertiseOption = None,
    channel: ChannelOption = None,
    contact: ContactOption = None,
    cadence: CadenceOption = None,
    flash: Annotated[
        bool, typer.Option("--flash", help="A one-off flash contact, not ongoing.")
    ] = False,
    interests: InterestsOption = None,
    learning_style: LearningOption = None,
    teaching_style: TeachingOption = None,
    work_style: WorkOption = None,
    values: ValuesOption = None,
    challenges: ChallengesOption = None,
    private: PrivateOption = False,
) -> None:
    """Add a mentor to your network.

    The profile keeps the whole person; `mentors edit` opens it for notes.

    \b
    Examples:
      mentorlog mentors add "Ada Lovelace" --org "Analytical Engines" \\
          --expertise "python, career" --channel video --cadence biweekly
      mentorlog mentors add "Sam Lee" --flash --expertise "data engineering"
    """
    from mentorlog import render
    from mentorlog.core.mentors import MentorDraft
    from mentorlog.core.mentors import add_mentor as add_use_case

    draft = MentorDraft(
        name=name,
        org=org,
        expertise=expertise or [],
        channel=channel,
        contact=contact,
        cadence=cadence,
        flash=flash,
        interests=interests or [],
        learning_style=learning_style,
        teaching_style=teaching_style,
        work_style=work_style,
        values=values,
        challenges=challenges,
        private=private,
    )
    saved = add_use_case(journal(), draft, today())
    render.mentor_added(saved.view, saved.notes)


@mentors_app.command("show")
def show_mentor(mentor: MentorRef, as_json: JsonFlag = False) -> None:
    """Show a mentor's profile, agreement (and what is still open) and notes.

    \b
    Example:
      mentorlog mentors show ada
    """
    from mentorlog import render
    from mentorlog.core.mentors import get_mentor

    view = get_mentor(journal(), mentor)
    if as_json:
        render.json_out(view)
    else:
        render.mentor_detail(view)
        show_merge_notes(view.file, view.mentor)


@mentors_app.command("edit")
def edit_mentor(
    mentor: MentorRef,
    name: Annotated[
        str | None, typer.Option("--name", metavar="NAME", help="A new name.")
    ] = None,
    org: OrgOption = None,
    expertise: ExpertiseOption = None,
    channel: ChannelOption = None,
    contact: ContactOption = None,
    cadence: CadenceOption = None,
    interests: InterestsOption = None,
    learning_style: LearningOption = None,
    teaching_style: TeachingOption = None,
    work_style: WorkOption = None,
    values: ValuesOption = None,
    challenges: ChallengesOption = None,
    private: Annotated[
        bool | None,
        typer.Option("--private/--no-private", help="Keep their notes out of shares."),
    ] = None,
) -> None:
    """Change a mentor's profile: the options given set those fields (a list
    given replaces the list). With no option, open the profile in $VISUAL /
    $EDITOR; it is checked before saving.

    \b
    Examples:
      mentorlog mentors edit ada --org "Babbage & Co" --expertise "python, career"
      mentorlog mentors edit ada
    """
    from mentorlog import render
    from mentorlog.core.mentor_changes import MentorChanges
    from mentorlog.core.mentor_changes import edit_mentor as edit_use_case

    changes = MentorChanges(
        name=name,
        org=org,
        expertise=expertise,
        channel=channel,
        contact=contact,
        cadence=cadence,
        interests=interests,
        learning_style=learning_style,
        teaching_style=teaching_style,
        work_style=work_style,
        values=values,
        challenges=challenges,
        private=private,
    )
    if changes == MentorChanges():
        from .journal_commands import edit_in_editor

        edit_in_editor(mentor, "mentor")
        return
    view = edit_use_case(journal(), mentor, changes)
    render.say(f"Changed {view.short} ", (view.mentor.name, "bold"))


@mentors_app.command("remove")
def remove_mentor(
    mentor: MentorRef,
    merge_into: Annotated[
        str | None,
        typer.Option(
            "--merge-into",
            metavar="OTHER",
            help="Move every record that refers to MENTOR to OTHER first.",
            autocompletion=completion.mentors,
        ),
    ] = None,
) -> None:
    """Remove a mentor (a duplicate, a mistake). Refused while records refer
    to them, unless --merge-into moves those records to another mentor, all at
    once. To stop meeting someone, `mentors end` keeps the record.

    \b
    Examples:
      mentorlog mentors remove "ada l" --merge-into "Ada Lovelace"
      mentorlog mentors remove typo-name
    """
    from mentorlog import render
    from mentorlog.core.mentor_changes import remove_mentor as remove_use_case

    removed = remove_use_case(journal(), mentor, merge_into)
    render.mentor_removed(removed)


@mentors_app.command("review")
def review_mentor(
    mentor: MentorRef,
    on: Annotated[
        str | None,
        typer.Option("--on", metavar="DATE", help="When you reviewed (default today)."),
    ] = None,
    notes: Annotated[
        str | None,
        typer.Option("--notes", metavar="TEXT", help="What you agreed to change."),
    ] = None,
) -> None:
    """Record a review of how the mentorship works, any time (it clears the
    review reminder of `followups` and counts in the checklist).

    \b
    Examples:
      mentorlog mentors review ada --notes "meet every 3 weeks instead"
      mentorlog mentors review ada --on yesterday
    """
    from mentorlog import render
    from mentorlog.core.mentor_changes import review_mentor as review_use_case

    day = optional_date(on, "--on", backward=True) or today()
    view = review_use_case(journal(), mentor, day, today(), notes)
    render.say(
        f"Review with {view.short} ",
        (view.mentor.name, "bold"),
        f" on {day.isoformat()}",
    )


@mentors_app.command("end")
def end_mentor(mentor: MentorRef) -> None:
    """End a mentorship (the record stays in the journal).

    \b
    Example:
      mentorlog mentors end ada
    """
    from mentorlog import render
    from mentorlog.core.mentors import end_mentor as end_use_case

    view = end_use_case(journal(), mentor, today())
    render.say(f"Ended the mentorship with {view.short} ", (view.mentor.name, "bold"))


@mentors_app.command("agree")
def agree(
    mentor: MentorRef,
    channel: ChannelOption = None,
    cadence: CadenceOption = None,
    response_time: Annotated[
        str | None,
        typer.Option("--response-time", metavar="TEXT", help="How fast each replies."),
    ] = None,
    reschedule_notice: Annotated[
        str | None,
        typer.Option(
            "--reschedule-notice",
            metavar="NOTICE",
            help="Notice to move a meeting: 48h, 2d.",
        ),
    ] = None,
    missed_plan: Annotated[
        str | None,
        typer.Option(
            "--missed-plan", metavar="TEXT", help="What happens after a missed one."
        ),
    ] = None,
    topics: Annotated[
        list[str] | None,
        typer.Option("--topics", metavar="A,B", help="Topics to cover (added to)."),
    ] = None,
    off_limits: Annotated[
        list[str] | None,
        typer.Option(
            "--off-limits", metavar="A,B", help="Topics not to raise (added to)."
        ),
    ] = None,
    criticism: Annotated[
        str | None,
        typer.Option(
            "--criticism", metavar="TEXT", help="How open to criticism, and how."
        ),
    ] = None,
    first_name: Annotated[
        bool | None,
        typer.Option("--first-name/--no-first-name", help="On a first-name basis?"),
    ] = None,
    attribution: Annotated[
        str | None,
        typer.Option("--attribution", metavar="TEXT", help="Credit for shared work."),
    ] = None,
    confidentiality: Annotated[
        str | None,
        typer.Option(
            "--confidentiality", metavar="TEXT", help="What stays between you."
        ),
    ] = None,
    until: Annotated[
        str | None,
        typer.Option(
            "--until", metavar="DATE", help="When the mentorship is reviewed/ends."
        ),
    ] = None,
) -> None:
    """Record the mentoring agreement, and see which parts are still open.

    Without options it shows the agreement. Later commands use it: the cadence
    dates the next meeting, the notice flags late moves, off-limits topics warn.

    \b
    Examples:
      mentorlog mentors agree ada --channel video --cadence biweekly \\
          --reschedule-notice 48h --first-name --until "in 6 months"
      mentorlog mentors agree ada --off-limits "salary, family"
    """
    from mentorlog import render
    from mentorlog.core.mentors import AgreementChanges
    from mentorlog.core.mentors import agree as agree_use_case

    changes = AgreementChanges(
        channel=channel,
        cadence=cadence,
        response_time=response_time,
        reschedule_notice=reschedule_notice,
        missed_plan=missed_plan,
        topics=topics or [],
        off_limits=off_limits or [],
        criticism=criticism,
        first_name=first_name,
        attribution=attribution,
        confidentiality=confidentiality,
        until=optional_date(until, "--until"),
    )
    render.agreement_result(agree_use_case(journal(), mentor, changes, today()))


@mentors_app.command("ask")
def ask(
    name: Annotated[str, typer.Argument(metavar="NAME", help="Who you reach out to.")],
    ask_text: Annotated[
        str, typer.Option("--ask", metavar="TEXT", help="The message you send.")
    ],
    expertise: Annotated[
        list[str] | None,
        typer.Option("--expertise", "-e", metavar="A,B", help="What they know about."),
    ] = None,
) -> None:
    """Record a flash-mentoring ask: a one-off conversation with someone new.

    The ask is checked as a good mentor would: too long, no concrete question,
    or asking for a job rather than advice each draw a hint.

    \b
    Example:
      mentorlog mentors ask "Grace Hopper" --expertise compilers \\
          --ask "I'm a CS student. How did you decide to work on compilers?"
    """
    from mentorlog import render
    from mentorlog.core.mentors import ask as ask_use_case

    result = ask_use_case(journal(), name, ask_text, expertise, today())
    render.ask_result(result)


@mentors_app.command("answer")
def answer(
    mentor: MentorRef,
    reply: Annotated[
        str,
        typer.Argument(
            metavar="ANSWER",
            help="accepted, declined or rescheduled.",
            autocompletion=completion.answers,
        ),
    ],
    on: Annotated[
        str | None, typer.Option("--on", metavar="DATE", help="When you will meet.")
    ] = None,
) -> None:
    """Record the answer to a flash ask; accepted with a date plans the meeting.

    \b
    Examples:
      mentorlog mentors answer grace accepted --on "next tuesday"
      mentorlog mentors answer grace declined
    """
    from typing import get_args

    from mentorlog import render
    from mentorlog.core.mentors import answer as answer_use_case
    from mentorlog.errors import UserError
    from mentorlog.models import Answer

    replies: tuple[Answer, ...] = get_args(Answer)
    normal = next((r for r in replies if r == reply.strip().lower()), None)
    if normal is None:
        raise UserError(f'unknown answer "{reply}"; use one of {", ".join(replies)}')
    when = meeting_date(on, "--on")
    view = answer_use_case(
        journal(),
        mentor,
        normal,
        when.day if when else None,
        today(),
        when.time if when else None,
    )
    render.answer_result(view)


@mentors_app.command("promote")
def promote(mentor: MentorRef) -> None:
    """Turn a flash contact into an ongoing mentor.

    \b
    Example:
      mentorlog mentors promote grace
    """
    from mentorlog import render
    from mentorlog.core.mentors import promote as promote_use_case
    from mentorlog.hints import Said, Slot, hint

    view = promote_use_case(journal(), mentor, today())
    render.say(
        f"{view.short} ",
        (view.mentor.name, "bold"),
        str(
            Said(
                " is now an ongoing mentor. Agree on how you work together: ",
                hint("mentors", "agree", view.short, Slot("...")),
            )
        ),
    )


def network(
    as_json: Annotated[
        bool, typer.Option("--json", help="Print JSON for scripts.")
    ] = False,
) -> None:
    """Your needs (goal areas, needs in settings) against what your mentors cover.

    \b
    Examples:
      mentorlog network
      mentorlog network --json | jq -r '.gaps[]'
    """
    from mentorlog import render
    from mentorlog.core.network import network as network_use_case

    report = network_use_case(journal())
    render.problems(report.problems)
    if as_json:
        render.json_out(report)
    else:
        render.network_report(report)


app = typer.Typer()  # what the root lists: `COMMANDS` in mentorlog.cli
app.add_typer(mentors_app, name="mentors")
app.command("network")(network)
