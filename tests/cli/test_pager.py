"""Long lists on a real terminal (a pty) go through the pager; piped, they are
printed whole."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pexpect

from tests.conftest import Run


def _long_log(run: Run, count: int = 60) -> None:
    for n in range(count):
        assert run("log", "add", f"Entry {n}", "--kind", "win").exit_code == 0


def _on_a_pty(*args: str, env: dict[str, str]) -> str:
    child = pexpect.spawn(
        sys.executable,
        ["-m", "mentorlog", *args],
        env={**os.environ, **env},
        encoding="utf-8",
        timeout=60,
        dimensions=(24, 80),
    )
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0, child.before
    return str(child.before)


def _pager_script(tmp_path: Path) -> tuple[str, Path]:
    paged = tmp_path / "paged.txt"
    script = tmp_path / "pager"
    script.write_text(f"#!/bin/sh\ncat > '{paged}'\n")
    script.chmod(0o755)
    return str(script), paged


def test_a_long_list_on_a_terminal_goes_through_the_pager(
    run: Run, tmp_path: Path
) -> None:
    _long_log(run)
    pager, paged = _pager_script(tmp_path)

    shown = _on_a_pty("log", env={"PAGER": pager})

    text = paged.read_text()
    assert text.count("Entry ") == 60
    assert "not shown" not in text
    assert "Entry " not in shown  # all of it went to the pager


def test_mentorlog_pager_wins_over_pager(run: Run, tmp_path: Path) -> None:
    _long_log(run)
    pager, paged = _pager_script(tmp_path)
    _on_a_pty("log", env={"PAGER": "false", "MENTORLOG_PAGER": pager})
    assert paged.read_text().count("Entry ") == 60


def test_pager_cat_and_no_pager_print_everything_straight(
    run: Run, tmp_path: Path
) -> None:
    _long_log(run)
    pager, paged = _pager_script(tmp_path)

    with_cat = _on_a_pty("log", env={"PAGER": "cat"})
    without = _on_a_pty("--no-pager", "log", env={"PAGER": pager})

    assert with_cat.count("Entry ") == 60
    assert without.count("Entry ") == 60
    assert not paged.exists()


def test_a_short_list_is_not_paged(run: Run, tmp_path: Path) -> None:
    _long_log(run, 5)
    pager, paged = _pager_script(tmp_path)
    shown = _on_a_pty("log", env={"PAGER": pager})
    assert shown.count("Entry ") == 5
    assert not paged.exists()


def test_piped_the_whole_list_is_printed_and_no_pager_runs(
    run: Run, tmp_path: Path
) -> None:
    _long_log(run)
    pager, paged = _pager_script(tmp_path)
    done = subprocess.run(
        [sys.executable, "-m", "mentorlog", "log"],
        env={**os.environ, "PAGER": pager},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0
    assert done.stdout.count("Entry ") == 60
    assert not paged.exists()


def test_piped_rows_are_tab_separated_and_never_wrapped(run: Run) -> None:
    long_text = "Email the venue about " + "the workshop on distributed systems " * 4
    assert run("mentors", "add", "Ada Lovelace").exit_code == 0
    assert run("prep", "ada", "--on", "2026-11-26 15:30").exit_code == 0
    added = run("actions", "add", long_text.strip(), "--due", "2026-11-20", "-m", "ada")
    assert added.exit_code == 0
    assert run("log", "add", "Tab\there", "--kind", "win").exit_code == 0

    def piped(*args: str) -> list[list[str]]:
        done = subprocess.run(
            [sys.executable, "-m", "mentorlog", *args],
            env={**os.environ, "COLUMNS": "40"},
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert done.returncode == 0, done.stderr
        return [line.split("\t") for line in done.stdout.splitlines()]

    (action,) = piped("actions")
    assert action[1:] == ["open", "2026-11-20", long_text.strip(), "Ada Lovelace", ""]
    (session,) = piped("sessions")
    assert session[1:] == ["2026-11-26", "15:30", "Ada Lovelace", "planned"]
    (entry,) = piped("log")
    assert entry[1:] == ["2026-11-22", "win", "", "Tab here"]
