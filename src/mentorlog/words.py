"""Counts in words: the one helper every message with a number uses, so a
count of 1 is never followed by a plural ("1 are dated beyond 2999")."""

from __future__ import annotations

_UNCOUNTED = ("feedback",)


def plural(count: int, one: str, many: str | None = None) -> str:
    """`count` and the words that agree with it: `plural(1, "file")` is
    "1 file", `plural(2, "file")` "2 files", `plural(2, "log entry")` "2 log
    entries". `many` spells what the rule cannot, a phrase with its verb
    (`plural(n, "is in the past", "are in the past")`) or two nouns ("files
    and folders")."""
    if count == 1:
        return f"{count} {one}"
    return f"{count} {many if many is not None else plural_of(one)}"


def plural_of(word: str) -> str:
    """The plural of the English noun `word` (its last word is changed)."""
    if word.endswith(_UNCOUNTED):
        return word
    if word.endswith("y") and word[-2:-1] not in ("a", "e", "i", "o", "u"):
        return word[:-1] + "ies"
    if word.endswith(("s", "x", "ch", "sh")):
        return word + "es"
    return word + "s"
