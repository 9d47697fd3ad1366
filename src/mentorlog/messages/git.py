"""git and sync: warnings and advice (`core/sync.py`, `store/gitrun.py`,
`store/gitsync.py`, `store/gitrecover.py`, `store/conflicts.py`)."""

from __future__ import annotations

from mentorlog.hints import Hint

from ._base import Told, message


@message
class GitIsLink(Told):
    git_dir: str  # the journal's .git, a symbolic link
    target: str  # where it points
    init: Hint


@message
class BrokenGit(Told):
    git_dir: str  # the journal's .git
    why: str  # what git said
    init: Hint


@message
class StaleIndexLock(Told):
    lock: str  # .git/index.lock


@message
class IdentitySet(Told):
    email: str | None  # set for this journal only (None: it had one)
    name: str | None
    git: str  # `git -C JOURNAL`


@message
class HowToFinish(Told):
    operation: str  # "rebase", "merge", "cherry-pick", "revert"
    git: str  # `git -C JOURNAL`
    sync: Hint
    abort: Hint | None  # how to go back, when it is a sync's rebase


@message
class OperationOpen(Told):
    operation: str
    files: tuple[str, ...]  # in conflict, if any


@message
class SyncConflicted(Told):
    files: tuple[str, ...]
    git: str  # `git -C JOURNAL`
    edit: Hint
    sync: Hint
    abort: Hint


@message
class SyncMovedOn(Told):
    branch: str
    doctor: Hint


@message
class SyncPutBack(Told):
    sync: Hint
    kept: str | None  # the ref of the files it was changing


@message
class ConflictedCopy(Told):
    copy: str
    original: str
    doctor: Hint


@message
class OrphanCopy(Told):
    """A conflicted copy whose original is gone: all that is left of it."""

    copy: str
    original: str


@message
class HowToMergeCopy(Told):
    copy: str
    original: str
    edit: Hint | None  # a record's copy: how to open the record


GitMessage = (
    GitIsLink
    | BrokenGit
    | StaleIndexLock
    | IdentitySet
    | HowToFinish
    | OperationOpen
    | SyncConflicted
    | SyncMovedOn
    | SyncPutBack
    | ConflictedCopy
    | HowToMergeCopy
    | OrphanCopy
)
