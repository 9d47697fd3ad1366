"""The command line: thin Typer commands, one call into the core, one render.

This module is imported on every run, so it imports only typer and the
standard library; each command imports what it needs when it runs.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable, Iterator, MutableMapping, Sequence
from typing import Annotated, Any

import typer
from typer.core import TyperCommand, TyperGroup

from mentorlog._help import COMMANDS, ROOT_TEXT, command_rows
from mentorlog.errors import MentorlogError

from .context import STATE


class Commands(MutableMapping[str, Any]):
    """A group's subcommands, each built (its signature read by Typer, a
    millisecond or so each) the first time it is looked up. Listing the names
    builds nothing."""

    def __init__(self, makers: dict[str, Callable[[], Any]]) -> None:
        self._makers = makers
        self._built: dict[str, Any] = {}

    def __getitem__(self, name: str) -> Any:
        if name not in self._built:
            self._built[name] = self._makers[name]()
        return self._built[name]

    def __setitem__(self, name: str, command: Any) -> None:
        self._makers[name] = lambda: command
        self._built[name] = command

    def __delitem__(self, name: str) -> None:
        del self._makers[name]
        self._built.pop(name, None)

    def __contains__(self, name: object) -> bool:
        return name in self._makers

    def __iter__(self) -> Iterator[str]:
        return iter(self._makers)

    def __len__(self) -> int:
        return len(self._makers)


def _load(name: str) -> Any:
    """The command or group `name`, from the `app` of its module."""
    import importlib

    module = importlib.import_module(f"{__name__}.{COMMANDS[name][0]}")
    return build(module.app, name)


def build(part: typer.Typer, name: str) -> Any:
    """The Click command for `name`, registered in `part`; a group's own
    subcommands are built when they are looked up."""
    import copy

    import typer.main

    for command in part.registered_commands:
        if command.name == name:
            checked = copy.copy(command)
            checked.cls = OneValueCommand
            return typer.main.get_command_from_info(
                checked, pretty_exceptions_short=True, rich_markup_mode=None
            )
    for info in part.registered_groups:
        whole = info.typer_instance
        if info.name != name or whole is None:
            continue
        shell = copy.copy(info)
        shell.cls = OneValueGroup
        shell.typer_instance = copy.copy(whole)
        shell.typer_instance.registered_commands = []
        group = typer.main.get_group_from_info(
            shell,
            pretty_exceptions_short=True,
            suggest_commands=True,
            rich_markup_mode=None,
        )
        group.commands = Commands(
            {
                **{
                    str(command.name): functools.partial(
                        build, whole, str(command.name)
                    )
                    for command in whole.registered_commands
                },
                **group.commands,
            }
        )
        return group
    raise LookupError(f"{name} is not in {part}")


def _once_each(ctx: Any, parser: Any) -> Any:
    """`parser`, checking after it has read a command line that no option that
    takes one value was given twice (`--due fri --due mon` would keep `mon`
    silently): a usage error naming the option. Options declared repeatable
    (`--takeaway`, `--action`) and counters are left alone."""
    parse = parser.parse_args

    def parse_once_each(args: list[str]) -> Any:
        given = list(args)
        opts, rest, order = parse(args=args)
        if not ctx.resilient_parsing:  # shell completion reads half a line
            _no_option_twice(order, given)
        return opts, rest, order

    parser.parse_args = parse_once_each
    return parser


def _same_flag_again(param: Any, given: list[str]) -> bool:
    """Whether `param` is a flag said the same way each time in `given`: never
    both on and off (`--private --no-private`). Its spellings of one side
    (`-a --all`, `-aa`) say one thing."""
    if not getattr(param, "is_flag", False):
        return False
    options = given[: given.index("--")] if "--" in given else given  # then text
    on = any(word in param.opts for word in options)
    off = any(word in param.secondary_opts for word in options)
    return not (on and off)


def _no_option_twice(order: list[Any], given: list[str]) -> None:
    """`order`: the parameters as the parser met them, once per occurrence;
    `given`: the command line's words. A flag given twice the same way
    (`--no-color` from an alias and typed again) says one thing and passes;
    `--private --no-private` contradicts itself and is refused."""
    seen: set[int] = set()
    for param in order:
        if (
            getattr(param, "param_type_name", "") != "option"
            or getattr(param, "multiple", False)
            or getattr(param, "count", False)
            or not param.expose_value  # --help
        ):
            continue
        if id(param) in seen and not _same_flag_again(param, given):
            from mentorlog.errors import UsageError

            names = [o for o in (*param.opts, *param.secondary_opts) if o[:2] == "--"]
            shown = "/".join(names or param.opts)
            raise UsageError(f"{shown} is given more than once: give it once")
        seen.add(id(param))


class OneValueCommand(TyperCommand):
    """A command whose one-value options may each be given once."""

    def make_parser(self, ctx: Any) -> Any:
        return _once_each(ctx, super().make_parser(ctx))


class OneValueGroup(TyperGroup):
    """A group (`goals`, `sessions`) whose own options may each be given once."""

    def make_parser(self, ctx: Any) -> Any:
        return _once_each(ctx, super().make_parser(ctx))


class MentorlogGroup(OneValueGroup):
    """The root: its commands come from `COMMANDS`, each built when a run names
    it. How a run ends (errors, exit codes, a closed output) is `entry.run`."""

    def __init__(self, **settings: Any) -> None:
        super().__init__(**settings)
        self.commands = Commands(
            {name: functools.partial(_load, name) for name in COMMANDS}
        )

    def main(  # type: ignore[override]
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> int:
        """Every run comes here (the console script, the tests' runner, the
        tour's steps) and ends in `entry.run`; standalone, the process exits
        with its code, else the code is returned."""
        from mentorlog.entry import run

        code = run(self, args, prog_name, complete_var, **extra)
        if standalone_mode:
            sys.exit(code)
        return code

    def format_commands(self, ctx: Any, formatter: Any) -> None:
        """The root help, from `COMMANDS`: no command is imported to list it."""
        with formatter.section("Commands"):
            formatter.write_dl(command_rows(formatter.width))

    def invoke(self, ctx: Any) -> Any:
        # the words after the global options; Click keeps the first one
        # (the command's name) apart, under a name that changed over versions
        first = getattr(ctx, "_protected_args", None)
        if first is None:
            first = getattr(ctx, "protected_args", [])
        arguments = [*first, *ctx.args]
        _check_arguments(arguments)
        STATE.purpose = _command_words(self, arguments)
        STATE.journals = []
        STATE.said_relative = False
        if "mentorlog.render" in sys.modules:
            sys.modules["mentorlog.render"].forget_said()
        try:
            result = super().invoke(ctx)
        except MentorlogError as error:
            # the error is said by `entry.run`; a broken file the command met
            # on the way is named too (it may be the record the user meant),
            # unless the error names it
            _say_problems(but=error.message)
            raise
        _say_warnings()
        return result


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
    _say_problems()


def _say_problems(but: str = "") -> None:
    """Name each broken file the command skipped without naming it (it read
    the kind for a count, a check, an export): once, on stderr; `but` a
    message that names some already."""
    met = [
        p
        for journal in STATE.journals
        for p in journal.problems_met
        if not (but and p.path in but)
    ]
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
    "help": ROOT_TEXT,
    "rich_markup_mode": None,
    "pretty_exceptions_enable": False,
    "add_completion": True,
    "no_args_is_help": True,
    "context_settings": {"help_option_names": ["-h", "--help"]},
}


def _version(ctx: typer.Context, value: bool) -> None:
    if value:
        from mentorlog._help import version_text

        sys.stdout.write(version_text(ctx.params.get("journal")))
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
    no_pager: Annotated[
        bool,
        typer.Option(
            "--no-pager",
            help="Print long lists straight, not through $PAGER (also: PAGER=cat).",
        ),
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

    render.configure(no_color=no_color, no_pager=no_pager)


app = typer.Typer(**ROOT_SETTINGS)
app.callback()(main_options)
