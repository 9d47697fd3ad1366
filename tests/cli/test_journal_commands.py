import json
import stat
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mentorlog import __version__
from mentorlog.cli import app
from mentorlog.core.setup import init_journal
from mentorlog.store.journal import Journal
from mentorlog.store.kinds import GOALS
from tests.conftest import Run


def test_init_creates_a_private_journal_and_is_idempotent(run: Run, home: Path) -> None:
    first = run("init", "--name", "Sam Rivera")
    assert first.exit_code == 0
    assert f"Created your journal at {home}" in " ".join(first.stdout.split())
    settings = (home / "mentorlog.toml").read_text()
    assert 'name = "Sam Rivera"' in settings and "schema_version = 1" in settings
    assert "[targets]" in settings
    template = home / "templates" / "agenda.md"
    assert "## What worked" in template.read_text()
    assert stat.S_IMODE(home.stat().st_mode) == 0o700
    template.write_text("my own template\n")
    second = run("init", "--name", "Someone Else")
    assert second.exit_code == 0
    assert "nothing changed" in second.stdout
    assert 'already named "Sam Rivera"' in second.stderr
    assert template.read_text() == "my own template\n"
    assert (home / "mentorlog.toml").read_text() == settings


def test_init_names_an_unnamed_journal_keeping_comments(run: Run, home: Path) -> None:
    run("init")
    assert run("init", "--name", "Sam").exit_code == 0
    text = (home / "mentorlog.toml").read_text()
    assert 'name = "Sam"' in text
    assert "# Targets the checklist measures you against." in text
    assert Journal(home).settings().name == "Sam"


@pytest.mark.no_journal
def test_where_prints_the_path(run: Run, home: Path, tmp_path: Path) -> None:
    result = run("where")
    assert result.stdout == f"{home}\n"
    assert "no journal there yet" in result.stderr
    other = tmp_path / "elsewhere"
    assert run("--journal", str(other), "where").stdout == f"{other}\n"


def test_version_shows_version_and_journal(run: Run, home: Path) -> None:
    result = run("--version")
    assert result.exit_code == 0
    assert result.stdout == f"mentorlog {__version__}\njournal: {home}\n"


def break_a_goal(run: Run, home: Path) -> Path:
    run("goals", "add", "Healthy goal", "--by", "eom")
    run("goals", "add", "Doomed goal", "--by", "eom")
    doomed = home / "goals" / "doomed-goal.toml"
    text = doomed.read_text().replace("target = 2026-11-30", 'target = "next fridya"')
    doomed.write_text(text)
    return doomed


def test_a_broken_file_is_named_and_the_rest_keeps_working(
    run: Run, home: Path
) -> None:
    doomed = break_a_goal(run, home)
    line = doomed.read_text().splitlines().index('target = "next fridya"') + 1
    expected = f'goals/doomed-goal.toml:{line}: target: not a date ("next fridya")'
    listing = run("goals")
    assert listing.exit_code == 0
    assert "Healthy goal" in listing.stdout and "Doomed" not in listing.stdout
    assert expected in listing.stderr
    data = json.loads(run("goals", "--json").stdout)
    assert [g["title"] for g in data] == ["Healthy goal"]
    shown = run("goals", "show", "doomed")
    assert shown.exit_code == 3
    assert expected in shown.stderr
    assert run("goals", "milestone", "healthy", "Still works").exit_code == 0


def test_doctor_lists_every_problem_and_exits_3(run: Run, home: Path) -> None:
    break_a_goal(run, home)
    (home / "goals" / "conflict.toml").write_text('id = "x"\n<<<<<<< HEAD\n')
    (home / "goals" / "binary.toml").write_bytes(b"\x00\xff")
    (home / "goals" / "empty.toml").write_text("")
    result = run("doctor")
    assert result.exit_code == 3
    lines = result.stdout.splitlines()
    assert lines == sorted(lines)
    assert lines == [
        "goals/binary.toml: not a text file (binary data)",
        "goals/conflict.toml:2: not valid TOML: unresolved git merge conflict markers",
        lines[2],
        "goals/empty.toml: id: is required; title: is required; created: is required",
    ]
    assert lines[2].startswith("goals/doomed-goal.toml:") and "not a date" in lines[2]
    assert "4 problems" in result.stderr
    data = json.loads(run("doctor", "--json").stdout)
    assert len(data["problems"]) == 4


def test_doctor_on_a_healthy_journal(run: Run) -> None:
    run("init")
    run("goals", "add", "Fine goal", "--by", "eom")
    result = run("doctor")
    assert result.exit_code == 0
    assert "no problems" in result.stdout and result.stderr == ""


def write_editor(tmp_path: Path, body: str) -> str:
    script = tmp_path / "fake editor.py"
    script.write_text(
        f"import sys\nfrom pathlib import Path\npath = Path(sys.argv[-1])\n{body}\n"
    )
    return f'{sys.executable} "{script}"'


def test_edit_saves_a_valid_change(run: Run, home: Path, tmp_path: Path) -> None:
    run("goals", "add", "Edit me", "--by", "eom")
    editor = write_editor(
        tmp_path,
        "path.write_text(path.read_text().replace('2026-11-30', '2027-01-31') + '# mine\\n')",
    )
    result = run("edit", "edit", env={"EDITOR": editor})
    assert result.exit_code == 0, result.stderr
    assert "Saved goals/edit-me.toml" in result.stdout
    text = (home / "goals" / "edit-me.toml").read_text()
    assert "target = 2027-01-31" in text and "# mine" in text
    assert stat.S_IMODE((home / "goals" / "edit-me.toml").stat().st_mode) == 0o600
    assert not list((home / ".drafts").iterdir())


@pytest.mark.parametrize(
    ("body", "code", "message"),
    [
        (
            "path.write_text(path.read_text().replace('2026-11-30', 'someday'))",
            3,
            "not valid TOML",
        ),
        (
            "path.write_text(path.read_text().replace('active', 'sleeping'))",
            3,
            "status: should be",
        ),
        ("path.write_text(path.read_text().replace('id = \"', 'id = \"0'))", 3, "id"),
        ("path.write_text('')", 1, "the edited file is empty"),
        (
            "path.write_text(path.read_text() + 'x = 1\\n'); sys.exit(4)",
            1,
            "exited with status 4",
        ),
    ],
)
def test_a_failed_edit_keeps_the_text_and_the_record(
    run: Run, home: Path, tmp_path: Path, body: str, code: int, message: str
) -> None:
    run("goals", "add", "Edit me", "--by", "eom")
    record = home / "goals" / "edit-me.toml"
    before = record.read_bytes()
    result = run("goals", "edit", "edit", env={"VISUAL": write_editor(tmp_path, body)})
    assert result.exit_code == code
    assert message in result.stderr
    assert record.read_bytes() == before
    drafts = list((home / ".drafts").iterdir())
    assert len(drafts) == 1
    assert str(drafts[0]) in result.stderr
    assert drafts[0].read_bytes() != before
    assert stat.S_IMODE(drafts[0].stat().st_mode) == 0o600


def test_a_missing_editor_is_a_clear_error(run: Run, home: Path) -> None:
    run("goals", "add", "Edit me", "--by", "eom")
    result = run("edit", "edit", env={"EDITOR": "no-such-editor-anywhere"})
    assert result.exit_code == 1
    assert "'no-such-editor-anywhere' was not found" in result.stderr
    assert "is unchanged" in result.stderr


def test_edit_settings_and_unknown_refs(run: Run, tmp_path: Path) -> None:
    run("init")
    unchanged = run("edit", "settings", env={"EDITOR": write_editor(tmp_path, "pass")})
    assert (
        unchanged.exit_code == 0 and "No changes to mentorlog.toml" in unchanged.stdout
    )
    bad = run(
        "edit",
        "settings",
        env={
            "EDITOR": write_editor(
                tmp_path,
                "path.write_text(path.read_text().replace('goals_min = 3', 'goals_min = -1'))",
            )
        },
    )
    assert (
        bad.exit_code == 3 and "targets.goals_min: should be at least 0" in bad.stderr
    )
    missing = run("edit", "nothing-here")
    assert (
        missing.exit_code == 1 and 'no record matches "nothing-here"' in missing.stderr
    )


def test_unexpected_errors_are_one_line_unless_debug(
    run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    import mentorlog.core.goals

    def explode(*args: object, **kwargs: object) -> None:
        raise RuntimeError("secret detail")

    monkeypatch.setattr(mentorlog.core.goals, "list_goals", explode)
    result = run("goals")
    assert result.exit_code == 1
    assert "unexpected RuntimeError" in result.stderr and "--debug" in result.stderr
    assert "secret detail" not in result.stderr
    debug = CliRunner().invoke(app, ["--debug", "goals"])
    assert isinstance(debug.exception, RuntimeError)


def test_debug_shows_the_traceback_of_a_user_error(journal: Journal) -> None:
    init_journal(journal, None)
    result = CliRunner().invoke(app, ["--debug", "goals", "show", "nothing"])
    assert "Traceback" in result.stderr
    assert result.exit_code == 1
    assert "NotFoundError" in result.stderr
    assert 'error: no goal matches "nothing"' in result.stderr


def test_every_write_lands_in_the_chosen_journal(
    run: Run, tmp_path: Path, home: Path
) -> None:
    other = tmp_path / "other"
    assert run("--journal", str(other), "init").exit_code == 0
    assert (
        run(
            "--journal", str(other), "goals", "add", "Elsewhere", "--by", "eom"
        ).exit_code
        == 0
    )
    assert not home.exists()
    assert [s.record.title for s in Journal(other).load(GOALS).records] == ["Elsewhere"]


def test_the_draft_survives_until_the_edit_is_committed(
    run: Run, home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from mentorlog.store import undo

    run("goals", "add", "Edit me", "--by", "eom")
    record = home / "goals" / "edit-me.toml"
    before = record.read_bytes()

    real_commit = undo.UndoLog.commit
    calls = []

    def lost_commit_mark(self: undo.UndoLog) -> None:
        calls.append(1)
        if len(calls) == 2:  # the edit's own change, after the draft was made
            raise OSError(5, "Input/output error")
        real_commit(self)

    monkeypatch.setattr(undo.UndoLog, "commit", lost_commit_mark)
    editor = write_editor(
        tmp_path, "path.write_text(path.read_text() + '# CAREFUL words\\n')"
    )
    result = run("edit", "edit", env={"EDITOR": editor})
    assert result.exit_code != 0
    monkeypatch.setattr(undo.UndoLog, "commit", real_commit)
    run("goals")  # the next command rolls the half change back
    assert record.read_bytes() == before
    drafts = list((home / ".drafts").iterdir())
    assert len(drafts) == 1 and "# CAREFUL words" in drafts[0].read_text()


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


def test_a_bad_editor_variable_leaves_no_draft(run: Run, home: Path) -> None:
    run("goals", "add", "Edit me", "--by", "eom")
    result = run("edit", "edit", env={"EDITOR": "'unterminated"})
    assert result.exit_code == 1
    assert "cannot be read as a command" in result.stderr
    assert not (home / ".drafts").exists() or not list((home / ".drafts").iterdir())


@pytest.mark.no_journal
def test_edit_settings_before_init_points_to_init(run: Run, home: Path) -> None:
    result = run("edit", "settings")
    assert result.exit_code == 1
    assert f"no journal at {home}: run mentorlog init" in result.stderr
    assert not home.exists()


def test_settings_problems(run: Run, home: Path) -> None:
    run("init")
    settings = home / "mentorlog.toml"
    original = settings.read_text()
    settings.write_text(original.replace("schema_version = 1", 'schema_version = "x"'))
    write = run("goals", "add", "x", "--by", "eom")
    assert write.exit_code == 3
    assert "mentorlog.toml:2: schema_version: should be a whole number" in write.stderr
    # a float TOML allows where a whole number goes: said as such, not "not valid"
    for value in ("nan", "inf", "-inf", "1e400"):
        settings.write_text(original.replace("duration = 60", f"duration = {value}"))
        checked = run("doctor")
        assert 'calendar.duration: should be a whole number ("' in checked.stdout, (
            checked.stdout
        )
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
    assert result.exit_code == 1
    said = f"no journal at {not_a_folder}: a file stands there, not a journal folder"
    assert said in result.stderr
    write = run("--journal", str(not_a_folder), "goals", "add", "x")
    assert write.exit_code == 1 and said in write.stderr
    assert not_a_folder.read_text() == "x"


def test_doctor_lists_every_bad_value_of_a_file_with_its_line(
    run: Run, home: Path
) -> None:
    assert run("mentors", "add", "Ada Lovelace").exit_code == 0
    [path] = (home / "mentors").glob("*.md")
    text = path.read_text().replace(
        "+++\n", '+++\ncadence = "every tuesday"\nchannel = "pigeon"\n', 1
    )
    path.write_text(text)
    result = run("doctor")
    assert result.exit_code == 3
    [line] = [x for x in result.stdout.splitlines() if x.startswith("mentors/")]
    assert "cadence" in line and "channel" in line and "(line " in line


@pytest.mark.parametrize(
    ("saved", "said"),
    [
        ("utf-16", "saved as UTF-16 LE, not UTF-8: save it as UTF-8"),
        ("latin-1", "not UTF-8 text (another encoding?): save it as UTF-8"),
    ],
)
def test_an_agenda_template_that_is_not_utf8_is_named_not_silently_replaced(
    run: Run, home: Path, saved: str, said: str
) -> None:
    # the user's own layout, saved from Notepad as "Unicode": prep used the
    # built-in template and nothing said why
    run("init")
    assert run("mentors", "add", "Ada Lovelace").exit_code == 0
    template = home / "templates" / "agenda.md"
    mine = "# With {mentor} · {date}\n\n## Café talk\n{questions}\n"
    template.write_bytes(mine.encode(saved))

    prepared = run("prep", "ada", "--on", "2026-11-24")
    checked = run("doctor")

    assert prepared.exit_code == 0, prepared.output
    assert prepared.stderr.count("templates/agenda.md") == 1, prepared.stderr
    assert said in prepared.stderr
    assert "the built-in template was used" in prepared.stderr
    assert checked.exit_code == 3
    assert f"templates/agenda.md{':1' if saved == 'latin-1' else ''}: {said}" in (
        checked.stdout
    )
