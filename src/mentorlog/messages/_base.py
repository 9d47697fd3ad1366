"""What every message kind shares (see the package's docstring)."""

from __future__ import annotations

from dataclasses import Field, field
from typing import TYPE_CHECKING, Any, TypeVar, cast, dataclass_transform

from mentorlog._struct import struct
from mentorlog.hints import Hint

if TYPE_CHECKING:
    from mentorlog.hints import Said
    from mentorlog.messages import Message

T = TypeVar("T")


class Told:
    """What every message kind shares: its words come from `render/words/`."""

    __slots__ = ()

    @property
    def hints(self) -> tuple[Hint, ...]:
        """The commands in it, in order (as `Said.hints`)."""
        from mentorlog.hints import Said

        found: list[Hint] = []
        for value in _values(self):  # a command, or words holding commands
            if isinstance(value, Hint):
                found.append(value)
            elif isinstance(value, Said | Told):  # a message inside a message
                found.extend(value.hints)
        return tuple(found)

    def said(self) -> Said | str:
        """Its words, commands as data (`render.words.words`)."""
        from mentorlog.render.words import words

        return words(cast("Message", self))

    def __str__(self) -> str:
        return str(self.said())

    def __contains__(self, text: str) -> bool:
        return text in str(self)

    def __add__(self, other: str) -> Said:
        return _as_said(self.said()) + other

    def __radd__(self, other: str) -> Said:
        return other + _as_said(self.said())


def _as_said(words: Said | str) -> Said:
    from mentorlog.hints import Said

    return words if isinstance(words, Said) else Said(words)


def _values(told: Told) -> tuple[Any, ...]:
    names: tuple[str, ...] = getattr(type(told), "__struct_fields__", ())
    return tuple(getattr(told, name) for name in names)


def _eq(self: Told, other: object) -> bool:
    if isinstance(other, str):  # as a `Said`: equal to its plain line
        return str(self) == other
    if type(other) is not type(self):
        return NotImplemented  # type: ignore[no-any-return]
    return _values(self) == _values(other)


@dataclass_transform(field_specifiers=(field, Field))
def message(cls: type[T]) -> type[T]:
    """A message kind: a frozen struct of its facts that says itself."""
    made = struct(frozen=True)(cls)
    setattr(made, "__eq__", _eq)  # noqa: B010 - after struct set its own
    # equal to its plain line, so hashed as that line (a == b: same hash)
    setattr(made, "__hash__", lambda self: hash(str(self)))  # noqa: B010
    return made
