"""Every command mentorlog suggests is written here, as a command line.

The core says which command (`mentorlog.hints.Hint`: the words after
`mentorlog`); this module writes it: `mentorlog` and the words, a user's value
quoted for a POSIX shell (`shlex.quote`) so the line can be pasted as it is,
a `Slot` (`NAME`, `"..."`) as written. What is printed still goes through the
sink (`render.output`), which cleans every byte.
"""

from __future__ import annotations

import shlex
from typing import TYPE_CHECKING

from mentorlog.hints import Hint, Said, Slot, Words, hint

if TYPE_CHECKING:
    from mentorlog.messages import Message


def command_line(hint: Hint) -> str:
    """`mentorlog prep ab12`: the command line of `hint`."""
    words = (w if isinstance(w, Slot) else shlex.quote(w) for w in hint.words)
    return " ".join(("mentorlog", *words))


def command(*words: str) -> str:
    """`command("recap", short)`: the command line of `hint(*words)`, for a
    line written here in render (a `Slot` word written as is)."""
    return command_line(hint(*words))


def said_text(said: Said) -> str:
    """The plain line of `said`: its text, its commands written in place."""
    return "".join(p if isinstance(p, str) else command_line(p) for p in said.parts)


def text(words: Words | Message | None) -> str:
    """Plain words, words with commands or a message as one plain line ("" for
    none)."""
    if words is None:
        return ""
    return words if isinstance(words, str) else str(words)
