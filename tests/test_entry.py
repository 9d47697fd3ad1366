"""The console script as a user runs it, in a process of its own: it ends the
process without tearing it down (`entry._leave`), so what it prints, its exit
codes and its files must all be complete when it does."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from mentorlog.core.tracking import new_action
from mentorlog.store.journal import Journal
from mentorlog.store.kinds import ACTIONS

from .conftest import TODAY, Run


def mentorlog(*args: str, stdout: int = subprocess.PIPE) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "mentorlog", "--no-input", *args],
        stdout=stdout,
        stderr=subprocess.PIPE,
        text=True,
        env=os.environ.copy(),
        check=False,
        timeout=60,
    )


@pytest.fixture
def actions(journal: Journal) -> int:
    """A journal with more actions than fit in a pipe's buffer when listed."""
    count = 300
    with journal.transaction():
        for n in range(count):
            action = new_action(f"Action number {n} " + "x" * 100, TODAY)
            journal.save(ACTIONS, action)
    return count


def test_output_is_complete_when_the_process_ends(actions: int) -> None:
    listed = mentorlog("actions", "--json")
    assert listed.returncode == 0, listed.stderr
    assert len(json.loads(listed.stdout)) == actions
    assert listed.stderr == ""


@pytest.mark.usefixtures("initialised")
def test_exit_codes_and_messages_survive(home: Path) -> None:
    missing = mentorlog("goals", "show", "nothing-like-this")
    assert missing.returncode == 1
    assert missing.stderr.strip() == 'error: no goal matches "nothing-like-this"'
    usage = mentorlog("goals", "--no-such-option")
    assert usage.returncode == 2
    assert "No such option: --no-such-option" in usage.stderr
    assert "Traceback" not in missing.stderr + usage.stderr


def test_a_reader_that_goes_away_gets_no_traceback(actions: int) -> None:
    reader = subprocess.Popen(
        [sys.executable, "-m", "mentorlog", "actions", "--json"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert reader.stdout is not None and reader.stderr is not None
    reader.stdout.read(10)
    reader.stdout.close()  # like `| head -c 10`
    error = reader.stderr.read().decode()
    reader.stderr.close()
    assert reader.wait(timeout=60) == 0
    assert "Traceback" not in error
    assert error == ""


@pytest.mark.usefixtures("initialised")
def test_a_change_is_on_disk_when_the_process_ends(home: Path) -> None:
    added = mentorlog("goals", "add", "Ship a CLI with 3 commands by 2027-03-01")
    assert added.returncode == 0, added.stderr
    files = list((home / "goals").glob("*.toml"))
    assert len(files) == 1
    assert 'title = "Ship a CLI with 3 commands by 2027-03-01"' in files[0].read_text()
    assert not list(home.rglob(".*.tmp"))  # no temp file left behind


# -- a run imports and builds only its own command ------------------------------
def test_a_mistyped_subcommand_still_gets_a_suggestion(home: Path) -> None:
    typo = mentorlog("goals", "lst")
    assert typo.returncode == 2
    assert "No such command 'lst'. Did you mean 'list'?" in typo.stderr


def test_group_help_lists_every_subcommand(home: Path) -> None:
    shown = mentorlog("actions", "--help")
    assert shown.returncode == 0
    for name in ("list", "add", "done", "drop"):
        assert f"  {name} " in shown.stdout


def test_the_bare_group_and_one_subcommand_run(actions: int) -> None:
    bare = mentorlog("actions", "--json")
    assert bare.returncode == 0, bare.stderr
    assert len(json.loads(bare.stdout)) == actions
    listed = mentorlog("-j", os.environ["MENTORLOG_HOME"], "actions", "list", "--json")
    assert listed.returncode == 0, listed.stderr
    assert json.loads(listed.stdout) == json.loads(bare.stdout)


LOADED = """
import sys
from mentorlog.cli import app
code = app(sys.argv[1:], prog_name="mentorlog", standalone_mode=False)
parts = sorted(m for m in sys.modules if m.startswith("mentorlog.cli."))
print(code, *parts)
"""


def loaded(*args: str) -> list[str]:
    """The exit code and the modules of `mentorlog.cli` a run imported."""
    done = subprocess.run(
        [sys.executable, "-c", LOADED, *args],
        capture_output=True,
        text=True,
        env=os.environ.copy(),
        timeout=60,
        check=True,
    )
    return done.stdout.split("\n")[-2].split()


@pytest.mark.usefixtures("initialised")
def test_a_run_imports_only_the_module_of_its_command(home: Path) -> None:
    assert loaded("where") == [
        "0",
        "mentorlog.cli.context",
        "mentorlog.cli.journal_commands",
    ]
    goals = loaded("goals", "add", "Learn Rust", "--by", "eom")
    assert goals[0] == "0"
    assert "mentorlog.cli.goals" in goals
    assert not {"mentorlog.cli.mentors", "mentorlog.cli.tracking"} & set(goals)


def test_the_root_help_lists_every_command_without_importing_one(home: Path) -> None:
    assert loaded("--help") == ["0", "mentorlog.cli.context"]


def test_a_group_builds_only_the_subcommand_it_runs(home: Path) -> None:
    import typer.main

    from mentorlog.cli import app

    root = typer.main.get_command(app)
    group = root.commands["goals"]  # type: ignore[attr-defined]
    assert list(group.commands) == [
        "list",
        "add",
        "show",
        "edit",
        "done",
        "drop",
        "milestone",
        "tick",
        "check",
    ]
    assert group.commands._built == {}
    assert group.get_command(None, "add").name == "add"
    assert list(group.commands._built) == ["add"]


def test_the_table_matches_the_commands() -> None:
    """`COMMANDS` lists every command of the parts, in their modules, with
    the first paragraph of its own help."""
    import importlib

    from mentorlog._help import COMMANDS
    from mentorlog.cli import build

    for name, (module, short) in COMMANDS.items():
        part = importlib.import_module(f"mentorlog.cli.{module}").app
        command = build(part, name)
        assert command.name == name
        first = (command.help or "").split("\n\n")[0]
        assert " ".join(first.split()) == short, name
    everything: set[str | None] = set()
    for module in {module for module, _ in COMMANDS.values()}:
        part = importlib.import_module(f"mentorlog.cli.{module}").app
        everything |= {command.name for command in part.registered_commands}
        everything |= {group.name for group in part.registered_groups}
    assert everything == set(COMMANDS)


@pytest.mark.usefixtures("initialised")
@pytest.mark.parametrize("args", [["status"], ["--version"], ["goals", "add", "-h"]])
def test_a_full_output_is_one_line_not_a_traceback(home: Path, args: list[str]) -> None:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [sys.executable, "-m", "mentorlog", *args],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
            timeout=60,
            check=False,
        )
    assert done.returncode == 1
    assert done.stderr == "error: cannot write the output: No space left on device\n"


@pytest.mark.usefixtures("initialised")
def test_a_closed_output_is_one_line_not_a_traceback(home: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "mentorlog", "status"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        preexec_fn=lambda: os.close(1),  # the child starts with stdout closed
    )
    assert done.returncode == 1
    assert done.stderr == "error: cannot write the output: the output is closed\n"


def test_a_closed_pipe_is_not_an_error(run: Run, home: Path) -> None:
    for n in range(30):
        run("goals", "add", f"Goal number {n}", "--by", "eom")
    shell = f"{sys.executable} -m mentorlog goals show goal-number-1 | head -1; echo ${{PIPESTATUS[0]}}"
    done = subprocess.run(
        ["bash", "-c", shell],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "MENTORLOG_HOME": str(home)},
    )
    lines = done.stdout.splitlines()
    assert lines[-1] == "0", done.stderr
    assert "error" not in done.stderr


@pytest.mark.parametrize("columns", ["80", "60", "45", "200"])
def test_the_fast_root_help_is_the_apps_at_every_width(columns: str) -> None:
    """`mentorlog --help` is written from the command table without Typer;
    it must be what the app itself prints."""
    env = {**os.environ, "COLUMNS": columns}
    fast, full = (
        subprocess.run(
            [sys.executable, "-c", code, "--help"],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
            check=True,
        ).stdout
        for code in (
            "from mentorlog.entry import main; main()",
            "from mentorlog.cli import app; app(prog_name='mentorlog')",
        )
    )
    assert fast == full
    assert "  log " in fast


def test_an_interrupt_is_exit_130(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    import mentorlog.core.goals

    def interrupt(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(mentorlog.core.goals, "list_goals", interrupt)
    result = run("goals")
    assert result.exit_code == 130
    assert result.stderr == ""


def test_the_fast_version_is_the_apps_without_importing_typer(home: Path) -> None:
    """`mentorlog --version` is written without Typer; it must be what the
    app itself prints, for the journal it would open."""
    env = {**os.environ, "MENTORLOG_HOME": str(home / "somewhere")}
    watch = (
        "import sys, os; from mentorlog import entry; real = os._exit\n"
        "def leave(code):\n"
        "    sys.stderr.write(' '.join(sorted(m for m in sys.modules if m in "
        "('typer', 'click', 'rich', 'pydantic'))) + '|')\n"
        "    sys.stderr.flush(); real(code)\n"
        "os._exit = leave; entry.main()"
    )
    fast, full = (
        subprocess.run(
            [sys.executable, "-c", code, "--version"],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
            check=True,
        )
        for code in (watch, "from mentorlog.cli import app; app(prog_name='mentorlog')")
    )
    assert fast.stdout == full.stdout
    assert fast.stdout.endswith(f"journal: {home / 'somewhere'}\n")
    assert fast.stderr == "|"  # none of the frameworks was imported


def test_a_write_validates_without_importing_pydantic_itself(initialised: Path) -> None:
    """A write checks what it writes with pydantic's engine (`pydantic_core`)
    built from the field table, not with `pydantic`'s models: importing
    `pydantic` (and its plugin loader's `importlib.metadata`) cost a write
    about 65 ms."""
    watch = (
        "import sys, os; from mentorlog import entry; real = os._exit\n"
        "def leave(code):\n"
        "    sys.stderr.write(' '.join(sorted(m for m in sys.modules if m in "
        "('pydantic', 'pydantic_core', 'importlib.metadata'))) + '|')\n"
        "    sys.stderr.flush(); real(code)\n"
        "os._exit = leave; entry.main()"
    )
    done = subprocess.run(
        [sys.executable, "-c", watch, "--no-input", "actions", "add", "Email Chen"],
        env=os.environ.copy(),
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert done.stdout.startswith("Added action")
    assert done.stderr == "pydantic_core|"  # validated, and by the engine only
    (written,) = (initialised / "actions").glob("*.toml")
    assert 'text = "Email Chen"' in written.read_text()
