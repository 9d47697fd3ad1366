"""Writes that leave a file either old or new, never partial.

temp file in the same folder → write → fsync → rename over the target →
fsync the folder. Files are created 0600 and folders 0700 whatever the umask.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from mentorlog.errors import JournalIOError, MentorlogError

FILE_MODE = 0o600
DIR_MODE = 0o700
TEMP_SUFFIX = ".tmp"


def temp_leaf(name: str) -> str:
    """A temp file's name for writing `name`: it carries this process's id, so
    a clean-up never removes the temp file of a command still writing."""
    return f".{name}.{os.getpid()}-{os.urandom(4).hex()}{TEMP_SUFFIX}"


def temp_name(target: Path) -> Path:
    return target.with_name(temp_leaf(target.name))


def _writer_running(leaf: str) -> bool:
    """Whether the process that made the temp file `leaf` still runs (an
    older release's name, without the id, has no writer to ask)."""
    tag = leaf[: -len(TEMP_SUFFIX)].rpartition(".")[2]
    pid, dash, _ = tag.partition("-")
    if not dash or not pid.isdigit() or int(pid) in (0, os.getpid()):
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # it runs, as another user
    return True


def is_temp(path: Path) -> bool:
    return path.name.startswith(".") and path.name.endswith(TEMP_SUFFIX)


def fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def in_the_way(folder: Path) -> tuple[Path, str] | None:
    """What stands where `folder`, or a folder above it, should be and is no
    folder: its path and what to say of it (after "PATH: "); None when
    nothing does. A link is named as one, never "a file" (see `errors`)."""
    from mentorlog.errors import link_to_no_folder

    for path in (*reversed(folder.parents), folder):
        if os.path.isdir(path):
            continue
        if os.path.islink(path):
            target = os.readlink(path)
            return path, link_to_no_folder(target, exists=os.path.exists(path))
        if os.path.lexists(path):
            return path, "a file stands where a folder should be"
        return None
    return None


def refuse_in_the_way(folder: Path, *, journal: bool = False) -> None:
    """Raise what `in_the_way` finds where `folder` (the `journal`'s root)
    should be: a link is the user's error, named; a file the disk's."""
    found = in_the_way(folder)
    if found is None:
        return
    from mentorlog.messages import errors as e

    path = found[0]
    if os.path.islink(path):
        from mentorlog.errors import UserError

        target, exists = os.readlink(path), os.path.exists(path)
        raise UserError(e.LinkToNoFolder(str(path), target, exists))
    reason = e.FileWhereJournal() if journal and path == folder else e.FileWhereFolder()
    raise JournalIOError(path, NotADirectoryError(20, reason))


def ensure_dir(folder: Path, *, private_from: Path) -> None:
    """Create `folder` and any missing parents up to `private_from` as 0700.

    Parents above `private_from` (the journal root) are created with the
    default mode: they are not ours. Below it no link is followed: a link on
    the way is refused (`LinkError`).
    """
    if folder != private_from and private_from in folder.parents:
        from . import fs

        ensure_dir(private_from, private_from=private_from)
        os.close(
            fs.open_folder(private_from, fs.relative(private_from, folder), create=True)
        )
        return
    try:
        if folder.is_dir():
            return
        folder.parent.mkdir(parents=True, exist_ok=True)
        folder.mkdir(mode=DIR_MODE)
        os.chmod(folder, DIR_MODE)
        fsync_dir(folder.parent)
    except FileExistsError:
        refuse_in_the_way(folder)
    except OSError as error:
        raise JournalIOError(folder, error, action="create") from error


def atomic_write(path: Path, data: bytes) -> None:
    """Replace `path` with `data` so that a crash leaves the old or the new file."""
    tmp = temp_name(path)
    try:
        fd = os.open(
            tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, FILE_MODE
        )
        try:
            os.fchmod(fd, FILE_MODE)
            view = memoryview(data)
            while view:
                written = os.write(fd, view)
                view = view[written:]
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, path)
        fsync_dir(path.parent)
    except OSError as error:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise JournalIOError(path, error) from error


def remove_stale_temps(folder: Path, *, root: Path | None = None) -> None:
    """Delete temp files left by a killed write (call only under the lock);
    a temp file whose writer still runs is never touched. Below `root` (the
    journal's), a folder that is a link is left alone."""
    from . import fs

    try:
        if root is None or folder == root:
            fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
        else:
            fd = fs.open_folder(root, fs.relative(root, folder))
    except (OSError, MentorlogError):
        return
    try:
        for name in os.listdir(fd):
            if (
                name.startswith(".")
                and name.endswith(TEMP_SUFFIX)  # see is_temp
                and not _writer_running(name)
            ):
                with contextlib.suppress(OSError):
                    os.unlink(name, dir_fd=fd)
    except OSError:
        return
    finally:
        os.close(fd)
