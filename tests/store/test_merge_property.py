"""The record merge (store.merge) as a property: whatever two devices do to
one record, in whichever order they sync, nothing is lost and the only
conflict notes are fields both changed to different values (issue 19)."""

import tomllib
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from mentorlog.store import tomlfile
from mentorlog.store.merge import CONFLICTS, merge_text

BASE: dict[str, Any] = {
    "id": "01jcqp0000000000000000000a",
    "title": "Learn Rust",
    "status": "active",
    "area": "craft",
    "milestones": [
        {"title": "Read the book", "done": False},
        {"title": "Write a CLI", "done": False},
        {"title": "Ship it", "done": False},
    ],
    "topics": ["traits"],
}

FIELDS = ("status", "area", "specific")
Op = tuple[str, Any, Any]
ops = st.one_of(
    st.tuples(st.just("tick"), st.integers(0, 2), st.none()),
    st.tuples(st.just("milestone"), st.sampled_from("abcdef"), st.none()),
    st.tuples(st.just("topic"), st.sampled_from("uvwxyz"), st.none()),
    st.tuples(st.just("set"), st.sampled_from(FIELDS), st.sampled_from("pqr")),
)


def apply(data: dict[str, Any], done: list[Op]) -> dict[str, Any]:
    data = {**data, "milestones": [dict(m) for m in data["milestones"]]}
    for op, a, b in done:
        if op == "tick":
            data["milestones"][a]["done"] = True
        elif op == "milestone":
            if all(m["title"] != f"New {a}" for m in data["milestones"]):
                data["milestones"].append({"title": f"New {a}", "done": False})
        elif op == "topic":
            data["topics"] = (
                [*data["topics"], a] if a not in data["topics"] else data["topics"]
            )
        else:
            data[a] = b
    return data


@settings(max_examples=60, deadline=None)
@given(
    st.lists(ops, max_size=6), st.lists(ops, max_size=6), st.booleans(), st.booleans()
)
def test_nothing_is_lost_and_only_same_field_edits_are_noted(
    mine: list[Op], theirs: list[Op], swap: bool, ours_later: bool
) -> None:
    base = tomlfile.dumps(BASE)
    one, two = apply(BASE, mine), apply(BASE, theirs)
    if swap:  # the other device syncs first
        one, two = two, one
    text = merge_text(
        base, tomlfile.dumps(one), tomlfile.dumps(two), "goals/x.toml", ours_later
    )
    assert "<<<<<<<" not in text
    merged = tomllib.loads(text)
    titles = [m["title"] for m in merged["milestones"]]
    for side in (one, two):
        for milestone in side["milestones"]:
            assert milestone["title"] in titles  # every milestone either added
            if milestone["done"]:  # every tick kept
                assert next(
                    m for m in merged["milestones"] if m["title"] == milestone["title"]
                )["done"]
        assert set(side["topics"]) <= set(merged["topics"])
    notes = merged.get(CONFLICTS, [])
    clashing = {
        key
        for key in FIELDS
        if one.get(key) != BASE.get(key)
        and two.get(key) != BASE.get(key)
        and one.get(key) != two.get(key)
    }
    assert {note["field"] for note in notes} == clashing
    for key in FIELDS:
        values = {one.get(key), two.get(key)} - {BASE.get(key)}
        if key in clashing:
            [note] = [n for n in notes if n["field"] == key]
            assert {note["kept"], note["lost"]} == values
            assert merged[key] == note["kept"] == (one if ours_later else two)[key]
        elif values:
            assert merged[key] == values.pop()


def test_two_milestones_with_one_title_are_both_kept() -> None:
    base = {"title": "G", "milestones": [{"title": "Review"}, {"title": "Review"}]}
    ours = {
        **base,
        "milestones": [{"title": "Review", "done": True}, {"title": "Review"}],
    }
    theirs = {**base, "milestones": [*base["milestones"], {"title": "Ship"}]}
    text = merge_text(*map(tomlfile.dumps, (base, ours, theirs)), "goals/g.toml", False)
    assert tomllib.loads(text)["milestones"] == [
        {"title": "Review", "done": True},
        {"title": "Review"},
        {"title": "Ship"},
    ]


def test_overlapping_prose_keeps_both_versions_without_markers() -> None:
    front = '+++\nid = "01jcqp0000000000000000000a"\n+++\n'
    base = front + "## Notes\n\nShe likes email.\n"
    ours = front + "## Notes\n\nShe likes short emails.\n"
    theirs = front + "## Notes\n\nShe prefers calls.\n"
    text = merge_text(base, ours, theirs, "mentors/ada.md", True)
    assert "<<<<<<<" not in text and ">>>>>>>" not in text
    assert "She likes short emails." in text and "She prefers calls." in text
    assert "both devices changed this part" in text
