"""The journal lock is on the inode `.lock` names, not on a path."""

import fcntl
import os
from pathlib import Path

import pytest

from mentorlog.store.lock import JournalLock


def test_a_lock_file_removed_between_open_and_lock_is_locked_again(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home.mkdir()
    path = home / ".lock"
    real = fcntl.flock
    locked: list[int] = []

    def flock(fd: int, operation: int) -> None:
        real(fd, operation)
        if operation & fcntl.LOCK_EX:
            locked.append(os.fstat(fd).st_ino)
            if len(locked) == 1:
                path.unlink()  # another process removed it as we took it

    monkeypatch.setattr(fcntl, "flock", flock)
    lock = JournalLock(path, timeout=5)
    with lock:
        assert len(locked) == 2  # the orphaned inode was dropped, the new one held
        assert locked[1] == os.lstat(path).st_ino
        assert lock._fd is not None
        assert os.fstat(lock._fd).st_ino == os.lstat(path).st_ino


def test_a_clean_up_never_removes_the_temp_file_of_a_running_writer(
    home: Path,
) -> None:
    import subprocess
    import sys

    from mentorlog.store.atomic import remove_stale_temps

    home.mkdir()
    running = subprocess.Popen(
        [sys.executable, "-c", "import sys; sys.stdin.read()"],
        stdin=subprocess.PIPE,
    )
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    try:
        live = home / f".goal.toml.{running.pid}-0a1b2c3d.tmp"
        dead = home / f".goal.toml.{gone.pid}-0a1b2c3d.tmp"
        old = home / ".goal.toml.0a1b2c3d.tmp"  # an older release's name
        for path in (live, dead, old):
            path.write_text("half a file")
        remove_stale_temps(home)
        assert live.exists()
        assert not dead.exists()
        assert not old.exists()
    finally:
        assert running.stdin is not None
        running.stdin.close()
        running.wait()
