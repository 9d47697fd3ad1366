"""`python -m mentorlog` runs the CLI."""

from mentorlog.cli import main

main()
