"""`words.plural`, the one helper for counts in messages: a count of 1 takes
the singular, of 2 (or 0) the plural, for nouns and for phrases with a verb."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from mentorlog.words import plural


@pytest.mark.parametrize(
    ("count", "one", "many", "said"),
    [
        (1, "file", None, "1 file"),
        (2, "file", None, "2 files"),
        (0, "file", None, "0 files"),
        (1, "log entry", None, "1 log entry"),
        (2, "log entry", None, "2 log entries"),
        (2, "day", None, "2 days"),
        (2, "match", None, "2 matches"),
        (2, "feedback", None, "2 feedback"),
        (1, "is in the past", "are in the past", "1 is in the past"),
        (2, "is in the past", "are in the past", "2 are in the past"),
        (1, "file or folder", "files and folders", "1 file or folder"),
        (2, "file or folder", "files and folders", "2 files and folders"),
    ],
)
def test_plural_agrees_with_the_count(
    count: int, one: str, many: str | None, said: str
) -> None:
    assert plural(count, one, many) == said


def _picks_a_plural(node: ast.AST) -> bool:
    """`"s" if n != 1 else ""`, `"are" if n != 1 else "is"` and the like."""
    if not isinstance(node, ast.IfExp) or not isinstance(node.test, ast.Compare):
        return False
    one = any(
        isinstance(c, ast.Constant) and c.value == 1 for c in node.test.comparators
    )
    words = {"s", "es", "", "are", "is", "were", "was", "have", "has"}
    return one and all(
        isinstance(branch, ast.Constant) and branch.value in words
        for branch in (node.body, node.orelse)
    )


def test_no_message_spells_its_own_plural() -> None:
    """Every count in a message goes through `plural`: no expression picks an
    "s" (or "are"/"is") by comparing a count with 1 itself."""
    root = Path(__file__).parent.parent / "src" / "mentorlog"
    found = [
        f"{path.relative_to(root)}:{node.lineno}"
        for path in sorted(root.rglob("*.py"))
        for node in ast.walk(ast.parse(path.read_text()))
        if _picks_a_plural(node)
    ]
    assert found == []
