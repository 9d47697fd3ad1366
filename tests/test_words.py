"""The message catalogue (issue 13): the core says what happened as data
(`mentorlog.messages`), and `render/words/` is the one place that writes
it as words."""

from __future__ import annotations

import ast
import itertools
import os
import subprocess
import sys
import typing
from datetime import date, time
from pathlib import Path

import pytest

from mentorlog import messages, tojson
from mentorlog.core.agenda_items import _CARRIED as CARRIED
from mentorlog.core.mentors import CHANNEL_HELP, JOB_WORDS
from mentorlog.core.sessions import MERGED_NOTE
from mentorlog.hints import Hint, Said, hint
from mentorlog.render.words import plural, words
from mentorlog.store.gitsync import GITIGNORE
from mentorlog.store.journal import Journal

SRC = Path(__file__).parents[1] / "src" / "mentorlog"

# The modules whose results are messages: no sentence is composed in them
# (error messages raised as exceptions are not converted yet).
CONVERTED = [
    "core/followups.py",
    "core/checklist.py",
    "core/status.py",
    "core/smart.py",
    "core/goals.py",
    "core/doctor.py",
    "core/mentors.py",
    "core/network.py",
    "core/recap.py",
    "core/sessions.py",
    "core/editing.py",
    "core/history.py",
    "core/mentor_changes.py",
    "store/transaction.py",
    "core/sync.py",
    "store/gitrun.py",
    "store/gitsync.py",
    "store/gitrecover.py",
    "store/conflicts.py",
    "core/agenda.py",
    "core/agenda_items.py",
    "core/agenda_refresh.py",
    "core/calendar_import.py",
]

# The modules whose errors are messages too: no sentence is composed in a
# `raise` in them either (`messages.errors`, `render/words/errors.py`).
ERRORS_CONVERTED = [
    "core/goals.py",
    "dates.py",
    "core/mentors.py",
    "core/recap.py",
    "core/mentor_changes.py",
    "core/common.py",
    "core/tracking.py",
    "core/history.py",
    "core/editing.py",
    "core/followups.py",
    "core/export.py",
    "core/search.py",
    "core/month.py",
    "store/fs.py",
    "store/undo.py",
    "store/tomlfile.py",
    "store/lock.py",
    "store/journal.py",
    "store/atomic.py",
    "store/refs.py",
    "store/settings.py",
    "store/merge.py",
    "store/ids.py",
    "store/paths.py",
    "store/validation.py",
    "store/transaction.py",
    "store/gitrun.py",
    "editor.py",
    "core/sessions.py",
    "core/agenda.py",
]

# A value of each kind of fact a message holds.
SAMPLES: dict[str, object] = {
    "str": "Ada",
    "str | None": "monthly",
    "int": 2,
    "date": date(2026, 11, 3),
    "date | None": date(2026, 11, 3),
    "time": time(2, 30),
    "bool": True,
    "Said": Said("finish it: ", hint("sync", "--continue")),
    "Hint": hint("prep", "k3"),
    "Hint | None": hint("doctor", "--fix"),
    "object": "kept",
    "int | None": 90,
    "tuple[str, ...]": ("k3", "m4"),
    "tuple[int, ...]": (1, 2),
    "tuple[messages.CadenceNote, ...]": (
        messages.CadenceNote("Ada", "monthly", 2, 1, date(2026, 12, 1)),
        messages.CadenceNote("Bo", None),
    ),
    "tuple[tuple[str, int], ...]": (("Ada", 10), ("Bo", 12)),
    "SkipReason": "past",
    "tuple[tuple[str, date | None, date | None], ...]": (
        ("Ada", date(2026, 10, 1), None),
    ),
    "tuple[tuple[int, str], ...]": ((1, "Draft"), (3, "Draft the plan")),
    "OperationOpen": messages.OperationOpen("rebase", ("goals/a.toml",)),
    "HowToFinish": messages.HowToFinish(
        "rebase", "git -C ~/j", hint("sync"), hint("sync", "--abort")
    ),
}


def kinds() -> list[type[messages.Told]]:
    return list(typing.get_args(messages.Message))


def sample(kind: type[messages.Told]) -> messages.Told:
    facts = {
        name: SAMPLES[note.replace("CadenceNote", "messages.CadenceNote", 1)]
        for name, note in kind.__annotations__.items()
    }
    return kind(**facts)


def test_every_kind_is_in_the_union() -> None:
    defined = {
        value
        for module in (messages, messages.errors)
        for value in vars(module).values()
        if isinstance(value, type)
        and issubclass(value, messages.Told)
        and value is not messages.Told
    }
    assert defined == set(kinds())


@pytest.mark.parametrize("kind", kinds(), ids=lambda kind: kind.__name__)
def test_every_kind_has_words(kind: type[messages.Told]) -> None:
    message = sample(kind)
    said = words(message)  # type: ignore[arg-type]
    text = str(message)
    assert text.strip() and "{" not in text and "None" not in text
    assert text == (said if isinstance(said, str) else str(said))
    assert tojson.to_json(message) == text == message
    hints = [  # its commands, and those of words it holds (a `Said`)
        one
        for value in vars(message).values()
        for one in (
            (value,) if isinstance(value, Hint) else getattr(value, "hints", ())
        )
    ]
    assert message.hints == tuple(hints)
    if hints:  # each command is written into the line, as a command line
        assert isinstance(said, Said) and said.hints == tuple(hints)


@pytest.mark.parametrize("reason", typing.get_args(messages.SkipReason))
def test_every_skip_reason_has_words(reason: messages.SkipReason) -> None:
    one, many = (str(messages.EventsSkipped(reason, n, 2999, 2000)) for n in (1, 2))
    assert one and many and one != many and "{" not in one + many


def test_plurals_go_through_one_helper() -> None:
    assert plural(1, "meeting") == "1 meeting"
    assert plural(2, "meeting") == "2 meetings"
    assert plural(0, "entry", "entries") == "0 entries"


def sentences(
    path: Path, kept: frozenset[str] = frozenset(), *, raises: bool = False
) -> list[str]:
    """Words composed for people in `path`, outside a `raise` (an error
    message is not a result) and outside docstrings: each `Said(...)` call,
    and each string or f-string with two words in it ("a b"). With `raises`,
    the words composed inside a `raise`, and only those."""
    tree = ast.parse(path.read_text())
    skip: set[int] = set()
    if raises:  # all but what is inside a raise
        inside = {
            id(inner)
            for node in ast.walk(tree)
            if isinstance(node, ast.Raise)
            for inner in ast.walk(node)
        }
        skip.update(id(node) for node in ast.walk(tree) if id(node) not in inside)
    for node in ast.walk(tree):
        if isinstance(node, ast.Raise) and not raises:
            skip.update(id(inner) for inner in ast.walk(node))
        body = getattr(node, "body", None)
        if isinstance(body, list) and body and isinstance(body[0], ast.Expr):
            skip.add(id(body[0].value))  # a docstring
    found: list[str] = []
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "Said":
            found.append(f"{path.name}:{node.lineno}: Said(...)")
        elif isinstance(node, ast.JoinedStr | ast.Constant):
            parts = node.values if isinstance(node, ast.JoinedStr) else [node]
            for part in parts:
                value = getattr(part, "value", None)
                if isinstance(value, str) and _two_words(value) and value not in kept:
                    found.append(f"{path.name}:{node.lineno}: {value!r}")
    return sorted(set(found))  # an f-string's parts are walked twice


def _two_words(text: str) -> bool:
    """Two words in a row ("plan it:", "the meeting"): letters, maybe with
    punctuation around them."""
    words = [word.strip("\"'`(),.;:!?") for word in text.split(" ")]
    return any(a.isalpha() and b.isalpha() for a, b in itertools.pairwise(words))


# Words kept on purpose in a converted module, none a result said to the
# person at the terminal: text written into the journal itself, words looked
# for in what the user typed or in a warning, and parts of error messages.
KEPT = {
    "followups.py": {"Sent ", " an update"},  # the log entry `followups done` adds
    "doctor.py": {"symbolic link"},  # a link warning, said once as a problem
    # words read from the user: a channel typed as "face to face", and an ask
    # that reads like a job request
    # and the channels one may type, listed
    "mentors.py": {"in person", "face to face", JOB_WORDS.pattern, CHANNEL_HELP},
    # a note written into a merged session file; words looked for in a problem
    "sessions.py": {MERGED_NOTE, "is a symbolic link"},
    # the message of the undo's commit, written into git
    "history.py": {"mentorlog undo: ", ")\n\nThis reverts commit "},
    # a word for the user to fill in, in a suggested command
    "smart.py": {'"first step"'},
    # a programming error's assertion, not said to the user
    "transaction.py": {"writes happen inside Journal.transaction()"},
    # commit messages written into git, and the headers of the .gitignore and
    # .gitattributes written into the journal
    "sync.py": {
        "mentorlog: start the journal",
        "mentorlog sync: local changes",
        "mentorlog sync: keep local state out of git",
        "# mentorlog: derived, local or transient\n",
        "# mentorlog: its own files merge record by record\n",
    },
    # the .gitignore written into the journal; the merge driver's name in git
    "gitsync.py": {GITIGNORE, "mentorlog record merge"},
    "gitrecover.py": {"mentorlog: the files an interrupted sync was changing"},
    # a heading of the agenda file, left out of the pre-read
    "agenda.py": {"## before leaving"},
    # the agenda's lines, written into the meeting's file (journal text), and
    # the pattern that reads a carried question's note back from it
    "agenda_items.py": {
        " (overdue since ",
        "target passed",
        "behind schedule",
        " (first asked ",
        "first asked ",
        "from the cancelled meeting of ",
        "; not yet applied)",
        "say how",
        "no target",
        " — at risk: ",
        ' what you made of "',
        '", which they recommended',
        "- Ask for feedback on: ",
        'progress on "',
        CARRIED.pattern,
    },
    # a day that does not exist, caught where the date is read
    "dates.py": {"no such day"},
}


def test_the_scan_finds_sentences_outside_errors_and_docstrings(
    tmp_path: Path,
) -> None:
    source = tmp_path / "core.py"
    source.write_text(
        "def f(name):\n"
        '    """A docstring says words."""\n'
        "    if not name:\n"
        '        raise ValueError(f"no name given for {name}")\n'
        '    kept = Said("plan it: ", hint("prep"))\n'
        '    return f"Send {name} a note", "a-b", f"{name}-{kept}"\n'
    )
    assert set(sentences(source)) == {
        "core.py:5: Said(...)",
        "core.py:5: 'plan it: '",
        "core.py:6: ' a note'",
    }
    assert sentences(source, frozenset({" a note", "plan it: "})) == [
        "core.py:5: Said(...)"
    ]


@pytest.mark.parametrize("relpath", CONVERTED)
def test_converted_modules_compose_no_sentences(relpath: str) -> None:
    path = SRC / relpath
    assert sentences(path, frozenset(KEPT.get(path.name, ()))) == []


@pytest.mark.parametrize("relpath", ERRORS_CONVERTED)
def test_converted_errors_compose_no_sentences(relpath: str) -> None:
    path = SRC / relpath
    assert sentences(path, frozenset(KEPT.get(path.name, ())), raises=True) == []


def test_the_scan_can_read_raises_too(tmp_path: Path) -> None:
    source = tmp_path / "core.py"
    source.write_text(
        "def f(name):\n"
        "    if not name:\n"
        '        raise UserError(f"no name given for {name}")\n'
        '    return "Two words"\n'
    )
    assert sentences(source) == ["core.py:4: 'Two words'"]
    assert sentences(source, raises=True) == ["core.py:3: 'no name given for '"]


def test_an_error_keeps_its_message_and_says_it() -> None:
    from mentorlog.errors import UserError

    told = messages.errors.NoMilestones("Ship it")
    error = UserError(told)
    assert error.told is told
    assert error.message == str(error) == 'goal "Ship it" has no milestones yet'


@pytest.mark.parametrize("option", ["--version", "--help"])
def test_the_words_are_not_imported_to_start(option: str, tmp_path: Path) -> None:
    """Start-up stays as fast: `render/words/` is imported where a message
    is written, not by `--version` or `--help`."""
    env = {**os.environ, "MENTORLOG_HOME": str(tmp_path / "journal")}
    ran = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "mentorlog", option],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    imported = {line.rsplit("|", 1)[-1].strip() for line in ran.stderr.splitlines()}
    assert "mentorlog" in imported  # the check sees what is imported
    assert "mentorlog.render.words" not in imported
    assert "mentorlog.messages" not in imported


def test_warnings_carry_their_messages_to_where_they_are_worded(
    journal: Journal,
) -> None:
    """Merged plans and a conflicted copy are said as messages (data) until
    `render.warn` writes them: no one turns them into text on the way."""
    from mentorlog.core.agenda import PrepRequest, prep
    from mentorlog.core.sessions import merge_duplicate_plans
    from tests.core.build import TODAY, mentor

    ada = mentor(journal)
    prep(journal, PrepRequest(ada, on=date(2026, 12, 3), topics=["First"]), TODAY)
    [path] = (journal.root / "sessions").glob("*.md")
    text = path.read_text()
    [old_id] = [line for line in text.splitlines() if line.startswith("id = ")]
    twin = text.replace(old_id, 'id = "01jcqp0000000000000000000a"')
    (path.parent / "twin.md").write_text(twin)
    (path.parent / f"{path.stem} (1).md").write_text(text)  # a sync tool's copy
    journal.forget()
    with journal.transaction():
        [merged] = merge_duplicate_plans(journal)
    assert isinstance(merged, messages.PlansMerged)
    assert "were merged into one" in str(merged)
    copies = [w for w in journal.warnings if isinstance(w, messages.ConflictedCopy)]
    assert copies and "a conflicted copy of" in str(copies[0])


@pytest.mark.parametrize("kind", kinds(), ids=lambda k: k.__name__)
def test_a_message_equal_to_its_line_hashes_as_it(kind: type[messages.Told]) -> None:
    """A message (and a Said) equals its plain line, so a set or a dict that
    holds both finds one by the other (a == b must mean hash(a) == hash(b))."""
    told = sample(kind)
    line = str(told)
    assert told == line
    assert hash(told) == hash(line)
    assert {line: 1}.get(told) == 1  # type: ignore[call-overload]
    said = Said("run ", hint("doctor"))
    assert hash(said) == hash(str(said))


@pytest.mark.parametrize("kind", kinds(), ids=lambda kind: kind.__name__)
def test_a_missing_optional_fact_is_not_written_as_none(
    kind: type[messages.Told],
) -> None:
    # a hand-edited file can leave any optional fact out: its words then skip
    # it, never "None" (`feedback applied` on `applied = true` said "(on None)")
    message = sample(kind)
    missing = {
        name: None
        for name, note in kind.__annotations__.items()
        if note.endswith("| None")
    }
    text = str(kind(**{**vars(message), **missing}))
    assert text.strip() and "None" not in text and "{" not in text
