"""A lock is live or dead, never a path (issue 17.3): with `.lock` removed by
hand while a command is half way through its change, a second command takes a
fresh lock, yet never rolls back the first one's live undo log.

Command A is paused, not timed: it runs in a process that, at its first rename
of a record (its undo log written, its temp file synced), says so through one
pipe and blocks reading another until the test lets it go (if A dies first,
the pipe closes and the test fails instead of waiting)."""

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from mentorlog.store import undo
from mentorlog.store.journal import Journal
from mentorlog.store.kinds import GOALS

PAUSE_AT_FIRST_RECORD_RENAME = textwrap.dedent(
    """
    import os, sys
    home = os.environ["MENTORLOG_HOME"]
    real = os.replace
    paused = []
    def replace(*args, **kwargs):
        if not paused and os.path.exists(os.path.join(home, ".undo")):
            paused.append(True)
            os.write(int(os.environ["READY_FD"]), b"paused\\n")
            os.read(int(os.environ["GO_FD"]), 1)
        return real(*args, **kwargs)
    os.replace = replace
    sys.argv = ["mentorlog", *sys.argv[1:]]
    from mentorlog.entry import main
    main()
    """
)


# a change killed mid-way, just after its first record was renamed into place
KILL_AFTER_FIRST_RECORD = textwrap.dedent(
    """
        import os, signal, sys
        real = os.replace
        def replace(*args, **kwargs):
            if os.path.exists(os.path.join(os.environ["MENTORLOG_HOME"], ".undo")):
                real(*args, **kwargs)
                os.kill(os.getpid(), signal.SIGKILL)
            return real(*args, **kwargs)
        os.replace = replace
        sys.argv = ["mentorlog", *sys.argv[1:]]
        from mentorlog.entry import main
        main()
        """
)


def _cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "mentorlog", "--no-input", *args]


def test_a_second_command_never_recovers_a_live_change_after_lock_removed(
    initialised: Path, tmp_path: Path
) -> None:
    home = initialised
    env = dict(os.environ)
    for args in (
        ["goals", "add", "Learn Rust", "--by", "eoy"],
        ["goals", "milestone", "learn", "Read the book"],
        ["goals", "milestone", "learn", "Write a CLI"],
    ):
        subprocess.run(_cli(*args), env=env, check=True, capture_output=True)
    ready_read, ready_write = os.pipe()
    go_read, go_write = os.pipe()
    first = subprocess.Popen(
        [
            sys.executable,
            "-c",
            PAUSE_AT_FIRST_RECORD_RENAME,
            "--no-input",
            "goals",
            "tick",
            "learn",
            "1",
        ],
        env={**env, "READY_FD": str(ready_write), "GO_FD": str(go_read)},
        pass_fds=(ready_write, go_read),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    os.close(ready_write)
    os.close(go_read)
    try:
        # A holds the lock, its log live (EOF here: A died before its pause)
        assert os.read(ready_read, 64) == b"paused\n"
        log = (home / undo.UNDO_FILE).read_bytes()
        temps = sorted(p.name for p in (home / "goals").iterdir() if p.name[0] == ".")
        assert temps  # A's temp file, about to be renamed over the goal
        (home / ".lock").unlink()  # "a stale-looking lock"

        second = subprocess.run(
            _cli("goals", "tick", "learn", "2"),
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert second.returncode == 1, second.stderr
        assert "busy" in second.stderr
        assert f"process {first.pid}" in second.stderr
        assert "nothing was written" in second.stderr
        assert "Traceback" not in second.stderr
        reading = subprocess.run(
            _cli("goals", "show", "learn"),
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert reading.returncode == 0, reading.stderr
        # neither touched A's log nor its temp file
        assert (home / undo.UNDO_FILE).read_bytes() == log
        after = sorted(p.name for p in (home / "goals").iterdir() if p.name[0] == ".")
        assert set(temps) <= set(after)
    finally:
        os.write(go_write, b"g")
        os.close(go_write)
        os.close(ready_read)
        _out, err = first.communicate(timeout=120)
    assert first.returncode == 0, err
    assert "Traceback" not in err
    assert not (home / undo.UNDO_FILE).exists()
    (goal,) = Journal(home).load(GOALS).records
    assert [m.done for m in goal.record.milestones] == [True, False]


@pytest.mark.parametrize("key_cut_short", [False, True])
def test_a_log_whose_writer_is_gone_is_still_rolled_back(
    initialised: Path, key_cut_short: bool
) -> None:
    home = initialised
    env = dict(os.environ)
    if key_cut_short:
        # an older release killed while it made this machine's undo-log key
        # left it empty: a key that signed nothing is made anew, or no crash
        # would ever be rolled back again
        key = undo.state_folder() / undo.KEY_FILE
        key.parent.mkdir(parents=True, exist_ok=True)
        key.write_bytes(b"")  # init may have made it: cut it short
        key.chmod(0o600)
    subprocess.run(
        _cli("goals", "add", "Learn Rust", "--by", "eoy"),
        env=env,
        check=True,
        capture_output=True,
    )
    before = {p.name: p.read_bytes() for p in (home / "goals").iterdir()}
    killed = subprocess.run(
        [
            sys.executable,
            "-c",
            KILL_AFTER_FIRST_RECORD,
            "--no-input",
            "goals",
            "add",
            "Second",
        ],
        env=env,
        capture_output=True,
        timeout=120,
    )
    assert killed.returncode == -9
    assert (home / undo.UNDO_FILE).exists()
    (home / ".lock").unlink()
    listed = subprocess.run(
        _cli("goals"), env=env, capture_output=True, text=True, timeout=120
    )
    assert listed.returncode == 0, listed.stderr
    assert "Second" not in listed.stdout
    assert not (home / undo.UNDO_FILE).exists()
    now = {p.name: p.read_bytes() for p in (home / "goals").iterdir()}
    assert {k: v for k, v in now.items() if not k.startswith(".")} == {
        k: v for k, v in before.items() if not k.startswith(".")
    }
