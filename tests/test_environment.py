"""Any terminal, any clone, any folder (issue 16): the environment never breaks
the journal or misleads. Real processes, real encodings, real git clones."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest


def clean_env(home: Path, **extra: str) -> dict[str, str]:
    """The process environment with no git identity and no locale of ours."""
    env = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith(("GIT_", "MENTORLOG_", "LC_", "PYTHONIO"))
        and name not in ("EMAIL", "LANG", "HOME")
    }
    env.update(
        HOME=str(home),
        GIT_CONFIG_NOSYSTEM="1",
        MENTORLOG_TODAY="2026-11-22",
        NO_COLOR="1",
    )
    env.update(extra)
    return env


def ml(
    journal: Path, *args: str, home: Path | None = None, **extra: str
) -> subprocess.CompletedProcess[str]:
    home = home or journal.parent / "home"
    home.mkdir(parents=True, exist_ok=True)
    env = clean_env(home, MENTORLOG_HOME=str(journal), **extra)
    return subprocess.run(
        [sys.executable, "-m", "mentorlog", "--no-input", *args],
        env=env,
        capture_output=True,
        text=True,
        errors="replace",
        timeout=120,
    )


def git(cwd: Path, *args: str, home: Path) -> str:
    return subprocess.run(
        ["git", "-C", str(cwd), *args],
        capture_output=True,
        text=True,
        check=True,
        env=clean_env(home),
    ).stdout


# -- every commit works on every clone --------------------------------------


@pytest.fixture
def bare_home(tmp_path: Path) -> Path:
    """A HOME where git has no identity and may not guess one."""
    home = tmp_path / "phone-home"
    home.mkdir()
    (home / ".gitconfig").write_text("[user]\n\tuseConfigOnly = true\n")
    return home


@pytest.fixture
def clone(tmp_path: Path, bare_home: Path) -> Path:
    """The journal of a laptop (with an identity), pushed to a bare remote and
    cloned with `git clone` on a device with none."""
    laptop_home = tmp_path / "laptop-home"
    laptop_home.mkdir()
    (laptop_home / ".gitconfig").write_text(
        "[user]\n\temail = sam@example.com\n\tname = Sam\n"
    )
    remote = tmp_path / "remote.git"
    subprocess.run(["git", "init", "-q", "--bare", str(remote)], check=True)
    laptop = tmp_path / "laptop"
    assert ml(laptop, "init", "--git", home=laptop_home).returncode == 0
    git(laptop, "remote", "add", "origin", str(remote), home=laptop_home)
    assert ml(laptop, "sync", home=laptop_home).returncode == 0
    phone = tmp_path / "phone"
    subprocess.run(
        ["git", "clone", "-q", str(remote), str(phone)],
        check=True,
        env=clean_env(bare_home),
    )
    assert "user.email" not in git(phone, "config", "--list", home=bare_home)
    return phone


def test_a_write_on_a_clone_without_identity_is_committed(
    clone: Path, bare_home: Path
) -> None:
    first = ml(clone, "actions", "add", "Email Ada", home=bare_home)
    assert first.returncode == 0, first.stderr
    assert "not committed" not in first.stderr
    assert first.stderr.count("no identity") == 1
    assert "user.email mentorlog@localhost" in first.stderr
    assert git(clone, "status", "--porcelain", home=bare_home) == ""
    assert "actions" in git(clone, "log", "-1", "--format=%s", home=bare_home)
    second = ml(clone, "actions", "add", "Email Bob", home=bare_home)
    assert second.returncode == 0 and "identity" not in second.stderr  # said once


def test_sync_on_a_clone_without_identity_works(clone: Path, bare_home: Path) -> None:
    (clone / "notes.txt").write_text("by hand\n")
    done = ml(clone, "sync", home=bare_home)
    assert done.returncode == 0, done.stderr
    assert "no identity" in done.stderr
    assert git(clone, "status", "--porcelain", home=bare_home) == ""


def test_init_git_on_a_clone_without_identity_sets_the_fallback(
    clone: Path, bare_home: Path
) -> None:
    done = ml(clone, "init", "--git", home=bare_home)
    assert done.returncode == 0, done.stderr
    assert "no identity" in done.stderr
    email = git(clone, "config", "--local", "user.email", home=bare_home)
    assert email.strip() == "mentorlog@localhost"
