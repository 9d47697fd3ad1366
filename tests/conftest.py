"""Isolation for every test: a private journal in tmp_path, a pinned today,
no colours and a fixed width, so output is stable."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
import typer.testing
from typer.testing import CliRunner, Result

from mentorlog.cli import app
from mentorlog.store.journal import Journal

# Building the Click command tree from the Typer app takes ~0.1 s; the app does
# not change during a test run, so build it once for all CliRunner calls.
_commands: dict[int, object] = {}
_build = typer.testing._get_command


def _built_once(typer_app: object) -> object:
    key = id(typer_app)
    if key not in _commands:
        _commands[key] = _build(typer_app)  # type: ignore[arg-type]
    return _commands[key]


typer.testing._get_command = _built_once  # type: ignore[assignment]

TODAY = date(2026, 11, 22)  # a Sunday


@pytest.fixture(autouse=True)
def isolation(
    request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Path:
    home = tmp_path / "journal"
    monkeypatch.setenv("MENTORLOG_HOME", str(home))
    monkeypatch.setenv("MENTORLOG_TODAY", TODAY.isoformat())
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "home" / "data"))
    for name in ("VISUAL", "EDITOR", "FORCE_COLOR", "TERM", "XDG_STATE_HOME"):
        monkeypatch.delenv(name, raising=False)
    return home


@pytest.fixture
def home(isolation: Path) -> Path:
    return isolation


@pytest.fixture
def journal(home: Path) -> Journal:
    return Journal(home)


@pytest.fixture
def initialised(home: Path) -> Path:
    """`home` with a journal `init` made, for tests that run mentorlog as a
    real process (only `init` makes a journal)."""
    from mentorlog.core.setup import init_journal

    init_journal(Journal(home), None)
    return home


Run = Callable[..., Result]


@pytest.fixture
def run(request: pytest.FixtureRequest, home: Path) -> Run:
    """Invoke the real CLI; fail loudly if anything but a clean exit escaped.

    Only `init` makes a journal, so the first command a test runs finds one
    `init` made, as a user's would, unless the test starts with `init` (or the
    tour, which makes its own) or is marked `no_journal` (it is about a folder
    with no journal)."""
    decided = request.node.get_closest_marker("no_journal") is not None

    def ready(args: tuple[str, ...]) -> None:
        nonlocal decided
        if decided:
            return
        decided = True
        if not home.exists() and not {"init", "tour"} & set(args[:3]):
            from mentorlog.core.setup import init_journal

            init_journal(Journal(home), None)

    runner = CliRunner()

    def invoke(
        *args: str, input: str | None = None, env: dict[str, str] | None = None
    ) -> Result:
        ready(args)
        result = runner.invoke(
            app, list(args), input=input, env=env, prog_name="mentorlog"
        )
        if result.exception is not None and not isinstance(
            result.exception, SystemExit
        ):
            raise AssertionError(
                f"exception escaped the CLI: {result.exception!r}"
            ) from (result.exception)
        assert "Traceback" not in result.output
        return result

    return invoke


@pytest.fixture
def on_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """The output is a terminal (as rich sees it): tables, not the
    tab-separated rows of piped output; no pager, no colour (NO_COLOR)."""
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.setenv("PAGER", "cat")
