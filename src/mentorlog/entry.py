"""The console script. `mentorlog --help` is answered from a generated text
without importing the command framework; everything else goes to the CLI."""

from __future__ import annotations

import contextlib
import os
import sys


def main() -> None:
    from mentorlog import sink

    sink.install()  # every byte printed from here on is cleaned
    if sys.argv[1:] in (["--help"], ["-h"]) and "_MENTORLOG_COMPLETE" not in os.environ:
        from mentorlog._help import ROOT_HELP

        sys.stdout.write(ROOT_HELP)
        return
    # A run lives for a fraction of a second: reference counting frees what it
    # drops, and the cycle collector would only walk every record read, again
    # and again, as they are read (a sixth of the time of a large journal).
    import gc

    gc.disable()
    from mentorlog.cli import main as cli_main

    try:
        cli_main()
    except SystemExit as done:
        _leave(done.code)
    _leave(0)


def _leave(code: object) -> None:
    """End the process without tearing down every object it made: the answer is
    printed and every file written (atomically, fsynced) and closed, so what is
    left is freeing memory the system takes back at once anyway (a tenth of a
    second on a large journal)."""
    if code is None:
        code = 0
    elif not isinstance(code, int):
        sys.stderr.write(f"{code}\n")
        code = 1
    for stream in (sys.stdout, sys.stderr):
        if stream is None:
            continue  # started with the stream closed
        try:
            stream.flush()
        except BrokenPipeError:
            pass  # the reader went away (`mentorlog goals | head -1`)
        except (OSError, ValueError) as error:
            if stream is sys.stdout and code == 0:  # else the error is said
                reason = getattr(error, "strerror", None) or str(error)
                with contextlib.suppress(OSError, ValueError, AttributeError):
                    sys.stderr.write(f"error: cannot write the output: {reason}\n")
                    sys.stderr.flush()
                code = code or 1
    os._exit(code)
