"""The checks behind `mentorlog.models`: a pydantic model for each plain class,
built from its field table (`models.fields_of`) the first time a file of that
kind is validated.

What goes through here: data read afresh from a file, the file a change
re-reads before writing it, and every record before it is written. A command
served by the derived cache never imports pydantic.
"""

from __future__ import annotations

import os

# mentorlog uses no pydantic plugins; scanning every installed package for them
# costs start-up time.
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")

import functools
import operator
import typing
from datetime import date, datetime, time
from types import UnionType
from typing import Annotated, Any, TypeVar

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


def _clock(value: Any) -> Any:
    """A time of day as "HH:MM" (a TOML time is taken too, and kept as text)."""
    if isinstance(value, time):
        value = value.strftime("%H:%M")
    if not isinstance(value, str) or dates.clock(value) is None:
        raise ValueError("is not a time of day (use HH:MM, 00:00 to 23:59)")
    return value.strip()


def _timezone(value: str) -> str:
    """A time zone `zoneinfo` knows ("Europe/Paris")."""
    from zoneinfo import ZoneInfo

    try:
        ZoneInfo(value)
    except (ValueError, OSError, LookupError):
        raise ValueError(
            "is not a time zone (use a name like Europe/Paris or America/New_York)"
        ) from None
    return value


def _at_most(limit: int) -> Any:
    def check(value: int) -> int:
        if value > limit:
            raise ValueError(f"should be at most {limit}")
        return value

    return AfterValidator(check)


# What the aliases in `models` mean when checked, by alias. A new alias needs no
# change to the derived cache (`store.cache` holds its values by the type it
# stands for), but a changed rule for an existing alias needs `cache.VERSION`
# raised, so rows checked by the old rule are not served.
CHECKS: dict[Any, Any] = {
    models.Day: Annotated[date, BeforeValidator(_to_date)],
    models.Text: Annotated[str, Field(min_length=1)],
    models.Id: Annotated[str, Field(pattern=r"^[0-9a-hjkmnp-tv-z]{26}$")],
    models.Count: Annotated[int, Field(ge=0), _at_most(1000)],
    models.Target: Annotated[int, Field(ge=1), _at_most(1000)],
    models.Positive: Annotated[int, Field(ge=1)],
    models.Period: Annotated[int, Field(ge=1), _at_most(3650)],
    models.Cadence: Annotated[str, AfterValidator(_cadence)],
    models.Notice: Annotated[str, AfterValidator(_notice)],
    models.Clock: Annotated[str, BeforeValidator(_clock)],
    models.Minutes: Annotated[int, Field(ge=1), _at_most(1440)],
    models.TimeZone: Annotated[str, AfterValidator(_timezone)],
}

M = TypeVar("M", bound=Model)

_built: dict[type[Model], type[BaseModel]] = {}


class _Base(BaseModel):
    model_config = ConfigDict(extra="allow", strict=False)


def schema_of(cls: type[Model]) -> type[BaseModel]:
    """The pydantic model that checks `cls` (built once per process)."""
    built = _built.get(cls)
    if built is not None:
        return built
    fields: dict[str, Any] = {}
    for spec in models.fields_of(cls):
        if spec.factory is not None:
            default: Any = Field(default_factory=spec.factory)
        elif spec.default is models.REQUIRED:
            default = ...
        else:
            default = spec.default
        fields[spec.name] = (_checked(spec.type), default)
    validators: dict[str, Any] = {}
    check = getattr(cls, "check", None)
    if check is not None:

        def run_check(self: Any) -> Any:
            check(self)
            return self

        validators["check"] = model_validator(mode="after")(run_check)
    built = create_model(
        cls.__name__, __base__=_Base, __validators__=validators, **fields
    )
    _built[cls] = built
    return built


def _checked(hint: Any) -> Any:
    """A resolved annotation as pydantic checks it: each alias of `models` as
    `CHECKS` says, each record class as its pydantic model."""
    origin = typing.get_origin(hint)
    if origin is Annotated:
        if hint not in CHECKS:
            raise TypeError(f"no check is defined for {hint!r}")
        return CHECKS[hint]
    if isinstance(hint, type) and issubclass(hint, Model):
        return schema_of(hint)
    if origin is list:
        (item,) = typing.get_args(hint)
        return list[_checked(item)]  # type: ignore[misc]
    if origin is typing.Union or origin is UnionType:
        return functools.reduce(operator.or_, map(_checked, typing.get_args(hint)))
    return hint


def validate(cls: type[M], data: Any) -> M:
    """`data` checked against `cls`'s fields, as a `cls` instance."""
    checked = schema_of(cls).model_validate(data)
    return to_plain(cls, checked)


def to_plain(cls: type[M], checked: BaseModel) -> M:
    record = object.__new__(cls)
    attributes = record.__dict__
    for spec in models.fields_of(cls):
        value = getattr(checked, spec.name)
        if value is not None and spec.record is not None:
            if spec.form == "records":
                value = [to_plain(spec.record, item) for item in value]
            else:
                value = to_plain(spec.record, value)
        attributes[spec.name] = value
    attributes["model_extra"] = dict(checked.model_extra or {})
    return record
