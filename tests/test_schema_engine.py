"""`mentorlog.schema` builds its validators with pydantic's engine
(`pydantic_core`) directly, from the field table, instead of through
`pydantic.create_model`. It must check exactly what a pydantic model of the
same fields checks: here each record class is also built as the pydantic model
the schema used to make, and both are given the same good and bad values."""

from __future__ import annotations

import functools
import operator
import typing
from datetime import date, datetime, time
from types import UnionType
from typing import Annotated, Any

import pytest
from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationError,
    create_model,
    model_validator,
)

from mentorlog import models, schema
from mentorlog.models import Model
from mentorlog.store.validation import describe


def _at_most(limit: int) -> Any:
    def check(value: int) -> int:
        if value > limit:
            raise ValueError(f"should be at most {limit}")
        return value

    return AfterValidator(check)


# The rules as pydantic annotations (the functions are the schema's own).
PYDANTIC_CHECKS: dict[Any, Any] = {
    models.Day: Annotated[date, BeforeValidator(schema._to_date)],
    models.Text: Annotated[str, Field(min_length=1)],
    models.Id: Annotated[str, Field(pattern=r"^[0-9a-hjkmnp-tv-z]{26}$")],
    models.Count: Annotated[int, Field(ge=0), _at_most(1000)],
    models.Target: Annotated[int, Field(ge=1), _at_most(1000)],
    models.Positive: Annotated[int, Field(ge=1)],
    models.Period: Annotated[int, Field(ge=1), _at_most(3650)],
    models.Cadence: Annotated[str, AfterValidator(schema._cadence)],
    models.Notice: Annotated[str, AfterValidator(schema._notice)],
    models.Clock: Annotated[str, BeforeValidator(schema._clock)],
    models.Minutes: Annotated[int, Field(ge=1), _at_most(1440)],
    models.TimeZone: Annotated[str, AfterValidator(schema._timezone)],
}


class _Base(BaseModel):
    model_config = ConfigDict(extra="allow", strict=False)


@functools.cache
def pydantic_model(cls: type[Model]) -> type[BaseModel]:
    fields: dict[str, Any] = {}
    for spec in models.fields_of(cls):
        if spec.factory is not None:
            default: Any = Field(default_factory=spec.factory)
        else:
            default = ... if spec.default is models.REQUIRED else spec.default
        fields[spec.name] = (_pydantic(spec.type), default)
    validators: dict[str, Any] = {}
    check = getattr(cls, "check", None)
    if check is not None:

        def run_check(self: Any) -> Any:
            check(self)
            return self

        validators["check"] = model_validator(mode="after")(run_check)
    return create_model(
        cls.__name__, __base__=_Base, __validators__=validators, **fields
    )


def _pydantic(hint: Any) -> Any:
    origin = typing.get_origin(hint)
    if origin is Annotated:
        return PYDANTIC_CHECKS[hint]
    if isinstance(hint, type) and issubclass(hint, Model):
        return pydantic_model(hint)
    if origin is list:
        return list[_pydantic(typing.get_args(hint)[0])]  # type: ignore[misc]
    if origin is typing.Union or origin is UnionType:
        return functools.reduce(operator.or_, map(_pydantic, typing.get_args(hint)))
    return hint


def plain(value: Any) -> Any:
    """A validated value as plain data, whichever system made it."""
    if isinstance(value, BaseModel | Model):
        fields = type(value).model_fields  # the names, in order
        data = {name: plain(getattr(value, name)) for name in fields}
        return (type(value).__name__, data, dict(value.model_extra or {}))
    if isinstance(value, list):
        return [plain(item) for item in value]
    return value


def outcome(validate: Any, data: Any) -> Any:
    try:
        return plain(validate(data))
    except ValidationError as error:
        return [
            (item["type"], item["loc"], describe(item))
            for item in error.errors(include_url=False)
        ]


CLASSES = sorted(
    (
        value
        for value in vars(models).values()
        if isinstance(value, type) and issubclass(value, Model) and value is not Model
    ),
    key=lambda cls: cls.__name__,
)
VALUES = [
    None, "", "x", " 2024-01-02 ", 5, -1, 0, 1, 1001, 5000, True, 1.5, 2.0,
    "2024-01-02", "2024-13-01", "1800-01-01", date(2024, 1, 2),
    datetime(2024, 1, 2, 3, 4), time(9, 30), "09:30", "25:00", [], ["a"], ["a", 1],
    [{"title": "t"}], [{}], [{"title": "t", "due": "x"}], {}, {"title": ""},
    {"goals_min": 9}, "weekly", "3w", "2d", "1 week", "Europe/Paris", "Mars/X",
    "active", "open", "yes", "0" * 26, "I" * 26, "video",
]  # fmt: skip


@pytest.mark.parametrize("cls", CLASSES, ids=lambda cls: cls.__name__)
def test_the_engine_checks_each_field_as_pydantic_does(cls: type[Model]) -> None:
    reference = pydantic_model(cls).model_validate
    required = {
        spec.name: {"id": "0" * 26, "created": "2024-01-01"}.get(spec.name, "x")
        for spec in models.fields_of(cls)
        if spec.default is models.REQUIRED and spec.factory is None
    }
    cases: list[Any] = [{}, "x", [1], required, {**required, "by hand": [1]}]
    for spec in models.fields_of(cls):
        cases += [{**required, spec.name: value, "kept": 1} for value in VALUES]
    for data in cases:
        assert outcome(cls.model_validate, data) == outcome(reference, data), data
