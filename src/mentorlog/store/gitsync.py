"""Git as the sync engine: a git journal commits every change, and `sync`
pulls with rebase and pushes. The only place mentorlog runs git (and the only
code that may reach a network, through git itself)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from mentorlog.errors import MentorlogError, UserError

GITIGNORE = """\
# mentorlog: files that are derived, local or transient
.cache/
.lock
.undo
.drafts/
.backups/
*.tmp
"""


class GitError(MentorlogError):
    """git failed; the message carries what git said, trimmed."""


def is_repo(root: Path) -> bool:
    return (root / ".git").exists()


def available() -> bool:
    return shutil.which("git") is not None


def git(root: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "GIT_TERMINAL_PROMPT": "0", "LC_ALL": "C"}
    try:
        done = subprocess.run(
            ["git", "-C", str(root), *args],
            capture_output=True,
            text=True,
            env=env,
            timeout=300,
            check=False,
        )
    except FileNotFoundError:
        raise UserError(
            "git is not installed; install it to use a git journal"
        ) from None
    except subprocess.TimeoutExpired:
        raise GitError(f"git {args[0]} took over 5 minutes; stopped") from None
    if check and done.returncode != 0:
        said = (done.stderr or done.stdout).strip().splitlines()
        detail = said[-1] if said else f"exit {done.returncode}"
        raise GitError(f"git {args[0]} failed: {detail}")
    return done


def init_repo(root: Path, name: str | None) -> bool:
    """Make the journal a git repository; return whether it was one already."""
    if is_repo(root):
        return True
    git(root, "init", "-q")
    if not git(root, "config", "user.email", check=False).stdout.strip():
        git(root, "config", "user.email", "mentorlog@localhost")
    if not git(root, "config", "user.name", check=False).stdout.strip():
        git(root, "config", "user.name", name or "mentorlog")
    return False


def commit_all(root: Path, message: str) -> bool:
    """Commit every change in the journal; return whether there was one."""
    git(root, "add", "-A")
    if git(root, "diff", "--cached", "--quiet", check=False).returncode == 0:
        return False
    git(root, "commit", "-q", "-m", message)
    return True


def in_progress(root: Path) -> bool:
    """A rebase or merge is open (a sync stopped on a conflict)."""
    git_dir = root / ".git"
    return any(
        (git_dir / name).exists()
        for name in ("rebase-merge", "rebase-apply", "MERGE_HEAD")
    )


def with_markers(root: Path) -> list[str]:
    """Tracked files that still hold conflict markers."""
    done = git(root, "grep", "-l", "-E", "^(<<<<<<<|>>>>>>>) ", check=False)
    return [line for line in done.stdout.splitlines() if line.strip()]


def harden(root: Path) -> int:
    """Files git wrote (a clone, a rebase) get git's modes; make them private
    again: folders 0700, files 0600. Return how many were changed."""
    changed = 0
    for path in [root, *root.rglob("*")]:
        try:
            if path.is_symlink():
                continue
            want = 0o700 if path.is_dir() else 0o600
            if path.stat().st_mode & 0o777 != want:
                path.chmod(want)
                changed += 1
        except OSError:
            continue
    return changed


def conflicted(root: Path) -> list[str]:
    done = git(root, "diff", "--name-only", "--diff-filter=U", check=False)
    return [line for line in done.stdout.splitlines() if line.strip()]
