"""The command line: thin Typer commands, one call into the core, one render.

This module is imported on every run, so it imports only typer and the
standard library; each command imports what it needs when it runs.
"""

from __future__ import annotations

import os
import sys
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from mentorlog import __version__
from mentorlog.errors import MentorlogError

from .context import STATE


class MentorlogGroup(TyperGroup):
    """The one exit point: a `MentorlogError` becomes one line on stderr and its
    exit code; anything unexpected becomes one line and a hint about --debug."""

    def main(self, *args: Any, **kwargs: Any) -> Any:
        """Everything printed goes through the sink (`mentorlog.sink`): also
        Click's usage errors, which quote what was typed, and its help."""
        from mentorlog import sink

        before = sink.install()
        try:
            return self._main(*args, **kwargs)
        finally:
            sink.restore(before)

    def _main(self, *args: Any, **kwargs: Any) -> Any:
        """Usage errors come from Typer and quote what was typed: make the quote
        harmless for the terminal before it is shown."""
        if not kwargs.get("standalone_mode", True):
            return super().main(*args, **kwargs)
        kwargs["standalone_mode"] = False
        try:
            result = super().main(*args, **kwargs)
        except typer.TyperException as error:
            from mentorlog import render

            error.message = render.safe(error.message, one_line=False)
            show = getattr(error, "show", None)
            if show is not None:
                show()
            sys.exit(getattr(error, "exit_code", 1))
        except typer.Abort:
            sys.stderr.write("Aborted!\n")
            sys.exit(1)
        sys.exit(result if isinstance(result, int) else 0)

    def invoke(self, ctx: Any) -> Any:
        try:
            # the words after the global options; Click keeps the first one
            # (the command's name) apart, under a name that changed over versions
            first = getattr(ctx, "_protected_args", None)
            if first is None:
                first = getattr(ctx, "protected_args", [])
            arguments = [*first, *ctx.args]
            _check_arguments(arguments)
            STATE.purpose = _command_words(self, arguments)
            STATE.journals = []
            if "mentorlog.render" in sys.modules:
                sys.modules["mentorlog.render"].forget_said()
            result = super().invoke(ctx)
            _say_warnings()
            sys.stdout.flush()  # a closed pipe shows up here, not in Click
            return result
        except BrokenPipeError:
            # The reader went away (`mentorlog goals | head -1`): it has what it
            # wanted. Point stdout at nothing so the exit flush cannot fail.
            import os

            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            raise typer.Exit(0) from None
        except MentorlogError as error:
            from mentorlog import render

            if STATE.debug:
                import traceback

                traceback.print_exc()
            render.error(error.message, error.hint)
            raise typer.Exit(error.exit_code) from None
        except (typer.Exit, typer.Abort, typer.TyperException, KeyboardInterrupt):
            raise
        except Exception as error:
            if STATE.debug:
                raise
            from mentorlog import render

            reason = _output_failure(error)
            if reason is not None:
                render.error(f"cannot write the output: {reason}")
                raise typer.Exit(1) from None
            render.error(
                f"unexpected {type(error).__name__}: this is a bug in mentorlog. "
                "Rerun with --debug to see where it happened, and please report it."
            )
            raise typer.Exit(1) from None


def _output_failure(error: Exception) -> str | None:
    """Why the output could not be written (`> /dev/full`, stdout closed), or
    None for any other error. Errors reading or writing the journal never get
    here: the store turns them into a `JournalIOError` naming the path."""
    import errno

    if sys.stdout is None:
        return "the output is closed"
    if isinstance(error, OSError) and error.errno in (
        errno.ENOSPC,
        errno.EIO,
        errno.EBADF,
        errno.EDQUOT,
        errno.EFBIG,
    ):
        return error.strerror or str(error)
    return None


def _command_words(group: Any, arguments: list[str]) -> str:
    """`mentorlog goals add` for `goals add "Learn Rust" --by eom`."""
    words = ["mentorlog"]
    command = group
    for argument in arguments:
        commands = getattr(command, "commands", None)
        if not commands or argument not in commands:
            break
        words.append(argument)
        command = commands[argument]
    return " ".join(words)


def _say_warnings() -> None:
    warnings = [w for journal in STATE.journals for w in journal.warnings]
    if warnings:
        from mentorlog import render

        for warning in warnings:
            render.warn(warning)
    # a broken file the command skipped without naming it (it read the kind
    # for a count, a check, an export): named now, once
    met = [p for journal in STATE.journals for p in journal.problems_met]
    if met:
        from mentorlog import render

        render.problems(met)


def _check_arguments(arguments: list[str]) -> None:
    """Bytes that are not UTF-8 reach Python as lone surrogates; refuse them here,
    once, rather than let them fail deep inside a write."""
    from mentorlog.errors import UserError

    for position, argument in enumerate(arguments, start=1):
        try:
            argument.encode("utf-8")
        except UnicodeEncodeError:
            shown = argument.encode("utf-8", "replace").decode("utf-8")
            raise UserError(
                f'argument {position} ("{shown[:40]}") is not valid UTF-8 text'
            ) from None


ROOT_SETTINGS: dict[str, Any] = {
    "cls": MentorlogGroup,
    "name": "mentorlog",
    "help": (
        "A private, plain-file journal for mentees: SMART goals, meeting prep and "
        "recaps, and the habits that make mentorship work.\n\n"
        "\b\nStart here:\n"
        "  mentorlog tour          walk through a sample journal\n"
        "  mentorlog init          create your journal\n"
        '  mentorlog goals add "build a portfolio site with 3 projects within 2 months"'
    ),
    "rich_markup_mode": None,
    "pretty_exceptions_enable": False,
    "add_completion": True,
    "no_args_is_help": True,
    "context_settings": {"help_option_names": ["-h", "--help"]},
}


def _version(ctx: typer.Context, value: bool) -> None:
    if value:
        from mentorlog.core import journal_path

        root = journal_path(ctx.params.get("journal"))
        sys.stdout.write(f"mentorlog {__version__}\njournal: {root}\n")
        raise typer.Exit()


def main_options(
    journal: Annotated[
        str | None,
        typer.Option(
            "--journal",
            "-j",
            metavar="PATH",
            help="The journal folder (default: $MENTORLOG_HOME, else your data dir).",
            is_eager=True,
        ),
    ] = None,
    no_color: Annotated[
        bool, typer.Option("--no-color", help="No colours (also: NO_COLOR=1).")
    ] = False,
    debug: Annotated[
        bool, typer.Option("--debug", help="Show the full traceback of an error.")
    ] = False,
    no_input: Annotated[
        bool,
        typer.Option("--no-input", help="Never prompt, even on a terminal."),
    ] = False,
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            callback=_version,
            is_eager=True,
            help="Show the version and exit.",
        ),
    ] = False,
) -> None:
    STATE.journal_option = journal
    STATE.debug = debug
    STATE.no_color = no_color
    STATE.no_input = no_input
    from mentorlog import render

    render.configure(no_color=no_color)


# Each top-level word, and the module whose `register` adds it. A run imports
# that module and builds only its own command.
PARTS: dict[str, str] = {
    "goals": "goals",
    **dict.fromkeys(("mentors", "network"), "mentors"),
    **dict.fromkeys(("prep", "recap", "sessions", "followups", "search"), "meetings"),
    **dict.fromkeys(("actions", "feedback", "resources", "log"), "tracking"),
    **dict.fromkeys(("checklist", "status", "report", "export"), "progress"),
    **dict.fromkeys(("init", "where", "doctor", "edit", "sync"), "journal_commands"),
    "tour": "tour",
}


def _register(module: str, target: typer.Typer, only: str | None = None) -> None:
    import importlib

    importlib.import_module(f"{__name__}.{module}").register(target, only)


def app_for(word: str, rest: list[str] | None = None) -> typer.Typer:
    """The app with only the command `word` names: Typer inspects every
    command's signature on every run, so a run builds only its own. For a group
    (`goals`, `actions`, ...), `rest` (the words after `word`) names the one
    subcommand to build."""
    part = typer.Typer(**ROOT_SETTINGS)
    part.callback()(main_options)
    _register(PARTS[word], part, word)
    if rest is not None:
        for group in part.registered_groups:
            if group.name == word and group.typer_instance is not None:
                group.typer_instance = _only_subcommand(group.typer_instance, rest)
    return part


def _only_subcommand(group: typer.Typer, rest: list[str]) -> typer.Typer:
    """`group` with only the subcommand `rest` runs (none for the bare group).
    Help, and a word that names no subcommand (a typo), get the whole group, so
    Click lists the subcommands or suggests one. Group options are flags (a
    test checks), so the first word that is not an option is the subcommand."""
    import copy

    if "--help" in rest or "-h" in rest:
        return group
    words = [argument for argument in rest if not argument.startswith("-")]
    names = {command.name for command in group.registered_commands}
    if words and words[0] not in names:
        return group
    trimmed = copy.copy(group)
    trimmed.registered_commands = [
        command
        for command in group.registered_commands
        if words and command.name == words[0]
    ]
    return trimmed


def full_app() -> typer.Typer:
    """Every command (for completion, `--help` of the root, the reference)."""
    whole = typer.Typer(**ROOT_SETTINGS)
    whole.callback()(main_options)
    for module in dict.fromkeys(PARTS.values()):
        _register(module, whole)
    return whole


def __getattr__(name: str) -> Any:
    if name == "app":
        globals()["app"] = built = full_app()
        return built
    raise AttributeError(name)


GLOBAL_VALUES = ("--journal", "-j")


def _command_word(argv: list[str]) -> tuple[str | None, int]:
    """The command's name, the first word after the global options, and where."""
    skip = False
    for index, word in enumerate(argv):
        if skip:
            skip = False
            continue
        if word in GLOBAL_VALUES:
            skip = True
            continue
        if word.startswith("-"):
            continue
        return word, index
    return None, len(argv)


def main() -> None:
    """The console script."""
    argv = sys.argv[1:]
    if "_MENTORLOG_COMPLETE" not in os.environ:
        word, index = _command_word(argv)
        if word in PARTS:
            app_for(word, argv[index + 1 :])(prog_name="mentorlog")
            return
    full_app()(prog_name="mentorlog")
