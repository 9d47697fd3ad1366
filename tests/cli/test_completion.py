"""Shell completion: commands, options and the values in the journal."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import Run


def complete(home: Path, shell: str, words: str, cword: int) -> list[str]:
    env = {
        **os.environ,
        "MENTORLOG_HOME": str(home),
        "_MENTORLOG_COMPLETE": f"complete_{shell}",
        "COMP_WORDS": words,
        "COMP_CWORD": str(cword),
        "_TYPER_COMPLETE_ARGS": words,
    }
    if shell == "fish":
        env["_TYPER_COMPLETE_FISH_ACTION"] = "get-args"
    done = subprocess.run(
        [sys.executable, "-m", "mentorlog"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.split()


@pytest.fixture
def filled(run: Run, home: Path) -> Path:
    run("mentors", "add", "Ada Lovelace")
    run("mentors", "add", "Alan Turing")
    run("goals", "add", "Learn Rust", "--by", "eoy")
    run("actions", "add", "Email the lab")
    run("prep", "ada", "--on", "friday")
    return home


def test_bash_completes_commands_and_journal_values(filled: Path) -> None:
    assert "goals" in complete(filled, "bash", "mentorlog go", 1)
    assert complete(filled, "bash", "mentorlog mentors show a", 3) == [
        "ada-lovelace",
        "alan-turing",
    ]
    assert complete(filled, "bash", "mentorlog goals show ", 3) == ["learn-rust"]
    assert complete(filled, "bash", "mentorlog actions done em", 3) == ["email-the-lab"]
    assert complete(filled, "bash", "mentorlog sessions show 2026", 3) == [
        "2026-11-27-ada-lovelace"
    ]
    assert complete(filled, "bash", "mentorlog prep al", 2) == ["alan-turing"]
    assert complete(filled, "bash", "mentorlog mentors add X --channel v", 5) == [
        "video"
    ]
    assert complete(filled, "bash", "mentorlog mentors answer ada d", 4) == ["declined"]


def test_sessions_move_and_cancel_complete_only_planned_meetings(
    run: Run, filled: Path
) -> None:
    run("recap", "alan", "--takeaway", "Write it down")  # held today: no plan
    shown = complete(filled, "bash", "mentorlog sessions show 2026", 3)
    assert shown == ["2026-11-22-alan-turing", "2026-11-27-ada-lovelace"]
    for verb in ("move", "cancel"):
        words = f"mentorlog sessions {verb} 2026"
        assert complete(filled, "bash", words, 3) == ["2026-11-27-ada-lovelace"]


def test_zsh_and_fish_complete_too(filled: Path) -> None:
    zsh = complete(filled, "zsh", "mentorlog goals show ", 3)
    assert any("learn-rust" in line for line in zsh)
    fish = complete(filled, "fish", "mentorlog goals show ", 3)
    assert any("learn-rust" in line for line in fish)


def test_completion_of_a_broken_journal_is_empty_not_an_error(tmp_path: Path) -> None:
    broken = tmp_path / "broken"
    (broken / "mentors").mkdir(parents=True)
    (broken / "mentors" / "x.md").write_text("not front matter")
    assert complete(broken, "bash", "mentorlog mentors show ", 3) == []


def test_options_complete_journal_values_and_fixed_words(
    run: Run, filled: Path
) -> None:
    run("actions", "add", "Done already")
    run("actions", "done", "done already")
    assert complete(filled, "bash", "mentorlog actions done ", 3) == ["email-the-lab"]
    assert complete(filled, "bash", "mentorlog actions add x --mentor al", 5) == [
        "alan-turing"
    ]
    assert complete(filled, "bash", "mentorlog log add x --kind c", 5) == ["challenge"]
    assert complete(filled, "bash", "mentorlog export --format i", 3) == ["ics"]


def test_agree_completes_the_channel_as_add_does(filled: Path) -> None:
    assert complete(filled, "bash", "mentorlog mentors agree ada --channel v", 5) == [
        "video"
    ]


def test_every_argument_that_names_a_record_completes(run: Run, filled: Path) -> None:
    run("goals", "milestone", "learn", "Read the book")
    run("goals", "milestone", "learn", "Write a CLI")
    run("goals", "milestone", "learn", "Ship it")
    run("goals", "tick", "learn", "1")
    assert run("recap", "alan", "--takeaway", "Ask early").exit_code == 0  # held
    run("feedback", "add", "Speak slower", "--mentor", "ada")
    run("resources", "add", "The Rust Book", "--url", "https://example.org/rust")
    session = "2026-11-27-ada-lovelace"
    # milestone numbers: the open ones of the goal named before, with titles
    assert complete(filled, "bash", "mentorlog goals tick learn ", 4) == ["2", "3"]
    assert complete(filled, "bash", "mentorlog goals tick learn 3", 4) == ["3"]
    fish = complete(filled, "fish", "mentorlog goals tick learn-rust ", 4)
    assert " ".join(fish) == "2 Write a CLI 3 Ship it"  # number, then title
    assert complete(filled, "bash", "mentorlog goals tick nothing ", 4) == []
    # edit: a record of any kind, or the settings
    everything = complete(filled, "bash", "mentorlog edit ", 2)
    for expected in (
        "settings",
        "ada-lovelace",
        "learn-rust",
        "email-the-lab",
        session,
    ):
        assert expected in everything, expected
    assert complete(filled, "bash", "mentorlog edit se", 2) == ["settings"]
    assert complete(filled, "bash", "mentorlog edit spe", 2) == ["speak-slower"]
    # recap: a mentor or a planned meeting
    assert complete(filled, "bash", "mentorlog recap ", 2) == [
        session,
        "ada-lovelace",
        "alan-turing",
    ]
    assert complete(filled, "bash", "mentorlog recap ada --done e", 4) == [
        "email-the-lab"
    ]
    assert complete(filled, "bash", "mentorlog recap ada --goal l", 4) == ["learn-rust"]
    # follow-ups: the ids `followups` lists
    listed = sorted(f["id"] for f in json.loads(run("followups", "--json").stdout))
    assert listed
    assert complete(filled, "bash", "mentorlog followups done ", 3) == listed
    # feedback, resources, sessions, goals and mentors wherever they are named
    assert complete(filled, "bash", "mentorlog feedback applied ", 3) == [
        "speak-slower"
    ]
    assert complete(filled, "bash", "mentorlog resources done ", 3) == ["the-rust-book"]
    assert complete(filled, "bash", "mentorlog sessions show ", 3) == [
        "2026-11-22-alan-turing",
        session,
    ]
    assert complete(filled, "bash", "mentorlog goals check ", 3) == ["learn-rust"]
    assert complete(filled, "bash", "mentorlog checklist al", 2) == ["alan-turing"]
    assert complete(filled, "bash", "mentorlog report --mentor al", 3) == [
        "alan-turing"
    ]
    assert complete(filled, "bash", "mentorlog actions list --goal ", 4) == [
        "learn-rust"
    ]
    assert complete(filled, "bash", "mentorlog sessions --mentor al", 3) == [
        "alan-turing"
    ]
