"""The command table, and `mentorlog --help` written from it without importing
Typer (a tenth of a second): what `entry.main` prints for the root help. Tests
check that it is, byte for byte at every width, what the app itself prints."""

from __future__ import annotations

import shutil
import textwrap

ROOT_TEXT = (
    "A private, plain-file journal for mentees: SMART goals, meeting prep and "
    "recaps, and the habits that make mentorship work.\n\n"
    "\b\nStart here:\n"
    "  mentorlog tour          walk through a sample journal\n"
    "  mentorlog init          create your journal\n"
    '  mentorlog goals add "build a portfolio site with 3 projects within 2 months"'
)

# Every command and group, the module of `mentorlog.cli` that defines it (its
# `app` holds it) and the first paragraph of its help, in the order the root
# help lists them. Only the module of the command a run names is imported.
COMMANDS: dict[str, tuple[str, str]] = {
    "network": (
        "mentors",
        "Your needs (goal areas, needs in settings) against what your mentors cover.",
    ),
    "prep": (
        "meetings",
        "Build or update the agenda of your next meeting, and print it.",
    ),
    "recap": (
        "meetings",
        "Record the meeting held: takeaways, actions, feedback, and what became of "
        "the actions carried in. On a terminal with no options, it asks step by step.",
    ),
    "search": (
        "meetings",
        "Search everything you wrote: agendas, notes, takeaways, actions, feedback, "
        "goals, resources, the log.",
    ),
    "import": (
        "meetings",
        "Plan meetings from calendar events that name a mentor.",
    ),
    "checklist": (
        "progress",
        "The mentorship checklist: each habit ✓ / ✗ / – with its evidence.",
    ),
    "status": (
        "progress",
        "One screen for the start of the day: meetings, overdue actions, goals, "
        "the checklist score and what to follow up on.",
    ),
    "calendar": (
        "progress",
        "The month as a grid: meetings, action due dates and milestone dates.",
    ),
    "report": (
        "progress",
        "A progress summary to share with a mentor; nothing private is in it.",
    ),
    "export": (
        "progress",
        "Everything as one JSON document or Markdown; or an iCalendar file of planned "
        "meetings (events) and dated actions and milestones (to-dos).",
    ),
    "init": (
        "journal_commands",
        "Create the journal (safe to run again: it never writes over your data).",
    ),
    "where": ("journal_commands", "Print the journal's path."),
    "doctor": (
        "journal_commands",
        "Check every file of the journal; list each problem as path:line: message.",
    ),
    "edit": (
        "journal_commands",
        "Open a record in $VISUAL / $EDITOR; it is checked before it is saved.",
    ),
    "sync": (
        "journal_commands",
        "For a git journal: commit what is pending, pull with rebase, push.",
    ),
    "undo": (
        "journal_commands",
        "In a git journal, revert the last change mentorlog committed.",
    ),
    "tour": ("tour", "Walk through a sample journal; your own journal is not touched."),
    "goals": ("goals", "SMART goals with milestones and progress."),
    "mentors": ("mentors", "Your mentors: profiles, agreements, flash mentoring."),
    "sessions": ("meetings", "Meetings, planned and held."),
    "followups": (
        "meetings",
        "What to do now: thank-you notes, impressions and updates owed, meetings to "
        "plan, late moves to announce, reviews due.",
    ),
    "actions": ("tracking", "Action items from your meetings and your own."),
    "feedback": (
        "tracking",
        "Feedback you received, and the evidence that you applied it.",
    ),
    "resources": (
        "tracking",
        "Learning resources: readings, courses, workshops, events.",
    ),
    "log": ("tracking", "Wins, challenges and updates between meetings."),
}

# The root's options as its help shows them (`main_options` in mentorlog.cli,
# then Typer's completion options and Click's help option).
OPTIONS: tuple[tuple[str, str], ...] = (
    (
        "-j, --journal PATH",
        "The journal folder (default: $MENTORLOG_HOME, else your data dir).",
    ),
    ("--no-color", "No colours (also: NO_COLOR=1)."),
    ("--debug", "Show the full traceback of an error."),
    ("--no-input", "Never prompt, even on a terminal."),
    (
        "--no-pager",
        "Print long lists straight, not through $PAGER (also: PAGER=cat).",
    ),
    ("--version", "Show the version and exit."),
    ("--install-completion", "Install completion for the current shell."),
    (
        "--show-completion",
        "Show completion for the current shell, to copy it or customize the "
        "installation.",
    ),
    ("-h, --help", "Show this message and exit."),
)


def short(text: str, limit: int) -> str:
    """`text` cut to `limit` characters at a word, as Click shortens a command's
    help in a list: at the end of its first sentence, else with "..."."""
    words = text.split()
    total = 0
    for index, word in enumerate(words):
        total += len(word) + (index > 0)
        if total > limit:
            break
        if word.endswith("."):
            return " ".join(words[: index + 1])
        if total == limit and index != len(words) - 1:
            break
    else:
        return " ".join(words)
    total += 3
    while index > 0:
        total -= len(words[index]) + 1
        if total <= limit:
            break
        index -= 1
    return " ".join(words[:index]) + "..."


def command_rows(width: int) -> list[tuple[str, str]]:
    limit = width - 6 - max(len(name) for name in COMMANDS)
    return [(name, short(text, limit)) for name, (_, text) in COMMANDS.items()]


def _definitions(rows: list[tuple[str, str]], width: int) -> list[str]:
    first = min(max(len(name) for name, _ in rows), 30) + 2
    lines = []
    for name, text in rows:
        wrapped = textwrap.wrap(text, max(width - first - 2, 10))
        if len(name) <= first - 2:
            lines.append(f"  {name}{' ' * (first - len(name))}{wrapped[0]}")
        else:
            lines += [f"  {name}", f"{' ' * (first + 2)}{wrapped[0]}"]
        lines += [f"{' ' * (first + 2)}{line}" for line in wrapped[1:]]
    return lines


def root_help() -> str:
    """`mentorlog --help`, at the width Click would use here."""
    width = max(min(shutil.get_terminal_size().columns, 80) - 2, 50)
    paragraph, block = ROOT_TEXT.split("\n\n\b\n")
    lines = [
        "Usage: mentorlog [OPTIONS] COMMAND [ARGS]...",
        "",
        *textwrap.wrap(paragraph, width, initial_indent="  ", subsequent_indent="  "),
        "",
        *(f"  {line}" for line in block.splitlines()),
        "",
        "Options:",
        *_definitions(list(OPTIONS), width),
        "",
        "Commands:",
        *_definitions(command_rows(width), width),
    ]
    return "\n".join(lines) + "\n"


def version_text(journal: str | None = None) -> str:
    """`mentorlog --version`: the release, and the journal it would open (the
    app's `--version` and the fast path of `entry.main` both print this)."""
    from mentorlog import __version__
    from mentorlog.store.paths import locate

    return f"mentorlog {__version__}\njournal: {locate(journal)}\n"
