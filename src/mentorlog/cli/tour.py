"""`mentorlog tour`: a guided walk through a sample journal in a temporary folder."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Annotated

import typer

from .context import STATE

STEPS: tuple[tuple[str, list[str]], ...] = (
    (
        "Start a journal: plain TOML and Markdown files in a private folder.",
        ["init", "--name", "Sam"],
    ),
    (
        "Write down a goal the way most of us first do: vaguely.",
        ["goals", "add", "Improve my programming skills"],
    ),
    (
        "Ask the SMART coach what it is missing.",
        ["goals", "check", "improve"],
    ),
    (
        "Rewrite it as a SMART goal: a result, a measure, a reason, a deadline.",
        [
            "goals",
            "add",
            "Build a working web application using React within 3 months",
            "--measure",
            "deployed, with sign-in and 3 pages people use",
            "--achievable",
            "6 hours a week; I know JavaScript already",
            "--relevant",
            "the front-end roles I want ask for React",
            "--area",
            "web",
        ],
    ),
    (
        "Break it into milestones with due dates.",
        [
            "goals",
            "milestone",
            "build",
            "Finish the official React tutorial",
            "--due",
            "in 2 weeks",
        ],
    ),
    (
        "Another milestone.",
        [
            "goals",
            "milestone",
            "build",
            "Deploy a first page with sign-in",
            "--due",
            "in 6 weeks",
        ],
    ),
    ("Tick one off when it is done.", ["goals", "tick", "build", "1"]),
    (
        "Drop the vague goal: the SMART one replaces it.",
        ["goals", "drop", "improve"],
    ),
    (
        "Add two more goals: the checklist wants 3-5, each with a date.",
        [
            "goals",
            "add",
            "Interview 5 alumni about data jobs",
            "--by",
            "in 6 weeks",
            "--relevant",
            "choose a specialisation",
            "--achievable",
            "I have their emails",
            "--area",
            "career",
        ],
    ),
    (
        "One more.",
        [
            "goals",
            "add",
            "Give a 10-minute talk at the study group by eom",
            "--relevant",
            "practice explaining my work",
            "--achievable",
            "the group meets weekly",
            "--area",
            "communication",
        ],
    ),
    (
        "Add a mentor: who they are and what they know.",
        [
            "mentors",
            "add",
            "Ada Lovelace",
            "--expertise",
            "web, python",
            "--channel",
            "video",
            "--cadence",
            "biweekly",
        ],
    ),
    (
        "Agree on how you work together; the open parts are listed.",
        [
            "mentors",
            "agree",
            "ada",
            "--reschedule-notice",
            "48h",
            "--first-name",
            "--off-limits",
            "salary",
            "--until",
            "in 6 months",
        ],
    ),
    (
        "Your network: which goal areas a mentor covers, and the gaps.",
        ["network"],
    ),
    (
        "Something to talk about: a win since you last met.",
        ["log", "add", "Deployed my first page", "--kind", "win"],
    ),
    (
        "Before the meeting: prep builds the agenda from the journal.",
        [
            "prep",
            "ada",
            "--on",
            "today",
            "--question",
            "How do you structure a portfolio?",
            "--bring",
            "the deployed page",
        ],
    ),
    (
        "After it: recap records takeaways, actions and feedback.",
        [
            "recap",
            "ada",
            "--takeaway",
            "Three projects, each with a story",
            "--action",
            "Write the story of project 1 due:in 5 days",
            "--feedback",
            "Explain the why before the how",
            "--feedback-asked",
            "presenting",
            "--appreciated",
        ],
    ),
    ("What to do now: the thank-you note, the next meeting.", ["followups"]),
    ("Sent it? Mark it done.", ["followups", "done", "thanks"]),
    (
        "The checklist: are you doing what makes mentorship work? With evidence.",
        ["checklist"],
    ),
    ("Your goals at a glance: progress, dates, SMART gaps.", ["goals"]),
    ("One goal in full.", ["goals", "show", "build"]),
    ("Everything the coach still sees.", ["goals", "check"]),
    ("One screen for the start of your day.", ["status"]),
)


def tour(
    keep: Annotated[
        bool, typer.Option("--keep", help="Keep the sample journal and print its path.")
    ] = False,
) -> None:
    """Walk through a sample journal; your own journal is not touched.

    \b
    Examples:
      mentorlog tour
      mentorlog tour --keep
    """
    from mentorlog import render
    from mentorlog.errors import MentorlogError

    from . import app

    folder = Path(tempfile.mkdtemp(prefix="mentorlog-tour-"))
    sample = folder / "journal"
    extra = ["--no-input", *(["--no-color"] if STATE.no_color else [])]
    try:  # from here on, every way out removes the folder (a reader gone, Ctrl-C)
        render.tour_intro(str(sample))
        for number, (explanation, args) in enumerate(STEPS, start=1):
            render.tour_step(number, len(STEPS), explanation, args)
            code = app(
                ["--journal", str(sample), *extra, *args],
                prog_name="mentorlog",
                standalone_mode=False,
            )
            if code:
                raise MentorlogError(f"the tour stopped at step {number} (exit {code})")
    finally:
        if keep:
            render.tour_end(str(sample), kept=True, script=_not_on_path())
        else:
            shutil.rmtree(folder, ignore_errors=True)
    if not keep:
        render.tour_end(str(sample), kept=False, script=_not_on_path())


def _not_on_path() -> str | None:
    """The script to name when `mentorlog` is not on the user's PATH (run as
    `.venv/bin/mentorlog tour`, say): this Python's `bin/mentorlog`, or
    "mentorlog" when there is none; None when typing `mentorlog` works."""
    import os
    import sys

    found = shutil.which("mentorlog")
    here = Path(sys.executable).parent / "mentorlog"
    if found is not None and (not here.exists() or os.path.samefile(found, here)):
        return None
    return str(here) if here.exists() else "mentorlog"


app = typer.Typer()  # what the root lists: `COMMANDS` in mentorlog.cli
app.command("tour")(tour)
