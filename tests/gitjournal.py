"""Devices that share a journal through a real git remote, for attack tests.

Each device has its own HOME and XDG_STATE_HOME (so its own machine secret for
the undo log) and its own git identity; mentorlog and git run as real
processes. An attacker is anyone who can push to the remote: it commits with
plain git, whatever `.gitignore` says."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

TODAY = "2026-11-22"


class Device:
    def __init__(self, tmp_path: Path, name: str) -> None:
        self.name = name
        self.home = tmp_path / f"{name}-home"
        self.home.mkdir()
        self.journal = tmp_path / name

    @property
    def env(self) -> dict[str, str]:
        who = {"NAME": self.name, "EMAIL": f"{self.name}@localhost"}
        env = {
            key: value
            for key, value in os.environ.items()
            if key not in ("FORCE_COLOR", "TERM", "COLUMNS", "EDITOR", "VISUAL")
        }
        return {
            **env,
            "HOME": str(self.home),
            "XDG_STATE_HOME": str(self.home / ".local" / "state"),
            "XDG_DATA_HOME": str(self.home / ".local" / "share"),
            "XDG_CONFIG_HOME": str(self.home / ".config"),
            "MENTORLOG_HOME": str(self.journal),
            "MENTORLOG_TODAY": TODAY,
            "NO_COLOR": "1",
            "GIT_CONFIG_NOSYSTEM": "1",
            **{
                f"GIT_{role}_{key}": v
                for role in ("AUTHOR", "COMMITTER")
                for key, v in who.items()
            },
        }

    def argv(self, *args: str) -> list[str]:
        return [sys.executable, "-m", "mentorlog", "--no-input", *args]

    def ml(
        self, *args: str, env: dict[str, str] | None = None
    ) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            self.argv(*args),
            env={**self.env, **(env or {})},
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=120,
        )

    def ok(self, *args: str) -> str:
        done = self.ml(*args)
        assert done.returncode == 0, (args, done.stdout, done.stderr)
        return done.stdout + done.stderr

    def git(self, *args: str, cwd: Path | None = None, input: str | None = None) -> str:
        return subprocess.run(
            ["git", "-C", str(cwd or self.journal), *args],
            capture_output=True,
            text=True,
            check=True,
            env=self.env,
            input=input,
            timeout=120,
        ).stdout

    def clone(self, remote: Path) -> None:
        subprocess.run(
            ["git", "clone", "-q", str(remote), str(self.journal)],
            check=True,
            env=self.env,
            timeout=120,
        )


def make_remote(tmp_path: Path) -> Path:
    """A journal with a mentor and a goal, pushed to a bare remote."""
    bare = tmp_path / "remote.git"
    subprocess.run(["git", "init", "-q", "--bare", str(bare)], check=True)
    owner = Device(tmp_path, "owner")
    owner.ok("init", "--git", "--name", "Sam")
    owner.ok("mentors", "add", "Ada Lovelace")
    owner.ok("goals", "add", "Learn Rust", "--by", "eoy")
    owner.git("remote", "add", "origin", str(bare))
    owner.ok("sync")
    return bare


def push(
    attacker: Device,
    files: dict[str, str | bytes] | None = None,
    message: str = "update",
    *,
    links: dict[str, str] | None = None,
    remove: tuple[str, ...] = (),
) -> None:
    """The attacker commits files and symlinks (whatever .gitignore says),
    removes paths, and pushes (after pulling what others pushed)."""
    attacker.git("pull", "-q", "--rebase", "--no-recurse-submodules")
    for name in remove:
        attacker.git("rm", "-r", "-q", "--", name)
    for name, text in (files or {}).items():
        path = attacker.journal / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text)
        attacker.git("add", "-f", "--", name)
    for name, target in (links or {}).items():
        path = attacker.journal / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.is_symlink() or path.is_file():
            path.unlink()
        elif path.is_dir():
            shutil.rmtree(path)
        path.symlink_to(target)
        attacker.git("add", "-f", "--", name)
    attacker.git("commit", "-q", "-m", message)
    attacker.git("push", "-q", "origin", "HEAD")


def tracked(device: Device, ref: str = "HEAD") -> list[str]:
    return device.git("ls-tree", "-r", "--name-only", ref).split()


def working_tree_bytes(root: Path) -> bytes:
    """Every regular file of the working tree, links not followed."""
    found = []
    for folder, subfolders, names in os.walk(root):
        if ".git" in subfolders and Path(folder) == root:
            subfolders.remove(".git")
        for name in names:
            path = Path(folder) / name
            if stat.S_ISREG(os.lstat(path).st_mode):
                found.append(path.read_bytes())
    return b"\0".join(found)


def mode(path: Path) -> int:
    return stat.S_IMODE(os.lstat(path).st_mode)


def git_objects(repo: Path) -> bytes:
    """Every object in a repository (a clone or a bare remote), uncompressed:
    every version of every file it ever held."""
    return subprocess.run(
        ["git", "-C", str(repo), "cat-file", "--batch-all-objects", "--batch"],
        capture_output=True,
        check=True,
        timeout=120,
    ).stdout


def make_shared_journal(where: Path) -> Path:
    """A laptop journal (a mentor, a goal with three milestones, two actions)
    synced to a bare remote, both under `where`: made once per module and
    copied per test (`copy_pair`), so each test starts in a second."""
    remote = where / "remote.git"
    subprocess.run(["git", "init", "-q", "--bare", str(remote)], check=True)
    laptop = Device(where, "laptop")
    laptop.ok("init", "--git", "--name", "Sam")
    laptop.ok("mentors", "add", "Ada Lovelace")
    laptop.ok("goals", "add", "Learn Rust", "--by", "eoy")
    for title in ("Read the book", "Write a CLI", "Ship it"):
        laptop.ok("goals", "milestone", "learn rust", title)
    laptop.ok("actions", "add", "Email Ada")
    laptop.ok("actions", "add", "Read chapter 3")
    laptop.git("remote", "add", "origin", str(remote))
    laptop.ok("sync")
    return where


def copy_pair(template: Path, where: Path) -> tuple[Device, Device]:
    """The laptop and remote of `make_shared_journal` copied to `where`, and a
    phone cloned from the copy."""
    shutil.copytree(template / "remote.git", where / "remote.git")
    laptop = Device(where, "laptop")
    shutil.copytree(template / "laptop", laptop.journal, symlinks=True)
    laptop.git("remote", "set-url", "origin", str(where / "remote.git"))
    phone = Device(where, "phone")
    phone.clone(where / "remote.git")
    return laptop, phone
