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
    from mentorlog.cli import main as cli_main

    cli_main()
