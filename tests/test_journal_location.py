"""Only `init` makes a journal (issue 16 part 4): any other command on a folder
that is not a journal names it and creates nothing; a relative journal path is
resolved once, shown absolute and warned about."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import Run
from tests.test_environment import clean_env


def in_folder(
    root: Path, cwd: Path, *args: str, **env: str
) -> subprocess.CompletedProcess[str]:
    """A real process run from `cwd`, with `env` on top of a clean one; its
    HOME is `root/home`, its data folder `root/home/data`."""
    home = root / "home"
    home.mkdir(parents=True, exist_ok=True)
    return subprocess.run(
        [sys.executable, "-m", "mentorlog", "--no-input", *args],
        env=clean_env(home, XDG_DATA_HOME=str(home / "data"), **env),
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.no_journal
@pytest.mark.parametrize(
    "args", [("goals",), ("actions", "add", "x"), ("checklist",), ("doctor",)]
)
def test_a_folder_that_is_not_a_journal_is_named_not_made(
    tmp_path: Path, args: tuple[str, ...]
) -> None:
    typo = tmp_path / "jurnal"
    done = in_folder(tmp_path, tmp_path, "--journal", str(typo), *args)
    assert done.returncode == 1
    assert done.stderr == (
        f"error: no journal at {typo}: run mentorlog init "
        "(or check --journal / MENTORLOG_HOME)\n"
    )
    assert not typo.exists()  # nothing made there, not even the folder


@pytest.mark.no_journal
def test_the_default_data_folder_is_made_by_init_only(tmp_path: Path) -> None:
    data = tmp_path / "home" / "data" / "mentorlog"
    assert in_folder(tmp_path, tmp_path, "goals", "add", "Learn Go").returncode == 1
    assert not data.exists()
    assert in_folder(tmp_path, tmp_path, "init").returncode == 0
    assert in_folder(tmp_path, tmp_path, "goals", "add", "Learn Go").returncode == 0
    assert (data / "templates").is_dir()


@pytest.mark.no_journal
def test_a_relative_journal_path_is_resolved_shown_and_warned_about(
    tmp_path: Path,
) -> None:
    here, elsewhere = tmp_path / "here", tmp_path / "elsewhere"
    here.mkdir()
    elsewhere.mkdir()
    made = in_folder(tmp_path, here, "init", MENTORLOG_HOME="j")
    assert made.returncode == 0 and (here / "j" / "mentorlog.toml").exists()
    assert "MENTORLOG_HOME is a relative path (j)" in made.stderr
    where = in_folder(tmp_path, here, "where", MENTORLOG_HOME="j")
    assert where.stdout == f"{here / 'j'}\n"
    assert f"it names {here / 'j'} only from this folder" in where.stderr
    lost = in_folder(tmp_path, elsewhere, "actions", "add", "x", MENTORLOG_HOME="j")
    assert lost.returncode == 1 and f"no journal at {elsewhere / 'j'}" in lost.stderr
    assert not (elsewhere / "j").exists()
    flag = in_folder(tmp_path, here, "--journal", "j", "goals")
    assert flag.returncode == 0
    assert "--journal is a relative path (j)" in flag.stderr


NO_SUCH_USER = "~no-such-user-of-mentorlog"


@pytest.mark.no_journal
@pytest.mark.parametrize(
    ("args", "env"),
    [
        (("goals",), {"MENTORLOG_HOME": f"{NO_SUCH_USER}/journal"}),
        (("init",), {"MENTORLOG_HOME": f"{NO_SUCH_USER}/journal"}),
        (("where",), {"MENTORLOG_HOME": f"{NO_SUCH_USER}/journal"}),
        (("--journal", f"{NO_SUCH_USER}/journal", "doctor"), {}),
        (("--journal", f"{NO_SUCH_USER}/journal", "--version"), {}),
    ],
)
def test_a_path_of_a_user_this_system_does_not_know_is_a_user_error(
    tmp_path: Path, args: tuple[str, ...], env: dict[str, str]
) -> None:
    """`~user/...` for a user with no account here: `Path.expanduser` raises
    RuntimeError; mentorlog says so in one line, exit 1, nothing made."""
    done = in_folder(tmp_path, tmp_path, *args, **env)
    assert done.returncode == 1, done.stderr
    assert done.stderr.strip().splitlines() == [
        f"error: {NO_SUCH_USER}/journal: no user named "
        f"{NO_SUCH_USER[1:]} on this system ({NO_SUCH_USER} names that user's "
        "home folder); give the full path"
    ]
    assert "Traceback" not in done.stderr


def test_an_export_to_a_path_of_an_unknown_user_is_a_user_error(run: Run) -> None:
    done = run("export", "--format", "json", "--output", f"{NO_SUCH_USER}/b.json")
    assert done.exit_code == 1
    assert f"no user named {NO_SUCH_USER[1:]} on this system" in done.stderr
