"""The checks behind `mentorlog.models`: a pydantic model for each plain class,
built from its annotations the first time a file of that kind is validated.

What goes through here: data read afresh from a file, the file a change
re-reads before writing it, and every record before it is written. A command
served by the derived cache never imports pydantic.
"""

from __future__ import annotations

import os

# mentorlog uses no pydantic plugins; scanning every installed package for them
# costs start-up time.
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")

import typing
from datetime import date, datetime
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    create_model,
    model_validator,
)

from mentorlog import dates, models
from mentorlog.errors import DateError
from mentorlog.models import Model


def _to_date(value: Any) -> Any:
    """Accept a TOML date or an ISO string; nothing else reads as a date. The
    range is the one `dates.parse_date` allows for a date typed."""
    if isinstance(value, datetime):
        value = value.date()
    elif isinstance(value, str):
        try:
            value = date.fromisoformat(value.strip())
        except ValueError:
            raise ValueError("not a date (use YYYY-MM-DD)") from None
    elif not isinstance(value, date):
        raise ValueError("not a date (use YYYY-MM-DD)")
    if not dates.in_range(value):
        raise ValueError(f"is out of range (use a date {dates.DATE_RANGE})")
    return value


def _cadence(value: str) -> str:
    """A cadence the core can use: the rule is `dates.parse_cadence`'s. The value
    is kept as written (the core reads it with the same rule)."""
    try:
        dates.parse_cadence(value)
    except DateError:
        raise ValueError(f"is not a cadence (use {dates.CADENCE_HELP})") from None
    return value


def _notice(value: str) -> str:
    """A notice period the core can use: the rule is `dates.parse_notice`'s."""
    try:
        dates.parse_notice(value)
    except DateError:
        raise ValueError(f"is not a notice period (use {dates.NOTICE_HELP})") from None
    return value


def _at_most(limit: int) -> Any:
    def check(value: int) -> int:
        if value > limit:
            raise ValueError(f"should be at most {limit}")
        return value

    return AfterValidator(check)


# What the aliases in `models` mean when checked. A new alias needs no change
# to the derived cache (`store.cache` holds its values as they are), but a
# changed rule for an existing alias needs `cache.VERSION` raised, so rows
# checked by the old rule are not served.
CHECKS: dict[str, Any] = {
    "Day": Annotated[date, BeforeValidator(_to_date)],
    "Text": Annotated[str, Field(min_length=1)],
    "Id": Annotated[str, Field(pattern=r"^[0-9a-hjkmnp-tv-z]{26}$")],
    "Count": Annotated[int, Field(ge=0), _at_most(1000)],
    "Target": Annotated[int, Field(ge=1), _at_most(1000)],
    "Positive": Annotated[int, Field(ge=1)],
    "Period": Annotated[int, Field(ge=1), _at_most(3650)],
    "Cadence": Annotated[str, AfterValidator(_cadence)],
    "Notice": Annotated[str, AfterValidator(_notice)],
}

_built: dict[type[Model], type[BaseModel]] = {}


class _Base(BaseModel):
    model_config = ConfigDict(extra="allow", strict=False)


def schema_of(cls: type[Model]) -> type[BaseModel]:
    """The pydantic model that checks `cls` (built once per process)."""
    built = _built.get(cls)
    if built is not None:
        return built
    namespace: dict[str, Any] = {**vars(models), **vars(typing), **CHECKS}
    for name, value in vars(models).items():
        if isinstance(value, type) and issubclass(value, Model) and value is not Model:
            namespace[name] = _Ref(value)
    fields: dict[str, Any] = {}
    for name, annotation in cls._annotations.items():
        resolved = _resolve(eval(annotation, namespace))  # noqa: S307  (our own source)
        default = cls._defaults.get(name, ...)
        if isinstance(default, models.new):
            default = Field(default_factory=default.make)
        fields[name] = (resolved, default)
    validators: dict[str, Any] = {}
    check = getattr(cls, "check", None)
    if check is not None:

        def run_check(self: Any) -> Any:
            check(self)
            return self

        validators["check"] = model_validator(mode="after")(run_check)
    built = create_model(  # type: ignore[call-overload]
        cls.__name__, __base__=_Base, __validators__=validators, **fields
    )
    _built[cls] = built
    return built


class _Ref:
    """A plain class named in an annotation, swapped for its pydantic model."""

    def __init__(self, cls: type[Model]) -> None:
        self.cls = cls

    def __or__(self, other: Any) -> Any:
        return schema_of(self.cls) | other


def _resolve(annotation: Any) -> Any:
    if isinstance(annotation, _Ref):
        return schema_of(annotation.cls)
    origin = typing.get_origin(annotation)
    if origin is list:
        (item,) = typing.get_args(annotation)
        return list[_resolve(item)]  # type: ignore[misc]
    return annotation


def validate(cls: type[Model], data: Any) -> Any:
    """`data` checked against `cls`'s annotations, as a `cls` instance."""
    checked = schema_of(cls).model_validate(data)
    return to_plain(cls, checked)


def to_plain(cls: type[Model], checked: BaseModel) -> Any:
    record = object.__new__(cls)
    attributes = record.__dict__
    for name in cls.model_fields:
        attributes[name] = _plain_value(getattr(checked, name))
    attributes["model_extra"] = dict(checked.model_extra or {})
    return record


def _plain_value(value: Any) -> Any:
    if isinstance(value, BaseModel):
        cls = getattr(models, type(value).__name__)
        return to_plain(cls, value)
    if isinstance(value, list):
        return [_plain_value(item) for item in value]
    return value
