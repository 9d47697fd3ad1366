"""The checks behind `mentorlog.models`: a `pydantic_core` validator for each
plain class, built from its field table (`models.fields_of`) the first time a
file of that kind is validated.

What goes through here: data read afresh from a file, the file a change
re-reads before writing it, and every record before it is written. A command
served by the derived cache imports none of it. The validators are pydantic's
own engine (`pydantic_core`, what a pydantic model compiles to), built here
from the schema a model would generate, so a write does not pay for importing
`pydantic` itself (its model machinery and its plugin loader, which imports
`importlib.metadata` whatever the settings): about 65 ms of a write's start.
"""

from __future__ import annotations

import functools
import typing
from datetime import date, datetime, time
from types import NoneType, UnionType
from typing import Annotated, Any, Literal, TypeVar

from pydantic_core import SchemaValidator
from pydantic_core import core_schema as cs

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


def _number(*, ge: int, at_most: int | None = None) -> cs.CoreSchema:
    """A whole number from `ge` up (to `at_most`): pydantic's `Field(ge=...)`,
    then the upper bound in mentorlog's words."""
    schema = cs.int_schema(ge=ge)
    if at_most is None:
        return schema

    def check(value: int) -> int:
        if value > at_most:
            raise ValueError(f"should be at most {at_most}")
        return value

    return cs.no_info_after_validator_function(check, schema)


def _then(check: Any, schema: cs.CoreSchema) -> cs.CoreSchema:
    return cs.no_info_after_validator_function(check, schema)


# What the aliases in `models` mean when checked, by alias: the core schema a
# pydantic `Annotated[...]` of the same rule generates (`Field(ge=...)` on the
# number, `AfterValidator`/`BeforeValidator` around it). A new alias needs no
# change to the derived cache (`store.cache` holds its values by the type it
# stands for), but a changed rule for an existing alias needs `cache.VERSION`
# raised, so rows checked by the old rule are not served.
CHECKS: dict[Any, cs.CoreSchema] = {
    models.Day: cs.no_info_before_validator_function(_to_date, cs.date_schema()),
    models.Text: cs.str_schema(min_length=1),
    models.Id: cs.str_schema(pattern=r"^[0-9a-hjkmnp-tv-z]{26}$"),
    models.Count: _number(ge=0, at_most=1000),
    models.Target: _number(ge=1, at_most=1000),
    models.Positive: _number(ge=1),
    models.Period: _number(ge=1, at_most=3650),
    models.Cadence: _then(_cadence, cs.str_schema()),
    models.Notice: _then(_notice, cs.str_schema()),
    models.Clock: cs.no_info_before_validator_function(_clock, cs.str_schema()),
    models.Minutes: _number(ge=1, at_most=1440),
    models.TimeZone: _then(_timezone, cs.str_schema()),
}

# The plain types a field may name, as pydantic checks them (lax mode).
_PLAIN: dict[Any, cs.CoreSchema] = {
    str: cs.str_schema(),
    int: cs.int_schema(),
    bool: cs.bool_schema(),
    float: cs.float_schema(),
    NoneType: cs.none_schema(),
    Any: cs.any_schema(),
}

M = TypeVar("M", bound=Model)

_schemas: dict[type[Model], cs.CoreSchema] = {}
_validators: dict[type[Model], SchemaValidator] = {}


def schema_of(cls: type[Model]) -> cs.CoreSchema:
    """The core schema that checks `cls` and builds it (once per process): its
    fields as a pydantic model's, the keys beyond them kept (`extra="allow"`),
    then the class's own `check`, as a model validator "after" runs it."""
    built = _schemas.get(cls)
    if built is not None:
        return built
    fields: dict[str, cs.ModelField] = {}
    for spec in models.fields_of(cls):
        schema = _checked(spec.type)
        if spec.factory is not None:
            schema = cs.with_default_schema(schema, default_factory=spec.factory)
        elif spec.default is not models.REQUIRED:
            schema = cs.with_default_schema(schema, default=spec.default)
        fields[spec.name] = cs.model_field(schema)
    checked = cs.model_fields_schema(
        fields, model_name=cls.__name__, extra_behavior="allow"
    )
    built = _then(functools.partial(_record, cls), checked)
    _schemas[cls] = built
    return built


def _record(cls: type[M], checked: tuple[dict[str, Any], Any, Any]) -> M:
    """The `cls` instance of what its fields' schema returned (the fields, the
    keys beyond them, the names given), after the class's own `check`."""
    values, extra, _ = checked
    record = object.__new__(cls)
    attributes = record.__dict__
    attributes.update(values)
    attributes["model_extra"] = dict(extra or {})
    check = getattr(cls, "check", None)
    if check is not None:
        check(record)
    return record


def _checked(hint: Any) -> cs.CoreSchema:
    """A resolved annotation as pydantic checks it: each alias of `models` as
    `CHECKS` says, each record class by its own schema."""
    origin = typing.get_origin(hint)
    if origin is Annotated:
        if hint not in CHECKS:
            raise TypeError(f"no check is defined for {hint!r}")
        return CHECKS[hint]
    if isinstance(hint, type) and issubclass(hint, Model):
        return schema_of(hint)
    if origin is list:
        (item,) = typing.get_args(hint)
        return cs.list_schema(_checked(item))
    if origin is Literal:
        return cs.literal_schema(list(typing.get_args(hint)))
    if origin is typing.Union or origin is UnionType:
        members = [arg for arg in typing.get_args(hint) if arg is not NoneType]
        inner = (
            _checked(members[0])
            if len(members) == 1
            else cs.union_schema([_checked(member) for member in members])
        )
        if len(members) < len(typing.get_args(hint)):
            return cs.nullable_schema(inner)
        return inner
    if hint in _PLAIN:
        return _PLAIN[hint]
    raise TypeError(f"no check is defined for {hint!r}")


def validator_of(cls: type[Model]) -> SchemaValidator:
    """The compiled validator of `cls` (once per process)."""
    validator = _validators.get(cls)
    if validator is None:
        validator = _validators[cls] = SchemaValidator(schema_of(cls))
    return validator


def validate(cls: type[M], data: Any) -> M:
    """`data` checked against `cls`'s fields, as a `cls` instance; raises
    `pydantic_core.ValidationError` (pydantic's own)."""
    record: M = validator_of(cls).validate_python(data)
    return record
