"""All-or-nothing changes across files: an undo log.

Before a transaction first writes a file, the file's old bytes (or its absence)
are appended to `.undo` in the journal and fsynced. A transaction that ends well
appends a commit line and removes the log; one that fails is rolled back at once.
A process killed in the middle leaves the log behind, and the next command to
touch the journal rolls the half-done change back before anything else.
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
from pathlib import Path

from mentorlog.errors import JournalIOError

from .atomic import FILE_MODE, atomic_write, fsync_dir

UNDO_FILE = ".undo"
_COMMIT = '{"commit":true}'


class UndoLog:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.path = root / UNDO_FILE
        self._fd: int | None = None
        self._recorded: set[str] = set()

    def record(self, target: Path) -> None:
        """Remember what `target` holds now, durably, before it is first written."""
        name = os.path.relpath(target, self.root)
        if name in self._recorded:
            return
        try:
            old: str | None = base64.b64encode(target.read_bytes()).decode("ascii")
        except FileNotFoundError:
            old = None
        except OSError as error:
            raise JournalIOError(target, error, action="read") from error
        line = json.dumps({"path": name, "old": old}, separators=(",", ":")) + "\n"
        try:
            if self._fd is None:
                self._fd = os.open(
                    self.path,
                    os.O_WRONLY | os.O_CREAT | os.O_APPEND | os.O_CLOEXEC,
                    FILE_MODE,
                )
                os.fchmod(self._fd, FILE_MODE)
                fsync_dir(self.root)
            _write_all(self._fd, line.encode("ascii"))
            os.fsync(self._fd)
        except OSError as error:
            raise JournalIOError(self.path, error) from error
        self._recorded.add(name)

    def commit(self) -> None:
        """The change is complete: mark it so, then drop the log."""
        if self._fd is None:
            return
        try:
            _write_all(self._fd, (_COMMIT + "\n").encode("ascii"))
            os.fsync(self._fd)
        except OSError as error:
            # Without a durable commit mark the change cannot stand: undo it now
            # rather than let the next command find it half-known.
            os.close(self._fd)
            self._fd = None
            with contextlib.suppress(OSError, JournalIOError):
                recover(self.root, committed_or_not=False)
            raise JournalIOError(self.path, error) from error
        os.close(self._fd)
        self._fd = None
        with contextlib.suppress(OSError):
            self.path.unlink()
            fsync_dir(self.root)

    def rollback(self) -> None:
        """Put every file back as it was before the change."""
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None
        recover(self.root)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def recover(root: Path, *, committed_or_not: bool = True) -> int:
    """Roll back a change a crash left half done; return how many files were
    put back. A log whose change committed is simply removed (unless
    `committed_or_not` is False: the commit mark itself may not have reached
    the disk, so the change is undone whatever the log says)."""
    path = root / UNDO_FILE
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return 0
    except OSError as error:
        raise JournalIOError(path, error, action="read") from error
    entries: list[dict[str, str | None]] = []
    committed = False
    for line in raw.decode("ascii", "replace").splitlines():
        if line == _COMMIT:
            committed = committed_or_not
            break
        try:
            entry = json.loads(line)
        except ValueError:
            break  # the line being written when the process died
        if isinstance(entry, dict) and isinstance(entry.get("path"), str):
            entries.append(entry)
    restored = 0
    if not committed:
        for entry in reversed(entries):
            target = root / str(entry["path"])
            if root.resolve() not in target.resolve().parents:
                continue  # a log never names a file outside the journal
            old = entry.get("old")
            try:
                if old is None:
                    with contextlib.suppress(FileNotFoundError):
                        target.unlink()
                else:
                    atomic_write(target, base64.b64decode(old))
            except OSError as error:
                raise JournalIOError(target, error, action="restore") from error
            restored += 1
    path.unlink()
    with contextlib.suppress(OSError):
        fsync_dir(root)
    return restored
