import json
from pathlib import Path

import pytest

from mentorlog.core.goals import get_goal
from mentorlog.store.journal import Journal
from mentorlog.store.kinds import GOALS
from tests.conftest import TODAY, Run


def add(run: Run, *args: str) -> str:
    result = run("goals", "add", *args)
    assert result.exit_code == 0, result.stderr
    return result.stdout


def test_add_list_show_a_smart_goal(
    on_terminal: None, run: Run, journal: Journal
) -> None:
    out = add(
        run,
        "Build a working web application using React within 3 months",
        "--measure",
        "deployed with 3 pages",
        "--achievable",
        "6 hours a week",
        "--relevant",
        "front-end roles ask for React",
        "--area",
        "web",
    )
    assert "Added goal" in out
    assert "target date 2027-02-22 taken from the title" in out
    goal = journal.resolve(GOALS, "build").record
    assert goal.target.isoformat() == "2027-02-22"
    assert goal.area == "web"

    result = run(
        "goals", "milestone", "build", "Finish the tutorial", "--due", "in 2 weeks"
    )
    assert result.exit_code == 0
    assert "Added milestone 1" in result.stdout and "due 2026-12-06" in result.stdout
    run("goals", "milestone", "build", "Deploy a page", "--due", "2027-01-10")
    result = run("goals", "tick", "build", "fin")
    assert result.exit_code == 0
    assert "✓ Finish the tutorial" in result.stdout
    assert "1/2" in result.stdout

    listing = run("goals")
    assert listing.exit_code == 0
    lines = listing.stdout.splitlines()
    short = get_goal(journal, "build", TODAY).short
    assert lines[0].split() == ["id", "goal", "progress", "target"]
    assert lines[1].startswith(short)
    assert "█████░░░░░ 1/2" in lines[1] and "2027-02-22" in lines[1]
    assert "next: Deploy a page (due 2027-01-10)" in listing.stdout
    assert "92d left" in listing.stdout
    assert run("goals", "list").stdout == listing.stdout

    shown = run("goals", "show", short)
    assert shown.exit_code == 0
    for expected in (
        "[" + short + " · active]",
        "target 2027-02-22 (92d left)",
        "area: web",
        "Measurable  deployed with 3 pages",
        "1  ✓  Finish the tutorial",
        "done 2026-11-22",
        "2  ·  Deploy a page",
        "due 2027-01-10",
        "SMART 5/5",
    ):
        assert expected in shown.stdout, expected


def test_json_keys_are_stable(run: Run) -> None:
    add(run, "Interview 5 alumni", "--by", "2026-12-31")
    run("goals", "milestone", "interview", "Email them", "--due", "friday")
    data = json.loads(run("goals", "--json").stdout)
    assert len(data) == 1
    goal = data[0]
    for key in ("id", "title", "status", "target", "progress", "milestones"):
        assert key in goal
    assert goal["status"] == "active"
    assert goal["target"] == "2026-12-31"
    assert goal["progress"] == 0.0
    assert goal["milestones"] == [
        {
            "title": "Email them",
            "due": "2026-11-27",
            "done": False,
            "done_on": None,
            "private": False,
        }
    ]
    assert (
        json.loads(run("goals", "show", "interview", "--json").stdout)["id"]
        == goal["id"]
    )


def test_done_and_drop_hide_goals_until_all(run: Run) -> None:
    add(run, "Write 3 posts", "--by", "eom")
    add(run, "Give a talk", "--by", "eoy")
    assert run("goals", "done", "write").exit_code == 0
    assert run("goals", "drop", "give").exit_code == 0
    listing = run("goals")
    assert "No active goals (2 closed: mentorlog goals --all)." in listing.stdout
    full = json.loads(run("goals", "--all", "--json").stdout)
    assert sorted(g["status"] for g in full) == ["done", "dropped"]
    again = run("goals", "done", "write")
    assert again.exit_code == 1
    assert "already done (since 2026-11-22)" in again.stderr


def test_check_explains_a_vague_goal(run: Run) -> None:
    add(run, "Improve my programming skills")
    result = run("goals", "check")
    assert result.exit_code == 0
    out = " ".join(result.stdout.split())
    assert "SMART 0/5" in out
    assert '"improve" names a direction, not a result' in out
    assert "build a working web application using React within 3 months" in out
    assert "no target date" in out
    assert "1 active goal, 0 with a target date" in out and "aim for 3-5" in out
    data = json.loads(run("goals", "check", "--json").stdout)
    assert data[0]["score"] == 0
    assert {g["part"] for g in data[0]["gaps"]} == {
        "specific",
        "measurable",
        "achievable",
        "relevant",
        "time-bound",
        "milestones",  # advice of its own since issue 20, not a SMART part
    }
    assert all(g["message"] for g in data[0]["gaps"])


def test_tick_by_number_and_its_errors(run: Run) -> None:
    add(run, "Ship 2 features", "--by", "eom")
    run("goals", "milestone", "ship", "First feature")
    run("goals", "milestone", "ship", "Final polish")
    assert run("goals", "tick", "ship", "2").exit_code == 0
    again = run("goals", "tick", "ship", "2")
    assert again.exit_code == 1 and "already done on 2026-11-22" in again.stderr
    missing = run("goals", "tick", "ship", "7")
    assert missing.exit_code == 1 and "milestones 1-2, not 7" in missing.stderr
    ambiguous = run("goals", "tick", "ship", "f")
    assert ambiguous.exit_code == 1
    assert (
        "1 First feature" in ambiguous.stderr and "2 Final polish" in ambiguous.stderr
    )
    dup = run("goals", "milestone", "ship", "first FEATURE")
    assert dup.exit_code == 1 and "already has the milestone" in dup.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["goals", "add", "x", "--by", "next fridya"],
            'cannot read the date "next fridya"',
        ),
        (["goals", "add", "   "], "title is empty"),
        (["goals", "add", "x" * 600], "keep it under 500"),
        (["goals", "show", "nothing"], 'no goal matches "nothing"'),
        (["goals", "tick", "nothing", "1"], 'no goal matches "nothing"'),
        (["goals", "milestone", "nothing", "step"], 'no goal matches "nothing"'),
        (["goals", "done", ""], 'no goal matches ""'),
    ],
)
def test_bad_input_is_one_line_and_exit_1(
    run: Run, home: Path, args: list[str], message: str
) -> None:
    assert run("init").exit_code == 0
    before = sorted(p.name for p in home.rglob("*"))
    result = run(*args)
    assert result.exit_code == 1
    assert message in result.stderr
    assert result.stderr.startswith("error: ")
    assert len(result.stderr.strip().splitlines()) == 1
    after = sorted(p.name for p in home.rglob("*")) if home.exists() else []
    assert [n for n in after if n != ".lock"] == [n for n in before if n != ".lock"]


def test_usage_errors_exit_2(run: Run) -> None:
    assert run("goals", "--bogus").exit_code == 2
    assert run("goals", "add").exit_code == 2
    assert run("nonsense").exit_code == 2


def test_ambiguous_reference_lists_candidates(run: Run) -> None:
    add(run, "Learn Rust", "--by", "eoy")
    add(run, "Learn Go", "--by", "eoy")
    result = run("goals", "show", "learn")
    assert result.exit_code == 1
    assert "matches 2 goals" in result.stderr
    assert "Learn Rust" in result.stderr and "Learn Go" in result.stderr


def test_markup_and_escape_sequences_in_titles_are_shown_literally(
    run: Run, journal: Journal
) -> None:
    title = "[bold red]boom[/] \x1b]52;c;aGk=\x07\x1b[2J ‮evil"
    add(run, title, "--by", "eom")
    stored = journal.load(GOALS).records[0]
    # kept as typed, less what a terminal or a Markdown file would act on
    assert stored.record.title == "[bold red]boom[/] evil"
    for out in (run("goals").stdout, run("goals", "show", "bold").stdout):
        assert "[bold red]boom[/]" in out
        assert "\x1b" not in out and "\x07" not in out and "‮" not in out


def test_path_like_titles_stay_inside_the_journal(run: Run, home: Path) -> None:
    add(run, "../../../etc/passwd", "--by", "eom")
    add(run, "/absolute/path", "--by", "eom")
    files = sorted(p.name for p in (home / "goals").iterdir())
    assert files == ["absolute-path.toml", "etc-passwd.toml"]


def test_mentor_and_parts_are_stored(run: Run, journal: Journal) -> None:
    assert run("mentors", "add", "Ada Lovelace").exit_code == 0
    add(
        run,
        "Publish a paper",
        "--specific",
        "a workshop paper on X",
        "--mentor",
        "ada",
        "--by",
        "2027-06-01",
    )
    goal = journal.resolve(GOALS, "publish").record
    assert goal.mentor == "Ada Lovelace"
    assert goal.specific == "a workshop paper on X"


def test_no_prompts_when_stdin_is_not_a_terminal(run: Run, journal: Journal) -> None:
    result = run("goals", "add", "Write a thesis chapter", input="should not be read\n")
    assert result.exit_code == 0
    assert "Specific" not in result.stdout
    assert journal.resolve(GOALS, "write").record.specific is None


def test_list_is_readable_at_60_columns(on_terminal: None, run: Run) -> None:
    add(
        run,
        "Build a working web application using React within 3 months",
        "--by",
        "eom",
    )
    run("goals", "milestone", "build", "A milestone with a rather long title indeed")
    result = run("goals", env={"COLUMNS": "60"})
    assert max(len(line) for line in result.stdout.splitlines()) <= 60
    assert "React" in result.stdout


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


def test_milestones_by_exact_title_even_when_it_is_a_number(run: Run) -> None:
    run("goals", "add", "Plan the year", "--by", "eoy")
    for title in ("Draft", "2026 plan"):
        run("goals", "milestone", "plan", title)
    # a number names milestone N; a title that is a number is added with --add
    run("goals", "milestone", "plan", "3", "--add")
    assert "✓ 2026 plan" in run("goals", "tick", "plan", "2026 plan").stdout
    assert "✓ 3" in run("goals", "tick", "plan", "3").stdout
    assert "✓ Draft" in run("goals", "tick", "plan", "1").stdout
    empty = run("goals", "tick", "plan", "  ")
    assert empty.exit_code == 1 and "say which milestone" in empty.stderr


def test_milestone_n_is_milestone_n_even_when_another_is_titled_n(run: Run) -> None:
    run("goals", "add", "Plan the year", "--by", "eoy")
    for title in ("Draft", "Deploy"):
        run("goals", "milestone", "plan", title)
    renamed = run("goals", "milestone", "plan", "1", "--title", "2")
    assert renamed.exit_code == 0, renamed.output
    # 2 is milestone 2 as listed, not the milestone now titled "2"
    changed = run("goals", "milestone", "plan", "2", "--title", "Ship it")
    assert changed.exit_code == 0, changed.output
    shown = run("goals", "show", "plan", "--json").stdout
    assert [m["title"] for m in json.loads(shown)["milestones"]] == ["2", "Ship it"]
    assert "✓ Ship it" in run("goals", "tick", "plan", "2").stdout


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


def test_a_missing_milestone_is_its_own_advice_not_achievable(run: Run) -> None:
    out = " ".join(
        add(
            run,
            "Build a React app with 3 pages by dec 20",
            "--measure",
            "deployed",
            "--achievable",
            "6h a week",
            "--relevant",
            "jobs",
        ).split()
    )
    assert "missing" not in out
    assert "No milestone yet: break it into 2-4 steps" in out
    check = " ".join(run("goals", "check").stdout.split())
    assert "SMART 5/5" in check
    assert "→ milestones: no milestone yet" in check
    assert "1 with every SMART part filled" in check
    checklist = " ".join(run("checklist").stdout.split())
    assert "1 with every SMART part" in checklist


def test_a_goal_in_another_language_is_not_scored(run: Run) -> None:
    out = " ".join(add(run, "Mejorar mi inglés antes de diciembre").split())
    assert "SMART not scored: the coach reads English only" in out
    check = run("goals", "check")
    assert "SMART not scored (the coach reads English only)" in " ".join(
        check.stdout.split()
    )
    data = json.loads(run("goals", "check", "--json").stdout)
    assert data[0]["scored"] is False
    assert [g["part"] for g in data[0]["gaps"]] == ["language"]


def test_the_coach_and_goals_add_agree_on_a_deadline_at_the_start(run: Run) -> None:
    out = add(run, "By the end of next month, finish the first draft of chapter 2")
    assert "target date 2026-12-31 taken from the title" in out
    check = " ".join(run("goals", "check").stdout.split())
    assert "time-bound" not in check and "specific" not in check
