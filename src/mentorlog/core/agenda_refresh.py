"""A later `prep` on an agenda the user may have edited (docs/guide.md,
"Preparing again"). Each line `prep` wrote last time is known by the digest
and length of its text (`AgendaLine`), so a line of the agenda is one of:

- a line prep wrote, untouched: refreshed in place from the journal as it is
  now (an action done shows done), or dropped once its fact is gone;
- a line prep wrote with only its checkbox changed: refreshed in place while
  the journal agrees with the tick (the action is done), kept as ticked while
  it does not, dropped once its fact is gone (a tick alone is nothing to keep);
- a line prep wrote with a note after it: refreshed in place with the note
  kept after it; once its fact is gone (or shows on another line: feedback
  applied) it is the user's, kept as written, note and all;
- anything else, a line prep wrote and the user changed, or one they wrote:
  the user's, kept as written where it is. What a line prep wrote is about
  is never written again once the user changed or deleted that line.

Lines stay where the user left them (nested under another, too); a new line
goes after the last line of its kind in its section, else at the end of the
section."""

from __future__ import annotations

import re

from mentorlog._struct import struct
from mentorlog.models import AgendaLine, Session
from mentorlog.store.refs import normal

from .agenda_template import (
    ADDED_HEADING,
    HEADING,
    Item,
    line_digest,
)

OPEN_BOX = "- [ ] "
TICKED_BOXES = ("- [x] ", "- [X] ")
# the state a generated line ends with: "(due 2026-11-30)", "(private)"...
_TRAILING = re.compile(r"(?:\s*\([^()]*\))+$")


@struct(frozen=True)
class Match:
    """A line of the agenda found to be a line prep wrote (`written`)."""

    written: AgendaLine
    note: str  # what the user added after it ("" for nothing)
    ticked: bool  # the user changed its checkbox


@struct
class Refreshed:
    body: str
    written: list[Item]  # the lines prep wrote this time, in the journal's order
    kept: list[str]  # keys of items whose line is the user's now
    # lines prep wrote before, kept with the user's tick: still known as prep's
    # (refreshed once the journal agrees with the tick, dropped with their fact)
    ticked: list[AgendaLine]


def slot(key: str) -> str:
    """Which line an item is, whatever its state: an action open or done is
    one line. Feedback to apply and feedback applied are two lines (in two
    parts of the agenda): a note on the first never moves to the second.
    Compared as typed text is (NFC, case-folded): a key an older version kept
    in lower case only is the same line."""
    kind, _, rest = key.partition(":")
    return normal({"done": "action"}.get(kind, kind) + ":" + rest)


def written_line(item: Item) -> AgendaLine:
    return AgendaLine(
        key=item.key,
        section=item.section,
        digest=line_digest(item.line),
        length=len(item.line),
    )


def _toggled(line: str) -> str | None:
    """`line` with its checkbox ticked if open, opened if ticked."""
    if line.startswith(OPEN_BOX):
        return TICKED_BOXES[0] + line[len(OPEN_BOX) :]
    if line.startswith(TICKED_BOXES):
        return OPEN_BOX + line[len(OPEN_BOX) :]
    return None


def _box(line: str) -> str | None:
    if line.startswith(OPEN_BOX):
        return " "
    return "x" if line.startswith(TICKED_BOXES) else None


def _with_note(line: str, written: AgendaLine) -> bool:
    """Whether `line` is the line prep wrote (`written`) with text after it."""
    size = written.length or 0
    return (
        size > 0
        and len(line) > size
        and bool(line[size:].strip())
        and line_digest(line[:size]) == written.digest
    )


def match_lines(
    lines: list[str], old: list[AgendaLine], known: list[AgendaLine]
) -> dict[int, Match]:
    """Which of `lines` are lines prep wrote (`old`): as written, with their
    checkbox changed, or either with a note after them, indented or not; and
    which are, exactly or with their checkbox changed, a line prep would write
    now (`known`: an agenda from before prep kept its lines, or a line typed
    as prep would write it). Each line prep wrote is found once, whole lines
    before noted ones, and a note goes to the longest line it follows, never
    to a shorter one that starts the same."""
    unused = [*old, *known]
    found: dict[int, Match] = {}
    for toggle in (False, True):
        for index, line in enumerate(lines):
            text = _toggled(line.strip()) if toggle else line.strip()
            if index in found or text is None:
                continue
            digest = line_digest(text)
            hit = next((o for o in unused if o.digest == digest), None)
            if hit is not None:
                found[index] = Match(hit, "", toggle)
                unused.remove(hit)
    longest = sorted(
        (o for o in unused if any(o is w for w in old)),
        key=lambda o: -(o.length or 0),
    )
    for toggle in (False, True):
        for index, line in enumerate(lines):
            text = _toggled(line.strip()) if toggle else line.strip()
            if index in found or text is None:
                continue
            hit = next((o for o in longest if _with_note(text, o)), None)
            if hit is not None:
                found[index] = Match(hit, text[hit.length or 0 :], toggle)
                longest.remove(hit)
    return found


def _bare(line: str) -> str:
    """A line without its checkbox state and the state it ends with."""
    text = line.strip()
    if text.startswith(TICKED_BOXES):
        text = OPEN_BOX + text[len(OPEN_BOX) :]
    return _TRAILING.sub("", text).strip()


def alike(lines: list[str], skip: set[int], items: list[Item]) -> set[str]:
    """For an agenda prepared before prep kept its lines: the slots of the
    items a line of it already says, in an older state (`- [ ] Email Bob (due
    2026-11-30)` for an action now done). Such a line is kept as it is."""
    bare = {_bare(i.line): slot(i.key) for i in items if len(_bare(i.line)) > 2}
    return {
        bare[_bare(line)]
        for index, line in enumerate(lines)
        if index not in skip and _bare(line) in bare
    }


def refresh_agenda(
    body: str,
    headings: dict[str, str],
    session: Session,
    items: list[Item],
) -> Refreshed:
    """`body` with the lines prep wrote last time (`session.agenda_lines`)
    refreshed from `items`, the journal as it is now, and the items not on it
    yet added (module docstring). `headings`: the heading of each section."""
    lines = body.splitlines()
    by_slot = {slot(i.key): i for i in items}
    old = list(session.agenda_lines)
    taken = {slot(o.key) for o in old}
    known = [written_line(i) for i in items if slot(i.key) not in taken]
    matches = match_lines(lines, old, known)
    # what a line prep wrote was about, once the user changed or deleted it
    claimed = {slot(k) for k in session.agenda_keys}
    if not old:
        claimed |= alike(lines, set(matches), items)
    claimed -= {slot(m.written.key) for m in matches.values()}
    out: list[tuple[str, str | None]] = []
    placed: set[str] = set()
    kept: list[str] = []
    ticked: list[AgendaLine] = []
    for index, line in enumerate(lines):
        match = matches.get(index)
        if match is None:
            out.append((line, None))
            continue
        where = slot(match.written.key)
        item = None if where in placed else by_slot.get(where)
        if item is None:
            if match.note.strip():
                out.append((line, None))  # the user's note: theirs now
            continue
        placed.add(where)
        if match.ticked and _box(item.line) != _box(line.strip()):
            out.append((line, item.section))  # the user's tick, not the journal's
            ticked.append(match.written)
            kept.append(item.key)
            continue
        indent = line[: len(line) - len(line.lstrip())]  # nested by the user
        out.append((indent + item.line + match.note, item.section))
    kept += [i.key for i in items if slot(i.key) in claimed]
    new = [i for i in items if slot(i.key) not in placed | claimed]
    for item in new:
        _insert(out, item, headings.get(item.section, ADDED_HEADING))
    done = placed | {slot(i.key) for i in new}
    return Refreshed(
        "\n".join(text for text, _ in out).rstrip("\n") + "\n",
        [i for i in items if slot(i.key) in done and i.key not in kept],
        kept,
        ticked,
    )


def _insert(out: list[tuple[str, str | None]], item: Item, heading: str) -> None:
    """Put `item` after the last line of its kind under `heading`, else at the
    end of that part (before its blank lines); under "Added by prep" when the
    agenda has no such heading."""
    start = next(
        (i for i, (text, _) in enumerate(out) if text.strip() == heading), None
    )
    if start is None:
        start = next(
            (i for i, (text, _) in enumerate(out) if text.strip() == ADDED_HEADING),
            None,
        )
    if start is None:
        out += [("", None), (ADDED_HEADING, None)]
        start = len(out) - 1
    end = start + 1
    while end < len(out) and not HEADING.match(out[end][0]):
        end += 1
    while end > start + 1 and not out[end - 1][0].strip():
        end -= 1
    same = [i for i in range(start + 1, end) if out[i][1] == item.section]
    out.insert(same[-1] + 1 if same else end, (item.line, item.section))


def agenda_lines(written: list[Item]) -> list[AgendaLine]:
    return [written_line(i) for i in written]
