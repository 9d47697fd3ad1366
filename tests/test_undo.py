"""`undo` on real git journals, with mentorlog and git as real processes."""

from __future__ import annotations

import subprocess
from pathlib import Path

from tests.gitjournal import Device, make_remote, push


def _undo(device: Device) -> subprocess.CompletedProcess[str]:
    return device.ml("undo")


def test_undo_reverts_the_last_change_with_a_revert_commit(tmp_path: Path) -> None:
    me = Device(tmp_path, "me")
    me.ok("init", "--git")
    me.ok("mentors", "add", "Ada Lovelace")
    me.ok("goals", "add", "Learn Rust", "--by", "eoy")
    goals = me.journal / "goals"
    assert len(list(goals.iterdir())) == 1
    before = me.git("rev-parse", "HEAD").strip()

    out = me.ok("undo")

    assert "Undid goals add" in out
    assert list(goals.iterdir()) == [] if goals.exists() else True
    log = me.git("log", "--format=%s", "-3").splitlines()
    assert log[0] == f"mentorlog undo: goals add ({before[:7]})"
    assert log[1].startswith("mentorlog goals add:")
    assert me.git("status", "--porcelain") == ""
    assert "Learn Rust" not in me.ok("goals", "list", "--json")
    assert "Ada Lovelace" in me.ok("mentors", "list", "--json")


def test_undo_once_then_refuses_the_undo_itself(tmp_path: Path) -> None:
    me = Device(tmp_path, "me")
    me.ok("init", "--git")
    me.ok("mentors", "add", "Ada Lovelace")
    me.ok("undo")
    head = me.git("rev-parse", "HEAD")

    again = _undo(me)

    assert again.returncode == 1
    assert "already an undo" in again.stderr
    assert len(again.stderr.strip().splitlines()) == 1
    assert me.git("rev-parse", "HEAD") == head


def test_undo_refuses_a_commit_that_is_not_mentorlogs(tmp_path: Path) -> None:
    me = Device(tmp_path, "me")
    me.ok("init", "--git")
    me.ok("mentors", "add", "Ada Lovelace")
    (me.journal / "notes.txt").write_text("mine\n")
    me.git("add", "notes.txt")
    me.git("commit", "-q", "-m", "my own commit")
    head = me.git("rev-parse", "HEAD")

    done = _undo(me)

    assert done.returncode == 1
    assert "is not a change mentorlog made on this machine" in done.stderr
    assert "my own commit" in done.stderr
    assert me.git("rev-parse", "HEAD") == head


def test_a_forged_trailer_from_another_device_is_not_trusted(tmp_path: Path) -> None:
    """Anyone who can push can write `Mentorlog-Change:` and a seal-shaped
    value; only a seal made with this machine's secret counts."""
    bare = make_remote(tmp_path)
    me = Device(tmp_path, "me")
    me.clone(bare)
    me.ok("mentors", "add", "Grace Hopper")  # my own sealed change
    me.ok("sync")
    attacker = Device(tmp_path, "attacker")
    attacker.clone(bare)
    # the attacker copies the trailers of my commit onto its own change
    mine = attacker.git("log", "-1", "--format=%B", "origin/HEAD")
    trailers = "\n".join(
        line for line in mine.splitlines() if line.startswith("Mentorlog-")
    )
    assert "Mentorlog-Seal:" in trailers
    push(
        attacker,
        files={"notes.txt": "planted\n"},
        message=f"mentorlog mentors add: notes.txt\n\n{trailers}",
    )
    me.git("pull", "-q", "--rebase")
    head = me.git("rev-parse", "HEAD")

    done = _undo(me)

    assert done.returncode == 1, done.stdout
    assert "not a change mentorlog made on this machine" in done.stderr
    assert me.git("rev-parse", "HEAD") == head


def test_undo_refuses_uncommitted_changes(tmp_path: Path) -> None:
    me = Device(tmp_path, "me")
    me.ok("init", "--git")
    me.ok("mentors", "add", "Ada Lovelace")
    (me.journal / "stray.md").write_text("hand edit\n")
    head = me.git("rev-parse", "HEAD")

    done = _undo(me)

    assert done.returncode == 1
    assert "stray.md changed since the last commit" in done.stderr
    assert me.git("rev-parse", "HEAD") == head
    assert (me.journal / "stray.md").read_text() == "hand edit\n"


def test_undo_refuses_while_a_sync_is_stopped(tmp_path: Path) -> None:
    me = Device(tmp_path, "me")
    me.ok("init", "--git")
    me.ok("mentors", "add", "Ada Lovelace")
    # an open revert stands for any stopped operation git leaves under .git/
    (me.journal / ".git" / "REVERT_HEAD").write_text(me.git("rev-parse", "HEAD"))
    head = me.git("rev-parse", "HEAD")

    done = _undo(me)

    assert done.returncode == 1
    assert "is not finished" in done.stderr
    assert me.git("rev-parse", "HEAD") == head


def test_undo_outside_a_git_journal_says_why(tmp_path: Path) -> None:
    me = Device(tmp_path, "me")
    me.ok("init")
    me.ok("mentors", "add", "Ada Lovelace")

    done = _undo(me)

    assert done.returncode == 1
    assert "undo works in a git journal" in done.stderr
    assert "init --git" in done.stderr
    assert "Ada Lovelace" in me.ok("mentors", "list", "--json")


def test_a_change_synced_through_a_rebase_can_still_be_undone(tmp_path: Path) -> None:
    bare = make_remote(tmp_path)
    me = Device(tmp_path, "me")
    me.clone(bare)
    other = Device(tmp_path, "other")
    other.clone(bare)
    other.ok("mentors", "add", "Grace Hopper")
    other.ok("sync")
    me.ok("goals", "add", "Write a thesis", "--by", "eoy")
    me.ok("sync")  # my commit is rebased onto the other device's

    me.ok("undo")

    assert "Write a thesis" not in me.ok("goals", "list", "--json")
    assert "Grace Hopper" in me.ok("mentors", "list", "--json")


def _suggested(said: str, pattern: str) -> str:
    import re

    found = re.search(pattern, said)
    assert found is not None, said
    return found[1]


def test_the_git_commands_suggested_run_as_shown_whatever_the_journals_path(
    tmp_path: Path,
) -> None:
    """A journal at "~/Sam's journal": every `git -C PATH ...` a message
    suggests is quoted for the shell, so it runs as typed (it was pasted in
    unquoted: a syntax error on the apostrophe, two words on the space)."""
    me = Device(tmp_path, "Sam's journal")
    said = me.ok("init", "--git")
    add = _suggested(said, r"Add a remote: (git -C .*) URL, then")
    bare = tmp_path / "remote.git"
    subprocess.run(["git", "init", "-q", "--bare", str(bare)], check=True)
    shell = subprocess.run(
        ["sh", "-c", f"{add} {bare}"], capture_output=True, text=True, env=me.env
    )
    assert shell.returncode == 0, (add, shell.stderr)
    assert me.git("remote").split() == ["origin"]

    me.ok("mentors", "add", "Ada Lovelace")
    me.ok("undo")
    again = _undo(me)
    assert again.returncode == 1
    redo = _suggested(again.stderr, r"\((git -C .* revert \w+) redoes it\)")
    shell = subprocess.run(
        ["sh", "-c", redo], capture_output=True, text=True, env=me.env
    )
    assert shell.returncode == 0, (redo, shell.stderr)
    assert "Ada Lovelace" in me.ok("mentors", "list", "--json")


def test_undo_blames_no_conflict_when_there_is_none(tmp_path: Path) -> None:
    """An open git operation with no conflicted file is named as such (issue
    17.2: the message blamed a conflict that was not there)."""
    me = Device(tmp_path, "me")
    me.ok("init", "--git")
    me.ok("mentors", "add", "Ada Lovelace")
    (me.journal / ".git" / "REVERT_HEAD").write_text(me.git("rev-parse", "HEAD"))

    done = _undo(me)

    assert done.returncode == 1
    assert "is not finished" in done.stderr
    assert "on a conflict" not in done.stderr
