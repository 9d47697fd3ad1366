"""`followups --count` and `status --short`: for a shell prompt and cron."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import Run


def _journal_with_work(run: Run) -> None:
    assert run("mentors", "add", "Ada Lovelace", "--cadence", "weekly").exit_code == 0
    assert run("prep", "ada", "--on", "2026-11-25 15:30").exit_code == 0
    assert (
        run("actions", "add", "Email the venue", "--due", "2026-11-20").exit_code == 0
    )
    assert run("actions", "add", "Draft slides", "--due", "2026-11-19").exit_code == 0


def test_followups_count_prints_just_the_number(run: Run) -> None:
    _journal_with_work(run)
    listed = run("followups", "--json")
    import json

    expected = len(json.loads(listed.stdout))
    for args in (("followups", "--count"), ("followups", "list", "--count")):
        done = run(*args)
        assert done.exit_code == 0
        assert done.stdout == f"{expected}\n"


def test_followups_count_on_an_empty_journal_is_zero(run: Run) -> None:
    assert run("mentors", "add", "Ada Lovelace").exit_code == 0
    done = run("followups", "--count")
    assert (done.exit_code, done.stdout) == (0, "0\n")


def test_status_short_is_one_line_with_stable_wording(run: Run) -> None:
    _journal_with_work(run)
    followups = run("followups", "--count").stdout.strip()
    done = run("status", "--short")
    assert done.exit_code == 0
    assert done.stdout == (
        f"{followups} follow-up{'' if followups == '1' else 's'}, "
        "2 overdue actions, 0 meetings to recap, "
        "next meeting: Ada Lovelace on 2026-11-25 15:30\n"
    )


def test_status_short_with_nothing_planned(run: Run) -> None:
    assert run("init").exit_code == 0
    done = run("status", "--short")
    assert done.stdout == (
        "0 follow-ups, 0 overdue actions, 0 meetings to recap, "
        "next meeting: none planned\n"
    )


def test_status_short_is_ascii_safe_on_a_stream_that_cannot_take_utf8(
    run: Run, home: Path
) -> None:
    assert run("mentors", "add", "Zoë Ångström\u202e").exit_code == 0
    assert run("prep", "zoe", "--on", "2026-11-25").exit_code == 0
    done = subprocess.run(
        [sys.executable, "-m", "mentorlog", "status", "--short"],
        env={**os.environ, "PYTHONIOENCODING": "ascii"},
        capture_output=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.decode("ascii").endswith(
        "next meeting: Zoe Angstrom on 2026-11-25\n"
    )


def test_count_and_short_refuse_json(run: Run) -> None:
    assert run("init").exit_code == 0
    assert run("followups", "--count", "--json").exit_code == 2
    assert run("status", "--short", "--json").exit_code == 2
