"""`export --output PATH [--force]` (SPEC §2): never over an existing file
unasked, never inside the journal, even with --force, however the path is
spelled: real symlinks as the last name (dangling too) and on the way."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.conftest import Run


@pytest.fixture
def goal_file(run: Run, home: Path) -> Path:
    assert run("init").exit_code == 0
    assert run("goals", "add", "Learn Rust", "--by", "eoy").exit_code == 0
    (found,) = (home / "goals").glob("*.toml")
    return found


def snapshot(root: Path) -> dict[str, bytes]:
    """The journal's records and settings (not the read cache a read may fill)."""
    return {
        str(p.relative_to(root)): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and ".cache" not in p.relative_to(root).parts
    }


def test_force_never_writes_inside_the_journal(
    run: Run, home: Path, goal_file: Path, tmp_path: Path
) -> None:
    before = snapshot(home)
    spelled = {
        "a symlink to a record": goal_file,
        "a dangling symlink into the journal": home / "new.json",
        "a symlink to the journal folder": home,
    }
    for name, target in spelled.items():
        link = tmp_path / name.replace(" ", "-")
        link.symlink_to(target)
        for fmt in ("json", "md", "ics"):
            done = run("export", "-f", fmt, "-o", str(link), "--force")
            assert done.exit_code == 1, name
            assert done.stderr.count("\n") == 1, done.stderr
            assert "is inside the journal" in done.stderr, name
        assert link.is_symlink() and os.readlink(link) == str(target)
    through = tmp_path / "through"
    through.symlink_to(home / "goals")
    done = run("export", "-f", "md", "-o", str(through / goal_file.name), "--force")
    assert done.exit_code == 1 and "is inside the journal" in done.stderr
    assert snapshot(home) == before


def test_an_existing_file_is_kept_unless_force(
    run: Run, goal_file: Path, tmp_path: Path
) -> None:
    target = tmp_path / "backup.md"
    target.write_text("mine\n")
    refused = run("export", "-f", "md", "-o", str(target))
    assert refused.exit_code == 1
    assert (
        refused.stderr == f"error: {target} already exists; add --force to replace it\n"
    )
    assert target.read_text() == "mine\n"
    outside = tmp_path / "elsewhere.md"
    outside.write_text("also mine\n")
    link = tmp_path / "link.md"
    link.symlink_to(outside)
    assert run("export", "-f", "md", "-o", str(link)).exit_code == 1
    assert outside.read_text() == "also mine\n"
    assert run("export", "-f", "md", "-o", str(target), "--force").exit_code == 0
    assert target.read_text().startswith("# Mentorship journal")
    assert target.stat().st_mode & 0o777 == 0o600
