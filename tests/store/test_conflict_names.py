"""`conflicts.original_of` answers as its patterns do, for every name: the
quick test that skips most names (no "conflict", no ".orig") skips none of
theirs, in any case, with any letters (a dotless ı matches i ignoring case)."""

from __future__ import annotations

import pytest
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
        " (Case Conflict)",
        " (Ada's conflicted copy 2026-01-02 (1))",
        ".conflict",
        ".CONFLICT",
        ".sync-conflict-20260102-030405",
        " (1)",
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


BY_NAME = [  # (copy, original): a copy by its name alone, whatever it holds
    ("a.sync-conflict-20260102-030405-ABCDEF7.toml", "a.toml"),  # Syncthing
    ("a.sync-conflict-20150203-130101.toml", "a.toml"),  # Syncthing < 0.14
    ("a (conflicted copy).toml", "a.toml"),  # Dropbox
    ("a (Ada's conflicted copy 2026-01-02).toml", "a.toml"),
    ("a (Ada's conflicted copy 2026-01-02 (1)).toml", "a.toml"),
    ("a (Case Conflict).toml", "a.toml"),
    ("a (Case Conflict 1).toml", "a.toml"),
    ("a (Selective Sync Conflict).toml", "a.toml"),
    ("a (conflicted copy 2026-01-02 030405).toml", "a.toml"),  # Nextcloud
    ("a (conflicted copy by Ada 2026-01-02 030405).md", "a.md"),  # ownCloud
    ("a (SFConflict ada@example.org 2026-01-02-03-04-05).toml", "a.toml"),
    ("a_conflict-20260102-030405.toml", "a.toml"),  # ownCloud, old Nextcloud
    ("a.conflict.toml", "a.toml"),
    ("a.Conflict.toml", "a.toml"),
    ("a.toml.conflict", "a.toml"),
    ("a.toml.orig", "a.toml"),  # git
    ("learn rust (1) (conflicted copy).toml", "learn rust (1).toml"),
]


@pytest.mark.parametrize(("copy", "original"), BY_NAME)
def test_every_tool_s_copy_is_known_by_its_name(copy: str, original: str) -> None:
    extension = "." + original.rpartition(".")[2]
    assert conflicts.original_of(copy, extension) == original
    assert conflicts.sort_out([original, copy], extension) == (
        [original],
        [(copy, original)],
    )


@pytest.mark.parametrize(
    "name",
    [
        "a-2.toml",
        "a (1).toml",
        "a 2.toml",
        "a_1.toml",
        "a (copy).toml",
        "a-LAPTOP.toml",
        "a_LOCAL_1234.toml",
        "a.old.toml",
        "a~1.toml",
        "a (Kopie mit Konflikt).toml",
        "Copy of a.toml",
        "Copy (2) of a (1).toml",
    ],
)
def test_a_copy_shaped_name_is_a_suffixed_copy_not_a_copy_by_name(name: str) -> None:
    assert conflicts.original_of(name, ".toml") is None
    assert conflicts.is_suffixed_copy(name, "a.toml")
    assert not conflicts.is_suffixed_copy("a.toml", name)


@pytest.mark.parametrize(
    "name", ["ab.toml", "a2.toml", "a.md", "b (1).toml", "learn-a.toml", "ba.toml"]
)
def test_another_name_is_no_suffixed_copy(name: str) -> None:
    assert not conflicts.is_suffixed_copy(name, "a.toml")


def test_files_sort_by_name_without_extension_the_original_first() -> None:
    names = ["a (1).toml", "a-2.toml", "a.toml", "a 2.toml", "a_1.toml", "Z.toml"]
    assert sorted(names, key=conflicts.by_stem)[:2] == ["Z.toml", "a.toml"]


def test_a_copy_named_before_the_original_is_read_after_it() -> None:
    names = ["a.toml", "Copy of a.toml", "Copy (2) of a.toml", "B.toml", "of a.toml"]
    assert conflicts.reading_order(names) == [
        "B.toml",
        "a.toml",
        "Copy (2) of a.toml",
        "Copy of a.toml",
        "of a.toml",
    ]
