"""Which record a reference the user typed names: the one resolver for every
kind. The order is `match_ref`'s; docs/guide.md ("References") says it too."""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from mentorlog.errors import AmbiguousError, DataError, NotFoundError
from mentorlog.messages import errors as e
from mentorlog.sink import clean

from .ids import SHORT_MIN, random_part
from .records import Kind, Loaded, Stored
from .slugs import slugify

if TYPE_CHECKING:
    from mentorlog.models import Record

R = TypeVar("R", bound="Record")


def resolve(kind: Kind[R], ref: str, loaded: Loaded[R]) -> Stored[R]:
    """The one record of `loaded` that `ref` names (`AmbiguousError` listing the
    candidates when several do; the problem of a broken file it names; else
    `NotFoundError` suggesting near names)."""
    matches = match_ref(ref, loaded.records, kind)
    if len(matches) == 1:
        return matches[0]
    if len(matches) > 1:
        listed = tuple(
            f"{loaded.short[m.record.id]} {kind.label(m.record)}" for m in matches[:8]
        )
        more = max(len(matches) - 8, 0)
        raise AmbiguousError(
            e.RefMatchesMany(ref, len(matches), kind.folder, listed, more)
        )
    needle = normal(ref)
    for problem in loaded.problems:
        stem = Path(problem.path).name.removesuffix(kind.extension)
        if needle and stem.startswith(slugify(needle, fallback=needle)):
            raise DataError(problem.path, problem.line, problem.message)
    near = suggestions(ref, loaded.records, kind)
    raise NotFoundError(e.RefMatchesNone(kind.name, ref, tuple(near)))


def normal(text: str) -> str:
    """Text as references compare it: NFC, case-folded, spaces collapsed, so
    "STRASSE" finds "Straße" and a decomposed "é" finds a composed one.
    Controls and escape sequences go first, as they went from every saved
    name (`sink.clean`), so "Zed\x07" finds "Zed"."""
    plain = clean(text, stored=True)
    return " ".join(unicodedata.normalize("NFC", plain).casefold().split())


def is_open(record: Record) -> bool:
    """Still in play: an open action, an active goal or mentor, a planned
    session, feedback not yet applied, a resource not yet done."""
    status = getattr(record, "status", None)
    if status is not None:
        return status in ("open", "active", "planned")
    from mentorlog.models import Feedback, Resource

    if isinstance(record, Feedback):
        return not record.applied
    if isinstance(record, Resource):
        return not record.done
    return True


_WORD_START = re.compile(r"(?<!\w)\w")


def word_starts(text: str) -> list[str]:
    """`text` from each of its words on: "dr. helen okafor", "helen okafor",
    "okafor"."""
    return [text[found.start() :] for found in _WORD_START.finditer(text)]


def match_ref(ref: str, records: list[Stored[R]], kind: Kind[R]) -> list[Stored[R]]:
    """Records `ref` names, in this order, the first step that finds any wins:

    1. the id, or a short id (a prefix of the id's random half, or of the id);
    2. the full name or text, or the file's name;
    3. a prefix of the file's slug, or of the name or text;
    4. a prefix of any word of the name or text (`helen` for "Dr. Helen Okafor").

    Text is compared NFC-normalised and case-folded. At steps 3 and 4, records
    still in play (`is_open`) are looked for first, so a done action never makes
    an open one ambiguous; closed ones are found when no open one matches."""
    needle = normal(ref)
    if not needle:
        return []
    slug = slugify(needle, fallback="")
    labels = {id(s): normal(kind.label(s.record)) for s in records}

    def label(s: Stored[R]) -> str:
        return labels[id(s)]

    exact: list[Callable[[Stored[R]], bool]] = [
        lambda s: s.record.id == needle or random_part(s.record.id) == needle,
        lambda s: (
            len(needle) >= SHORT_MIN
            and (
                s.record.id.startswith(needle)
                or random_part(s.record.id).startswith(needle)
            )
        ),
        lambda s: label(s) == needle or s.path.stem == needle,
    ]
    for matches_tier in exact:
        found = [s for s in records if matches_tier(s)]
        if found:
            return _open_first(found)
    prefix: list[Callable[[Stored[R]], bool]] = [
        lambda s: (
            s.path.stem.startswith(needle)
            or (bool(slug) and s.path.stem.startswith(slug))
            or label(s).startswith(needle)
            or random_part(s.record.id).startswith(needle)
        ),
        lambda s: any(start.startswith(needle) for start in word_starts(label(s))),
    ]
    still_open = [s for s in records if is_open(s.record)]
    for pool in (still_open, records):
        for matches_tier in prefix:
            found = [s for s in pool if matches_tier(s)]
            if found:
                return found
    return []


def _open_first(found: list[Stored[R]]) -> list[Stored[R]]:
    still_open = [s for s in found if is_open(s.record)]
    return still_open or found


def suggestions(ref: str, records: list[Stored[R]], kind: Kind[R]) -> list[str]:
    """Up to three names close to `ref` (difflib), as the user would type them."""
    needle = normal(ref)
    by_text: dict[str, str] = {}
    for stored in sorted(records, key=lambda s: not is_open(s.record)):
        shown = kind.label(stored.record)
        whole = normal(shown)
        by_text.setdefault(whole, shown)
        for word in whole.split():
            by_text.setdefault(word.strip(".,;:()[]\"'"), shown)
    close = difflib.get_close_matches(needle, list(by_text), n=6, cutoff=0.6)
    named: list[str] = []
    for text in close:
        shown = f'"{by_text[text]}"'
        if shown not in named:
            named.append(shown)
    return named[:3]
