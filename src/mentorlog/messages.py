"""What the core says, as data: one small frozen class per kind of message.

A message holds only the facts (names, dates, counts, commands as `Hint`s);
no English. Its words are written in one place, `render/words.py`, which a
translator or a reviewer reads: `str()` of a message is its plain line (as
`str()` of a `Said` is), and `--json` carries that line (`tojson`). `Message`
is every kind; a new kind is added here and given words there (mypy checks
that each kind has them).
"""

from __future__ import annotations

from dataclasses import Field, field
from datetime import date
from typing import TYPE_CHECKING, Any, TypeVar, cast, dataclass_transform

from mentorlog._struct import struct
from mentorlog.hints import Hint

if TYPE_CHECKING:
    from mentorlog.hints import Said

T = TypeVar("T")


class Told:
    """What every message kind shares: its words come from `render/words.py`."""

    __slots__ = ()

    @property
    def hints(self) -> tuple[Hint, ...]:
        """The commands in it, in order (as `Said.hints`)."""
        return tuple(value for value in _values(self) if isinstance(value, Hint))

    def said(self) -> Said | str:
        """Its words, commands as data (`render.words.words`)."""
        from mentorlog.render.words import words

        return words(cast("Message", self))

    def __str__(self) -> str:
        return str(self.said())

    def __contains__(self, text: str) -> bool:
        return text in str(self)


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
    setattr(made, "__hash__", lambda self: hash(_values(self)))  # noqa: B010
    return made


# followups: what to do now (core/followups.py)


@message
class ImpressionOwed(Told):
    mentor: str
    title: str  # the resource they recommended


@message
class ThanksOwed(Told):
    mentor: str
    met: date


@message
class RecapOwed(Told):
    mentor: str
    planned: date
    recap: Hint
    cancel: Hint


@message
class CancelToAnnounce(Told):
    mentor: str
    met: date
    notice: str | None


@message
class MoveToAnnounce(Told):
    mentor: str
    moved_from: date
    moved_to: date
    notice: str | None


@message
class UpdateOwed(Told):
    mentor: str
    since: date


@message
class PlanOwed(Told):
    mentor: str
    cadence: str | None
    due: date
    prep: Hint


@message
class ReviewOwed(Told):
    mentor: str
    review: Hint


@message
class ReviewEarly(Told):
    mentor: str


@message
class FeedbackOwed(Told):
    mentor: str


FollowUpMessage = (
    ImpressionOwed
    | ThanksOwed
    | RecapOwed
    | CancelToAnnounce
    | MoveToAnnounce
    | UpdateOwed
    | PlanOwed
    | ReviewOwed
    | ReviewEarly
    | FeedbackOwed
)

# Every kind of message (render/words.py gives each its words).
Message = FollowUpMessage
