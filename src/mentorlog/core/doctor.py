"""`doctor`: read every file of the journal and list every problem."""

from __future__ import annotations

import contextlib
import stat
from dataclasses import field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mentorlog._struct import struct
from mentorlog.core.editing import DRAFTS
from mentorlog.errors import DataError, LinkError, MentorlogError
from mentorlog.store import cache, fs, undo
from mentorlog.store.atomic import is_temp, remove_stale_temps
from mentorlog.store.journal import (
    AGENDA_TEMPLATE,
    LOCK_FILE,
    SETTINGS_FILE,
    TEMPLATES,
    Journal,
    Kind,
    Problem,
)
from mentorlog.store.kinds import ALL_KINDS
from mentorlog.store.undo import UNDO_FILE

if TYPE_CHECKING:
    from mentorlog.models import Model


@struct
class DoctorReport:
    root: Path
    exists: bool
    checked: int = 0
    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def as_json(self) -> dict[str, object]:
        return {
            "journal": str(self.root),
            "checked": self.checked,
            "problems": [
                {"path": p.path, "line": p.line, "message": p.message}
                for p in self.problems
            ],
            "notes": self.notes,
        }


def _value(value: object) -> str:
    """A value as the user wrote it: a date as ISO, text quoted."""
    if isinstance(value, date):
        return value.isoformat()
    return repr(value) if isinstance(value, str) else str(value)


def merge_notes(relpath: str, record: Model) -> list[str]:
    """What the record merge of a sync kept aside (`store.merge`): the values
    that lost when both devices changed one field."""
    from mentorlog.store.merge import CONFLICTS

    notes = (record.model_extra or {}).get(CONFLICTS)
    if not isinstance(notes, list):
        return []
    said = []
    for note in notes:
        if not isinstance(note, dict):
            continue
        lost = _value(note.get("lost", "(removed)"))
        said.append(
            f"{relpath}: both devices changed {note.get('field', '?')}: kept "
            f"{_value(note.get('kept', '(removed)'))}, the other device's {lost} is "
            f"kept under [[{CONFLICTS}]] (mentorlog edit {relpath} to settle it)"
        )
    return said


def run_doctor(journal: Journal) -> DoctorReport:
    """Read every file of the journal; list each problem as `path:line:
    message` (SPEC §2 `doctor`, §7.4) and note what needs no fixing."""
    report = DoctorReport(root=journal.root, exists=journal.exists())
    if journal.root.exists() and not journal.root.is_dir():
        report.problems.append(
            Problem(
                str(journal.root), None, "a file stands where the journal should be"
            )
        )
        return report
    if not journal.root.exists():
        report.notes.append("no journal here yet: `mentorlog init` creates one")
        return report
    links = _links(journal)
    report.problems.extend(links)
    linked = {problem.path for problem in links}
    if UNDO_FILE not in linked:
        _check_undo_log(journal, report)
    _check_settings(journal, report)
    for kind in ALL_KINDS:
        _check_folder(journal, kind, linked, report)
    _check_git(journal, report)
    _tidy(journal, report, lock_linked=LOCK_FILE in linked)
    # what was said as a warning on the way is a problem here: said once
    journal.warnings[:] = [w for w in journal.warnings if "symbolic link" not in w]
    return report


def _check_settings(journal: Journal, report: DoctorReport) -> None:
    settings = journal.kind_of(journal.settings_path)
    if settings == "link":
        report.checked += 1  # named with the links
    elif settings is not None:
        report.checked += 1
        try:
            report.notes.extend(merge_notes(SETTINGS_FILE, journal.settings()))
        except DataError as error:
            report.problems.append(Problem.from_error(error))
    else:
        report.notes.append("mentorlog.toml is missing: `mentorlog init` writes it")
    if journal.kind_of(journal.template_path) is None:
        report.notes.append(
            "templates/agenda.md is missing: `mentorlog init` writes the default"
        )


def _check_folder(
    journal: Journal, kind: Kind[Any], linked: set[str], report: DoctorReport
) -> None:
    """Every record of `kind`, and whatever else stands in its folder."""
    folder = journal.folder(kind)
    found = journal.kind_of(folder)
    if found not in (None, "folder", "link"):
        report.problems.append(
            Problem(kind.folder, None, "a file stands where a folder should be")
        )
        return
    loaded = journal.load(kind)
    report.checked += len(loaded.records) + len(loaded.problems)
    report.problems.extend(p for p in loaded.problems if p.path not in linked)
    for stored in loaded.records:
        report.notes.extend(merge_notes(journal.relative(stored.path), stored.record))
    if found != "folder":
        return
    for name, mode in fs.listdir(journal.root, kind.folder):
        entry = folder / name
        if is_temp(entry) or name.startswith("."):
            continue
        if stat.S_ISLNK(mode):
            if not name.endswith(kind.extension):  # else reported by load()
                report.problems.append(
                    Problem.from_error(LinkError(f"{kind.folder}/{name}"))
                )
        elif stat.S_ISDIR(mode) and name.endswith(kind.extension):
            continue  # already reported by load(): a folder where a file goes
        elif stat.S_ISDIR(mode):
            report.problems.append(
                Problem(journal.relative(entry), None, "unexpected folder")
            )
        elif not name.endswith(kind.extension):
            report.notes.append(
                f"{journal.relative(entry)}: not a {kind.extension} file; "
                "mentorlog ignores it"
            )


def _tidy(journal: Journal, report: DoctorReport, *, lock_linked: bool) -> None:
    """Drafts kept, modes made private again, temp files of killed writes."""
    drafts = journal.root / ".drafts"
    kept = (
        fs.listdir(journal.root, ".drafts")
        if journal.kind_of(drafts) == "folder"
        else []
    )
    if kept:
        report.notes.append(
            f"{len(kept)} draft{'s' if len(kept) != 1 else ''} from unfinished edits "
            f"in {drafts}: copy what you need, then delete them"
        )
    from mentorlog.store.gitsync import harden

    loosened = harden(journal.root)
    if loosened:
        report.notes.append(
            f"made {loosened} file{'s' if loosened != 1 else ''} and folders private "
            "again (0600/0700): another tool had written them"
        )
    stale = _temp_files(journal)
    if stale and not lock_linked:
        with journal.transaction():
            for folder in {p.parent for p in stale}:
                remove_stale_temps(folder, root=journal.root)
        report.notes.append(
            f"removed {len(stale)} temp file{'s' if len(stale) != 1 else ''} "
            "left by an interrupted write"
        )


def _check_git(journal: Journal, report: DoctorReport) -> None:
    """What git holds that the files do not show: commits a sync left out of
    the working tree, and a lock a stopped git left that blocks every commit."""
    from mentorlog.store import gitsync

    if not (journal.root / ".git").is_dir():
        return
    missing = gitsync.not_in_working_tree(journal.root)
    if missing:
        shown = "; ".join(missing[:10]) + (
            f"; and {len(missing) - 10} more" if len(missing) > 10 else ""
        )
        report.problems.append(
            Problem(
                ".git",
                None,
                f"{len(missing)} commit{'s' if len(missing) != 1 else ''} of the "
                f"journal {'are' if len(missing) != 1 else 'is'} not in its files, "
                f"so no listing shows them ({shown}): mentorlog sync --abort puts "
                "them back, or finish the sync (mentorlog sync says how)",
            )
        )
    lock = gitsync.stale_index_lock(journal.root)
    if lock is not None:
        report.problems.append(
            Problem(".git/index.lock", None, gitsync.how_to_clear(lock))
        )


def _check_undo_log(journal: Journal, report: DoctorReport) -> None:
    """A recovery log this machine did not write for this journal is a
    problem: named here, removed without being replayed."""
    if not undo.untrusted(journal.root):
        return
    report.problems.append(
        Problem(
            undo.UNDO_FILE,
            None,
            "a recovery log this machine did not write for this journal (from "
            "another device or a copy?): removed without replaying it",
        )
    )
    before = len(journal.warnings)
    with contextlib.suppress(MentorlogError), journal.transaction():
        pass  # the transaction removes it, under the lock
    del journal.warnings[before:]  # said once, as the problem above


def _temp_files(journal: Journal) -> list[Path]:
    found: list[Path] = []
    for rel in ["", *(k.folder for k in ALL_KINDS)]:
        try:
            entries = fs.listdir(journal.root, rel)
        except LinkError:
            continue
        folder = journal.root / rel if rel else journal.root
        found.extend(
            folder / name
            for name, mode in entries
            if stat.S_ISREG(mode) and is_temp(folder / name)
        )
    return found


# Where mentorlog keeps a file or a folder of its own, outside the record
# folders (whose entries `Journal.load` checks): (path, is a folder).
OWN_PATHS = (
    (SETTINGS_FILE, False),
    (TEMPLATES, True),
    (f"{TEMPLATES}/{AGENDA_TEMPLATE}", False),
    (LOCK_FILE, False),
    (UNDO_FILE, False),
    (cache.FOLDER, True),
    (DRAFTS, True),
    *((kind.folder, True) for kind in ALL_KINDS),
)


def _links(journal: Journal) -> list[Problem]:
    """A problem for each link where mentorlog keeps a file or folder: none
    is ever followed (it may have come from another device)."""
    found: list[Problem] = []
    for rel, folder in OWN_PATHS:
        on_the_way = rel.split("/")[0] if "/" in rel else None
        if journal.kind_of(journal.root / rel) == "link" and not any(
            p.path == on_the_way for p in found
        ):
            found.append(Problem.from_error(LinkError(rel, folder=folder)))
    for rel in (cache.FOLDER, DRAFTS):
        if journal.kind_of(journal.root / rel) == "folder":
            found.extend(
                Problem.from_error(LinkError(f"{rel}/{name}"))
                for name, mode in fs.listdir(journal.root, rel)
                if stat.S_ISLNK(mode)
            )
    return found
