"""Options with a fixed list of words take them from the models' `Literal`s:
`--help` shows the words, any case and the known aliases are read, and a word
not in the list exits 1 (an invalid value, SPEC §2) with the core's message."""

import json
from typing import get_args

import pytest

from mentorlog import models
from tests.conftest import Run

OPTIONS = [
    (("resources", "add"), "--kind", models.ResourceKind),
    (("log", "add"), "--kind", models.LogKind),
    (("log", "list"), "--kind", models.LogKind),
    (("mentors", "add"), "--channel", models.Channel),
    (("mentors", "agree"), "--channel", models.Channel),
    (("report",), "--format", ("md", "json")),
    (("export",), "--format", ("json", "md", "ics")),
]


@pytest.mark.parametrize(("command", "option", "words"), OPTIONS)
def test_help_shows_the_words_of_the_literal(
    run: Run, command: tuple[str, ...], option: str, words: object
) -> None:
    result = run(*command, "--help", env={"COLUMNS": "200"})
    assert result.exit_code == 0
    options = result.stdout.split("Options:")[1]
    assert (
        f"{option} <"
        + "|".join(words if isinstance(words, tuple) else get_args(words))
        + ">"
        in options
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("log", "list", "--kind", "brag"), 'unknown kind "brag"'),
        (("mentors", "add", "Bob", "--channel", "owl"), 'unknown channel "owl"'),
        (("export", "--format", "PDF"), 'unknown format "PDF"; use json, md, ics'),
    ],
)
def test_a_word_not_in_the_list_is_an_invalid_value(
    run: Run, args: tuple[str, ...], message: str
) -> None:
    result = run(*args)
    assert result.exit_code == 1
    assert result.stderr.startswith("error: ") and message in result.stderr
    assert "Traceback" not in result.stderr


def test_any_case_and_the_aliases_are_read(run: Run) -> None:
    assert run("log", "add", "Shipped it", "--kind", "WIN").exit_code == 0
    assert run("mentors", "add", "Ada", "--channel", "Zoom").exit_code == 0
    assert run("resources", "add", "SICP", "--kind", "Book").exit_code == 0
    wins = json.loads(run("log", "--kind", "Win", "--json").stdout)
    assert [w["kind"] for w in wins] == ["win"]
    mentor = json.loads(run("mentors", "show", "ada", "--json").stdout)
    assert mentor["channel"] == "video"
    books = json.loads(run("resources", "--json").stdout)
    assert [b["kind"] for b in books] == ["book"]
    assert run("export", "--format", "JSON").exit_code == 0
