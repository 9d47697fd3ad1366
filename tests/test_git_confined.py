"""Every git mentorlog starts works on the journal's own repository, never on
one around it or one the environment names; a `.git` git cannot open is said
once, plainly, and the change is still saved. Real git, real processes."""

from __future__ import annotations

import hashlib
import os
import subprocess
from pathlib import Path

import pytest

from mentorlog.store.gitrun import LOCAL_ENV_VARS
from tests.gitjournal import Device


def _plain_git(repo: Path, *args: str) -> str:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env |= {"GIT_CONFIG_NOSYSTEM": "1", "HOME": str(repo)}
    who = {"NAME": "Owner", "EMAIL": "owner@localhost"}
    env |= {f"GIT_{r}_{k}": v for r in ("AUTHOR", "COMMITTER") for k, v in who.items()}
    return subprocess.run(
        ["git", "-C", str(repo), *args],
        capture_output=True,
        text=True,
        check=True,
        env=env,
        timeout=120,
    ).stdout


def _repo_with_a_commit(repo: Path) -> Path:
    """Someone else's repository (a dotfiles home, a project) with a commit."""
    repo.mkdir(parents=True, exist_ok=True)
    _plain_git(repo, "init", "-q")
    (repo / "README").write_text("not the journal\n")
    _plain_git(repo, "add", "README")
    _plain_git(repo, "commit", "-q", "-m", "their commit")
    return repo


def _fingerprint(repo: Path) -> str:
    """Every byte of a repository's `.git` (refs, index, objects, config)."""
    digest = hashlib.sha256()
    git_dir = repo / ".git"
    for folder, subfolders, names in sorted(os.walk(git_dir)):
        subfolders.sort()
        for name in sorted(names):
            path = Path(folder) / name
            digest.update(str(path.relative_to(git_dir)).encode() + b"\0")
            digest.update(path.read_bytes())
    return digest.hexdigest()


def _untouched(repo: Path, before: str) -> None:
    assert _fingerprint(repo) == before
    assert _plain_git(repo, "log", "--format=%s").splitlines() == ["their commit"]
    assert _plain_git(repo, "diff", "--cached", "--name-only") == ""


def test_the_list_of_another_repositorys_variables_is_gits() -> None:
    listed = subprocess.run(
        ["git", "rev-parse", "--local-env-vars"],
        capture_output=True,
        text=True,
        check=True,
        cwd="/",
    ).stdout.split()
    assert listed
    assert set(listed) <= set(LOCAL_ENV_VARS)


def _break(git_dir: Path, how: str) -> None:
    if how == "a folder without HEAD":
        git_dir.mkdir()
        (git_dir / "objects").mkdir()
    elif how == "an empty file":
        git_dir.write_text("")
    else:
        git_dir.write_bytes(b"\x00garbage \xff\n")


BROKEN = ("a folder without HEAD", "an empty file", "a garbage file")


@pytest.mark.parametrize("how", BROKEN)
def test_a_journal_inside_another_repository_never_commits_to_it(
    tmp_path: Path, how: str
) -> None:
    dotfiles = _repo_with_a_commit(tmp_path / "home")
    me = Device(dotfiles, "journal")  # ~/journal, the home a dotfiles repo
    me.ok("init", "--name", "Sam")
    _break(me.journal / ".git", how)  # a half-copied journal, say
    before = _fingerprint(dotfiles)

    me.ok("mentors", "add", "Ada Lovelace")
    synced = me.ml("sync")
    undone = me.ml("undo")

    _untouched(dotfiles, before)
    assert "Ada Lovelace" in me.ok("mentors", "list", "--json")
    for done in (synced, undone):
        assert done.returncode == 1
        assert "the journal's .git is broken" in done.stderr
        assert "mentorlog init --git" in done.stderr


def test_a_journal_without_git_inside_another_repository_is_not_a_git_journal(
    tmp_path: Path,
) -> None:
    dotfiles = _repo_with_a_commit(tmp_path / "home")
    me = Device(dotfiles, "journal")
    me.ok("init", "--name", "Sam")
    before = _fingerprint(dotfiles)

    me.ok("mentors", "add", "Ada Lovelace")
    synced = me.ml("sync")
    undone = me.ml("undo")
    checked = me.ml("doctor")

    _untouched(dotfiles, before)
    assert synced.returncode == 1
    assert "not a git journal" in synced.stderr
    assert undone.returncode == 1
    assert "undo works in a git journal" in undone.stderr
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_git_variables_that_name_another_repository_are_ignored(
    tmp_path: Path,
) -> None:
    """mentorlog run from a git hook, or from an editor git started: git's
    variables name the repository being committed to, not the journal."""
    other = _repo_with_a_commit(tmp_path / "project")
    remote = tmp_path / "remote.git"
    subprocess.run(["git", "init", "-q", "--bare", str(remote)], check=True)
    me = Device(tmp_path, "me")
    me.ok("init", "--git", "--name", "Sam")
    me.git("remote", "add", "origin", str(remote))
    before = _fingerprint(other)
    pointed = {
        "GIT_DIR": str(other / ".git"),
        "GIT_WORK_TREE": str(other),
        "GIT_INDEX_FILE": str(other / ".git" / "index"),
        "GIT_OBJECT_DIRECTORY": str(other / ".git" / "objects"),
        "GIT_COMMON_DIR": str(other / ".git"),
        "GIT_PREFIX": "sub/",
        "GIT_CONFIG_PARAMETERS": "'core.hookspath'='/nonexistent'",
    }

    for args in (("mentors", "add", "Ada Lovelace"), ("sync",), ("undo",)):
        done = me.ml(*args, env=pointed)
        assert done.returncode == 0, (args, done.stdout, done.stderr)
        assert "warning" not in done.stderr, (args, done.stderr)

    _untouched(other, before)
    subjects = me.git("log", "--format=%s").splitlines()
    assert subjects[0].startswith("mentorlog undo: mentors add")
    assert subjects[1].startswith("mentorlog mentors add:")
    pushed = subprocess.run(
        ["git", "-C", str(remote), "log", "--format=%s", "--all"],
        capture_output=True,
        text=True,
        timeout=60,
    ).stdout
    assert "mentorlog mentors add:" in pushed


def test_a_path_git_cannot_list_as_a_ceiling_stays_confined(tmp_path: Path) -> None:
    """GIT_CEILING_DIRECTORIES is a `:` list: a journal under a folder whose
    name has a `:` is named to git outright instead."""
    outer = _repo_with_a_commit(tmp_path / "home")
    before = _fingerprint(outer)
    (outer / "notes:2026").mkdir()
    broken = Device(outer / "notes:2026", "broken")
    broken.ok("init", "--name", "Sam")
    _break(broken.journal / ".git", "a folder without HEAD")
    sound = Device(outer / "notes:2026", "sound")
    sound.ok("init", "--git", "--name", "Sam")

    said = broken.ok("mentors", "add", "Ada Lovelace")
    sound.ok("mentors", "add", "Ada Lovelace")

    _untouched(outer, before)
    assert "the journal's .git is broken" in said
    assert sound.git("log", "-1", "--format=%s").startswith("mentorlog mentors add")


@pytest.mark.parametrize("identity", [True, False], ids=["identity", "no identity"])
@pytest.mark.parametrize("how", BROKEN)
def test_a_broken_git_is_said_once_and_the_change_is_saved(
    tmp_path: Path, how: str, identity: bool
) -> None:
    me = Device(tmp_path, "me")
    me.ok("init", "--name", "Sam")
    _break(me.journal / ".git", how)
    env: dict[str, str] = {}
    if not identity:  # git must be asked to set one: "git config failed" before
        strict = tmp_path / "gitconfig"
        strict.write_text("[user]\n\tuseConfigOnly = true\n")
        env = {"GIT_CONFIG_GLOBAL": str(strict)}
        env |= {
            f"GIT_{r}_{k}": ""
            for r in ("AUTHOR", "COMMITTER")
            for k in ("NAME", "EMAIL")
        }

    done = me.ml("mentors", "add", "Ada Lovelace", env=env)
    checked = me.ml("doctor", env=env)

    assert done.returncode == 0, done.stderr
    warnings = [line for line in done.stderr.splitlines() if line.strip()]
    assert len(warnings) == 1, done.stderr
    assert warnings[0].startswith("warning: saved, but not committed to git: ")
    assert "the journal's .git is broken, git cannot open it" in warnings[0]
    assert "mentorlog init --git" in warnings[0]
    assert "git config failed" not in done.stderr
    assert "Ada Lovelace" in me.ok("mentors", "list", "--json")
    assert len(list((me.journal / "mentors").iterdir())) == 1
    assert checked.returncode != 0
    assert ".git: the journal's .git is broken" in checked.stdout + checked.stderr


@pytest.mark.parametrize("to", ["another repository", "nothing"])
def test_a_git_that_is_a_link_is_never_followed_and_is_named(
    tmp_path: Path, to: str
) -> None:
    # a `.git` link (made by hand, or synced from another device) pointed
    # mentorlog's commits, identity and sync at another repository
    other = _repo_with_a_commit(tmp_path / "other")
    before = _fingerprint(other)
    me = Device(tmp_path, "me")
    me.ok("init", "--name", "Sam")
    target = other / ".git" if to == "another repository" else tmp_path / "gone"
    (me.journal / ".git").symlink_to(target)

    done = me.ml("mentors", "add", "Ada Lovelace")
    synced = me.ml("sync")
    undone = me.ml("undo")
    checked = me.ml("doctor")

    _untouched(other, before)
    assert done.returncode == 0, done.stderr
    (warning,) = [line for line in done.stderr.splitlines() if line.strip()]
    assert warning.startswith("warning: saved, but not committed to git: ")
    assert f"the journal's .git is a symbolic link to {target}" in warning
    assert "never follows links" in warning and "mentorlog init --git" in warning
    assert "Ada Lovelace" in me.ok("mentors", "list", "--json")
    for failed in (synced, undone):
        assert failed.returncode == 1
        assert "the journal's .git is a symbolic link" in failed.stderr
    assert checked.returncode == 3
    assert ".git: the journal's .git is a symbolic link" in checked.stdout
