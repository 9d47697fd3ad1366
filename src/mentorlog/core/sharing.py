"""What leaves the journal for a person: the one filter (SPEC §9).

Every share (`prep M --share`, `report`, any later one) asks this module what
it may show, and to whom. Nothing else decides what is private.

- A record is private when it says so (`private = true`) or when one of its
  own texts carries a marker: `(private)` or `#private`, in any case.
- In Markdown a marked block is left out whole, by the document's structure: a
  paragraph with all its lines, a list item with its nested items, a heading
  with its section (up to the next heading of the same or a higher level).
- An audience is one mentor, or no one in particular. A mentor sees what is
  general and their own material, never another mentor's. No one in particular
  sees no mentor's takeaways or feedback.

What was left out is counted (never quoted), so the user can be told.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Literal

from mentorlog._struct import struct
from mentorlog.errors import MentorlogError
from mentorlog.models import Model
from mentorlog.store.kinds import (
    ACTIONS,
    FEEDBACK,
    GOALS,
    LOG,
    MENTORS,
    RESOURCES,
    SESSIONS,
)
from mentorlog.store.refs import normal

if TYPE_CHECKING:
    from markdown_it.token import Token

    from mentorlog.models import Mentor
    from mentorlog.store.journal import Journal

Reason = Literal["private", "other", "confidential"]

MARKER = re.compile(r"\(\s*private\s*\)|#private(?![\w-])", re.IGNORECASE)
_COMMENT = re.compile(r"<!--.*?-->\n?", re.DOTALL)


def marked(text: str | None) -> bool:
    """Whether `text` carries a private marker, however it is spelled out in
    Markdown (escaped, emphasised, wrapped over lines)."""
    if not text:
        return False
    plain = re.sub(r"[\\*_`]", "", text)
    return bool(MARKER.search(text) or MARKER.search(" ".join(plain.split())))


def _texts(record: Model) -> Iterable[str]:
    """A record's own texts: not its lists (a meeting's takeaways, each private
    or not on its own), nor the records nested in it."""
    for value in record.declared().values():
        if isinstance(value, str):
            yield value


def is_private(record: Model) -> bool:
    """Private by its flag, or by a marker in one of its own texts."""
    return bool(getattr(record, "private", False)) or any(
        marked(text) for text in _texts(record)
    )


@struct
class LeftOut:
    """How many things a share left out, and why; never what they were."""

    private: int = 0
    other: int = 0  # another mentor's material
    confidential: int = 0  # a mentor's words, in a share for no one in particular

    def add(self, reason: Reason, count: int = 1) -> None:
        setattr(self, reason, getattr(self, reason) + count)

    def __bool__(self) -> bool:
        return bool(self.private or self.other or self.confidential)


@struct
class Audience:
    """Who a share is for: one mentor (their id and name), or no one in
    particular (`mentor` None). `owners` says which mentor id a goal's free-text
    `mentor` names (None: no mentor)."""

    mentor: str | None = None
    mentor_name: str | None = None
    owners: Mapping[str, str | None] | None = None
    hidden: frozenset[str] = frozenset()  # private mentors: the tie is private

    def owner_of_goal(self, named: str | None) -> str | None:
        """The mentor id a goal is tied to; a name no mentor answers to still
        ties it to someone, who is not the audience."""
        if not named or not named.strip():
            return None
        known = self.owners or {}
        key = normal(named)
        return known.get(key, f"unknown:{key}")

    def withheld(
        self, record: Model, owner: str | None, *, words: bool = False
    ) -> Reason | None:
        """Why `record` (tied to mentor id `owner`, or to none) is kept from
        this audience, or None when it may be shown. `words`: the record holds a
        mentor's words (feedback, takeaways), kept from no one in particular."""
        if is_private(record):
            return "private"
        return self._tied(owner, words)

    def _tied(self, owner: str | None, words: bool) -> Reason | None:
        if owner is None or owner == self.mentor:
            return None
        if owner in self.hidden:
            return "private"
        if self.mentor is None:
            return "confidential" if words else None
        return "other"

    def text_withheld(
        self, text: str, owner: str | None, *, words: bool
    ) -> Reason | None:
        """As `withheld`, for a text that is part of a record (a takeaway)."""
        if marked(text):
            return "private"
        return self._tied(owner, words)


def owners_table(mentors: Iterable[tuple[str, str]]) -> dict[str, str | None]:
    """What a goal's `mentor` text may say (an id or a name, any case), mapped
    to the mentor's id. `mentors`: (id, name) pairs."""
    table: dict[str, str | None] = {}
    for mentor_id, name in mentors:
        table[normal(mentor_id)] = mentor_id
        table.setdefault(normal(name), mentor_id)
        first = normal(name.split()[0]) if name.split() else ""
        if first:
            table.setdefault(first, mentor_id)
    return table


# -- Markdown ------------------------------------------------------------------------
def _flat(text: str) -> str:
    return " ".join(text.split()).casefold()


def _inline_plain(token: Token) -> str:
    """The text an inline token shows (emphasis, escapes and code undone)."""
    shown = "".join(
        c.content for c in token.children or [] if c.type in ("text", "code_inline")
    )
    return f"{token.content}\n{shown}"


def filter_markdown(
    text: str, quoted: Mapping[str, Reason] | None = None
) -> tuple[str, LeftOut]:
    """`text` without its HTML comments and without every block marked private,
    or quoting a withheld record's text (`quoted`: flattened, case-folded text
    to the reason it is withheld). Returns the text kept and what was left out,
    one count per block left out (blocks inside it not counted again)."""
    from markdown_it import MarkdownIt

    text = _COMMENT.sub("", text)
    lines = text.splitlines()
    tokens = MarkdownIt("commonmark").parse(text)
    cuts: list[tuple[int, int, Reason]] = []
    heading_levels: list[tuple[int, int]] = []  # (line, level)
    for token in tokens:
        if token.type == "heading_open" and token.map:
            heading_levels.append((token.map[0], int(token.tag[1])))

    # a quote is the withheld text as words: "go" does not hide "good"
    needles = [
        (re.compile(rf"(?<!\w){re.escape(needle)}(?!\w)"), why)
        for needle, why in (quoted or {}).items()
        if needle
    ]

    def reason_of(own: str) -> Reason | None:
        if marked(own):
            return "private"
        flat = _flat(own)
        for needle, why in needles:
            if needle.search(flat):
                return why
        return None

    for index, token in enumerate(tokens):
        if token.map is None or token.nesting == -1:
            continue
        start, end = token.map
        own: str | None = None
        if token.type in ("heading_open", "paragraph_open"):
            own = _inline_plain(tokens[index + 1])
        elif token.type == "list_item_open":
            following = tokens[index + 1] if index + 1 < len(tokens) else None
            if following is not None and following.type == "paragraph_open":
                own = _inline_plain(tokens[index + 2])
        elif token.type in ("fence", "code_block", "html_block"):
            own = token.content
        if own is None:
            continue
        why = reason_of(own)
        if why is None:
            continue
        if token.type == "heading_open":
            level = int(token.tag[1])
            end = next(
                (
                    line
                    for line, other in heading_levels
                    if line > start and other <= level
                ),
                len(lines),
            )
        cuts.append((start, end, why))
    left_out = LeftOut()
    dropped = [False] * len(lines)
    for start, end, why in sorted(cuts, key=lambda cut: (cut[0], -cut[1])):
        if dropped[start]:
            continue  # inside a block already left out
        left_out.add(why)
        for line in range(start, min(end, len(lines))):
            dropped[line] = True
    # blank lines stay: they hold no text, and keep what follows a cut block
    # from running into what came before it
    kept = [
        line
        for line, cut in zip(lines, dropped, strict=True)
        if not cut or not line.strip()
    ]
    return "\n".join(kept) + ("\n" if text.endswith("\n") else ""), left_out


# -- the journal ---------------------------------------------------------------------
def audience_for(journal: Journal, mentor: Mentor | None) -> Audience:
    """The audience of a share for `mentor`, or for no one in particular."""
    loaded = journal.load(MENTORS)
    mentors = [s.record for s in loaded.records]
    table = owners_table((m.id, m.name) for m in mentors)
    # a goal may name its mentor any way a reference can (a short id, a slug)
    for goal in (s.record for s in journal.load(GOALS).records):
        named = (goal.mentor or "").strip()
        if named and named.casefold() not in table:
            # no one, or several: then not the audience
            with contextlib.suppress(MentorlogError):
                found = journal.resolve(MENTORS, named, loaded)
                table[named.casefold()] = found.record.id
    hidden = frozenset(m.id for m in mentors if is_private(m))
    if mentor is None:
        return Audience(None, None, table, hidden)
    return Audience(mentor.id, mentor.name, table, hidden)


def withheld_texts(journal: Journal, audience: Audience) -> dict[str, Reason]:
    """The texts of every record kept from `audience`, flattened and case-folded,
    each with why: a block of prose that quotes one is left out too (an agenda
    line written before the record was made private, say)."""
    found: dict[str, Reason] = {}

    def keep(texts: Iterable[str | None], why: Reason | None) -> None:
        if why is None:
            return
        for text in texts:
            flat = _flat(text or "")
            if flat:
                found.setdefault(flat, why)

    for goal in (s.record for s in journal.load(GOALS).records):
        owner = audience.owner_of_goal(goal.mentor)
        why = audience.withheld(goal, owner)
        keep([goal.title, *(m.title for m in goal.milestones)], why)
        for milestone in goal.milestones:
            keep([milestone.title], audience.withheld(milestone, owner))
    for action in (s.record for s in journal.load(ACTIONS).records):
        keep([action.text], audience.withheld(action, action.mentor))
    for fb in (s.record for s in journal.load(FEEDBACK).records):
        keep([fb.text, fb.how], audience.withheld(fb, fb.mentor, words=True))
    for resource in (s.record for s in journal.load(RESOURCES).records):
        keep([resource.title, resource.impression], audience.withheld(resource, None))
    for entry in (s.record for s in journal.load(LOG).records):
        keep([entry.text], audience.withheld(entry, entry.mentor))
    for session in (s.record for s in journal.load(SESSIONS).records):
        why = audience.withheld(session, session.mentor, words=True)
        keep([*session.takeaways, session.cancel_reason], why)
        if why is None:
            for takeaway in session.takeaways:
                why = audience.text_withheld(takeaway, session.mentor, words=True)
                keep([takeaway], why)
    return found
