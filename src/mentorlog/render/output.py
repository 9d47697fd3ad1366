"""The one console every styled line goes through, and the plain outputs.

User text is never interpreted as markup (we build `Text` objects, and the
console has markup off) and is stripped of control characters, escape
sequences and bidirectional overrides before it reaches the terminal: `safe`
where a message is built, and again for every piece of text the console
writes (`_Console._render_buffer`); what is written to `sys.stdout` or
`sys.stderr` directly goes through the sink's streams (`mentorlog.sink`).
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from rich.console import Console
from rich.pager import Pager
from rich.segment import Segment
from rich.text import Text

from mentorlog import sink
from mentorlog.render.hints import command
from mentorlog.tojson import to_json

if TYPE_CHECKING:
    from mentorlog.messages import Told
    from mentorlog.store.journal import Problem


class _Console(Console):
    """The console every styled line goes through: it cleans each piece of
    text before adding its own colour codes, so our colours stay and user
    text can carry no control of its own, even where a caller forgot `safe`."""

    @property
    def file(self) -> Any:
        """The real stream under the sink: this console cleans its own text
        (and the sink would take its colour codes away)."""
        return sink.trusted(Console.file.fget(self))  # type: ignore[attr-defined]

    @file.setter
    def file(self, new_file: Any) -> None:
        self._file = new_file

    def _render_buffer(self, buffer: Iterable[Segment]) -> str:
        """Cleaned, and fitted to what the stream can encode (our glyphs in
        ASCII on a stream that cannot take them: `sink.fit`)."""
        text = super()._render_buffer(_cleaned(buffer))
        return sink.fit(text, sink.encoding_of(self.file))

    def on_broken_pipe(self) -> None:
        """The reader went away (`mentorlog goals | head -1`); the CLI ends quietly."""
        self.quiet = True
        raise BrokenPipeError


def _cleaned(buffer: Iterable[Segment]) -> Iterable[Segment]:
    """Rich's own control segments (cursor moves of a spinner) pass; any text
    is cleaned (a newline stays: it is how rich ends a line)."""
    for segment in buffer:
        text = segment.text
        if segment.control or text.isprintable():
            yield segment
        else:
            # a line or paragraph separator in a line is a space: the only line
            # breaks are the ones rich lays out
            text = text.replace("\u2028", " ").replace("\u2029", " ")
            yield Segment(sink.clean(text, one_line=False), segment.style)


_state: dict[str, Any] = {"no_color": False, "pager": True}


_consoles: dict[bool, Console] = {}


def configure(*, no_color: bool, no_pager: bool = False) -> None:
    """Called once per invocation, before anything is printed."""
    _state["no_color"] = no_color
    _state["pager"] = not no_pager
    _consoles.clear()


def console(*, stderr: bool = False) -> Console:
    if stderr not in _consoles:
        # NO_COLOR (or --no-color) wins over FORCE_COLOR: no styling at all
        plain_text = _state["no_color"] or bool(os.environ.get("NO_COLOR"))
        _consoles[stderr] = _Console(
            stderr=stderr,
            no_color=plain_text or None,
            color_system=None if plain_text else "auto",
            markup=False,
            highlight=False,
            emoji=False,
            soft_wrap=False,
        )
    return _consoles[stderr]


TERMINAL_ROWS = 50


def capped(rows: list[Any]) -> tuple[list[Any], int]:
    """Every row: no list is cut any more; a long one goes through the pager
    on a terminal (`paged`). Kept so the tables read as before."""
    return rows, 0


DEFAULT_PAGER = "less -FRX"


class _CommandPager(Pager):
    """$MENTORLOG_PAGER, else $PAGER, else `less -FRX`, run without a shell
    (the words split as a shell would, nothing expanded). The text it gets
    was cleaned by the console (`_Console._render_buffer`). A pager that
    cannot be started: the text is printed as it is."""

    def __init__(self, command: str) -> None:
        self.command = command

    def show(self, content: str) -> None:
        import shlex
        import subprocess

        stream = sys.stdout
        encoding = sink.encoding_of(stream)
        try:
            argv = shlex.split(self.command)
            subprocess.run(argv, input=content.encode(encoding, "replace"), check=False)
        except (OSError, ValueError):
            stream.write(content)
            stream.flush()


def pager_command() -> str | None:
    """The pager to use, or None for none (`--no-pager`, `PAGER=cat`)."""
    if not _state["pager"]:
        return None
    command = (
        os.environ.get("MENTORLOG_PAGER") or os.environ.get("PAGER") or DEFAULT_PAGER
    ).strip()
    if command in ("", "cat"):
        return None
    return command


@contextlib.contextmanager
def paged(rows: int) -> Iterator[None]:
    """On a terminal, a listing longer than the screen is printed through the
    pager instead of cut; piped, or short, it is printed as it is."""
    out = console()
    command = pager_command()
    if command is None or not out.is_terminal or rows <= out.size.height - 4:
        yield
        return
    with out.pager(_CommandPager(command), styles=not _state["no_color"]):
        yield


def left_out(count: int, hint: str) -> None:
    if count:
        emit(Text(f"... {count} more not shown: {hint}", style="dim"))


def safe(text: object, *, one_line: bool = True) -> str:
    """User text made harmless for a terminal (see `sink.clean`)."""
    return sink.clean(text, one_line=one_line)


def emit(text: Text, *, out: Console | None = None) -> None:
    """One logical line: wrapped at words on a terminal, never when piped, so a
    message stays one line for grep and scripts."""
    target = out or console()
    if target.is_terminal:
        target.print(text, overflow="fold")
    else:
        target.print(text, soft_wrap=True)


def emit_lines(lines: list[Text], *, out: Console | None = None) -> None:
    """Several logical lines in one print: each print checks the terminal and
    the environment again, which costs more than a line."""
    if lines:
        emit(Text("\n").join(lines), out=out)


def error(message: str, hint: str | None = None) -> None:
    line = Text("error: ", style="bold red")
    line.append(safe(message))
    emit(line, out=console(stderr=True))
    if hint:
        emit(Text(safe(hint), style="dim"), out=console(stderr=True))


def warn(message: str | Told) -> None:
    line = Text("warning: ", style="yellow")
    line.append(safe(message))
    emit(line, out=console(stderr=True))


# The problems named in this command, each only once; "" once the hint to
# run doctor was given (once a command too).
_said: set[str] = set()


def forget_said() -> None:
    """A new command: no problem named yet."""
    _said.clear()


def problems(found: Iterable[Problem]) -> None:
    """Broken files met while listing: named on stderr, the listing goes on.
    The one place a skipped record is named (`path:line: what is wrong`)."""
    listed = [text for text in dict.fromkeys(map(str, found)) if text not in _said]
    _said.update(listed)
    for problem in listed:
        warn(problem)
    if listed and "" not in _said:
        _said.add("")
        console(stderr=True).print(
            Text(f"run `{command('doctor')}` to see every problem", style="dim")
        )


def say(*parts: str | tuple[object, str]) -> None:
    """A line of our words (str) and user text ((text, style)), made safe."""
    line = Text()
    for part in parts:
        if isinstance(part, tuple):
            line.append(safe(part[0]), style=part[1])
        else:
            line.append(part)
    emit(line)


# Piped, a listing is one line per record, its fields (these keys of its
# --json) separated by tabs, nothing wrapped, no header or footer: for cut,
# awk and sort, as gh does. docs/guide.md ("Piped") lists them.
TSV_COLUMNS: dict[str, tuple[str, ...]] = {
    "sessions_table": ("short_id", "date", "time", "mentor", "status"),
    "actions_table": ("short_id", "status", "due", "text", "mentor", "goal"),
    "feedback_table": ("short_id", "received", "applied", "mentor", "area", "text"),
    "resources_table": ("short_id", "added", "kind", "done", "title", "url"),
    "log_table": ("short_id", "date", "kind", "mentor", "text"),
    "goals_table": ("short_id", "status", "target", "progress", "title"),
}


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    return safe(value)  # one line: a tab or newline in the text is a space


def piped_rows(views: list[Any], table: str) -> bool:
    """When stdout is not a terminal and there is something to list, print
    `views` as tab-separated rows and return True; else False (print the
    table)."""
    columns = TSV_COLUMNS.get(table)
    if columns is None or not views or console().is_terminal:
        return False
    lines = []
    for view in views:
        data = to_json(view)
        lines.append("\t".join(_cell(data.get(key)) for key in columns) + "\n")
    sys.stdout.write("".join(lines))
    return True


def listing(
    views: list[Any], found: Iterable[Problem], as_json: bool, table: Any, *extra: Any
) -> None:
    """What every listing does: name the broken files on stderr, then print
    the records as JSON (`to_json`), as tab-separated rows when piped
    (`piped_rows`), or as `table(views, *extra)`. Nothing to list while files
    could not be read is said so, not "none yet": what they hold is there,
    and adding it again would make a twin."""
    found = list(found)
    problems(found)
    if as_json:
        json_out(views)
    elif piped_rows(views, getattr(table, "__name__", "")):
        return
    elif not views and found:
        from mentorlog.words import plural

        unread = plural(
            len({p.path for p in found}),
            "file could not be read (named above): mend it",
            "files could not be read (named above): mend them",
        )
        emit(
            Text(
                f"Nothing to list, but {unread} (`{command('doctor')}`): what "
                "it holds is not shown until then."
            )
        )
    else:
        with paged(len(views)):
            table(views, *extra)


def plain(text: str) -> None:
    """One line for scripts: no styling, no wrapping."""
    sys.stdout.write(safe(text) + "\n")


def json_out(value: Any) -> None:
    """`value` as JSON (`to_json`) for scripts and jq: ASCII-escaped, so it can
    carry no escape codes."""
    text = json.dumps(to_json(value), indent=2, ensure_ascii=True)
    sys.stdout.write(text + "\n")


def working(message: str) -> Any:
    """A spinner on stderr for what may take more than a second (on a terminal)."""
    return console(stderr=True).status(message)


def markdown_out(text: str) -> None:
    """Markdown for a file or an email: plain text, made safe, nothing styled."""
    sys.stdout.write(safe(text, one_line=False))
