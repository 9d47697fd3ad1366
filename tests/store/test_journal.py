import errno
import os
import signal
import stat
import subprocess
import sys
import textwrap
import time
from datetime import date
from pathlib import Path

import pytest

from mentorlog.errors import (
    AmbiguousError,
    JournalIOError,
    MentorlogError,
    NewerJournalError,
    NotFoundError,
)
from mentorlog.models import Goal
from mentorlog.store.ids import new_id
from mentorlog.store.journal import Journal, locate
from mentorlog.store.kinds import GOALS
from tests.conftest import Run


def make_goal(title: str) -> Goal:
    return Goal(id=new_id(), title=title, created=date(2026, 11, 22))


def save_new(journal: Journal, title: str) -> Path:
    with journal.transaction():
        return journal.save(GOALS, make_goal(title))


def modes(root: Path) -> dict[str, int]:
    found = {str(root): stat.S_IMODE(root.stat().st_mode)}
    for path in root.rglob("*"):
        found[str(path)] = stat.S_IMODE(path.stat().st_mode)
    return found


@pytest.mark.parametrize("umask", [0o000, 0o022, 0o077])
def test_files_are_0600_and_folders_0700_whatever_the_umask(
    journal: Journal, umask: int
) -> None:
    old = os.umask(umask)
    try:
        path = save_new(journal, "Ship it")
        stored = journal.read(GOALS, path)
        with journal.transaction():
            journal.save(
                GOALS, stored.record.model_copy(update={"status": "done"}), stored
            )
    finally:
        os.umask(old)
    for name, mode in modes(journal.root).items():
        expected = 0o700 if Path(name).is_dir() else 0o600
        assert mode == expected, f"{name} has mode {oct(mode)}"


def test_first_write_creates_the_journal(journal: Journal) -> None:
    assert not journal.root.exists()
    save_new(journal, "First")
    assert journal.exists()
    assert journal.settings().schema_version == 1


def test_resaving_an_unchanged_record_writes_nothing(journal: Journal) -> None:
    path = save_new(journal, "Stable")
    before = path.read_bytes(), path.stat().st_ino
    stored = journal.read(GOALS, path)
    with journal.transaction():
        journal.save(GOALS, stored.record, stored)
    assert (path.read_bytes(), path.stat().st_ino) == before


def test_two_records_with_one_title_get_two_files(journal: Journal) -> None:
    first = save_new(journal, "Same title")
    second = save_new(journal, "Same title")
    assert first != second
    assert first.name == "same-title.toml"
    assert second.name.startswith("same-title-")
    assert len(journal.load(GOALS).records) == 2


def test_references_by_short_id_prefix_slug_and_title(journal: Journal) -> None:
    rust = journal.read(GOALS, save_new(journal, "Learn Rust"))
    save_new(journal, "Learn Go")
    loaded = journal.load(GOALS)
    short = loaded.short[rust.record.id]
    for ref in (
        rust.record.id,
        short,
        rust.record.id[:12],
        "learn-r",
        "LEARN RUST",
        "learn-rust",
    ):
        assert journal.resolve(GOALS, ref).record.id == rust.record.id, ref
    with pytest.raises(AmbiguousError) as caught:
        journal.resolve(GOALS, "learn")
    assert "Learn Rust" in caught.value.message and "Learn Go" in caught.value.message
    with pytest.raises(NotFoundError, match='no goal matches "swim"'):
        journal.resolve(GOALS, "swim")


def test_stale_temp_files_are_ignored_and_cleaned(journal: Journal) -> None:
    save_new(journal, "Real")
    stale = journal.root / "goals" / ".real.toml.dead.tmp"
    stale.write_text("half a fi")
    assert [s.record.title for s in journal.load(GOALS).records] == ["Real"]
    save_new(journal, "Other")
    assert not stale.exists()


def test_a_failed_fsync_leaves_the_old_file_and_names_the_path(
    journal: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = save_new(journal, "Keep me")
    before = path.read_bytes()
    stored = journal.read(GOALS, path)

    def full_disk(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(JournalIOError) as caught, journal.transaction():
        journal.save(
            GOALS, stored.record.model_copy(update={"title": "Changed"}), stored
        )
    assert (
        str(journal.root) in caught.value.message
    )  # names the file it could not write
    assert "No space left on device" in caught.value.message
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert not [p for p in path.parent.iterdir() if p.name.endswith(".tmp")]


def test_a_newer_journal_is_read_but_never_written(journal: Journal) -> None:
    path = save_new(journal, "Old")
    journal.settings_path.write_text("schema_version = 99\n")
    assert journal.load(GOALS).records[0].path == path
    with pytest.raises(NewerJournalError, match="newer mentorlog"):
        save_new(journal, "New")


def test_location_precedence(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MENTORLOG_HOME", str(tmp_path / "env"))
    assert locate(str(tmp_path / "opt")) == tmp_path / "opt"
    assert locate(None) == tmp_path / "env"
    monkeypatch.delenv("MENTORLOG_HOME")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert locate(None) == tmp_path / "xdg" / "mentorlog"


HOLD_LOCK = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from mentorlog.store.journal import Journal
    journal = Journal(Path(sys.argv[1]))
    with journal.transaction():
        print("locked", flush=True)
        time.sleep(60)
    """
)


def test_a_process_killed_holding_the_lock_does_not_block_the_next(
    journal: Journal,
) -> None:
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(journal.root)],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "locked"
        journal._lock.timeout = 0.3
        from mentorlog.errors import LockTimeoutError

        with pytest.raises(LockTimeoutError, match="busy"):
            save_new(journal, "Blocked")
        holder.send_signal(signal.SIGKILL)
        holder.wait(timeout=10)
        journal._lock.timeout = 10
        start = time.monotonic()
        save_new(journal, "After the kill")
        assert time.monotonic() - start < 5
    finally:
        holder.kill()
        holder.wait()
        if holder.stdout is not None:
            holder.stdout.close()
    assert [s.record.title for s in journal.load(GOALS).records] == ["After the kill"]


def test_concurrent_writers_lose_no_update(journal: Journal, tmp_path: Path) -> None:
    """Two processes add milestones to one goal at once: every one survives."""
    save_new(journal, "Shared")
    env = {**os.environ, "MENTORLOG_HOME": str(journal.root)}
    script = textwrap.dedent(
        """
        import sys
        from datetime import date
        from pathlib import Path
        from mentorlog.core.goals import add_milestone
        from mentorlog.store.journal import Journal
        journal = Journal(Path(sys.argv[1]))
        for i in range(15):
            add_milestone(journal, "shared", f"{sys.argv[2]} step {i}", None, date(2026, 11, 22))
        """
    )
    workers = [
        subprocess.Popen(
            [sys.executable, "-c", script, str(journal.root), name], env=env
        )
        for name in ("alpha", "beta")
    ]
    for worker in workers:
        assert worker.wait(timeout=120) == 0
    goal = journal.resolve(GOALS, "shared").record
    titles = {m.title for m in goal.milestones}
    assert titles == {
        f"{name} step {i}" for name in ("alpha", "beta") for i in range(15)
    }


def test_a_record_that_would_not_read_back_is_not_written(journal: Journal) -> None:
    """Records are not validated when the core makes them; a bug that made an
    invalid one is caught before it reaches the disk, new or changed."""
    with (
        pytest.raises(MentorlogError, match=r"not written: title: is empty"),
        journal.transaction(),
    ):
        journal.save(GOALS, make_goal(""))
    assert list((journal.root / "goals").glob("*.toml")) == []
    path = save_new(journal, "Fine")
    before = path.read_bytes()
    with (
        pytest.raises(MentorlogError, match=r"not written: status: should be one of"),
        journal.transaction(),
    ):
        stored = journal.load(GOALS).records[0]
        journal.save(GOALS, stored.record.model_copy(update={"status": "x"}), stored)
    assert path.read_bytes() == before


def test_a_failed_first_command_leaves_no_folders(run: Run, tmp_path: Path) -> None:
    deep = tmp_path / "a" / "b" / "journal"
    result = run("--journal", str(deep), "goals", "milestone", "nothing", "x")
    assert result.exit_code == 1
    assert not (tmp_path / "a").exists()
