"""The JSON of every `--json` command, frozen on one seeded journal: keys may be
added, none renamed or reshaped (SPEC §2). A change shows here as a diff to
read; refreeze with `MENTORLOG_REFREEZE=1 pytest tests/cli/test_golden_json.py`
only after reading it."""

import os
from pathlib import Path

import pytest

from mentorlog.store import ids
from tests.cli.test_golden import GOLDEN, journal_of_two_months  # noqa: F401
from tests.conftest import Run

TODAY = "2026-11-24"
# More of the journal, so every key has a value to show: a moved meeting to
# come, an action done, feedback applied, a goal achieved.
MORE: list[tuple[str, list[str]]] = [
    ("2026-11-21", ["actions", "done", "read"]),
    ("2026-11-21", ["feedback", "applied", "explain", "--how", "Result first"]),
    ("2026-11-22", ["goals", "done", "give"]),
    ("2026-11-23", ["prep", "ada", "--on", "2026-11-30"]),
    ("2026-11-23", ["sessions", "move", "2026-11-30", "--to", "2026-12-02 10:30"]),
]
COMMANDS: list[tuple[str, ...]] = [
    ("network", "--json"),
    ("search", "ada", "--json"),
    ("search", "talk", "--json"),
    ("checklist", "--json"),
    ("checklist", "ada", "--json"),
    ("status", "--json"),
    ("calendar", "--json"),
    ("calendar", "--month", "2026-11", "--json"),
    ("goals", "--json"),
    ("goals", "list", "--json"),
    ("goals", "show", "build", "--json"),
    ("goals", "show", "give", "--json"),
    ("goals", "check", "--json"),
    ("goals", "check", "build", "--json"),
    ("mentors", "--json"),
    ("mentors", "list", "--all", "--json"),
    ("mentors", "show", "ada", "--json"),
    ("mentors", "show", "grace", "--json"),
    ("sessions", "--json"),
    ("sessions", "list", "--json"),
    ("sessions", "show", "2026-11-01", "--json"),
    ("followups", "--json"),
    ("actions", "--json"),
    ("actions", "list", "--all", "--json"),
    ("feedback", "--json"),
    ("resources", "--json"),
    ("log", "--json"),
    ("log", "--kind", "win", "--json"),
    ("report", "--format", "json"),
    ("report", "--format", "json", "--mentor", "ada"),
    ("export", "--format", "json"),
    ("doctor", "--json"),
]


@pytest.fixture(autouse=True)
def ids_from_the_seeded_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    """Full ids are printed here: their time half must come from the seeded
    clock alone, not from the last id an earlier test made in this process."""
    monkeypatch.setattr(ids, "_last_ms", [0])


def test_every_json_output_is_unchanged(
    run: Run,
    home: Path,
    journal_of_two_months: None,  # noqa: F811
) -> None:
    for today, more in MORE:
        done = run(*more, env={"MENTORLOG_TODAY": today})
        assert done.exit_code == 0, (more, done.stderr)
    # a file that does not read, for `doctor`'s problems (the last command)
    (home / "goals" / "broken.toml").write_text("title = \n")
    parts = []
    for args in COMMANDS:
        result = run(*args, env={"MENTORLOG_TODAY": TODAY})
        assert result.exit_code == (3 if args[0] == "doctor" else 0), args
        parts.append(f"$ mentorlog {' '.join(args)}\n{result.stdout}")
    output = "\n".join(parts).replace(str(home), "<journal>")
    path = GOLDEN / "json.txt"
    if os.environ.get("MENTORLOG_REFREEZE"):
        path.write_text(output)
    assert output == path.read_text()
