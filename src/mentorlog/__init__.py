"""mentorlog: a local-first command-line journal for mentees."""

__version__ = "0.2.0"
