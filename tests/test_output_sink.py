"""One output sink: no byte a command prints can drive the terminal.

A payload of escape sequences, controls, bidi overrides and line separators is
put in every field a user can write, and by hand in the journal's files; then
every command (the list is checked against the app's own) runs as a real
process, under a real terminal with colour on and off, and piped. Its raw
bytes may carry our colour codes (SGR, `ESC [ ... m`) and nothing else.
"""

from __future__ import annotations

import errno
import fcntl
import json
import os
import re
import struct
import subprocess
import sys
import termios
import unicodedata
from pathlib import Path

import pytest

from mentorlog.cli.reference import command_paths
from tests.conftest import TODAY, Run

PAYLOAD = (
    "<P:"
    "\x1b[2J\x1b[H"  # CSI: clear the screen, cursor home
    "\x1b]0;pwned\x1b\\"  # OSC 0: window title, ST-terminated
    "\x1b]8;;https://evil.example/\x1b\\link\x1b]8;;\x1b\\"  # OSC 8 hyperlink
    "\x1b]52;c;c2VjcmV0\x07"  # OSC 52: write the clipboard, BEL-terminated
    "\x9b31m"  # C1 CSI
    "\x1bP1$r\x1b\\"  # DCS
    "\u202eRLO\u202c\u2066iso\u2069\u200f"  # bidi override, isolate, mark
    "\u2028LS\u2029PS"  # line and paragraph separators
    "\x07\x08\x0b\x0c\r\x7f\x85"  # BEL, BS, VT, FF, CR, DEL, NEL
    ":P>"
)
SHOWN = "<P:linkRLO"  # what is left of the payload's start once it is cleaned


def toml_string(text: str) -> str:
    """`text` as a TOML basic string, as a hand edit could write it."""
    return json.dumps(text, ensure_ascii=True)


def short(run: Run, *args: str, field: str = "short_id") -> list[str]:
    result = run(*args, "--json")
    assert result.exit_code == 0, result.output
    return [item[field] for item in json.loads(result.stdout)]


def build_journal(run: Run, home: Path) -> dict[str, str]:
    """The payload in every user-writable field; returns the ids to refer to."""
    p = PAYLOAD
    for args in (
        ["init", "--name", "Sam" + p],
        [
            "mentors", "add", "Eve" + p, "--org", "Org" + p, "--expertise",
            "py" + p + ",web", "--contact", "c" + p, "--cadence", "weekly",
            "--channel", "video", "--interests", "i" + p, "--learning-style",
            "l" + p, "--teaching-style", "t" + p, "--work-style", "w" + p,
            "--values", "v" + p, "--challenges", "ch" + p,
        ],
        ["mentors", "add", "Bob" + p, "--cadence", "weekly", "--expertise", "x" + p],
        ["mentors", "add", "Cat" + p, "--cadence", "monthly"],
        [
            "mentors", "agree", "eve", "--response-time", "r" + p,
            "--reschedule-notice", "48h", "--missed-plan", "m" + p, "--topics",
            "tp" + p, "--off-limits", "o" + p, "--criticism", "c" + p,
            "--attribution", "a" + p, "--confidentiality", "cf" + p, "--until",
            "in 6 months", "--first-name",
        ],
        ["mentors", "ask", "Flash" + p, "--ask", "Q" + p + "?"],
        [
            "goals", "add", "Goal" + p, "--by", "eom", "--specific", "s" + p,
            "--measure", "m" + p, "--achievable", "a" + p, "--relevant", "r" + p,
            "--area", "area" + p, "--mentor", "eve",
        ],
        ["goals", "add", "Second" + p, "--by", "eom"],
        ["goals", "add", "Third" + p, "--by", "eom"],
        ["goals", "milestone", "goal", "ms" + p, "--due", "2026-11-20"],
        ["actions", "add", "act" + p, "--due", "2026-11-01", "--mentor", "eve"],
        ["actions", "add", "two" + p, "--mentor", "bob", "--goal", "goal"],
        ["feedback", "add", "fb" + p, "--mentor", "eve", "--area", "fa" + p],
        ["resources", "add", "res" + p, "--url", "https://x.example/" + p],
        ["log", "add", "log" + p, "--kind", "win"],
        [
            "recap", "eve", "--takeaway", "tk" + p, "--action", "ra" + p,
            "--feedback", "rf" + p, "--feedback-asked", "fa" + p, "--appreciated",
        ],
        [
            "prep", "eve", "--on", "2026-11-25", "--topic", "top" + p,
            "--question", "q" + p, "--bring", "b" + p, "--ask-feedback", "af" + p,
        ],
        ["prep", "bob", "--on", "2026-11-26"],
    ):  # fmt: skip
        result = run(*args)
        assert result.exit_code == 0, (args, result.output)
    mentors = {m["name"][:3]: m["short_id"] for m in json.loads(run("mentors", "--json").stdout)}  # fmt: skip
    goals = short(run, "goals")
    actions = short(run, "actions")
    sessions = {s["date"]: s["short_id"] for s in json.loads(run("sessions", "--json").stdout)}  # fmt: skip
    followups = short(run, "followups", "list", field="id")
    ids = {
        "eve": mentors["Eve"],
        "bob": mentors["Bob"],
        "cat": mentors["Cat"],
        "flash": mentors["Fla"],
        "goal": goals[0],
        "goal2": goals[1],
        "goal3": goals[2],
        "action": actions[0],
        "action2": actions[1],
        "feedback": short(run, "feedback")[0],
        "resource": short(run, "resources")[0],
        "held": sessions[TODAY.isoformat()],
        "eve_next": sessions["2026-11-25"],
        "bob_next": sessions["2026-11-26"],
        "followup": followups[0],
    }
    hand_edit(home)
    return ids


def hand_edit(home: Path) -> None:
    """The payload written straight into the files, as another device could."""
    line = f"- hand {PAYLOAD}\n"
    for folder in ("sessions", "mentors"):
        for path in sorted((home / folder).glob("*.md")):
            path.write_text(path.read_text() + line)
    hand = "specific = " + toml_string("hand" + PAYLOAD)
    for path in sorted((home / "goals").glob("*.toml")):
        text = path.read_text()
        text = re.sub(r"(?m)^specific = .*$", lambda _: hand, text)
        path.write_text(text)
    settings = home / "mentorlog.toml"
    settings.write_text(
        settings.read_text() + "needs = [" + toml_string("need" + PAYLOAD) + "]\n"
    )
    template = home / "templates" / "agenda.md"
    template.write_text(template.read_text() + line)
    # a broken file, named with escape sequences too: every listing warns about it
    broken = home / "goals" / "broken\x1b]0;pwned\x07\u202e.toml"
    broken.write_text("title = " + toml_string(PAYLOAD) + "\nthis is = not toml\n")


def commands(ids: dict[str, str]) -> list[list[str]]:
    """Every command, with user text where it takes some; mutating commands
    come after the listings, each on its own record."""
    p = PAYLOAD
    return [
        ["network"],
        ["prep", ids["eve"], "--topic", "top2" + p, "--question", "q2" + p],
        ["prep", ids["eve"], "--share"],
        [
            "prep",
            ids["cat"],
            "--on",
            "2026-11-27 15:00",
            "--for",
            "45m",
            "--bring",
            "b" + p,
        ],
        ["recap", ids["held"], "--takeaway", "tk2" + p, "--action", "ra2" + p],
        ["search", "hand"],
        ["search", "nothing" + p],
        ["checklist"],
        ["checklist", ids["eve"]],
        ["status"],
        ["status", "--short"],
        ["followups", "--count"],
        ["calendar"],
        ["calendar", "--month", "2026-12", "--json"],
        ["import", "cal" + p + ".ics", "--dry-run"],
        ["undo"],
        ["report"],
        ["report", "--format", "json"],
        ["export", "--format", "md"],
        ["export", "--format", "ics"],
        ["export", "--format", "json"],
        ["init"],
        ["where"],
        ["doctor"],
        ["doctor", "--json"],
        ["sync"],
        ["goals"],
        ["goals", "list", "--json"],
        ["goals", "show", ids["goal"]],
        ["goals", "check"],
        ["goals", "check", ids["goal"]],
        ["goals", "milestone", ids["goal"], "ms2" + p],
        ["goals", "tick", ids["goal"], "1"],
        ["goals", "add", "New" + p, "--by", "eom", "--area", "na" + p],
        ["goals", "done", ids["goal2"]],
        ["goals", "drop", ids["goal3"]],
        ["goals", "edit", ids["goal"], "--achievable", "ach" + p, "--title", "T" + p],
        ["goals", "milestone", ids["goal"], "1", "--title", "ms3" + p],
        ["goals", "edit", ids["goal"]],
        ["mentors"],
        ["mentors", "list", "--json"],
        ["mentors", "show", ids["eve"]],
        ["mentors", "show", ids["flash"]],
        ["mentors", "add", "New" + p, "--org", "o" + p, "--contact", "c" + p],
        ["mentors", "agree", ids["eve"], "--criticism", "c2" + p],
        ["mentors", "ask", "Other" + p, "--ask", "Q2" + p],
        ["mentors", "answer", ids["flash"], "accepted", "--on", "2026-11-28"],
        ["mentors", "promote", ids["flash"]],
        ["mentors", "edit", ids["eve"]],
        ["mentors", "edit", ids["cat"], "--org", "o2" + p, "--values", "v" + p],
        ["mentors", "review", ids["eve"], "--notes", "rv" + p],
        ["mentors", "remove", ids["bob"]],
        ["mentors", "remove", "new", "--merge-into", ids["cat"]],
        ["sessions"],
        ["sessions", "list", "--json"],
        ["sessions", "show", ids["eve_next"]],
        ["sessions", "show", ids["held"]],
        ["sessions", "cancel", ids["bob_next"]],
        ["sessions", "move", ids["eve_next"], "--to", "2026-11-23"],
        ["followups"],
        ["followups", "list", "--json"],
        ["followups", "done", ids["followup"]],
        ["actions"],
        ["actions", "list", "--json"],
        ["actions", "add", "new" + p, "--mentor", ids["eve"]],
        ["actions", "done", ids["action"]],
        ["actions", "drop", ids["action2"]],
        ["feedback"],
        ["feedback", "list", "--json"],
        ["feedback", "add", "fb2" + p, "--area", "fa2" + p],
        ["feedback", "applied", ids["feedback"], "--how", "how" + p],
        ["resources"],
        ["resources", "list", "--json"],
        ["resources", "add", "res2" + p, "--url", "u" + p],
        ["resources", "done", ids["resource"], "--impression", "imp" + p],
        ["log"],
        ["log", "list", "--json"],
        ["log", "add", "log2" + p, "--kind", "challenge"],
        ["mentors", "end", ids["bob"]],
        ["edit", ids["held"]],
        ["edit", "settings"],
        # what Click itself says quotes what was typed
        ["goals", "show", p],
        ["goals", "--bad" + p],
        ["nosuch" + p],
        ["mentors", "add", "X", "--channel", p],
        ["actions", "add", "y", "--due", p],
        ["tour"],
    ]


# The commands whose output must show the payload (cleaned), so that the test
# cannot pass by printing nothing: the ones issue 12 found raw, and some more.
MUST_SHOW = [
    ["network"],
    ["prep", "{cat}"],
    ["sessions", "move"],
    ["sessions", "cancel"],
    ["export", "--format", "md"],
    ["export", "--format", "ics"],
    ["goals", "show"],
    ["mentors", "show"],
    ["status"],
    ["search", "nothing"],
    ["goals", "show", "<P:"],
]

SGR = re.compile(r"\x1b\[[0-9;]*m")
# A spinner (`sync`, on a terminal) hides the cursor and redraws its line: the
# fixed cursor controls of rich's live display, which carry no text.
SPINNER = re.compile(r"\x1b\[\?25[lh]|\r?\x1b\[[0-9]*A|\x1b\[2K")
# A line ends in CRLF on a terminal (the pty adds the CR), and in iCalendar
# (one CR more on a terminal)
LINE_END = re.compile(r"\r+\n")
EDITOR = f"""\
import sys
with open(sys.argv[1], "a", encoding="utf-8") as f:
    f.write({PAYLOAD!r} + "\\n")
"""


def offences(raw: bytes) -> list[str]:
    """What in `raw` could drive a terminal, other than our colour codes."""
    text = raw.decode("utf-8")  # strict: a lone C1 byte is an offence too
    found = []
    rest = LINE_END.sub("\n", SPINNER.sub("", SGR.sub("", text)))
    for index, ch in enumerate(rest):
        code = ord(ch)
        if ch in "\n\t":
            continue
        if (
            code < 0x20
            or 0x7F <= code <= 0x9F
            or ch in "\u2028\u2029"
            or (unicodedata.category(ch) == "Cf" and ch != "\u200d")
        ):
            found.append(
                f"{ch!r} at {index}: {rest[max(0, index - 30) : index + 30]!r}"
            )
    return found


def on_a_terminal(argv: list[str], env: dict[str, str]) -> tuple[int, bytes]:
    """Run `argv` with stdout and stderr on a new pty; its raw bytes."""
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 100, 0, 0))
    process = subprocess.Popen(
        argv, stdin=subprocess.DEVNULL, stdout=slave, stderr=slave, env=env
    )
    os.close(slave)
    chunks = []
    try:
        while True:
            try:
                chunk = os.read(master, 65536)
            except OSError as error:
                if error.errno == errno.EIO:  # the child closed the terminal
                    break
                raise
            if not chunk:
                break
            chunks.append(chunk)
    finally:
        os.close(master)
    return process.wait(timeout=60), b"".join(chunks)


def piped(argv: list[str], env: dict[str, str]) -> tuple[int, bytes]:
    done = subprocess.run(
        argv, stdin=subprocess.DEVNULL, capture_output=True, env=env, timeout=60
    )
    return done.returncode, done.stdout + done.stderr


MODES = {
    "terminal, colour": ({"FORCE_COLOR": "1", "TERM": "xterm-256color"}, on_a_terminal),
    "terminal, NO_COLOR": ({"NO_COLOR": "1", "TERM": "xterm-256color"}, on_a_terminal),
    "piped, FORCE_COLOR": ({"FORCE_COLOR": "1"}, piped),
}


@pytest.mark.parametrize("mode", MODES)
def test_no_byte_printed_can_drive_the_terminal(
    mode: str, run: Run, home: Path, tmp_path: Path
) -> None:
    ids = build_journal(run, home)
    listed = commands(ids)
    for path in command_paths():  # a new command must be added to the list
        assert any(words[: len(path)] == path for words in listed), path
    extra, runner = MODES[mode]
    editor = tmp_path / "editor.py"
    editor.write_text(EDITOR)
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("NO_COLOR", "FORCE_COLOR", "TERM", "COLUMNS")
    }
    env.update(extra, EDITOR=f"{sys.executable} {editor}", MENTORLOG_HOME=str(home))
    outputs: dict[tuple[str, ...], bytes] = {}
    failures = []
    for words in listed:
        if "--json" in words and runner is on_a_terminal:
            continue  # ASCII-escaped JSON is the same bytes anywhere: piped only
        if words == ["tour"] and mode != "terminal, colour":
            continue  # a sample journal of its own, no user text: once is enough
        argv = [sys.executable, "-m", "mentorlog", "--no-input", *words]
        code, raw = runner(argv, env)
        assert b"Traceback" not in raw, (words, raw.decode(errors="replace"))
        outputs[tuple(words)] = raw
        if os.environ.get("SINK_DUMP"):
            with open(os.environ["SINK_DUMP"], "ab") as dump:
                dump.write(f"\n===== {words} exit {code}\n".encode() + raw)
        bad = offences(raw)
        if bad:
            failures.append(f"{' '.join(words)[:60]!r} (exit {code}): {bad[:3]}")
    assert not failures, "\n".join(failures)
    everything = b"".join(outputs.values()).decode()
    if "colour" in mode or "FORCE" in mode:
        assert "\x1b[" in everything, "colour is off: the test would prove little"
    for wanted in MUST_SHOW:
        shown = [
            raw.decode()
            for words, raw in outputs.items()
            if all(any(w.format(**ids) in word for word in words) for w in wanted)
        ]
        assert shown, wanted
        assert any(SHOWN in SGR.sub("", text) for text in shown), (wanted, shown)


def test_stdout_alone_when_piped(run: Run, home: Path) -> None:
    """What a script reads: stdout alone, no colour asked for, for the exports
    and listings that are meant to be piped."""
    ids = build_journal(run, home)
    env = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "NO_COLOR")}
    for words in (
        ["export", "--format", "md"],
        ["export", "--format", "ics"],
        ["sessions", "show", ids["held"]],
        ["mentors", "show", ids["eve"]],
        ["network"],
    ):
        done = subprocess.run(
            [sys.executable, "-m", "mentorlog", *words],
            stdin=subprocess.DEVNULL,
            capture_output=True,
            env=env,
            timeout=60,
        )
        assert done.returncode == 0, (words, done.stderr)
        assert offences(done.stdout) == [], words
        assert "\x1b" not in done.stdout.decode(), words
        assert SHOWN in done.stdout.decode(), words


@pytest.mark.parametrize(
    ("text", "one_line", "expected"),
    [
        (PAYLOAD, True, "<P:linkRLOiso LS PS:P>"),
        (PAYLOAD, False, "<P:linkRLOiso\nLS\nPS:P>"),
        ("a\x1bP1$r\x1b\\b", True, "ab"),  # DCS: no "1$r" left behind
        ("a\x1b]0;unterminated\nb", False, "a\nb"),  # up to the line's end
        ("a\x9b2Jb\x9d0;t\x9cc", True, "abc"),  # the one-byte C1 forms
        ("tab\there\nnext", True, "tab here next"),
        ("tab\there\r\nnext", False, "tab\there\nnext"),
        ("\u061cx\u200ey\u200fz\ufeff\u200b\u2060", True, "xyz"),
        (
            "\U0001f469\u200d\U0001f4bb caf\u00e9 \u00a0",
            True,
            "\U0001f469\u200d\U0001f4bb caf\u00e9 \u00a0",
        ),
    ],
)
def test_safe_leaves_text_and_nothing_else(
    text: str, one_line: bool, expected: str
) -> None:
    from mentorlog import render

    assert render.safe(text, one_line=one_line) == expected


def test_icalendar_text_carries_no_control(run: Run, home: Path) -> None:
    """Written to a file too: a calendar app shows SUMMARY and DESCRIPTION."""
    build_journal(run, home)
    target = home.parent / "out.ics"
    assert run("export", "--format", "ics", "--output", str(target)).exit_code == 0
    content = target.read_bytes()
    assert offences(content.replace(b"\r\n", b"\n")) == []
    assert SHOWN.encode() in content


@pytest.mark.parametrize("introducer", ["\x1b]", "\x1bP", "\x1b_", "\x9d", "\x90"])
def test_an_unterminated_string_control_keeps_the_words_typed_after_it(
    run: Run, home: Path, introducer: str
) -> None:
    """What is stored loses the control, never the visible words after it."""
    assert run("actions", "add", f"Pay {introducer} rent now").exit_code == 0
    listed = run("actions", "--json")
    assert [a["text"].split() for a in json.loads(listed.stdout)] == [
        ["Pay", "rent", "now"]
    ]


def test_a_reference_with_controls_finds_the_record_saved_without_them(
    run: Run, home: Path
) -> None:
    """Names are saved clean, so a reference is cleaned the same way before it
    is compared: "Zed\\x07" finds "Zed" instead of "no mentor matches "Zed";
    did you mean "Zed"?"."""
    assert run("mentors", "add", "Zed\x07 Shaw").exit_code == 0
    shown = run("mentors", "show", "Zed\x1b[31m Shaw", "--json")
    assert shown.exit_code == 0, shown.output
    assert json.loads(shown.stdout)["name"] == "Zed Shaw"
