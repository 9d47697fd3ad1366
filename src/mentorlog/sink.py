"""The one output sink: what makes text harmless for a terminal, and the
streams every byte mentorlog prints goes through.

Text from the journal, from arguments and from other programs is untrusted:
it may carry escape sequences (clear the screen, set the title, write the
clipboard, hide a link), C0/C1 controls, bidirectional overrides and line
separators. `clean` removes them; `install` puts `SinkStream`s in place of
`sys.stdout` and `sys.stderr`, so whatever writes there (our rendering,
Click's usage errors, help, prompts, tracebacks) is cleaned on the way out.
The rich console of `render` writes to the stream underneath instead, so
that its colours survive: it cleans every piece of text itself before adding
them (`render.output._Console`).

This module imports nothing heavy: `entry` installs the sink before it
answers `--help`, and `core.export` cleans iCalendar text with it.
"""

from __future__ import annotations

import sys

TYPE_CHECKING = False  # without importing typing: `--help` starts in a few ms
if TYPE_CHECKING:
    import re
    from typing import Any

# A whole escape sequence, so that no "[2J" is left behind: CSI (ESC [ or the
# one-byte C1 form), the string controls OSC, DCS, SOS, PM and APC up to their
# terminator (BEL, ST) or the end of the line, and the two- and three-byte
# escapes (ESC, intermediates, final). What a sequence leaves unmatched (a
# lone ESC, a C1 byte) is a control character and goes with the others.
_ESCAPES = (
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]"
    r"|(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c\n]*(?:\x07|\x1b\\|\x9c)?"
    r"|\x1b[ -/]*[0-~]"
)
# For text being stored, a string control counts only with its terminator: an
# unterminated one loses its introducer alone, so no typed word after it is lost.
_STORED_ESCAPES = _ESCAPES.replace(r"(?:\x07|\x1b\\|\x9c)?", r"(?:\x07|\x1b\\|\x9c)")
_compiled: dict[bool, re.Pattern[str]] = {}  # compiled when first needed
_SEPARATORS = ("\u2028", "\u2029")  # line and paragraph separator
_ZWJ = "\u200d"  # joins emoji and scripts: a format character that stays


def clean(text: object, *, one_line: bool = True, stored: bool = False) -> str:
    """`text` without anything a terminal would act on: C0 controls, DEL and
    C1, escape sequences, bidi embeddings, overrides, isolates and marks, and
    every other format character but ZWJ. Line and paragraph separators
    become a space (`one_line`) or a newline; newlines and tabs stay only when
    not `one_line`, else they become spaces. `stored` is for text about to be
    saved: a string control (OSC, DCS...) without its terminator loses only
    its introducer, where output drops the rest of the line as a terminal
    would swallow it."""
    value = str(text)
    if value.isprintable():  # the common case, checked in C
        return value
    if not one_line and value.replace("\n", "").replace("\t", "").isprintable():
        return value  # many lines, all clean (an export): also checked in C
    if stored not in _compiled:
        import re

        _compiled[stored] = re.compile(_STORED_ESCAPES if stored else _ESCAPES)
    value = _compiled[stored].sub("", value)
    newline = " " if one_line else "\n"
    return newline.join(_clean_line(line, one_line) for line in value.split("\n"))


def _clean_line(line: str, one_line: bool) -> str:
    if line.isprintable():
        return line
    import unicodedata

    kept = []
    for ch in line:
        if ch.isprintable() or ch == _ZWJ:
            kept.append(ch)
        elif ch == "\t":
            kept.append(" " if one_line else ch)
        elif ch in _SEPARATORS:
            kept.append(" " if one_line else "\n")
        elif unicodedata.category(ch) in ("Zs", "Co", "Cn"):
            kept.append(ch)  # no-break and other spaces, private use, unassigned
        elif unicodedata.category(ch) == "Cs":
            kept.append("\ufffd")  # a lone surrogate: cannot be written as UTF-8
        # else: Cc (C0, DEL, C1) or Cf (bidi and other format characters)
    return "".join(kept)


def clean_output(text: str) -> str:
    """What a stream lets through: `clean` for many lines, keeping a carriage
    return only where it ends a line (iCalendar's CRLF)."""
    if text.isprintable():
        return text
    if "\r\n" not in text:
        return clean(text, one_line=False)
    return "\r\n".join(clean(part, one_line=False) for part in text.split("\r\n"))


# Our own glyphs, for a stream that cannot encode them (a Windows redirect,
# PYTHONIOENCODING=ascii or cp1252, a C locale without UTF-8 mode).
GLYPHS = {
    "✓": "v",
    "✗": "x",
    "░": "-",
    "█": "#",
    "·": ".",
    "→": "->",
    "↻": "~",
    "–": "-",
    "—": "-",
    "…": "...",
    "\u00a0": " ",
}
_fits: dict[tuple[str, str], str] = {}  # (encoding, character): what is written


def encoding_of(stream: Any) -> str:
    """The encoding `stream` writes text in (UTF-8 when it does not say)."""
    return str(getattr(stream, "encoding", None) or "utf-8")


def fit(text: str, encoding: str) -> str:
    """`text` as a stream in `encoding` can take it: unchanged when it can;
    else each character it cannot encode becomes our ASCII glyph (✓ v, ✗ x,
    ░ -, █ #, · .), its letter without the accent (é e), or "?"."""
    if text.isascii() or encoding.lower().replace("-", "").startswith("utf"):
        return text
    try:
        text.encode(encoding)
        return text
    except UnicodeEncodeError:
        pass
    except LookupError:  # an encoding Python does not know: keep to ASCII
        encoding = "ascii"
    return "".join(_fit_char(ch, encoding) for ch in text)


def _fit_char(ch: str, encoding: str) -> str:
    if ch.isascii():
        return ch
    key = (encoding, ch)
    if key not in _fits:
        try:
            ch.encode(encoding)
            _fits[key] = ch
        except UnicodeEncodeError:
            import unicodedata

            bare = unicodedata.normalize("NFKD", ch).encode(encoding, "ignore")
            _fits[key] = GLYPHS.get(ch) or bare.decode(encoding) or "?"
    return _fits[key]


class SinkStream:
    """Stands in for `sys.stdout` or `sys.stderr`: text is cleaned, then
    written to the real stream; everything else is the real stream's."""

    def __init__(self, trusted: Any) -> None:
        self.trusted = trusted  # the real stream, for render's console only

    def write(self, text: str) -> int:
        self.trusted.write(fit(clean_output(text), encoding_of(self.trusted)))
        return len(text)

    def writelines(self, lines: Any) -> None:
        for line in lines:
            self.write(line)

    @property
    def buffer(self) -> _SinkBuffer:
        return _SinkBuffer(self.trusted.buffer, encoding_of(self.trusted))

    def __getattr__(self, name: str) -> Any:
        return getattr(self.trusted, name)


class _SinkBuffer:
    """The binary side of a `SinkStream` (`sys.stdout.buffer`): cleaned too,
    and fitted to the stream's encoding (Click writes UTF-8 there when the
    stream says ASCII)."""

    def __init__(self, raw: Any, encoding: str = "utf-8") -> None:
        self.raw = raw
        self.encoding = encoding

    def write(self, data: bytes) -> int:
        text = fit(clean_output(bytes(data).decode("utf-8", "replace")), self.encoding)
        self.raw.write(text.encode(self.encoding, "replace"))
        return len(data)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.raw, name)


def write_document(data: bytes) -> None:
    """A document (an export) to stdout: UTF-8 whatever the stream's encoding,
    as the file it is; cleaned like the rest."""
    stream = trusted(sys.stdout)
    stream.flush()
    _SinkBuffer(stream.buffer).write(data)
    stream.buffer.flush()


def trusted(stream: Any) -> Any:
    """The stream under a sink, for the console that cleans its own text."""
    return stream.trusted if isinstance(stream, SinkStream) else stream


def install() -> tuple[Any, Any]:
    """Put the sink in front of stdout and stderr (once); returns what was
    there, for `restore`."""
    before = (sys.stdout, sys.stderr)
    if sys.stdout is not None and not isinstance(sys.stdout, SinkStream):
        sys.stdout = SinkStream(sys.stdout)
    if sys.stderr is not None and not isinstance(sys.stderr, SinkStream):
        sys.stderr = SinkStream(sys.stderr)
    return before


def restore(before: tuple[Any, Any]) -> None:
    sys.stdout, sys.stderr = before
