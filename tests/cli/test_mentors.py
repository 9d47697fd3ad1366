import json
from pathlib import Path

import pytest

from mentorlog.store.journal import Journal
from mentorlog.store.kinds import MENTORS, SESSIONS
from tests.conftest import Run


def add(run: Run, *args: str) -> str:
    result = run("mentors", "add", *args)
    assert result.exit_code == 0, result.stderr
    return result.stdout


def test_add_list_show_a_mentor(run: Run, journal: Journal, home: Path) -> None:
    out = add(
        run,
        "Ada Lovelace",
        "--org",
        "Analytical Engines",
        "-e",
        "python, career",
        "--expertise",
        "Python",
        "--channel",
        "zoom",
        "--cadence",
        "every 2 weeks",
        "--contact",
        "ada@example.org",
        "--interests",
        "poetry",
        "--teaching-style",
        "Socratic questions",
        "--challenges",
        "a field that did not exist yet",
    )
    assert "Added mentor" in out and "Ada Lovelace" in out
    mentor = journal.resolve(MENTORS, "ada").record
    assert mentor.expertise == ["python", "career"]  # "Python" is a repeat
    assert mentor.channel == "video" and mentor.cadence == "biweekly"
    assert mentor.kind == "ongoing"
    path = home / "mentors" / "ada-lovelace.md"
    text = path.read_text()
    assert text.startswith("+++\n") and "## Notes" in text

    listing = run("mentors")
    assert listing.exit_code == 0
    assert listing.stdout.splitlines()[0].split() == [
        "id",
        "name",
        "kind",
        "expertise",
        "meets",
        "agreed",
    ]
    assert "Ada Lovelace" in listing.stdout and "python, career" in listing.stdout
    assert "0/12" in listing.stdout
    assert run("mentors", "list").stdout == listing.stdout

    shown = run("mentors", "show", "ada")
    for expected in (
        "Analytical Engines",
        "Socratic questions",
        "Agreement (0/12 agreed)",
        "open (their profile says biweekly; --cadence)",
        "a field that did not exist yet",
    ):
        assert expected in shown.stdout, expected


def test_the_profile_prose_survives_every_write(run: Run, home: Path) -> None:
    add(run, "Ada Lovelace", "--cadence", "monthly")
    path = home / "mentors" / "ada-lovelace.md"
    path.write_text(
        path.read_text().replace(
            "+++\n\n## Notes",
            "# my comment\n+++\n\n## Notes\n\nLoves poetry; ask about Babbage.",
        )
    )
    assert run("mentors", "agree", "ada", "--channel", "email").exit_code == 0
    text = path.read_text()
    assert "Loves poetry; ask about Babbage." in text
    assert "# my comment" in text
    assert 'channel = "email"' in text
    assert "Loves poetry; ask about Babbage." in run("mentors", "show", "ada").stdout


def test_agree_records_parts_and_lists_the_open_ones(
    run: Run, journal: Journal
) -> None:
    add(run, "Ada Lovelace")
    result = run(
        "mentors",
        "agree",
        "ada",
        "--channel",
        "video",
        "--cadence",
        "biweekly",
        "--response-time",
        "within 2 days",
        "--reschedule-notice",
        "48 hours",
        "--missed-plan",
        "reschedule within the week",
        "--topics",
        "career, python",
        "--off-limits",
        "salary",
        "--criticism",
        "direct, in private",
        "--no-first-name",
        "--attribution",
        "credit shared work",
        "--until",
        "in 6 months",
    )
    assert result.exit_code == 0, result.stderr
    out = " ".join(result.stdout.split())
    assert "1 part still open" in out
    assert "open (--confidentiality)" in out
    agreement = journal.resolve(MENTORS, "ada").record.agreement
    assert agreement.reschedule_notice == "48h"
    assert agreement.first_name is False
    assert agreement.until is not None and agreement.until.isoformat() == "2027-05-22"
    assert agreement.open_parts() == ["confidentiality"]
    more = run(
        "mentors",
        "agree",
        "ada",
        "--off-limits",
        "family",
        "--confidentiality",
        "nothing leaves the room",
    )
    assert "Every part is agreed" in more.stdout
    agreement = journal.resolve(MENTORS, "ada").record.agreement
    assert agreement.off_limits == ["salary", "family"]
    shown = run("mentors", "agree", "ada")
    assert shown.exit_code == 0 and "updated" not in shown.stdout
    data = json.loads(run("mentors", "show", "ada", "--json").stdout)
    assert data["agreement"]["open"] == []
    assert data["agreement"]["until"] == "2027-05-22"


def test_flash_mentoring_ask_answer_promote(run: Run, journal: Journal) -> None:
    result = run(
        "mentors",
        "ask",
        "Grace Hopper",
        "-e",
        "compilers",
        "--ask",
        "I'm a CS student. How did you decide to work on compilers?",
    )
    assert result.exit_code == 0
    assert "hint:" not in result.stdout
    grace = journal.resolve(MENTORS, "grace").record
    assert (grace.kind, grace.ask is not None, grace.asked_on is not None) == (
        "flash",
        True,
        True,
    )
    assert (
        run("mentors", "answer", "grace", "accepted", "--on", "next tuesday").exit_code
        == 0
    )
    grace = journal.resolve(MENTORS, "grace").record
    assert grace.answer == "accepted" and grace.meeting_on.isoformat() == "2026-11-24"
    listing = json.loads(run("mentors", "--json").stdout)
    assert [(m["name"], m["kind"]) for m in listing] == [("Grace Hopper", "flash")]
    assert run("mentors", "promote", "grace").exit_code == 0
    assert journal.resolve(MENTORS, "grace").record.kind == "ongoing"
    again = run("mentors", "promote", "grace")
    assert again.exit_code == 1 and "already an ongoing mentor" in again.stderr


@pytest.mark.parametrize(
    ("ask", "hint"),
    [
        ("Are you hiring? I'd love a job on your team.", "request for a job"),
        ("Hello, I admire your work on compilers.", "no concrete question"),
        (" ".join(["word"] * 200) + "?", "200 words long"),
    ],
)
def test_a_weak_ask_draws_a_hint(run: Run, ask: str, hint: str) -> None:
    result = run("mentors", "ask", "Someone New", "--ask", ask)
    assert result.exit_code == 0
    assert "hint: " in result.stdout and hint in result.stdout


def test_answers_and_their_errors(run: Run, journal: Journal) -> None:
    add(run, "Ada Lovelace")
    no_ask = run("mentors", "answer", "ada", "accepted")
    assert no_ask.exit_code == 1 and "has no ask to answer" in no_ask.stderr
    run("mentors", "ask", "Grace Hopper", "--ask", "How did you start?")
    bad = run("mentors", "answer", "grace", "maybe")
    assert bad.exit_code == 1
    assert "accepted, declined, rescheduled" in bad.stderr
    declined = run("mentors", "answer", "grace", "declined", "--on", "friday")
    assert declined.exit_code == 1 and "not declined" in declined.stderr
    assert run("mentors", "answer", "grace", "declined").exit_code == 0
    assert "Thank them" in run("mentors", "answer", "grace", "declined").stdout


def test_end_hides_a_mentor_until_all(run: Run) -> None:
    add(run, "Ada Lovelace")
    assert run("mentors", "end", "ada").exit_code == 0
    assert "No active mentors (1 ended" in run("mentors").stdout
    assert "Ada Lovelace" in run("mentors", "--all").stdout
    again = run("mentors", "end", "ada")
    assert again.exit_code == 1 and "already ended on 2026-11-22" in again.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["mentors", "add", "X", "--channel", "pigeon"],
            'unknown channel "pigeon"; use one of email, text, phone, video, in-person',
        ),
        (
            ["mentors", "add", "X", "--cadence", "often"],
            'cannot read the cadence "often"; use weekly, biweekly, monthly',
        ),
        (["mentors", "add", "   "], "name is empty"),
        (
            ["mentors", "agree", "nobody", "--channel", "email"],
            'no mentor matches "nobody"',
        ),
        (["mentors", "show", "nobody"], 'no mentor matches "nobody"'),
        (["mentors", "ask", "X", "--ask", "  "], "the ask is empty"),
    ],
)
def test_bad_input_is_a_clear_error_and_writes_nothing(
    run: Run, home: Path, args: list[str], message: str
) -> None:
    assert run("init").exit_code == 0
    before = {p: p.read_bytes() for p in home.rglob("*") if p.is_file()}
    result = run(*args)
    assert result.exit_code == 1
    assert message in result.stderr
    assert {p: p.read_bytes() for p in home.rglob("*") if p.is_file()} == before


def test_agree_rejects_bad_values(run: Run, journal: Journal) -> None:
    add(run, "Ada Lovelace")
    before = (journal.root / "mentors" / "ada-lovelace.md").read_bytes()
    for args, message in (
        (["--reschedule-notice", "soonish"], 'cannot read the notice period "soonish"'),
        (["--until", "someday"], "--until: cannot read the date"),
        (["--cadence", "sometimes"], "cannot read the cadence"),
        (["--criticism", "  "], "--criticism is empty"),
    ):
        result = run("mentors", "agree", "ada", *args)
        assert result.exit_code == 1, args
        assert message in result.stderr
    assert (journal.root / "mentors" / "ada-lovelace.md").read_bytes() == before


def test_two_mentors_may_share_a_name(run: Run, journal: Journal) -> None:
    add(run, "Sam Lee", "-e", "data")
    second = run("mentors", "add", "Sam Lee", "-e", "design")
    assert second.exit_code == 0
    assert "another mentor has the same name" in second.stderr
    records = journal.load(MENTORS).records
    assert len(records) == 2
    ambiguous = run("mentors", "show", "sam lee")
    assert ambiguous.exit_code == 1
    assert "matches 2 mentors" in ambiguous.stderr


@pytest.mark.parametrize(
    "name",
    [
        "../../etc/passwd",
        'Dr. O\'Brien "Bob"',
        "José 🎉 Núñez",
        "a/b\\c",
        "x" * 5000,
        "[bold]Rich[/bold] \x1b[31mred",
    ],
)
def test_any_name_is_kept_exactly_in_a_safe_file(
    run: Run, journal: Journal, home: Path, name: str
) -> None:
    result = run("mentors", "add", name)
    assert result.exit_code == 0, result.stderr
    files = list((home / "mentors").iterdir())
    assert len(files) == 1
    assert files[0].parent == home / "mentors"
    assert len(files[0].name) <= 64
    # kept exactly, less what a terminal or a Markdown file would act on
    kept = name.replace("\x1b[31m", "")
    assert journal.load(MENTORS).records[0].record.name == kept
    listing = run("mentors")
    assert "\x1b" not in listing.stdout
    data = json.loads(run("mentors", "--json").stdout)
    assert data[0]["name"] == kept


def test_flash_accepted_with_a_date_plans_the_meeting(
    run: Run, journal: Journal
) -> None:
    run("mentors", "ask", "Grace Hopper", "--ask", "How did you start?")
    assert (
        run("mentors", "answer", "grace", "accepted", "--on", "2026-11-25").exit_code
        == 0
    )
    planned = [s.record for s in journal.load(SESSIONS).records]
    assert [(s.mentor_name, s.date.isoformat(), s.status) for s in planned] == [
        ("Grace Hopper", "2026-11-25", "planned")
    ]
    chosen = run("prep")
    assert chosen.exit_code == 0
    assert (
        "preparing for Grace Hopper: the next meeting, on 2026-11-25" in chosen.stdout
    )
    run("mentors", "answer", "grace", "rescheduled", "--on", "2026-11-28")
    dates = [s.record.date.isoformat() for s in journal.load(SESSIONS).records]
    assert dates == ["2026-11-28"]
    run("mentors", "answer", "grace", "declined")
    assert journal.load(SESSIONS).records[0].record.status == "cancelled"
    refused = run("prep", "grace", "--on", "2026-12-01")
    assert refused.exit_code == 1 and "declined the ask" in refused.stderr
    promote = run("mentors", "promote", "grace")
    assert promote.exit_code == 1 and "declined" in promote.stderr
    # the way out is a command to paste, written by the hint writer
    assert "(mentorlog mentors answer grace accepted)" in promote.stderr


def test_ending_a_mentorship_cancels_its_planned_meetings(
    run: Run, journal: Journal
) -> None:
    add(run, "Ada Lovelace", "--cadence", "weekly")
    run("prep", "ada", "--on", "2026-11-30")
    assert run("mentors", "end", "ada").exit_code == 0
    assert journal.load(SESSIONS).records[0].record.status == "cancelled"


@pytest.mark.parametrize("breaker", ["\r", "\n", "\u2028", "\x0b", "\x1b[2J\r"])
def test_a_name_can_never_reshape_the_agenda_it_is_written_into(
    run: Run, home: Path, breaker: str
) -> None:
    """A mentor's name is one line of text, typed or pulled from another device:
    it cannot add a heading or an item to the Markdown of a meeting."""
    evil = f"Mo{breaker}## Questions{breaker}- [ ] INJECTED question"
    assert run("init").exit_code == 0
    assert run("mentors", "add", evil, "--cadence", "weekly").exit_code == 0
    [mentor_file] = (home / "mentors").glob("*.md")
    assert "## Questions" in mentor_file.read_text()  # kept, on one line
    assert "\r" not in mentor_file.read_text() and "\x1b" not in mentor_file.read_text()
    # and a mentor file written by another device with the breaker in its name
    text = mentor_file.read_text()
    name_line = next(line for line in text.splitlines() if line.startswith("name ="))

    def toml(text: str) -> str:
        return "".join(c if c.isprintable() else f"\\u{ord(c):04x}" for c in text)

    hostile = f'name = "{toml(evil)}"'
    mentor_file.write_text(text.replace(name_line, hostile))
    assert run("prep", "mo", "--on", "2026-11-27").exit_code == 0
    [session] = (home / "sessions").glob("*.md")
    lines = session.read_text().split("\n")
    assert not any(line.strip() == "- [ ] INJECTED question" for line in lines)
    assert not any(c in session.read_text() for c in "\r\x0b\x1b\u2028")
    # the template's own Questions section, and no other
    assert sum(line.startswith("## Questions") for line in lines) == sum(
        line.startswith("## Questions")
        for line in (home / "templates" / "agenda.md").read_text().split("\n")
    )


@pytest.mark.parametrize(
    ("kind", "add_args", "folder"),
    [
        ("mentors", ("mentors", "add", "Zoé Ada"), "mentors"),
        ("goals", ("goals", "add", "Ship the café app by June"), "goals"),
    ],
)
def test_a_listing_whose_files_cannot_be_read_never_says_none_yet(
    run: Run, home: Path, kind: str, add_args: tuple[str, ...], folder: str
) -> None:
    """All of a kind's files unreadable (saved as Latin-1 by another tool):
    the listing says so, not "No mentors yet. Add one", which invites a twin."""
    assert run(*add_args).exit_code == 0
    for path in (home / folder).iterdir():
        path.write_bytes(path.read_text(encoding="utf-8").encode("latin-1"))
    listed = run(kind)
    assert listed.exit_code == 0, listed.stderr
    assert "yet" not in listed.stdout
    assert "Nothing to list, but 1 file could not be read" in listed.stdout
    assert "mentorlog doctor" in listed.stdout
