"""The docs are part of the feature: every command is documented, with an example."""

from pathlib import Path

import pytest

from mentorlog.cli.reference import (
    _roff_text,
    cli_reference,
    command_paths,
    help_text,
    man_page,
)

ROOT = Path(__file__).resolve().parents[1]


def test_cli_reference_matches_the_app() -> None:
    current = (ROOT / "docs" / "cli.md").read_text()
    assert current == cli_reference(), (
        "docs/cli.md is out of date: python -m mentorlog.cli.reference > docs/cli.md"
    )


def test_the_man_page_matches_the_app() -> None:
    current = (ROOT / "docs" / "mentorlog.1").read_text()
    assert current == man_page(), (
        "docs/mentorlog.1 is out of date: "
        "python -m mentorlog.cli.reference --man > docs/mentorlog.1"
    )


def test_the_man_page_has_every_command_and_only_roff_it_means() -> None:
    page = man_page()
    sections = [
        line.removeprefix('.SS "').removesuffix('"')
        for line in page.splitlines()
        if line.startswith(".SS ")
    ]
    assert sections == [
        "mentorlog " + " ".join(path).replace("-", "\\-") for path in command_paths()
    ]
    macros = {line.split()[0] for line in page.splitlines() if line[:1] in ".'"}
    assert macros <= {".TH", ".SH", ".SS", ".B", ".BR", ".PP", ".TP", ".nf", ".fi"}
    # a help line that starts with a dot is text, not a request
    assert _roff_text("x\n.not a macro") == "x\n\\&.not a macro"


def test_the_reference_lists_the_commands_of_this_release() -> None:
    words = {" ".join(path) for path in command_paths()}
    expected = {
        "init",
        "where",
        "doctor",
        "edit",
        "tour",
        "goals",
        "goals list",
        "goals add",
        "goals show",
        "goals edit",
        "goals done",
        "goals drop",
        "goals milestone",
        "goals tick",
        "goals check",
        "mentors edit",
        "mentors remove",
        "mentors review",
    }
    assert expected <= words


@pytest.mark.parametrize("path", command_paths(), ids=lambda p: " ".join(p))
def test_every_command_has_help_with_an_example(path: list[str]) -> None:
    text = help_text(path)
    assert "Usage: mentorlog" in text
    assert "Example" in text
    assert "mentorlog " + path[0] in text.split("Example", 1)[1]


def test_readme_opens_with_pipx_then_the_two_commands() -> None:
    readme = (ROOT / "README.md").read_text()
    blocks = readme.split("```")
    users = [line for line in blocks[1].splitlines()[1:] if line.strip()]
    assert users == ["pipx install mentorlog", "mentorlog tour"]
    commands = [line for line in blocks[3].splitlines()[1:] if line.strip()]
    assert len(commands) == 2
    assert commands[0].endswith("mentorlog tour")
    assert "pytest" in commands[1]
    ci = (ROOT / ".ci" / "run").read_text()
    assert commands[1].strip() in ci


def test_readme_links_work_on_a_package_index() -> None:
    """A package index shows the README alone: every link is absolute, and
    each one into the project names a file that exists here."""
    import tomllib

    from markdown_it import MarkdownIt

    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    home = project["urls"]["Source"] + "/blob/main/"
    tokens = MarkdownIt("commonmark").parse((ROOT / "README.md").read_text())
    links = [
        child.attrs["href"]
        for token in tokens
        if token.children
        for child in token.children
        if child.type == "link_open"
    ]
    assert len(links) >= 7
    for link in links:
        assert str(link).startswith("https://"), link
        if str(link).startswith(home):
            assert (ROOT / str(link).removeprefix(home)).is_file(), link


def test_the_console_script_runs_one_part_like_the_whole_app(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    from mentorlog.cli.reference import FULL_APP

    env = {
        **os.environ,
        "MENTORLOG_HOME": str(tmp_path / "j"),
        "COLUMNS": "80",
        "MENTORLOG_TODAY": "2026-11-22",
        "NO_COLOR": "1",
    }
    fast_app = "from mentorlog.entry import main; main()"
    for args in (
        ["--help"],
        ["goals", "--help"],
        ["-j", str(tmp_path / "k"), "where"],
        ["goals"],
        ["mentors", "--json"],
        ["nonsense"],
        [],
        ["--version"],
        ["status"],
        ["actions", "done", "nothing"],
    ):
        fast, full = (
            subprocess.run(
                [sys.executable, "-c", code, *args],
                env=env,
                capture_output=True,
                text=True,
                timeout=60,
            )
            for code in (fast_app, FULL_APP)
        )
        assert (fast.returncode, fast.stdout, fast.stderr) == (
            full.returncode,
            full.stdout,
            full.stderr,
        ), args
