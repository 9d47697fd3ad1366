"""`doctor`: read every file of the journal and list every problem."""

from __future__ import annotations

import contextlib
from dataclasses import field
from pathlib import Path

from mentorlog._struct import struct
from mentorlog.errors import DataError, MentorlogError
from mentorlog.store import undo
from mentorlog.store.atomic import is_temp, remove_stale_temps
from mentorlog.store.journal import Journal, Problem
from mentorlog.store.kinds import ALL_KINDS


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


def run_doctor(journal: Journal) -> DoctorReport:
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
    _check_undo_log(journal, report)
    if journal.settings_path.exists():
        report.checked += 1
        try:
            journal.settings()
        except DataError as error:
            report.problems.append(Problem.from_error(error))
    else:
        report.notes.append("mentorlog.toml is missing: `mentorlog init` writes it")
    if not journal.template_path.exists():
        report.notes.append(
            "templates/agenda.md is missing: `mentorlog init` writes the default"
        )
    for kind in ALL_KINDS:
        folder = journal.folder(kind)
        if folder.exists() and not folder.is_dir():
            report.problems.append(
                Problem(kind.folder, None, "a file stands where a folder should be")
            )
            continue
        loaded = journal.load(kind)
        report.checked += len(loaded.records) + len(loaded.problems)
        report.problems.extend(loaded.problems)
        if folder.is_dir():
            for entry in sorted(folder.iterdir()):
                if is_temp(entry) or entry.name.startswith("."):
                    continue
                if entry.is_dir() and entry.name.endswith(kind.extension):
                    continue  # already reported by load(): a folder where a file goes
                if entry.is_dir():
                    report.problems.append(
                        Problem(journal.relative(entry), None, "unexpected folder")
                    )
                elif not entry.name.endswith(kind.extension):
                    report.notes.append(
                        f"{journal.relative(entry)}: not a {kind.extension} file; "
                        "mentorlog ignores it"
                    )
    drafts = journal.root / ".drafts"
    kept = sorted(drafts.iterdir()) if drafts.is_dir() else []
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
    stale = [p for p in _temp_files(journal) if p.exists()]
    if stale:
        with journal.transaction():
            for folder in {p.parent for p in stale}:
                remove_stale_temps(folder)
        report.notes.append(
            f"removed {len(stale)} temp file{'s' if len(stale) != 1 else ''} "
            "left by an interrupted write"
        )
    return report


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
    folders = [journal.root, *(journal.folder(k) for k in ALL_KINDS)]
    found: list[Path] = []
    for folder in folders:
        if folder.is_dir():
            found.extend(p for p in folder.iterdir() if is_temp(p))
    return found
