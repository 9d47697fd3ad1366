"""The undo log trusts only itself: a log is replayed only if this machine wrote
it for this journal, and even then only onto the journal's own files, never
through a symlink."""

import json
import os
import shutil
from pathlib import Path

import pytest

from mentorlog.errors import JournalIOError, MentorlogError
from mentorlog.store import undo
from mentorlog.store.journal import Journal
from tests.conftest import Run

ORIGINAL = """\
id = "01kaqxk2w8v9n3m4p5q6r7s8t9"
title = "Mine"
status = "active"
created = 2026-11-22
target = 2026-11-30
"""


@pytest.fixture
def root(home: Path, run: Run) -> Path:
    assert run("init").exit_code == 0
    (home / "goals" / "mine.toml").write_text(ORIGINAL)
    assert "Mine" in run("goals").stdout
    return home


def half_done(root: Path, *names: str) -> None:
    """A change this process started and never finished (as if killed): the
    old bytes are logged, the new ones written, no commit mark."""
    log = undo.UndoLog(root)
    for name in names:
        log.record(root / name)
        (root / name).parent.mkdir(exist_ok=True)
        (root / name).write_text("half of a change\n")
    log._close()  # the process dies: the log stays, without a commit mark


def forged(root: Path, entries: list[dict[str, object]], key: bytes | None) -> None:
    """A log made with `key` (None: no MACs at all, like before)."""
    lines = []
    last = ""
    head: dict[str, object] = {"undo": 1, "nonce": "00"}
    for entry, payload in [(head, "head:00")] + [
        (e, undo._payload(e)) for e in entries
    ]:
        mac = undo._mac(key, last, payload) if key else ""
        lines.append(json.dumps({**entry, "mac": mac}) if key else json.dumps(entry))
        last = mac
    (root / undo.UNDO_FILE).write_text("\n".join(lines) + "\n")


def this_machines_key(root: Path) -> bytes:
    secret = undo.machine_secret(create=True)
    assert secret is not None
    return undo._journal_key(secret, root)


def test_a_log_this_machine_wrote_is_replayed(root: Path) -> None:
    half_done(root, "goals/mine.toml", "goals/new.toml")
    assert (root / "goals" / "mine.toml").read_text() == "half of a change\n"
    warnings: list[str] = []
    assert undo.recover(root, warn=warnings.append) == 2
    assert (root / "goals" / "mine.toml").read_text() == ORIGINAL
    assert not (root / "goals" / "new.toml").exists()
    assert not (root / undo.UNDO_FILE).exists()
    assert warnings == []


def test_the_secret_is_private_and_outside_the_journal(root: Path) -> None:
    half_done(root, "goals/mine.toml")
    key = undo.state_folder() / undo.KEY_FILE
    assert key.is_file() and root not in key.parents
    assert key.stat().st_mode & 0o777 == 0o600


def test_an_old_style_log_without_macs_is_not_replayed(root: Path) -> None:
    forged(root, [{"path": "goals/mine.toml", "old": None}], key=None)
    warnings: list[str] = []
    assert undo.recover(root, warn=warnings.append) == 0
    assert (root / "goals" / "mine.toml").read_text() == ORIGINAL
    assert not (root / undo.UNDO_FILE).exists()
    assert warnings == [undo.NOT_OURS]


def test_a_log_from_another_machine_is_not_replayed(
    root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "other-machine"))
    half_done(root, "goals/mine.toml")
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "this-machine"))
    assert undo.recover(root) == 0
    assert (root / "goals" / "mine.toml").read_text() == "half of a change\n"
    assert not (root / undo.UNDO_FILE).exists()


def test_a_log_this_machine_wrote_for_another_journal_is_not_replayed(
    root: Path, tmp_path: Path
) -> None:
    other = tmp_path / "other"
    shutil.copytree(root, other)
    half_done(other, "goals/mine.toml")
    shutil.copy(other / undo.UNDO_FILE, root / undo.UNDO_FILE)
    (root / "goals" / "mine.toml").write_text("kept\n")
    assert undo.recover(root) == 0
    assert (root / "goals" / "mine.toml").read_text() == "kept\n"


def test_a_log_edited_by_hand_is_not_replayed(root: Path) -> None:
    half_done(root, "goals/mine.toml")
    log = root / undo.UNDO_FILE
    log.write_text(log.read_text().replace("goals/mine.toml", "goals/new.toml"))
    (root / "goals" / "new.toml").write_text("kept\n")
    assert undo.recover(root) == 0
    assert (root / "goals" / "new.toml").read_text() == "kept\n"
    assert (root / "goals" / "mine.toml").read_text() == "half of a change\n"


@pytest.mark.parametrize(
    "name",
    [
        ".git/config",
        "../outside.toml",
        "goals/../.git/config",
        "/etc/passwd",
        ".cache/goals.json",
        "goals/sub/deep.toml",
        "goals/notes.txt",
        ".undo",
    ],
)
def test_even_an_authentic_log_names_only_journal_files(root: Path, name: str) -> None:
    (root / ".git").mkdir()
    (root / ".git" / "config").write_text("[core]\n")
    payload = "[core]\n\tfsmonitor = touch PWNED; false\n"
    import base64

    old = base64.b64encode(payload.encode()).decode()
    forged(root, [{"path": name, "old": old}], key=this_machines_key(root))
    assert undo.recover(root) == 0
    assert (root / ".git" / "config").read_text() == "[core]\n"
    assert not (root.parent / "outside.toml").exists()
    assert not (root / "goals" / "sub").exists()
    assert not (root / undo.UNDO_FILE).exists()


def test_an_authentic_log_never_restores_through_a_symlinked_folder(
    root: Path, tmp_path: Path
) -> None:
    half_done(root, "actions/a.toml")  # logged: actions/a.toml did not exist
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "a.toml").write_text("not the journal's\n")
    shutil.rmtree(root / "actions")
    (root / "actions").symlink_to(outside)
    warnings: list[str] = []
    assert undo.recover(root, warn=warnings.append) == 0
    assert (outside / "a.toml").read_text() == "not the journal's\n"
    assert len(warnings) == 1 and "actions/a.toml was not put back" in warnings[0]


def test_a_symlinked_log_is_removed_not_followed(root: Path, tmp_path: Path) -> None:
    target = tmp_path / "precious"
    target.write_text("precious\n")
    (root / undo.UNDO_FILE).symlink_to(target)
    warnings: list[str] = []
    assert undo.recover(root, warn=warnings.append) == 0
    assert not (root / undo.UNDO_FILE).is_symlink()
    assert target.read_text() == "precious\n"
    assert warnings == [undo.NOT_OURS]


def test_a_new_log_is_never_written_through_a_symlink(
    root: Path, tmp_path: Path
) -> None:
    target = tmp_path / "precious"
    target.write_text("precious\n")
    (root / undo.UNDO_FILE).symlink_to(target)
    log = undo.UndoLog(root)
    with pytest.raises(JournalIOError):
        log.record(root / "goals" / "mine.toml")
    assert target.read_text() == "precious\n"


def test_the_log_never_copies_what_a_symlinked_record_points_to(
    root: Path, tmp_path: Path
) -> None:
    secret = tmp_path / "id_ed25519"
    secret.write_text("PRIVATE KEY\n")
    (root / "goals" / "key.toml").symlink_to(secret)
    log = undo.UndoLog(root)
    with pytest.raises(JournalIOError, match="is a symbolic link; mentorlog never"):
        log.record(root / "goals" / "key.toml")
    log._close()
    log_file = root / undo.UNDO_FILE
    assert not log_file.exists() or "PRIVATE" not in log_file.read_text()


def test_the_log_refuses_to_record_a_file_outside_the_record_folders(
    root: Path,
) -> None:
    log = undo.UndoLog(root)
    with pytest.raises(MentorlogError, match="not a file of the journal"):
        log.record(root / ".git" / "config")


def test_a_read_only_command_removes_a_forged_log_with_one_warning(
    root: Path, run: Run
) -> None:
    forged(root, [{"path": "goals/mine.toml", "old": None}], key=None)
    done = run("goals")
    assert done.exit_code == 0
    assert "Mine" in done.stdout
    assert done.stderr.count("did not write") == 1
    assert (root / "goals" / "mine.toml").read_text() == ORIGINAL
    assert not (root / undo.UNDO_FILE).exists()


def test_doctor_names_a_forged_log(root: Path, run: Run) -> None:
    forged(root, [{"path": "goals/mine.toml", "old": None}], key=None)
    done = run("doctor")
    assert done.exit_code == 3
    assert ".undo: a recovery log this machine did not write" in done.output
    assert done.output.count("did not write") == 1
    assert (root / "goals" / "mine.toml").read_text() == ORIGINAL
    assert run("doctor").exit_code == 0


def test_a_failed_change_is_rolled_back_from_memory(root: Path) -> None:
    """The process that wrote a change undoes it from what it remembers, not
    from the file on disk (which anything could have replaced)."""
    journal = Journal(root)
    with pytest.raises(RuntimeError), journal.transaction():
        journal.write_text(root / "goals" / "mine.toml", "changed\n")
        (root / undo.UNDO_FILE).write_text("replaced by someone else\n")
        raise RuntimeError("fail")
    assert (root / "goals" / "mine.toml").read_text() == ORIGINAL
    assert not os.path.lexists(root / undo.UNDO_FILE)
