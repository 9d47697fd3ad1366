"""`edit` on files as other tools write them (issue 17.5: CRLF, a BOM, one
decoding for every read and compare) and with editors as they behave (issue
16.6: one that returns at once, every problem of a failed edit listed, the
kept draft offered). Every editor is a real program run as $EDITOR."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import pytest

from mentorlog import editor
from mentorlog.cli import context
from tests.conftest import Run

BOM = b"\xef\xbb\xbf"


def editor_script(tmp_path: Path, body: str) -> str:
    """A real editor: a Python program that edits the file it is given."""
    script = tmp_path / "editor.py"
    script.write_text(
        f"import sys\nfrom pathlib import Path\npath = Path(sys.argv[-1])\n{body}\n"
    )
    return f"{sys.executable} {script}"


RENAME = "path.write_bytes(path.read_bytes().replace(b'Learn Rust', b'Learn Go'))"


def goal_file(run: Run, home: Path) -> Path:
    assert run("goals", "add", "Learn Rust", "--by", "eom").exit_code == 0
    return home / "goals" / "learn-rust.toml"


def test_edit_saves_a_crlf_file_and_keeps_its_line_endings(
    run: Run, home: Path, tmp_path: Path
) -> None:
    path = goal_file(run, home)
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    result = run("edit", "learn", env={"EDITOR": editor_script(tmp_path, RENAME)})
    assert result.exit_code == 0, result.stderr
    assert "Saved goals/learn-rust.toml" in result.stdout
    raw = path.read_bytes()
    assert b'title = "Learn Go"\r\n' in raw
    assert raw.count(b"\n") == raw.count(b"\r\n")  # every line still CRLF
    # a later write by the tool keeps them too
    assert run("goals", "milestone", "learn", "Read the book").exit_code == 0
    raw = path.read_bytes()
    assert b"Read the book" in raw and raw.count(b"\n") == raw.count(b"\r\n")


def test_edit_saves_a_bom_file_and_keeps_the_bom(
    run: Run, home: Path, tmp_path: Path
) -> None:
    path = goal_file(run, home)
    path.write_bytes(BOM + path.read_bytes())
    seen = tmp_path / "seen"
    body = f"Path({str(seen)!r}).write_bytes(path.read_bytes())\n{RENAME}"
    result = run("edit", "learn", env={"EDITOR": editor_script(tmp_path, body)})
    assert result.exit_code == 0, result.stderr
    assert seen.read_bytes().startswith(BOM)  # the editor saw the file as it is
    raw = path.read_bytes()
    assert raw.startswith(BOM) and b'title = "Learn Go"' in raw
    assert run("goals", "tick", "learn", "1").exit_code == 1  # no milestone
    assert run("goals", "milestone", "learn", "Step").exit_code == 0
    assert path.read_bytes().startswith(BOM)


def test_an_editor_that_changes_the_line_endings_is_obeyed(
    run: Run, home: Path, tmp_path: Path
) -> None:
    path = goal_file(run, home)
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    body = (
        "path.write_bytes(path.read_bytes().replace(b'\\r\\n', b'\\n')"
        ".replace(b'Learn Rust', b'Learn Go'))"
    )
    result = run("edit", "learn", env={"EDITOR": editor_script(tmp_path, body)})
    assert result.exit_code == 0, result.stderr
    assert b"\r" not in path.read_bytes()


def test_an_editor_that_returns_at_once_is_named_and_its_draft_kept(
    run: Run, home: Path, tmp_path: Path
) -> None:
    path = goal_file(run, home)
    before = path.read_bytes()
    # returns at once, the file unchanged: a GUI editor without --wait
    result = run("edit", "learn", env={"EDITOR": editor_script(tmp_path, "pass")})
    assert result.exit_code == 0
    assert "No changes to goals/learn-rust.toml" in result.stdout
    said = " ".join(result.stderr.split())
    assert "may not wait" in said and 'EDITOR="code --wait"' in said
    (draft,) = (home / ".drafts").iterdir()
    assert str(draft) in said and "mentorlog edit learn --draft" in said
    # the user goes on typing in the editor, and saves there
    draft.write_bytes(draft.read_bytes().replace(b"Learn Rust", b"Learn Go"))
    assert path.read_bytes() == before
    saved = run(
        "edit", "learn", "--draft", env={"EDITOR": editor_script(tmp_path, "pass")}
    )
    assert saved.exit_code == 0, saved.stderr
    assert b'title = "Learn Go"' in path.read_bytes()
    assert not list((home / ".drafts").iterdir())


def test_an_editor_that_waited_and_changed_nothing_is_not_blamed(
    run: Run, home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    goal_file(run, home)
    monkeypatch.setattr(editor, "QUICK", 0.0)  # any editor took "long"
    result = run("edit", "learn", env={"EDITOR": editor_script(tmp_path, "pass")})
    assert result.exit_code == 0
    assert "No changes" in result.stdout and "may not wait" not in result.stderr
    assert not list((home / ".drafts").iterdir())


def test_a_failed_edit_lists_every_problem(
    run: Run, home: Path, tmp_path: Path
) -> None:
    goal_file(run, home)
    body = (
        "path.write_text(path.read_text().replace('active', 'sleeping')"
        ".replace('2026-11-30', '\"someday\"'))"
    )
    result = run("edit", "learn", env={"EDITOR": editor_script(tmp_path, body)})
    assert result.exit_code == 3
    said = " ".join(result.stderr.split())
    assert "status: should be" in said and 'not a date ("someday")' in said
    assert "more problem" not in said


def failed_edit(run: Run, home: Path, tmp_path: Path) -> Path:
    goal_file(run, home)
    body = (
        "path.write_text(path.read_text().replace('active', 'sleeping')"
        " + '# my careful notes\\n')"
    )
    result = run("edit", "learn", env={"EDITOR": editor_script(tmp_path, body)})
    assert result.exit_code == 3
    (draft,) = (home / ".drafts").iterdir()
    return draft


MEND = (
    "Path({seen!r}).write_text(path.read_text())\n"
    "path.write_text(path.read_text().replace('sleeping', 'active'))"
)


def test_edit_says_a_draft_is_kept_and_draft_opens_it(
    run: Run, home: Path, tmp_path: Path
) -> None:
    draft = failed_edit(run, home, tmp_path)
    seen = tmp_path / "seen"
    mend = editor_script(tmp_path, MEND.format(seen=str(seen)))
    # without a terminal: the record opens, and the draft is named with the way
    plain = run("edit", "learn", env={"EDITOR": mend})
    said = " ".join(plain.stderr.split())
    assert str(draft) in said and "mentorlog edit learn --draft" in said
    assert "# my careful notes" not in seen.read_text()
    drafts = sorted((home / ".drafts").iterdir())
    assert draft in drafts
    # --draft: the editor gets the kept text, and the record is saved from it
    result = run("edit", "learn", "--draft", env={"EDITOR": mend})
    assert result.exit_code == 0, result.stderr
    assert "# my careful notes" in seen.read_text()
    text = (home / "goals" / "learn-rust.toml").read_text()
    assert "# my careful notes" in text and 'status = "active"' in text
    assert not draft.exists()


def test_on_a_terminal_edit_offers_the_kept_draft(
    run: Run, home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    draft = failed_edit(run, home, tmp_path)
    seen = tmp_path / "seen"
    mend = editor_script(tmp_path, MEND.format(seen=str(seen)))
    monkeypatch.setattr(context, "interactive", lambda: True)
    result = run("edit", "learn", input="y\n", env={"EDITOR": mend})
    assert result.exit_code == 0, result.stderr
    assert "Open that draft instead of the record?" in result.output
    assert "# my careful notes" in seen.read_text()
    assert "# my careful notes" in (home / "goals" / "learn-rust.toml").read_text()
    assert not draft.exists()


def test_draft_without_a_draft_is_a_clear_error(run: Run, home: Path) -> None:
    goal_file(run, home)
    result = run("edit", "learn", "--draft", env={"EDITOR": "true"})
    assert result.exit_code == 1
    assert "no draft" in result.stderr


# -- a stale .git/index.lock (issue 17.6) --------------------------------------
def git_journal_with_lock(run: Run, home: Path, *, age: float) -> Path:
    assert run("init", "--git").exit_code == 0
    lock = home / ".git" / "index.lock"
    lock.write_bytes(b"")
    then = time.time() - age
    os.utime(lock, (then, then))
    return lock


def test_a_stale_index_lock_is_named_with_the_fix(run: Run, home: Path) -> None:
    lock = git_journal_with_lock(run, home, age=120)
    result = run("actions", "add", "Email Ada")
    assert result.exit_code == 0  # saved; the commit is what failed
    said = " ".join(result.stderr.split())
    assert "saved, but not committed" in said
    assert f"{lock} was left by a git that was stopped" in said
    assert f"rm {lock}" in said
    assert "Another git process seems to be running" in said  # git's, whole
    doctor = run("doctor")
    assert doctor.exit_code == 3
    assert ".git/index.lock" in doctor.stderr + doctor.stdout
    assert f"rm {lock}" in " ".join((doctor.stderr + doctor.stdout).split())
    lock.unlink()
    assert run("actions", "add", "Call Bob").exit_code == 0
    assert run("doctor").exit_code == 0


def test_a_fresh_index_lock_is_not_called_stale(run: Run, home: Path) -> None:
    lock = git_journal_with_lock(run, home, age=0)
    result = run("actions", "add", "Email Ada")
    said = " ".join(result.stderr.split())
    assert "index.lock" in said and "was left by a git that was stopped" not in said
    assert run("doctor").exit_code == 0
    lock.unlink()


def test_the_no_draft_error_quotes_the_reference_it_suggests(
    run: Run, home: Path
) -> None:
    goal_file(run, home)
    result = run("edit", "learn rust", "--draft", env={"EDITOR": "true"})
    assert result.exit_code == 1
    assert result.stderr.strip().endswith(
        "no draft of \"learn rust\" is kept: mentorlog edit 'learn rust' opens it"
    )
