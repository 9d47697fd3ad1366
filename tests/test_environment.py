"""Any terminal, any clone, any folder (issue 16): the environment never breaks
the journal or misleads. Real processes, real encodings, real git clones."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest


def clean_env(home: Path, **extra: str) -> dict[str, str]:
    """The process environment with no git identity and no locale of ours."""
    env = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith(("GIT_", "MENTORLOG_", "LC_", "PYTHONIO"))
        and name not in ("EMAIL", "LANG", "HOME")
    }
    env.update(
        HOME=str(home),
        GIT_CONFIG_NOSYSTEM="1",
        MENTORLOG_TODAY="2026-11-22",
        NO_COLOR="1",
    )
    env.update(extra)
    return env


def ml(
    journal: Path, *args: str, home: Path | None = None, **extra: str
) -> subprocess.CompletedProcess[str]:
    home = home or journal.parent / "home"
    home.mkdir(parents=True, exist_ok=True)
    env = clean_env(home, MENTORLOG_HOME=str(journal), **extra)
    return subprocess.run(
        [sys.executable, "-m", "mentorlog", "--no-input", *args],
        env=env,
        capture_output=True,
        text=True,
        errors="replace",
        timeout=120,
    )


def git(cwd: Path, *args: str, home: Path) -> str:
    return subprocess.run(
        ["git", "-C", str(cwd), *args],
        capture_output=True,
        text=True,
        check=True,
        env=clean_env(home),
    ).stdout


# -- every commit works on every clone --------------------------------------


@pytest.fixture
def bare_home(tmp_path: Path) -> Path:
    """A HOME where git has no identity and may not guess one."""
    home = tmp_path / "phone-home"
    home.mkdir()
    (home / ".gitconfig").write_text("[user]\n\tuseConfigOnly = true\n")
    return home


@pytest.fixture
def clone(tmp_path: Path, bare_home: Path) -> Path:
    """The journal of a laptop (with an identity), pushed to a bare remote and
    cloned with `git clone` on a device with none."""
    laptop_home = tmp_path / "laptop-home"
    laptop_home.mkdir()
    (laptop_home / ".gitconfig").write_text(
        "[user]\n\temail = sam@example.com\n\tname = Sam\n"
    )
    remote = tmp_path / "remote.git"
    subprocess.run(["git", "init", "-q", "--bare", str(remote)], check=True)
    laptop = tmp_path / "laptop"
    assert ml(laptop, "init", "--git", home=laptop_home).returncode == 0
    git(laptop, "remote", "add", "origin", str(remote), home=laptop_home)
    assert ml(laptop, "sync", home=laptop_home).returncode == 0
    phone = tmp_path / "phone"
    subprocess.run(
        ["git", "clone", "-q", str(remote), str(phone)],
        check=True,
        env=clean_env(bare_home),
    )
    assert "user.email" not in git(phone, "config", "--list", home=bare_home)
    return phone


def test_a_write_on_a_clone_without_identity_is_committed(
    clone: Path, bare_home: Path
) -> None:
    first = ml(clone, "actions", "add", "Email Ada", home=bare_home)
    assert first.returncode == 0, first.stderr
    assert "not committed" not in first.stderr
    assert first.stderr.count("no identity") == 1
    assert "user.email mentorlog@localhost" in first.stderr
    assert git(clone, "status", "--porcelain", home=bare_home) == ""
    assert "actions" in git(clone, "log", "-1", "--format=%s", home=bare_home)
    second = ml(clone, "actions", "add", "Email Bob", home=bare_home)
    assert second.returncode == 0 and "identity" not in second.stderr  # said once


def test_sync_on_a_clone_without_identity_works(clone: Path, bare_home: Path) -> None:
    (clone / "notes.txt").write_text("by hand\n")
    done = ml(clone, "sync", home=bare_home)
    assert done.returncode == 0, done.stderr
    assert "no identity" in done.stderr
    assert git(clone, "status", "--porcelain", home=bare_home) == ""


def test_init_git_on_a_clone_without_identity_sets_the_fallback(
    clone: Path, bare_home: Path
) -> None:
    done = ml(clone, "init", "--git", home=bare_home)
    assert done.returncode == 0, done.stderr
    assert "no identity" in done.stderr
    email = git(clone, "config", "--local", "user.email", home=bare_home)
    assert email.strip() == "mentorlog@localhost"


# -- output that adapts to the stream ---------------------------------------

NARROW = {
    "ascii": {"PYTHONIOENCODING": "ascii"},
    "cp1252": {"PYTHONIOENCODING": "cp1252"},
    "C locale": {"LC_ALL": "C", "PYTHONCOERCECLOCALE": "0", "PYTHONUTF8": "0"},
}


def raw(
    journal: Path,
    *args: str,
    stdout: Any = subprocess.PIPE,
    redirect: str = "",
    **env: str,
) -> subprocess.CompletedProcess[bytes]:
    """A real process, its output as bytes; `redirect`: a shell redirection."""
    home = journal.parent / "home"
    home.mkdir(parents=True, exist_ok=True)
    flags = [] if args == ("--help",) else ["--no-input"]  # the fast help path
    command = [sys.executable, "-m", "mentorlog", *flags, *args]
    if redirect:
        command = ["sh", "-c", f'"$@" {redirect}', "sh", *command]
    return subprocess.run(
        command,
        env=clean_env(home, MENTORLOG_HOME=str(journal), **env),
        stdout=stdout,
        stderr=subprocess.PIPE,
        timeout=120,
    )


@pytest.fixture
def filled(tmp_path: Path) -> Path:
    """A journal with a goal (a progress bar, ticked milestones) and a mentor."""
    journal = tmp_path / "journal"
    for args in (
        ("init", "--name", "Sam"),
        ("goals", "add", "Build a React app within 3 months", "--area", "web"),
        ("goals", "milestone", "build", "Tutorial", "--due", "in 2 weeks"),
        ("goals", "milestone", "build", "Deploy", "--due", "in 6 weeks"),
        ("goals", "tick", "build", "1"),
        ("mentors", "add", "Zoë Ada", "--expertise", "web"),
    ):
        done = ml(journal, *args)
        assert done.returncode == 0, done.stderr
    return journal


@pytest.mark.parametrize("env", NARROW.values(), ids=NARROW.keys())
def test_help_on_a_narrow_stream_falls_back_to_ascii(
    tmp_path: Path, env: dict[str, str]
) -> None:
    # the fast help, and the app's (`raw` adds --no-input to the second, and
    # an option given twice is a usage error)
    for args in (("--help",), ("--no-color", "--help")):
        done = raw(tmp_path / "journal", *args, **env)
        assert done.returncode == 0, done.stderr
        assert done.stderr == b""
        assert b"each habit v / x / " in done.stdout  # cp1252 has the dash
        done.stdout.decode(env.get("PYTHONIOENCODING", "ascii"))


LISTINGS = [("checklist",), ("goals",), ("goals", "show", "build"), ("status",)]


@pytest.mark.parametrize("env", NARROW.values(), ids=NARROW.keys())
def test_listings_on_a_narrow_stream_fall_back_to_ascii(
    filled: Path, env: dict[str, str]
) -> None:
    encoding = env.get("PYTHONIOENCODING", "ascii")
    for args in [*LISTINGS, ("mentors",)]:
        done = raw(filled, *args, **env)
        assert done.returncode == 0, (args, done.stderr)
        assert b"bug" not in done.stderr and b"Traceback" not in done.stderr
        done.stdout.decode(encoding)  # every byte is one the stream can take
    # the progress bar (the table as a terminal shows it: piped, a listing is
    # tab-separated rows)
    as_on_terminal = {**env, "FORCE_COLOR": "1", "NO_COLOR": "1", "PAGER": "cat"}
    assert b"#####-----" in raw(filled, "goals", **as_on_terminal).stdout
    if encoding == "ascii":  # a name loses its accent, not its letter
        assert b"Zoe Ada" in raw(filled, "mentors", **env).stdout


@pytest.mark.parametrize("env", NARROW.values(), ids=NARROW.keys())
def test_a_change_on_a_narrow_stream_is_saved_once_and_exits_0(
    filled: Path, env: dict[str, str]
) -> None:
    done = raw(filled, "goals", "add", "Ship a blog within 2 months", **env)
    assert done.returncode == 0, done.stderr
    listed = ml(filled, "goals", "--json")
    assert listed.stdout.count("Ship a blog") == 1


@pytest.mark.parametrize("redirect", [">&-", ">/dev/full"])
def test_a_saved_change_whose_confirmation_cannot_be_printed_exits_0(
    filled: Path, redirect: str
) -> None:
    done = raw(filled, "actions", "add", "Email Ada", redirect=redirect)
    assert done.returncode == 0, done.stderr
    assert done.stderr.startswith(b"saved (the confirmation could not be printed")
    assert ml(filled, "actions", "--json").stdout.count("Email Ada") == 1


def test_a_failed_change_whose_output_is_closed_still_fails(filled: Path) -> None:
    done = raw(filled, "goals", "tick", "nosuchgoal", "1", redirect=">&-")
    assert done.returncode == 1
    assert b"saved" not in done.stderr


@pytest.mark.parametrize("redirect", [">&-", ">/dev/full"])
def test_help_to_a_closed_or_full_output_is_one_line_not_a_traceback(
    tmp_path: Path, redirect: str
) -> None:
    done = raw(tmp_path / "journal", "--help", redirect=redirect)
    assert done.returncode == 1
    assert done.stderr.startswith(b"error: cannot write the output")
    assert done.stderr.count(b"\n") == 1


# -- every rewrite is read back before it replaces the file ------------------

HAND_EDITED_GOAL = """id = "01m8qsh27ktjgh5hbckn30sq7d"
# my own notes on this goal
title = "Build a React app within 3 months"
status = "active"
created = 2026-11-22
target = 2027-02-22
milestones = [
  { title = "Tutorial", done = false }, # started it already
  { title = "Deploy", done = false },
]
"""


def tomlkit_0_15_0_bug(monkeypatch: pytest.MonkeyPatch) -> None:
    """What tomlkit 0.15.0 writes when a key is added to an inline table that
    a comment follows: the comma before the new key is lost."""
    import tomlkit

    real = tomlkit.dumps

    def broken(document: Any, sort_keys: bool = False) -> str:
        return real(document, sort_keys).replace(", done_on", " done_on")

    monkeypatch.setattr(tomlkit, "dumps", broken)


def test_a_rewrite_that_would_be_invalid_toml_is_written_cleanly(
    run: Any, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert run("init").exit_code == 0
    goal = home / "goals" / "build-a-react-app.toml"
    goal.write_text(HAND_EDITED_GOAL)
    tomlkit_0_15_0_bug(monkeypatch)
    done = run("goals", "tick", "build", "1")
    assert done.exit_code == 0, done.output
    assert "rewrote it cleanly instead" in done.stderr
    assert "goals/build-a-react-app.toml" in done.stderr
    import tomllib

    text = goal.read_text()
    data = tomllib.loads(text)  # valid TOML
    assert data["milestones"][0]["done"] is True
    assert data["milestones"][1] == {"title": "Deploy", "done": False}
    assert "# my own notes on this goal" in text  # own-line comments kept
    listed = run("goals", "--json")
    assert "Build a React app" in listed.stdout and listed.stderr == ""
    assert run("doctor").exit_code == 0


def test_a_rewrite_that_reads_back_right_keeps_the_layout(run: Any, home: Path) -> None:
    assert run("init").exit_code == 0
    goal = home / "goals" / "build-a-react-app.toml"
    goal.write_text(HAND_EDITED_GOAL)
    done = run("goals", "tick", "build", "2")
    assert done.exit_code == 0 and "cleanly" not in done.stderr
    assert "# started it already" in goal.read_text()  # tomlkit kept it in place


# -- leftovers ---------------------------------------------------------------


def test_the_tour_leaves_no_folder_when_its_reader_goes_away(tmp_path: Path) -> None:
    temp = tmp_path / "temp"
    temp.mkdir()
    home = tmp_path / "home"
    home.mkdir()
    for _ in range(3):  # the reader goes before or after the first line
        tour = subprocess.Popen(
            [sys.executable, "-m", "mentorlog", "tour"],
            env=clean_env(home, TMPDIR=str(temp)),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        assert tour.stdout is not None
        tour.stdout.read(10)
        tour.stdout.close()  # `mentorlog tour | head -c 10`
        assert tour.stderr is not None
        with tour.stderr:
            assert b"Traceback" not in tour.stderr.read()
        tour.wait(timeout=120)
        assert list(temp.iterdir()) == []


# Ctrl-C at a chosen step of the tour: a real SIGINT the process sends itself
# when the tour announces step N, so where it lands does not depend on timing.
CTRL_C_AT_STEP = """
import os, signal, sys
signal.signal(signal.SIGINT, signal.default_int_handler)  # as in a terminal
import mentorlog.render as render
shown = render.tour_step
def step(number, *args, **kwargs):
    if number == int(os.environ["CTRL_C_AT"]):
        os.kill(os.getpid(), signal.SIGINT)
    return shown(number, *args, **kwargs)
render.tour_step = step
sys.argv = ["mentorlog", "tour"]
from mentorlog.entry import main
main()
"""


@pytest.mark.parametrize("at", [1, 4, 9])
def test_the_tour_leaves_no_folder_after_ctrl_c(tmp_path: Path, at: int) -> None:
    temp = tmp_path / "temp"
    temp.mkdir()
    home = tmp_path / "home"
    home.mkdir()
    done = subprocess.run(
        [sys.executable, "-c", CTRL_C_AT_STEP],
        env=clean_env(home, TMPDIR=str(temp), CTRL_C_AT=str(at)),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 130, (done.returncode, done.stderr)
    assert "That was the tour" not in done.stdout  # it stopped where it was told
    assert "Traceback" not in done.stderr
    assert list(temp.iterdir()) == []  # the sample journal went with it
