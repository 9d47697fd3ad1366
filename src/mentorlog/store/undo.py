"""All-or-nothing changes across files: an undo log.

Before a transaction first writes a file, the file's old bytes (or its absence)
are appended to `.undo` in the journal and fsynced. A transaction that ends well
appends a commit line and removes the log; one that fails is rolled back at once
(from memory: this process trusts what it wrote itself). A process killed in the
middle leaves the log behind, and the next command to touch the journal rolls
the half-done change back before anything else.

A `.undo` in the working tree may also have come from somewhere else: another
device through git, a copied folder. So a log is acted on only if this machine
wrote it for this journal: each line carries an HMAC-SHA256 chained from the
line before, keyed by a per-machine secret kept outside the journal
(`$XDG_STATE_HOME/mentorlog/undo.key`, 0600, made on first use) and the
journal's real path. Any other log is removed unread, with one warning. Even an
authentic log only ever names the journal's own files (records in record
folders, the settings, the agenda template, `.gitignore`, drafts), never `.git/`
or a path outside the journal, and nothing is reached through a symlink: every
folder on the way is opened with O_NOFOLLOW, and files are replaced or removed
relative to their folder.

A log also names its writer: this machine, its boot, the process id and the
process's start time. Holding the lock is not enough to replay a log (a `.lock`
removed by hand lets a second command take a fresh one while the first still
runs): a log is rolled back only when its writer is provably gone — it ran on
this machine, and that machine has rebooted since, or no process with its id
runs, or the one that does started at another time (the id was reused). A log
whose writer still runs is never touched (`WriterAlive`).
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import hmac
import json
import os
import secrets
import stat
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

from mentorlog.errors import JournalIOError, LockTimeoutError, MentorlogError
from mentorlog.messages import errors as e

from .atomic import DIR_MODE, FILE_MODE, fsync_dir, temp_leaf
from .paths import under_home

UNDO_FILE = ".undo"
KEY_FILE = "undo.key"
NOT_OURS = (
    f"{UNDO_FILE}: a recovery log this machine did not write for this journal "
    "(it may have come from another device or a copy); removed without "
    "replaying it"
)
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_DIRECTORY = getattr(os, "O_DIRECTORY", 0)
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_VERSION = 2  # 1: a log without its writer (an older release's)

Warn = Callable[[str], None]


# -- the per-machine secret ---------------------------------------------------
def state_folder() -> Path:
    """Where this machine keeps mentorlog's own state: never synced."""
    if os.name == "nt":
        return under_home("LOCALAPPDATA", "AppData", "Local") / "mentorlog"
    return under_home("XDG_STATE_HOME", ".local", "state") / "mentorlog"


def machine_secret(*, create: bool) -> bytes | None:
    """This machine's secret (32 random bytes), made on first use when
    `create`; None when there is none or it cannot be trusted (not a plain
    file of ours)."""
    folder = state_folder()
    path = folder / KEY_FILE
    try:
        found = _read_secret(path)
        if found is not None or not create or not _cut_short(path):
            return found
        os.unlink(path)  # an older release was killed making it: it signed nothing
    except FileNotFoundError:
        if not create:
            return None
    except OSError:
        return None
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=DIR_MODE)
        _make_secret(folder, path)
    except OSError:
        return None
    try:
        return _read_secret(path)
    except OSError:
        return None


def _cut_short(path: Path) -> bool:
    """Whether the key file is an empty file of ours (a kill while an older
    release wrote it)."""
    info = os.lstat(path)
    mine = not hasattr(os, "geteuid") or info.st_uid == os.geteuid()
    return stat.S_ISREG(info.st_mode) and info.st_size == 0 and mine


def _make_secret(folder: Path, path: Path) -> None:
    """Write a new secret whole, then link it into place: a process killed on
    the way leaves no key file (a key file cut short would make every later
    undo log one nobody can vouch for, so no crash would ever be rolled back).
    Another process that made it first wins: its key is used."""
    tmp = folder / temp_leaf(KEY_FILE)
    fd = os.open(
        tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW | _CLOEXEC, FILE_MODE
    )
    try:
        try:
            os.fchmod(fd, FILE_MODE)
            _write_all(fd, secrets.token_hex(32).encode("ascii") + b"\n")
            os.fsync(fd)
        finally:
            os.close(fd)
        with contextlib.suppress(FileExistsError):
            os.link(tmp, path)
            fsync_dir(folder)
    finally:
        with contextlib.suppress(OSError):
            os.unlink(tmp)


def _read_secret(path: Path) -> bytes | None:
    fd = os.open(path, os.O_RDONLY | _NOFOLLOW | _CLOEXEC | _NONBLOCK)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            return None
        if hasattr(os, "geteuid") and info.st_uid != os.geteuid():
            return None
        if info.st_mode & 0o077:
            os.fchmod(fd, FILE_MODE)  # ours, but readable by others: tighten
        raw = os.read(fd, 256).strip()
    finally:
        os.close(fd)
    try:
        secret = bytes.fromhex(raw.decode("ascii"))
    except ValueError:
        return None
    return secret if len(secret) >= 16 else None


def _journal_key(secret: bytes, root: Path) -> bytes:
    """The key for one journal on this machine: the secret bound to the
    journal's real path."""
    where = os.fsencode(os.path.realpath(root))
    return hmac.new(secret, b"mentorlog undo log\0" + where, hashlib.sha256).digest()


def journal_key(root: Path, *, create: bool) -> bytes | None:
    """This machine's key for the journal at `root` (see `_journal_key`), for
    other local state it signs (an interrupted sync's record); None when the
    machine has no secret."""
    secret = machine_secret(create=create)
    return None if secret is None else _journal_key(secret, root)


def _mac(key: bytes | None, previous: str, payload: str) -> str:
    if key is None:
        return ""  # no secret: a log nobody can vouch for, never replayed
    message = f"{previous}\0{payload}".encode()
    return hmac.new(key, message, hashlib.sha256).hexdigest()


def _payload(entry: dict[str, object]) -> str:
    return json.dumps(entry, sort_keys=True, separators=(",", ":"))


# -- who wrote a log -------------------------------------------------------------
class WriterAlive(LockTimeoutError):
    """The journal's undo log belongs to a change that is still running (its
    writer is alive, or runs on another machine): it must not be rolled back."""

    def __init__(self, writer: dict[str, object]) -> None:
        self.writer = writer
        host = writer.get("name") or "another machine"
        where = "" if writer.get("host") == this_machine() else f" on {host}"
        super().__init__(
            f"the journal is busy: another mentorlog (process {writer.get('pid')}"
            f"{where}) is changing it, though its lock file was removed; nothing "
            "was written: run this again when it has finished"
        )


def _small_file(path: str) -> str | None:
    try:
        with open(path, encoding="ascii", errors="replace") as file:
            return file.read(4096).strip() or None
    except OSError:
        return None


def _host_name() -> str:
    if hasattr(os, "uname"):
        return os.uname().nodename
    return os.environ.get("COMPUTERNAME", "")


def this_machine() -> str:
    """This machine's identity: its machine id, else its host name."""
    for path in ("/etc/machine-id", "/var/lib/dbus/machine-id"):
        found = _small_file(path)
        if found:
            return found
    return "host:" + _host_name()


def _boot() -> str | None:
    """This boot's random id (Linux); None where there is none."""
    return _small_file("/proc/sys/kernel/random/boot_id")


def _started(pid: int) -> str | None:
    """When process `pid` started, in clock ticks since boot (Linux); None
    where that cannot be known."""
    found = _small_file(f"/proc/{pid}/stat")
    if found is None:
        return None
    fields = found.rpartition(")")[2].split()
    return fields[19] if len(fields) > 19 else None  # field 22 of stat(5)


def writer() -> dict[str, object]:
    """This process, as a log names its writer."""
    pid = os.getpid()
    return {
        "host": this_machine(),
        "name": _host_name(),
        "boot": _boot(),
        "pid": pid,
        "start": _started(pid),
    }


def writer_gone(owner: dict[str, object] | None) -> bool:
    """Whether the process that wrote a log can no longer be running. Only a
    proof counts: a writer on another machine, or one whose start time cannot
    be compared, is taken to be alive while a process with its id runs."""
    if owner is None:
        return True  # an older release's log: it had no other way to say
    if owner.get("host") != this_machine():
        return False  # another machine (a shared folder): it cannot be known
    boot = _boot()
    if boot is not None and owner.get("boot") is not None and owner["boot"] != boot:
        return True  # this machine rebooted since: every process then is gone
    pid = owner.get("pid")
    if not isinstance(pid, int) or isinstance(pid, bool) or pid <= 0:
        return True
    if pid == os.getpid():
        return True  # this process: its own change has ended (it is not running)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except OSError:
        pass  # it exists (another user's): alive
    start = owner.get("start")
    now = _started(pid)
    return start is not None and now is not None and start != now


# -- which files a log may name -------------------------------------------------
def allowed(name: str) -> bool:
    """Whether `name` (relative, with `/`) is a file a transaction may write:
    a record in a record folder, the settings, the agenda template,
    `.gitignore`, `.gitattributes`, a draft. Never `.git/`, never outside the
    journal."""
    from .kinds import ALL_KINDS
    from .paths import AGENDA_TEMPLATE, SETTINGS_FILE, TEMPLATES

    if not name or "\0" in name or "\\" in name or name.startswith("/"):
        return False
    parts = name.split("/")
    if any(part in ("", ".", "..") for part in parts):
        return False
    if parts in (
        [SETTINGS_FILE],
        [".gitignore"],
        [".gitattributes"],  # names the record merge (issue 19)
        [TEMPLATES, AGENDA_TEMPLATE],
    ):
        return True
    if len(parts) != 2 or parts[1].startswith("."):
        return False
    folder, file = parts
    if folder == ".drafts":
        return True
    return any(
        folder == kind.folder and file.endswith(kind.extension) for kind in ALL_KINDS
    )


def _name_in(root: Path, target: Path) -> str:
    return Path(os.path.relpath(target, root)).as_posix()


# -- the log --------------------------------------------------------------------
class UndoLog:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.path = root / UNDO_FILE
        self._fd: int | None = None
        self._key: bytes | None = None
        self._last = ""
        self._recorded: set[str] = set()
        self._entries: list[tuple[str, bytes | None]] = []

    def record(self, target: Path) -> None:
        """Remember what `target` holds now, durably, before it is first written."""
        name = _name_in(self.root, target)
        if name in self._recorded:
            return
        if not allowed(name):
            raise MentorlogError(e.NotJournalFile(name))
        old = _read_old(self.root, name, target)
        try:
            if self._fd is None:
                self._open()
            entry: dict[str, object] = {
                "path": name,
                "old": None if old is None else base64.b64encode(old).decode("ascii"),
            }
            self._append(entry, _payload(entry))
        except OSError as error:
            raise JournalIOError(self.path, error) from error
        self._recorded.add(name)
        self._entries.append((name, old))

    def _open(self) -> None:
        secret = machine_secret(create=True)
        self._key = None if secret is None else _journal_key(secret, self.root)
        # O_EXCL: a log that is already there is not this transaction's
        try:
            self._fd = os.open(
                self.path,
                os.O_WRONLY
                | os.O_CREAT
                | os.O_EXCL
                | os.O_APPEND
                | _NOFOLLOW
                | _CLOEXEC,
                FILE_MODE,
            )
        except FileExistsError:
            # another command's change, begun since ours took the lock (its
            # `.lock` was removed): never written over, nor replayed
            owner = _writer_of(self.root)
            if owner is not None:
                raise WriterAlive(owner) from None
            raise
        os.fchmod(self._fd, FILE_MODE)
        fsync_dir(self.root)
        nonce = secrets.token_hex(16)
        self._last = ""
        head: dict[str, object] = {"nonce": nonce, "writer": writer()}
        self._append({"undo": _VERSION, **head}, "head:" + _payload(head))

    def _append(self, entry: dict[str, object], payload: str) -> None:
        assert self._fd is not None
        mac = _mac(self._key, self._last, payload)
        line = json.dumps({**entry, "mac": mac}, separators=(",", ":")) + "\n"
        _write_all(self._fd, line.encode("ascii"))
        os.fsync(self._fd)
        self._last = mac

    def commit(self) -> None:
        """The change is complete: mark it so, then drop the log."""
        if self._fd is None:
            return
        try:
            self._append({"commit": True}, "commit")
        except OSError as error:
            # Without a durable commit mark the change cannot stand: undo it now
            # rather than let the next command find it half-known.
            self._close()
            with contextlib.suppress(OSError, JournalIOError):
                self._restore_all()
            raise JournalIOError(self.path, error) from error
        self._close()
        with contextlib.suppress(OSError):
            self.path.unlink()
            fsync_dir(self.root)

    def rollback(self) -> None:
        """Put every file back as it was before the change."""
        self._close()
        self._restore_all()

    def _close(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None

    def _restore_all(self) -> None:
        for name, old in reversed(self._entries):
            _restore(self.root, name, old)
        self._entries = []
        with contextlib.suppress(OSError):
            self.path.unlink()
            fsync_dir(self.root)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


# -- reading the log back after a crash -----------------------------------------
def recover(root: Path, *, warn: Warn | None = None) -> int:
    """Roll back a change a crash left half done; return how many files were
    put back. A log whose change committed is simply removed; a log this
    machine did not write for this journal is removed unread (`warn` is told).
    A log whose writer may still be running is left alone: `WriterAlive`."""
    path = root / UNDO_FILE
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return 0
    except OSError as error:
        raise JournalIOError(path, error, action="read") from error
    log: _Log | None = None
    if stat.S_ISREG(info.st_mode):
        raw = _read_log(path)
        if raw is not None:
            log = _verify(root, raw)
    if log is None:
        _set_aside(path, info)
        if warn is not None:
            warn(NOT_OURS)
        return 0
    if not log.committed and not writer_gone(log.writer):
        assert log.writer is not None
        raise WriterAlive(log.writer)
    restored = 0
    if not log.committed:
        for name, old in reversed(log.entries):
            if _restore(root, name, old, warn=warn):
                restored += 1
    path.unlink()
    with contextlib.suppress(OSError):
        fsync_dir(root)
    return restored


def _writer_of(root: Path) -> dict[str, object] | None:
    """The writer of the journal's log when it may still be running."""
    raw = _read_log(root / UNDO_FILE)
    log = None if raw is None else _verify(root, raw)
    if log is None or log.committed or writer_gone(log.writer):
        return None
    return log.writer


def untrusted(root: Path) -> bool:
    """Whether the journal holds a recovery log that will not be replayed."""
    path = root / UNDO_FILE
    try:
        info = os.lstat(path)
    except OSError:
        return False
    if not stat.S_ISREG(info.st_mode):
        return True
    raw = _read_log(path)
    return raw is None or _verify(root, raw) is None


def _read_log(path: Path) -> bytes | None:
    try:
        fd = os.open(path, os.O_RDONLY | _NOFOLLOW | _CLOEXEC | _NONBLOCK)
    except OSError:
        return None  # a symlink put there since the lstat, or unreadable
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return None
        chunks = []
        while chunk := os.read(fd, 1 << 20):
            chunks.append(chunk)
        return b"".join(chunks)
    except OSError as error:
        raise JournalIOError(path, error, action="read") from error
    finally:
        os.close(fd)


class _Log(NamedTuple):
    """An authentic log: what it would put back, whether its change
    committed, and who wrote it (None: an older release's log)."""

    entries: list[tuple[str, bytes | None]]
    committed: bool
    writer: dict[str, object] | None


def _verify(root: Path, raw: bytes) -> _Log | None:
    """An authentic log read back; None for a log this machine did not write
    for this journal."""
    secret = machine_secret(create=False)
    if secret is None:
        return None
    key = _journal_key(secret, root)
    # the last piece, after the last newline, is a line a crash cut short
    lines = raw.split(b"\n")[:-1]
    if not lines:
        return None
    try:
        parsed = [json.loads(line.decode("ascii")) for line in lines]
    except (UnicodeDecodeError, ValueError):
        return None
    if not all(isinstance(item, dict) for item in parsed):
        return None
    head, rest = parsed[0], parsed[1:]
    nonce, owner = head.get("nonce"), head.get("writer")
    if not isinstance(nonce, str):
        return None
    if head.get("undo") == 1:
        owner, said = None, f"head:{nonce}"
    elif head.get("undo") == _VERSION and isinstance(owner, dict):
        said = "head:" + _payload({"nonce": nonce, "writer": owner})
    else:
        return None
    last = _checked(key, "", said, head)
    if last is None:
        return None
    entries: list[tuple[str, bytes | None]] = []
    for item in rest:
        if item.get("commit") is True and set(item) == {"commit", "mac"}:
            if _checked(key, last, "commit", item) is None:
                return None
            return _Log(entries, True, owner)
        name, old = item.get("path"), item.get("old")
        if not isinstance(name, str) or not (old is None or isinstance(old, str)):
            return None
        last = _checked(key, last, _payload({"path": name, "old": old}), item)
        if last is None or not allowed(name):
            return None
        try:
            entries.append((name, None if old is None else base64.b64decode(old)))
        except ValueError:
            return None
    return _Log(entries, False, owner)


def _checked(
    key: bytes, previous: str, payload: str, item: dict[str, object]
) -> str | None:
    mac = item.get("mac")
    if not isinstance(mac, str) or not mac:
        return None
    return mac if hmac.compare_digest(mac, _mac(key, previous, payload)) else None


def _set_aside(path: Path, info: os.stat_result) -> None:
    """Remove a log that is not ours, whatever it is: never followed."""
    import shutil

    try:
        if stat.S_ISDIR(info.st_mode):
            shutil.rmtree(path)
        else:
            path.unlink()  # a symlink goes, not what it points to
    except OSError as error:
        raise JournalIOError(path, error, action="remove") from error
    with contextlib.suppress(OSError):
        fsync_dir(path.parent)


# -- files, reached without following symlinks ----------------------------------
def _open_folder(root: Path, folders: list[str], *, create: bool) -> int | None:
    """The folder `root/folders...` open, each step with O_NOFOLLOW; None when
    one is missing (and not `create`). A symlink on the way is an OSError."""
    fd = os.open(root, os.O_RDONLY | _DIRECTORY | _CLOEXEC)
    try:
        for folder in folders:
            try:
                step = os.open(
                    folder, os.O_RDONLY | _DIRECTORY | _NOFOLLOW | _CLOEXEC, dir_fd=fd
                )
            except FileNotFoundError:
                if not create:
                    os.close(fd)
                    return None
                os.mkdir(folder, DIR_MODE, dir_fd=fd)
                step = os.open(
                    folder, os.O_RDONLY | _DIRECTORY | _NOFOLLOW | _CLOEXEC, dir_fd=fd
                )
            os.close(fd)
            fd = step
    except BaseException:
        os.close(fd)
        raise
    return fd


def _read_old(root: Path, name: str, target: Path) -> bytes | None:
    """What `name` holds now, or None when it does not exist."""
    parts = name.split("/")
    try:
        folder = _open_folder(root, parts[:-1], create=False)
        if folder is None:
            return None
        try:
            fd = os.open(
                parts[-1], os.O_RDONLY | _NOFOLLOW | _CLOEXEC | _NONBLOCK, dir_fd=folder
            )
        finally:
            os.close(folder)
    except FileNotFoundError:
        return None
    except OSError as error:
        raise JournalIOError(target, _say_symlink(error), action="read") from error
    try:
        if stat.S_ISDIR(os.fstat(fd).st_mode):
            raise IsADirectoryError(21, e.FolderWhereFile())
        chunks = []
        while chunk := os.read(fd, 1 << 20):
            chunks.append(chunk)
        return b"".join(chunks)
    except OSError as error:
        raise JournalIOError(target, error, action="read") from error
    finally:
        os.close(fd)


def _say_symlink(error: OSError) -> OSError:
    import errno

    if error.errno in (errno.ELOOP, errno.ENOTDIR):
        return OSError(error.errno, e.LinkOnTheWay())
    return error


def _restore(
    root: Path, name: str, old: bytes | None, warn: Warn | None = None
) -> bool:
    """Put `name` back to `old` (None: remove it); False when it is not a file
    a log may name or lies through a symlink (it is then left alone)."""
    target = root / name
    if not allowed(name):
        if warn is not None:
            warn(f"{UNDO_FILE}: names {name}, not a file of the journal; skipped")
        return False
    parts = name.split("/")
    try:
        folder = _open_folder(root, parts[:-1], create=old is not None)
    except OSError as error:
        if warn is not None:
            warn(
                f"{UNDO_FILE}: {name} was not put back: {_say_symlink(error).strerror}"
            )
        return False
    if folder is None:
        return True  # its folder is gone, so is the file: as it was
    leaf = parts[-1]
    try:
        if old is None:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(leaf, dir_fd=folder)  # a symlink goes, not its target
        else:
            tmp = temp_leaf(leaf)
            fd = os.open(
                tmp,
                os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW | _CLOEXEC,
                FILE_MODE,
                dir_fd=folder,
            )
            try:
                os.fchmod(fd, FILE_MODE)
                _write_all(fd, old)
                os.fsync(fd)
            finally:
                os.close(fd)
            try:
                os.replace(tmp, leaf, src_dir_fd=folder, dst_dir_fd=folder)
            except OSError:
                with contextlib.suppress(OSError):
                    os.unlink(tmp, dir_fd=folder)
                raise
        os.fsync(folder)
    except OSError as error:
        raise JournalIOError(target, error, action="restore") from error
    finally:
        os.close(folder)
    return True
