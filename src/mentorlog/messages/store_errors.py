"""Errors the store raises about the journal's files (reading, writing,
the lock, references to records); part of `messages.errors`, worded in
`render/words/store_errors.py`."""

from __future__ import annotations

from ._base import Told, message
from .git import HowToFinish, OperationOpen

# why a file of the journal cannot be used: the reason of a `JournalIOError`
# ("cannot read PATH: REASON"), in place of the system's own words


@message
class OutsideJournal(Told):
    pass


@message
class FileWhereFolder(Told):
    pass


@message
class FileWhereJournal(Told):
    pass


@message
class FolderWhereFile(Told):
    pass


@message
class IsAFolder(Told):
    pass


@message
class NotRegularFile(Told):
    pass


@message
class LinkOnTheWay(Told):
    pass


# a link where the journal (or a folder above it) should be (store/atomic.py)


@message
class LinkToNoFolder(Told):
    path: str
    target: str
    exists: bool


# writes refused (store/undo.py, store/journal.py, store/lock.py)


@message
class NotJournalFile(Told):
    name: str


@message
class ConflictedCopyNotWritten(Told):
    relpath: str


@message
class ChangedWhileRunning(Told):
    relpath: str


@message
class JournalBusy(Told):
    path: str
    seconds: int


# a file that cannot be read as text or TOML (store/tomlfile.py); said after
# its "path:line: "


@message
class SavedAs(Told):
    encoding: str


@message
class BinaryFile(Told):
    pass


@message
class NotUtf8(Told):
    pass


@message
class NotToml(Told):
    detail: str  # the TOML parser's, its position left out


@message
class MergeMarkers(Told):
    pass


@message
class NoFrontMatter(Told):
    fence: str


@message
class FrontMatterOpen(Told):
    fence: str


# a reference the user typed (store/refs.py)


@message
class RefMatchesMany(Told):
    ref: str
    count: int
    folder: str
    listed: tuple[str, ...]  # "short-id label" of the first ones
    more: int


@message
class RefMatchesNone(Told):
    kind: str
    ref: str
    near: tuple[str, ...]


# a path the user typed (store/paths.py)


@message
class HomeUnknown(Told):
    text: str


@message
class NoSuchUser(Told):
    text: str
    head: str  # "~name"


# writes refused by the journal as a whole (store/validation.py,
# store/transaction.py)


@message
class WriteInvalid(Told):
    detail: str
    relpath: str


@message
class SyncOpenNotWritten(Told):
    what: OperationOpen
    finish: HowToFinish


@message
class SchemaNotWhole(Told):
    pass


@message
class NewerJournal(Told):
    file: str
    version: int
    supported: int


# the programs mentorlog runs (store/gitrun.py, editor.py)


@message
class GitMissing(Told):
    pass


@message
class GitTimedOut(Told):
    command: str  # git's subcommand


@message
class EditorUnreadable(Told):
    variable: str  # VISUAL or EDITOR
    value: str


@message
class NoEditor(Told):
    pass


StoreErrorMessage = (
    OutsideJournal
    | FileWhereFolder
    | FileWhereJournal
    | FolderWhereFile
    | IsAFolder
    | NotRegularFile
    | LinkOnTheWay
    | LinkToNoFolder
    | NotJournalFile
    | ConflictedCopyNotWritten
    | ChangedWhileRunning
    | JournalBusy
    | SavedAs
    | BinaryFile
    | NotUtf8
    | NotToml
    | MergeMarkers
    | NoFrontMatter
    | FrontMatterOpen
    | RefMatchesMany
    | RefMatchesNone
    | HomeUnknown
    | NoSuchUser
    | WriteInvalid
    | SyncOpenNotWritten
    | SchemaNotWhole
    | NewerJournal
    | GitMissing
    | GitTimedOut
    | EditorUnreadable
    | NoEditor
)

__all__ = [
    "BinaryFile",
    "ChangedWhileRunning",
    "ConflictedCopyNotWritten",
    "EditorUnreadable",
    "FileWhereFolder",
    "FileWhereJournal",
    "FolderWhereFile",
    "FrontMatterOpen",
    "GitMissing",
    "GitTimedOut",
    "HomeUnknown",
    "IsAFolder",
    "JournalBusy",
    "LinkOnTheWay",
    "LinkToNoFolder",
    "MergeMarkers",
    "NewerJournal",
    "NoEditor",
    "NoFrontMatter",
    "NoSuchUser",
    "NotJournalFile",
    "NotRegularFile",
    "NotToml",
    "NotUtf8",
    "OutsideJournal",
    "RefMatchesMany",
    "RefMatchesNone",
    "SavedAs",
    "SchemaNotWhole",
    "StoreErrorMessage",
    "SyncOpenNotWritten",
    "WriteInvalid",
]
