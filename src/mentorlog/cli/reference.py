"""The CLI reference in `docs/cli.md`, generated from the app itself.

    python -m mentorlog.cli.reference > docs/cli.md

A test fails when the file and the app drift apart.
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


FULL_APP = "from mentorlog.cli import app; app(prog_name='mentorlog')"


if __name__ == "__main__":
    import sys

    sys.stdout.write(cli_reference())
