"""What `doctor` finds, and warnings after a save (`core/doctor.py`,
`store/transaction.py`)."""

from __future__ import annotations

from mentorlog.hints import Hint

from ._base import Told, message

# doctor (core/doctor.py): problems and notes of a journal check


@message
class MergeConflict(Told):
    path: str
    field: str
    kept: object  # the value kept (a date, text, a number...)
    lost: object  # the other device's value, kept aside
    table: str  # where in the file it is kept aside
    edit: Hint


@message
class NoJournalYet(Told):
    init: Hint


@message
class SettingsMissing(Told):
    init: Hint


@message
class TemplateMissing(Told):
    init: Hint


@message
class NotOurFile(Told):
    path: str
    extension: str


@message
class DraftsKept(Told):
    count: int
    folder: str


@message
class LooseModes(Told):
    count: int
    fix: Hint | None = None  # None: fixed


@message
class StaleTemps(Told):
    count: int
    fix: Hint | None = None  # None: removed


@message
class PartialBackups(Told):
    count: int
    folder: str
    fix: Hint | None = None  # None: removed


@message
class JournalIsFile(Told):
    pass


@message
class FileForFolder(Told):
    pass


@message
class UnexpectedFolder(Told):
    pass


@message
class CommitsNotInFiles(Told):
    commits: tuple[str, ...]
    abort: Hint
    sync: Hint


@message
class UntrustedUndo(Told):
    fix: Hint | None = None  # None: removed


DoctorMessage = (
    MergeConflict
    | NoJournalYet
    | SettingsMissing
    | TemplateMissing
    | NotOurFile
    | DraftsKept
    | LooseModes
    | StaleTemps
    | PartialBackups
    | JournalIsFile
    | FileForFolder
    | UnexpectedFolder
    | CommitsNotInFiles
    | UntrustedUndo
)


# saving (store/transaction.py): warnings after a change was saved


@message
class SyncNotUndone(Told):
    why: str  # the error's words


@message
class NotCommittedMidSync(Told):
    sync: Hint


@message
class NotCommitted(Told):
    why: str  # the error's words


StoreMessage = SyncNotUndone | NotCommittedMidSync | NotCommitted
