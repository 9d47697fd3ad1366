"""Repairs are scoped and asked for (issue 17 part 1): `doctor` reports and
changes nothing; `doctor --fix` repairs modes, stale temp files and partial
backups, only inside a journal and only of the journal's own files. Real
folders, real scripts, a real git journal with a real hook."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from tests.conftest import Run
from tests.gitjournal import Device, make_remote


def mode(path: Path) -> int:
    return stat.S_IMODE(path.lstat().st_mode)


def snapshot(folder: Path) -> dict[str, tuple[int, bytes | None]]:
    """Every path under `folder` with its mode and, for files, its bytes."""
    return {
        str(path.relative_to(folder)): (
            mode(path),
            path.read_bytes() if path.is_file() else None,
        )
        for path in [folder, *folder.rglob("*")]
    }


def a_project(tmp_path: Path) -> Path:
    """A folder that is not a journal: a script, a readable note, a subfolder."""
    project = tmp_path / "project"
    (project / "bin").mkdir(parents=True)
    script = project / "bin" / "run.sh"
    script.write_text("#!/bin/sh\necho hi\n")
    script.chmod(0o755)
    (project / "notes.txt").write_text("shared notes\n")
    (project / "notes.txt").chmod(0o644)
    project.chmod(0o755)
    return project


@pytest.mark.no_journal
@pytest.mark.parametrize(
    "args", [("doctor",), ("doctor", "--fix"), ("sync",), ("goals", "add", "x")]
)
def test_no_command_acts_on_a_folder_that_is_not_a_journal(
    run: Run, tmp_path: Path, args: tuple[str, ...]
) -> None:
    project = a_project(tmp_path)
    before = snapshot(project)
    done = run("--journal", str(project), *args)
    assert done.exit_code == 1
    assert f"no journal at {project}: run mentorlog init" in done.stderr
    assert snapshot(project) == before  # not a mode, not a file changed


@pytest.mark.no_journal
def test_init_git_in_a_project_folder_hardens_only_the_journals_files(
    run: Run, tmp_path: Path
) -> None:
    project = a_project(tmp_path)
    done = run("--journal", str(project), "init", "--git")
    assert done.exit_code == 0, done.stderr
    assert mode(project / "bin" / "run.sh") == 0o755
    assert mode(project / "bin") == 0o755
    assert mode(project / "notes.txt") == 0o644
    assert mode(project / "mentorlog.toml") == 0o600
    assert mode(project / "goals") == 0o700
    assert mode(project) == 0o700  # the journal folder itself is private


def test_doctor_reports_and_doctor_fix_repairs_only_the_journals_own_files(
    run: Run, home: Path
) -> None:
    assert run("goals", "add", "Ship the app", "--by", "eom").exit_code == 0
    [goal] = (home / "goals").glob("*.toml")
    goal.chmod(0o644)  # another tool wrote it
    (home / "templates").chmod(0o755)
    script = home / "bin" / "run.sh"  # the user's own, beside the journal's
    script.parent.mkdir()
    script.write_text("#!/bin/sh\n")
    script.chmod(0o755)
    script.parent.chmod(0o755)
    stray = home / "goals" / "README"  # not a record file
    stray.write_text("my notes on goals\n")
    stray.chmod(0o644)
    temp = home / "goals" / ".ship-the-app.toml.0a1b2c3d.tmp"
    temp.write_text("half a write")
    temp.chmod(0o600)

    report = run("doctor")
    assert report.exit_code == 0
    assert (
        "2 files and folders with modes another tool loosened: "
        "run `mentorlog doctor --fix`" in report.stderr
    )
    assert "1 temp file left by an interrupted write: run `mentorlog doctor --fix`" in (
        report.stderr
    )
    assert mode(goal) == 0o644 and mode(home / "templates") == 0o755
    assert temp.exists()  # doctor changes nothing

    fixed = run("doctor", "--fix")
    assert fixed.exit_code == 0
    assert "2 files and folders with modes another tool loosened (made private" in (
        fixed.stderr
    )
    assert "1 temp file left by an interrupted write (removed)" in fixed.stderr
    assert mode(goal) == 0o600 and mode(home / "templates") == 0o700
    assert not temp.exists()
    # what is not the journal's keeps its modes
    assert mode(script) == 0o755 and mode(script.parent) == 0o755
    assert mode(stray) == 0o644
    again = run("doctor")
    assert "doctor --fix" not in again.stderr


def test_doctor_fix_removes_partial_backups_and_keeps_whole_ones(
    run: Run, home: Path
) -> None:
    assert run("init").exit_code == 0
    backups = home / ".backups"
    atomic = backups / "schema-1-20261122-101010.partial"  # never renamed
    (atomic / "goals").mkdir(parents=True)
    (atomic / "goals" / "a.toml").write_text('title = "a"\n')
    older = backups / "schema-1-20261121-090909"  # killed before mentorlog.toml
    (older / "actions").mkdir(parents=True)
    whole = backups / "schema-1-20261120-080808"
    whole.mkdir()
    (whole / "mentorlog.toml").write_text("schema_version = 1\n")

    report = run("doctor")
    assert (
        "2 partial backups in .backups/ left by an interrupted migration: "
        "run `mentorlog doctor --fix`" in report.stderr
    )
    assert atomic.exists() and older.exists()

    fixed = run("doctor", "--fix")
    assert fixed.exit_code == 0
    assert "2 partial backups in .backups/ left by an interrupted migration " in (
        fixed.stderr
    )
    assert sorted(p.name for p in backups.iterdir()) == [whole.name]
    assert (whole / "mentorlog.toml").read_text() == "schema_version = 1\n"


def test_doctor_fix_in_a_git_journal_keeps_the_hook_and_gits_modes(
    tmp_path: Path,
) -> None:
    remote = make_remote(tmp_path)
    device = Device(tmp_path, "laptop")
    device.clone(remote)
    hook = device.journal / ".git" / "hooks" / "post-commit"
    hook.write_text("#!/bin/sh\n")
    hook.chmod(0o755)
    git_dir = device.journal / ".git"
    git_modes = {
        str(p): mode(p) for p in [git_dir, *git_dir.rglob("*")] if not p.is_symlink()
    }
    [goal] = (device.journal / "goals").glob("*.toml")
    os.chmod(goal, 0o664)
    device.ok("doctor", "--fix")
    assert mode(goal) == 0o600
    assert mode(hook) == 0o755
    assert {
        str(p): mode(p) for p in [git_dir, *git_dir.rglob("*")] if not p.is_symlink()
    } == git_modes
