"""Running git, confined to the journal: the one place mentorlog starts a git
process (and so the only code that may reach a network, through git itself).

Every git mentorlog runs works on the journal's own repository or on none:

- discovery stops at the journal folder (`GIT_CEILING_DIRECTORIES` names its
  parent), so a journal without a `.git` of its own (or with a broken one)
  inside another repository (a dotfiles home, a project checkout) never
  reaches that repository;
- the variables that point git at another repository, index or object store
  (`LOCAL_ENV_VARS`: what `git rev-parse --local-env-vars` lists, set for a
  hook or an editor git started) are dropped from git's environment;
- a journal is a git journal only when its folder itself holds `.git`
  (`is_repo`).
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
from pathlib import Path
from typing import TYPE_CHECKING

from mentorlog.errors import MentorlogError, UserError
from mentorlog.hints import hint

if TYPE_CHECKING:
    from mentorlog.messages import BrokenGit, GitIsLink, StaleIndexLock

# What `git rev-parse --local-env-vars` lists: the variables that belong to
# one repository (git clears them itself before it works in another). Its
# list across git versions (GIT_INTERNAL_SUPER_PREFIX went in 2.40,
# GIT_NO_LAZY_FETCH came in 2.45); a test compares it with the installed git.
LOCAL_ENV_VARS = (
    "GIT_ALTERNATE_OBJECT_DIRECTORIES",
    "GIT_CONFIG",
    "GIT_CONFIG_PARAMETERS",
    "GIT_CONFIG_COUNT",
    "GIT_OBJECT_DIRECTORY",
    "GIT_DIR",
    "GIT_WORK_TREE",
    "GIT_IMPLICIT_WORK_TREE",
    "GIT_GRAFT_FILE",
    "GIT_INDEX_FILE",
    "GIT_NO_REPLACE_OBJECTS",
    "GIT_REPLACE_REF_BASE",
    "GIT_PREFIX",
    "GIT_INTERNAL_SUPER_PREFIX",
    "GIT_SHALLOW_FILE",
    "GIT_COMMON_DIR",
    "GIT_NO_LAZY_FETCH",
)
# Also another repository's: the refs of a namespace (a server's hook).
_DROPPED = frozenset((*LOCAL_ENV_VARS, "GIT_NAMESPACE"))


class GitError(MentorlogError):
    """git failed; the message carries what git said, trimmed."""


class BrokenGitError(GitError):
    """The journal holds a `.git` that git cannot open."""


def is_repo(root: Path) -> bool:
    """Whether the journal is a git journal: its folder itself holds `.git`
    (a repository around it does not count; a link named `.git` is never
    followed, see `linked`)."""
    return os.path.lexists(root / ".git")


def linked(root: Path) -> bool:
    """Whether the journal's `.git` is a symbolic link: never followed, like
    every link inside the journal (it would point git at another repository,
    and may come from another device)."""
    return os.path.islink(root / ".git")


def available() -> bool:
    return shutil.which("git") is not None


def confined_env(root: Path, env: dict[str, str] | None = None) -> dict[str, str]:
    """The environment of a git that works in `root` and nowhere else: this
    process's, without another repository's variables, discovery stopped at
    `root`; then `env` (mentorlog's own, e.g. a temporary index)."""
    confined = {k: v for k, v in os.environ.items() if k not in _DROPPED}
    confined |= {"GIT_TERMINAL_PROMPT": "0", "LC_ALL": "C"}
    real = os.path.realpath(root)
    parent = os.path.dirname(real)
    if os.pathsep not in parent:
        confined["GIT_CEILING_DIRECTORIES"] = parent
    elif os.path.lexists(os.path.join(real, ".git")):
        # a list of paths cannot name it: the journal's own, named outright
        confined["GIT_DIR"] = os.path.join(real, ".git")
        confined["GIT_WORK_TREE"] = real
    return {**confined, **(env or {})}


def run(
    root: Path,
    *args: str,
    env: dict[str, str] | None = None,
    stdin: str | None = None,
    timeout: float = 300,
) -> subprocess.CompletedProcess[str]:
    """Start `git -C ROOT ARGS...` confined to `root` (see `confined_env`):
    the only place mentorlog starts git. Raises what `subprocess.run` does."""
    return subprocess.run(
        ["git", "-C", str(root), *args],
        capture_output=True,
        text=True,
        input=stdin,
        env=confined_env(root, env),
        timeout=timeout,
        check=False,
    )


def git(
    root: Path,
    *args: str,
    check: bool = True,
    env: dict[str, str] | None = None,
    stdin: str | None = None,
) -> subprocess.CompletedProcess[str]:
    """git in the journal `root`; with `check`, a failure is a `GitError`
    (a `BrokenGitError` when the journal's `.git` is one git cannot open)."""
    if linked(root):  # never followed: git fails here as with a broken .git
        if check:
            raise BrokenGitError(how_to_unlink(root))
        unlinked = str(how_to_unlink(root))
        return subprocess.CompletedProcess(["git", *args], 128, "", unlinked)
    try:
        done = run(root, *args, env=env, stdin=stdin)
    except FileNotFoundError:
        from mentorlog.messages import errors as e

        raise UserError(e.GitMissing()) from None
    except subprocess.TimeoutExpired:
        from mentorlog.messages import errors as e

        raise GitError(e.GitTimedOut(args[0])) from None
    if check and done.returncode != 0:
        require_sound(root)
        said = what_git_said(done)
        lock = stale_index_lock(root) if "index.lock" in said else None
        if lock is not None:
            said += f"; {how_to_clear(lock)}"
        raise GitError(f"git {args[0]} failed: {said}")
    return done


def broken_git(root: Path) -> str | None:
    """What git says when the journal holds a `.git` it cannot open (an empty
    or garbage `.git` file, a folder without HEAD); None when it opens it, or
    there is no `.git`."""
    if not is_repo(root):
        return None
    try:
        done = run(root, "rev-parse", "--git-dir", timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return None  # no git to ask: not the repository's fault
    return None if done.returncode == 0 else what_git_said(done)


def trouble(root: Path) -> GitIsLink | BrokenGit | None:
    """What is wrong with the journal's `.git`, said in one line with what to
    do: a link (never followed), or one git cannot open; None when sound."""
    if linked(root):
        return how_to_unlink(root)
    broken = broken_git(root)
    return None if broken is None else how_to_mend(root, broken)


def require_sound(root: Path) -> None:
    """`BrokenGitError` when the journal's `.git` is a link or one git cannot
    open."""
    said = trouble(root)
    if said is not None:
        raise BrokenGitError(said)


def how_to_unlink(root: Path) -> GitIsLink:
    """One line: the journal's `.git` is a link, and what to do about it."""
    from mentorlog.messages import GitIsLink

    where = root / ".git"
    target = os.readlink(where) if os.path.islink(where) else "?"
    return GitIsLink(str(where), target, hint("init", "--git"))


def how_to_mend(root: Path, said: str) -> BrokenGit:
    """One line: the journal's `.git` is broken, and what to do about it."""
    from mentorlog.messages import BrokenGit

    return BrokenGit(str(root / ".git"), said, hint("init", "--git"))


STALE_AFTER = 60.0  # seconds: a git that holds its index lock longer is gone


def stale_index_lock(root: Path, *, now: float | None = None) -> Path | None:
    """`.git/index.lock` when a git that was stopped left it behind: no git
    runs in this journal and the file is over a minute old. Every later
    commit fails until it is removed."""
    import time

    lock = root / ".git" / "index.lock"
    try:
        info = os.lstat(lock)
    except OSError:
        return None
    age = (time.time() if now is None else now) - info.st_mtime
    if age < STALE_AFTER or _git_running_in(root):
        return None
    return lock


def how_to_clear(lock: Path) -> StaleIndexLock:
    from mentorlog.messages import StaleIndexLock

    return StaleIndexLock(str(lock))


def _git_running_in(root: Path) -> bool:
    """Whether a git process (that this user may see) works in `root`."""
    proc = Path("/proc")
    if not proc.is_dir():
        return False  # no way to look: the age alone decides
    real = os.path.realpath(root)
    for entry in proc.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            if (entry / "comm").read_text().strip() != "git":
                continue
            cwd = os.readlink(entry / "cwd")
            argv = (entry / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if cwd == real or cwd.startswith(real + os.sep):
            return True
        if any(os.fsencode(real) == arg.rstrip(b"/") for arg in argv):
            return True
    return False


def what_git_said(done: subprocess.CompletedProcess[str]) -> str:
    """Everything git said, whole (its `hint:` advice left out: it may advise
    a command that drops work), on one line."""
    said = [line.strip() for line in (done.stderr or done.stdout).splitlines()]
    said = [line for line in said if line and not line.startswith("hint:")]
    if not said:
        return f"exit {done.returncode}"
    return "; ".join(said)


def git_here(root: Path) -> str:
    """`git -C ROOT` as typed in a shell: the journal's path quoted, so the
    command a message suggests runs as shown ("~/My Journal", "Sam's")."""
    return f"git -C {shlex.quote(str(root))}"
