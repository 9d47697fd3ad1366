"""An interrupted sync, undone: `sync` records, before it rebases, where the
branch stood; a command that finds the record, a rebase left open and its
writer gone puts the journal back (see below). Uses `gitsync`; `gitsync`
never uses it."""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import os
import re
import stat
from pathlib import Path
from typing import TYPE_CHECKING

from mentorlog._struct import struct
from mentorlog.hints import hint

from .gitrun import git
from .gitsync import LOCAL_STATE, TEMPS, harden, stopped, uncommitted

if TYPE_CHECKING:
    from mentorlog.messages import SyncMovedOn, SyncPutBack

_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)

# -- an interrupted sync ---------------------------------------------------------
# `sync` records, before it rebases, where the branch stood (every saved
# record is in that commit) and which process is rebasing. The record is this
# machine's own state, kept outside the journal and signed with the machine
# secret of the undo log (`store.undo`), so nothing a device pushes can forge
# or plant one. A command that finds the record, a rebase left open and its
# writer gone (the journal lock is free, the process is not alive) puts the
# journal back where the record says: the sync is undone, nothing is lost, and
# the next `sync` starts again.
KEPT_REFS = "refs/mentorlog/kept"


@struct
class SyncRecord:
    branch: str
    head: str
    pid: int


def _record_path(root: Path) -> Path:
    from . import undo

    where = os.fsencode(os.path.realpath(root))
    return undo.state_folder() / f"sync-{hashlib.sha256(where).hexdigest()[:24]}.json"


def _record_mac(root: Path, payload: str) -> str | None:
    from . import undo

    key = undo.journal_key(root, create=True)
    if key is None:
        return None
    return hmac.new(key, b"sync\0" + payload.encode(), hashlib.sha256).hexdigest()


def record_sync(root: Path, branch: str, head: str) -> None:
    """Before the rebase: where the branch stands, and who rebases it."""
    entry = {"branch": branch, "head": head, "pid": os.getpid()}
    payload = json.dumps(entry, sort_keys=True)
    mac = _record_mac(root, payload)
    if mac is None:
        return  # no machine secret: nothing this machine could trust later
    from .atomic import DIR_MODE, FILE_MODE

    path = _record_path(root)
    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True, mode=DIR_MODE)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | _NOFOLLOW, FILE_MODE)
        with os.fdopen(fd, "w") as file:
            file.write(json.dumps({**entry, "mac": mac}))
            file.flush()
            os.fsync(file.fileno())
        os.replace(tmp, path)


def forget_sync(root: Path) -> None:
    """The rebase returned (done, or stopped on a conflict the user mends)."""
    with contextlib.suppress(OSError):
        _record_path(root).unlink()


def recorded_sync(root: Path) -> SyncRecord | None:
    """The record of a sync on this journal, if this machine wrote it."""
    try:
        fd = os.open(_record_path(root), os.O_RDONLY | _NOFOLLOW)
        with os.fdopen(fd) as file:
            entry = json.loads(file.read(4096))
    except (OSError, ValueError):
        return None
    if not isinstance(entry, dict):
        return None
    mac = entry.pop("mac", None)
    expected = _record_mac(root, json.dumps(entry, sort_keys=True))
    if not isinstance(mac, str) or expected is None:
        return None
    if not hmac.compare_digest(mac, expected):
        return None
    branch, head, pid = entry.get("branch"), entry.get("head"), entry.get("pid")
    if not (
        isinstance(branch, str)
        and isinstance(head, str)
        and isinstance(pid, int)
        and _HASH.fullmatch(head)
    ):
        return None
    return SyncRecord(branch, head, pid)


_HASH = re.compile(r"[0-9a-f]{40}|[0-9a-f]{64}")


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # there, but not ours to signal
    return True


def recover_sync(root: Path) -> SyncMovedOn | SyncPutBack | None:
    """Put back a journal whose sync was interrupted (Ctrl-C, a kill) while it
    rebased: the branch as it was before the sync, with every saved record.
    Call with the journal lock held. Returns what to tell the user, or None
    when there was nothing to recover (or it is not ours to recover)."""
    from mentorlog.messages import SyncMovedOn, SyncPutBack

    if not (root / ".git").is_dir():
        return None
    record = recorded_sync(root)
    if record is None:
        return None
    if _alive(record.pid):
        return None  # its sync is still running (the lock should forbid it)
    tip = git(
        root, "rev-parse", "-q", "--verify", f"refs/heads/{record.branch}", check=False
    ).stdout.strip()
    on_branch = git(root, "symbolic-ref", "-q", "HEAD", check=False).stdout.strip()
    if stopped(root) is None and on_branch == f"refs/heads/{record.branch}":
        forget_sync(root)  # the rebase finished before the sync was stopped
        return None
    if tip != record.head:
        forget_sync(root)
        return SyncMovedOn(record.branch, hint("doctor"))
    kept = go_back(root, record.branch)
    forget_sync(root)
    harden(root)  # the files git checked out come with git's modes
    return SyncPutBack(hint("sync"), kept)


def go_back(root: Path, branch: str) -> str | None:
    """Leave an open rebase for the branch as it stood before it: the commits
    of a rebase never move the branch until it finishes, so the branch holds
    every saved record. Files that differ from what git committed are first
    kept in a commit of their own (`KEPT_REFS`); return its ref, or None."""
    kept = _keep_uncommitted(root)
    if stopped(root) == "rebase":
        git(root, "rebase", "--quit")
    before = set(_tracked(root, "HEAD"))
    git(root, "checkout", "-q", "-f", branch)
    # files the rebase had brought in (from the remote) and the branch does
    # not have: they are in git (the remote's commit, or the kept one)
    for name in sorted(before - set(_tracked(root, "HEAD"))):
        path = root / name
        with contextlib.suppress(OSError):
            if stat.S_ISREG(os.lstat(path).st_mode) or os.path.islink(path):
                path.unlink()
    return kept


def _tracked(root: Path, ref: str) -> list[str]:
    out = git(root, "ls-tree", "-r", "-z", "--name-only", ref, check=False).stdout
    return [name for name in out.split("\0") if name]


def _keep_uncommitted(root: Path) -> str | None:
    if not uncommitted(root, check=False):
        return None
    import tempfile
    import time

    with tempfile.TemporaryDirectory() as folder:
        env = {"GIT_INDEX_FILE": str(Path(folder) / "index")}
        git(root, "read-tree", "HEAD", env=env)
        git(root, "add", "-A", env=env)
        git(
            root,
            "rm",
            "-r",
            "-q",
            "--cached",
            "--ignore-unmatch",
            "--",
            *LOCAL_STATE,
            env=env,
        )
        git(root, "rm", "-q", "--cached", "--ignore-unmatch", "--", TEMPS, env=env)
        tree = git(root, "write-tree", env=env).stdout.strip()
    commit = git(
        root,
        "commit-tree",
        tree,
        "-p",
        "HEAD",
        "-m",
        "mentorlog: the files an interrupted sync was changing",
    ).stdout.strip()
    ref = f"{KEPT_REFS}/{time.strftime('%Y%m%d-%H%M%S')}-{commit[:7]}"
    git(root, "update-ref", ref, commit)
    return ref


def rebase_branch(root: Path) -> str | None:
    """The branch an open rebase is rebasing (`main`), or None."""
    for state in ("rebase-merge", "rebase-apply"):
        with contextlib.suppress(OSError):
            name = (root / ".git" / state / "head-name").read_text(errors="replace")
            if name.strip().startswith("refs/heads/"):
                return name.strip().removeprefix("refs/heads/")
    return None


def not_in_working_tree(root: Path) -> list[str]:
    """Commits of the branch that the working tree does not hold (a rebase
    left open, a detached HEAD behind the branch): `hash subject` each."""
    if not (root / ".git").is_dir():
        return []
    branch = rebase_branch(root)
    if branch is not None:
        # the branch's commits that no commit of HEAD already replays
        tips = ["--cherry-pick", "--right-only", f"HEAD...refs/heads/{branch}"]
    elif git(root, "symbolic-ref", "-q", "HEAD", check=False).returncode != 0:
        tips = ["--branches"]  # a detached HEAD: any local branch ahead of it
        tips += ["--not", "HEAD"]
    else:
        return []
    done = git(root, "log", "--format=%h %s", *tips, check=False)
    return [line for line in done.stdout.splitlines() if line.strip()]
