"""A synced journal is untrusted input: attacks through a shared git remote.

Real repositories: a bare remote, the owner's journal, an attacker's clone
(anyone who can push to the remote) and the victim's clone made the documented
way (`git clone` + `mentorlog sync`, docs/sync.md). Each device has its own
HOME, so its own machine secret."""

import base64
import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.gitjournal import Device, make_remote, push, tracked


@pytest.fixture
def remote(tmp_path: Path) -> Path:
    """A journal with a mentor and a goal, pushed to a bare remote."""
    return make_remote(tmp_path)


@pytest.fixture
def attacker(tmp_path: Path, remote: Path) -> Device:
    device = Device(tmp_path, "attacker")
    device.clone(remote)
    return device


@pytest.fixture
def victim(tmp_path: Path) -> Device:
    return Device(tmp_path, "victim")


def undo_log(*entries: tuple[str, str | None]) -> str:
    """A recovery log as an older mentorlog wrote it: JSON lines, no MAC."""
    return "".join(
        json.dumps(
            {
                "path": name,
                "old": None if old is None else base64.b64encode(old.encode()).decode(),
            }
        )
        + "\n"
        for name, old in entries
    )


def fsmonitor_payload(marker: Path, remote: Path) -> str:
    """The victim's .git/config as the attacker can guess it (they share the
    remote), with a command git runs on the next status, add or commit."""
    return (
        "[core]\n\trepositoryformatversion = 0\n\tbare = false\n"
        f'\tfsmonitor = "touch {marker}; false"\n'
        f'[remote "origin"]\n\turl = {remote}\n'
        "\tfetch = +refs/heads/*:refs/remotes/origin/*\n"
    )


def goal_file(device: Device) -> Path:
    return next((device.journal / "goals").glob("learn-rust*.toml"))


LOCAL_STATE = (".undo", ".cache/", ".drafts/", ".lock", ".backups/")


def test_an_undo_log_pulled_at_clone_never_writes_into_git_config(
    tmp_path: Path, remote: Path, attacker: Device, victim: Device
) -> None:
    marker = tmp_path / "PWNED"
    push(
        attacker,
        {".undo": undo_log((".git/config", fsmonitor_payload(marker, remote)))},
    )
    victim.clone(remote)  # the documented way to join a journal
    config = (victim.journal / ".git" / "config").read_text()
    said = victim.ok("sync")
    victim.ok("goals")
    victim.ok("actions", "add", "Another commit")
    victim.ok("sync")
    assert not marker.exists()
    after = (victim.journal / ".git" / "config").read_text()
    # the one change: sync names this machine's record merge (issue 19)
    ours = after.index('[merge "mentorlog"]\n')
    assert after[:ours] == config and "merge-driver %O %A %B %P" in after[ours:]
    assert after[ours:].count("\n") == 3
    assert said.count("did not write") == 1  # one warning: the log was not ours
    assert ".undo" not in tracked(victim)
    assert ".undo" not in victim.git("ls-tree", "-r", "--name-only", "origin/HEAD")


def test_an_undo_log_pulled_by_sync_never_writes_into_git_config(
    tmp_path: Path, remote: Path, attacker: Device, victim: Device
) -> None:
    marker = tmp_path / "PWNED"
    victim.clone(remote)
    victim.ok("sync")
    config = (victim.journal / ".git" / "config").read_text()
    push(
        attacker,
        {".undo": undo_log((".git/config", fsmonitor_payload(marker, remote)))},
    )
    victim.ok("sync")
    victim.ok("goals")  # a read-only command after the pull
    victim.ok("goals", "add", "Another commit", "--by", "eom")
    victim.ok("sync")
    assert not marker.exists()
    assert (victim.journal / ".git" / "config").read_text() == config
    assert not (victim.journal / ".undo").exists()


def test_a_forged_undo_log_naming_a_record_is_not_replayed(
    remote: Path, attacker: Device, victim: Device
) -> None:
    victim.clone(remote)
    victim.ok("sync")
    goal = goal_file(victim)
    name = goal.relative_to(victim.journal).as_posix()
    mine = goal.read_text()
    push(attacker, {".undo": undo_log((name, None), ("goals/planted.toml", "x = 1\n"))})
    victim.ok("sync")
    listed = victim.ok("goals", "--json")
    assert goal.read_text() == mine
    assert "Learn Rust" in listed
    assert not (victim.journal / "goals" / "planted.toml").exists()


def test_local_state_committed_by_another_device_is_untracked_and_not_trusted(
    remote: Path, attacker: Device, victim: Device
) -> None:
    victim.clone(remote)
    victim.ok("sync")
    fake = {"learn-rust.toml": [1, 1, 1, ["01kaqxk2w8v9n3m4p5q6r7s8t9", "Planted"]]}
    push(
        attacker,
        {
            ".cache/goals.json": json.dumps(fake),
            ".drafts/planted.toml": 'title = "planted"\n',
            ".lock": "",
            ".backups/x/mentorlog.toml": "",
            "goals/.x.toml.abcd.tmp": "",
            # and .gitignore no longer names any of it
            ".gitignore": "notes.txt\n",
        },
    )
    victim.ok("sync")
    cache = victim.journal / ".cache" / "goals.json"
    assert not cache.exists() or "Planted" not in cache.read_text()
    assert "Planted" not in victim.ok("goals", "--all", "--json")
    victim.ok("actions", "add", "A commit after the pull")
    for ref in ("HEAD", "origin/HEAD"):
        files = tracked(victim, ref)
        for state in LOCAL_STATE:
            assert not any(f == state or f.startswith(state) for f in files), ref
        assert not any(f.endswith(".tmp") for f in files)
    victim.ok("sync")
    ignore = (victim.journal / ".gitignore").read_text()
    assert ignore.startswith("notes.txt\n")
    for line in (".cache/", ".lock", ".undo", ".drafts/", ".backups/", "*.tmp"):
        assert line in ignore.splitlines()


def test_a_journal_made_before_keeps_local_state_out_on_its_next_sync(
    tmp_path: Path, remote: Path, victim: Device
) -> None:
    """An older journal: no .gitignore, and .undo/.cache once committed."""
    old = Device(tmp_path, "old")
    old.ok("init")
    old.ok("goals", "add", "Old goal", "--by", "eoy")
    old.git("init", "-q", cwd=old.journal)
    (old.journal / ".cache").mkdir(exist_ok=True)
    (old.journal / ".cache" / "goals.json").write_text("{}")
    old.git("add", "-A")
    old.git("commit", "-q", "-m", "by hand")
    assert ".cache/goals.json" in tracked(old)
    bare = tmp_path / "old.git"
    subprocess.run(["git", "init", "-q", "--bare", str(bare)], check=True)
    old.git("remote", "add", "origin", str(bare))
    old.ok("sync")
    assert ".cache/goals.json" not in tracked(old)
    assert ".lock" not in tracked(old)
    ignore = (old.journal / ".gitignore").read_text().splitlines()
    assert ".cache/" in ignore and ".undo" in ignore


def test_hardening_keeps_the_users_git_hooks(
    tmp_path: Path, remote: Path, victim: Device
) -> None:
    victim.clone(remote)
    marker = tmp_path / "hook-ran"
    hook = victim.journal / ".git" / "hooks" / "post-commit"
    hook.write_text(f"#!/bin/sh\necho ran >> {marker}\n")
    hook.chmod(0o755)
    git_mode = (victim.journal / ".git").stat().st_mode & 0o777
    victim.ok("sync")
    victim.ml("doctor")
    victim.ok("init", "--git")
    assert hook.stat().st_mode & 0o777 == 0o755
    victim.ok("goals", "add", "A commit runs the hook", "--by", "eom")
    assert marker.read_text().startswith("ran")
    # the journal's own files are still made private
    assert goal_file(victim).stat().st_mode & 0o777 == 0o600
    # git's folder is git's: its modes are left alone; the journal folder,
    # 0700, closes it to others
    assert (victim.journal / ".git").stat().st_mode & 0o777 == git_mode
    assert victim.journal.stat().st_mode & 0o777 == 0o700


def test_sync_with_an_unreachable_remote_says_what_git_said(
    tmp_path: Path, remote: Path, victim: Device
) -> None:
    victim.clone(remote)
    victim.git("remote", "set-url", "origin", str(tmp_path / "gone.git"))
    done = victim.ml("sync")
    assert done.returncode == 1
    assert "does not appear to be a git repository" in done.stderr
    assert "Could not read from remote repository" in done.stderr


def test_export_never_writes_into_the_journal(
    tmp_path: Path, remote: Path, victim: Device
) -> None:
    victim.clone(remote)
    victim.ok("sync")
    goal = goal_file(victim)
    mine = goal.read_text()
    linked = tmp_path / "linked"
    linked.symlink_to(victim.journal / "goals")
    for spelled in (
        str(goal),
        goal.relative_to(victim.journal).as_posix(),  # relative to the cwd
        str(victim.journal / "goals" / ".." / "goals" / goal.name),
        str(linked / goal.name),  # through a symlinked folder
        str(victim.journal / "new.json"),
    ):
        done = subprocess.run(
            [sys.executable, "-m", "mentorlog", "export", "-f", "json", "-o", spelled],
            env=victim.env,
            cwd=victim.journal,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == 1, spelled
        assert "inside the journal" in done.stderr
    assert goal.read_text() == mine
    assert not (victim.journal / "new.json").exists()
    assert victim.git("status", "--porcelain") == ""


def test_export_replaces_an_existing_file_only_with_force(
    tmp_path: Path, remote: Path, victim: Device
) -> None:
    victim.clone(remote)
    victim.ok("sync")
    target = tmp_path / "backup.json"
    target.write_text("precious\n")
    refused = victim.ml("export", "-f", "json", "-o", str(target))
    assert refused.returncode == 1 and "--force" in refused.stderr
    assert target.read_text() == "precious\n"
    victim.ok("export", "-f", "json", "-o", str(target), "--force")
    assert json.loads(target.read_text())["goals"][0]["title"] == "Learn Rust"
    assert target.stat().st_mode & 0o777 == 0o600
