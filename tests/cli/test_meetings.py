"""The meeting cycle through the real CLI: prep → recap → prep, sessions,
follow-ups and search."""

import io
import json
import os
import sys
from pathlib import Path

import pexpect
import pytest

from mentorlog.store.journal import Journal
from mentorlog.store.kinds import ACTIONS, FEEDBACK, RESOURCES, SESSIONS
from tests.conftest import Run


@pytest.fixture
def ada(run: Run) -> str:
    assert (
        run(
            "mentors",
            "add",
            "Ada Lovelace",
            "-e",
            "web",
            "--cadence",
            "biweekly",
            "--channel",
            "video",
        ).exit_code
        == 0
    )
    assert (
        run(
            "mentors",
            "agree",
            "ada",
            "--reschedule-notice",
            "48h",
            "--off-limits",
            "salary",
        ).exit_code
        == 0
    )
    return "ada"


def session_file(home: Path) -> Path:
    files = list((home / "sessions").iterdir())
    assert len(files) == 1
    return files[0]


def test_prep_builds_the_agenda_from_the_journal(
    run: Run, home: Path, ada: str
) -> None:
    run("goals", "add", "Build a web app within 2 weeks", "--area", "web")
    run("goals", "add", "Publish a paper by 2027-06-01", "--area", "research")
    run("goals", "milestone", "build", "Tutorial", "--due", "friday")
    run("actions", "add", "Read chapter 2", "--due", "2026-11-20", "--mentor", "ada")
    run("log", "add", "Shipped the landing page", "--kind", "win")
    run("log", "add", "Hooks confuse me", "--kind", "challenge", "--private")
    run("feedback", "add", "Explain the why first", "--mentor", "ada")
    result = run(
        "prep",
        "ada",
        "--on",
        "tuesday",
        "--question",
        "How do I pick a lab?",
        "--topic",
        "portfolio",
        "--bring",
        "my resume",
    )
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    for expected in (
        "Ada Lovelace · 2026-11-24",
        "Read chapter 2 (overdue since 2026-11-20)",
        "Win: Shipped the landing page (2026-11-22)",
        "Challenge: Hooks confuse me (2026-11-22) (private)",
        "Explain the why first (received 2026-11-22; not yet applied)",
        "Ask for feedback on: web",
        "How do I pick a lab?",
        "portfolio",
        "my resume",
        "Milestone: Tutorial (Build a web app within 2 weeks) (due 2026-11-27)",
        "Build a web app within 2 weeks: target 2026-12-06, 0/1 milestone",
        "Thank Ada Lovelace for their time.",
        "Planned the meeting with Ada Lovelace on 2026-11-24",
    ):
        assert expected in out, expected
    path = session_file(home)
    assert path.name == "2026-11-24-ada-lovelace.md"
    text = path.read_text()
    for heading in (
        "## Since last time",
        "## What worked",
        "## What didn't",
        "## Next steps",
        "## Next objectives",
    ):
        assert heading in text
    assert "Publish a paper" not in out  # due long after the next-but-one meeting
    listing = json.loads(run("sessions", "list", "--json").stdout)
    assert [(s["mentor"], s["date"], s["status"]) for s in listing] == [
        ("Ada Lovelace", "2026-11-24", "planned")
    ]


def test_prep_again_keeps_every_line_the_user_wrote(
    run: Run, home: Path, ada: str
) -> None:
    run("prep", "ada", "--on", "tuesday", "--question", "First question?")
    path = session_file(home)
    text = path.read_text()
    text = text.replace(
        "## What worked\n", "## What worked\n- my own line: pairing helped\n"
    )
    text = text.replace("- [ ] First question?\n", "")  # the user deleted it on purpose
    path.write_text(text + "\nA closing paragraph of my own.\n")
    run("feedback", "add", "Slow down when demoing", "--mentor", "ada")
    result = run("prep", "ada", "--question", "Second question?")
    assert result.exit_code == 0
    assert "2 new items" in result.stdout
    after = path.read_text()
    assert "- my own line: pairing helped" in after
    assert "A closing paragraph of my own." in after
    assert "First question?" not in after.split("+++")[-1]  # not offered again
    assert "- [ ] Second question?" in after
    assert "Slow down when demoing" in after
    assert after.index("Slow down when demoing") < after.index("## Questions")
    assert run("prep", "ada").stdout.count("up to date") == 1
    assert path.read_text() == after


def test_share_leaves_out_private_parts(run: Run, ada: str) -> None:
    run("log", "add", "Public win", "--kind", "win")
    run("log", "add", "Secret struggle", "--kind", "challenge", "--private")
    result = run("prep", "ada", "--on", "tuesday", "--share")
    assert result.exit_code == 0
    assert "Public win" in result.stdout
    assert "Secret struggle" not in result.stdout
    assert "Before leaving" not in result.stdout
    assert "<!--" not in result.stdout
    assert result.stdout.startswith("# Ada Lovelace · 2026-11-24\n")


def test_off_limits_topics_warn(run: Run, ada: str) -> None:
    result = run("prep", "ada", "--on", "tuesday", "--topic", "Salary negotiation")
    assert result.exit_code == 0
    assert '"Salary negotiation" touches "salary"' in result.stderr


def test_full_cycle_prep_recap_prep_carries_over(
    run: Run, journal: Journal, ada: str
) -> None:
    run("actions", "add", "Old action", "--mentor", "ada")
    run("actions", "add", "Another old one", "--mentor", "ada")
    run("prep", "ada", "--on", "tuesday", "--question", "Which lab?")
    old = {s.record.text: s for s in journal.load(ACTIONS).records}
    old_short = journal.load(ACTIONS).short[old["Old action"].record.id]
    another = journal.load(ACTIONS).short[old["Another old one"].record.id]
    result = run(
        "recap",
        "ada",
        "--takeaway",
        "Apply to 3 labs, not 10",
        "--action",
        "Email Prof. Chen due:friday",
        "--action",
        "Draft the statement",
        "--due",
        "2026-12-01",
        "--feedback",
        "Slides too dense",
        "--feedback-asked",
        "presenting",
        "--appreciated",
        "--done",
        old_short,
        "--dropped",
        another,
    )
    assert result.exit_code == 0, result.stderr
    for expected in (
        "takeaway: Apply to 3 labs, not 10",
        "new action: Email Prof. Chen (due 2026-11-27)",
        "new action: Draft the statement (due 2026-12-01)",
        "feedback: Slides too dense",
        "done: Old action",
        "dropped: Another old one",
        "thank-you note (video)",
        "Next meeting by your cadence: 2026-12-06",
    ):
        assert expected in result.stdout, expected
    session = journal.load(SESSIONS).records[0].record
    assert (session.status, session.date.isoformat()) == ("held", "2026-11-22")
    assert session.takeaways == ["Apply to 3 labs, not 10"]
    assert session.feedback_asked == "presenting" and session.appreciated is True
    statuses = {s.record.text: s.record.status for s in journal.load(ACTIONS).records}
    assert statuses == {
        "Old action": "done",
        "Another old one": "dropped",
        "Email Prof. Chen": "open",
        "Draft the statement": "open",
    }
    feedback = journal.load(FEEDBACK).records[0].record
    assert (feedback.text, feedback.area) == ("Slides too dense", "presenting")

    nxt = run("prep", "ada", "--on", "2026-12-06")
    assert nxt.exit_code == 0, nxt.stderr
    out = nxt.stdout
    assert "Email Prof. Chen (due 2026-11-27)" in out
    assert "Apply to 3 labs, not 10" in out  # last takeaways
    assert "Which lab? (first asked 2026-11-22)" in out
    assert "Slides too dense (received 2026-11-22; not yet applied)" in out
    assert "Old action" not in out
    assert len(journal.load(SESSIONS).records) == 2


def test_applied_feedback_shows_its_evidence_in_the_next_agenda(
    run: Run, journal: Journal, ada: str
) -> None:
    run("recap", "ada", "--takeaway", "x", "--feedback", "Lead with the result")
    short = journal.load(FEEDBACK).short[journal.load(FEEDBACK).records[0].record.id]
    assert (
        run("feedback", "applied", short, "--how", "rewrote the abstract").exit_code
        == 0
    )
    out = run("prep", "ada", "--on", "2026-12-06").stdout
    assert "Applied: Lead with the result → rewrote the abstract" in out


def test_recap_without_a_plan_creates_the_session(
    run: Run, journal: Journal, ada: str
) -> None:
    result = run("recap", "ada", "--takeaway", "Impromptu coffee chat")
    assert result.exit_code == 0
    records = journal.load(SESSIONS).records
    assert len(records) == 1
    assert records[0].record.status == "held"
    assert records[0].record.agenda_on is None
    assert "no feedback area recorded" in result.stderr


@pytest.mark.parametrize(
    ("args", "message", "code"),
    [
        (["recap", "ada", "--takeaway", "  "], "a takeaway is empty", 1),
        (["recap", "nobody", "--takeaway", "x"], 'no session matches "nobody"', 1),
        (["prep", "ada"], "when is your first meeting with Ada Lovelace", 1),
        (["prep", "ada", "--on", "yesterday"], "in the past", 1),
        (["prep", "ada", "--on", "someday"], 'cannot read the date "someday"', 1),
        (["prep", "ada", "--on", "tuesday", "--question", " "], "is empty", 1),
        (
            ["recap", "ada", "--takeaway", "x", "--done", "zzzz"],
            "not an open action",
            1,
        ),
        (["sessions", "move", "nothing", "--to", "friday"], "no session matches", 1),
    ],
)
def test_bad_input_leaves_the_journal_untouched(
    run: Run, home: Path, ada: str, args: list[str], message: str, code: int
) -> None:
    before = {p: p.read_bytes() for p in home.rglob("*") if p.is_file()}
    result = run(*args)
    assert result.exit_code == code
    assert message in result.stderr
    after = {p: p.read_bytes() for p in home.rglob("*") if p.is_file()}
    assert after == before


def test_a_cancelled_session_cannot_be_recapped(run: Run, ada: str) -> None:
    run("prep", "ada", "--on", "tuesday")
    assert run("sessions", "cancel", "2026-11-24").exit_code == 0
    result = run("recap", "2026-11-24", "--takeaway", "x")
    assert result.exit_code == 1
    assert "was cancelled" in result.stderr
    again = run("sessions", "cancel", "2026-11-24")
    assert again.exit_code == 1 and "is cancelled" in again.stderr


def test_a_late_move_is_flagged_and_followed_up(
    run: Run, journal: Journal, ada: str
) -> None:
    run("prep", "ada", "--on", "tomorrow")
    result = run("sessions", "move", "2026-11-23", "--to", "friday")
    assert result.exit_code == 0
    assert "inside the agreed 48h notice" in result.stderr
    items = json.loads(run("followups", "--json").stdout)
    moved = [f for f in items if f["kind"] == "moved"]
    assert len(moved) == 1 and moved[0]["channel"] == "video"
    assert "from 2026-11-23 to 2026-11-27" in moved[0]["text"]
    assert run("followups", "done", moved[0]["id"]).exit_code == 0
    assert not [
        f for f in json.loads(run("followups", "--json").stdout) if f["kind"] == "moved"
    ]
    early = run("sessions", "move", "2026-11-27", "--to", "2026-12-04")
    assert "inside" not in early.stderr


def test_followups_thanks_impressions_updates_reviews(
    run: Run, journal: Journal, ada: str
) -> None:
    run("resources", "add", "React docs", "--kind", "course", "--from", "ada")
    run("recap", "ada", "--takeaway", "x", "--appreciated")
    run("resources", "done", "react", "--impression", "hooks finally clicked")
    kinds = {f["kind"]: f for f in json.loads(run("followups", "--json").stdout)}
    assert set(kinds) == {"thanks"}  # the impression is owed in about a week
    assert kinds["thanks"]["mentor"] == "Ada Lovelace"
    week = {"MENTORLOG_TODAY": "2026-11-29"}
    kinds = {
        f["kind"]: f for f in json.loads(run("followups", "--json", env=week).stdout)
    }
    assert set(kinds) == {"thanks", "impression", "plan"}  # next meeting due 12-06
    assert kinds["impression"]["due"] == "2026-11-29"
    for kind in ("thanks", "impression"):
        assert run("followups", "done", kinds[kind]["id"], env=week).exit_code == 0
    left = json.loads(run("followups", "--json", env=week).stdout)
    assert [f["kind"] for f in left] == ["plan"]
    resource = journal.load(RESOURCES).records[0].record
    assert resource.impression_shared_on is not None
    later = {
        f["kind"]
        for f in json.loads(
            run("followups", "--json", env={"MENTORLOG_TODAY": "2027-03-01"}).stdout
        )
    }
    assert later == {"update", "plan", "review", "feedback"}
    plan = run("followups", "done", "plan", env={"MENTORLOG_TODAY": "2027-03-01"})
    assert plan.exit_code == 1 and "mentorlog prep" in plan.stderr


def test_search_finds_every_kind_of_text(run: Run, ada: str) -> None:
    run("goals", "add", "Apply to grad school by eoy")
    run("actions", "add", "Ask about grad school funding", "--mentor", "ada")
    run("log", "add", "Visited a grad school open day", "--kind", "win")
    run("recap", "ada", "--takeaway", "Grad school: pick advisors, not rankings")
    result = run("search", "GRAD SCHOOL")
    assert result.exit_code == 0
    for kind in ("goal", "action", "log entry", "session"):
        assert f" {kind} " in result.stdout, kind
    hits = json.loads(run("search", "grad school", "--json").stdout)
    assert {h["kind"] for h in hits} == {"goal", "action", "log entry", "session"}
    only_ada = json.loads(
        run("search", "grad school", "--mentor", "ada", "--json").stdout
    )
    assert {h["kind"] for h in only_ada} == {"action", "session"}
    assert run("search", "nothing like this").stdout.startswith("Nothing found for")
    assert run("search", "  ").exit_code == 1


def test_a_session_file_broken_by_hand_is_named(run: Run, home: Path, ada: str) -> None:
    run("prep", "ada", "--on", "tuesday")
    path = session_file(home)
    path.write_text(
        path.read_text().replace('status = "planned"', 'status = "someday"')
    )
    listing = run("sessions")
    assert listing.exit_code == 0
    assert "sessions/2026-11-24-ada-lovelace.md:" in listing.stderr
    assert "status: should be one of" in listing.stderr
    assert run("doctor").exit_code == 3


def test_guided_recap_on_a_real_terminal(
    run: Run, journal: Journal, home: Path, ada: str
) -> None:
    run("actions", "add", "Carried action", "--mentor", "ada")
    run("prep", "ada", "--on", "tuesday", "--ask-feedback", "presenting")
    seen = io.StringIO()
    child = pexpect.spawn(
        sys.executable,
        ["-m", "mentorlog", "recap", "ada"],
        env={**os.environ, "COLUMNS": "100"},
        encoding="utf-8",
        timeout=30,
    )
    child.logfile_read = seen
    # planned for Tuesday, recapped on Sunday: asked before it is moved
    child.expect("planned for 2026-11-24")
    child.sendline("y")
    child.expect("Takeaway")
    child.sendline("Say no to side projects")
    child.expect("another")
    child.sendline("")
    child.expect("New action item")
    child.sendline("Write the abstract due:friday")
    child.expect("another")
    child.sendline("")
    child.expect("Carried in: Carried action")
    child.sendline("maybe")
    child.expect("answer done, open or dropped")
    child.sendline("done")
    child.expect("Feedback you received")
    child.sendline("Good structure")
    child.expect("another")
    child.sendline("")
    child.expect("Area you asked feedback on")
    child.sendline("")
    child.expect("Did you thank them")
    child.sendline("y")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0, seen.getvalue()[-1500:]
    session = journal.load(SESSIONS).records[0].record
    assert session.takeaways == ["Say no to side projects"]
    assert session.feedback_asked == "presenting"  # the default offered
    assert session.appreciated is True
    actions = {s.record.text: s.record for s in journal.load(ACTIONS).records}
    assert actions["Carried action"].status == "done"
    assert actions["Write the abstract"].due.isoformat() == "2026-11-27"


def snapshot(home: Path) -> dict[Path, bytes]:
    return {
        p: p.read_bytes()
        for p in home.rglob("*")
        if p.is_file() and ".cache" not in p.parts
    }


def test_a_broken_session_file_blocks_prep_and_recap(
    run: Run, home: Path, ada: str
) -> None:
    run("recap", "ada", "--takeaway", "first")
    path = next((home / "sessions").iterdir())
    path.write_text(path.read_text().replace('status = "held"', 'status = "hled"'))
    before = snapshot(home)
    for args in (
        ["prep", "ada", "--on", "friday"],
        ["recap", "ada", "--takeaway", "x"],
    ):
        result = run(*args)
        assert result.exit_code == 3, args
        assert f"sessions/{path.name}:" in result.stderr
        assert "fix it first" in result.stderr
    assert snapshot(home) == before


def test_a_past_planned_meeting_asks_for_a_recap(run: Run, ada: str) -> None:
    run("prep", "ada", "--on", "2026-11-24")
    later = {"MENTORLOG_TODAY": "2026-12-10"}
    prep = run("prep", "ada", env=later)
    assert prep.exit_code == 1
    assert "planned for 2026-11-24 has passed: recap it" in prep.stderr
    items = json.loads(run("followups", "--json", env=later).stdout)
    recap = [f for f in items if f["kind"] == "recap"]
    assert len(recap) == 1 and "2026-11-24" in recap[0]["text"]
    status = run("status", env=later).stdout
    assert "passed, recap or cancel it" in status
    assert run("prep", "ada", "--on", "2026-12-12", env=later).exit_code == 0


def test_a_moved_meeting_carries_its_agenda_heading(run: Run, ada: str) -> None:
    run("prep", "ada", "--on", "2026-11-26")
    run("sessions", "move", "2026-11-26", "--to", "2026-11-27")
    assert run("prep", "ada", "--share").stdout.startswith(
        "# Ada Lovelace · 2026-11-27\n"
    )
    run("prep", "ada", "--on", "2026-12-01")
    assert run("prep", "ada", "--share").stdout.startswith(
        "# Ada Lovelace · 2026-12-01\n"
    )


def test_a_late_cancellation_is_a_followup(run: Run, ada: str) -> None:
    run("prep", "ada", "--on", "tomorrow")
    run("sessions", "cancel", "2026-11-23")
    items = [
        f
        for f in json.loads(run("followups", "--json").stdout)
        if f["kind"] == "cancelled"
    ]
    assert len(items) == 1 and "inside the agreed 48h notice" in items[0]["text"]
    assert run("followups", "done", items[0]["id"]).exit_code == 0
    assert not [
        f
        for f in json.loads(run("followups", "--json").stdout)
        if f["kind"] == "cancelled"
    ]


def test_one_suggested_feedback_area_per_agenda(run: Run, home: Path, ada: str) -> None:
    run("goals", "add", "Write 2 essays within 2 weeks", "--area", "writing")
    run("goals", "add", "Ship a web page within 3 weeks", "--area", "web")
    first = run("prep", "ada", "--on", "2026-11-26").stdout
    assert "Ask for feedback on: web" in first  # Ada knows web, not writing
    run("goals", "drop", "ship")
    run("prep", "ada")
    text = next((home / "sessions").iterdir()).read_text()
    assert text.count("Ask for feedback on:") == 1


def test_no_text_puts_a_control_into_an_agenda_file(run: Run, home: Path) -> None:
    """Milestones, takeaways, questions and hand-edited log entries reach the
    agenda's Markdown as plain text, whatever they held."""
    evil = "\x1b]52;c;Zm9v\x07 \u202e\x9b2J"
    assert run("mentors", "add", "Zed", "--cadence", "weekly").exit_code == 0
    assert run("goals", "add", "Ship it", "--by", "2026-12-20").exit_code == 0
    assert (
        run("goals", "milestone", "ship", f"MS {evil}", "--due", "2026-11-25").exit_code
        == 0
    )
    assert run("recap", "zed", "--takeaway", f"TK {evil}").exit_code == 0
    assert run("log", "add", "A win", "--kind", "win").exit_code == 0
    [entry] = (home / "log").glob("*.toml")
    entry.write_text(entry.read_text().replace("A win", "A win \\u001b]0;T\\u0007"))
    assert run("prep", "zed", "--question", f"Q {evil}").exit_code == 0
    for path in [*(home / "sessions").glob("*.md"), *(home / "goals").glob("*")]:
        text = path.read_text()
        assert not any(c in text for c in "\x1b\x07\x9b\u202e"), path
        assert "\\u001b" not in text, path
