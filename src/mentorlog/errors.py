"""One family of exceptions, each with the exit code the CLI turns it into.

Messages are written for people: they say what is wrong and where, and never
echo a library's raw error text (which may quote private input at length).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mentorlog.hints import Hint, Words
    from mentorlog.messages import Message

EXIT_USER = 1
EXIT_USAGE = 2
EXIT_DATA = 3


class MentorlogError(Exception):
    """A problem the user can act on; the CLI prints it as one line."""

    exit_code = EXIT_USER

    def __init__(self, message: Words | Message, *, hint: str | None = None) -> None:
        # a message with commands in it (`hints.Said`) keeps them as data in
        # `hints`; its words, commands written (`render.hints`), in `message`
        self.hints: tuple[Hint, ...] = getattr(message, "hints", ())
        # what is wrong, as data when it is a `Message` (its words, in
        # `render/words/errors.py`, are `message`)
        self.told: Words | Message = message
        self.message = str(message)
        super().__init__(self.message)
        self.hint = hint

    def __str__(self) -> str:
        return self.message


class UserError(MentorlogError):
    """Unknown reference, invalid value, nothing to do."""


class SyncStoppedError(UserError):
    """A sync stopped on a conflict is open: no change is written until it is
    finished or aborted."""


class UsageError(MentorlogError):
    """Options in the wrong place, or that contradict each other."""

    exit_code = EXIT_USAGE


class DateError(UserError):
    """A date the user typed that cannot be read."""


class NotFoundError(UserError):
    """A reference that matches no record."""


class AmbiguousError(UserError):
    """A reference that matches several records; the message lists them."""


class JournalIOError(MentorlogError):
    """The disk said no: full, read-only, permission denied."""

    def __init__(self, path: Path, error: OSError, *, action: str = "write") -> None:
        reason = error.strerror or type(error).__name__
        super().__init__(f"cannot {action} {path}: {reason}")
        self.path = path
        self.errno = error.errno


class LockTimeoutError(MentorlogError):
    """Another mentorlog process holds the journal lock for too long."""


class DataError(MentorlogError):
    """A journal file that does not parse or validate: `path:line: message`."""

    exit_code = EXIT_DATA

    def __init__(self, path: str, line: int | None, message: Words | Message) -> None:
        where = f"{path}:{line}" if line else path
        super().__init__(f"{where}: " + message)
        self.path = path
        self.line = line
        from mentorlog.messages import Told

        # a message kept as its words: a problem goes into the cache (JSON)
        self.detail: Words | Message = (
            str(message) if isinstance(message, Told) else message
        )


class NewerJournalError(MentorlogError):
    """The journal was written by a newer mentorlog; we only read it."""

    exit_code = EXIT_DATA


NEVER_FOLLOWED = (
    "mentorlog never follows links inside the journal (it may come from another device)"
)


def link_to_no_folder(target: str, *, exists: bool) -> str:
    """What is said of a link where the journal (or a folder above it) should
    be that points at no folder: the journal root may be a link the user made
    to their folder, but mentorlog never follows one to make a folder."""
    state = "which is not a folder" if exists else "which does not exist"
    return (
        f"is a symbolic link to {target}, {state}; mentorlog never follows a "
        f"link to make a folder: make {target} a folder, or name the folder itself"
    )


class LinkError(DataError):
    """A symbolic link where the journal has a file or folder: it may come from
    another device, so it is never followed, for a read or a write."""

    def __init__(
        self, path: str, *, folder: bool = False, writing: str | None = None
    ) -> None:
        what = "folder" if folder else "file"
        detail = (
            f"is a symbolic link; {NEVER_FOLLOWED}: replace it with the {what} itself"
        )
        super().__init__(path, None, detail)
        if writing is not None:
            link = "it" if writing == path else path
            self.message = f"cannot write {writing}: {link} {detail}"
