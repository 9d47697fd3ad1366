"""User text can never drive the terminal: no markup, links or escape sequences."""

import pytest
from typer.testing import CliRunner

from mentorlog import render
from mentorlog.cli import app

HOSTILE = [
    "\x1b[2J\x1b[H",  # clear screen
    "\x1b]52;c;c2VjcmV0\x07",  # OSC 52 clipboard write
    "\x1b]0;pwned\x07",  # window title
    "\x1b]8;;https://evil.example\x1b\\link\x1b]8;;\x1b\\",  # hyperlink
    "\x9b31m",  # C1 CSI
    "[link=https://evil.example]click[/link]",
    "[bold red]markup[/]",
    "\u202eevil\u202c",  # right-to-left override
    "\r\x08\x07",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_safe_strips_control_and_escape_sequences(text: str) -> None:
    cleaned = render.safe(text)
    assert not any(ord(ch) < 32 or 0x7F <= ord(ch) <= 0x9F for ch in cleaned)
    assert "\u202e" not in cleaned


@pytest.mark.usefixtures("initialised")
def test_hostile_titles_with_a_forced_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NO_COLOR")
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.setenv("TERM", "xterm-256color")
    runner = CliRunner()
    for text in HOSTILE:
        added = runner.invoke(app, ["goals", "add", f"Goal {text} end", "--by", "eom"])
        assert added.exit_code == 0, added.output
    for args in (["goals"], ["goals", "check"], ["goals", "--all"]):
        result = runner.invoke(app, args, color=True)
        assert result.exit_code == 0
        out = result.stdout
        assert "\x1b[" in out, "colour should be on: the test would prove nothing"
        allowed_sgr = out
        import re

        # The only escape sequences left are our own colour codes (SGR: ESC [ ... m).
        stripped = re.sub(r"\x1b\[[0-9;]*m", "", allowed_sgr)
        assert "\x1b" not in stripped
        assert "\x07" not in stripped and "\x9b" not in stripped
        assert (
            "]52;" not in stripped and "]8;;" not in stripped and "]0;" not in stripped
        )
        assert "\u202e" not in stripped
        assert "[link=https://evil.example]click[/link]" in stripped or args != [
            "goals"
        ]


@pytest.mark.usefixtures("initialised")
def test_no_color_wins_over_force_color(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.setenv("NO_COLOR", "1")
    runner = CliRunner()
    runner.invoke(app, ["goals", "add", "Plain goal", "--by", "eom"])
    for args in (
        ["goals"],
        ["goals", "check"],
        ["status"],
        ["--no-color", "checklist"],
    ):
        result = runner.invoke(app, args, color=True)
        assert result.exit_code == 0
        assert "Plain goal" in result.stdout or args[-1] in ("status", "checklist")
        assert "\x1b[" not in result.stdout, args


@pytest.mark.usefixtures("initialised")
def test_long_lists_are_never_cut(monkeypatch: pytest.MonkeyPatch) -> None:
    """Piped, and on a terminal with PAGER=cat: every row, no "more not shown"
    (the pager itself is tested under a real pty in tests/cli/test_pager.py)."""
    runner = CliRunner()
    for n in range(55):
        runner.invoke(app, ["log", "add", f"Entry {n}", "--kind", "win"])
    piped = runner.invoke(app, ["log"])
    assert piped.stdout.count("Entry ") == 55
    monkeypatch.delenv("NO_COLOR")
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.setenv("PAGER", "cat")
    on_terminal = runner.invoke(app, ["log"], color=True)
    assert on_terminal.stdout.count("Entry ") == 55
    assert "not shown" not in on_terminal.stdout
