"""Parameters with a fixed list of words (`--kind`, `--format`, `--channel`).

The words live once, in a `Literal` (the models' for record fields, the core's
for output formats); `choice` turns one into the Click type of an option, so
`--help` lists them and the value arrives as that `Literal`.

A word not in the list is an invalid value, not a usage error (SPEC §2): the
core's own parser reads the text (it also knows aliases, like `zoom` for
`video`, and any case), and its message, "unknown kind "podcast"; use one of
...", exits 1 like every other value mentorlog cannot read.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, get_args

from typer._types import TyperChoice  # what Typer builds for an Enum option

from mentorlog import models


class _Choice(TyperChoice[str]):
    """The words of a `Literal`, read by the core's parser."""

    def __init__(self, words: tuple[str, ...], parse: Callable[[str], str]) -> None:
        super().__init__(words, case_sensitive=False)
        self._parse = parse

    def convert(self, value: Any, param: Any, ctx: Any) -> Any:
        if value is None or value in self.choices:
            return value
        return self._parse(str(value))  # raises UserError (exit 1) if unknown


def choice(words: Any, parse: Callable[[str], str]) -> _Choice:
    """The Click type of an option taking one of the `Literal` `words`."""
    return _Choice(tuple(get_args(words)), parse)


def _unknown_format(words: tuple[str, ...], last: str) -> Callable[[str], str]:
    def parse(text: str) -> str:
        cleaned = text.strip().lower()
        if cleaned in words:
            return cleaned
        from mentorlog.errors import UserError

        raise UserError(f'unknown format "{text.strip()}"; use {last}')

    return parse


def _parse_resource_kind(text: str) -> str:
    from mentorlog.core.tracking import parse_resource_kind

    return parse_resource_kind(text)


def _parse_log_kind(text: str) -> str:
    from mentorlog.core.tracking import parse_log_kind

    return parse_log_kind(text)


def _parse_channel(text: str) -> str:
    from mentorlog.core.mentors import parse_channel

    return parse_channel(text)


# The parsers load the core only when a value is not one of the words as typed.
RESOURCE_KIND = choice(models.ResourceKind, _parse_resource_kind)
LOG_KIND = choice(models.LogKind, _parse_log_kind)
CHANNEL = choice(models.Channel, _parse_channel)
REPORT_FORMAT = choice(
    models.ReportFormat,
    _unknown_format(get_args(models.ReportFormat), "md or json"),
)
EXPORT_FORMAT = choice(
    models.ExportFormat,
    _unknown_format(
        get_args(models.ExportFormat), ", ".join(get_args(models.ExportFormat))
    ),
)
