"""One lock for the whole journal, held across read-modify-write.

`flock` is released by the kernel when its holder dies, so a process killed
while holding the lock never blocks the next one. A lock is on an inode, not on
a path: a `.lock` removed (or replaced) between our `open` and our `flock`
would leave us holding a lock nobody else will ever take. So once locked, the
inode held is checked against what `.lock` names now; if they differ, the lock
is dropped and taken again (see docs/guarantees.md, "The lock").
"""

from __future__ import annotations

import fcntl
import os
import time
from pathlib import Path
from types import TracebackType

from mentorlog.errors import JournalIOError, LinkError, LockTimeoutError
from mentorlog.messages import errors as e

from .atomic import FILE_MODE


class JournalLock:
    def __init__(self, path: Path, *, timeout: float = 30.0) -> None:
        self.path = path
        self.timeout = timeout
        self._fd: int | None = None
        self._depth = 0

    def __enter__(self) -> JournalLock:
        if self._depth == 0:
            self._acquire()
        self._depth += 1
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._depth -= 1
        if self._depth == 0 and self._fd is not None:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None

    @property
    def held(self) -> bool:
        return self._depth > 0

    @property
    def depth(self) -> int:
        return self._depth

    def _acquire(self) -> None:
        deadline = time.monotonic() + self.timeout
        while True:
            fd = self._lock_once(deadline)
            if self._still_the_path(fd):
                self._fd = fd
                return
            # `.lock` was removed or replaced while we waited: the inode we
            # hold is no longer the journal's lock; take the one there now
            fcntl.flock(fd, fcntl.LOCK_UN)
            os.close(fd)

    def _still_the_path(self, fd: int) -> bool:
        """Whether the inode locked as `fd` is the one `.lock` names now."""
        held = os.fstat(fd)
        try:
            now = os.lstat(self.path)
        except FileNotFoundError:
            return False
        except OSError as error:
            os.close(fd)
            raise JournalIOError(self.path, error, action="lock") from error
        return (held.st_ino, held.st_dev) == (now.st_ino, now.st_dev)

    def _lock_once(self, deadline: float) -> int:
        # `.lock` is one step below the journal root: O_NOFOLLOW refuses a
        # link there, so what it points at is never opened nor made 0600
        flags = os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC
        try:
            fd = os.open(self.path, flags, FILE_MODE)
        except OSError as error:
            if os.path.islink(self.path):
                raise LinkError(self.path.name, writing=self.path.name) from None
            raise JournalIOError(self.path, error, action="lock") from error
        try:
            os.fchmod(fd, FILE_MODE)
        except OSError as error:
            os.close(fd)
            raise JournalIOError(self.path, error, action="lock") from error
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                return fd
            except BlockingIOError:
                if time.monotonic() > deadline:
                    os.close(fd)
                    raise LockTimeoutError(
                        e.JournalBusy(str(self.path), round(self.timeout))
                    ) from None
                time.sleep(0.02)
