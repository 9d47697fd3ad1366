"""Defects a review found, each pinned by a test that fails without its fix."""

import io
import os
import subprocess
import sys
from pathlib import Path

import pexpect
import pytest

from mentorlog.store.journal import Journal
from mentorlog.store.kinds import GOALS
from tests.conftest import Run


def test_the_tour_never_prompts_on_a_terminal(home: Path) -> None:
    seen = io.StringIO()
    child = pexpect.spawn(
        sys.executable,
        ["-m", "mentorlog", "tour"],
        env={**os.environ, "COLUMNS": "100"},
        encoding="utf-8",
        timeout=60,
    )
    child.logfile_read = seen
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0, seen.getvalue()[-2000:]
    assert "That was the tour" in seen.getvalue()
    assert "Specific —" not in seen.getvalue()


def test_no_input_turns_prompts_off_on_a_terminal(home: Path) -> None:
    seen = io.StringIO()
    child = pexpect.spawn(
        sys.executable,
        ["-m", "mentorlog", "--no-input", "goals", "add", "Write a paper"],
        encoding="utf-8",
        timeout=30,
    )
    child.logfile_read = seen
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert "Specific" not in seen.getvalue()


def break_goal(run: Run, home: Path) -> Path:
    run("goals", "add", "Fix me later", "--by", "eom")
    path = home / "goals" / "fix-me-later.toml"
    path.write_text(path.read_text().replace("target = 2026-11-30", 'target = "soon"'))
    return path


def fixing_editor(tmp_path: Path) -> str:
    script = tmp_path / "fix.py"
    script.write_text(
        "import sys\nfrom pathlib import Path\np = Path(sys.argv[-1])\n"
        "p.write_text(p.read_text().replace('\"soon\"', '2027-01-15'))\n"
    )
    return f"{sys.executable} {script}"


@pytest.mark.parametrize("ref", ["fix-me", "goals/fix-me-later.toml"])
def test_edit_opens_a_broken_record_so_it_can_be_mended(
    run: Run, home: Path, tmp_path: Path, ref: str
) -> None:
    path = break_goal(run, home)
    assert run("doctor").exit_code == 3
    result = run("edit", ref, env={"EDITOR": fixing_editor(tmp_path)})
    assert result.exit_code == 0, result.stderr
    assert "target = 2027-01-15" in path.read_text()
    assert run("doctor").exit_code == 0


def test_goals_edit_opens_a_broken_goal_too(
    run: Run, home: Path, tmp_path: Path
) -> None:
    path = break_goal(run, home)
    result = run("goals", "edit", "fix", env={"VISUAL": fixing_editor(tmp_path)})
    assert result.exit_code == 0, result.stderr
    assert Journal(home).read(GOALS, path).record.target.isoformat() == "2027-01-15"


@pytest.mark.parametrize("date_text", ["dec 32", "dec 1 99", "dec 1 0000", "feb 30"])
def test_impossible_dates_are_refused_not_misread(run: Run, date_text: str) -> None:
    result = run("goals", "add", "x", "--by", date_text)
    assert result.exit_code == 1
    assert f'cannot read the date "{date_text}"' in result.stderr


def test_odd_digits_and_bad_bytes_are_user_errors(run: Run, home: Path) -> None:
    run("goals", "add", "Ship 2 features", "--by", "eom")
    run("goals", "milestone", "ship", "First")
    superscript = run("goals", "tick", "ship", "²")
    assert superscript.exit_code == 1
    assert "no milestone matching" in superscript.stderr
    bad = run("goals", "add", "bad \udcff bytes")
    assert bad.exit_code == 1
    assert "is not valid UTF-8 text" in bad.stderr
    assert len(Journal(home).load(GOALS).records) == 1


def test_a_crlf_file_is_rewritten_with_lf_only(run: Run, home: Path) -> None:
    run("goals", "add", "Windows goal", "--by", "eom")
    path = home / "goals" / "windows-goal.toml"
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n") + b"# note\r\n")
    assert run("goals", "milestone", "windows", "step").exit_code == 0
    data = path.read_bytes()
    assert b"\r" not in data
    assert b"# note" in data


def test_a_hand_written_file_gets_only_what_changed(run: Run, home: Path) -> None:
    (home / "goals").mkdir(parents=True)
    run("init")
    path = home / "goals" / "hand.toml"
    path.write_text(
        'id = "01m80fmpgrhcxacm3xv60bkffv"\ntitle = "Hand made"\n'
        "created = 2026-11-22T09:30:00\nodd = []\n\n# the steps\n"
        '[[milestones]]\ntitle = "one"\n\n[[milestones]]\ntitle = "two"\n'
    )
    assert run("goals", "tick", "hand", "1").exit_code == 0
    text = path.read_text()
    assert "status" not in text  # a default the file never spelled out
    assert "created = 2026-11-22T09:30:00" in text  # not cut down to a date
    assert "odd = []" in text
    assert text.count("done = ") == 1  # only the milestone that changed
    assert "# the steps\n[[milestones]]" in text


def test_milestones_by_exact_title_even_when_it_is_a_number(run: Run) -> None:
    run("goals", "add", "Plan the year", "--by", "eoy")
    for title in ("Draft", "2026 plan", "3"):
        run("goals", "milestone", "plan", title)
    assert "✓ 2026 plan" in run("goals", "tick", "plan", "2026 plan").stdout
    assert "✓ 3" in run("goals", "tick", "plan", "3").stdout
    assert "✓ Draft" in run("goals", "tick", "plan", "1").stdout
    empty = run("goals", "tick", "plan", "  ")
    assert empty.exit_code == 1 and "say which milestone" in empty.stderr


@pytest.mark.parametrize(
    ("args", "hint"),
    [
        (["goals", "--json", "list"], "list --json"),
        (["goals", "--all", "check"], "check --all"),
        (["mentors", "--json", "list"], "list --json"),
    ],
)
def test_group_options_before_a_subcommand_are_usage_errors(
    run: Run, args: list[str], hint: str
) -> None:
    result = run(*args)
    assert result.exit_code == 2
    assert hint in result.stderr


def test_a_bad_editor_variable_leaves_no_draft(run: Run, home: Path) -> None:
    run("goals", "add", "Edit me", "--by", "eom")
    result = run("edit", "edit", env={"EDITOR": "'unterminated"})
    assert result.exit_code == 1
    assert "cannot be read as a command" in result.stderr
    assert not (home / ".drafts").exists() or not list((home / ".drafts").iterdir())


def test_a_failed_first_command_leaves_no_folders(run: Run, tmp_path: Path) -> None:
    deep = tmp_path / "a" / "b" / "journal"
    result = run("--journal", str(deep), "goals", "milestone", "nothing", "x")
    assert result.exit_code == 1
    assert not (tmp_path / "a").exists()


def test_edit_settings_before_init_points_to_init(run: Run) -> None:
    result = run("edit", "settings")
    assert result.exit_code == 1
    assert "`mentorlog init` creates it" in result.stderr


def test_settings_problems(run: Run, home: Path) -> None:
    run("init")
    settings = home / "mentorlog.toml"
    original = settings.read_text()
    settings.write_text(original.replace("schema_version = 1", 'schema_version = "x"'))
    write = run("goals", "add", "x", "--by", "eom")
    assert write.exit_code == 3
    assert "mentorlog.toml:2: schema_version: should be a whole number" in write.stderr
    settings.write_text(original.replace("goals_min = 3", "goals_min = 9"))
    doctor = run("doctor")
    assert doctor.exit_code == 3
    assert "targets: goals_min is above goals_max" in doctor.stdout


def test_doctor_reports_a_folder_once_and_a_journal_that_is_a_file(
    run: Run, home: Path, tmp_path: Path
) -> None:
    run("init")
    (home / "goals" / "odd.toml").mkdir()
    result = run("doctor")
    assert result.stdout.count("odd.toml") == 1
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("x")
    result = run("--journal", str(not_a_folder), "doctor")
    assert result.exit_code == 3
    assert "a file stands where the journal should be" in result.stdout
    write = run("--journal", str(not_a_folder), "goals", "add", "x")
    assert (
        write.exit_code == 1
        and "a file stands where the journal should be" in write.stderr
    )


def test_a_closed_pipe_is_not_an_error(run: Run, home: Path) -> None:
    for n in range(30):
        run("goals", "add", f"Goal number {n}", "--by", "eom")
    shell = f"{sys.executable} -m mentorlog goals show goal-number-1 | head -1; echo ${{PIPESTATUS[0]}}"
    done = subprocess.run(
        ["bash", "-c", shell],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "MENTORLOG_HOME": str(home)},
    )
    lines = done.stdout.splitlines()
    assert lines[-1] == "0", done.stderr
    assert "error" not in done.stderr
