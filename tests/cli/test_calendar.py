"""`calendar`: the month as a grid, within 60 columns, readable without colour."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import Run


def _month(run: Run) -> None:
    assert run("mentors", "add", "Ada Lovelace").exit_code == 0
    assert run("prep", "ada", "--on", "2026-11-26 15:30").exit_code == 0
    long_text = "Email the venue about " + "a very long workshop title " * 5
    assert run("actions", "add", long_text, "--due", "2026-11-27").exit_code == 0
    assert run("actions", "add", "Later", "--due", "2026-12-02").exit_code == 0
    assert run("goals", "add", "Learn Rust", "--by", "2027-01-01").exit_code == 0
    done = run("goals", "milestone", "rust", "Finish the book", "--due", "2026-11-30")
    assert done.exit_code == 0


def test_the_grid_marks_each_day_and_fits_60_columns(run: Run, home: Path) -> None:
    _month(run)
    done = subprocess.run(
        [sys.executable, "-m", "mentorlog", "calendar"],
        env={**os.environ, "COLUMNS": "60", "NO_COLOR": "1"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert max(len(line) for line in lines) <= 60
    assert "\x1b" not in done.stdout
    assert lines[0].strip() == "November 2026"
    assert lines[1].split() == ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"]
    assert " 23      24      25      26 M    27 A    28      29" in lines
    assert "16      17      18      19      20      21     >22" in done.stdout
    assert " 30 G" in lines
    assert "Thu 26  M  15:30 Ada Lovelace" in lines
    assert any(line.startswith("Fri 27  A  Email the venue") for line in lines)
    assert "Mon 30  G  Learn Rust: Finish the book" in lines
    assert "Later" not in done.stdout  # December's


def test_another_month_and_json(run: Run) -> None:
    _month(run)
    done = run("calendar", "--month", "2026-12", "--json")
    assert done.exit_code == 0
    found = json.loads(done.stdout)
    assert found["month"] == "2026-12"
    assert [(i["date"], i["kind"], i["text"]) for i in found["items"]] == [
        ("2026-12-02", "action", "Later")
    ]


def test_user_text_goes_through_the_sink(run: Run) -> None:
    assert run("mentors", "add", "Ada \x1b]0;pwned\x07Lovelace").exit_code == 0
    assert run("prep", "ada", "--on", "2026-11-26").exit_code == 0
    done = run("calendar")
    assert "\x1b" not in done.stdout
    assert "Ada Lovelace" in done.stdout


def test_a_bad_month_is_one_line_exit_1(run: Run) -> None:
    assert run("init").exit_code == 0
    for bad in ("2026-13", "december", "26-12", "2026-00"):
        done = run("calendar", "--month", bad)
        assert done.exit_code == 1
        assert "is not a month; write it YYYY-MM" in done.stderr
