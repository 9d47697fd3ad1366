"""Running the user's `$VISUAL` / `$EDITOR`: no shell, arguments allowed."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
from pathlib import Path

from mentorlog._struct import struct
from mentorlog.errors import UserError

FALLBACKS = ("sensible-editor", "editor", "nano", "vi")


def editor_command() -> list[str]:
    """The editor to run, as an argument list."""
    for variable in ("VISUAL", "EDITOR"):
        value = os.environ.get(variable, "").strip()
        if not value:
            continue
        if Path(value).is_file():  # a path with spaces, given unquoted
            return [value]
        try:
            argv = shlex.split(value)
        except ValueError:
            from mentorlog.messages import errors as e

            raise UserError(e.EditorUnreadable(variable, value)) from None
        if argv:
            return argv
    for fallback in FALLBACKS:
        found = shutil.which(fallback)
        if found:
            return [found]
    from mentorlog.messages import errors as e

    raise UserError(e.NoEditor())


# An editor that returns sooner than this with the file unchanged may not
# have waited for the user (`code` without `--wait`).
QUICK = 1.0


@struct
class EditorRun:
    error: str | None  # what went wrong, or None
    returned_at_once: bool  # within `QUICK` seconds


def run_editor(command: list[str], path: Path) -> EditorRun:
    """Open `path` with the editor `command` and wait for it."""
    import time

    argv = [*command, str(path)]
    started = time.monotonic()
    try:
        status = subprocess.run(argv, check=False).returncode
    except FileNotFoundError:
        return EditorRun(f"the editor {argv[0]!r} was not found", False)
    except OSError as error:
        return EditorRun(f"cannot run the editor {argv[0]!r}: {error.strerror}", False)
    quick = time.monotonic() - started < QUICK
    if status != 0:
        return EditorRun(f"the editor {argv[0]!r} exited with status {status}", quick)
    return EditorRun(None, quick)
