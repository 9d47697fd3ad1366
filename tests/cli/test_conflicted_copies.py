"""A sync tool's conflicted copy never takes a record's writes (issue 17.4):
the record's file is the one at its own path; the copies are named, once per
command, and by `doctor` with how to merge them."""

import os
import re
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

from mentorlog.store.journal import Journal
from mentorlog.store.kinds import GOALS
from tests.conftest import Run

SYNCTHING = "learn-rust.sync-conflict-20261122-101010-ABCDEFG.toml"
DROPBOX = "learn-rust (conflicted copy).toml"
COPIES = [
    SYNCTHING,
    DROPBOX,
    "learn-rust (Ada's conflicted copy 2026-11-22).toml",  # Dropbox, named
    "learn-rust (conflicted copy 2026-11-22 101010).toml",  # Nextcloud
    "learn-rust_conflict-20261122-101010.toml",  # ownCloud
    "learn-rust-ADA-LAPTOP.toml",  # OneDrive: the same record, a machine's name
    "learn-rust.toml.orig",  # git's merge backup
]


def goal_with_two_milestones(run: Run, home: Path) -> Path:
    for args in (
        ("goals", "add", "Learn Rust", "--by", "eoy"),
        ("goals", "milestone", "learn", "Read the book"),
        ("goals", "milestone", "learn", "Write a CLI"),
    ):
        result = run(*args)
        assert result.exit_code == 0, result.stderr
    return home / "goals" / "learn-rust.toml"


@pytest.mark.parametrize("copies", [[SYNCTHING, DROPBOX], COPIES])
def test_a_tick_writes_the_original_and_deleting_the_copies_loses_nothing(
    run: Run, home: Path, copies: list[str]
) -> None:
    original = goal_with_two_milestones(run, home)
    for name in copies:
        shutil.copyfile(original, original.with_name(name))
    before = {name: (original.with_name(name)).read_bytes() for name in copies}

    result = run("goals", "tick", "learn", "1")
    assert result.exit_code == 0, result.stderr
    assert "done = true" in original.read_text()
    for name in copies:  # never written to
        assert (original.with_name(name)).read_bytes() == before[name]
    # each copy named once, by its own path; the original is not blamed
    warned = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(warned) == len(copies), result.stderr
    for name in copies:
        assert sum(f"goals/{name}: a conflicted copy" in w for w in warned) == 1
    assert "duplicate" not in result.stderr

    for name in copies:
        (original.with_name(name)).unlink()
    (goal,) = Journal(home).load(GOALS).records
    assert [m.done for m in goal.record.milestones] == [True, False]
    listed = run("goals", "show", "learn")
    assert listed.exit_code == 0
    assert listed.stderr == ""


def test_doctor_lists_each_copy_with_how_to_merge_it(run: Run, home: Path) -> None:
    original = goal_with_two_milestones(run, home)
    for name in COPIES:
        shutil.copyfile(original, original.with_name(name))
    result = run("doctor")
    assert result.exit_code == 3
    for name in COPIES:
        line = next(
            line
            for line in result.stdout.splitlines()
            if line.startswith(f"goals/{name}:")
        )
        assert "mentorlog edit goals/learn-rust.toml" in line
        # the diff it names runs as shown in a shell, whatever the copy's
        # name holds (Dropbox's "Ada's conflicted copy" has an apostrophe)
        found = re.search(r"compare them \((diff .*)\), copy what", line)
        assert found is not None, line
        shell = subprocess.run(
            ["sh", "-c", found[1]], cwd=home, capture_output=True, text=True
        )
        assert shell.returncode == 0, (found[1], shell.stderr)
    assert "conflicted copy" not in result.stderr  # listed once, not warned too


def test_a_copy_whose_original_is_gone_says_how_to_make_it_the_record(
    run: Run, home: Path
) -> None:
    # deleted on one device, changed on another: the copy is all that is left,
    # and neither "diff" nor "mentorlog edit" of the missing file would run
    original = goal_with_two_milestones(run, home)
    for name in (SYNCTHING, "learn-rust.conflict.toml"):
        copy = original.with_name(name)
        shutil.copyfile(original, copy)
        saved = original.read_bytes()
        original.unlink()
        result = run("doctor")
        assert result.exit_code == 3
        (line,) = [x for x in result.stdout.splitlines() if x.startswith("goals/")]
        assert "learn-rust.toml is gone" in line and "diff" not in line, line
        found = re.search(r"make it the file \((mv .*)\), else delete it", line)
        assert found is not None, line
        shell = subprocess.run(
            ["sh", "-c", found[1]], cwd=home, capture_output=True, text=True
        )
        assert shell.returncode == 0, (found[1], shell.stderr)
        assert original.read_bytes() == saved
        listed = run("goals", "show", "learn")
        assert listed.exit_code == 0 and "Learn Rust" in listed.stdout


def test_a_copy_named_by_its_path_is_not_written(run: Run, home: Path) -> None:
    original = goal_with_two_milestones(run, home)
    copy = original.with_name(DROPBOX)
    shutil.copyfile(original, copy)
    before = copy.read_bytes()
    result = run("edit", f"goals/{DROPBOX}", env={"EDITOR": "sed -i s/Rust/Go/"})
    assert result.exit_code != 0
    assert "conflicted copy" in result.stderr
    assert copy.read_bytes() == before


def test_a_name_shaped_like_a_onedrive_copy_is_a_record_of_its_own(
    run: Run, home: Path
) -> None:
    goal_with_two_milestones(run, home)
    result = run("goals", "add", "Learn Rust 2", "--by", "eoy")
    assert result.exit_code == 0, result.stderr
    assert (home / "goals" / "learn-rust-2.toml").exists()
    listed = run("goals", "--json")
    assert listed.exit_code == 0
    assert "Learn Rust 2" in listed.stdout
    assert "conflicted copy" not in listed.stderr


SETTINGS_COPIES = [
    "mentorlog (conflicted copy).toml",
    "mentorlog.sync-conflict-20261122-101010-ABCDEFG.toml",
    "mentorlog_conflict-20261122-101010.toml",
    "mentorlog.toml.orig",
]
TEMPLATE_COPIES = [
    "templates/agenda (conflicted copy).md",
    "templates/agenda.md.orig",
]


def test_copies_of_the_settings_and_the_template_are_named_never_read(
    run: Run, home: Path
) -> None:
    goal_with_two_milestones(run, home)
    settings = home / "mentorlog.toml"
    before = settings.read_bytes()
    for name in SETTINGS_COPIES:  # a copy that would break the settings
        (home / name).write_text('version = "not a number"\n[[[broken\n')
    for name in TEMPLATE_COPIES:
        (home / name).write_text("## Not the template\n")

    result = run("goals", "show", "learn")

    assert result.exit_code == 0, result.stderr
    warned = [line for line in result.stderr.splitlines() if line.strip()]
    copies = SETTINGS_COPIES + TEMPLATE_COPIES
    assert len(warned) == len(copies), result.stderr
    for name in copies:
        said = [line for line in warned if f" {name}: a conflicted copy" in line]
        assert len(said) == 1, result.stderr
    assert settings.read_bytes() == before

    doctor = run("doctor")
    assert doctor.exit_code == 3
    for name in copies:
        line = next(
            line for line in doctor.stdout.splitlines() if line.startswith(name)
        )
        assert "diff " in line and "then delete the copy" in line
    assert doctor.stderr.count("a conflicted copy") == 0


# copies known by their record: the original's name plus a suffix, the same id
SUFFIXED = [
    "learn-rust (1).toml",  # Google Drive
    "learn-rust 2.toml",  # iCloud
    "learn-rust_1.toml",
    "learn-rust (copy).toml",
    "learn-rust - Copy.toml",  # Windows Explorer
    "learn-rust_LOCAL_4242.toml",  # git mergetool
    "learn-rust (Kopie mit Konflikt).toml",  # Dropbox, in German
    # named before the original: read first, they still give way to it
    "Copy of learn-rust.toml",  # Google Drive's "Make a copy"
    "Copy (2) of learn-rust.toml",  # older Windows
]
# copies known by their name, whatever they hold (here: broken TOML)
NAMED = [
    "learn-rust (Case Conflict).toml",  # Dropbox
    "learn-rust (Selective Sync Conflict).toml",  # Dropbox
    "learn-rust (Ada's conflicted copy 2026-11-22 (1)).toml",  # Dropbox
    "learn-rust.sync-conflict-20261122-101010.toml",  # Syncthing < 0.14
    "learn-rust (SFConflict ada@example.org 2026-11-22-10-10-10).toml",  # Seafile
    "learn-rust.conflict.toml",
    "learn-rust.toml.conflict",
]


def test_every_copy_is_named_as_a_copy_never_a_duplicate_or_broken(
    run: Run, home: Path
) -> None:
    original = goal_with_two_milestones(run, home)
    for name in SUFFIXED:
        shutil.copyfile(original, original.with_name(name))
    for name in NAMED:
        original.with_name(name).write_text('id = "half a sync\n')

    listed = run("goals", "show", "learn")
    assert listed.exit_code == 0, listed.stderr
    assert "Learn Rust" in listed.stdout
    assert "duplicate" not in listed.stderr
    assert "not valid TOML" not in listed.stderr
    for name in SUFFIXED + NAMED:
        assert f"goals/{name}: a conflicted copy of goals/learn-rust.toml" in (
            listed.stderr
        ), name

    doctor = run("doctor")
    assert doctor.exit_code == 3
    assert "duplicate" not in doctor.stdout
    for name in SUFFIXED + NAMED:
        line = next(
            line
            for line in doctor.stdout.splitlines()
            if line.startswith(f"goals/{name}:")
        )
        assert "a conflicted copy of goals/learn-rust.toml" in line, line
        assert "mentorlog edit goals/learn-rust.toml" in line


def test_a_tick_writes_the_original_whatever_the_copies_are_named(
    run: Run, home: Path
) -> None:
    original = goal_with_two_milestones(run, home)
    for name in SUFFIXED:
        shutil.copyfile(original, original.with_name(name))
    before = {name: original.with_name(name).read_bytes() for name in SUFFIXED}
    result = run("goals", "tick", "learn", "1")
    assert result.exit_code == 0, result.stderr
    assert "done = true" in original.read_text()
    for name in SUFFIXED:
        assert original.with_name(name).read_bytes() == before[name]


def test_a_file_with_another_name_and_the_same_id_is_still_a_duplicate(
    run: Run, home: Path
) -> None:
    original = goal_with_two_milestones(run, home)
    shutil.copyfile(original, original.with_name("rust.toml"))
    shutil.copyfile(original, original.with_name("learn-rustacean.toml"))
    doctor = run("doctor")
    assert doctor.exit_code == 3
    for name in ("rust.toml", "learn-rustacean.toml"):
        assert f"goals/{name}:1: duplicate id: goals/learn-rust.toml" in (doctor.stdout)


def test_each_record_folder_is_listed_once_and_its_copies_still_named(
    run: Run, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The scan for conflicted copies and the reading of a folder share one
    listing of it (issue 21): `status` reads several kinds, and no folder is
    listed twice; every copy is named as before, once."""
    from mentorlog.store.kinds import ALL_KINDS

    original = goal_with_two_milestones(run, home)
    assert run("actions", "add", "Email Prof. Chen").exit_code == 0
    for name in COPIES:
        shutil.copyfile(original, original.with_name(name))
    folders = {
        (info.st_dev, info.st_ino): kind.folder
        for kind in ALL_KINDS
        if (home / kind.folder).is_dir()
        for info in [(home / kind.folder).stat()]
    }
    listed: list[str] = []
    real = os.listdir

    def counting(path: int | str | Path = ".") -> list[str]:
        info = os.fstat(path) if isinstance(path, int) else os.stat(path)
        folder = folders.get((info.st_dev, info.st_ino))
        if folder is not None:
            listed.append(folder)
        return real(path)

    monkeypatch.setattr(os, "listdir", counting)
    result = run("status")
    assert result.exit_code == 0, result.stderr
    assert {"goals", "actions"} <= set(listed)
    assert sorted(listed) == sorted(set(listed)), listed  # each one once
    for name in COPIES:
        assert result.stderr.count(f"goals/{name}: a conflicted copy") == 1, name


def test_a_folder_written_after_the_scan_is_read_again(home: Path) -> None:
    """A folder the command writes to before reading it is listed again: the
    scan's listing of it says what it held before."""
    from mentorlog.models import Goal
    from mentorlog.store.ids import new_id
    from mentorlog.store.kinds import ACTIONS

    journal = Journal(home, memo=True)
    with journal.transaction():
        journal.save(GOALS, Goal(id=new_id(), title="First", created=date.today()))
    journal = Journal(home, memo=True)
    assert journal.load(ACTIONS).records == []  # the scan lists every folder
    with journal.transaction():
        journal.save(GOALS, Goal(id=new_id(), title="Second", created=date.today()))
    titles = sorted(s.record.title for s in journal.load(GOALS).records)
    assert titles == ["First", "Second"]
