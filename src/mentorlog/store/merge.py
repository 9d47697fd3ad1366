"""The record-aware merge git uses for mentorlog's own files (issue 19).

Git merges text by line, so two devices changing neighbouring lines of one
record (milestone 1 ticked here, milestone 2 there) conflict. This driver
merges three ways on the parsed records instead:

- a field changed on one side only takes that side;
- tables in a list (milestones, moves) are matched by identity (`id`, else
  `title`, else `text`, else the whole table) and merged one by one;
- lists of plain values (topics, questions, bring, expertise, needs...) are
  sets: what either side added is kept, what one side removed goes;
- the Markdown body (after the front matter) merges by line (`git merge-file`);
  where both changed the same lines, both versions are kept in the prose,
  between two notes, never between conflict markers;
- the same field changed differently on both sides: the later change wins
  (the time of the last commit that touched the file on each side, as git
  recorded it) and the value that lost is kept in the record, under
  `[[merge_conflicts]]`, which `doctor` lists.

The result is a file mentorlog parses: never a conflict marker in it. git runs
the driver as `mentorlog merge-driver %O %A %B %P` (the command lives in the
local `.git/config`, which is never synced; a pulled `.gitattributes` can only
name the driver, not choose what runs).
"""

from __future__ import annotations

import json
import os
import subprocess
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from mentorlog.errors import DataError

from . import gitrun, tomlfile

CONFLICTS = "merge_conflicts"  # the key of the notes of values that lost
DRIVER = "mentorlog"  # the name .gitattributes gives the driver

# The files the driver merges; every other file is git's own line merge.
PATTERNS = (
    "/mentorlog.toml",
    "/goals/*.toml",
    "/mentors/*.md",
    "/sessions/*.md",
    "/actions/*.toml",
    "/feedback/*.toml",
    "/resources/*.toml",
    "/log/*.toml",
)

_MISSING: Any = object()


class Merge:
    """One three-way merge of parsed data; `lost` collects the notes."""

    def __init__(self, ours_later: bool) -> None:
        self.ours_later = ours_later
        self.lost: list[dict[str, Any]] = []

    def value(self, base: Any, ours: Any, theirs: Any, where: str) -> Any:
        if _same(ours, theirs):
            return ours
        if _same(base, ours):
            return theirs
        if _same(base, theirs):
            return ours
        if isinstance(ours, dict) and isinstance(theirs, dict):
            return self.table(
                base if isinstance(base, dict) else {}, ours, theirs, where
            )
        if isinstance(ours, list) and isinstance(theirs, list):
            old = base if isinstance(base, list) else []
            if _all_tables(ours) and _all_tables(theirs) and _all_tables(old):
                return self.tables(old, ours, theirs, where)
            if not any(isinstance(v, dict | list) for v in (*ours, *theirs)):
                return _set_merge(old, ours, theirs)
        if ours is _MISSING or theirs is _MISSING:
            # removed on one side, changed on the other: nothing is lost
            return theirs if ours is _MISSING else ours
        return self.clash(ours, theirs, where)

    def clash(self, ours: Any, theirs: Any, where: str) -> Any:
        kept, lost = (ours, theirs) if self.ours_later else (theirs, ours)
        note: dict[str, Any] = {"field": where, "kept": kept, "lost": lost}
        self.lost.append(note)
        return kept

    def table(
        self,
        base: dict[str, Any],
        ours: dict[str, Any],
        theirs: dict[str, Any],
        where: str,
    ) -> dict[str, Any]:
        merged: dict[str, Any] = {}
        keys = list(ours) + [k for k in theirs if k not in ours]
        for key in keys:
            if key == CONFLICTS and not where:
                continue  # merged after: notes from both sides are kept
            value = self.value(
                base.get(key, _MISSING),
                ours.get(key, _MISSING),
                theirs.get(key, _MISSING),
                f"{where}.{key}" if where else key,
            )
            if value is not _MISSING:
                merged[key] = value
        return merged

    def tables(
        self,
        base: list[dict[str, Any]],
        ours: list[dict[str, Any]],
        theirs: list[dict[str, Any]],
        where: str,
    ) -> list[dict[str, Any]]:
        olds, mine, other = _keyed(base), _keyed(ours), _keyed(theirs)
        order = list(mine) + [key for key in other if key not in mine]
        merged = []
        for key in order:
            label = f"{where}[{key[1]}]"
            value = self.value(
                olds.get(key, _MISSING),
                mine.get(key, _MISSING),
                other.get(key, _MISSING),
                label,
            )
            if value is not _MISSING:
                merged.append(value)
        return merged


def _same(a: Any, b: Any) -> bool:
    return a is b or (
        a is not _MISSING and b is not _MISSING and a == b and type(a) is type(b)
    )


def _all_tables(items: list[Any]) -> bool:
    return all(isinstance(item, dict) for item in items)


def _keyed(items: list[dict[str, Any]]) -> dict[Any, dict[str, Any]]:
    """Tables by identity; two with one identity (two milestones with one
    title) are told apart by their order, so neither is lost."""
    keyed: dict[Any, dict[str, Any]] = {}
    for item in items:
        key = _identity(item)
        while key in keyed:
            key = (*key, "again")
        keyed[key] = item
    return keyed


def _identity(item: dict[str, Any]) -> Any:
    for key in ("id", "title", "text"):
        if isinstance(item.get(key), str):
            return (key, item[key])
    return ("whole", json.dumps(item, sort_keys=True, default=str))


def _set_merge(base: list[Any], ours: list[Any], theirs: list[Any]) -> list[Any]:
    """Both sides' additions, neither side's removals, in `ours`' order."""
    removed = [item for item in base if item not in ours or item not in theirs]
    merged = [item for item in ours if item not in removed]
    for item in theirs:
        if item not in merged and item not in removed:
            merged.append(item)
    return merged


def merge_data(
    base: dict[str, Any], ours: dict[str, Any], theirs: dict[str, Any], ours_later: bool
) -> dict[str, Any]:
    """The three-way merge of one record's data; a clash adds a note."""
    job = Merge(ours_later)
    merged = job.table(base, ours, theirs, "")
    notes = _set_merge(
        base.get(CONFLICTS, []), ours.get(CONFLICTS, []), theirs.get(CONFLICTS, [])
    )
    if job.lost:
        stamp = datetime.now(UTC).replace(microsecond=0)
        notes += [{**note, "merged": stamp} for note in job.lost]
    if notes:
        merged[CONFLICTS] = notes
    return merged


# -- prose ------------------------------------------------------------------

BOTH_START = (
    "<!-- mentorlog merge: both devices changed this part; both versions follow -->"
)
BOTH_MIDDLE = "<!-- mentorlog merge: the other version -->"
BOTH_END = "<!-- mentorlog merge: end of both versions; keep what you want -->"


def merge_prose(base: str, ours: str, theirs: str) -> str:
    """A line merge by git itself; where both changed the same lines, both
    versions are kept between notes (no conflict marker is left)."""
    if ours == theirs or base == theirs:
        return ours
    if base == ours:
        return theirs
    with tempfile.TemporaryDirectory(prefix="mentorlog-merge-") as folder:
        paths = []
        for name, text in (("ours", ours), ("base", base), ("theirs", theirs)):
            path = Path(folder) / name
            path.write_text(text, encoding="utf-8")
            paths.append(str(path))
        done = gitrun.run(
            Path(folder),
            "merge-file",
            "-p",
            "-L",
            "ours",
            "-L",
            "base",
            "-L",
            "theirs",
            *paths,
            timeout=60,
        )
    if done.returncode < 0 or done.returncode > 127:
        raise OSError(f"git merge-file failed: {done.stderr.strip()}")
    if done.returncode == 0:
        return done.stdout
    out = []
    for line in done.stdout.splitlines(keepends=True):
        bare = line.rstrip("\n")
        if bare == "<<<<<<< ours":
            out.append(BOTH_START + "\n")
        elif bare == "=======":
            out.append(BOTH_MIDDLE + "\n")
        elif bare == ">>>>>>> theirs":
            out.append(BOTH_END + "\n")
        else:
            out.append(line)
    return "".join(out)


# -- files ------------------------------------------------------------------


def merge_text(
    base: str, ours: str, theirs: str, relpath: str, ours_later: bool
) -> str:
    """The merged text of one mentorlog file; `DataError` if a side does not
    parse (git's own line merge is then used)."""
    markdown = relpath.endswith(".md")
    parts = [_split(text, relpath, markdown) for text in (base, ours, theirs)]
    (base_front, base_body), (our_front, our_body), (their_front, their_body) = parts
    datas = [
        tomlfile.loads(front, relpath) for front in (base_front, our_front, their_front)
    ]
    merged = merge_data(datas[0], datas[1], datas[2], ours_later)
    if our_front == tomlfile.dumps(datas[1]) or datas[1] == {}:
        front = tomlfile.dumps(_ordered(merged, datas[1], datas[2]))
    else:  # hand-edited: keep its comments and layout
        front = tomlfile.rewrite(
            our_front, datas[1], _ordered(merged, datas[1], datas[2])
        )
    if not markdown:
        return front
    body = merge_prose(base_body, our_body, their_body)
    return tomlfile.compose(front, body)


def _ordered(
    merged: dict[str, Any], ours: dict[str, Any], theirs: dict[str, Any]
) -> dict[str, Any]:
    """Ours' key order, then what theirs added in theirs' order, the notes last."""
    keys = [k for k in ours if k in merged and k != CONFLICTS]
    keys += [k for k in theirs if k in merged and k not in keys and k != CONFLICTS]
    keys += [k for k in merged if k not in keys and k != CONFLICTS]
    result = {key: merged[key] for key in keys}
    if CONFLICTS in merged:
        result[CONFLICTS] = merged[CONFLICTS]
    return result


def _split(text: str, relpath: str, markdown: bool) -> tuple[str, str]:
    if not text.strip():  # a file added on both sides has no base
        return "", ""
    if not markdown:
        return text, ""
    front, body, _ = tomlfile.split_front_matter(text, relpath)
    return front, body


def _side_time(root: Path, ref: str, relpath: str) -> int | None:
    """When `ref` last changed `relpath` (the author time git recorded)."""
    try:
        done = gitrun.run(
            root, "log", "-1", "--format=%at", ref, "--", relpath, timeout=60
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    stamp = done.stdout.strip()
    return int(stamp) if done.returncode == 0 and stamp.isdigit() else None


def _commit_being_replayed(root: Path) -> str | None:
    """The commit a rebase is replaying now. git writes REBASE_HEAD only when
    a pick stops; while the merge driver runs, the pick being made is the last
    line of the rebase's `done` list ("pick <sha> <subject>")."""
    try:
        done = (root / ".git" / "rebase-merge" / "done").read_text("utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    for line in reversed(done.splitlines()):
        words = line.split()
        if len(words) >= 2 and words[0] in ("pick", "p", "reword", "r", "edit", "e"):
            sha = words[1]
            return sha if all(c in "0123456789abcdef" for c in sha) else None
    return None


def ours_is_later(root: Path, relpath: str) -> bool:
    """Whether our side changed the file after theirs did. In a rebase (what
    `sync` does) ours is what was pulled and theirs the local change being
    replayed; in a merge, theirs is MERGE_HEAD. A tie goes to theirs."""
    theirs_ref = next(
        (
            name
            for name in ("REBASE_HEAD", "MERGE_HEAD", "CHERRY_PICK_HEAD")
            if (root / ".git" / name).exists()
        ),
        None,
    ) or _commit_being_replayed(root)
    ours = _side_time(root, "HEAD", relpath)
    theirs = _side_time(root, theirs_ref, relpath) if theirs_ref else None
    if ours is None or theirs is None:
        return False
    return ours > theirs


def driver(base: str, ours: str, theirs: str, relpath: str) -> int:
    """What git runs (`%O %A %B %P`): write the merge into `ours`; 0 when it
    merged, 1 (git's own line merge written, markers and all) when a side is
    not a record mentorlog reads."""
    paths = [Path(base), Path(ours), Path(theirs)]
    texts = [
        path.read_bytes().decode("utf-8", "replace").removeprefix("\ufeff")
        for path in paths
    ]
    try:
        merged = merge_text(
            texts[0], texts[1], texts[2], relpath, ours_is_later(Path.cwd(), relpath)
        )
    except (DataError, ValueError, TypeError) as error:
        os.write(2, f"mentorlog merge-driver: {relpath}: {error}\n".encode())
        done = gitrun.run(
            Path.cwd(),  # git runs the driver at the top of the journal
            "merge-file",
            "-L",
            "ours",
            "-L",
            "base",
            "-L",
            "theirs",
            ours,
            base,
            theirs,
            timeout=60,
        )
        return 1 if done.returncode != 0 else 0
    paths[1].write_text(merged, encoding="utf-8")
    return 0
