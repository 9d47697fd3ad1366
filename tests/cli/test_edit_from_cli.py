"""Issue 18 item 8: everything edits from the command line. Goals and their
milestones, mentors (changed, removed, merged) and relationship reviews, each
through the real CLI and checked in the journal; what the user wrote by hand
in a file survives every change."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from mentorlog.core.followups import followups
from mentorlog.store.journal import Journal
from mentorlog.store.kinds import (
    ACTIONS,
    FEEDBACK,
    GOALS,
    LOG,
    MENTORS,
    RESOURCES,
    SESSIONS,
)
from tests.cli.test_say_it_once import fail, ok, snapshot
from tests.conftest import TODAY, Run


def _goal(journal: Journal) -> tuple[Path, dict[str, object]]:
    (stored,) = journal.load(GOALS).records
    return stored.path, stored.record.declared()


def test_goals_edit_sets_fields_without_an_editor(
    run: Run, journal: Journal, home: Path
) -> None:
    ok(run, "mentors", "add", "Ada Lovelace")
    ok(run, "goals", "add", "build a React app")
    path, _ = _goal(journal)
    text = path.read_text(encoding="utf-8")
    path.write_text(
        "# why I care: my own note\n" + text + 'mood = "keen"  # kept\n', "utf-8"
    )
    said = ok(
        run,
        "goals",
        "edit",
        "build",
        "--title",
        "build a React app with login",
        "--specific",
        "an app with login and 3 pages",
        "--measure",
        "deployed, 3 pages",
        "--achievable",
        "2 evenings a week",
        "--relevant",
        "the front-end job I want",
        "--by",
        "dec 31",
        "--area",
        "web",
        "--mentor",
        "ada",
        "--private",
    )
    assert said.startswith("Changed goal ")
    new_path, goal = _goal(journal)
    assert new_path == path  # the file keeps its name
    assert goal["title"] == "build a React app with login"
    assert (goal["specific"], goal["measurable"]) == (
        "an app with login and 3 pages",
        "deployed, 3 pages",
    )
    assert (goal["achievable"], goal["relevant"]) == (
        "2 evenings a week",
        "the front-end job I want",
    )
    assert (goal["target"], goal["area"], goal["mentor"]) == (
        date(2026, 12, 31),
        "web",
        "Ada Lovelace",
    )
    assert goal["private"] is True
    written = path.read_text(encoding="utf-8")
    assert written.startswith("# why I care: my own note\n")
    assert 'mood = "keen"  # kept' in written
    ok(run, "goals", "edit", "build", "--no-private")
    assert _goal(journal)[1]["private"] is False
    editor = home / ".." / "editor.sh"  # no option: the editor, as before
    editor.write_text('#!/bin/sh\nsed -i "s/with login/and ship it/" "$1"\n')
    editor.chmod(0o755)
    ok(run, "goals", "edit", "build", env={"EDITOR": str(editor)})
    assert _goal(journal)[1]["title"] == "build a React app and ship it"


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["--by", "soonish"], "--by: "),
        (["--mentor", "nobody"], "nobody"),
        (["--title", "  "], "title is empty"),
        (["--achievable", " "], "--achievable is empty"),
        (["--title", "x" * 501], "keep it under 500"),
    ],
)
def test_goals_edit_checks_like_add(
    run: Run, home: Path, args: list[str], says: str
) -> None:
    ok(run, "goals", "add", "build a React app")
    before = snapshot(home)
    said = fail(run, "goals", "edit", "build", *args)
    assert says in said and said.count("\n") == 1, said
    assert snapshot(home) == before


def _milestones(journal: Journal) -> list[tuple[str, date | None]]:
    (stored,) = journal.load(GOALS).records
    return [(m.title, m.due) for m in stored.record.milestones]


def test_a_milestone_is_changed_by_its_number(run: Run, journal: Journal) -> None:
    ok(run, "goals", "add", "build a React app", "--by", "2027-03-01")
    ok(run, "goals", "milestone", "build", "finish the tutorial")
    ok(run, "goals", "milestone", "build", "deploy a page", "--due", "2027-01-15")
    ok(run, "goals", "milestone", "build", "add login")
    said = ok(run, "goals", "milestone", "build", "1", "--due", "dec 20")
    assert "Changed milestone 1 of" in said
    assert _milestones(journal) == [
        ("finish the tutorial", date(2026, 12, 20)),
        ("deploy a page", date(2027, 1, 15)),
        ("add login", None),
    ]
    ok(run, "goals", "milestone", "build", "2", "--title", "deploy the first page")
    ok(run, "goals", "milestone", "build", "add", "--title", "add a login form")
    assert [t for t, _ in _milestones(journal)] == [
        "finish the tutorial",
        "deploy the first page",
        "add a login form",
    ]
    said = fail(run, "goals", "milestone", "build", "add a login form", "--due", "fri")
    assert "to change it: mentorlog goals milestone build 3 --due" in said
    said = ok(run, "goals", "milestone", "build", "1", "--remove")
    assert "Removed milestone 1 from" in said and "finish the tutorial" in said
    assert _milestones(journal) == [
        ("deploy the first page", date(2027, 1, 15)),
        ("add a login form", None),
    ]
    shown = json.loads(ok(run, "goals", "show", "build", "--json"))
    assert [m["title"] for m in shown["milestones"]] == [
        "deploy the first page",
        "add a login form",
    ]


def test_a_number_never_becomes_a_milestone_by_mistake(
    run: Run, journal: Journal, home: Path
) -> None:
    ok(run, "goals", "add", "build a React app")
    before = snapshot(home)
    said = fail(run, "goals", "milestone", "build", "1", "--due", "friday")
    assert "no milestones yet" in said
    assert snapshot(home) == before
    ok(run, "goals", "milestone", "build", "deploy")
    assert "milestones 1-1, not 2" in fail(
        run, "goals", "milestone", "build", "2", "--due", "friday"
    )
    assert "say what to change" in fail(run, "goals", "milestone", "build", "1")
    ok(run, "goals", "milestone", "build", "42", "--add")  # asked for: a title
    assert [t for t, _ in _milestones(journal)] == ["deploy", "42"]
    assert "--add takes no" in fail(
        run, "goals", "milestone", "build", "1", "--add", "--remove", code=2
    )
    assert "--remove takes no other option" in fail(
        run, "goals", "milestone", "build", "1", "--remove", "--due", "friday"
    )


def test_the_coach_suggests_commands_that_exist(run: Run) -> None:
    ok(run, "goals", "add", "build a React app")
    said = ok(run, "goals", "check", "build")
    assert "fill in --" not in said
    assert "`mentorlog goals edit " in said and '--achievable "..."`' in said
    assert '--relevant "..."`' in said and "--by DATE" in said


def _mentor(journal: Journal, name: str) -> dict[str, object]:
    (found,) = [
        s.record for s in journal.load(MENTORS).records if s.record.name == name
    ]
    return found.declared()


def test_mentors_edit_takes_the_options_of_add(run: Run, journal: Journal) -> None:
    ok(run, "mentors", "add", "Ada Lovelace", "--expertise", "python")
    ok(run, "goals", "add", "build a React app", "--mentor", "ada")
    (stored,) = journal.load(MENTORS).records
    text = stored.path.read_text(encoding="utf-8")
    stored.path.write_text(text + "She likes long walks.\n", "utf-8")
    ok(
        run,
        "mentors",
        "edit",
        "ada",
        "--org",
        "Babbage & Co",
        "--expertise",
        "web, career",
        "--channel",
        "zoom",
        "--cadence",
        "monthly",
        "--work-style",
        "async first",
        "--name",
        "Ada King",
    )
    ada = _mentor(journal, "Ada King")
    assert (ada["org"], ada["expertise"], ada["channel"], ada["cadence"]) == (
        "Babbage & Co",
        ["web", "career"],
        "video",
        "monthly",
    )
    assert ada["work_style"] == "async first"
    (again,) = journal.load(MENTORS).records
    assert again.path == stored.path
    assert again.path.read_text(encoding="utf-8").endswith("She likes long walks.\n")
    (goal,) = journal.load(GOALS).records
    assert goal.record.mentor == "Ada King"  # the goal follows the new name
    assert "unknown channel" in fail(run, "mentors", "edit", "ada", "--channel", "owl")
    assert "cadence" in fail(run, "mentors", "edit", "ada", "--cadence", "sometimes")


def test_remove_is_refused_while_records_refer_to_the_mentor(
    run: Run, home: Path
) -> None:
    ok(run, "mentors", "add", "Ada Lovelace")
    ok(run, "actions", "add", "Email Ada", "--mentor", "ada")
    ok(run, "prep", "ada", "--on", "fri")
    before = snapshot(home)
    said = fail(run, "mentors", "remove", "ada")
    assert "referred to by 1 session, 1 action" in said
    assert "--merge-into" in said and said.count("\n") == 1
    assert snapshot(home) == before
    ok(run, "mentors", "add", "Ada L")
    ok(run, "actions", "add", "Email Ada L", "--mentor", "Ada L")
    said = fail(run, "mentors", "remove", "Ada L")
    assert "mentorlog mentors remove 'Ada L' --merge-into OTHER" in said
    ok(run, "mentors", "add", "Typo Name")
    ok(run, "mentors", "remove", "typo")
    assert "Typo" not in ok(run, "mentors", "--all")


def test_merge_into_moves_every_reference_then_removes(
    run: Run, journal: Journal
) -> None:
    ok(run, "mentors", "add", "Ada Lovelace", "--expertise", "python")
    ok(run, "mentors", "add", "Ada L", "--expertise", "career", "--org", "Babbage")
    dup = _mentor(journal, "Ada L")["id"]
    ok(run, "goals", "add", "build a React app", "--mentor", "Ada L")
    ok(run, "actions", "add", "Email Ada", "--mentor", "Ada L")
    ok(run, "feedback", "add", "Slides too dense", "--mentor", "Ada L")
    ok(run, "resources", "add", "SICP", "--kind", "book", "--from", "Ada L")
    ok(run, "recap", "Ada L", "--takeaway", "Pick one lab")
    ok(run, "prep", "Ada L", "--on", "fri")
    said = ok(run, "mentors", "remove", "Ada L", "--merge-into", "Ada Lovelace")
    assert said.startswith("Merged Ada L into ")
    ada = _mentor(journal, "Ada Lovelace")
    assert ada["expertise"] == ["python", "career"] and ada["org"] == "Babbage"
    assert [s.record.name for s in journal.load(MENTORS).records] == ["Ada Lovelace"]
    assert {s.record.mentor for s in journal.load(SESSIONS).records} == {ada["id"]}
    assert [s.record.mentor for s in journal.load(ACTIONS).records] == [ada["id"]]
    assert [s.record.mentor for s in journal.load(FEEDBACK).records] == [ada["id"]]
    assert [s.record.recommended_by for s in journal.load(RESOURCES).records] == [
        ada["id"]
    ]
    assert [s.record.mentor for s in journal.load(GOALS).records] == ["Ada Lovelace"]
    for kind in (SESSIONS, ACTIONS, FEEDBACK, RESOURCES, LOG):
        assert all(
            dup not in json.dumps(s.record.declared(), default=str)
            for s in journal.load(kind).records
        )
    ok(run, "doctor")
    assert "Pick one lab" in ok(run, "prep", "ada")  # her history is Ada's now
    assert "themselves" in fail(
        run, "mentors", "remove", "ada", "--merge-into", "Ada Lovelace"
    )


def test_a_review_can_be_recorded_any_time(run: Run, journal: Journal) -> None:
    ok(run, "mentors", "add", "Ada Lovelace")
    said = ok(
        run, "mentors", "review", "ada", "--on", "yesterday", "--notes", "meet less"
    )
    assert "on 2026-11-21" in said
    assert _mentor(journal, "Ada Lovelace")["reviewed_on"] == date(2026, 11, 21)
    ok(run, "mentors", "review", "ada", "--notes", "all good")
    (stored,) = journal.load(MENTORS).records
    body = stored.path.read_text(encoding="utf-8")
    assert body.endswith(
        "## Reviews\n\n- 2026-11-21: meet less\n- 2026-11-22: all good\n"
    )
    assert "## Notes" in body  # the notes stay as they were
    assert "in the future" in fail(
        run, "mentors", "review", "ada", "--on", "2026-12-01"
    )


def test_followups_done_review_is_accepted_before_the_reminder(
    run: Run, journal: Journal
) -> None:
    ok(run, "mentors", "add", "Ada Lovelace")
    assert not [i for i in followups(journal, TODAY).items if i.kind == "review"]
    said = ok(run, "followups", "done", "review-ada")
    assert "Review with Ada Lovelace" in said
    assert _mentor(journal, "Ada Lovelace")["reviewed_on"] == TODAY
    assert "no follow-up" in fail(run, "followups", "done", "thanks-ada")


def test_merge_is_refused_when_both_have_a_meeting_that_day(
    run: Run, home: Path, journal: Journal
) -> None:
    ok(run, "mentors", "add", "Ada Lovelace")
    ok(run, "mentors", "add", "Ada L")
    ok(run, "prep", "Ada Lovelace", "--on", "fri 10:00", "-q", "Which lab?")
    ok(run, "prep", "Ada L", "--on", "fri 15:00", "-q", "Why?")
    before = snapshot(home)
    said = fail(run, "mentors", "remove", "Ada L", "--merge-into", "Ada Lovelace")
    assert said.count("\n") == 1
    assert "Ada L and Ada Lovelace each have a meeting on 2026-11-27" in said
    assert "move one (" in said and "or cancel it (" in said
    assert snapshot(home) == before
    (mine,) = [
        s.record.id
        for s in journal.load(SESSIONS).records
        if s.record.mentor == _mentor(journal, "Ada L")["id"]
    ]
    ok(run, "sessions", "cancel", mine)
    ok(run, "mentors", "remove", "Ada L", "--merge-into", "Ada Lovelace")
    (planned,) = [
        s.record for s in journal.load(SESSIONS).records if s.record.status == "planned"
    ]
    assert planned.time == "10:00" and planned.questions == ["Which lab?"]


def test_an_ongoing_mentor_is_not_merged_into_an_unanswered_ask(
    run: Run, home: Path, journal: Journal
) -> None:
    ok(run, "mentors", "add", "Ada Lovelace", "--cadence", "biweekly")
    ok(run, "mentors", "ask", "Ada L", "--ask", "How did you start?")
    before = snapshot(home)
    said = fail(run, "mentors", "remove", "Ada Lovelace", "--merge-into", "Ada L")
    assert "Ada L is a flash contact whose ask is unanswered" in said
    assert "mentors remove 'Ada L' --merge-into 'Ada Lovelace'" in said
    assert snapshot(home) == before
    ok(run, "mentors", "remove", "Ada L", "--merge-into", "Ada Lovelace")
    assert [m.record.kind for m in journal.load(MENTORS).records] == ["ongoing"]
