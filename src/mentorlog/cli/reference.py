"""The CLI reference in `docs/cli.md` and the man page `docs/mentorlog.1`,
both generated from the app itself:

    python -m mentorlog.cli.reference > docs/cli.md
    python -m mentorlog.cli.reference --man > docs/mentorlog.1

A test fails when a file and the app drift apart.
"""

from __future__ import annotations

from typing import Any

import typer

WIDTH = "88"


def command_paths() -> list[list[str]]:
    """Every command, as the words that invoke it (`["goals", "add"]`)."""
    from . import app

    paths: list[list[str]] = []

    def walk(command: Any, prefix: list[str]) -> None:
        subcommands = getattr(command, "commands", None) or {}
        for name, sub in subcommands.items():
            paths.append([*prefix, name])
            walk(sub, [*prefix, name])

    walk(typer.main.get_command(app), [])
    return paths


def help_text(path: list[str]) -> str:
    from typer.testing import CliRunner

    from . import app

    result = CliRunner().invoke(
        app, [*path, "--help"], prog_name="mentorlog", env={"COLUMNS": WIDTH}
    )
    return result.stdout.rstrip() + "\n"


def cli_reference() -> str:
    parts = [
        "# CLI reference\n",
        "Generated from the app by `python -m mentorlog.cli.reference > docs/cli.md`;",
        "a test fails when this file and the app disagree. Every command also takes",
        "the global options shown first.\n",
        "## mentorlog\n",
        "```text",
        help_text([]).rstrip(),
        "```\n",
    ]
    for path in command_paths():
        parts += [
            f"## mentorlog {' '.join(path)}\n",
            "```text",
            help_text(path).rstrip(),
            "```\n",
        ]
    return "\n".join(parts)


def man_page() -> str:
    """The app as a roff man page (section 1): the root's description and
    global options, then each command with its usage line (as `--help` prints
    it), its help and its options; from the same Click commands as `--help`."""
    from mentorlog import __version__

    from . import app

    root = typer.main.get_command(app)
    root_ctx = typer.Context(root, info_name="mentorlog", **root.context_settings)
    out = [
        '.TH MENTORLOG 1 "" "mentorlog ' + __version__ + '" "User Commands"',
        ".SH NAME",
        "mentorlog \\- " + _roff_text(_paragraphs(root.help or "")[0][1]),
        ".SH SYNOPSIS",
        ".B mentorlog",
        "[\\fIOPTIONS\\fR] \\fICOMMAND\\fR [\\fIARGS\\fR]...",
        ".SH DESCRIPTION",
        _roff_help(root.help or ""),
        ".SH OPTIONS",
        *_roff_options(root, root_ctx),
        ".SH COMMANDS",
    ]
    for path in command_paths():
        command, ctx = root, root_ctx
        for name in path:
            command = command.get_command(ctx, name)  # type: ignore[attr-defined]
            ctx = typer.Context(
                command, info_name=name, parent=ctx, **command.context_settings
            )
        usage = help_text(path).splitlines()[0].removeprefix("Usage: ")
        out += [
            '.SS "mentorlog ' + _roff_text(" ".join(path)) + '"',
            ".B " + _roff_text(usage),
            ".PP",
            _roff_help(command.help or ""),
            *_roff_options(command, ctx),
        ]
    out += [
        ".SH ENVIRONMENT",
        ".TP",
        ".B MENTORLOG_HOME",
        "The journal folder when \\fB\\-\\-journal\\fR is not given.",
        ".TP",
        ".B NO_COLOR",
        "Set to anything: no colours.",
        ".TP",
        ".BR VISUAL ",
        " EDITOR",
        "The editor \\fBedit\\fR opens.",
        ".SH EXIT STATUS",
        "0 success; 1 a user error (a record not found, a file that exists);",
        "2 a usage error (an unknown command or option, a missing argument);",
        "3 invalid journal data.",
        ".SH SEE ALSO",
        "The CLI reference (docs/cli.md), the user guide (docs/guide.md) and",
        "the file format (docs/file-format.md), in the sources or on the docs",
        "site.",
    ]
    return "\n".join(line for line in out if line) + "\n"


def _paragraphs(help_text_: str) -> list[tuple[bool, str]]:
    """A help text as Click reads it: paragraphs split by blank lines, each
    either rewrapped or kept as written (after a \\b line)."""
    import inspect

    found: list[tuple[bool, str]] = []
    for block in inspect.cleandoc(help_text_).split("\n\n"):
        if block.startswith("\b\n"):
            found.append((True, block[2:]))
        elif block.strip():
            found.append((False, " ".join(block.split())))
    return found


def _roff_help(help_text_: str) -> str:
    lines: list[str] = []
    for index, (verbatim, text) in enumerate(_paragraphs(help_text_)):
        if index:
            lines.append(".PP")
        if verbatim:
            lines += [".nf", *(_roff_text(line) for line in text.splitlines()), ".fi"]
        else:
            lines.append(_roff_text(text))
    return "\n".join(lines)


def _roff_options(command: Any, ctx: typer.Context) -> list[str]:
    lines: list[str] = []
    for param in command.get_params(ctx):
        record = param.get_help_record(ctx)
        if record is None or getattr(param, "hidden", False):
            continue
        names, help_ = record
        lines += [".TP", "\\fB" + _roff_text(names) + "\\fR", _roff_text(help_)]
    return lines


def _roff_text(text: str) -> str:
    """Text safe in roff: backslashes and hyphens escaped, and no line that
    starts with a control character (`.` or `'`)."""
    escaped = text.replace("\\", "\\e").replace("-", "\\-")
    return "\n".join(
        "\\&" + line if line.startswith((".", "'")) else line
        for line in escaped.splitlines()
    )


FULL_APP = "from mentorlog.cli import app; app(prog_name='mentorlog')"


if __name__ == "__main__":
    import sys

    sys.stdout.write(man_page() if sys.argv[1:] == ["--man"] else cli_reference())
