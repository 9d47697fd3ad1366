"""Commands about the journal itself: init, where, doctor, edit."""

from __future__ import annotations

from typing import Annotated

import typer

from .context import journal


def _any_record(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """Completion for `edit`, imported only on Tab: `where` and `init` stay
    light."""
    from .completion import any_record

    return any_record(ctx, incomplete)


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

    found = journal(existing=False)
    render.init_result(init_journal(found, name))
    if git:
        from mentorlog.core.sync import make_git_journal
        from mentorlog.hints import Said, hint
        from mentorlog.store.gitrun import git_here

        existed = make_git_journal(found)
        render.say(
            "The journal is a git repository already."
            if existed
            else str(
                Said(
                    "The journal is a git repository: every change is now a commit. "
                    f"Add a remote: {git_here(found.root)} remote add origin URL, "
                    "then ",
                    hint("sync"),
                )
            )
        )


def where() -> None:
    """Print the journal's path.

    \b
    Example:
      cd "$(mentorlog where)" && git log
    """
    from mentorlog import render

    found = journal(existing=False)
    render.plain(str(found.root))
    if not found.exists():
        from mentorlog.hints import Said, hint

        render.warn(str(Said("no journal there yet: `", hint("init"), "` creates it")))


def doctor(
    fix: Annotated[
        bool,
        typer.Option(
            "--fix",
            help="Repair what can be: modes of the journal's own files, temp files "
            "and partial backups.",
        ),
    ] = False,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print JSON for scripts.")
    ] = False,
) -> None:
    """Check every file of the journal; list each problem as path:line: message.

    Changes nothing; with --fix, makes the journal's own files private again
    (0600/0700) and removes temp files and partial backups that interrupted
    commands left. Only inside a journal: nothing outside its own files.
    Exits 3 when any file is invalid.

    \b
    Examples:
      mentorlog doctor
      mentorlog doctor --fix
    """
    from mentorlog import render
    from mentorlog.core.doctor import run_doctor
    from mentorlog.errors import EXIT_DATA

    report = run_doctor(journal(), fix=fix)
    if as_json:
        render.json_out(report)
    else:
        render.doctor_report(report)
    if not report.ok:
        raise typer.Exit(EXIT_DATA)


DRAFT_OPTION = typer.Option(
    "--draft",
    help="Open the draft an unfinished edit of this record kept, not the record.",
)


def edit(
    ref: Annotated[
        str,
        typer.Argument(
            metavar="REF",
            help="A record's short id, slug or title, or 'settings'.",
            autocompletion=_any_record,
        ),
    ],
    draft: Annotated[bool, DRAFT_OPTION] = False,
) -> None:
    """Open a record in $VISUAL / $EDITOR; it is checked before it is saved.

    If the editor fails or the result is invalid, your text is kept in a draft
    whose path is printed, and the record is left as it was. The next edit of
    the record offers that draft (--draft opens it without asking).

    \b
    Examples:
      mentorlog edit build
      mentorlog edit settings
      mentorlog edit build --draft
    """
    edit_in_editor(ref, draft=draft)


def edit_in_editor(ref: str, only: str | None = None, *, draft: bool = False) -> None:
    """Open the record `ref` names (of kind `only`) in the user's editor, or
    the draft an unfinished edit of it kept."""
    from mentorlog import render
    from mentorlog.core.editing import finish_edit, kept_draft, start_edit
    from mentorlog.editor import editor_command, run_editor
    from mentorlog.errors import UserError
    from mentorlog.hints import Said, hint

    from .context import interactive

    command = editor_command()  # a bad $EDITOR fails before any draft exists
    found = journal()
    again = Said(hint("edit", ref, "--draft"))
    kept = kept_draft(found, ref, only)
    use = None
    if kept is not None and draft:
        use = kept
    elif kept is not None and interactive():
        render.warn(f"an unfinished edit of this record is kept in {kept}")
        if typer.confirm("Open that draft instead of the record?", default=True):
            use = kept
    elif kept is not None:
        render.warn(
            f"an unfinished edit of this record is kept in {kept}; the record is "
            f"opened as it is: {again} opens the draft"
        )
    elif draft:
        raise UserError(
            Said(f'no draft of "{ref}" is kept: ', hint("edit", ref), " opens it")
        )
    session = start_edit(found, ref, only, use_draft=use)
    ran = run_editor(command, session.draft)
    outcome = finish_edit(
        found, session, ran.error, returned_at_once=ran.returned_at_once
    )
    if outcome.changed:
        render.say("Saved ", (outcome.target, "bold"))
        return
    render.say("No changes to ", (outcome.target, "bold"))
    if outcome.draft is not None:
        render.warn(
            "the editor returned at once: it may not wait for you to close the "
            'file (for VS Code set EDITOR="code --wait"; gedit -w, subl -w, '
            f"mate -w); what you save there now is kept in {outcome.draft}: "
            f"{again} saves it"
        )


def sync(
    abort: Annotated[
        bool,
        typer.Option(
            "--abort",
            help="Go back from a sync left open to the journal as it was before "
            "it; what the files hold is kept in git.",
        ),
    ] = False,
) -> None:
    """For a git journal: commit what is pending, pull with rebase, push.

    The first push sets the upstream. If both devices changed the same record,
    it stops, keeps both versions, and says how to finish. A sync that was
    interrupted is undone by the next command, every saved record kept.

    \b
    Examples:
      mentorlog sync
      mentorlog sync --abort
    """
    from mentorlog import render
    from mentorlog.core.sync import abort_sync
    from mentorlog.core.sync import sync as sync_use_case

    if abort:
        kept = abort_sync(journal())
        render.say(
            "The sync is undone: the journal is as it was before it"
            + (f"; what the files held is kept in git as {kept}." if kept else ".")
        )
        return

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
