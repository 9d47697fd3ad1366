"""Files inside the journal, reached without following a single link.

Every file of the working tree may come from another device (see
docs/guarantees.md), so a symbolic link in it is never followed: it could
point at a private key to copy into an agenda, or at a folder to write into.
The journal root is what the user named (it may be a link they made on
purpose); below it, every folder on the way is opened with `O_NOFOLLOW` relative
to the one before, and the file itself with `O_NOFOLLOW` relative to its folder,
so a folder swapped for a link between two steps is refused too.

Paths below the root are given as `rel`: a relative path with `/` separators.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from pathlib import Path

from mentorlog.errors import JournalIOError, LinkError
from mentorlog.messages import errors as e

from .atomic import DIR_MODE, FILE_MODE, temp_leaf

FOLDER_FLAGS = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC
READ_FLAGS = os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC | os.O_NONBLOCK

_NOT_FOLLOWED = (errno.ELOOP, errno.ENOTDIR, errno.EMLINK)


def relative(root: Path, path: Path) -> str:
    """`path` below `root` as `a/b`; a path outside the journal is refused."""
    try:
        parts = path.relative_to(root).parts
    except ValueError:
        raise JournalIOError(
            path, OSError(errno.EXDEV, e.OutsideJournal()), action="use"
        ) from None
    if not parts or ".." in parts:
        raise JournalIOError(
            path, OSError(errno.EXDEV, e.OutsideJournal()), action="use"
        )
    return "/".join(parts)


def is_link_at(name: str, dir_fd: int) -> bool:
    try:
        return stat.S_ISLNK(os.stat(name, dir_fd=dir_fd, follow_symlinks=False).st_mode)
    except OSError:
        return False


def kind_of(root: Path, rel: str) -> str | None:
    """ "file", "folder", "link", "other", or None when nothing is there (or a
    folder on the way is missing; a link on the way raises `LinkError`)."""
    folder, _, name = rel.rpartition("/")
    try:
        fd = open_folder(root, folder)
    except FileNotFoundError:
        return None
    try:
        mode = os.stat(name, dir_fd=fd, follow_symlinks=False).st_mode
    except FileNotFoundError:
        return None
    except OSError as error:
        raise JournalIOError(root / rel, error, action="read") from error
    finally:
        os.close(fd)
    if stat.S_ISLNK(mode):
        return "link"
    if stat.S_ISREG(mode):
        return "file"
    if stat.S_ISDIR(mode):
        return "folder"
    return "other"


def open_folder(
    root: Path, rel: str, *, create: bool = False, writing: str | None = None
) -> int:
    """A descriptor of the folder `rel` below `root` ("" for the root itself),
    no link followed on the way; missing folders are made 0700 with `create`,
    else `FileNotFoundError`. The caller closes it."""
    try:
        fd = os.open(root, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    except OSError as error:
        if isinstance(error, FileNotFoundError) and not create:
            raise
        raise JournalIOError(root, error, action="open") from error
    done: list[str] = []
    try:
        for part in rel.split("/") if rel else ():
            done.append(part)
            try:
                child = os.open(part, FOLDER_FLAGS, dir_fd=fd)
            except FileNotFoundError:
                if not create:
                    raise
                child = _make_child(root, done, fd, writing)
            except OSError as error:
                if error.errno in _NOT_FOLLOWED and is_link_at(part, fd):
                    raise LinkError(
                        "/".join(done), folder=True, writing=writing
                    ) from None
                if error.errno == errno.ENOTDIR:
                    raise JournalIOError(
                        root.joinpath(*done),
                        NotADirectoryError(errno.ENOTDIR, e.FileWhereFolder()),
                        action="open" if writing is None else "write",
                    ) from None
                raise JournalIOError(
                    root.joinpath(*done), error, action="open"
                ) from error
            os.close(fd)
            fd = child
    except BaseException:
        os.close(fd)
        raise
    return fd


def _make_child(root: Path, done: list[str], fd: int, writing: str | None) -> int:
    """Make the folder `done[-1]` in the open folder `fd` (0700) and open it."""
    part = done[-1]
    try:
        with contextlib.suppress(FileExistsError):
            os.mkdir(part, DIR_MODE, dir_fd=fd)
        child = os.open(part, FOLDER_FLAGS, dir_fd=fd)
    except OSError as error:
        if error.errno in _NOT_FOLLOWED and is_link_at(part, fd):
            raise LinkError("/".join(done), folder=True, writing=writing) from None
        raise JournalIOError(root.joinpath(*done), error, action="create") from error
    try:
        os.fchmod(child, DIR_MODE)
        os.fsync(fd)
    except OSError as error:
        os.close(child)
        raise JournalIOError(root.joinpath(*done), error, action="create") from error
    return child


def read_at(dir_fd: int, name: str, rel: str) -> bytes:
    """The bytes of the regular file `name` in the open folder; `LinkError` for
    a link, `IsADirectoryError` for a folder."""
    try:
        fd = os.open(name, READ_FLAGS, dir_fd=dir_fd)
    except OSError as error:
        if error.errno in _NOT_FOLLOWED and is_link_at(name, dir_fd):
            raise LinkError(rel) from None
        raise
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(errno.EISDIR, e.IsAFolder())
        if not stat.S_ISREG(info.st_mode):
            raise OSError(errno.EINVAL, e.NotRegularFile())
        chunks = [os.read(fd, info.st_size + 1)]
        while chunks[-1]:
            chunks.append(os.read(fd, 1 << 16))
        return b"".join(chunks)
    finally:
        os.close(fd)


def read_bytes(root: Path, rel: str) -> bytes:
    """The bytes of the file `rel` below `root`, no link followed."""
    folder, _, name = rel.rpartition("/")
    fd = open_folder(root, folder)
    try:
        return read_at(fd, name, rel)
    finally:
        os.close(fd)


def write_at(dir_fd: int, name: str, data: bytes, *, sync: bool = True) -> None:
    """Replace `name` in the open folder with `data`, atomically: a temp file
    beside it, written, synced, renamed over it, the folder synced. A link
    named `name` is never replaced (callers refuse it first); the temp file is
    made with O_EXCL, which follows no link either."""
    tmp = temp_leaf(name)
    fd = os.open(
        tmp,
        os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC,
        FILE_MODE,
        dir_fd=dir_fd,
    )
    try:
        try:
            os.fchmod(fd, FILE_MODE)
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view) :]
            if sync:
                os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, name, src_dir_fd=dir_fd, dst_dir_fd=dir_fd)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp, dir_fd=dir_fd)
        raise
    if sync:
        os.fsync(dir_fd)


def write_bytes(root: Path, rel: str, data: bytes, *, sync: bool = True) -> None:
    """Atomically replace the file `rel` below `root` (its folders made as
    needed); refused with `LinkError` if it, or any folder on the way, is a
    link: the link and what it points at are left as they are."""
    folder, _, name = rel.rpartition("/")
    fd = open_folder(root, folder, create=True, writing=rel)
    try:
        refuse_link_at(fd, name, rel)
        try:
            write_at(fd, name, data, sync=sync)
        except OSError as error:
            raise JournalIOError(root / rel, error) from error
    finally:
        os.close(fd)


def refuse_link_at(dir_fd: int, name: str, rel: str) -> None:
    if is_link_at(name, dir_fd):
        raise LinkError(rel, writing=rel)


def unlink(root: Path, rel: str) -> None:
    """Remove the file `rel` (a link is removed itself, never what it points
    at); nothing there is not an error."""
    folder, _, name = rel.rpartition("/")
    try:
        fd = open_folder(root, folder)
    except FileNotFoundError:
        return
    try:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(name, dir_fd=fd)
    finally:
        os.close(fd)


def listdir(root: Path, rel: str) -> list[tuple[str, int]]:
    """The names in folder `rel` with their own modes (links not followed);
    an empty list when the folder is missing."""
    try:
        fd = open_folder(root, rel)
    except FileNotFoundError:
        return []
    try:
        found = []
        for name in os.listdir(fd):
            with contextlib.suppress(FileNotFoundError):
                found.append(
                    (name, os.stat(name, dir_fd=fd, follow_symlinks=False).st_mode)
                )
        return sorted(found)
    finally:
        os.close(fd)
