"""A sync killed while it rebases (issue 17.2): the next command puts the
journal back as it was before that sync, every saved record in it; `doctor`
names commits the files do not hold; no message advises a command that drops
saved work, nor blames a conflict there was none of.

The kill is real and lands at a fixed step: a `post-commit` hook in the
phone's repository, run by git for each commit the rebase replays, SIGKILLs
the `git rebase` process and the `mentorlog sync` that started it right after
the first replayed commit."""

from __future__ import annotations

import json
import signal
import subprocess
from pathlib import Path

from tests.gitjournal import Device, make_remote
from tests.test_sync_stopped import stopped_sync

KILLER = """#!/bin/sh
# only inside a rebase: sync's own commits before it must go through
[ -d "$(git rev-parse --git-dir)/rebase-merge" ] || exit 0
sync=$(awk '{print $4}' /proc/$PPID/stat)
kill -9 "$sync" "$PPID"
exit 0
"""

PHONE_ACTIONS = [f"Phone action {n}" for n in range(1, 6)]


def killed_mid_rebase(tmp_path: Path) -> tuple[Device, Device]:
    """The phone saved five actions (five commits); the laptop pushed one;
    the phone's sync is killed after replaying the first of its five."""
    remote = make_remote(tmp_path)
    laptop, phone = Device(tmp_path, "laptop"), Device(tmp_path, "phone")
    laptop.clone(remote)
    phone.clone(remote)
    for text in PHONE_ACTIONS:
        phone.ok("actions", "add", text)
    laptop.ok("actions", "add", "Laptop action")
    laptop.ok("sync")
    hook = phone.journal / ".git" / "hooks" / "post-commit"
    hook.write_text(KILLER)
    hook.chmod(0o700)
    killed = phone.ml("sync")
    assert killed.returncode == -signal.SIGKILL, (killed.stdout, killed.stderr)
    hook.unlink()
    assert (phone.journal / ".git" / "rebase-merge").is_dir()  # stranded
    return laptop, phone


def action_texts(device: Device) -> list[str]:
    done = device.ml("actions", "--all", "--json")
    assert done.returncode == 0, done.stderr
    return sorted(item["text"] for item in json.loads(done.stdout))


def test_the_next_command_undoes_a_killed_sync_and_lists_every_record(
    tmp_path: Path,
) -> None:
    laptop, phone = killed_mid_rebase(tmp_path)
    listed = phone.ml("actions", "--all", "--json")
    assert listed.returncode == 0, listed.stderr
    texts = sorted(item["text"] for item in json.loads(listed.stdout))
    assert texts == PHONE_ACTIONS  # as before that sync: every saved one
    assert "sync was interrupted" in listed.stderr
    assert "conflict" not in listed.stderr
    assert "rebase --abort" not in listed.stderr
    assert not (phone.journal / ".git" / "rebase-merge").exists()
    assert phone.git("symbolic-ref", "--short", "HEAD").strip() in ("main", "master")
    assert phone.git("status", "--porcelain") == ""
    # the next sync starts again and brings everything together
    phone.ok("sync")
    laptop.ok("sync")
    for device in (phone, laptop):
        assert action_texts(device) == sorted([*PHONE_ACTIONS, "Laptop action"])
    assert phone.ml("doctor").returncode == 0


def test_a_write_after_the_kill_lands_on_the_journal_as_it_was(
    tmp_path: Path,
) -> None:
    _, phone = killed_mid_rebase(tmp_path)
    phone.ok("actions", "add", "Typed after the kill")
    assert action_texts(phone) == sorted([*PHONE_ACTIONS, "Typed after the kill"])
    assert phone.git("status", "--porcelain") == ""  # committed, on the branch
    assert phone.git("symbolic-ref", "-q", "HEAD").startswith("refs/heads/")


def forget_record(device: Device) -> None:
    """As if the kill had come from another machine's sync: this machine has
    no record of it."""
    state = device.home / ".local" / "state" / "mentorlog"
    records = list(state.glob("sync-*.json"))
    assert len(records) == 1
    records[0].unlink()


def test_doctor_names_commits_the_files_do_not_hold_and_sync_abort_mends(
    tmp_path: Path,
) -> None:
    _, phone = killed_mid_rebase(tmp_path)
    forget_record(phone)
    # a listing cannot show them: doctor says so, and how to get them back
    assert len(action_texts(phone)) < len(PHONE_ACTIONS) + 1
    doctor = phone.ml("doctor")
    assert doctor.returncode == 3, doctor.stdout + doctor.stderr
    said = doctor.stdout + doctor.stderr
    assert "4 commits of the journal are not in its files" in said
    assert "mentorlog actions add: actions/phone-action-5" in said
    assert "mentorlog sync --abort" in said
    # writes are refused, without blaming a conflict or advising a bare abort
    refused = phone.ml("actions", "add", "Not now")
    assert refused.returncode == 1
    assert "a rebase (a sync or git stopped before it finished)" in refused.stderr
    assert "conflict" not in refused.stderr
    assert "rebase --abort" not in refused.stderr
    assert "mentorlog sync --abort" in refused.stderr
    stopped = phone.ml("sync")
    assert stopped.returncode == 1
    assert "conflict" not in stopped.stderr and "rebase --abort" not in stopped.stderr
    back = phone.ml("sync", "--abort")
    assert back.returncode == 0, back.stderr
    assert action_texts(phone) == PHONE_ACTIONS
    assert phone.ml("doctor").returncode == 0
    phone.ok("sync")
    assert action_texts(phone) == sorted([*PHONE_ACTIONS, "Laptop action"])


def test_a_record_this_machine_did_not_sign_is_not_acted_on(tmp_path: Path) -> None:
    _, phone = killed_mid_rebase(tmp_path)
    state = phone.home / ".local" / "state" / "mentorlog"
    (record,) = state.glob("sync-*.json")
    forged = json.loads(record.read_text())
    forged["pid"] = forged["pid"] + 1  # any change breaks its signature
    record.write_text(json.dumps(forged))
    before = phone.git("rev-parse", "HEAD")
    listed = phone.ml("actions", "--all")
    assert listed.returncode == 0
    assert "sync was interrupted" not in listed.stderr
    assert phone.git("rev-parse", "HEAD") == before  # nothing was moved
    assert (phone.journal / ".git" / "rebase-merge").is_dir()


def test_sync_abort_after_a_conflict_keeps_the_mended_file_in_git(
    tmp_path: Path,
) -> None:
    _, phone = stopped_sync(tmp_path)
    clash = phone.ml("sync")  # asked again: the same advice
    assert "rebase --abort" not in clash.stderr
    assert "mentorlog sync --abort" in clash.stderr
    (phone.journal / "notes.txt").write_text("mended by hand\n")
    back = phone.ml("sync", "--abort")
    assert back.returncode == 0, back.stderr
    ref = back.stdout.split("kept in git as ")[1].split()[0].rstrip(".")
    assert phone.git("show", f"{ref}:notes.txt") == "mended by hand\n"
    assert (phone.journal / "notes.txt").read_text() == "written on the phone\n"
    assert action_texts(phone) == ["Email from the phone"]
    assert (
        subprocess.run(
            ["git", "-C", str(phone.journal), "rev-parse", "-q", "--verify", ref],
            capture_output=True,
        ).returncode
        == 0
    )
