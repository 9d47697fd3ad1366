"""The docs are part of the feature: every command is documented, with an example."""

from pathlib import Path

import pytest

from mentorlog.cli.reference import cli_reference, command_paths, help_text

ROOT = Path(__file__).resolve().parents[1]


def test_cli_reference_matches_the_app() -> None:
    current = (ROOT / "docs" / "cli.md").read_text()
    assert current == cli_reference(), (
        "docs/cli.md is out of date: python -m mentorlog.cli.reference > docs/cli.md"
    )


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


def test_readme_opens_with_the_two_commands() -> None:
    readme = (ROOT / "README.md").read_text()
    blocks = readme.split("```")
    commands = [line for line in blocks[1].splitlines()[1:] if line.strip()]
    assert len(commands) == 2
    assert commands[0].endswith("mentorlog tour")
    assert "pytest" in commands[1]
    ci = (ROOT / ".ci" / "run").read_text()
    assert commands[1].strip() in ci


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
