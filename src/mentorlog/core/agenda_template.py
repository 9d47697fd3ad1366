"""The agenda's template (`templates/agenda.md`, SPEC §2): its sections, the
items `prep` puts under them, and a fresh agenda made from it (a later `prep`
refreshes an agenda in `agenda_refresh`)."""

from __future__ import annotations

import errno
import hashlib
import re

from mentorlog._struct import struct
from mentorlog.errors import DataError, JournalIOError, LinkError
from mentorlog.models import Mentor, Session
from mentorlog.store.journal import Journal

from .common import one_line

LINE_PLACEHOLDERS = (
    "actions",
    "takeaways",
    "questions",
    "feedback",
    "goals",
    "wins",
    "resources",
    "feedback_area",
    "topics",
    "bring",
    "applied",
    "ask",
)
# a placeholder an older template lacks: its items go under this one instead
FALLBACK = {"applied": "feedback", "ask": "topics"}
# the agenda of a flash meeting: one ask, one question, the goal it serves
FLASH_TEMPLATE = """\
# {mentor} · {date}

## The ask
{ask}

## The question
{questions}

## The goal it serves
{goals}

## Topics
{topics}

## To bring
{bring}

## Before leaving
- Thank {mentor} for their time, and say what you will do with their answer.
"""
ADDED_HEADING = "## Added by prep"
HEADING = re.compile(r"^#{1,6}\s")
_COMMENT = re.compile(r"<!--.*?-->\n?", re.DOTALL)


@struct(frozen=True)
class Item:
    key: str
    section: str  # a LINE_PLACEHOLDERS name
    line: str


# -- the template -------------------------------------------------------------------
def load_template(journal: Journal) -> str:
    from .setup import AGENDA_TEMPLATE

    try:
        text = journal.read_text(journal.template_path)
    except LinkError as error:
        # never followed (it could point at a key to copy into the agenda)
        journal.warn_once(f"{error.message}; the built-in template was used")
        return AGENDA_TEMPLATE
    except DataError as error:
        # the user's template, unreadable as text (saved as UTF-16): said, so
        # their layout is not silently replaced
        journal.warn_once(f"{error.message}; the built-in template was used")
        return AGENDA_TEMPLATE
    except JournalIOError as error:
        if error.errno != errno.ENOENT:  # none: the built-in one, as documented
            journal.warn_once(f"{error.message}; the built-in template was used")
        return AGENDA_TEMPLATE
    return text if text.strip() else AGENDA_TEMPLATE


def fit(template: str, items: list[Item]) -> list[Item]:
    """`items` with those whose placeholder `template` lacks moved under the
    placeholder an older template has for them (`FALLBACK`)."""
    names = {
        name
        for line in _COMMENT.sub("", template).splitlines()
        if (name := _placeholder(line)) is not None
    }
    return [
        Item(i.key, FALLBACK[i.section], i.line)
        if i.section not in names and FALLBACK.get(i.section) in names
        else i
        for i in items
    ]


def _fill(line: str, mentor: Mentor, session: Session) -> str:
    return line.replace("{mentor}", one_line(mentor.name)).replace(
        "{date}", session.date.isoformat()
    )


def render_agenda(
    template: str, mentor: Mentor, session: Session, items: list[Item]
) -> str:
    """A fresh agenda: the template with every placeholder filled in."""
    by_section: dict[str, list[str]] = {}
    for item in items:
        by_section.setdefault(item.section, []).append(item.line)
    out: list[str] = []
    placed: set[str] = set()
    for line in _COMMENT.sub("", template).splitlines():
        name = _placeholder(line)
        if name is not None:
            out.extend(by_section.get(name, []))
            placed.add(name)
            continue
        out.append(_fill(line, mentor, session))
    leftover = [i.line for i in items if i.section not in placed]
    if leftover:
        out += ["", ADDED_HEADING, *leftover]
    return tidy("\n".join(out))


def _placeholder(line: str) -> str | None:
    stripped = line.strip()
    if stripped.startswith("{") and stripped.endswith("}"):
        name = stripped[1:-1]
        if name in LINE_PLACEHOLDERS:
            return name
    return None


def tidy(text: str) -> str:
    """At most one blank line in a row; exactly one final newline."""
    return re.sub(r"\n{3,}", "\n\n", text).strip("\n") + "\n"


def section_headings(template: str, mentor: Mentor, session: Session) -> dict[str, str]:
    """Which heading each line placeholder sits under, as the agenda shows it."""
    headings: dict[str, str] = {}
    current = ""
    for line in _COMMENT.sub("", template).splitlines():
        if HEADING.match(line):
            current = _fill(line, mentor, session).strip()
            continue
        name = _placeholder(line)
        if name is not None and current:
            headings[name] = current
    return headings


def line_digest(line: str) -> str:
    """What a session keeps of a line prep wrote: enough to know it again."""
    return hashlib.sha256(line.encode("utf-8")).hexdigest()[:16]
