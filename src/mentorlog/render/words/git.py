"""Warnings after a save; git and sync: their words."""

from __future__ import annotations

import shlex
from typing import assert_never

from mentorlog import messages as m
from mentorlog.errors import NEVER_FOLLOWED
from mentorlog.hints import Said


def saving(message: m.StoreMessage) -> Said | str:
    """Warnings after a save."""
    match message:
        case m.SyncNotUndone(why=why):
            return f"an interrupted sync could not be undone: {why}"
        case m.NotCommittedMidSync(sync=sync):
            return Said(
                "saved, not committed: a sync is not finished; finish it first (",
                sync,
                " says how)",
            )
        case m.NotCommitted(why=why):
            return f"saved, but not committed to git: {why}"
        case _:
            assert_never(message)


def git(message: m.GitMessage) -> Said | str:
    """What git holds, what a sync left, and what to do about it."""
    match message:
        case m.GitIsLink(git_dir=where, target=target, init=init):
            return Said(
                f"the journal's .git is a symbolic link to {target}; "
                f"{NEVER_FOLLOWED}: replace it with the repository itself, or "
                f"remove the link (rm {shlex.quote(where)}) and `",
                init,
                "` starts a new history",
            )
        case m.BrokenGit(git_dir=where, why=why, init=init):
            aside = shlex.quote(f"{where}.broken")
            return Said(
                f"the journal's .git is broken, git cannot open it ({why}): "
                f"restore it from a backup or a clone of your remote, or move it "
                f"aside (mv {shlex.quote(where)} {aside}) and `",
                init,
                "` starts a new history",
            )
        case m.StaleIndexLock(lock=lock):
            return (
                f"{lock} was left by a git that was stopped (no git is running "
                f"here): remove it (rm {shlex.quote(lock)}) and the next change "
                "commits what is pending"
            )
        case m.IdentitySet(email=email, name=name, git=where):
            set_here = [f"user.email {email}"] if email is not None else []
            set_here += [f"user.name {name}"] if name is not None else []
            return (
                "git had no identity to commit with here: set "
                f"{' and '.join(set_here)} for this journal only ({where} config "
                "user.email YOU@EXAMPLE to use your own)"
            )
        case m.HowToFinish():
            return _how_to_finish(message)
        case m.OperationOpen(operation=operation, files=files):
            if files:
                return f"a {operation} stopped on a conflict in {', '.join(files[:3])}"
            return f"a {operation} (a sync or git stopped before it finished)"
        case _:
            return _sync(message)


def _how_to_finish(message: m.HowToFinish) -> Said:
    """What to type to finish an open git operation, or to go back from it
    without losing anything (never a bare `--abort`)."""
    where, operation = message.git, message.operation
    then = "commit --no-edit" if operation == "merge" else f"{operation} --continue"
    back: Said | str = (
        f"or commit what you want to keep before you abort it ({where} "
        f"{operation} --abort drops what no commit holds)"
        if message.abort is None
        else Said(
            "or go back to before the sync with ",
            message.abort,
            " (what the files hold is kept in git)",
        )
    )
    return (
        Said(
            f"finish it (mend the files git names, then {where} add -A && "
            f"{where} {then}, then ",
            message.sync,
            ") ",
        )
        + back
    )


def _sync(
    message: m.SyncConflicted
    | m.SyncMovedOn
    | m.SyncPutBack
    | m.ConflictedCopy
    | m.HowToMergeCopy
    | m.OrphanCopy,
) -> Said | str:
    match message:
        case m.SyncConflicted(files=files, git=where):
            listed = ", ".join(files[:5]) + (
                f" and {len(files) - 5} more" if len(files) > 5 else ""
            )
            return Said(
                f"both devices changed {listed}; both versions are kept in the file "
                "between <<<<<<< and >>>>>>> lines. Keep what you want (",
                message.edit,
                f"), then: {where} add -A && {where} rebase --continue, and ",
                message.sync,
                " again (or go back to before the sync with ",
                message.abort,
                ": what the files hold is kept in git)",
            )
        case m.SyncMovedOn(branch=branch, doctor=doctor):
            return Said(
                f"a sync was interrupted, and the branch {branch} has moved "
                "since; nothing was changed: `",
                doctor,
                "` lists what is not in the files",
            )
        case m.SyncPutBack(sync=sync, kept=kept):
            said = Said(
                "the last sync was interrupted while it rebased; the journal is back "
                "as it was before that sync, every saved record in it: run ",
                sync,
                " again",
            )
            if kept:
                said += f" (the files it was changing are kept in git as {kept})"
            return said
        case m.ConflictedCopy(copy=copy, original=original, doctor=doctor):
            return Said(
                f"{copy}: a conflicted copy of {original} (a sync tool or a merge "
                "made it); mentorlog neither reads nor writes it (",
                doctor,
                " says how to merge it)",
            )
        case m.OrphanCopy(copy=copy, original=original):
            first, second = shlex.quote(original), shlex.quote(copy)
            return (
                f"a conflicted copy of {original} (a sync tool or a merge made "
                f"it), never read nor written, and {original} is gone: to keep "
                f"what it holds, make it the file (mv {second} {first}), else "
                "delete it"
            )
        case m.HowToMergeCopy(copy=copy, original=original, edit=edit):
            first, second = shlex.quote(original), shlex.quote(copy)
            what = (
                f"a conflicted copy of {original} (a sync tool or a merge made it), "
                f"never read nor written: compare them (diff {first} {second}), "
            )
            if edit is None:
                return f"{what}copy what you keep into {original}, then delete the copy"
            return Said(
                f"{what}copy what you keep into the record (",
                edit,
                "), then delete the copy",
            )
        case _:
            assert_never(message)
