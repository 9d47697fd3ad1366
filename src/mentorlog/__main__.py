"""`python -m mentorlog` runs the CLI."""

from mentorlog.entry import main

main()
