from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mentorlog.errors import DataError
from mentorlog.models import Goal, Milestone
from mentorlog.store import tomlfile
from mentorlog.store.ids import new_id
from mentorlog.store.journal import record_data
from tests.conftest import Run

texts = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=80
)
days = st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 1, 1))
milestones = st.builds(
    Milestone,
    title=texts,
    due=st.none() | days,
    done=st.booleans(),
    done_on=st.none() | days,
)
goals = st.builds(
    Goal,
    id=st.just(new_id()),
    title=texts,
    status=st.sampled_from(["active", "done", "dropped"]),
    created=days,
    target=st.none() | days,
    area=st.none() | texts,
    specific=st.none() | texts,
    milestones=st.lists(milestones, max_size=5),
)


@settings(max_examples=150)
@given(goals)
def test_goal_round_trips_byte_stable(goal: Goal) -> None:
    text = tomlfile.dumps(record_data(goal))
    assert text.endswith("\n") and "\r" not in text.replace("\\r", "")
    again = Goal.model_validate(tomlfile.loads(text, "goals/x.toml"))
    assert again == goal
    assert tomlfile.dumps(record_data(again)) == text


@settings(max_examples=100)
@given(goals, goals)
def test_rewrite_of_a_canonical_file_matches_the_new_data(old: Goal, new: Goal) -> None:
    old_text = tomlfile.dumps(record_data(old))
    rewritten = tomlfile.rewrite(
        old_text, tomlfile.loads(old_text, "x"), record_data(new)
    )
    assert Goal.model_validate(tomlfile.loads(rewritten, "x")) == new


HAND_EDITED = """\
# why I want this
id = "01m80fmpgrhcxacm3xv60bkffv"
title = "Learn Rust"   # keep it short
status = "active"
created = 2026-11-22
mood = "excited"
milestones = [
    { title = "Read the book", done = false }, # chapters 1-10
]

[notes]
why = "systems work"
"""


def test_rewrite_keeps_comments_and_unknown_keys() -> None:
    data = tomlfile.loads(HAND_EDITED, "x")
    goal = Goal.model_validate(data)
    milestones = [
        goal.milestones[0].model_copy(update={"done": True}),
        Milestone(title="Write a CLI"),
    ]
    changed = goal.model_copy(update={"status": "done", "milestones": milestones})
    text = tomlfile.rewrite(HAND_EDITED, data, record_data(changed))
    for kept in (
        "# why I want this",
        "# keep it short",
        "# chapters 1-10",
        'mood = "excited"',
        "[notes]",
        'why = "systems work"',
    ):
        assert kept in text
    reread = Goal.model_validate(tomlfile.loads(text, "x"))
    assert reread.status == "done"
    assert [m.title for m in reread.milestones] == ["Read the book", "Write a CLI"]
    assert reread.milestones[0].done
    assert tomlfile.rewrite(HAND_EDITED, data, record_data(goal)) == HAND_EDITED


def test_syntax_errors_name_the_line() -> None:
    with pytest.raises(DataError) as caught:
        tomlfile.loads('id = "a"\ntitle = \n', "goals/x.toml")
    assert caught.value.path == "goals/x.toml"
    assert caught.value.line == 2
    assert str(caught.value).startswith("goals/x.toml:2: not valid TOML")


def test_conflict_markers_are_named() -> None:
    text = 'id = "a"\n<<<<<<< HEAD\ntitle = "x"\n=======\ntitle = "y"\n>>>>>>> other\n'
    with pytest.raises(DataError, match="merge conflict") as caught:
        tomlfile.loads(text, "goals/x.toml")
    assert caught.value.line == 2


def test_binary_and_non_utf8_files_are_named() -> None:
    with pytest.raises(DataError, match="binary"):
        tomlfile.decode(b"\x00\x01", "goals/x.toml")
    with pytest.raises(DataError, match="UTF-8") as caught:
        tomlfile.decode(b'id = "a"\ntitle = "\xff"\n', "goals/x.toml")
    assert caught.value.line == 2
    text, style = tomlfile.decode_file("\ufefftitle = 1\r\n".encode(), "x")
    assert (text, style.bom, style.crlf) == ("title = 1\n", True, True)
    assert style.encode(text) == "\ufefftitle = 1\r\n".encode()


@pytest.mark.parametrize(
    ("loc", "line"),
    [
        (["title"], 3),
        (["created"], 5),
        (["milestones"], 7),
        (["notes", "why"], 12),
        (["nothing"], None),
    ],
)
def test_line_of_finds_keys(loc: list[str], line: int | None) -> None:
    assert tomlfile.line_of(HAND_EDITED, loc) == line


def test_line_of_finds_keys_in_arrays_of_tables() -> None:
    text = 'id = "a"\n\n[[milestones]]\ntitle = "a"\n\n[[milestones]]\ntitle = "b"\ndue = "x"\n'
    assert tomlfile.line_of(text, ["milestones", 1, "due"]) == 8
    assert tomlfile.line_of(text, ["milestones", 0, "title"]) == 4
    assert tomlfile.line_of(text, ["milestones", 1, "done"]) == 6


def test_a_crlf_file_is_rewritten_with_its_crlf(run: Run, home: Path) -> None:
    run("goals", "add", "Windows goal", "--by", "eom")
    path = home / "goals" / "windows-goal.toml"
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n") + b"# note\r\n")
    assert run("goals", "milestone", "windows", "step").exit_code == 0
    data = path.read_bytes()
    assert data.count(b"\n") == data.count(b"\r\n")  # as it came (issue 17.5)
    assert b"\r\r" not in data
    assert b"# note" in data and b"step" in data


def test_mixed_line_endings_are_written_as_lf(run: Run, home: Path) -> None:
    run("goals", "add", "Mixed goal", "--by", "eom")
    path = home / "goals" / "mixed-goal.toml"
    path.write_bytes(path.read_bytes() + b"# note\r\n")
    assert run("goals", "milestone", "mixed", "step").exit_code == 0
    assert b"\r" not in path.read_bytes()


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


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ('id = "a"\ntitle = ', 2),  # cut off in the middle of a value
        ('id = "a"\ntitle = "x', 2),
        ('id = "a"\nmilestones = [\n  "one",\n', 3),  # an array never closed
        ('id = "a"\nnotes = """\nsome words\n\n', 4),  # a string never closed
        ("[goal", 1),
        ('id = "a"\n[goal', 2),
    ],
)
def test_an_error_at_the_end_of_the_document_names_the_last_line(
    text: str, line: int
) -> None:
    with pytest.raises(DataError) as caught:
        tomlfile.loads(text, "goals/x.toml")
    assert caught.value.line == line
    assert str(caught.value).startswith(f"goals/x.toml:{line}: not valid TOML: ")
    assert "end of document" not in str(caught.value)
    with pytest.raises(DataError) as caught:  # inside a Markdown front matter
        tomlfile.loads(text, "sessions/x.md", first_line=2)
    assert caught.value.line == line + 1


TEXT = 'id = "a"\ntitle = "Café"\n'


@pytest.mark.parametrize(
    ("raw", "named"),
    [
        (TEXT.encode("utf-16"), "UTF-16 LE"),  # Windows Notepad's "Unicode"
        (b"\xff\xfe" + TEXT.encode("utf-16-le"), "UTF-16 LE"),
        (b"\xfe\xff" + TEXT.encode("utf-16-be"), "UTF-16 BE"),
        (TEXT.encode("utf-16-le"), "UTF-16 LE"),  # no byte order mark
        (TEXT.encode("utf-16-be"), "UTF-16 BE"),
        (b"\xff\xfe\x00\x00" + TEXT.encode("utf-32-le"), "UTF-32 LE"),
        (b"\x00\x00\xfe\xff" + TEXT.encode("utf-32-be"), "UTF-32 BE"),
        (TEXT.encode("utf-32-le"), "UTF-32 LE"),
        (TEXT.encode("utf-32-be"), "UTF-32 BE"),
    ],
)
def test_a_file_saved_in_another_unicode_encoding_is_named(
    raw: bytes, named: str
) -> None:
    with pytest.raises(DataError) as caught:
        tomlfile.decode(raw, "goals/x.toml")
    assert str(caught.value) == (
        f"goals/x.toml: saved as {named}, not UTF-8: save it as UTF-8"
    )


def test_a_legacy_encoding_is_told_to_be_saved_as_utf8_and_a_bom_is_read() -> None:
    with pytest.raises(DataError) as caught:
        tomlfile.decode(TEXT.encode("cp1252"), "goals/x.toml")
    assert str(caught.value) == (
        "goals/x.toml:2: not UTF-8 text (another encoding?): save it as UTF-8"
    )
    assert tomlfile.decode(TEXT.encode("utf-8-sig"), "goals/x.toml") == TEXT


def test_doctor_names_the_encoding_and_reads_utf8_with_a_bom(
    run: Run, home: Path
) -> None:
    assert run("goals", "add", "Learn Rust", "--by", "eoy").exit_code == 0
    original = home / "goals" / "learn-rust.toml"
    text = original.read_text()
    original.write_bytes(text.encode("utf-8-sig"))  # Notepad's "UTF-8 with BOM"
    notepad = text.replace("Learn Rust", "Learn Go").replace('id = "', 'id = "x')
    (home / "goals" / "learn-go.toml").write_bytes(notepad.encode("utf-16"))
    (home / "goals" / "cut.toml").write_text('id = "y"\ntitle = ')

    listed = run("goals", "--json")
    assert "Learn Rust" in listed.stdout
    doctor = run("doctor")
    assert doctor.exit_code == 3
    assert doctor.stdout.splitlines() == [
        "goals/cut.toml:2: not valid TOML: Invalid value",
        "goals/learn-go.toml: saved as UTF-16 LE, not UTF-8: save it as UTF-8",
    ]
