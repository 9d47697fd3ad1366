"""Record ids: time-ordered, random, and never colliding across devices.

An id is a ULID spelled in lower-case Crockford base32: 10 characters of
milliseconds since 1970, then 16 random characters (80 bits). Ids sort by
creation time; two devices creating records at the same moment still pick
different ids. Listings show the first characters of the random half, just
enough of them to tell the records of one kind apart (at least four).
"""

from __future__ import annotations

import itertools
import os
import time
from collections.abc import Iterable, Iterator, Mapping

ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz"
ID_LENGTH = 26
TIME_LENGTH = 10
SHORT_MIN = 4


_last_ms = [0]


def new_id(now_ms: int | None = None) -> str:
    """A fresh id for a record created now.

    Within one process the time half strictly increases (a record made in the
    same millisecond as the one before counts as a millisecond later), so the
    records of one command sort in the order it made them: the actions of one
    recap keep the order they were typed in."""
    if now_ms is None:
        ms = max(time.time_ns() // 1_000_000, _last_ms[0] + 1)
        _last_ms[0] = ms
    else:
        ms = now_ms
    value = (ms << 80) | int.from_bytes(os.urandom(10), "big")
    chars = [ALPHABET[(value >> (5 * i)) & 31] for i in range(ID_LENGTH)]
    return "".join(reversed(chars))


def random_part(record_id: str) -> str:
    return record_id[TIME_LENGTH:]


def short_length(ids: Iterable[str]) -> int:
    """The fewest characters of the random half that tell all `ids` apart (at
    least `SHORT_MIN`, at most the whole half). Sorted, the longest prefix any
    two share is one two neighbours share: one sort and one pass."""
    parts = sorted(random_part(i) for i in ids)
    longest = 0  # the longest prefix two of them share
    for before, after in itertools.pairwise(parts):
        if before[: longest + 1] != after[: longest + 1]:
            continue  # they share no more than `longest`
        shared = longest + 1
        while shared < len(before) and before[shared] == after[shared]:
            shared += 1
        longest = shared
    return min(max(SHORT_MIN, longest + 1), ID_LENGTH - TIME_LENGTH)


def short_ids(ids: Iterable[str]) -> dict[str, str]:
    """Map each id to its short form, unique among `ids`."""
    all_ids = list(ids)
    length = short_length(all_ids)
    return {i: random_part(i)[:length] for i in all_ids}


class ShortIds(Mapping[str, str]):
    """`short_ids`, worked out on first use: a command that reads ten thousand
    records to count them never shows their short ids."""

    __slots__ = ("_ids", "_length")

    def __init__(self, ids: Mapping[str, object]) -> None:
        self._ids = ids
        self._length: int | None = None

    def __getitem__(self, record_id: str) -> str:
        if record_id not in self._ids:
            raise KeyError(record_id)
        if self._length is None:
            self._length = short_length(self._ids)
        return random_part(record_id)[: self._length]

    def __iter__(self) -> Iterator[str]:
        return iter(self._ids)

    def __len__(self) -> int:
        return len(self._ids)
