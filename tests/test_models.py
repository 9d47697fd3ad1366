"""One record system: each class's fields resolved once, from the types its
annotations name (not from how they are spelled), feed the constructor, the
pydantic schema and the derived cache alike."""

from __future__ import annotations

import json
import typing
from dataclasses import field
from datetime import date, datetime
from typing import Optional

import pytest
from pydantic import ValidationError

from mentorlog import models, schema
from mentorlog.models import Day, Goal, Milestone, Model, fields_of
from mentorlog.store import cache


# The same record, its optional fields spelled four ways.
class PipeLast(Model):
    when: Day | None = None
    nested: Milestone | None = None
    many: list[Milestone] = field(default_factory=list)


class PipeFirst(Model):
    when: None | Day = None  # noqa: RUF036  (the spelling is the point)
    nested: None | Milestone = None  # noqa: RUF036
    many: list[Milestone] = field(default_factory=list)


class OptionalWord(Model):
    when: Optional[Day] = None  # noqa: UP045  (the spelling is the point)
    nested: Optional[Milestone] = None  # noqa: UP045
    many: list[Milestone] = field(default_factory=list)


class UnionWord(Model):
    when: typing.Union[None, Day] = None  # noqa: UP007, RUF036
    nested: typing.Union[Milestone, None] = None  # noqa: UP007
    many: list[Milestone] = field(default_factory=list)


SPELLINGS = [PipeLast, PipeFirst, OptionalWord, UnionWord]
DATA = {
    "when": "2024-01-02",
    "nested": {"title": "First", "due": "2024-02-03", "kept": "by hand"},
    "many": [{"title": "Second", "done": True, "done_on": date(2024, 3, 4)}],
    "added": "by hand",
}


@pytest.mark.parametrize("cls", SPELLINGS, ids=lambda cls: cls.__name__)
def test_an_annotation_spelled_another_way_reads_and_caches_the_same(
    cls: type[Model],
) -> None:
    record = cls.model_validate(DATA)
    values = record.__dict__
    assert values["when"] == date(2024, 1, 2)
    assert values["nested"] == Milestone(
        title="First", due=date(2024, 2, 3), model_extra={"kept": "by hand"}
    )
    assert values["many"] == [
        Milestone(title="Second", done=True, done_on=date(2024, 3, 4))
    ]
    assert record.model_extra == {"added": "by hand"}

    row = cache.encode(record)
    assert row == [
        "2024-01-02",
        ["First", "2024-02-03", False, None, False, ["m", {"kept": "by hand"}]],
        [["Second", None, True, "2024-03-04", False, None]],
        ["m", {"added": "by hand"}],
    ]
    # through JSON, as the cache file holds it, and back
    assert cache.decoder(cls)(json.loads(json.dumps(row))) == record
    assert cache.plain_fields(cls) == {}
    assert cache.row_width(cls) == 4

    empty = cls.model_validate({})
    assert cache.decoder(cls)(json.loads(json.dumps(cache.encode(empty)))) == empty
    with pytest.raises(ValidationError, match="not a date"):
        cls.model_validate({"when": "someday"})


def test_the_cache_fingerprint_does_not_depend_on_the_spelling() -> None:
    spelled = {
        tuple((spec.name, cache._spelled(spec.type)) for spec in fields_of(cls))
        for cls in SPELLINGS
    }
    assert len(spelled) == 1


def test_an_unknown_keyword_is_refused_and_extra_keys_are_explicit() -> None:
    with pytest.raises(TypeError, match="'staus'"):
        Goal(id="x", title="A goal", created=date(2024, 1, 1), staus="done")  # type: ignore[call-arg]
    kept = Goal(
        id="x", title="A goal", created=date(2024, 1, 1), model_extra={"staus": "x"}
    )
    assert kept.status == "active"
    assert kept.model_extra == {"staus": "x"}
    assert kept.model_copy(update={"status": "done"}).status == "done"
    with pytest.raises(TypeError, match="'staus'"):
        kept.model_copy(update={"staus": "done"})


def test_a_required_field_left_out_is_refused() -> None:
    with pytest.raises(TypeError, match="created is required"):
        Goal(id="x", title="A goal")  # type: ignore[call-arg]


def test_a_field_type_the_cache_cannot_hold_is_refused_by_name() -> None:
    class Stamped(Model):
        at: datetime

    with pytest.raises(TypeError, match=r"Stamped\.at"):
        fields_of(Stamped)


def test_every_checked_alias_has_its_check() -> None:
    aliases = [
        value
        for value in vars(models).values()
        if typing.get_origin(value) is typing.Annotated
    ]
    assert len(aliases) == 12
    assert set(aliases) == set(schema.CHECKS)
