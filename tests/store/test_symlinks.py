"""No symbolic link inside the journal is ever followed, for a read or a write.

A journal may come from another device (a synced remote, a copied folder), so a
link in it may point anywhere: at a private key to copy into an agenda, at a
folder to write into, at an executable to make 0600. Each test puts a real
link where mentorlog keeps a file or a folder, runs real commands, and checks
that what the link points at is byte for byte and mode for mode as it was,
that commands say so, and that `doctor` names the link and exits 3.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest

from mentorlog.errors import LinkError
from mentorlog.store.journal import Journal
from tests.conftest import Run

SECRET = b"-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n"
LINKED = "is a symbolic link; mentorlog never follows links inside the journal"


class Outside:
    """A file or folder outside the journal: what it holds, and its mode."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.before = self.state()

    def state(self) -> tuple[object, int]:
        mode = stat.S_IMODE(os.lstat(self.path).st_mode)
        if self.path.is_dir():
            return sorted((p.name, p.read_bytes()) for p in self.path.iterdir()), mode
        return self.path.read_bytes(), mode

    def unchanged(self) -> bool:
        return self.state() == self.before


def outside_file(tmp_path: Path, name: str, data: bytes, mode: int = 0o644) -> Outside:
    path = tmp_path / "elsewhere" / name
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(data)
    path.chmod(mode)
    return Outside(path)


def outside_folder(tmp_path: Path, name: str) -> Outside:
    path = tmp_path / "elsewhere" / name
    path.mkdir(parents=True)
    (path / ".left-by-a-write.tmp").write_bytes(b"not mentorlog's to clean\n")
    return Outside(path)


def journal_bytes(home: Path) -> list[bytes]:
    """Every regular file of the journal, links not followed."""
    found = []
    for folder, _, names in os.walk(home):
        for name in names:
            path = Path(folder) / name
            if stat.S_ISREG(os.lstat(path).st_mode):
                found.append(path.read_bytes())
    return found


def doctor_names(run: Run, rel: str) -> None:
    result = run("doctor")
    assert result.exit_code == 3, result.output
    assert f"{rel}: {LINKED}" in result.output


@pytest.fixture
def journal_with_ada(run: Run, home: Path) -> Path:
    assert run("init").exit_code == 0
    assert run("mentors", "add", "Ada Lovelace", "--cadence", "weekly").exit_code == 0
    return home


def test_a_linked_agenda_template_is_never_copied_into_the_journal(
    run: Run, journal_with_ada: Path, tmp_path: Path
) -> None:
    home = journal_with_ada
    key = outside_file(tmp_path, "id_ed25519", SECRET, 0o600)
    template = home / "templates" / "agenda.md"
    template.unlink()
    template.symlink_to(key.path)

    result = run("prep", "ada", "--on", "2026-11-24")

    assert result.exit_code == 0, result.output
    assert f"templates/agenda.md: {LINKED}" in result.stderr
    assert "the built-in template was used" in result.stderr
    assert result.stderr.count("templates/agenda.md") == 1
    assert "Since last time" in result.stdout  # the built-in template's
    assert not any(b"OPENSSH" in data for data in journal_bytes(home))
    assert "OPENSSH" not in result.output
    assert template.is_symlink() and key.unchanged()
    doctor_names(run, "templates/agenda.md")
    assert key.unchanged()


def test_a_linked_record_file_is_not_read_and_not_written_through(
    run: Run, home: Path, tmp_path: Path
) -> None:
    run("goals", "add", "Learn Rust within 3 months")
    run("goals", "milestone", "rust", "finish the book")
    goal = next((home / "goals").glob("*.toml"))
    target = outside_file(tmp_path, goal.name, goal.read_bytes())
    goal.unlink()
    goal.symlink_to(target.path)
    rel = f"goals/{goal.name}"

    listed = run("goals")
    assert listed.exit_code == 0
    assert "Learn Rust" not in listed.stdout
    assert f"{rel}: {LINKED}" in listed.stderr

    assert run("goals", "tick", "rust", "1").exit_code != 0
    edited = run("edit", rel, env={"EDITOR": "true"})
    assert edited.exit_code == 3
    assert f"{rel}: {LINKED}" in edited.output
    journal = Journal(home)
    refused = pytest.raises(LinkError, match=f"cannot write {rel}: it {LINKED}")
    with refused, journal.transaction():
        journal.write_text(goal, "title = 'overwritten'\n")
    assert goal.is_symlink() and target.unchanged()
    doctor_names(run, rel)
    assert target.unchanged()


def test_a_linked_record_folder_is_never_written_into(
    run: Run, home: Path, tmp_path: Path
) -> None:
    run("init")
    folder = outside_folder(tmp_path, "somewhere")
    (home / "actions").rmdir()
    (home / "actions").symlink_to(folder.path, target_is_directory=True)

    added = run("actions", "add", "Email Prof. Chen")

    assert added.exit_code != 0
    assert "cannot write actions/" in added.output
    assert f"actions {LINKED}" in added.output
    assert folder.unchanged()
    listed = run("actions")
    assert f"actions: {LINKED}" in listed.stderr
    doctor_names(run, "actions")
    assert folder.unchanged()


def test_a_folder_swapped_for_a_link_on_the_way_is_refused(
    run: Run, journal_with_ada: Path, tmp_path: Path
) -> None:
    home = journal_with_ada
    folder = outside_folder(tmp_path, "sessions")
    (home / "sessions").rmdir()
    (home / "sessions").symlink_to(folder.path, target_is_directory=True)

    result = run("prep", "ada", "--on", "2026-11-24")

    assert result.exit_code == 3
    assert f"sessions: {LINKED}" in result.output
    assert "mentorlog edit" not in result.output
    assert folder.unchanged()
    assert run("goals", "add", "Learn Go").exit_code == 0  # the rest works
    assert folder.unchanged()  # not even a temp file cleaned there
    journal = Journal(home)
    refused = pytest.raises(LinkError, match=f"sessions/x.md: sessions {LINKED}")
    with refused, journal.transaction():
        journal.write_text(home / "sessions" / "x.md", "+++\n+++\n")
    assert folder.unchanged()
    doctor_names(run, "sessions")


def test_a_linked_lock_is_refused_and_its_target_keeps_its_mode(
    run: Run, home: Path, tmp_path: Path
) -> None:
    run("init")
    program = outside_file(tmp_path, "tool", b"#!/bin/sh\necho hi\n", 0o755)
    (home / ".lock").unlink(missing_ok=True)
    (home / ".lock").symlink_to(program.path)

    result = run("goals", "add", "Learn Rust")

    assert result.exit_code != 0
    assert f"cannot write .lock: it {LINKED}" in result.output
    assert program.unchanged()
    assert stat.S_IMODE(program.path.stat().st_mode) == 0o755
    doctor_names(run, ".lock")
    assert program.unchanged()


def test_linked_settings_are_not_read_and_not_written_through(
    run: Run, home: Path, tmp_path: Path
) -> None:
    run("init")
    run("goals", "add", "Learn Rust")
    settings = home / "mentorlog.toml"
    target = outside_file(
        tmp_path, "settings.toml", b'schema_version = 1\nname = "X"\n'
    )
    settings.unlink()
    settings.symlink_to(target.path)

    listed = run("goals")
    assert listed.exit_code == 0
    assert "Learn Rust" in listed.stdout
    assert f"mentorlog.toml: {LINKED}" in listed.stderr
    refused = run("goals", "add", "Learn Go")
    assert refused.exit_code == 3
    assert f"cannot write mentorlog.toml: it {LINKED}" in refused.output
    assert run("init", "--name", "Mine").exit_code != 0
    assert settings.is_symlink() and target.unchanged()
    doctor_names(run, "mentorlog.toml")
    assert target.unchanged()


def test_a_linked_cache_is_ignored_and_left_alone(
    run: Run, home: Path, tmp_path: Path
) -> None:
    run("goals", "add", "Learn Rust")
    run("goals", "add", "Learn Go")
    for goal in (home / "goals").iterdir():  # old enough to be cached
        os.utime(goal, (1_600_000_000, 1_600_000_000))
    cache = home / ".cache"
    if cache.exists():
        for path in cache.iterdir():
            path.unlink()
        cache.rmdir()
    folder = outside_folder(tmp_path, "cache")
    cache.symlink_to(folder.path, target_is_directory=True)

    for _ in range(2):
        listed = run("goals")
        assert "Learn Rust" in listed.stdout and "Learn Go" in listed.stdout
    assert folder.unchanged()
    doctor_names(run, ".cache")

    cache.unlink()
    cache.mkdir(mode=0o700)
    stale = outside_file(tmp_path, "goals.json", b"mentorlog-cache 2 x 0\n{}")
    (cache / "goals.json").symlink_to(stale.path)
    for _ in range(2):
        listed = run("goals")
        assert "Learn Rust" in listed.stdout and "Learn Go" in listed.stdout
    assert stale.unchanged()
    doctor_names(run, ".cache/goals.json")


def test_a_journal_root_the_user_linked_works(run: Run, tmp_path: Path) -> None:
    real = tmp_path / "Dropbox" / "journal"
    real.mkdir(parents=True)
    linked = tmp_path / "journal-link"
    linked.symlink_to(real, target_is_directory=True)
    env = {"MENTORLOG_HOME": str(linked)}

    assert run("init", env=env).exit_code == 0
    assert run("goals", "add", "Learn Rust", env=env).exit_code == 0
    listed = run("goals", env=env)
    assert "Learn Rust" in listed.stdout
    assert "symbolic link" not in listed.output
    assert run("doctor", env=env).exit_code == 0
    assert len(list((real / "goals").glob("*.toml"))) == 1


@pytest.mark.no_journal
@pytest.mark.parametrize(
    "args", [("init",), ("goals",), ("doctor",), ("goals", "add", "Learn Rust")]
)
@pytest.mark.parametrize("points_at", ["nothing", "a file"])
def test_a_journal_path_linked_to_no_folder_is_named_as_a_link(
    run: Run, tmp_path: Path, args: tuple[str, ...], points_at: str
) -> None:
    """The journal's path is a link (a dangling one, or one to a file): every
    command says it is a symbolic link, names it and what it points at, and
    makes nothing there; never "a file stands where a folder should be"."""
    target = tmp_path / "elsewhere" / "journal"
    target.parent.mkdir()
    if points_at == "a file":
        target.write_bytes(SECRET)
    linked = tmp_path / "journal-link"
    linked.symlink_to(target)
    state = "which is not a folder" if points_at == "a file" else "which does not exist"

    done = run(*args, env={"MENTORLOG_HOME": str(linked)})

    assert done.exit_code == 1, done.output
    assert done.stderr.splitlines() == [
        f"error: {linked}: is a symbolic link to {target}, {state}; mentorlog "
        "never follows a link to make a folder: make "
        f"{target} a folder, or name the folder itself"
    ]
    assert "stands where" not in done.output
    assert os.path.islink(linked)
    assert (
        (target.read_bytes() == SECRET)
        if points_at == "a file"
        else (not os.path.lexists(target))
    )


@pytest.mark.no_journal
def test_a_link_above_the_journal_path_is_named_and_a_file_still_a_file(
    run: Run, tmp_path: Path
) -> None:
    dangling = tmp_path / "Dropbox"
    dangling.symlink_to(tmp_path / "not-mounted")
    done = run("init", env={"MENTORLOG_HOME": str(dangling / "journal")})
    assert done.exit_code == 1
    assert done.stderr.startswith(f"error: {dangling}: is a symbolic link to ")
    assert not (tmp_path / "not-mounted").exists()

    plain = tmp_path / "a-file"
    plain.write_text("not a journal\n")
    done = run("init", env={"MENTORLOG_HOME": str(plain)})
    assert done.exit_code == 1
    assert "a file stands where the journal should be" in done.stderr
    assert plain.read_text() == "not a journal\n"


def test_every_refused_link_says_mentorlog_never_follows_it() -> None:
    """One wording for the class: each message of a link refused says that
    mentorlog never follows links."""
    from mentorlog.errors import link_to_no_folder
    from mentorlog.store.undo import _say_symlink

    said = [
        str(LinkError("goals")),
        str(LinkError("goals", folder=True, writing="goals/x.toml")),
        link_to_no_folder("/nowhere", exists=False),
        str(_say_symlink(OSError(errno.ELOOP, "Too many levels")).strerror),
    ]
    for message in said:
        assert "is a symbolic link" in message
        assert "mentorlog never follows" in message
