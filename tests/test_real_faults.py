"""Real faults, not mocks: a full filesystem, a read-only one, and a folder the
user may not write. CI runs as root, where chmod alone denies nothing, so the
full and read-only cases run in a private mount namespace (`unshare`, no root
needed) on a tiny tmpfs, and the permission case drops root's power to
override file modes (`setpriv --bounding-set -dac_override,...`) when the tests
run as root."""

import json
import os
import shutil
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

UNSHARE = shutil.which("unshare")

SCRIPT = textwrap.dedent(
    """
    set -e
    mount -t tmpfs -o size=256k tmpfs "$SPACE"
    ml() {{ "$PYTHON" -m mentorlog --no-input "$@"; }}
    export MENTORLOG_HOME="$SPACE/journal" MENTORLOG_TODAY=2026-11-22
    ml init > /dev/null
    ml goals add "Ship 2 features" --by eom > /dev/null
    ml goals milestone ship "First feature" > /dev/null
    snapshot() {{ "$PYTHON" -c 'import hashlib,json,pathlib,sys; r=pathlib.Path(sys.argv[1]); print(json.dumps({{str(p.relative_to(r)): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(r.rglob("*")) if p.is_file() and p.name != ".lock" and ".cache" not in p.parts}}))' "$MENTORLOG_HOME"; }}
    {prepare}
    snapshot > "$OUT/before.json"
    set +e
    ml goals add "One goal too many" --by eom 2> "$OUT/add.err"; echo $? > "$OUT/add.rc"
    ml goals tick ship 1 2> "$OUT/tick.err"; echo $? > "$OUT/tick.rc"
    set -e
    snapshot > "$OUT/after.json"
    ml goals > "$OUT/list.out" 2>&1 || true
    """
)


def run_in_namespace(tmp_path: Path, prepare: str) -> Path:
    space = tmp_path / "space"
    space.mkdir()
    out = tmp_path / "out"
    out.mkdir()
    script = SCRIPT.format(prepare=prepare)
    env = {**os.environ, "SPACE": str(space), "OUT": str(out), "PYTHON": sys.executable}
    done = subprocess.run(
        [
            UNSHARE or "unshare",
            "--user",
            "--map-root-user",
            "--mount",
            "bash",
            "-c",
            script,
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return out


def check_refused(out: Path, reason: str) -> None:
    for step in ("add", "tick"):
        assert (out / f"{step}.rc").read_text().strip() == "1", step
        message = (out / f"{step}.err").read_text()
        assert message.startswith("error: cannot "), message
        assert reason in message
        assert "/journal" in message  # it names the path
        assert "Traceback" not in message
    assert json.loads((out / "before.json").read_text()) == json.loads(
        (out / "after.json").read_text()
    )
    assert "Ship 2 features" in (out / "list.out").read_text()


def test_a_full_disk_is_a_plain_message_and_changes_nothing(tmp_path: Path) -> None:
    fill = 'dd if=/dev/zero of="$SPACE/filler" bs=1k count=4096 2>/dev/null || true'
    out = run_in_namespace(tmp_path, fill)
    check_refused(out, "No space left on device")


def test_a_read_only_journal_is_a_plain_message_and_changes_nothing(
    tmp_path: Path,
) -> None:
    out = run_in_namespace(tmp_path, 'mount -o remount,ro "$SPACE"')
    check_refused(out, "Read-only file system")


def test_permission_denied_is_a_plain_message(tmp_path: Path) -> None:
    home = Path(tempfile.mkdtemp(prefix="mentorlog-perm-", dir="/tmp"))
    try:
        os.chmod(home, 0o755)  # noqa: S103  (a test folder others may enter)
        journal = home / "journal"
        env = {
            **os.environ,
            "MENTORLOG_HOME": str(journal),
            "MENTORLOG_TODAY": "2026-11-22",
        }
        cli = [sys.executable, "-m", "mentorlog", "--no-input"]
        subprocess.run([*cli, "init"], env=env, check=True, capture_output=True)
        subprocess.run(
            [*cli, "goals", "add", "Mine", "--by", "eom"],
            env=env,
            check=True,
            capture_output=True,
        )
        before = {p: p.read_bytes() for p in journal.rglob("*") if p.is_file()}
        os.chmod(journal, 0o500)  # the owner may read but not write
        command = [*cli, "goals", "add", "Theirs", "--by", "eom"]
        if os.geteuid() == 0:
            # root ignores file modes: take that power away from this one process
            setpriv = shutil.which("setpriv")
            assert setpriv, "setpriv (util-linux) is needed to deny root"
            drop = "-dac_override,-dac_read_search,-fowner"
            command = [setpriv, "--bounding-set", drop, *command]
        done = subprocess.run(
            command, env=env, capture_output=True, text=True, timeout=60
        )
        assert done.returncode == 1, done.stderr
        assert done.stderr.startswith("error: cannot ")
        assert "Permission denied" in done.stderr
        assert str(journal) in done.stderr
        assert "Traceback" not in done.stderr
        os.chmod(journal, 0o700)
        after = {p: p.read_bytes() for p in journal.rglob("*") if p.is_file()}
        assert after == before
    finally:
        os.chmod(home, 0o700)
        shutil.rmtree(home, ignore_errors=True)
