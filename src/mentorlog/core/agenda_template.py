"""The agenda's template (`templates/agenda.md`, SPEC §2): its sections, the
items `prep` puts under them, and the items a later `prep` adds to an agenda
the user may have edited by hand."""

from __future__ import annotations

import hashlib
import re

from mentorlog._struct import struct
from mentorlog.errors import DataError, JournalIOError, LinkError
from mentorlog.models import AgendaLine, Mentor, Session
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
    except (JournalIOError, DataError):
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


def _section_headings(
    template: str, mentor: Mentor, session: Session
) -> dict[str, str]:
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


def add_items(
    body: str, template: str, mentor: Mentor, session: Session, items: list[Item]
) -> str:
    """`body` with `items` added at the end of their sections; nothing removed,
    nothing the user wrote moved."""
    lines = body.splitlines()
    headings = _section_headings(template, mentor, session)
    for item in items:
        heading = headings.get(item.section, ADDED_HEADING)
        index = next(
            (i for i, line in enumerate(lines) if line.strip() == heading), None
        )
        if index is None:
            index = next(
                (i for i, line in enumerate(lines) if line.strip() == ADDED_HEADING),
                None,
            )
            if index is None:
                lines += ["", ADDED_HEADING]
                index = len(lines) - 1
        end = index + 1
        while end < len(lines) and not HEADING.match(lines[end]):
            end += 1
        while end > index + 1 and not lines[end - 1].strip():
            end -= 1
        lines.insert(end, item.line)
    return "\n".join(lines).rstrip("\n") + "\n"


def line_digest(line: str) -> str:
    """What a session keeps of a line prep wrote: enough to know it again."""
    return hashlib.sha256(line.encode("utf-8")).hexdigest()[:16]


def identity(key: str) -> str:
    """What an item is about, whatever its state: an action open or done, a
    feedback not yet applied or applied, are one item each."""
    kind, _, rest = key.partition(":")
    return {"done": "action", "applied": "feedback"}.get(kind, kind) + ":" + rest


def _with_note(line: str, written: AgendaLine) -> bool:
    """Whether `line` is the line prep wrote (`written`) with text after it."""
    size = written.length or 0
    return (
        size > 0
        and len(line) > size
        and bool(line[size:].strip())
        and line_digest(line[:size]) == written.digest
    )


def noted_keys(body: str, old: list[AgendaLine]) -> set[str]:
    """The keys of the lines prep wrote (`old`) that `body` still has, with a
    note the user added after them."""
    lines = body.splitlines()
    return {o.key for o in old if any(_with_note(line, o) for line in lines)}


def refresh_items(
    body: str,
    template: str,
    mentor: Mentor,
    session: Session,
    old: list[AgendaLine],
    items: list[Item],
) -> str:
    """`body` with what prep wrote last time (`old`) replaced by `items`, the
    journal as it is now. A written line the user left unchanged is prep's to
    replace (the first of each part gives the place of the part's new items);
    a written line the user added a note to is refreshed with the note kept
    after it, while the item is still on the agenda; a line the user edited,
    and every line they added, stays where it is."""
    lines = body.splitlines()
    remaining = {(o.section, o.digest) for o in old}
    by_length = [o for o in old if o.length]
    current = {identity(i.key) for i in items}
    notes: dict[str, str] = {}
    marked: set[str] = set()
    out: list[str | tuple[str]] = []
    for line in lines:
        digest = line_digest(line)
        found = next((s for s, d in remaining if d == digest), None)
        if found is None:
            written = next(
                (
                    o
                    for o in by_length
                    if _with_note(line, o)
                    and identity(o.key) in current
                    and identity(o.key) not in notes
                ),
                None,
            )
            if written is None:
                out.append(line)
                continue
            notes[identity(written.key)] = line[written.length or 0 :]
            found = written.section
        else:
            remaining.discard((found, digest))
        if found not in marked:
            marked.add(found)
            out.append((found,))
    by_section: dict[str, list[Item]] = {}
    for item in items:
        by_section.setdefault(item.section, []).append(item)
    expanded: list[str] = []
    for entry in out:
        if isinstance(entry, tuple):
            expanded += [
                i.line + notes.get(identity(i.key), "")
                for i in by_section.pop(entry[0], [])
            ]
        else:
            expanded.append(entry)
    rest = [i for i in items if i.section in by_section]
    rest = [
        Item(i.key, i.section, i.line + notes.get(identity(i.key), "")) for i in rest
    ]
    text = "\n".join(expanded).rstrip("\n") + "\n"
    return add_items(text, template, mentor, session, rest) if rest else text
