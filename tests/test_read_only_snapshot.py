"""A read-only snapshot with a pending `.undo` (issue 17.8): a backup mount, a
read-only sync folder. Reads and `export` work, reading every file as it is
(each is whole); the rollback waits for a writable journal, said once; writes
are refused plainly; once the journal is writable again, the next command rolls
the interrupted change back.

The journal lives on a tmpfs in a private mount namespace (`unshare`, no root
needed), really remounted read-only; the interrupted change is a real process
killed (SIGKILL) just after it renamed its first record into place."""

import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

from tests.test_live_lock import KILL_AFTER_FIRST_RECORD

UNSHARE = shutil.which("unshare")

SCRIPT = textwrap.dedent(
    """
    set -e
    mount -t tmpfs -o size=4m tmpfs "$SPACE"
    ml() { "$PYTHON" -m mentorlog --no-input "$@"; }
    export MENTORLOG_HOME="$SPACE/journal" MENTORLOG_TODAY=2026-11-22
    ml init > /dev/null
    ml goals add "Learn Rust" --by eoy > /dev/null
    ml goals milestone learn "Read the book" > /dev/null
    set +e
    "$PYTHON" -c "$KILLER" --no-input goals add "Half added" > /dev/null 2>&1
    echo $? > "$OUT/killed.rc"
    set -e
    test -e "$MENTORLOG_HOME/.undo"
    mount -o remount,ro "$SPACE"
    set +e
    ml goals > "$OUT/list.out" 2> "$OUT/list.err"; echo $? > "$OUT/list.rc"
    ml goals show learn > "$OUT/show.out" 2> "$OUT/show.err"; echo $? > "$OUT/show.rc"
    ml export --format json > "$OUT/export.out" 2> "$OUT/export.err"
    echo $? > "$OUT/export.rc"
    ml goals tick learn 1 > /dev/null 2> "$OUT/tick.err"; echo $? > "$OUT/tick.rc"
    set -e
    test -e "$MENTORLOG_HOME/.undo" && echo yes > "$OUT/pending.ro"
    mount -o remount,rw "$SPACE"
    ml goals > "$OUT/after.out" 2> "$OUT/after.err"
    test -e "$MENTORLOG_HOME/.undo" || echo gone > "$OUT/pending.rw"
    """
)


def test_reads_and_export_work_on_a_read_only_journal_with_a_pending_undo(
    tmp_path: Path,
) -> None:
    space = tmp_path / "space"
    space.mkdir()
    out = tmp_path / "out"
    out.mkdir()
    env = {
        **os.environ,
        "SPACE": str(space),
        "OUT": str(out),
        "PYTHON": sys.executable,
        "KILLER": KILL_AFTER_FIRST_RECORD,
    }
    done = subprocess.run(
        [
            UNSHARE or "unshare",
            "--user",
            "--map-root-user",
            "--mount",
            "bash",
            "-c",
            SCRIPT,
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr

    def said(name: str) -> str:
        return (out / name).read_text()

    assert said("killed.rc").strip() == "137"  # 128 + SIGKILL
    assert said("pending.ro").strip() == "yes"
    for step in ("list", "show", "export"):
        assert said(f"{step}.rc").strip() == "0", said(f"{step}.err")
        warned = said(f"{step}.err").splitlines()
        assert len(warned) == 1, warned  # one warning, naming the log
        assert warned[0].startswith("warning: .undo: a change here was interrupted")
        assert "read-only" in warned[0]
        assert "Traceback" not in said(f"{step}.err")
    assert "Learn Rust" in said("list.out")
    assert "Read the book" in said("show.out")
    exported = json.loads(said("export.out"))
    assert "Learn Rust" in json.dumps(exported)
    # a write is refused plainly, and changes nothing
    assert said("tick.rc").strip() == "1"
    assert "Read-only file system" in said("tick.err")
    assert "Traceback" not in said("tick.err")
    # writable again: the next command rolls the interrupted change back
    assert said("pending.rw").strip() == "gone"
    assert "Learn Rust" in said("after.out")
    assert "Half added" not in said("after.out")
    assert said("after.err") == ""
