"""`init --git` and `sync`: the journal as a git repository."""

from __future__ import annotations

import contextlib
import os
import shutil
import stat
from pathlib import Path

from mentorlog._struct import struct
from mentorlog.errors import JournalIOError, MentorlogError, UserError
from mentorlog.hints import Said, hint
from mentorlog.messages import SyncConflicted
from mentorlog.store import gitrecover, gitrun, gitsync, undo
from mentorlog.store.journal import Journal


class SyncConflict(MentorlogError):
    """Both devices changed the same record: stop, keep both, say how to finish."""


@struct
class SyncResult:
    committed: bool
    pulled: bool
    pushed: bool
    remote: str


def make_git_journal(journal: Journal) -> bool:
    """Make the journal a git repository with a .gitignore and a first commit;
    return whether it already was one."""
    with journal.transaction():
        settings, _ = journal.settings_or_default()
        existed = gitsync.init_repo(journal.root, settings.name)
        said = gitsync.ensure_identity(journal.root, settings.name)
        if said:
            journal.warn_once(said)
        keep_local_state_out(journal)
        use_record_merge(journal)
        gitsync.harden(journal.root)
        gitsync.commit_all(journal.root, "mentorlog: start the journal")
    return existed


def keep_local_state_out(journal: Journal) -> None:
    """`.gitignore` names this machine's own state (the undo log, the cache,
    drafts, the lock, backups, temp files), whatever an older release or
    another device left in it. Call inside a transaction."""
    ignore = journal.root / ".gitignore"
    present = _read_plain_file(ignore)
    lines = _in_force(present)
    missing = [
        line
        for line in gitsync.GITIGNORE.splitlines()
        if line and not line.startswith("#") and line not in lines
    ]
    if missing:
        joined = present + ("" if not present or present.endswith("\n") else "\n")
        header = "" if present else "# mentorlog: derived, local or transient\n"
        journal.write_text(ignore, joined + header + "\n".join(missing) + "\n")


def use_record_merge(journal: Journal) -> None:
    """git merges mentorlog's own files with the record merge
    (`store.merge`): `.gitattributes` names it for the record folders and the
    settings, and the command git runs is set in the local `.git/config`, the
    running interpreter by its absolute path. Call inside a transaction."""
    import shlex
    import sys

    from mentorlog.store import merge

    command = f"{shlex.quote(sys.executable)} -m mentorlog merge-driver %O %A %B %P"
    gitsync.set_merge_driver(journal.root, command)
    path = journal.root / ".gitattributes"
    present = _read_plain_file(path)
    lines = {line.strip() for line in present.splitlines()}
    missing = [
        f"{pattern} merge={merge.DRIVER}"
        for pattern in merge.PATTERNS
        if f"{pattern} merge={merge.DRIVER}" not in lines
    ]
    if missing:
        joined = present + ("" if not present or present.endswith("\n") else "\n")
        header = (
            "" if present else "# mentorlog: its own files merge record by record\n"
        )
        journal.write_text(path, joined + header + "\n".join(missing) + "\n")


def _in_force(gitignore: str) -> set[str]:
    """The patterns of a .gitignore that no later line can undo. In git the
    last matching pattern wins, so a pulled `!.undo` after `.undo` un-ignores
    it: a pattern counts only if it comes after the last negation (`!...`).
    Lines are read as git reads them: a trailing CR and trailing spaces do not
    count, leading spaces do."""
    lines = [line.rstrip("\r").rstrip(" ") for line in gitignore.split("\n")]
    negated = [index for index, line in enumerate(lines) if line.startswith("!")]
    return set(lines[negated[-1] + 1 :] if negated else lines)


def _read_plain_file(path: Path) -> str:
    """The text of `path`, never through a symlink: a symlink (or anything
    but a file) where .gitignore goes is removed, and reads as empty."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return ""
    except OSError as error:
        raise JournalIOError(path, error, action="read") from error
    if not stat.S_ISREG(info.st_mode):
        try:
            if stat.S_ISDIR(info.st_mode):
                raise IsADirectoryError(21, "a folder stands where a file should be")
            path.unlink()
        except OSError as error:
            raise JournalIOError(path, error, action="replace") from error
        return ""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
        with os.fdopen(fd, "rb") as file:
            return file.read().decode("utf-8", "replace")
    except OSError as error:
        raise JournalIOError(path, error, action="read") from error


def _untrack(journal: Journal) -> None:
    """Take this machine's own state out of git; a cache that came from git
    (another device's, or an attacker's) is dropped: it is derived, and only
    a cache this machine built may be trusted."""
    tracked = gitsync.untrack_local_state(journal.root)
    if any(name.startswith(".cache/") for name in tracked):
        cache = journal.root / ".cache"
        with contextlib.suppress(OSError):
            if cache.is_symlink() or not cache.is_dir():
                cache.unlink()
            else:
                shutil.rmtree(cache)


def sync(journal: Journal) -> SyncResult:
    root = journal.root
    if not gitrun.is_repo(root):
        raise UserError(
            Said("not a git journal: `", hint("init", "--git"), "` makes it one")
        )
    gitrun.require_sound(root)
    with journal.transaction():  # (its own undo log is gone before git works)
        keep_local_state_out(journal)
        use_record_merge(journal)
    with journal.transaction():  # no mentorlog writes while git works
        _refuse_unfinished(root)
        _untrack(journal)
        said = gitsync.ensure_identity(root)
        if said:
            journal.warn_once(said)
        committed = gitsync.commit_all(root, "mentorlog sync: local changes")
        remote = _remote(root)
        branch = gitrun.git(root, "rev-parse", "--abbrev-ref", "HEAD").stdout.strip()
        # a pulled .gitmodules must not stop every later fetch (a journal has
        # no submodules: git would read it to recurse into them)
        gitrun.git(root, "fetch", "-q", "--no-recurse-submodules", remote)
        pulled = _rebase_onto_remote(root, remote, branch)
        if pulled:
            committed = _take_in(journal) or committed
        gitrun.git(root, "push", "-q", "-u", remote, f"HEAD:{branch}")
        gitsync.harden(root)  # files the rebase brought in come with git's modes
    return SyncResult(committed, pulled, True, remote)


def _refuse_unfinished(root: Path) -> None:
    """`SyncConflict` while a conflict, an open rebase or merge, or conflict
    markers in a tracked file are left from before."""
    if gitsync.conflicted(root):
        raise SyncConflict(_conflict_message(root, gitsync.conflicted(root)))
    operation = gitsync.stopped(root)
    if operation is not None:
        raise SyncConflict(
            f"{gitsync.what_is_open(root, operation)} is not finished: "
            + gitsync.how_to_finish(root, operation)
        )
    marked = gitsync.with_markers(root)
    if marked:
        raise SyncConflict(
            Said(
                f"{', '.join(marked[:5])} still hold conflict markers "
                "(<<<<<<< ... >>>>>>>): keep what you want (",
                hint("edit", marked[0]),
                "), then sync",
            )
        )


def _remote(root: Path) -> str:
    """The remote to sync with: `origin`, else the first there is."""
    remotes = gitrun.git(root, "remote").stdout.split()
    if not remotes:
        raise UserError(
            f"no remote yet: {gitrun.git_here(root)} remote add origin URL, "
            "then sync again"
        )
    return "origin" if "origin" in remotes else remotes[0]


def _rebase_onto_remote(root: Path, remote: str, branch: str) -> bool:
    """Replay the local commits on the remote's branch; False when the remote
    has no such branch yet. A conflict stops with `SyncConflict`; any other
    failure puts the branch back as it was, then raises."""
    if (
        gitrun.git(
            root, "rev-parse", "--verify", "-q", f"{remote}/{branch}", check=False
        ).returncode
        != 0
    ):
        return False
    head = gitrun.git(root, "rev-parse", "HEAD").stdout.strip()
    gitrecover.record_sync(root, branch, head)  # undone if this process dies
    try:
        done = gitrun.git(root, "rebase", "-q", f"{remote}/{branch}", check=False)
    finally:
        if not gitsync.stopped(root) or gitsync.conflicted(root):
            gitrecover.forget_sync(root)
    if done.returncode != 0:
        files = gitsync.conflicted(root)
        if not files:
            if gitsync.stopped(root) == "rebase":
                gitrecover.go_back(root, branch)
            gitrecover.forget_sync(root)
            raise gitrun.GitError(
                "git rebase failed, with no conflict; the journal is as it "
                "was before the sync: " + gitrun.what_git_said(done)
            )
        gitsync.harden(root)
        raise SyncConflict(_conflict_message(root, files))
    return True


def _take_in(journal: Journal) -> bool:
    """After a pull: what came in is untrusted, so another device's local
    state is taken out of git and a recovery log that is not ours is removed;
    two devices that planned one meeting get one meeting again. Returns
    whether that made a commit."""
    from mentorlog.core.sessions import merge_duplicate_plans

    root = journal.root
    _untrack(journal)
    journal.recovered += undo.recover(root, warn=journal.warnings.append)
    journal.forget()
    for said in merge_duplicate_plans(journal):
        journal.warn_once(said)
    return gitsync.commit_all(root, "mentorlog sync: keep local state out of git")


def _conflict_message(root: Path, files: list[str]) -> SyncConflicted:
    """Both devices changed `files`: how to keep what you want, or go back."""
    return SyncConflicted(
        tuple(files),
        gitrun.git_here(root),
        hint("edit", files[0]),
        hint("sync"),
        hint("sync", "--abort"),
    )


def abort_sync(journal: Journal) -> str | None:
    """Go back from a sync left open (stopped on a conflict, or interrupted)
    to the branch as it was before it, every saved record in it; what the
    files held is first kept in a commit. Returns that commit's ref, or None."""
    root = journal.root
    with journal.transaction():
        if gitsync.stopped(root) != "rebase":
            raise UserError("no sync to abort: no rebase is open")
        branch = gitrecover.rebase_branch(root)
        if branch is None:
            raise UserError(
                f"the open rebase names no branch; see {gitrun.git_here(root)} status"
            )
        kept = gitrecover.go_back(root, branch)
        gitrecover.forget_sync(root)
        gitsync.harden(root)
    return kept
