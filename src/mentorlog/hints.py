"""Commands the core suggests, as data: the core says *which* command, the
rendering layer (`render/hints.py`, the one place) writes it as a command line.

A `Hint` is the words after `mentorlog`, as a shell would pass them: a user's
value is one word however it is spelled (the writer quotes it), and a `Slot`
is a word for the user to fill in (`NAME`, `"..."`, `<date>`), written as is.
`Said` is a sentence with hints in it: text and hints, in order. It is what
a result, a follow-up, a checklist item, a coach finding or an error carries;
`str()` of it is the plain line (`render.hints.said_text`).
"""

from __future__ import annotations

from mentorlog._struct import struct


class Slot(str):
    """A word the user fills in: written as it is, never quoted."""

    __slots__ = ()


# the words users fill in most
DATE = Slot("DATE")
TEXT = Slot('"..."')


@struct(frozen=True)
class Hint:
    """A command to suggest: its words after `mentorlog`."""

    words: tuple[str, ...]


def hint(*words: str) -> Hint:
    """`hint("prep", short)`: the command `mentorlog prep <short>`."""
    return Hint(tuple(words))


class Said:
    """Words for people with commands in them."""

    __slots__ = ("parts",)

    def __init__(self, *parts: str | Hint) -> None:
        joined: list[str | Hint] = []
        for part in parts:  # next words joined: one way to hold a sentence
            if isinstance(part, str) and joined and isinstance(joined[-1], str):
                joined[-1] += part
            elif part != "":
                joined.append(part)
        self.parts: tuple[str | Hint, ...] = tuple(joined)

    @property
    def hints(self) -> tuple[Hint, ...]:
        return tuple(part for part in self.parts if isinstance(part, Hint))

    def __str__(self) -> str:
        from mentorlog.render.hints import said_text

        return said_text(self)

    def __contains__(self, text: str) -> bool:
        return text in str(self)

    def __add__(self, other: str | Said) -> Said:
        more = other.parts if isinstance(other, Said) else (other,)
        return Said(*self.parts, *more)

    def __radd__(self, other: str) -> Said:
        return Said(other, *self.parts)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Said):
            return self.parts == other.parts
        return isinstance(other, str) and str(self) == other

    def __hash__(self) -> int:  # equal to its plain line: hashed as that line
        return hash(str(self))

    def __repr__(self) -> str:
        return f"Said{self.parts!r}"


# What a message may be: plain words, or words with commands in them.
Words = str | Said
