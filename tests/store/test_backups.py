"""Migration backups are atomic (issue 17.9): written to a `.partial` folder,
renamed when whole; a retry within the same second gets a name of its own; a
migration killed at any file-system step leaves every backup either complete or
`.partial`, and `doctor` names the partial ones."""

import os
import subprocess
import sys
import textwrap
from datetime import datetime
from pathlib import Path

import pytest
from bench.kills import STEPS, killer

import mentorlog.models
from mentorlog.core.doctor import run_doctor
from mentorlog.errors import MentorlogError
from mentorlog.store import migrate
from mentorlog.store.journal import Journal
from mentorlog.store.kinds import GOALS
from tests.store.test_migrate import OLD_GOAL, rename_deadline

# The real CLI (`mentorlog goals`) on a schema-1 journal, in a release that
# knows schema 2; the process SIGKILLs itself at its N-th file-system step.
MIGRATE_AND_KILL = killer(
    setup=textwrap.dedent(
        """
        import mentorlog.models
        from mentorlog.store import migrate
        from tests.store.test_migrate import rename_deadline
        mentorlog.models.SCHEMA_VERSION = 2
        migrate.MIGRATIONS[1] = rename_deadline
        """
    ),
    steps=(*STEPS, "mkdir"),
)


def schema_1_journal(root: Path) -> dict[str, bytes]:
    (root / "goals").mkdir(parents=True)
    (root / "mentorlog.toml").write_text("# my settings\nschema_version = 1\n")
    (root / "goals" / "ship.toml").write_text(OLD_GOAL)
    return {
        "mentorlog.toml": (root / "mentorlog.toml").read_bytes(),
        "goals/ship.toml": OLD_GOAL.encode(),
    }


def files_of(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in folder.rglob("*")
        if p.is_file()
    }


def test_a_migration_killed_at_every_step_leaves_whole_or_partial_backups(
    home: Path,
) -> None:
    original = schema_1_journal(home)
    env = {
        **os.environ,
        "PYTHONPATH": str(Path(__file__).resolve().parents[2]),
    }
    kills = 0
    for step in range(1, 200):
        done = subprocess.run(
            [sys.executable, "-c", MIGRATE_AND_KILL, "--no-input", "goals"],
            env={**env, "MENTORLOG_KILL_AT_STEP": str(step)},
            capture_output=True,
            text=True,
            timeout=120,
        )
        backups = home / migrate.BACKUPS
        found = sorted(backups.iterdir()) if backups.exists() else []
        partial = [p for p in found if p.name.endswith(migrate.PARTIAL)]
        assert len(partial) <= kills + (done.returncode == -9)
        for backup in found:
            if backup.name.endswith(migrate.PARTIAL):
                continue  # what a kill left: named by doctor, never believed
            assert backup.name.startswith("schema-1-")
            assert files_of(backup) == original, backup.name  # whole, or absent
        if done.returncode == 0:
            break
        assert done.returncode == -9, done.stderr
        kills += 1
    assert kills >= 10  # the kills landed in the backup and in the migration
    assert "target = 2026-12-31" in (home / "goals" / "ship.toml").read_text()
    complete = [p for p in found if not p.name.endswith(migrate.PARTIAL)]
    assert complete  # the migration that finished has its whole backup
    if partial:
        report = run_doctor(Journal(home))
        said = "\n".join(map(str, report.notes))
        count = f"{len(partial)} partial backup"
        assert count in said and "mentorlog doctor --fix" in said, said
        assert sorted(backups.iterdir()) == found  # doctor alone changes nothing


def test_a_retry_within_the_same_second_gets_a_backup_of_its_own(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    original = schema_1_journal(home)
    monkeypatch.setattr(mentorlog.models, "SCHEMA_VERSION", 2)

    class SameSecond(datetime):
        @classmethod
        def now(cls, tz: object = None) -> "SameSecond":  # type: ignore[override]
            return cls(2026, 11, 22, 10, 10, 10)

    monkeypatch.setattr(migrate, "datetime", SameSecond)

    def fails(journal: migrate.Writable) -> None:
        rename_deadline(journal)
        raise MentorlogError("the migration failed half way")

    monkeypatch.setitem(migrate.MIGRATIONS, 1, fails)
    with pytest.raises(MentorlogError, match="half way"):
        Journal(home).load(GOALS)
    assert (home / "goals" / "ship.toml").read_text() == OLD_GOAL  # rolled back

    monkeypatch.setitem(migrate.MIGRATIONS, 1, rename_deadline)
    Journal(home).load(GOALS)
    names = sorted(p.name for p in (home / migrate.BACKUPS).iterdir())
    assert names == ["schema-1-20261122-101010", "schema-1-20261122-101010-2"]
    for name in names:
        assert files_of(home / migrate.BACKUPS / name) == original
