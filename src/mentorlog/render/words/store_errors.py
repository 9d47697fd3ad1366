"""The words of the errors the store raises (`messages.store_errors`)."""

from __future__ import annotations

from typing import assert_never

from mentorlog.errors import NEVER_FOLLOWED, link_to_no_folder
from mentorlog.hints import Said
from mentorlog.messages import errors as e


def store_errors(message: e.StoreErrorMessage) -> Said | str:
    """The journal's files: why one cannot be used, read or written, and a
    reference that names no one record."""
    match message:
        case e.OutsideJournal():
            return "it is outside the journal"
        case e.FileWhereFolder():
            return "a file stands where a folder should be"
        case e.FileWhereJournal():
            return "a file stands where the journal should be"
        case e.FolderWhereFile():
            return "a folder stands where a file should be"
        case e.IsAFolder():
            return "is a folder"
        case e.NotRegularFile():
            return "not a regular file"
        case e.LinkOnTheWay():
            return f"it or a folder on its way is a symbolic link; {NEVER_FOLLOWED}"
        case e.LinkToNoFolder(path=path, target=target, exists=exists):
            return f"{path}: {link_to_no_folder(target, exists=exists)}"
        case e.NotJournalFile(name=name):
            return (
                f"not written: {name} is not a file of the journal mentorlog "
                "writes; this is a bug in mentorlog, please report it"
            )
        case e.ConflictedCopyNotWritten(relpath=relpath):
            return (
                f"not written: {relpath} is a conflicted copy a sync tool made; "
                "mentorlog writes only the record's own file"
            )
        case e.ChangedWhileRunning(relpath=relpath):
            return (
                f"{relpath} changed while this command ran; "
                "nothing was written: run it again"
            )
        case e.JournalBusy(path=path, seconds=seconds):
            return (
                f"the journal is busy: another mentorlog has held {path} "
                f"for over {seconds}s"
            )
        case e.SavedAs(encoding=encoding):
            return f"saved as {encoding}, not UTF-8: save it as UTF-8"
        case e.BinaryFile():
            return "not a text file (binary data)"
        case e.NotUtf8():
            return "not UTF-8 text (another encoding?): save it as UTF-8"
        case e.NotToml(detail=detail):
            return f"not valid TOML: {detail}"
        case e.MergeMarkers():
            return "not valid TOML: unresolved git merge conflict markers"
        case e.NoFrontMatter(fence=fence):
            return f"no front matter: the file must start with a line {fence}"
        case e.FrontMatterOpen(fence=fence):
            return f"the front matter never ends: add a line {fence} after it"
        case e.RefMatchesMany(
            ref=ref, count=count, folder=folder, listed=listed, more=more
        ):
            rest = f" and {more} more" if more else ""
            return (
                f'"{ref}" matches {count} {folder}: {"; ".join(listed)}{rest}; '
                "use its short id or more of the name"
            )
        case e.RefMatchesNone(kind=kind, ref=ref, near=near):
            hint = f"; did you mean {' or '.join(near)}?" if near else ""
            return f'no {kind} matches "{ref}"{hint}'
        case _:
            return _journal(message)


_Journal = (
    e.HomeUnknown
    | e.NoSuchUser
    | e.WriteInvalid
    | e.SyncOpenNotWritten
    | e.SchemaNotWhole
    | e.NewerJournal
    | e.GitMissing
    | e.GitTimedOut
    | e.EditorUnreadable
    | e.NoEditor
)


def _journal(message: _Journal) -> Said | str:
    """A path the user typed, writes the journal as a whole refuses, and the
    programs mentorlog runs."""
    match message:
        case e.HomeUnknown(text=text):
            return (
                f"{text}: cannot find your home folder to expand ~ "
                "(set HOME, or give the full path)"
            )
        case e.NoSuchUser(text=text, head=head):
            return (
                f"{text}: no user named {head[1:]} on this system "
                f"({head} names that user's home folder); give the full path"
            )
        case e.WriteInvalid(detail=detail, relpath=relpath):
            return (
                f"not written: {detail} (in {relpath}); "
                "this is a bug in mentorlog, please report it"
            )
        case e.SyncOpenNotWritten(what=what, finish=finish):
            return (
                f"nothing was written: {what} is not finished, and this change "
                "must not land in the middle of it. " + finish
            )
        case e.SchemaNotWhole():
            return "schema_version: should be a whole number, like 1"
        case e.NewerJournal(file=file, version=version, supported=supported):
            return (
                f"{file}: this journal was written by a newer mentorlog "
                f"(schema_version {version}; this release knows {supported}); "
                "it is opened read-only: upgrade mentorlog to change it"
            )
        case e.GitMissing():
            return "git is not installed; install it to use a git journal"
        case e.GitTimedOut(command=command):
            return f"git {command} took over 5 minutes; stopped"
        case e.EditorUnreadable(variable=variable, value=value):
            return f"${variable} cannot be read as a command: {value!r}"
        case e.NoEditor():
            return "no editor found: set $VISUAL or $EDITOR (e.g. export EDITOR=nano)"
        case _:
            assert_never(message)
