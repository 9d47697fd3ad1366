"""Schema migrations: all or nothing, after a backup; newer journals read-only."""

from pathlib import Path

import pytest

import mentorlog.models
from mentorlog.errors import LinkError, NewerJournalError
from mentorlog.store import migrate
from mentorlog.store.journal import Journal
from mentorlog.store.kinds import GOALS

OLD_GOAL = """\
# written by an older mentorlog, where the target was called "deadline"
id = "01m80fmpgrhcxacm3xv60bkffv"
title = "Ship the old way"
created = 2026-01-05
deadline = 2026-12-31
"""


@pytest.fixture
def old_journal(tmp_path: Path) -> Journal:
    """A schema-1 journal as a fixture, for a release that knows schema 2, whose
    migration renames `deadline` to `target` in every goal."""
    root = tmp_path / "journal"
    (root / "goals").mkdir(parents=True)
    (root / "mentorlog.toml").write_text("# my settings\nschema_version = 1\n")
    (root / "goals" / "ship.toml").write_text(OLD_GOAL)
    (root / "goals" / "other.toml").write_text(
        OLD_GOAL.replace("ship", "other")
        .replace("bkffv", "bkffw")
        .replace("Ship the old way", "Other goal")
    )
    return Journal(root)


def rename_deadline(journal: Journal) -> None:
    from mentorlog.store import tomlfile

    for path in sorted((journal.root / "goals").glob("*.toml")):
        text = path.read_text()
        data = tomlfile.loads(text, str(path))
        if "deadline" in data:
            new = {("target" if k == "deadline" else k): v for k, v in data.items()}
            journal.write_text(path, tomlfile.rewrite(text, data, new))


def test_an_older_journal_is_migrated_once_with_a_backup(
    old_journal: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(mentorlog.models, "SCHEMA_VERSION", 2)
    monkeypatch.setitem(migrate.MIGRATIONS, 1, rename_deadline)
    before = {p.name: p.read_bytes() for p in (old_journal.root / "goals").iterdir()}
    records = old_journal.load(GOALS).records  # a read-only command migrates first
    assert sorted(r.record.target.isoformat() for r in records) == ["2026-12-31"] * 2
    assert "schema_version = 2" in old_journal.settings_path.read_text()
    assert "# my settings" in old_journal.settings_path.read_text()
    text = (old_journal.root / "goals" / "ship.toml").read_text()
    assert "target = 2026-12-31" in text and "deadline =" not in text
    assert "# written by an older mentorlog" in text
    backups = list((old_journal.root / migrate.BACKUPS).iterdir())
    assert len(backups) == 1 and backups[0].name.startswith("schema-1-")
    saved = {p.name: p.read_bytes() for p in (backups[0] / "goals").iterdir()}
    assert saved == before
    assert (backups[0] / "goals" / "ship.toml").stat().st_mode & 0o077 == 0
    assert Journal(old_journal.root).load(GOALS).problems == []
    assert len(list((old_journal.root / migrate.BACKUPS).iterdir())) == 1  # only once


def test_a_failing_migration_changes_nothing(
    old_journal: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(mentorlog.models, "SCHEMA_VERSION", 2)

    def half_then_fail(journal: Journal) -> None:
        rename_deadline(journal)  # every goal rewritten...
        raise OSError(5, "Input/output error")  # ...then the disk fails

    monkeypatch.setitem(migrate.MIGRATIONS, 1, half_then_fail)
    files = sorted(
        p
        for p in old_journal.root.rglob("*")
        if p.is_file() and migrate.BACKUPS not in p.parts
    )
    before = {p: p.read_bytes() for p in files}
    with pytest.raises(OSError), old_journal.transaction():
        pass
    assert {p: p.read_bytes() for p in files} == before


def test_a_newer_journal_is_read_only(old_journal: Journal) -> None:
    old_journal.settings_path.write_text("schema_version = 9\n")
    assert old_journal.load(GOALS).problems == []  # reads still work
    with (
        pytest.raises(NewerJournalError, match="schema_version 9"),
        old_journal.transaction(),
    ):
        pass


def test_a_linked_backups_folder_is_never_written_into(
    old_journal: Journal, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A pulled `.backups` link (to a folder of the user's, where files run at
    login, say) and an older schema_version in a pulled `mentorlog.toml`: the
    backup would copy the journal's files, which the attacker wrote, into it,
    and make it 0700."""
    monkeypatch.setattr(mentorlog.models, "SCHEMA_VERSION", 2)
    monkeypatch.setitem(migrate.MIGRATIONS, 1, rename_deadline)
    autostart = tmp_path / "autostart"
    autostart.mkdir()
    autostart.chmod(0o755)
    (old_journal.root / migrate.BACKUPS).symlink_to(autostart)
    goal = old_journal.root / "goals" / "ship.toml"

    with pytest.raises(LinkError, match=r"cannot write \.backups/schema-1-"):
        old_journal.load(GOALS)

    assert list(autostart.iterdir()) == []
    assert autostart.stat().st_mode & 0o777 == 0o755
    assert goal.read_text() == OLD_GOAL  # not migrated without its backup
