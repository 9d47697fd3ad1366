"""Conflicted copies: the files a sync tool makes beside a record when two
devices changed it at once. A record's file is the one at its own path; a
conflicted copy is never read as the record, never written to, and is named
(one warning per command, and by `doctor`) so the user can merge it.

The names, as each tool documents them, are copies by their name alone:

- Syncthing: `NAME.sync-conflict-YYYYMMDD-HHMMSS-DEVICEID.EXT` (before
  v0.14 without the device);
- a word "conflict" in brackets after the name: Dropbox's `NAME (conflicted
  copy).EXT`, `NAME (Someone's conflicted copy YYYY-MM-DD).EXT`, `NAME
  (Someone's conflicted copy YYYY-MM-DD (1)).EXT`, `NAME (Case
  Conflict).EXT`, `NAME (Selective Sync Conflict).EXT`; Nextcloud's and
  ownCloud's `NAME (conflicted copy YYYY-MM-DD HHMMSS).EXT`; Seafile's
  `NAME (SFConflict EMAIL DATE).EXT`;
- ownCloud (and older Nextcloud): `NAME_conflict-YYYYMMDD-HHMMSS.EXT`;
- `NAME.conflict.EXT`, `NAME.EXT.conflict` (Resilio and hand-made ones);
- git (a merge tool's backup): `NAME.EXT.orig`.

Every other copy is known by what it holds: a file with the id of another
file whose name is that file's name plus a suffix (OneDrive's
`NAME-COMPUTERNAME.EXT`, Google Drive's `NAME (1).EXT`, iCloud's `NAME
2.EXT`, `NAME_1.EXT`, `NAME (copy).EXT`, git's `NAME_LOCAL_1234.EXT`), or
plus a prefix (`Copy of NAME.EXT`), is a copy of it (`is_suffixed_copy`, see
`store.reader`). Such a name is also an ordinary one (`learn-rust-2.toml`),
so the name alone never makes it a copy. Record files are read sorted by
their name without the extension (`by_stem`), the prefixed ones after the
others (`reading_order`), so the original comes before its copies.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import TYPE_CHECKING

from mentorlog.errors import MentorlogError
from mentorlog.hints import hint

if TYPE_CHECKING:
    from mentorlog.messages import ConflictedCopy, HowToMergeCopy, OrphanCopy

# a bracket that may hold one more: "(Ada's conflicted copy 2026-11-22 (1))"
_BRACKETED = r"\((?:[^()]|\([^()]*\))*conflict(?:[^()]|\([^()]*\))*\)"

_COPIES = (
    re.compile(
        r"^(?P<stem>.+)\.sync-conflict-\d{8}-\d{6}(?:-[0-9A-Z]{7})?"
        r"(?P<ext>\.[^.]+)?$"
    ),
    re.compile(rf"^(?P<stem>.+?) {_BRACKETED}(?P<ext>\.[^.]+)?$", re.I),
    re.compile(r"^(?P<stem>.+)_conflict-\d{8}-\d{6}(?P<ext>\.[^.]+)?$"),
    re.compile(r"^(?P<stem>.+)\.conflict(?P<ext>\.[^.]+)?$", re.I),
    re.compile(r"^(?P<stem>.+)\.orig$"),
)


def sort_out(
    listed: list[str], extension: str
) -> tuple[list[str], list[tuple[str, str]]]:
    """Of the names in a record folder, the record files (not hidden, ending
    in `extension`, not a copy) and the conflicted copies with the name of
    their original, in the order listed. One loop for the whole folder."""
    records: list[str] = []
    copies: list[tuple[str, str]] = []
    orig = ".orig"
    for name in listed:
        if name[:1] == ".":
            continue
        # Checked in C, and enough for most names: every pattern needs
        # "conflict" (in any case) or ".orig"; a name with other letters goes
        # to the patterns (ignoring case, "ı" and "İ" match "i").
        if (
            name.isascii()
            and "conflict" not in name.lower()
            and not name.endswith(orig)
        ):
            if name.endswith(extension):
                records.append(name)
            continue
        original = original_of(name, extension)
        if original is not None:
            copies.append((name, original))
        elif name.endswith(extension):
            records.append(name)
    return records, copies


def original_of(name: str, extension: str) -> str | None:
    """The name of the record file `name` is a sync tool's conflicted copy of
    (one ending in `extension`); None when `name` is not one."""
    for pattern in _COPIES:
        found = pattern.match(name)
        if found is not None:
            original = found["stem"] + (found.groupdict().get("ext") or "")
            if original.endswith(extension) and not original.startswith("."):
                return original
    return None


# a record folder's names, sorted out: its record files, its copies (`sort_out`)
Listed = tuple[list[str], list[tuple[str, str]]]


def scan(root: Path, listed: dict[str, Listed] | None = None) -> list[tuple[str, str]]:
    """Every conflicted copy (by its name) in the record folders of the
    journal at `root`, as (copy, original) paths inside it; no link followed.
    Each folder's names, sorted out, go to `listed` (by folder) when given:
    the reader then need not list that folder again (see `store.reader`)."""
    from . import fs
    from .kinds import ALL_KINDS

    found = []
    for kind in ALL_KINDS:
        try:
            fd = fs.open_folder(root, kind.folder)
        except (OSError, MentorlogError):
            continue
        try:
            names = os.listdir(fd)  # names only: no file is opened or stat'ed
        except OSError:
            continue
        finally:
            os.close(fd)
        records, copies = sort_out(names, kind.extension)
        if listed is not None:
            listed[kind.folder] = records, copies
        for name, original in copies:
            found.append((f"{kind.folder}/{name}", f"{kind.folder}/{original}"))
    return sorted(found + scan_journal_files(root))


def scan_journal_files(root: Path) -> list[tuple[str, str]]:
    """Every conflicted copy (by its name) of the journal's own files that are
    no records: the settings (`mentorlog.toml`) and the agenda's template
    (`templates/agenda.md`), as (copy, original) paths; no link followed. The
    OneDrive shape is left out here: beside these files no record stands to
    tell a copy from a file of the user's own (`mentorlog-old.toml`)."""
    from . import fs
    from .paths import AGENDA_TEMPLATE, SETTINGS_FILE, TEMPLATES

    found = []
    for folder, original in (("", SETTINGS_FILE), (TEMPLATES, AGENDA_TEMPLATE)):
        try:
            fd = fs.open_folder(root, folder)
        except (OSError, MentorlogError):
            continue
        try:
            names = os.listdir(fd)
        except OSError:
            continue
        finally:
            os.close(fd)
        prefix = f"{folder}/" if folder else ""
        extension = "." + original.rpartition(".")[2]
        for name in names:
            if name[0] != "." and original_of(name, extension) == original:
                found.append((prefix + name, prefix + original))
    return sorted(found)


def is_record_copy(original: str) -> bool:
    """Whether `original` (a path inside the journal) is a record's file, one
    `edit` opens, rather than the settings or the agenda's template."""
    from .paths import AGENDA_TEMPLATE, SETTINGS_FILE, TEMPLATES

    return original not in (SETTINGS_FILE, f"{TEMPLATES}/{AGENDA_TEMPLATE}")


def by_stem(name: str) -> tuple[str, str]:
    """The sort key of a record file: its name without the extension first,
    so `learn-rust.toml` comes before `learn-rust (1).toml` and
    `learn-rust-2.toml` (by the whole name, " " and "-" sort before ".")."""
    stem, dot, _ = name.rpartition(".")
    return (stem if dot else name), name


def reading_order(names: list[str]) -> list[str]:
    """Record files sorted by name without the extension (`by_stem`), the
    files named as another listed file with words and a space before its name
    (`Copy of NAME.EXT`, `Copy (2) of NAME.EXT`) last: each original is read
    before its copies."""
    listed = set(names)

    def prefixed(name: str) -> bool:
        at = name.find(" ")
        while at >= 0:
            if name[at + 1 :] in listed:
                return True
            at = name.find(" ", at + 1)
        return False

    return sorted(names, key=lambda name: (prefixed(name), *by_stem(name)))


def is_suffixed_copy(name: str, original: str) -> bool:
    """Whether the name `name` is `original`'s name with words added after
    it, or before it and a space (`NAME-COMPUTERNAME.EXT`, `NAME (1).EXT`,
    `NAME 2.EXT`, `Copy of NAME.EXT`): the shape of every tool's copy. Only
    a file holding the same record as `original` is then a copy (see
    `store.reader`)."""
    stem, dot, extension = original.rpartition(".")
    if not dot or not name.endswith("." + extension) or name == original:
        return False
    named = name.removesuffix("." + extension)
    before, found, after = named.rpartition(stem)
    if not found:
        return False
    # words before it end with a space ("Copy of "): "learn-rust" is no copy
    # of "rust"
    return (not before or before[-1] == " ") and (not after or not after[0].isalnum())


def warning(copy: str, original: str) -> ConflictedCopy:
    """What every command says, once, of a conflicted copy."""
    from mentorlog.messages import ConflictedCopy

    return ConflictedCopy(copy, original, hint("doctor"))


def is_warning(message: object) -> bool:
    """Whether `message` is the `warning` of a conflicted copy."""
    from mentorlog.messages import ConflictedCopy

    return isinstance(message, ConflictedCopy)


def how_to_merge(copy: str, original: str, root: Path) -> HowToMergeCopy | OrphanCopy:
    """What `doctor` says of a conflicted copy in the journal at `root`; the
    commands it names run as shown in a shell, whatever the names hold (a
    Dropbox copy carries an apostrophe: "Ada's conflicted copy"): a record's
    copy is merged by editing the record. A copy whose original is gone
    (deleted on another device) is the only one left of what it holds: it is
    named so, with how to make it the record."""
    from mentorlog.messages import HowToMergeCopy, OrphanCopy

    if not os.path.lexists(root / original):
        return OrphanCopy(copy, original)
    edit = hint("edit", original) if is_record_copy(original) else None
    return HowToMergeCopy(copy, original, edit)
