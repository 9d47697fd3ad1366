"""The console script. `mentorlog --help` is answered from a generated text
without importing the command framework; everything else goes to the CLI."""

from __future__ import annotations

import os
import sys


def main() -> None:
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

    cli_main()
