"""Preparing again, through the real CLI, on an agenda the user edited: a
line they changed is theirs (kept, never written twice), a note stays on the
line it was written on, lines stay in the order the user left them, and an
agenda prepared before prep kept its lines (0.1.0) is not doubled."""

import re
from pathlib import Path

import pytest

from tests.conftest import Run


def ok(run: Run, *args: str, today: str | None = None) -> str:
    env = {"MENTORLOG_TODAY": today} if today else None
    result = run(*args, env=env) if env else run(*args)
    assert result.exit_code == 0, (args, result.output)
    return result.stdout


def agenda_file(home: Path) -> Path:
    (path,) = (home / "sessions").iterdir()
    return path


def agenda(home: Path) -> str:
    """The agenda the user edits: the session file without its front matter."""
    return agenda_file(home).read_text().split("+++\n", 2)[2]


def part(home: Path, heading: str) -> list[str]:
    """The non-blank lines under `heading`, up to the next heading."""
    lines = agenda(home).splitlines()
    start = lines.index(heading) + 1
    end = next(
        (i for i in range(start, len(lines)) if lines[i].startswith("#")), len(lines)
    )
    return [line for line in lines[start:end] if line.strip()]


def edit(home: Path, old: str, new: str) -> None:
    path = agenda_file(home)
    text = path.read_text()
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new))


@pytest.fixture
def ada(run: Run) -> None:
    ok(run, "mentors", "add", "Ada Lovelace", "--cadence", "biweekly")


EMAIL = "- [ ] Email Bob the draft (due 2026-11-30)"


@pytest.mark.parametrize(
    "mine",
    [
        "- [ ] Email Robert the draft (due 2026-11-30)",  # reworded
        "- [ ] Email Bob the draft (due friday)",  # its date text changed
        "- [ ] Email Bob draft (due 2026-11-30)",  # a word deleted
        "- Email Bob the draft (due 2026-11-30)",  # its checkbox removed
        "- [x] Emailed Bob the draft (due 2026-11-30)",  # ticked and reworded
    ],
)
def test_a_line_the_user_edited_is_theirs_and_never_written_twice(
    run: Run, home: Path, ada: None, mine: str
) -> None:
    ok(
        run,
        "actions",
        "add",
        "Email Bob the draft",
        "--mentor",
        "ada",
        "--due",
        "2026-11-30",
    )
    ok(run, "feedback", "add", "Slides too dense", "--mentor", "ada")
    ok(run, "prep", "ada", "--on", "2026-12-01")
    edit(home, EMAIL, mine)
    edit(home, "- Slides too dense (", "- Slides: too dense (")
    # the facts behind both lines change: overdue, then done; applied
    ok(run, "prep", "ada", today="2026-12-01")
    ok(run, "actions", "done", "email bob", today="2026-12-01")
    ok(run, "feedback", "applied", "slides", "--how", "one idea", today="2026-12-01")
    for _ in range(2):
        ok(run, "prep", "ada", today="2026-12-01")
        assert part(home, "## Since last time") == [mine]
        assert part(home, "## Feedback") == [
            "- Slides: too dense (received 2026-11-22; not yet applied)"
        ]
        # feedback applied is news of its own, in its own part
        assert part(home, "## To show") == [
            "- Applied: Slides too dense → one idea (2026-12-01)"
        ]


def test_a_line_only_ticked_follows_the_journal_or_keeps_the_tick(
    run: Run, home: Path, ada: None
) -> None:
    ok(
        run,
        "actions",
        "add",
        "Email Bob the draft",
        "--mentor",
        "ada",
        "--due",
        "2026-11-30",
    )
    ok(run, "actions", "add", "Old idea", "--mentor", "ada")
    ok(run, "prep", "ada", "--on", "2026-12-01", "-q", "Which lab?")
    edit(home, EMAIL, "- [x] Email Bob the draft (due 2026-11-30)")
    edit(home, "- [ ] Old idea", "- [x] Old idea")
    edit(home, "- [ ] Which lab?", "- [x] Which lab?")
    # still open in the journal (and now overdue): the user's tick stays
    out = ok(run, "prep", "ada", today="2026-12-01")
    assert "up to date" in out
    assert part(home, "## Since last time") == [
        "- [x] Email Bob the draft (due 2026-11-30)",
        "- [x] Old idea",
    ]
    assert part(home, "## Questions") == ["- [x] Which lab?"]
    # done in the journal too: the line is prep's again, refreshed in place;
    # dropped: a line only ticked goes with its fact
    ok(run, "actions", "done", "email bob", today="2026-12-01")
    ok(run, "actions", "drop", "old idea", today="2026-12-01")
    ok(run, "prep", "ada", today="2026-12-01")
    assert part(home, "## Since last time") == [
        "- [x] Email Bob the draft (done 2026-12-01)"
    ]
    assert part(home, "## Questions") == ["- [x] Which lab?"]


def test_an_edited_line_whose_fact_is_gone_is_kept_an_untouched_one_goes(
    run: Run, home: Path, ada: None
) -> None:
    ok(run, "actions", "add", "Email Bob", "--mentor", "ada")
    ok(run, "actions", "add", "Call Ann", "--mentor", "ada")
    ok(run, "actions", "add", "Read the paper", "--mentor", "ada")
    ok(run, "prep", "ada", "--on", "2026-12-01")
    edit(home, "- [ ] Email Bob", "- [ ] Email Bob, about the grant")
    edit(home, "- [ ] Call Ann", "- [ ] Call Ann -- she is away until 12-05")
    for action in ("email bob", "call ann", "read the paper"):
        ok(run, "actions", "drop", action)
    ok(run, "prep", "ada")
    assert part(home, "## Since last time") == [
        "- [ ] Email Bob, about the grant",
        "- [ ] Call Ann -- she is away until 12-05",
    ]


def test_a_note_stays_on_the_line_it_was_written_on(
    run: Run, home: Path, ada: None
) -> None:
    ok(run, "actions", "add", "Email Bob", "--mentor", "ada")
    ok(run, "actions", "add", "Email Bob and Ann", "--mentor", "ada")
    ok(run, "feedback", "add", "Slides too dense", "--mentor", "ada")
    ok(run, "prep", "ada", "--on", "2026-12-01")
    edit(home, "- [ ] Email Bob and Ann", "- [ ] Email Bob and Ann -- urgent")
    edit(
        home,
        "- Slides too dense (received 2026-11-22; not yet applied)",
        "- Slides too dense (received 2026-11-22; not yet applied) -- ask Grace",
    )
    ok(run, "actions", "done", "email bob")
    ok(run, "feedback", "applied", "slides", "--how", "one idea per slide")
    for _ in range(2):
        ok(run, "prep", "ada")
        assert part(home, "## Since last time") == [
            "- [x] Email Bob (done 2026-11-22)",
            "- [ ] Email Bob and Ann -- urgent",
        ]
        assert part(home, "## Feedback") == [
            "- Slides too dense (received 2026-11-22; not yet applied) -- ask Grace"
        ]
        assert part(home, "## To show") == [
            "- Applied: Slides too dense → one idea per slide (2026-11-22)"
        ]
    # a note on a line whose item changes state in place moves with the line
    ok(run, "actions", "done", "email bob and")
    ok(run, "prep", "ada")
    assert part(home, "## Since last time") == [
        "- [x] Email Bob (done 2026-11-22)",
        "- [x] Email Bob and Ann (done 2026-11-22) -- urgent",
    ]


def test_prep_again_keeps_the_order_the_user_left(
    run: Run, home: Path, ada: None
) -> None:
    for action in ("First", "Second", "Third"):
        ok(run, "actions", "add", action, "--mentor", "ada")
    ok(run, "log", "add", "Shipped it", "--kind", "win", today="2026-11-20")
    ok(run, "prep", "ada", "--on", "2026-12-01", "-q", "Q1?", "-q", "Q2?")
    path = agenda_file(home)
    text = path.read_text()
    text = text.replace(
        "- [ ] First\n- [ ] Second\n- [ ] Third\n",
        "- [ ] Third\n- my own line\n  - [ ] First\n- [ ] Second\n",
    )
    text = text.replace("- [ ] Q1?\n- [ ] Q2?\n", "- [ ] Q2?\n- [ ] Q1?\n")
    path.write_text(text)
    ok(run, "actions", "done", "second")
    ok(run, "actions", "add", "Fourth", "--mentor", "ada")
    ok(run, "prep", "ada", "-q", "Q3?")
    ok(run, "actions", "done", "first")
    assert part(home, "## Since last time") == [
        "- [ ] Third",
        "- my own line",
        "  - [ ] First",
        "- [x] Second (done 2026-11-22)",
        "- [ ] Fourth",
    ]
    # nested under a line of the user's, a line is still prep's: refreshed
    ok(run, "prep", "ada")
    assert part(home, "## Since last time")[2] == "  - [x] First (done 2026-11-22)"
    assert part(home, "## Questions") == ["- [ ] Q2?", "- [ ] Q1?", "- [ ] Q3?"]
    # a new line of one kind goes after the last line of its kind in its part
    ok(run, "resources", "add", "Clean Code", "--kind", "book")
    ok(run, "resources", "done", "clean code", "--impression", "names matter")
    ok(run, "log", "add", "Gave a talk", "--kind", "win", today="2026-11-21")
    ok(run, "prep", "ada")
    assert part(home, "## To share") == [
        "- Win: Shipped it (2026-11-20)",
        "- Win: Gave a talk (2026-11-21)",
        "- Explored: Clean Code (book): names matter",
    ]


def strip_lines(home: Path, keys_too: bool) -> None:
    """Make the planned session look prepared before 0.2.0: no `agenda_lines`
    (and, for a session from before prep kept keys, no `agenda_keys`)."""
    path = agenda_file(home)
    front, body = path.read_text().split("+++\n", 2)[1:]
    front = re.sub(r"\[\[agenda_lines\]\]\n(?:\w+ = .*\n)+\n?", "", front)
    if keys_too:
        front = re.sub(r"agenda_keys = \[.*?\]\n", "", front, flags=re.DOTALL)
    assert "agenda_lines" not in front
    path.write_text(f"+++\n{front}+++\n{body}")


@pytest.mark.parametrize("keys_too", [False, True])
def test_an_agenda_prepared_before_0_2_0_is_refreshed_not_doubled(
    run: Run, home: Path, ada: None, keys_too: bool
) -> None:
    ok(run, "actions", "add", "Email Bob", "--mentor", "ada", "--due", "2026-11-30")
    ok(run, "actions", "add", "Call Ann", "--mentor", "ada")
    ok(run, "feedback", "add", "Slides too dense", "--mentor", "ada")
    ok(run, "prep", "ada", "--on", "2026-12-01", "-q", "Which lab?", "--topic", "cv")
    edit(home, "## What worked\n", "## What worked\n- my own line\n")
    strip_lines(home, keys_too)
    before = agenda(home)
    out = ok(run, "prep", "ada")
    assert "up to date" in out
    assert agenda(home) == before
    # the facts change: the line of an older state is kept as it is (prep
    # cannot tell it from the user's) and not written again
    strip_lines(home, keys_too)
    ok(run, "actions", "done", "call ann", today="2026-12-01")
    ok(run, "actions", "add", "Read the paper", "--mentor", "ada")
    ok(run, "prep", "ada", today="2026-12-01")
    lines = agenda(home).splitlines()
    assert len([line for line in lines if line.startswith("- ")]) == len(
        set(line for line in lines if line.startswith("- "))
    )
    assert part(home, "## Since last time") == [
        "- [ ] Email Bob (due 2026-11-30)",
        "- [ ] Call Ann",
        "- [ ] Read the paper",
    ]
    assert part(home, "## Questions") == ["- [ ] Which lab?"]
    assert part(home, "## Topics") == ["- cv"]
    assert part(home, "## What worked") == ["- my own line"]


def test_a_question_asked_again_after_its_line_was_deleted_is_placed_again(
    run: Run, home: Path, ada: None
) -> None:
    # a deleted line stays deleted on a plain prep; `prep --question` with
    # the same text asks for it now ("The agenda is up to date" said before,
    # and the question was nowhere); a line reworded around it stays theirs
    ok(run, "prep", "ada", "--on", "2026-12-01", "--question", "Portfolio?")
    ok(run, "prep", "ada", "--topic", "Salary", "--bring", "My CV")
    edit(home, "- [ ] Portfolio?\n", "")
    edit(home, "- Salary\n", "")
    edit(home, "- [ ] My CV\n", "- [ ] My CV, printed\n")
    ok(run, "prep", "ada")
    assert part(home, "## Questions") == []
    assert part(home, "## Topics") == []

    said = ok(run, "prep", "ada", "--question", "portfolio?", "--topic", "salary")
    ok(run, "prep", "ada", "--bring", "my cv")

    assert "up to date" not in said
    assert part(home, "## Questions") == ["- [ ] Portfolio?"]
    assert part(home, "## Topics") == ["- Salary"]
    assert part(home, "## To bring") == ["- [ ] My CV, printed"]


@pytest.mark.parametrize(
    ("field", "bad"),
    [("key", 'key = ""'), ("length", "length = -5"), ("digest", 'digest = ""')],
)
def test_an_agenda_line_record_edited_to_nothing_is_named_not_obeyed(
    run: Run, home: Path, ada: None, field: str, bad: str
) -> None:
    """A hand-edited `agenda_lines` entry with an empty key or digest, or a
    negative length, would make prep drop generated lines while saying "up to
    date": the file is named with what is wrong, and nothing is written."""
    ok(run, "actions", "add", "Email Bob", "--mentor", "ada")
    ok(run, "prep", "ada", "--on", "2026-12-01")
    path = agenda_file(home)
    text = path.read_text()
    written = re.search(rf"^{field} = .*$", text, re.M)
    assert written is not None, text
    path.write_text(text.replace(written.group(0), bad, 1))
    before = path.read_bytes()
    said = run("prep", "ada")
    assert said.exit_code != 0
    assert path.name in said.stderr and field in said.stderr, said.stderr
    assert "up to date" not in said.stdout
    assert path.read_bytes() == before
