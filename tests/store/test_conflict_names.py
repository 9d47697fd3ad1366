"""`conflicts.original_of` answers as its patterns do, for every name: the
quick test that skips most names (no "conflict", no ".orig") skips none of
theirs, in any case, with any letters (a dotless ı matches i ignoring case)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from mentorlog.store import conflicts


def by_patterns(name: str, extension: str) -> str | None:
    for pattern in conflicts._COPIES:
        found = pattern.match(name)
        if found is not None:
            original = found["stem"] + (found.groupdict().get("ext") or "")
            if original.endswith(extension) and not original.startswith("."):
                return original
    return None


PIECES = st.sampled_from(
    [
        "learn-rust",
        ".toml",
        ".md",
        ".orig",
        ".ORIG",
        " (conflicted copy)",
        " (Sam's CONFLICTED Copy 2026-01-02)",
        " (conflıcted copy)",
        " (conflİcted copy)",
        ".sync-conflict-20260102-030405-ABCDEF7",
        "_conflict-20260102-030405",
        "_CONFLICT-20260102-030405",
        "-LAPTOP",
        "é",
    ]
)


@given(
    st.lists(PIECES | st.text(max_size=4), max_size=5),
    st.sampled_from([".toml", ".md"]),
)
def test_original_of_is_what_the_patterns_say(
    pieces: list[str], extension: str
) -> None:
    name = "".join(pieces)
    assert conflicts.original_of(name, extension) == by_patterns(name, extension)


@given(st.lists(st.lists(PIECES | st.text(max_size=3), max_size=4).map("".join)))
def test_sort_out_is_original_of_name_by_name(listed: list[str]) -> None:
    listed = [name for name in listed if name]
    records, copies = conflicts.sort_out(listed, ".toml")
    shown = [name for name in listed if not name.startswith(".")]
    assert copies == [
        (name, by_patterns(name, ".toml"))
        for name in shown
        if by_patterns(name, ".toml") is not None
    ]
    assert records == [
        name
        for name in shown
        if by_patterns(name, ".toml") is None and name.endswith(".toml")
    ]


def test_copies_of_each_tool_are_found() -> None:
    listed = ["a (conflıcted copy).toml", "a.toml", ".a (conflicted copy).toml"]
    assert conflicts.sort_out(listed, ".toml") == (
        ["a.toml"],
        [("a (conflıcted copy).toml", "a.toml")],
    )
    assert conflicts.original_of("a (conflıcted copy).toml", ".toml") == "a.toml"
    assert conflicts.original_of("a (Conflicted Copy).toml", ".toml") == "a.toml"
    assert conflicts.original_of("a.toml.orig", ".toml") == "a.toml"
    assert conflicts.original_of("a_conflict-20260102-030405.md", ".md") == "a.md"
    assert conflicts.original_of("learn-rust-2.toml", ".toml") is None
