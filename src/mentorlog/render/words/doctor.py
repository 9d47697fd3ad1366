"""What `doctor` finds: its words."""

from __future__ import annotations

from datetime import date
from typing import assert_never

from mentorlog import messages as m
from mentorlog.hints import Hint, Said
from mentorlog.words import plural


def _value(value: object) -> str:
    """A value as the user wrote it: a date as ISO, text quoted."""
    if isinstance(value, date):
        return value.isoformat()
    return repr(value) if isinstance(value, str) else str(value)


def _fixed(said: str, fix: Hint | None) -> Said | str:
    """What `doctor --fix` repairs: done (`fix` None), or how to."""
    return said if fix is None else Said(said.rsplit(" (", 1)[0], ": run `", fix, "`")


def doctor(message: m.DoctorMessage) -> Said | str:
    """What `doctor` found (SPEC §2 `doctor`)."""
    match message:
        case m.MergeConflict(path=path, field=name, edit=edit):
            return Said(
                f"{path}: both devices changed {name}: kept {_value(message.kept)}, "
                f"the other device's {_value(message.lost)} is kept under "
                f"[[{message.table}]] (",
                edit,
                " to settle it)",
            )
        case m.NoJournalYet(init=init):
            return Said("no journal here yet: `", init, "` creates one")
        case m.SettingsMissing(init=init):
            return Said("mentorlog.toml is missing: `", init, "` writes it")
        case m.TemplateMissing(init=init):
            return Said(
                "templates/agenda.md is missing: `", init, "` writes the default"
            )
        case m.NotOurFile(path=path, extension=extension):
            return f"{path}: not a {extension} file; mentorlog ignores it"
        case m.DraftsKept(count=count, folder=folder):
            return (
                f"{plural(count, 'draft')} from unfinished edits in {folder}: copy "
                "what you need, then delete them"
            )
        case m.LooseModes(count=count, fix=fix):
            return _fixed(
                f"{plural(count, 'file or folder', 'files and folders')} with modes "
                "another tool loosened (made private again: 0600/0700)",
                fix,
            )
        case m.StaleTemps(count=count, fix=fix):
            return _fixed(
                f"{plural(count, 'temp file')} left by an interrupted write (removed)",
                fix,
            )
        case m.PartialBackups(count=count, folder=folder, fix=fix):
            return _fixed(
                f"{plural(count, 'partial backup')} in {folder}/ left by an "
                "interrupted migration (removed)",
                fix,
            )
        case _:
            return _doctor_problem(message)


def _doctor_problem(
    message: m.JournalIsFile
    | m.FileForFolder
    | m.UnexpectedFolder
    | m.CommitsNotInFiles
    | m.UntrustedUndo,
) -> Said | str:
    match message:
        case m.JournalIsFile():
            return "a file stands where the journal should be"
        case m.FileForFolder():
            return "a file stands where a folder should be"
        case m.UnexpectedFolder():
            return "unexpected folder"
        case m.CommitsNotInFiles(commits=commits):
            count = len(commits)
            shown = "; ".join(commits[:10]) + (
                f"; and {count - 10} more" if count > 10 else ""
            )
            return Said(
                plural(count, "commit of the journal is", "commits of the journal are")
                + " not in its files, so no listing "
                f"shows them ({shown}): ",
                message.abort,
                " puts them back, or finish the sync (",
                message.sync,
                " says how)",
            )
        case m.UntrustedUndo(fix=fix):
            what = (
                "a recovery log this machine did not write for this journal (from "
                "another device or a copy?): "
            )
            if fix is None:
                return what + "removed without replaying it"
            return Said(what, "`", fix, "` removes it without replaying it")
        case _:
            assert_never(message)
