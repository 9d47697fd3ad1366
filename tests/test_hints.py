"""Suggested commands are data in the core and the store (`mentorlog.hints`),
written as command lines in one place (`render/hints.py`)."""

import ast
import re
from pathlib import Path

from mentorlog import errors
from mentorlog._help import COMMANDS
from mentorlog.hints import DATE, TEXT, Said, Slot, hint
from mentorlog.render.hints import command_line, said_text

SRC = Path(__file__).parent.parent / "src" / "mentorlog"
SPELLED = re.compile(r"\bmentorlog ([a-z][a-z-]*)(:?)")
# `"$ mentorlog " + words`: a command line finished by hand
UNFINISHED = re.compile(r"\bmentorlog $")
# what writes command lines: the hint writer, and the command reference
# (docs/cli.md, the man page), help text whose headings name each command
WRITERS = {"render/hints.py", "cli/reference.py"}
# keywords whose value is help text: its examples are command lines to read
HELP_KEYWORDS = {"help", "short_help", "epilog"}
# Text that is no message: the default agenda template is a file the user
# edits (its comment says which command writes it).
NOT_MESSAGES = {("core/setup.py", "AGENDA_TEMPLATE")}


def _docstrings(tree: ast.AST) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(
            node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef
        ):
            body = node.body
            if body and isinstance(body[0], ast.Expr):
                value = body[0].value
                if isinstance(value, ast.Constant) and isinstance(value.value, str):
                    found.add(id(value))
    return found


def _help_text(tree: ast.AST) -> set[int]:
    """Help text: a `help=` value, or text with Click's `\\b` (keep these lines
    as they are) paragraph marker, which only help text has."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.keyword) and node.arg in HELP_KEYWORDS:
            found |= {id(n) for n in ast.walk(node.value)}
        elif isinstance(node, ast.Constant) and "\b\n" in str(node.value):
            found.add(id(node))
    return found


def _skipped(tree: ast.AST, relpath: str) -> set[int]:
    skipped = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign):
            for target in node.targets:
                if (
                    isinstance(target, ast.Name)
                    and (relpath, target.id) in NOT_MESSAGES
                ):
                    skipped |= {id(n) for n in ast.walk(node.value)}
    return skipped


def spelled_commands(path: Path, relpath: str) -> list[str]:
    """Each string constant (f-strings' text parts included), outside
    docstrings and help text, that spells `mentorlog <command>` or ends in
    `mentorlog ` (the words added by hand); a git commit subject
    (`mentorlog sync: ...`) is no suggestion."""
    tree = ast.parse(path.read_text())
    ignored = _docstrings(tree) | _help_text(tree) | _skipped(tree, relpath)
    found = []
    for node in ast.walk(tree):
        if id(node) in ignored:
            continue
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            spelled = UNFINISHED.search(node.value) is not None or any(
                word in COMMANDS and not colon
                for word, colon in SPELLED.findall(node.value)
            )
            if spelled:
                found.append(f"{relpath}:{node.lineno}: {node.value!r}")
    return found


def test_no_command_line_is_spelled_in_the_core_or_the_store() -> None:
    found = []
    for layer in ("core", "store"):
        for path in sorted((SRC / layer).rglob("*.py")):
            found += spelled_commands(path, path.relative_to(SRC).as_posix())
    assert found == []


def test_no_command_line_is_written_by_hand_in_render_or_the_cli() -> None:
    """Every command line printed is written by `render/hints.py` (a user's
    value quoted); help text and docstrings show examples as they are."""
    found = []
    for layer in ("render", "cli"):
        for path in sorted((SRC / layer).rglob("*.py")):
            relpath = path.relative_to(SRC).as_posix()
            if relpath not in WRITERS:
                found += spelled_commands(path, relpath)
    assert found == []


def test_the_scan_finds_a_spelled_command(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        '"""Docstrings may say `mentorlog prep`."""\n'
        "def f(ref):\n"
        '    """Nor here: mentorlog recap."""\n'
        '    return f"plan it: mentorlog prep {ref}"\n'
        'COMMIT = "mentorlog sync: local changes"\n'
        'app = Typer(help="Examples: mentorlog goals")\n'
        'EPILOG = "Examples:\\b\\n  mentorlog goals --all"\n'
        'STEP = "$ mentorlog " + " ".join(["goals"])\n'
        'NAME = "mentorlog is not on your PATH"\n'
        'OOPS = "none: mentorlog goals --all"\n'
    )
    assert set(spelled_commands(sample, "sample.py")) == {
        "sample.py:4: 'plan it: mentorlog prep '",
        "sample.py:8: '$ mentorlog '",
        "sample.py:10: 'none: mentorlog goals --all'",
    }


def test_a_users_value_is_quoted_and_a_slot_is_not() -> None:
    assert command_line(hint("prep", "ada")) == "mentorlog prep ada"
    assert (
        command_line(hint("mentors", "remove", "Ada L; rm -rf ~", "--merge-into"))
        == "mentorlog mentors remove 'Ada L; rm -rf ~' --merge-into"
    )
    assert (
        command_line(hint("goals", "edit", "k3", "--by", DATE, "--measure", TEXT))
        == 'mentorlog goals edit k3 --by DATE --measure "..."'
    )
    assert command_line(hint("mentors", "ask", Slot('"NAME"'))) == (
        'mentorlog mentors ask "NAME"'
    )


def test_a_said_is_its_words_with_the_commands_written() -> None:
    said = Said("plan it (", hint("prep", "o'hara"), ")")
    assert said_text(said) == str(said) == "plan it (mentorlog prep 'o'\"'\"'hara')"
    assert said.hints == (hint("prep", "o'hara"),)
    assert "x: " + said == Said("x: plan it (", hint("prep", "o'hara"), ")")


def test_an_error_keeps_its_commands_as_data() -> None:
    error = errors.UserError(Said("run `", hint("sync"), "` again"))
    assert error.message == str(error) == "run `mentorlog sync` again"
    assert error.hints == (hint("sync"),)
    data = errors.DataError("goals/x.toml", 3, Said("fix it (", hint("edit"), ")"))
    assert data.message == "goals/x.toml:3: fix it (mentorlog edit)"
    assert data.hints == (hint("edit"),)


def interpolated_commands(path: Path, relpath: str) -> list[str]:
    """Each f-string that spells `mentorlog <command>` and puts a value after
    it: a value written into a command line by hand, unquoted."""
    tree = ast.parse(path.read_text())
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.JoinedStr):
            continue
        for at, part in enumerate(node.values):
            if not (isinstance(part, ast.Constant) and isinstance(part.value, str)):
                continue
            spelled = [
                match
                for match in SPELLED.finditer(part.value)
                if match[1] in COMMANDS and not match[2]
            ]
            later = node.values[at + 1 :]
            if spelled and any(isinstance(v, ast.FormattedValue) for v in later):
                found.append(f"{relpath}:{node.lineno}: {ast.unparse(node)}")
                break
    return found


def test_no_command_in_the_cli_layer_is_written_by_hand_with_a_value() -> None:
    found = []
    for path in sorted((SRC / "cli").rglob("*.py")):
        found += interpolated_commands(path, path.relative_to(SRC).as_posix())
    assert found == []


def test_the_hand_written_scan_finds_a_value_after_a_command(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        "def f(ref):\n"
        '    ok = f"{ref}: see mentorlog doctor"\n'
        '    return f"no draft of {ref}: mentorlog edit {ref} opens it"\n'
    )
    assert interpolated_commands(sample, "sample.py") == [
        "sample.py:3: f'no draft of {ref}: mentorlog edit {ref} opens it'"
    ]
