"""An option that takes one value, given twice, is a usage error naming it
(`recap ada --due fri --due mon` kept `mon` silently), on every command, the
groups' own options and the global ones included; options declared repeatable
stay repeatable."""

from __future__ import annotations

from typing import Any

import pytest
import typer

from mentorlog.cli import app
from mentorlog.cli.reference import command_paths
from mentorlog.store.journal import Journal
from mentorlog.store.kinds import SESSIONS
from tests.cli.test_say_it_once import fail, ok
from tests.conftest import Run


def _command(path: list[str]) -> Any:
    command: Any = typer.main.get_command(app)
    for word in path:
        command = command.commands[word]
    return command


def _single_options(command: Any) -> list[Any]:
    return [
        param
        for param in command.params
        if param.param_type_name == "option"
        and not param.multiple
        and not param.count
        and param.expose_value
    ]


PATHS = [[], *command_paths()]


@pytest.mark.parametrize("path", PATHS, ids=lambda p: " ".join(p) or "mentorlog")
def test_every_one_value_option_given_twice_is_refused(
    run: Run, path: list[str]
) -> None:
    for option in _single_options(_command(path)):
        name = option.opts[-1]
        if option.is_flag and not option.secondary_opts:
            continue  # said twice the same way it says one thing: below
        if option.is_flag:  # --private --no-private
            typed = [name, option.secondary_opts[-1]]
        else:
            typed = [name, "2026-12-01", name, "2026-12-02"]
        said = fail(run, *path, *typed, code=2)
        assert said.count("\n") == 1, said
        assert "given more than once" in said
        assert [o for o in option.opts if o in said], said


@pytest.mark.parametrize("path", PATHS, ids=lambda p: " ".join(p) or "mentorlog")
def test_a_flag_given_twice_the_same_way_is_no_repeat(
    run: Run, path: list[str]
) -> None:
    """An alias that already says `--no-color`, typed again: one meaning, no error
    about repeating (the command may still want its arguments)."""
    for option in _single_options(_command(path)):
        if option.is_flag:
            name = option.opts[-1]
            said = run(*path, name, name)
            assert "given more than once" not in said.stderr, (path, name)


@pytest.mark.parametrize("path", PATHS, ids=lambda p: " ".join(p) or "mentorlog")
def test_a_flag_in_its_other_spellings_is_no_repeat(run: Run, path: list[str]) -> None:
    """`-a --all` or `-aa` (an alias's short flag, typed again long): one side of
    the flag, one meaning, no error about repeating."""
    for option in _single_options(_command(path)):
        shorts = [o for o in option.opts if o[:2] != "--"]
        if option.is_flag and shorts and len(option.opts) > 1:
            for typed in ([shorts[0], option.opts[-1]], [shorts[0] + shorts[0][1:]]):
                said = run(*path, *typed)
                assert "given more than once" not in said.stderr, (path, typed)


def test_the_examples_and_a_flag_said_both_ways(run: Run, journal: Journal) -> None:
    ok(run, "mentors", "add", "Ada Lovelace")
    assert "--due" in fail(
        run, "recap", "ada", "--due", "friday", "--due", "monday", code=2
    )
    assert "--on" in fail(run, "prep", "ada", "--on", "fri", "--on", "mon", code=2)
    said = fail(run, "goals", "add", "X", "--private", "--no-private", code=2)
    assert "--private/--no-private" in said
    said = fail(run, "--journal", "a", "-j", "b", "status", code=2)
    assert "--journal" in said
    assert not journal.load(SESSIONS).records  # nothing planned


def test_repeatable_options_stay_repeatable(run: Run) -> None:
    ok(run, "mentors", "add", "Ada Lovelace")
    ok(run, "prep", "ada", "--on", "fri", "--question", "One?", "--question", "Two?")
    said = ok(
        run,
        "recap",
        "ada",
        "--takeaway",
        "a",
        "--takeaway",
        "b",
        "--action",
        "x",
        "--action",
        "y",
    )
    assert said.count("takeaway:") == 2
    assert said.count("new action:") == 2


def test_text_after_double_dash_is_no_option(run: Run) -> None:
    """`--` ends the options: a text that reads like a flag is text."""
    said = run(
        "log", "add", "--kind", "win", "--private", "--private", "--", "--no-private"
    )
    assert said.exit_code == 0, said.stderr
