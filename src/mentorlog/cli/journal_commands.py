"""Commands about the journal itself: init, where, doctor, edit."""

from __future__ import annotations

from typing import Annotated

import typer

from .context import journal


def init(
    git: Annotated[
        bool, typer.Option("--git", help="Make the journal a git repository.")
    ] = False,
    name: Annotated[
        str | None,
        typer.Option(
            "--name", "-n", metavar="NAME", help="Your name, shown in reports."
        ),
    ] = None,
) -> None:
    """Create the journal (safe to run again: it never writes over your data).

    \b
    Examples:
      mentorlog init --name "Sam Rivera"
      mentorlog init --git
      mentorlog --journal ~/notes/mentoring init
    """
    from mentorlog import render
    from mentorlog.core.setup import init_journal

    found = journal()
    render.init_result(init_journal(found, name))
    if git:
        from mentorlog.core.sync import make_git_journal

        existed = make_git_journal(found)
        render.say(
            "The journal is a git repository"
            + (" already." if existed else ": every change is now a commit. ")
            + (
                ""
                if existed
                else f"Add a remote: git -C {found.root} remote add origin "
                "URL, then mentorlog sync"
            )
        )


def where() -> None:
    """Print the journal's path.

    \b
    Example:
      cd "$(mentorlog where)" && git log
    """
    from mentorlog import render

    found = journal()
    render.plain(str(found.root))
    if not found.exists():
        render.warn("no journal there yet: `mentorlog init` creates it")


def doctor(
    as_json: Annotated[
        bool, typer.Option("--json", help="Print JSON for scripts.")
    ] = False,
) -> None:
    """Check every file of the journal; list each problem as path:line: message.

    Exits 3 when any file is invalid.

    \b
    Example:
      mentorlog doctor
    """
    from mentorlog import render
    from mentorlog.core.doctor import run_doctor
    from mentorlog.errors import EXIT_DATA

    report = run_doctor(journal())
    if as_json:
        render.json_out(report.as_json())
    else:
        render.doctor_report(report)
    if not report.ok:
        raise typer.Exit(EXIT_DATA)


def edit(
    ref: Annotated[
        str,
        typer.Argument(
            metavar="REF", help="A record's short id, slug or title, or 'settings'."
        ),
    ],
) -> None:
    """Open a record in $VISUAL / $EDITOR; it is checked before it is saved.

    If the editor fails or the result is invalid, your text is kept in a draft
    whose path is printed, and the record is left as it was.

    \b
    Examples:
      mentorlog edit build
      mentorlog edit settings
    """
    edit_in_editor(ref)


def edit_in_editor(ref: str, only: str | None = None) -> None:
    """Open the record `ref` names (of kind `only`) in the user's editor."""
    from mentorlog import render
    from mentorlog.core.editing import finish_edit, start_edit
    from mentorlog.editor import editor_command, run_editor

    command = editor_command()  # a bad $EDITOR fails before any draft exists
    found = journal()
    session = start_edit(found, ref, only)
    outcome = finish_edit(found, session, run_editor(command, session.draft))
    if outcome.changed:
        render.say("Saved ", (outcome.target, "bold"))
    else:
        render.say("No changes to ", (outcome.target, "bold"))


def sync() -> None:
    """For a git journal: commit what is pending, pull with rebase, push.

    The first push sets the upstream. If both devices changed the same record,
    it stops, keeps both versions, and says how to finish.

    \b
    Example:
      mentorlog sync
    """
    from mentorlog import render
    from mentorlog.core.sync import sync as sync_use_case

    with render.working("Syncing with git"):
        result = sync_use_case(journal())
    render.say(
        f"Synced with {result.remote}: "
        + ("committed local changes, " if result.committed else "")
        + ("pulled, " if result.pulled else "")
        + "pushed."
    )


def undo() -> None:
    """In a git journal, revert the last change mentorlog committed.

    The revert is a new commit: nothing of the history is lost. Only a commit
    mentorlog made on this machine is reverted (its seal says so); undo refuses
    when the last commit is anything else, when files changed since it, and
    while a sync is stopped. One step: undo again does not go further back.

    \b
    Example:
      mentorlog actions done 3fk2   # oops
      mentorlog undo
    """
    from mentorlog import render
    from mentorlog.core.history import undo_last

    done = undo_last(journal())
    render.say(
        "Undid ",
        (done.change, "bold"),
        f" (commit {done.reverted}); the revert is commit {done.commit}.",
    )


app = typer.Typer()  # what the root lists: `COMMANDS` in mentorlog.cli
app.command("init")(init)
app.command("where")(where)
app.command("undo")(undo)
app.command("doctor")(doctor)
app.command("edit")(edit)
app.command("sync")(sync)
