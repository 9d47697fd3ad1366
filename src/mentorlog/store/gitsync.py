"""Git as the sync engine: a git journal commits every change, and `sync`
pulls with rebase and pushes. The only place mentorlog runs git (and the only
code that may reach a network, through git itself)."""

from __future__ import annotations

import contextlib
import os
import shlex
import shutil
import stat
import subprocess
from pathlib import Path

from mentorlog.errors import MentorlogError, UserError

from .atomic import is_temp

GITIGNORE = """\
# mentorlog: files that are derived, local or transient
.cache/
.lock
.undo
.drafts/
.backups/
*.tmp
"""

# State that belongs to this machine only: never committed, whatever
# .gitignore says (a pulled .gitignore is as untrusted as any other file).
LOCAL_STATE = (".undo", ".cache", ".drafts", ".lock", ".backups")
_TEMPS = ":(glob)**/.*.tmp"
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)


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
        raise GitError(f"git {args[0]} failed: {what_git_said(done)}")
    return done


def what_git_said(done: subprocess.CompletedProcess[str]) -> str:
    """git's meaningful lines (`fatal:`, `error:`), not only its last one,
    which is often advice (`... and the repository exists.`)."""
    said = [line.strip() for line in (done.stderr or done.stdout).splitlines()]
    said = [line for line in said if line]
    meaningful = [
        line for line in said if line.lower().startswith(("fatal:", "error:"))
    ]
    chosen = meaningful or said[-1:]
    if not chosen:
        return f"exit {done.returncode}"
    shown = [line if len(line) <= 200 else line[:199] + "…" for line in chosen[:3]]
    more = len(chosen) - len(shown)
    return "; ".join(shown) + (f" (and {more} more lines)" if more > 0 else "")


FALLBACK_EMAIL = "mentorlog@localhost"


def init_repo(root: Path, name: str | None) -> bool:
    """Make the journal a git repository; return whether it was one already.
    A new one gets the fallback identity unless git has one configured; for
    one that was there, `ensure_identity` checks."""
    if is_repo(root):
        return True
    git(root, "init", "-q")
    if not git(root, "config", "user.email", check=False).stdout.strip():
        git(root, "config", "user.email", FALLBACK_EMAIL)
    if not git(root, "config", "user.name", check=False).stdout.strip():
        git(root, "config", "user.name", name or "mentorlog")
    return False


def ensure_identity(root: Path, name: str | None = None) -> str | None:
    """Give the repository an identity to commit with when git finds none (a
    clone on a device without `user.email`): the same repository-local
    fallback `init --git` sets. Returns what to tell the user when it set one
    (then never again: the next check finds it), else None."""
    if all(
        git(root, "var", var, check=False).returncode == 0
        for var in ("GIT_AUTHOR_IDENT", "GIT_COMMITTER_IDENT")
    ):
        return None
    set_here = []
    if not git(root, "config", "user.email", check=False).stdout.strip():
        git(root, "config", "user.email", FALLBACK_EMAIL)
        set_here.append(f"user.email {FALLBACK_EMAIL}")
    if not git(root, "config", "user.name", check=False).stdout.strip():
        git(root, "config", "user.name", name or "mentorlog")
        set_here.append(f"user.name {name or 'mentorlog'}")
    if not set_here:
        return None
    return (
        f"git had no identity to commit with here: set {' and '.join(set_here)} "
        f"for this journal only (git -C {root} config user.email YOU@EXAMPLE "
        "to use your own)"
    )


def commit_all(root: Path, message: str) -> bool:
    """Commit every change in the journal but this machine's own state (see
    `LOCAL_STATE`); return whether there was one. Call `ensure_identity`
    first, to tell the user when it sets one."""
    ensure_identity(root)
    git(root, "add", "-A")
    untrack_local_state(root)  # staged if .gitignore no longer names them
    if git(root, "diff", "--cached", "--quiet", check=False).returncode == 0:
        return False
    git(root, "commit", "-q", "-m", message)
    return True


def set_merge_driver(root: Path, command: str) -> None:
    """The record merge's command, in this repository's own `.git/config`
    (never synced: what a pulled `.gitattributes` names, this machine runs)."""
    key = "merge.mentorlog.driver"
    if (
        git(root, "config", "--local", "--get", key, check=False).stdout.strip()
        != command
    ):
        git(root, "config", "--local", key, command)
        git(root, "config", "--local", "merge.mentorlog.name", "mentorlog record merge")


def in_progress(root: Path) -> bool:
    """A rebase or merge is open (a sync stopped on a conflict)."""
    git_dir = root / ".git"
    return any(
        (git_dir / name).exists()
        for name in ("rebase-merge", "rebase-apply", "MERGE_HEAD")
    )


_STOPPED = (
    ("rebase-merge", "rebase"),
    ("rebase-apply", "rebase"),
    ("MERGE_HEAD", "merge"),
    ("CHERRY_PICK_HEAD", "cherry-pick"),
    ("REVERT_HEAD", "revert"),
)


def stopped(root: Path) -> str | None:
    """The git operation a stopped sync (or the user's own git) left open:
    "rebase", "merge", "cherry-pick", "revert", or None. Only names under
    `.git/` are looked at: nothing in the working tree can fake or hide it."""
    git_dir = root / ".git"
    if not git_dir.is_dir():
        return None
    for name, operation in _STOPPED:
        if os.path.lexists(git_dir / name):
            return operation
    return None


def how_to_finish(root: Path, operation: str) -> str:
    """What to type to finish, or to abort, the open `operation`."""
    where = f"git -C {shlex.quote(str(root))}"
    finish = {
        "rebase": f"{where} add -A && {where} rebase --continue",
        "merge": f"{where} add -A && {where} commit --no-edit",
        "cherry-pick": f"{where} add -A && {where} cherry-pick --continue",
        "revert": f"{where} add -A && {where} revert --continue",
    }[operation]
    return (
        f"finish it (mend the files git names, then {finish}, then mentorlog sync) "
        f"or abort it ({where} {operation} --abort)"
    )


def with_markers(root: Path) -> list[str]:
    """Tracked files that still hold conflict markers."""
    done = git(root, "grep", "-l", "-E", "^(<<<<<<<|>>>>>>>) ", check=False)
    return [line for line in done.stdout.splitlines() if line.strip()]


def untrack_local_state(root: Path) -> list[str]:
    """Take this machine's own state out of the index (a journal made before
    it was ignored, or an attacker's commit, may have it tracked); the files
    stay on disk. Return the paths that were tracked."""
    tracked = git(
        root, "ls-files", "-z", "--", *LOCAL_STATE, _TEMPS, check=False
    ).stdout
    names = [name for name in tracked.split("\0") if name]
    if names:
        git(root, "rm", "-r", "-q", "--cached", "--ignore-unmatch", "--", *LOCAL_STATE)
        git(root, "rm", "-q", "--cached", "--ignore-unmatch", "--", _TEMPS)
    return names


def harden(root: Path, *, dry_run: bool = False) -> int:
    """Make the journal's own files private again (folders 0700, files
    0600): what git wrote (a clone, a rebase) or another tool left with looser
    modes. Return how many were changed.

    Only what mentorlog keeps is touched (`_OWN_FILES`, `_OWN_FOLDERS`, the
    record folders and their record files, temp files of its writes); nothing
    else in the folder, and nothing of git's: `.git` and everything under it
    keep their modes (hooks stay executable), and the journal folder, 0700,
    closes them to others. No symlink is followed: each name is opened
    relative to its folder with O_NOFOLLOW and changed through the open
    descriptor. With `dry_run`, nothing is changed: only counted."""
    from .kinds import ALL_KINDS

    record_folders = {kind.folder: kind.extension for kind in ALL_KINDS}
    try:
        top = os.open(root, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    except OSError:
        return 0
    changed = 0
    try:
        changed += _make_private(top, 0o700, dry_run)
        for name in _names(top):
            if name in record_folders:
                changed += _harden_at(
                    top, name, entries=record_folders[name], dry_run=dry_run
                )
            elif name in _OWN_FOLDERS:
                changed += _harden_at(top, name, entries="", deep=True, dry_run=dry_run)
            elif name in _OWN_FILES or is_temp(Path(name)):
                changed += _harden_at(top, name, dry_run=dry_run)
    finally:
        os.close(top)
    return changed


# What mentorlog keeps at the top of a journal besides the record folders:
# its files, and its folders (all of whose content is its own).
_OWN_FILES = (
    "mentorlog.toml",
    ".lock",
    ".undo",
    ".gitignore",
    ".gitattributes",
)
_OWN_FOLDERS = ("templates", ".cache", ".drafts", ".backups")


def _names(folder: int) -> list[str]:
    try:
        return os.listdir(folder)
    except OSError:
        return []


def _harden_at(
    folder: int,
    name: str,
    *,
    entries: str | None = None,
    deep: bool = False,
    dry_run: bool = False,
    depth: int = 0,
) -> int:
    """Make `name` in `folder` private: a file 0600; a folder 0700, and, with
    `entries`, each entry of it whose name ends so (a record file), and the
    temp files of mentorlog's writes; folders among them only when `deep`."""
    try:
        fd = os.open(
            name, os.O_RDONLY | os.O_CLOEXEC | os.O_NONBLOCK | _NOFOLLOW, dir_fd=folder
        )
    except OSError:
        return 0  # a symlink (ELOOP), or not ours to open
    changed = 0
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISREG(mode):
            changed += _make_private(fd, 0o600, dry_run)
        elif stat.S_ISDIR(mode) and (depth == 0 or deep) and depth < 64:
            changed += _make_private(fd, 0o700, dry_run)
            if entries is None:
                return changed
            for entry in _names(fd):
                if entry.endswith(entries) or is_temp(Path(entry)):
                    changed += _harden_at(
                        fd,
                        entry,
                        entries=entries if deep else None,
                        deep=deep,
                        dry_run=dry_run,
                        depth=depth + 1,
                    )
    except OSError:
        pass
    finally:
        os.close(fd)
    return changed


def _make_private(fd: int, want: int, dry_run: bool = False) -> int:
    with contextlib.suppress(OSError):
        if os.fstat(fd).st_mode & 0o777 != want:
            if not dry_run:
                os.fchmod(fd, want)
            return 1
    return 0


def conflicted(root: Path) -> list[str]:
    done = git(root, "diff", "--name-only", "--diff-filter=U", check=False)
    return [line for line in done.stdout.splitlines() if line.strip()]
