"""`undo`: in a git journal, revert the last change mentorlog committed.

Only a commit mentorlog sealed on this machine for this journal is reverted
(`store.gitsync.last_commit`); the revert is a new commit, so nothing of the
history is lost and `git log` shows both."""

from __future__ import annotations

from mentorlog._struct import struct
from mentorlog.errors import UserError
from mentorlog.hints import Said, hint
from mentorlog.store import gitrun, gitsync
from mentorlog.store.journal import Journal


@struct(frozen=True)
class Undone:
    change: str  # the command whose change was reverted: "goals add"
    reverted: str  # the short hash of the commit reverted
    commit: str  # the short hash of the revert commit


def undo_last(journal: Journal) -> Undone:
    root = journal.root
    if not journal.exists():
        raise UserError(f"no journal at {root}: nothing to undo")
    if not gitrun.is_repo(root):
        raise UserError(
            Said(
                "undo works in a git journal, where each change is a commit; this "
                "one is not (`",
                hint("init", "--git"),
                "` makes it one)",
            )
        )
    gitrun.require_sound(root)
    with journal.transaction():
        operation = gitsync.stopped(root)
        if operation is not None:
            raise UserError(
                f"nothing was undone: {gitsync.what_is_open(root, operation)} "
                "is not finished; " + gitsync.how_to_finish(root, operation)
            )
        changed = gitsync.uncommitted(root)
        if changed:
            more = f" and {len(changed) - 1} more" if len(changed) > 1 else ""
            raise UserError(
                Said(
                    f"nothing was undone: {changed[0]}{more} changed since the last "
                    "commit; commit it (",
                    hint("sync"),
                    ") or put it back first",
                )
            )
        last = gitsync.last_commit(root)
        if last is None:
            raise UserError("nothing to undo: the journal has no commit yet")
        short = last.sha[:7]
        if last.change is None:
            raise UserError(
                f'nothing was undone: the last commit ({short} "{last.subject}") '
                "is not a change mentorlog made on this machine"
            )
        if last.change == "undo":
            raise UserError(
                f"nothing was undone: the last commit ({short}) is already an undo; "
                f"undo reverts one change ({gitrun.git_here(root)} revert {short} "
                "redoes it)"
            )
        done = gitrun.git(root, "revert", "--no-commit", last.sha, check=False)
        if done.returncode != 0:
            gitrun.git(root, "revert", "--abort", check=False)
            raise gitrun.GitError(f"git revert failed: {gitrun.what_git_said(done)}")
        message = (
            f"mentorlog undo: {last.change} ({short})\n\n"
            f"This reverts commit {last.sha}."
        )
        gitsync.commit_all(root, message, change="undo")
        gitsync.harden(root)
        journal.forget()
        head = gitrun.git(root, "rev-parse", "--short=7", "HEAD").stdout.strip()
    return Undone(last.change, short, head)
