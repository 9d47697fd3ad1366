"""The console script, and `run`: the one place a run of the app ends.

Whatever way a run goes (a result, a `MentorlogError`, a usage error, a reader
that went away, an output that is full or closed, Ctrl-C, a bug), `run` turns
it into an exit code and at most one line on stderr. The console script, the
tests' runner and the tour's steps all come through it (`MentorlogGroup.main`).
"""

from __future__ import annotations

import contextlib
import errno
import os
import sys
from collections.abc import Sequence
from typing import Any, NoReturn


def main() -> NoReturn:
    """The console script: run the app, then end the process at once."""
    # A run lives for a fraction of a second: reference counting frees what it
    # drops, and the cycle collector would only walk every record read, again
    # and again, as they are read (a sixth of the time of a large journal).
    import gc

    gc.disable()
    from mentorlog import sink

    sink.install()  # every byte printed from here on is cleaned
    if sys.argv[1:] in (["--help"], ["-h"]) and "_MENTORLOG_COMPLETE" not in os.environ:
        # written from the command table without importing Typer, in a
        # third of the time (a test checks it against the app's own)
        from mentorlog._help import root_help

        os._exit(_flushed(_written(root_help())))
    if sys.argv[1:] == ["--version"]:
        # the same two lines as the app's `--version` (a test checks it), in
        # the time of a bare interpreter: Typer is not imported
        from mentorlog._help import version_text

        os._exit(_flushed(_written(version_text())))
    if sys.argv[1:2] == [MERGE_DRIVER]:
        os._exit(_merge_driver(sys.argv[2:]))
    from mentorlog.cli import app

    code = app(prog_name="mentorlog", standalone_mode=False)
    # End the process without tearing down every object it made: the answer is
    # printed and flushed by `run`, every file written (atomically, fsynced)
    # and closed, so what is left is freeing memory the system takes back at
    # once anyway (a tenth of a second on a large journal). `os._exit` runs no
    # atexit handler and flushes no stream: nothing may rely on either.
    os._exit(code)


MERGE_DRIVER = "merge-driver"  # hidden: what git runs, not a user's command


def _merge_driver(args: list[str]) -> int:
    """`mentorlog merge-driver BASE OURS THEIRS PATH`: git's merge of one of
    mentorlog's files (see `store.merge`); not listed in the help."""
    if len(args) != 4:
        sys.stderr.write("usage: mentorlog merge-driver BASE OURS THEIRS PATH\n")
        return 2
    from mentorlog.store.merge import driver

    try:
        return driver(*args)
    except Exception as error:  # git then keeps its conflict: nothing is lost
        sys.stderr.write(f"mentorlog merge-driver: {error}\n")
        return 1


def run(
    group: Any,
    args: Sequence[str] | None,
    prog_name: str | None,
    complete_var: str | None = None,
    **extra: Any,
) -> int:
    """Run the Click `group` on `args` (default: the process's); the exit code.
    Everything printed goes through the sink (`mentorlog.sink`), also Click's
    usage errors, which quote what was typed, and its help."""
    from mentorlog import sink

    before = sink.install()
    saves = _saves()
    try:
        code = _outcome(group, args, prog_name, complete_var, extra, saves)
        return _flushed(code, saved=_saved_since(saves))
    finally:
        sink.restore(before)


def _outcome(
    group: Any,
    args: Sequence[str] | None,
    prog_name: str | None,
    complete_var: str | None,
    extra: dict[str, Any],
    saves: tuple[int, int],
) -> int:
    import typer

    from mentorlog.cli.context import STATE
    from mentorlog.errors import MentorlogError

    try:
        # what Typer's own `main` does, without its handling of errors
        arguments = sys.argv[1:] if args is None else list(args)
        name = prog_name or "mentorlog"
        group._main_shell_completion(extra, name, complete_var)
        with group.make_context(name, arguments, **extra) as ctx:
            group.invoke(ctx)
        return 0
    except typer.Exit as done:
        return done.exit_code
    except SystemExit as done:  # shell completion ends this way
        return done.code if isinstance(done.code, int) else 1
    except typer.TyperException as error:  # a usage error: exit code 2
        from mentorlog import render

        error.message = render.safe(error.message, one_line=False)
        show = getattr(error, "show", None)
        if show is not None:
            show()
        return error.exit_code
    except EOFError:  # the input ended at a prompt
        sys.stderr.write("\nAborted!\n")
        return 1
    except typer.Abort:
        sys.stderr.write("Aborted!\n")
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (`mentorlog goals | head -1`): it has what it
        # wanted. Point stdout at nothing so no later flush can fail.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except MentorlogError as error:
        from mentorlog import render

        if STATE.debug:
            import traceback

            traceback.print_exc()
        render.error(error.message, error.hint)
        return error.exit_code
    except Exception as error:
        if STATE.debug:
            raise
        from mentorlog import render

        reason = _output_failure(error)
        if reason is not None and _saved_since(saves):
            return _saved_anyway(reason)
        if reason is not None:
            render.error(f"cannot write the output: {reason}")
            return 1
        render.error(
            f"unexpected {type(error).__name__}: this is a bug in mentorlog. "
            "Rerun with --debug to see where it happened, and please report it."
        )
        return 1


def _written(text: str) -> int:
    """Write `text` to stdout, outside the app (the fast help): the exit code,
    with one line on stderr when the output cannot take it, never a traceback."""
    try:
        _write(sys.stdout, text)
    except BrokenPipeError:
        with contextlib.suppress(OSError, ValueError, AttributeError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except (OSError, ValueError) as error:
        reason = _output_failure(error) or str(error)
        with contextlib.suppress(OSError, ValueError, AttributeError):
            sys.stderr.write(f"error: cannot write the output: {reason}\n")
        return 1
    return 0


def _write(stream: Any, text: str) -> None:
    if stream is None:
        raise OSError(errno.EBADF, "the output is closed")
    stream.write(text)


def _saves() -> tuple[int, int]:
    """How many changes the store has saved, and how many failed, in this
    process so far."""
    transaction = sys.modules.get("mentorlog.store.transaction")
    if transaction is None:
        return 0, 0
    return int(transaction.SAVED[0]), int(transaction.FAILED[0])


def _saved_since(before: tuple[int, int]) -> bool:
    """Whether the run saved a change since `before`, and none failed."""
    saved, failed = _saves()
    return saved > before[0] and failed == before[1]


def _saved_anyway(reason: str) -> int:
    """A change was saved but its confirmation could not be printed: say
    "saved" on whichever stream takes it, and exit 0, so that a script does
    not make the change twice."""
    line = f"saved (the confirmation could not be printed: {reason})\n"
    for stream in (sys.stderr, sys.stdout):
        try:
            _write(stream, line)
            stream.flush()
            break
        except (OSError, ValueError):
            continue
    return 0


def _flush(stream: Any) -> None:
    if stream is None:
        raise OSError("the output is closed")
    stream.flush()


def _flushed(code: int, *, saved: bool = False) -> int:
    """`code`, once what is printed has left: an output that cannot take it
    (`> /dev/full`, a closed stdout) is one line on stderr and exit 1, unless
    the run already failed and said why, or saved a change (then it says
    "saved" and the exit stays 0)."""
    for stream in (sys.stdout, sys.stderr):
        try:
            _flush(stream)
        except BrokenPipeError:
            # the reader went away (`mentorlog goals | head -1`)
            with contextlib.suppress(OSError, ValueError, AttributeError):
                os.dup2(os.open(os.devnull, os.O_WRONLY), stream.fileno())
        except (OSError, ValueError) as error:
            if stream is sys.stderr or code != 0:
                continue
            reason = _output_failure(error) or str(error)
            if saved:
                _saved_anyway(reason)
                continue
            with contextlib.suppress(OSError, ValueError, AttributeError):
                sys.stderr.write(f"error: cannot write the output: {reason}\n")
                sys.stderr.flush()
            code = 1
    return code


def _output_failure(error: BaseException) -> str | None:
    """Why the output could not be written (`> /dev/full`, stdout closed), or
    None for any other error. Errors reading or writing the journal never get
    here: the store turns them into a `JournalIOError` naming the path."""
    if sys.stdout is None:
        return "the output is closed"
    if isinstance(error, OSError) and error.errno in (
        errno.ENOSPC,
        errno.EIO,
        errno.EBADF,
        errno.EDQUOT,
        errno.EFBIG,
    ):
        return error.strerror or str(error)
    if isinstance(error, UnicodeEncodeError):  # a stream that lied about it
        return f"it cannot take the character {error.object[error.start]!r}"
    return None
