"""Git as the sync engine: a git journal commits every change, and `sync`
pulls with rebase and pushes. git itself is run by `gitrun` (confined to the
journal); an interrupted sync is undone by `gitrecover`."""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import os
import stat
from pathlib import Path
from typing import TYPE_CHECKING

from mentorlog.hints import hint

from .atomic import is_temp
from .gitrun import git, git_here, is_repo

if TYPE_CHECKING:
    from mentorlog.messages import HowToFinish, IdentitySet, OperationOpen

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
TEMPS = ":(glob)**/.*.tmp"
_NOT_LOCAL = (
    ".",
    *(f":(exclude){name}" for name in LOCAL_STATE),
    ":(exclude,glob)**/.*.tmp",
)
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)


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


def ensure_identity(root: Path, name: str | None = None) -> IdentitySet | None:
    """Give the repository an identity to commit with when git finds none (a
    clone on a device without `user.email`): the same repository-local
    fallback `init --git` sets. Returns what to tell the user when it set one
    (then never again: the next check finds it), else None."""
    if all(
        git(root, "var", var, check=False).returncode == 0
        for var in ("GIT_AUTHOR_IDENT", "GIT_COMMITTER_IDENT")
    ):
        return None
    from mentorlog.messages import IdentitySet

    email = user = None
    if not git(root, "config", "user.email", check=False).stdout.strip():
        email = FALLBACK_EMAIL
        git(root, "config", "user.email", email)
    if not git(root, "config", "user.name", check=False).stdout.strip():
        user = name or "mentorlog"
        git(root, "config", "user.name", user)
    if email is None and user is None:
        return None
    return IdentitySet(email, user, git_here(root))


def commit_all(root: Path, message: str, *, change: str | None = None) -> bool:
    """Commit every change in the journal but this machine's own state (see
    `LOCAL_STATE`); return whether there was one. Call `ensure_identity`
    first, to tell the user when it sets one. A `change` (the command that
    made it: "goals add") is sealed into the message (see `seal`), so that
    `undo` knows the commit for one mentorlog made here."""
    ensure_identity(root)
    git(root, "add", "-A")
    untrack_local_state(root)  # staged if .gitignore no longer names them
    if git(root, "diff", "--cached", "--quiet", check=False).returncode == 0:
        return False
    if change is not None:
        change = " ".join(change.split())
        staged = git(root, "diff", "--cached", *_PATCH_OPTIONS).stdout
        sealed = seal(root, change, _patch_id(root, staged))
        if sealed is not None:
            message += f"\n\n{CHANGE_TRAILER}: {change}\n{SEAL_TRAILER}: {sealed}"
    git(root, "commit", "-q", "-m", message)
    return True


# -- what `undo` may revert ----------------------------------------------------
# A commit mentorlog made for a change carries two trailers: the command
# (`Mentorlog-Change: goals add`) and a seal, an HMAC-SHA256 of that command
# and the commit's patch id, keyed by this machine's secret (the undo log's,
# kept outside the journal) bound to the journal's real path. Another device,
# or anyone who can push to the remote, can copy the trailers' words but not
# make a seal for another change; a sync's rebase keeps the patch id of a
# commit whose diff it does not change. The message text is never trusted.
CHANGE_TRAILER = "Mentorlog-Change"
SEAL_TRAILER = "Mentorlog-Seal"
_PATCH_OPTIONS = (
    "--no-renames",
    "--no-ext-diff",
    "--no-textconv",
    "--full-index",
    "--binary",
    "--no-color",
)


def _patch_id(root: Path, diff: str) -> str:
    said = git(root, "patch-id", "--stable", stdin=diff).stdout.split()
    return said[0] if said else ""


def _seal_key(root: Path, *, create: bool) -> bytes | None:
    from .undo import machine_secret

    secret = machine_secret(create=create)
    if secret is None:
        return None
    where = os.path.realpath(root).encode("utf-8", "surrogateescape")
    return hmac.new(secret, b"mentorlog commit seal\0" + where, hashlib.sha256).digest()


def seal(root: Path, change: str, patch_id: str, *, create: bool = True) -> str | None:
    """The seal of `change` with `patch_id` for this journal on this machine;
    None when this machine has no secret (and `create` is off, or it cannot
    keep one)."""
    key = _seal_key(root, create=create)
    if key is None or not patch_id:
        return None
    message = f"{change}\0{patch_id}".encode()
    return hmac.new(key, message, hashlib.sha256).hexdigest()


class Commit:
    """The last commit, as `undo` sees it."""

    def __init__(self, sha: str, subject: str, parents: int, change: str | None):
        self.sha = sha
        self.subject = subject
        self.parents = parents
        self.change = change  # the command, when the seal is this machine's


def last_commit(root: Path) -> Commit | None:
    """HEAD, and the change it made if mentorlog sealed it here; None when
    there is no commit yet."""
    done = git(root, "log", "-1", "--format=%H%x00%P%x00%s%x00%B", check=False)
    if done.returncode != 0 or not done.stdout:
        return None
    sha, parents, subject, body = done.stdout.split("\0", 3)
    trailers: dict[str, str] = {}
    for line in body.splitlines():
        name, colon, value = line.partition(":")
        if colon and name in (CHANGE_TRAILER, SEAL_TRAILER):
            trailers[name] = value.strip()
    change = trailers.get(CHANGE_TRAILER)
    given = trailers.get(SEAL_TRAILER, "")
    count = len(parents.split())
    if change is None or not given or count != 1:
        return Commit(sha, subject, count, None)
    shown = git(root, "show", "--format=", *_PATCH_OPTIONS, sha).stdout
    wanted = seal(root, change, _patch_id(root, shown), create=False)
    if wanted is None or not hmac.compare_digest(wanted, given):
        change = None
    return Commit(sha, subject, count, change)


def uncommitted(root: Path, *, check: bool = True) -> list[str]:
    """Files changed, added or removed and not committed, this machine's own
    state left out."""
    done = git(
        root,
        "status",
        "--porcelain",
        "-z",
        "--untracked-files=all",
        "--",
        *_NOT_LOCAL,
        check=check,
    )
    entries = [e for e in done.stdout.split("\0") if e]
    return [entry[3:] for entry in entries if len(entry) > 3]


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


def how_to_finish(root: Path, operation: str) -> HowToFinish:
    """What to type to finish the open `operation`, or to go back from it
    without losing anything (never a bare `--abort`: it drops what the files
    hold that no commit does): a sync's rebase goes back with `sync --abort`."""
    from mentorlog.messages import HowToFinish

    abort = hint("sync", "--abort") if operation == "rebase" else None
    return HowToFinish(operation, git_here(root), hint("sync"), abort)


def what_is_open(root: Path, operation: str) -> OperationOpen:
    """The open `operation`, blaming a conflict only when there is one."""
    from mentorlog.messages import OperationOpen

    return OperationOpen(operation, tuple(conflicted(root)))


def with_markers(root: Path) -> list[str]:
    """Tracked files that still hold conflict markers."""
    done = git(root, "grep", "-l", "-E", "^(<<<<<<<|>>>>>>>) ", check=False)
    return [line for line in done.stdout.splitlines() if line.strip()]


def untrack_local_state(root: Path) -> list[str]:
    """Take this machine's own state out of the index (a journal made before
    it was ignored, or an attacker's commit, may have it tracked); the files
    stay on disk. Return the paths that were tracked."""
    tracked = git(root, "ls-files", "-z", "--", *LOCAL_STATE, TEMPS, check=False).stdout
    names = [name for name in tracked.split("\0") if name]
    if names:
        git(root, "rm", "-r", "-q", "--cached", "--ignore-unmatch", "--", *LOCAL_STATE)
        git(root, "rm", "-q", "--cached", "--ignore-unmatch", "--", TEMPS)
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
