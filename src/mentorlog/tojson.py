"""One JSON writer for every view a `--json` command prints (SPEC §2).

`to_json` writes what it is given as plain JSON data: a date as its ISO text,
a list or tuple as a list, a mapping key by key, `None` kept, and a struct or
record as an object of its fields, in their order, each written the same way.

A view whose JSON keys are not simply its fields declares them once with
`@json_keys({...})`: each key, in order, and where its value comes from. The
keys are the stable, documented ones: keys may be added, none renamed. A
source is

- a dotted path of attributes from the view (`"session.id"`; a number picks
  from a tuple: `"0.title"`), `None` along the way giving `None`;
- `Each(path, keys)`: the list at `path`, each item written with `keys`;
- `One(path, keys)`: the object at `path` written with `keys`;
- a function of the view, for a value computed from several fields.

A view may also be written as one source: `@json_keys(Each("views", {...}))`
writes the view as that list.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from pathlib import PurePath
from typing import Any, TypeVar

from mentorlog.hints import Said
from mentorlog.messages import Told

T = TypeVar("T")


class Each:
    """The list at `path`, each item written with `keys`."""

    __slots__ = ("keys", "path")

    def __init__(self, path: str, keys: Mapping[str, Source]) -> None:
        self.path = path
        self.keys = keys


class One:
    """The object at `path` written with `keys` (`None` stays `None`)."""

    __slots__ = ("keys", "path")

    def __init__(self, path: str, keys: Mapping[str, Source]) -> None:
        self.path = path
        self.keys = keys


Source = str | Each | One | Callable[[Any], Any]
_KEYS: dict[type, Mapping[str, Source] | Source] = {}


def json_keys(keys: Mapping[str, Source] | Source) -> Callable[[type[T]], type[T]]:
    """Declare the JSON keys of a view class and where each value comes from;
    or, given one source (`Each(...)`), the value the view is written as."""

    def declare(cls: type[T]) -> type[T]:
        _KEYS[cls] = keys
        return cls

    return declare


def of(path: str, *names: str) -> dict[str, str]:
    """Keys named as the fields they come from, under `path`:
    `of("goal", "id", "title")` is `{"id": "goal.id", "title": "goal.title"}`."""
    prefix = f"{path}." if path else ""
    return {name: prefix + name for name in names}


def to_json(value: Any) -> Any:
    """`value` as JSON data (see the module's docstring)."""
    if value is None or isinstance(value, str | int | float):
        return value
    if isinstance(value, date):  # a datetime too
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [to_json(item) for item in value]
    if isinstance(value, Mapping):
        return {str(key): to_json(item) for key, item in value.items()}
    if isinstance(value, PurePath | Said | Told):  # words: commands written
        return str(value)
    keys = _KEYS.get(type(value))
    if keys is None:
        return {name: to_json(getattr(value, name)) for name in _fields(value)}
    if isinstance(keys, Mapping):
        return _object(value, keys)
    return to_json(_read(value, keys))


def _object(value: Any, keys: Mapping[str, Source]) -> dict[str, Any]:
    return {key: to_json(_read(value, source)) for key, source in keys.items()}


def _read(value: Any, source: Source) -> Any:
    if isinstance(source, Each):
        return [_object(item, source.keys) for item in _path(value, source.path)]
    if isinstance(source, One):
        found = _path(value, source.path)
        return None if found is None else _object(found, source.keys)
    if isinstance(source, str):
        return _path(value, source)
    return source(value)


def _path(value: Any, path: str) -> Any:
    for name in path.split("."):
        if value is None:
            return None
        value = value[int(name)] if name.isdigit() else getattr(value, name)
    return value


def _fields(value: Any) -> tuple[str, ...]:
    cls = type(value)
    names = getattr(cls, "__struct_fields__", None)
    if names is None:
        names = tuple(getattr(cls, "model_fields", ()))
    if not names:
        raise TypeError(f"{cls.__name__} has no JSON form")
    return tuple(names)
