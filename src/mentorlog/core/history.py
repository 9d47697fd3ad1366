"""`undo`: in a git journal, revert the last change mentorlog committed.

Only a commit mentorlog sealed on this machine for this journal is reverted
(`store.gitsync.last_commit`); the revert is a new commit, so nothing of the
history is lost and `git log` shows both."""

from __future__ import annotations

from mentorlog._struct import struct
from mentorlog.errors import UserError
from mentorlog.hints import hint
from mentorlog.messages import errors as e
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
        raise UserError(e.NoJournalToUndo(str(root)))
    if not gitrun.is_repo(root):
        raise UserError(e.UndoNeedsGit(hint("init", "--git")))
    gitrun.require_sound(root)
    with journal.transaction():
        operation = gitsync.stopped(root)
        if operation is not None:
            what = gitsync.what_is_open(root, operation)
            finish = gitsync.how_to_finish(root, operation)
            raise UserError(e.UndoSyncOpen(what, finish))
        changed = gitsync.uncommitted(root)
        if changed:
            more = len(changed) - 1
            raise UserError(e.UndoUncommitted(changed[0], more, hint("sync")))
        last = gitsync.last_commit(root)
        if last is None:
            raise UserError(e.NoCommitToUndo())
        short = last.sha[:7]
        if last.change is None:
            raise UserError(e.NotOurCommit(short, last.subject))
        if last.change == "undo":
            raise UserError(e.AlreadyUndone(short, gitrun.git_here(root)))
        done = gitrun.git(root, "revert", "--no-commit", last.sha, check=False)
        if done.returncode != 0:
            gitrun.git(root, "revert", "--abort", check=False)
            raise gitrun.GitError(e.RevertFailed(gitrun.what_git_said(done)))
        message = (
            f"mentorlog undo: {last.change} ({short})\n\n"
            f"This reverts commit {last.sha}."
        )
        gitsync.commit_all(root, message, change="undo")
        gitsync.harden(root)
        journal.forget()
        head = gitrun.git(root, "rev-parse", "--short=7", "HEAD").stdout.strip()
    return Undone(last.change, short, head)
