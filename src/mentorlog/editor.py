"""Running the user's `$VISUAL` / `$EDITOR`: no shell, arguments allowed."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
from pathlib import Path

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
            raise UserError(
                f"${variable} cannot be read as a command: {value!r}"
            ) from None
        if argv:
            return argv
    for fallback in FALLBACKS:
        found = shutil.which(fallback)
        if found:
            return [found]
    raise UserError("no editor found: set $VISUAL or $EDITOR (e.g. export EDITOR=nano)")


def run_editor(command: list[str], path: Path) -> str | None:
    """Open `path` with the editor `command`; return what went wrong, or None."""
    argv = [*command, str(path)]
    try:
        status = subprocess.run(argv, check=False).returncode
    except FileNotFoundError:
        return f"the editor {argv[0]!r} was not found"
    except OSError as error:
        return f"cannot run the editor {argv[0]!r}: {error.strerror}"
    if status != 0:
        return f"the editor {argv[0]!r} exited with status {status}"
    return None
