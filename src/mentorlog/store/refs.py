"""Which record a reference the user typed names: an id, a short id, a prefix
of an id or a file's slug, or a name."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from mentorlog.errors import AmbiguousError, DataError, NotFoundError

from .ids import random_part
from .records import Kind, Loaded, Stored
from .slugs import slugify

if TYPE_CHECKING:
    from mentorlog.models import Record

R = TypeVar("R", bound="Record")


def resolve(kind: Kind[R], ref: str, loaded: Loaded[R]) -> Stored[R]:
    """The one record of `loaded` that `ref` names (`AmbiguousError` when
    several do; the problem of a broken file it names; else `NotFoundError`)."""
    matches = match_ref(ref, loaded.records, kind)
    if len(matches) == 1:
        return matches[0]
    if len(matches) > 1:
        listed = "; ".join(
            f"{loaded.short[m.record.id]} {kind.label(m.record)}" for m in matches[:8]
        )
        more = f" and {len(matches) - 8} more" if len(matches) > 8 else ""
        raise AmbiguousError(
            f'"{ref}" matches {len(matches)} {kind.folder}: {listed}{more}; '
            "use more characters of the id"
        )
    needle = ref.strip().lower()
    for problem in loaded.problems:
        stem = Path(problem.path).name.removesuffix(kind.extension)
        if needle and stem.startswith(slugify(needle, fallback=needle)):
            raise DataError(problem.path, problem.line, problem.message)
    raise NotFoundError(f'no {kind.name} matches "{ref}"')


def match_ref(ref: str, records: list[Stored[R]], kind: Kind[R]) -> list[Stored[R]]:
    """Records `ref` names, best tier first: exact id, exact name, exact slug, then
    any prefix (of the id, of its random half, of the file's slug, of the name)."""
    needle = " ".join(ref.split()).lower()
    if not needle:
        return []
    slug = slugify(needle, fallback="")
    tiers: list[Callable[[Stored[R]], bool]] = [
        lambda s: s.record.id == needle,
        lambda s: " ".join(kind.label(s.record).split()).lower() == needle,
        lambda s: s.path.stem == needle,
        lambda s: (
            s.record.id.startswith(needle)
            or random_part(s.record.id).startswith(needle)
            or s.path.stem.startswith(needle)
            or (bool(slug) and s.path.stem.startswith(slug))
            or " ".join(kind.label(s.record).split()).lower().startswith(needle)
        ),
    ]
    for matches_tier in tiers:
        found = [s for s in records if matches_tier(s)]
        if found:
            return found
    return []
