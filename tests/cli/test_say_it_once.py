"""Issue 15: what the user typed means what the user meant, through the real
CLI. Today is pinned to Sunday 2026-11-22 (tests/conftest.py)."""

import json
from datetime import date
from pathlib import Path

from mentorlog.models import Session
from mentorlog.store.ids import new_id
from mentorlog.store.journal import Journal
from mentorlog.store.kinds import ACTIONS, GOALS, LOG, MENTORS, SESSIONS
from tests.conftest import Run


def ok(run: Run, *args: str, env: dict[str, str] | None = None) -> str:
    result = run(*args, env=env)
    assert result.exit_code == 0, result.output
    return result.stdout


def fail(run: Run, *args: str, code: int = 1) -> str:
    result = run(*args)
    assert result.exit_code == code, result.output
    return result.stderr


def snapshot(home: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(home)): path.read_bytes()
        for path in sorted(home.rglob("*"))
        if path.is_file() and ".git" not in path.parts and "cache" not in path.name
    }


# -- dates: a direction per field ------------------------------------------------


def test_a_due_date_without_a_year_is_ahead(run: Run, journal: Journal) -> None:
    ok(run, "actions", "add", "Book the venue", "--due", "june 1")
    ok(run, "actions", "add", "Book the hall due:may 20")
    dues = {s.record.text: s.record.due for s in journal.load(ACTIONS).records}
    assert dues == {
        "Book the venue": date(2027, 6, 1),
        "Book the hall": date(2027, 5, 20),
    }
    assert "overdue" not in ok(run, "actions")


def test_a_goal_target_without_a_year_is_next_may(run: Run, journal: Journal) -> None:
    result = run("goals", "add", "Submit to ICML", "--by", "may 31")
    assert result.exit_code == 0, result.output
    assert "past" not in result.output
    (goal,) = journal.load(GOALS).records
    assert goal.record.target == date(2027, 5, 31)


def test_an_agreement_until_may_is_next_may(run: Run, journal: Journal) -> None:
    ok(run, "mentors", "add", "Ada Lovelace")
    ok(run, "mentors", "agree", "ada", "--until", "may 31")
    (mentor,) = journal.load(MENTORS).records
    assert mentor.record.agreement.until == date(2027, 5, 31)


def test_next_friday_on_a_monday_is_next_week(run: Run, journal: Journal) -> None:
    monday = {"MENTORLOG_TODAY": "2026-11-23"}
    ok(run, "actions", "add", "A due:friday", env=monday)
    ok(run, "actions", "add", "B due:next friday", env=monday)
    dues = {s.record.text: s.record.due for s in journal.load(ACTIONS).records}
    assert dues == {"A": date(2026, 11, 27), "B": date(2026, 12, 4)}


def test_past_fields_read_backward(run: Run, journal: Journal) -> None:
    ok(run, "log", "add", "Gave my first talk", "--kind", "win", "--on", "friday")
    ok(run, "log", "add", "Sent the note", "--kind", "update", "--on", "nov 30")
    dates = {s.record.text: s.record.date for s in journal.load(LOG).records}
    assert dates == {
        "Gave my first talk": date(2026, 11, 20),
        "Sent the note": date(2025, 11, 30),
    }
    listed = ok(run, "log", "list", "--since", "friday")
    assert "Gave my first talk" in listed and "Sent the note" not in listed


def test_a_bad_meeting_time_is_refused_not_dropped(run: Run, home: Path) -> None:
    ok(run, "mentors", "add", "Ada Lovelace")
    before = snapshot(home)
    error = fail(run, "prep", "ada", "--on", "fri 25:00")
    assert "--on" in error and "time of day" in error, error
    assert snapshot(home) == before


# -- references: one resolver, every kind -----------------------------------------


def test_a_word_of_a_name_or_title_finds_it(run: Run, journal: Journal) -> None:
    ok(run, "mentors", "add", "Dr. Helen Okafor")
    ok(run, "goals", "add", "Submit to ICML")
    assert "Dr. Helen Okafor" in ok(run, "mentors", "show", "helen")
    assert "Submit to ICML" in ok(run, "goals", "show", "icml")
    assert "Dr. Helen Okafor" in ok(run, "mentors", "show", "HELEN OK")


def test_nothing_found_suggests_near_names(run: Run) -> None:
    ok(run, "mentors", "add", "Dr. Helen Okafor")
    error = fail(run, "mentors", "show", "helne")
    assert 'no mentor matches "helne"' in error
    assert "did you mean" in error and "Dr. Helen Okafor" in error, error


def test_an_open_action_wins_over_a_done_one(run: Run, journal: Journal) -> None:
    ok(run, "actions", "add", "Email Alice")
    ok(run, "actions", "done", "email alice")
    ok(run, "actions", "add", "Email Bob")
    ok(run, "actions", "done", "email")
    statuses = {s.record.text: s.record.status for s in journal.load(ACTIONS).records}
    assert statuses == {"Email Alice": "done", "Email Bob": "done"}


def test_two_open_matches_list_their_candidates(run: Run) -> None:
    ok(run, "actions", "add", "Email Alice")
    ok(run, "actions", "add", "Email Bob")
    error = fail(run, "actions", "done", "email")
    assert "Email Alice" in error and "Email Bob" in error, error
    # and a word of each, not only their start, is what matched
    error = fail(run, "actions", "done", "e")
    assert "Email Alice" in error and "Email Bob" in error, error
    ok(run, "actions", "done", "bob")


def test_full_text_in_any_case_finds_the_open_action(
    run: Run, journal: Journal
) -> None:
    ok(run, "actions", "add", "Email Bob")
    ok(run, "actions", "done", "email bob")  # last month's
    ok(run, "actions", "add", "Email Bob")
    ok(run, "actions", "add", "Email Bobby Tables")
    ok(run, "actions", "done", "EMAIL  BOB")
    statuses = sorted(
        (s.record.text, s.record.status) for s in journal.load(ACTIONS).records
    )
    assert statuses == [
        ("Email Bob", "done"),
        ("Email Bob", "done"),
        ("Email Bobby Tables", "open"),
    ]


def test_names_compare_nfc_and_casefolded(run: Run) -> None:
    ok(run, "mentors", "add", "Jürgen Straße")
    decomposed = "ju\u0308rgen"
    assert "Jürgen Straße" in ok(run, "mentors", "show", decomposed)
    assert "Jürgen Straße" in ok(run, "mentors", "show", "STRASSE")


def test_a_session_reference_takes_a_mentor(run: Run, journal: Journal) -> None:
    ok(run, "mentors", "add", "Ada Lovelace")
    ok(run, "prep", "ada", "--on", "2026-11-25")
    assert "2026-11-25" in ok(run, "sessions", "show", "ada")
    ok(run, "sessions", "move", "ada", "--to", "friday")
    assert "2026-11-27" in ok(run, "sessions", "show", "ada")
    ok(run, "sessions", "cancel", "ada")
    error = fail(run, "sessions", "move", "ada", "--to", "monday")
    assert "2026-11-27 is cancelled" in error, error
    ok(run, "mentors", "add", "Grace Hopper")
    error = fail(run, "sessions", "show", "grace")
    assert "no planned session with Grace Hopper" in error, error
    # two planned (one made on another device, say): the soonest
    ok(run, "prep", "grace", "--on", "2026-12-10")
    grace = journal.resolve(MENTORS, "grace").record
    with journal.transaction():
        journal.save(
            SESSIONS,
            Session(
                id=new_id(),
                mentor=grace.id,
                mentor_name=grace.name,
                date=date(2026, 12, 3),
                created=date(2026, 11, 22),
            ),
        )
    ok(run, "sessions", "cancel", "grace")
    statuses = {
        s.record.date.isoformat(): s.record.status
        for s in journal.load(SESSIONS).records
        if s.record.mentor == grace.id
    }
    assert statuses == {"2026-12-03": "cancelled", "2026-12-10": "planned"}


def test_a_goal_mentor_is_resolved_not_stored_raw(run: Run, journal: Journal) -> None:
    ok(run, "mentors", "add", "Ada Lovelace")
    error = fail(run, "goals", "add", "Ship it", "--mentor", "Nobody Atall")
    assert 'no mentor matches "Nobody Atall"' in error
    assert journal.load(GOALS).records == []
    ok(run, "goals", "add", "Ship it", "--mentor", "ada")
    (goal,) = journal.load(GOALS).records
    assert goal.record.mentor == "Ada Lovelace"


# -- search ------------------------------------------------------------------------


def test_search_folds_case_the_unicode_way(run: Run) -> None:
    ok(run, "log", "add", "Walked down the Hauptstraße to the lab", "--kind", "win")
    assert "Hauptstraße" in ok(run, "search", "strasse")
    assert "Hauptstraße" in ok(run, "search", "STRASSE")


def test_search_shows_what_you_wrote_once_not_each_agenda_copy(
    run: Run, home: Path
) -> None:
    ok(run, "mentors", "add", "Ada Lovelace")
    ok(run, "actions", "add", "Finish the reading list", "--mentor", "ada")
    ok(run, "prep", "ada", "--on", "2026-11-23")
    ok(run, "recap", "ada", "--takeaway", "Reading beats skimming")
    ok(run, "prep", "ada", "--on", "2026-11-30")
    agendas = [p.read_text() for p in (home / "sessions").glob("*.md")]
    assert sum("Finish the reading list" in text for text in agendas) == 2
    out = ok(run, "search", "--json", "reading")
    hits = json.loads(out)
    lines = sorted((hit["kind"], hit["field"], hit["line"]) for hit in hits)
    assert lines == [
        ("action", "text", "Finish the reading list"),
        ("session", "takeaway", "Reading beats skimming"),
    ], lines


# -- filters and hints -------------------------------------------------------------


def test_bare_groups_take_their_lists_filters(run: Run) -> None:
    ok(run, "mentors", "add", "Ada Lovelace")
    ok(run, "mentors", "add", "Grace Hopper")
    ok(run, "goals", "add", "Write the paper")
    ok(run, "actions", "add", "Ada's task", "--mentor", "ada", "--goal", "paper")
    ok(run, "actions", "add", "Grace's task", "--mentor", "grace")
    out = ok(run, "actions", "--mentor", "ada")
    assert "Ada's task" in out and "Grace's task" not in out
    out = ok(run, "actions", "--goal", "paper")
    assert "Ada's task" in out and "Grace's task" not in out
    ok(run, "feedback", "add", "Lead with the result", "--mentor", "ada")
    ok(run, "feedback", "add", "Slow down", "--mentor", "ada")
    ok(run, "feedback", "applied", "slow", "--how", "paused")
    out = ok(run, "feedback", "--pending")
    assert "Lead with the result" in out and "Slow down" not in out
    ok(run, "log", "add", "Gave a talk", "--kind", "win", "--on", "2026-11-20")
    ok(run, "log", "add", "Stuck", "--kind", "challenge", "--on", "2026-11-01")
    out = ok(run, "log", "--kind", "win")
    assert "Gave a talk" in out and "Stuck" not in out
    out = ok(run, "log", "--since", "nov 15")
    assert "Gave a talk" in out and "Stuck" not in out
    ok(run, "prep", "ada", "--on", "2026-11-25")
    ok(run, "prep", "grace", "--on", "2026-11-26")
    out = ok(run, "sessions", "--mentor", "grace")
    assert "2026-11-26" in out and "2026-11-25" not in out


def test_the_hidden_footer_counts_and_repeats_the_filters(
    on_terminal: None, run: Run
) -> None:
    ok(run, "mentors", "add", "Ada Lovelace")
    ok(run, "mentors", "add", "Grace Hopper")
    for n in range(3):
        ok(run, "actions", "add", f"Grace thing {n}", "--mentor", "grace")
        ok(run, "actions", "done", f"grace thing {n}")
    ok(run, "actions", "add", "Ada thing", "--mentor", "ada")
    ok(run, "actions", "done", "ada thing")
    ok(run, "actions", "add", "Ada open", "--mentor", "ada")
    out = ok(run, "actions", "--mentor", "ada")
    assert "1 closed hidden: mentorlog actions --mentor ada --all" in out, out
    assert "4 closed" not in out
    assert "4 closed hidden: mentorlog actions --all" in ok(run, "actions")


def test_the_agree_hint_repeats_what_was_typed(run: Run) -> None:
    out = ok(
        run, "mentors", "add", "Bo", "--channel", "in-person", "--cadence", "weekly"
    )
    assert "--channel in-person --cadence weekly" in out, out
    assert "video" not in out and "biweekly" not in out
    out = ok(run, "mentors", "add", "Cy")
    assert "video" not in out and "biweekly" not in out, out
