"""File names a person can find, that can never leave the journal."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

MAX_SLUG = 60
_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def slugify(text: str, *, fallback: str) -> str:
    """`text` as `[a-z0-9-]`, at most 60 characters; `fallback` if nothing is left."""
    ascii_text = (
        unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    )
    slug = _NOT_SLUG.sub("-", ascii_text.lower()).strip("-")
    if len(slug) > MAX_SLUG:
        cut = slug[:MAX_SLUG]
        slug = cut.rsplit("-", 1)[0] if "-" in cut[MAX_SLUG // 2 :] else cut
        slug = slug.strip("-")
    return slug or fallback


def inside(folder: Path, name: str) -> Path:
    """`folder / name`, refusing anything that would land outside `folder`."""
    if not name or "/" in name or "\\" in name or name in (".", "..") or "\0" in name:
        raise ValueError(f"unsafe file name {name!r}")
    path = folder / name
    if path.resolve().parent != folder.resolve():
        raise ValueError(f"unsafe file name {name!r}")
    return path
