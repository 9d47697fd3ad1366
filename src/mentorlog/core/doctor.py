"""`doctor`: read every file of the journal and list every problem."""

from __future__ import annotations

import contextlib
import stat
from dataclasses import field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mentorlog import messages as m
from mentorlog._struct import struct
from mentorlog.core.editing import DRAFTS
from mentorlog.errors import DataError, JournalIOError, LinkError, MentorlogError
from mentorlog.hints import hint
from mentorlog.store import cache, conflicts, fs, undo
from mentorlog.store.atomic import in_the_way, is_temp, remove_stale_temps
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
from mentorlog.store.migrate import BACKUPS
from mentorlog.store.undo import UNDO_FILE
from mentorlog.tojson import Each, json_keys

if TYPE_CHECKING:
    from mentorlog.models import Model


@json_keys(
    {
        "journal": "root",
        "checked": "checked",
        "problems": Each(
            "problems", {"path": "path", "line": "line", "message": "message"}
        ),
        "notes": "notes",
    }
)
@struct
class DoctorReport:
    root: Path
    exists: bool
    checked: int = 0
    problems: list[Problem] = field(default_factory=list)
    notes: list[m.DoctorMessage] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def merge_notes(relpath: str, record: Model) -> list[m.DoctorMessage]:
    """What the record merge of a sync kept aside (`store.merge`): the values
    that lost when both devices changed one field."""
    from mentorlog.store.merge import CONFLICTS

    notes = (record.model_extra or {}).get(CONFLICTS)
    if not isinstance(notes, list):
        return []
    said: list[m.DoctorMessage] = []
    for note in notes:
        if not isinstance(note, dict):
            continue
        said.append(
            m.MergeConflict(
                relpath,
                str(note.get("field", "?")),
                note.get("kept", "(removed)"),
                note.get("lost", "(removed)"),
                CONFLICTS,
                hint("edit", relpath),
            )
        )
    return said


def run_doctor(journal: Journal, *, fix: bool = False) -> DoctorReport:
    """Read every file of the journal; list each problem as `path:line:
    message` (SPEC §2 `doctor`, §7.4) and note what needs no fixing. Nothing
    is changed unless `fix`: then loose modes of the journal's own files,
    temp files of interrupted writes and partial backups are repaired."""
    report = DoctorReport(root=journal.root, exists=journal.exists())
    blocked = in_the_way(journal.root)
    if blocked is not None:
        path, said = blocked
        file = path == journal.root and not path.is_symlink()
        words = m.JournalIsFile() if file else said
        report.problems.append(Problem(str(path), None, words))
        return report
    if not journal.root.exists():
        report.notes.append(m.NoJournalYet(hint("init")))
        return report
    links = _links(journal)
    report.problems.extend(links)
    linked = {problem.path for problem in links}
    if UNDO_FILE not in linked:
        _check_undo_log(journal, report, fix=fix)
    _check_settings(journal, report)
    for copy, original in conflicts.scan_journal_files(journal.root):
        report.problems.append(
            Problem(copy, None, conflicts.how_to_merge(copy, original, journal.root))
        )
    for kind in ALL_KINDS:
        _check_folder(journal, kind, linked, report)
    _check_git(journal, report)
    _tidy(journal, report, lock_linked=LOCK_FILE in linked, fix=fix)
    # what was said as a warning on the way is a problem here: said once
    journal.warnings[:] = [
        w
        for w in journal.warnings
        if "symbolic link" not in w and not conflicts.is_warning(w)
    ]
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
        report.notes.append(m.SettingsMissing(hint("init")))
    template = journal.kind_of(journal.template_path)
    if template is None:
        report.notes.append(m.TemplateMissing(hint("init")))
    elif template == "file":
        try:
            journal.read_text(journal.template_path)
        except DataError as error:  # saved as UTF-16, say: not used
            report.problems.append(Problem.from_error(error))


def _check_folder(
    journal: Journal, kind: Kind[Any], linked: set[str], report: DoctorReport
) -> None:
    """Every record of `kind`, and whatever else stands in its folder."""
    folder = journal.folder(kind)
    found = journal.kind_of(folder)
    if found not in (None, "folder", "link"):
        report.problems.append(Problem(kind.folder, None, m.FileForFolder()))
        return
    loaded = journal.load(kind)
    report.checked += len(loaded.records) + len(loaded.problems)
    report.problems.extend(p for p in loaded.problems if p.path not in linked)
    for stored in loaded.records:
        report.notes.extend(merge_notes(journal.relative(stored.path), stored.record))
    copies = {copy for copy, _ in loaded.copies}
    for copy, original in loaded.copies:
        report.problems.append(
            Problem(copy, None, conflicts.how_to_merge(copy, original, journal.root))
        )
    if found != "folder":
        return
    for name, mode in fs.listdir(journal.root, kind.folder):
        entry = folder / name
        if is_temp(entry) or name.startswith(".") or journal.relative(entry) in copies:
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
                Problem(journal.relative(entry), None, m.UnexpectedFolder())
            )
        elif not name.endswith(kind.extension):
            report.notes.append(m.NotOurFile(journal.relative(entry), kind.extension))


def _tidy(
    journal: Journal, report: DoctorReport, *, lock_linked: bool, fix: bool
) -> None:
    """Drafts kept, modes made private again, temp files of killed writes."""
    drafts = journal.root / ".drafts"
    kept = (
        fs.listdir(journal.root, ".drafts")
        if journal.kind_of(drafts) == "folder"
        else []
    )
    if kept:
        report.notes.append(m.DraftsKept(len(kept), str(drafts)))
    from mentorlog.store.gitsync import harden

    loose = harden(journal.root, dry_run=not fix)
    stale = [] if lock_linked else _temp_files(journal)
    partial = _partial_backups(journal)
    if fix and (stale or partial):
        with journal.transaction():  # no write under way is cleaned up
            for folder in {p.parent for p in stale}:
                remove_stale_temps(folder, root=journal.root)
            for backup in partial:
                _remove_folder(journal, backup)
    how = None if fix else hint("doctor", "--fix")
    if loose:
        report.notes.append(m.LooseModes(loose, how))
    if stale:
        report.notes.append(m.StaleTemps(len(stale), how))
    if partial:
        report.notes.append(m.PartialBackups(len(partial), BACKUPS, how))


def _partial_backups(journal: Journal) -> list[str]:
    """The folders of `.backups/` a migration left unfinished: named
    `*.partial` (a backup is written under that name, then renamed), or an
    older backup without the copy of `mentorlog.toml` every finished one has
    (there is no migration without it)."""
    if journal.kind_of(journal.root / BACKUPS) != "folder":
        return []
    partial = []
    for name, mode in fs.listdir(journal.root, BACKUPS):
        if not stat.S_ISDIR(mode):
            continue
        settings = journal.root / BACKUPS / name / SETTINGS_FILE
        if name.endswith(".partial") or journal.kind_of(settings) is None:
            partial.append(f"{BACKUPS}/{name}")
    return sorted(partial)


def _remove_folder(journal: Journal, rel: str) -> None:
    """Remove a folder of the journal and all it holds; no link is followed
    (`shutil.rmtree` works through descriptors on this platform)."""
    import shutil

    if journal.kind_of(journal.root / rel) == "folder":
        shutil.rmtree(journal.root / rel)


def _check_git(journal: Journal, report: DoctorReport) -> None:
    """What git holds that the files do not show: a `.git` git cannot open,
    commits a sync left out of the working tree, and a lock a stopped git left
    that blocks every commit."""
    from mentorlog.store import gitrecover, gitrun

    if not gitrun.is_repo(journal.root):
        return
    trouble = gitrun.trouble(journal.root)
    if trouble is not None:
        report.problems.append(Problem(".git", None, trouble))
        return
    missing = gitrecover.not_in_working_tree(journal.root)
    if missing:
        said = m.CommitsNotInFiles(
            tuple(missing), hint("sync", "--abort"), hint("sync")
        )
        report.problems.append(Problem(".git", None, said))
    lock = gitrun.stale_index_lock(journal.root)
    if lock is not None:
        report.problems.append(
            Problem(".git/index.lock", None, gitrun.how_to_clear(lock))
        )


def _check_undo_log(journal: Journal, report: DoctorReport, *, fix: bool) -> None:
    """A recovery log this machine did not write for this journal is a
    problem: named here; with `fix`, removed without being replayed."""
    if not undo.untrusted(journal.root):
        return
    said = m.UntrustedUndo(None if fix else hint("doctor", "--fix"))
    report.problems.append(Problem(undo.UNDO_FILE, None, said))
    if not fix:
        return
    before = len(journal.warnings)
    with contextlib.suppress(MentorlogError), journal.transaction():
        pass  # the transaction removes it, under the lock
    del journal.warnings[before:]  # said once, as the problem above


def _temp_files(journal: Journal) -> list[Path]:
    found: list[Path] = []
    for rel in ["", *(k.folder for k in ALL_KINDS)]:
        try:
            entries = fs.listdir(journal.root, rel)
        except (LinkError, JournalIOError, OSError):
            continue  # named as a problem of that folder
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
