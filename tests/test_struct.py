"""`@struct`, the light stand-in for `@dataclass`."""

from __future__ import annotations

from dataclasses import FrozenInstanceError, field

import pytest

from mentorlog._struct import struct


@struct
class Point:
    x: int
    y: int = 0
    tags: list[str] = field(default_factory=list)

    def moved(self) -> Point:
        return Point(self.x + 1, self.y)


@struct(frozen=True)
class Key:
    kind: str
    number: int = 1


def test_fields_positional_keyword_and_defaults() -> None:
    assert Point(1).__dict__ == {"x": 1, "y": 0, "tags": []}
    assert Point(1, 2, ["a"]) == Point(x=1, tags=["a"], y=2)
    assert Point(1).moved() == Point(2)
    assert Point(1) != Point(2)
    assert repr(Point(1, 2)) == "Point(x=1, y=2, tags=[])"


def test_each_instance_gets_its_own_default_list() -> None:
    first, second = Point(1), Point(1)
    first.tags.append("mine")
    assert second.tags == []


def test_missing_extra_and_unknown_arguments_are_errors() -> None:
    with pytest.raises(TypeError, match="missing argument: 'x'"):
        Point()
    with pytest.raises(TypeError, match="takes 3 arguments"):
        Point(1, 2, [], 4)
    with pytest.raises(TypeError, match="unexpected argument: 'z'"):
        Point(1, z=3)


def test_frozen_structs_are_immutable_and_hashable() -> None:
    key = Key("goal")
    with pytest.raises(FrozenInstanceError):
        key.kind = "other"  # type: ignore[misc]
    with pytest.raises(FrozenInstanceError):
        del key.kind
    assert {Key("goal"), Key("goal", 1), Key("goal", 2)} == {
        Key("goal"),
        Key("goal", 2),
    }
    with pytest.raises(TypeError):
        hash(Point(1))  # mutable: not hashable, like a dataclass
