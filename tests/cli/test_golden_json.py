"""The JSON of every `--json` command, frozen on one seeded journal: keys may be
added, none renamed or reshaped (SPEC §2). A change shows here as a diff to
read; refreeze with `MENTORLOG_REFREEZE=1 pytest tests/cli/test_golden_json.py`
only after reading it."""

import os
from pathlib import Path

from tests.cli.test_golden import GOLDEN, journal_of_two_months  # noqa: F401
from tests.conftest import Run

TODAY = "2026-11-24"
COMMANDS: list[tuple[str, ...]] = [
    ("network", "--json"),
    ("search", "ada", "--json"),
    ("search", "talk", "--json"),
    ("checklist", "--json"),
    ("checklist", "ada", "--json"),
    ("status", "--json"),
    ("calendar", "--json"),
    ("calendar", "--month", "2026-11", "--json"),
    ("doctor", "--json"),
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
]


def test_every_json_output_is_unchanged(
    run: Run,
    home: Path,
    journal_of_two_months: None,  # noqa: F811
) -> None:
    parts = []
    for args in COMMANDS:
        result = run(*args, env={"MENTORLOG_TODAY": TODAY})
        assert result.exit_code == 0, (args, result.stderr)
        parts.append(f"$ mentorlog {' '.join(args)}\n{result.stdout}")
    output = "\n".join(parts).replace(str(home), "<journal>")
    path = GOLDEN / "json.txt"
    if os.environ.get("MENTORLOG_REFREEZE"):
        path.write_text(output)
    assert output == path.read_text()
