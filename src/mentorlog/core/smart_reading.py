"""What the title judge (core.smart_title) says of a goal's title: a verdict
per part. Kept apart from the judge so a remembered reading can be rebuilt
without compiling the judge's grammar."""

from __future__ import annotations

from typing import Literal, NamedTuple

__all__ = ["Outcome", "Reading", "Verdict"]

Outcome = Literal["pass", "fail", "unsure"]


class Verdict(NamedTuple):  # a tuple: built thousands of times a check
    outcome: Outcome
    phrase: str = ""  # the words of the title the verdict rests on
    why: str = ""  # vague, comparative, topic, event ... (for the message)


class Reading(NamedTuple):
    english: bool
    specific: Verdict
    measurable: Verdict
    time: Verdict
    time_phrases: tuple[str, ...] = ()  # every phrase that says when
