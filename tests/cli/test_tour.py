import io
import os
import sys
from pathlib import Path

import pexpect
import pytest

from mentorlog.store.journal import Journal
from mentorlog.store.kinds import GOALS
from tests.conftest import Run


def tour_path(stdout: str) -> Path:
    first = stdout.splitlines()[0]
    return Path(first.split(" — a sample journal in ")[1].strip())


def test_tour_walks_through_goals_without_touching_the_journal(
    run: Run, home: Path
) -> None:
    result = run("tour")
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    for expected in (
        "$ mentorlog init --name Sam",
        "$ mentorlog goals add 'Improve my programming skills'",
        '"improve" names a direction, not a result',
        "$ mentorlog goals tick build 1",
        "SMART 5/5",
        # milestones are advice of their own since issue 20, not a SMART part
        "3 with every SMART part filled; within the 3-5 target",
        "→ milestones: no milestone yet",
        "That was the tour",
    ):
        assert expected in " ".join(out.split()), expected
    assert not home.exists()
    assert not tour_path(out).exists()


def test_tour_keep_leaves_a_valid_sample_journal(run: Run, home: Path) -> None:
    result = run("tour", "--keep")
    assert result.exit_code == 0
    sample = tour_path(result.stdout)
    try:
        assert "The sample journal is kept at" in result.stdout
        loaded = Journal(sample).load(GOALS)
        assert not loaded.problems
        statuses = sorted(s.record.status for s in loaded.records)
        assert statuses == ["active", "active", "active", "dropped"]
        assert run("--journal", str(sample), "doctor").exit_code == 0
    finally:
        import shutil

        shutil.rmtree(sample.parent)
    assert not home.exists()


def test_the_tour_never_prompts_on_a_terminal(home: Path) -> None:
    seen = io.StringIO()
    child = pexpect.spawn(
        sys.executable,
        ["-m", "mentorlog", "tour"],
        env={**os.environ, "COLUMNS": "100"},
        encoding="utf-8",
        timeout=60,
    )
    child.logfile_read = seen
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0, seen.getvalue()[-2000:]
    assert "That was the tour" in seen.getvalue()
    assert "Specific —" not in seen.getvalue()


def test_the_tour_ends_by_saying_how_to_get_mentorlog_on_the_path(
    tmp_path: Path,
) -> None:
    """Run as the README runs it (`.venv/bin/mentorlog tour`, the venv not on
    PATH), the last line names pipx and the script; on PATH, it says nothing."""
    import subprocess

    script = Path(sys.executable).parent / "mentorlog"
    assert script.exists()
    env = {
        **os.environ,
        "MENTORLOG_HOME": str(tmp_path / "j"),
        "COLUMNS": "200",
        "NO_COLOR": "1",
    }
    outside = subprocess.run(
        [str(script), "tour"],
        env={**env, "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert outside.returncode == 0, outside.stderr
    assert outside.stdout.splitlines()[-1] == (
        "mentorlog is not on your PATH: `pipx install mentorlog` puts it there "
        f"(or run {script})"
    )
    inside = subprocess.run(
        [str(script), "tour"],
        env={**env, "PATH": f"{script.parent}:/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert inside.returncode == 0, inside.stderr
    assert inside.stdout.splitlines()[-1].startswith("Start your own: mentorlog init")


def test_tour_keep_suggests_a_command_that_works_in_a_folder_with_a_space(
    run: Run, home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import shlex
    import tempfile

    spaced = tmp_path / "my temp"
    spaced.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(spaced))
    result = run("tour", "--keep")
    assert result.exit_code == 0
    sample = tour_path(result.stdout)
    line = next(line for line in result.stdout.splitlines() if "Look around:" in line)
    words = shlex.split(line.split("Look around:", 1)[1])
    assert words == ["mentorlog", "--journal", str(sample), "goals"]
