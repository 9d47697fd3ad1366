"""`@struct`: the part of `@dataclass` mentorlog uses, without its start-up cost.

`dataclasses` writes each class's `__init__`, `__eq__` and `__repr__` as source
and compiles it when the module is imported: about half a millisecond a class,
some thirty milliseconds for the classes a `status` run imports, which is a
tenth of the time the whole command is allowed. A struct's methods are shared
functions that read the field list instead; nothing is compiled.

Supported: fields from annotations, in order, with defaults or
`field(default_factory=...)`; `frozen=True` (immutable and hashable); equality
and repr over the fields. Not supported: inheritance between structs,
`__post_init__`, `dataclasses.fields/asdict/replace`.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from dataclasses import MISSING, Field, FrozenInstanceError, field
from typing import Any, TypeVar, dataclass_transform, overload

T = TypeVar("T")


def _init(self: Any, *args: Any, **kwargs: Any) -> None:
    cls = type(self)
    names = cls.__struct_fields__
    if len(args) > len(names):
        raise TypeError(f"{cls.__name__}() takes {len(names)} arguments")
    values = self.__dict__
    for name, value in zip(names, args, strict=False):
        values[name] = value
    for name in names[len(args) :]:
        if name in kwargs:
            values[name] = kwargs.pop(name)
            continue
        default = cls.__struct_defaults__.get(name, MISSING)
        if default is MISSING:
            raise TypeError(f"{cls.__name__}() missing argument: {name!r}")
        values[name] = default() if name in cls.__struct_factories__ else default
    if kwargs:
        raise TypeError(
            f"{cls.__name__}() got an unexpected argument: {next(iter(kwargs))!r}"
        )


def _values(self: Any) -> tuple[Any, ...]:
    values = self.__dict__
    return tuple(values[name] for name in type(self).__struct_fields__)


def _eq(self: Any, other: object) -> bool:
    if type(other) is not type(self):
        return NotImplemented  # type: ignore[no-any-return]
    same: bool = _values(self) == _values(other)
    return same


def _hash(self: Any) -> int:
    return hash(_values(self))


def _repr(self: Any) -> str:
    shown = ", ".join(
        f"{name}={self.__dict__[name]!r}" for name in type(self).__struct_fields__
    )
    return f"{type(self).__name__}({shown})"


def _refuse(self: Any, name: str, value: Any = None) -> None:
    raise FrozenInstanceError(f"cannot assign to field {name!r}")


@overload
def struct(cls: type[T], /) -> type[T]: ...


@overload
def struct(*, frozen: bool = False) -> Callable[[type[T]], type[T]]: ...


# Type checkers see a struct as the dataclass it behaves like: its __init__
# takes its fields, in order, and refuses any other keyword.
@dataclass_transform(field_specifiers=(field, Field))
def struct(
    cls: type[T] | None = None, *, frozen: bool = False
) -> type[T] | Callable[[type[T]], type[T]]:
    """Use as `@struct` or `@struct(frozen=True)`."""

    def make(cls: type[T]) -> type[T]:
        names = tuple(inspect.get_annotations(cls))
        defaults: dict[str, Any] = {}
        factories: set[str] = set()
        for name in names:
            if name not in cls.__dict__:
                continue
            default = cls.__dict__[name]
            if isinstance(default, Field):
                if default.default_factory is not MISSING:
                    defaults[name] = default.default_factory
                    factories.add(name)
                elif default.default is not MISSING:
                    defaults[name] = default.default
                delattr(cls, name)
            else:
                defaults[name] = default
        attributes: dict[str, Callable[..., Any] | Any] = {
            "__struct_fields__": names,
            "__struct_defaults__": defaults,
            "__struct_factories__": frozenset(factories),
            "__init__": _init,
            "__eq__": _eq,
            "__repr__": _repr,
            "__hash__": _hash if frozen else None,
        }
        if frozen:
            attributes["__setattr__"] = _refuse
            attributes["__delattr__"] = _refuse
        for key, value in attributes.items():
            if key not in cls.__dict__ or key.startswith("__struct"):
                setattr(cls, key, value)
        return cls

    return make if cls is None else make(cls)
