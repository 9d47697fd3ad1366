"""TOML records: canonical serialisation, hand-edit-preserving rewrites,
and errors that point at a line.

Reading uses the standard library's `tomllib` (fast). A record the tool wrote
and nobody touched is rewritten in canonical form (tomli-w: fixed key order,
LF, final newline). A file the user edited by hand is updated in place with
tomlkit, so their comments, layout and extra keys survive.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

from mentorlog._struct import struct
from mentorlog.errors import DataError
from mentorlog.messages import errors as e

_TOML_POSITION = re.compile(r"\s*\(at line (\d+), column \d+\)")
_TOML_EOF = re.compile(r"\s*\(at end of document\)")


BOM = "\ufeff"


@struct(frozen=True)
class Style:
    """How a file's text was stored: a byte order mark, CRLF line endings.
    Text is handled inside with LF only; a file is written back in the style
    it came with (`encode`)."""

    bom: bool = False
    crlf: bool = False

    def encode(self, text: str) -> bytes:
        text = text.replace("\r\n", "\n")
        if self.crlf:
            text = text.replace("\n", "\r\n")
        return ((BOM if self.bom else "") + text).encode("utf-8")


PLAIN = Style()


def decode_file(raw: bytes, relpath: str) -> tuple[str, Style]:
    """The one decoding of a journal file: UTF-8 (a byte order mark dropped,
    and remembered), CRLF line endings read as LF (and remembered, when every
    line has one). Every read and every compare of a file's text goes through
    here, so two reads of one file never disagree."""
    encoding = other_encoding(raw)
    if encoding is not None:
        raise DataError(relpath, None, e.SavedAs(encoding))
    if b"\0" in raw:
        raise DataError(relpath, None, e.BinaryFile())
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise DataError(relpath, line, e.NotUtf8()) from None
    bom = text.startswith(BOM)
    text = text.removeprefix(BOM)
    lines = text.count("\n")
    crlf = lines > 0 and text.count("\r\n") == lines
    return text.replace("\r\n", "\n"), Style(bom=bom, crlf=crlf)


_BOMS = (  # the longer first: UTF-32 LE's mark starts with UTF-16 LE's
    (b"\xff\xfe\x00\x00", "UTF-32 LE"),
    (b"\x00\x00\xfe\xff", "UTF-32 BE"),
    (b"\xff\xfe", "UTF-16 LE"),
    (b"\xfe\xff", "UTF-16 BE"),
)


def other_encoding(raw: bytes) -> str | None:
    """The name of the Unicode encoding `raw` was saved in when it is not
    UTF-8 (Windows Notepad's "Unicode" is UTF-16 LE), known by its byte order
    mark or, without one, by the zero bytes between the letters of Latin
    text in UTF-16 or UTF-32; None for anything else."""
    for mark, name in _BOMS:
        if raw.startswith(mark):
            return name
    head = raw[:64]
    if len(head) >= 8 and b"\0" in head:
        for name, width, at in (
            ("UTF-32 LE", 4, 0),
            ("UTF-32 BE", 4, 3),
            ("UTF-16 LE", 2, 0),
            ("UTF-16 BE", 2, 1),
        ):
            text = head[at::width]
            rest = bytes(b for i, b in enumerate(head) if i % width != at)
            if not rest.strip(b"\0") and b"\0" not in text:
                return name
    return None


def decode(raw: bytes, relpath: str) -> str:
    """Bytes of a journal file as text (see `decode_file`)."""
    return decode_file(raw, relpath)[0]


def loads(text: str, relpath: str, *, first_line: int = 1) -> dict[str, Any]:
    """Parse TOML, turning a syntax error into `path:line: message`."""
    import tomllib

    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        match = _TOML_POSITION.search(message)
        line = int(match.group(1)) + first_line - 1 if match else None
        if line is None and _TOML_EOF.search(message):
            # the end of the document: its last line (a final newline ends
            # that line, it starts no new one)
            line = max(text.count("\n") + (not text.endswith("\n")), 1)
            line += first_line - 1
        told: e.NotToml | e.MergeMarkers = e.NotToml(
            _TOML_EOF.sub("", _TOML_POSITION.sub("", message))
        )
        if "<<<<<<<" in text or ">>>>>>>" in text:
            told = e.MergeMarkers()
            line = _line_of_marker(text) + first_line - 1
        raise DataError(relpath, line, told) from None


def _line_of_marker(text: str) -> int:
    for number, line in enumerate(text.splitlines(), start=1):
        if line.startswith(("<<<<<<<", "=======", ">>>>>>>")):
            return number
    return 1


FENCE = "+++"


def split_front_matter(text: str, relpath: str) -> tuple[str, str, int]:
    """A Markdown record as (TOML front matter, body, line of the first TOML line)."""
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].rstrip("\r\n") != FENCE:
        raise DataError(relpath, 1, e.NoFrontMatter(FENCE))
    for index in range(1, len(lines)):
        if lines[index].rstrip("\r\n") == FENCE:
            return "".join(lines[1:index]), "".join(lines[index + 1 :]), 2
    raise DataError(relpath, len(lines), e.FrontMatterOpen(FENCE))


def compose(front: str, body: str) -> str:
    """A Markdown record from its TOML front matter and its body."""
    return f"{FENCE}\n{front}{FENCE}\n{body}"


def dumps(data: dict[str, Any]) -> str:
    """Canonical TOML for `data`: its key order, LF line endings, final newline."""
    import tomli_w

    return tomli_w.dumps(data)


def rewrite(
    old_text: str,
    old_data: dict[str, Any],
    new_data: dict[str, Any],
    *,
    relpath: str = "the file",
    warn: Callable[[str], None] | None = None,
) -> str:
    """`old_text` with the differences between `old_data` and `new_data` applied,
    keeping comments, formatting and keys the tool does not know.

    The text is read back (`tomllib`) before it is returned: if it does not say
    `new_data` (a tomlkit bug, like 0.15.0's inline tables with a comment), it
    is not used; the file is written cleanly instead (`clean_rewrite`), and
    `warn` is told so."""
    import tomlkit

    problem: str | None
    try:
        document = tomlkit.parse(old_text)
        _apply(document, old_data, new_data)
        text = tomlkit.dumps(document)
    except Exception as error:  # a tomlkit bug of any kind: the clean rewrite
        problem = f"{type(error).__name__}: {error}"
    else:
        problem = _read_back(text, new_data)
        if problem is None:
            return text
    if warn is not None:
        warn(
            f"{relpath}: updating it in place would have written a wrong file "
            f"({problem}); rewrote it cleanly instead, keeping its own-line "
            "comments at the top"
        )
    return clean_rewrite(old_text, new_data)


def _read_back(text: str, intended: dict[str, Any]) -> str | None:
    """What is wrong with `text`, which should say `intended`, or None."""
    import tomllib

    try:
        found = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        return f"not valid TOML: {error}"
    if found != intended:
        return "the data read back differs from the data meant"
    return None


KEPT_HEADER = "# comments kept when mentorlog rewrote this file:"


def clean_rewrite(old_text: str, data: dict[str, Any]) -> str:
    """`data` as canonical TOML, after the comments that stood on their own
    line in `old_text` (a comment after a value cannot be told apart from a
    `#` in a string without a parser, which is what failed)."""
    comments = [
        line.strip()
        for line in old_text.splitlines()
        if line.strip().startswith("#") and line.strip() != KEPT_HEADER
    ]
    head = "\n".join([KEPT_HEADER, *comments]) + "\n\n" if comments else ""
    return head + dumps(data)


_MISSING = object()


def minimal(new: Any, before: Any, raw: Any) -> Any:
    """What to write into a hand-edited file: `new` where the tool changed
    something, else the file's own spelling (`raw`). `before` is the record as
    the tool read it, defaults filled in: a default the file never spelled out
    is not added, a datetime the tool reads as a date is not cut down, a key
    the tool cannot see (an empty list) is kept."""
    if isinstance(new, dict) and isinstance(before, dict) and isinstance(raw, dict):
        merged: dict[str, Any] = {}
        for key, value in new.items():
            seen = before.get(key, _MISSING)
            if key in raw:
                merged[key] = (
                    raw[key] if value == seen else minimal(value, seen, raw[key])
                )
            elif value != seen:
                merged[key] = value
        for key, value in raw.items():
            if key not in merged and key not in new and key not in before:
                merged[key] = value
        return merged
    lists = _is_table_list(new) and _is_table_list(before) and _is_table_list(raw)
    if lists and len(before) == len(raw):
        return [
            minimal(item, before[i], raw[i]) if i < len(raw) else item
            for i, item in enumerate(new)
        ]
    return new


def _is_table_list(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(item, dict) for item in value)


def _apply(container: Any, old: dict[str, Any], new: dict[str, Any]) -> None:
    for key in [k for k in old if k not in new]:
        del container[key]
    for key, value in new.items():
        before = old.get(key)
        if key in old and before == value and type(before) is type(value):
            continue
        if isinstance(value, dict) and isinstance(before, dict):
            _apply(container[key], before, value)
        elif _is_table_list(value) and _is_table_list(before) and before and value:
            items = container[key]
            for index, item in enumerate(value):
                if index < len(before):
                    _apply(items[index], before[index], item)
                else:
                    items.append(_table_like(items, item))
            while len(items) > len(value):
                del items[len(items) - 1]
        else:
            container[key] = value


def _table_like(items: Any, item: dict[str, Any]) -> Any:
    """`item` in the style of its neighbours: inline inside an inline array."""
    import tomlkit
    from tomlkit.items import Array

    if isinstance(items, Array):
        table = tomlkit.inline_table()
        table.update(item)
        return table
    return item


_HEADER = re.compile(r"^\s*\[\[?\s*([^\]]+?)\s*\]\]?\s*(#.*)?$")


def _key_pattern(key: str) -> re.Pattern[str]:
    quoted = re.escape(key)
    return re.compile(rf"""^\s*(?:{quoted}|"{quoted}"|'{quoted}')\s*=""")


def line_of(text: str, loc: Sequence[str | int], *, first_line: int = 1) -> int | None:
    """Best guess at the line that holds `loc` (like `("milestones", 2, "due")`)."""
    lines = text.splitlines()
    start, end = 0, len(lines)
    table_path: list[str] = []
    remaining = list(loc)
    while remaining:
        head = remaining[0]
        if isinstance(head, int):
            break
        key = head
        nested = ".".join([*table_path, key])
        index = remaining[1] if len(remaining) > 1 else None
        if isinstance(index, int):
            headers = [
                n
                for n in range(start, end)
                if (m := _HEADER.match(lines[n]))
                and m.group(1) == nested
                and lines[n].lstrip().startswith("[[")
            ]
            if index < len(headers):
                start = headers[index]
                following = [
                    n for n in range(start + 1, end) if _HEADER.match(lines[n])
                ]
                end = following[0] if following else end
                table_path.append(key)
                remaining = remaining[2:]
                if not remaining:
                    return start + first_line
                continue
        header = next(
            (
                n
                for n in range(start, end)
                if (m := _HEADER.match(lines[n])) and m.group(1) == nested
            ),
            None,
        )
        if header is not None and len(remaining) > 1:
            start = header
            following = [n for n in range(start + 1, end) if _HEADER.match(lines[n])]
            end = following[0] if following else len(lines)
            table_path.append(key)
            remaining = remaining[1:]
            continue
        pattern = _key_pattern(key)
        if not table_path:
            first_header = next(
                (n for n in range(start, end) if _HEADER.match(lines[n])), end
            )
            end = first_header
        for number in range(start, end):
            if pattern.match(lines[number]):
                return number + first_line
        if header is not None:
            return header + first_line
        return start + first_line if table_path else None
    return start + first_line if start else None
