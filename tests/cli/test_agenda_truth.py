"""Issue 18 through the real CLI: answered questions, a cancelled meeting's
reason and plan, and a flash meeting's shape and aftermath."""

import json
from pathlib import Path

from mentorlog.store.journal import Journal
from mentorlog.store.kinds import SESSIONS
from tests.cli.test_prompts_keep_answers import snapshot
from tests.conftest import Run


def ok(run: Run, *args: str, today: str | None = None) -> str:
    env = {"MENTORLOG_TODAY": today} if today else None
    result = run(*args, env=env) if env else run(*args)
    assert result.exit_code == 0, (args, result.output)
    return result.stdout


def test_recap_answered_names_a_question_and_a_bad_name_writes_nothing(
    run: Run, home: Path, journal: Journal
) -> None:
    ok(run, "mentors", "add", "Ada Lovelace", "--cadence", "biweekly")
    ok(run, "prep", "ada", "--on", "2026-11-22", "-q", "Which lab?", "-q", "Why?")
    before = snapshot(home)
    bad = run("recap", "ada", "--takeaway", "x", "--answered", "How?")
    assert bad.exit_code == 1
    assert bad.stderr.strip().count("\n") == 0
    assert '"How?" is not one of the open questions: 1. Which lab?; 2. Why?' in (
        bad.stderr
    )
    assert snapshot(home) == before
    ok(run, "recap", "ada", "--answered", "2", "--answered", "which")
    (session,) = journal.load(SESSIONS).records
    assert session.record.answered == ["Why?", "Which lab?"]
    shown = ok(run, "sessions", "show", "2026-11-22")
    assert "Questions answered\n  • Why?\n  • Which lab?" in shown
    assert "☑ Which lab?\n  ☑ Why?" in shown


def test_cancel_takes_a_reason_shown_and_kept_out_of_shares_when_private(
    run: Run, home: Path
) -> None:
    ok(run, "mentors", "add", "Ada Lovelace", "--cadence", "biweekly")
    ok(run, "prep", "ada", "--on", "2026-11-24", "--topic", "portfolio")
    empty = run("sessions", "cancel", "2026-11-24", "--reason", "  ")
    assert empty.exit_code == 1 and "--reason is empty" in empty.stderr
    ok(run, "sessions", "cancel", "2026-11-24", "--reason", "my surgery (private)")
    shown = ok(run, "sessions", "show", "2026-11-24")
    assert "cancelled on 2026-11-22: my surgery (private)" in shown
    listed = json.loads(ok(run, "sessions", "show", "2026-11-24", "--json"))
    assert listed["cancel_reason"] == "my surgery (private)"
    ok(run, "prep", "ada", "--on", "2026-12-01")
    agenda = next(p for p in (home / "sessions").iterdir() if "12-01" in p.name)
    assert "- portfolio (private)" in agenda.read_text()
    share = ok(run, "prep", "ada", "--share")
    assert "portfolio" not in share and "surgery" not in share


def test_no_cadence_nagging_for_a_flash_mentor_and_promote_is_suggested(
    run: Run,
) -> None:
    ok(run, "mentors", "ask", "Grace Hopper", "--ask", "How did you start?")
    ok(run, "mentors", "answer", "grace", "accepted", "--on", "2026-11-22")
    recap = ok(run, "recap", "grace", "--takeaway", "Start tiny", "--appreciated")
    assert "thank-you note" in recap
    assert "mentorlog mentors promote" in recap
    assert "cadence" not in recap.lower()
    for args in (("followups",), ("status",), ("checklist",)):
        out = ok(run, *args, today="2026-12-20")
        for line in out.splitlines():
            nagging = "cadence" in line.lower() or "plan the next" in line.lower()
            assert not ("Grace" in line and nagging), (args, line)


def test_a_question_carried_through_a_cancelled_meeting_is_asked_once(
    run: Run, home: Path
) -> None:
    ok(run, "mentors", "add", "Ada Lovelace", "--cadence", "weekly")
    ok(run, "prep", "ada", "--on", "2026-11-03", "-q", "Which lab?", today="2026-11-01")
    ok(run, "recap", "ada", "--takeaway", "t", today="2026-11-03")
    ok(run, "prep", "ada", "--on", "2026-11-10", "-q", "Why?", today="2026-11-04")
    ok(run, "sessions", "cancel", "2026-11-10", today="2026-11-05")
    agenda = ok(run, "prep", "ada", "--on", "2026-11-17", today="2026-11-06")
    assert (
        "Questions\n  ☐ Which lab? (first asked 2026-11-03)\n"
        "  ☐ Why? (from the cancelled meeting of 2026-11-10)\n\n"
    ) in agenda


def test_a_generated_line_the_user_annotated_is_refreshed_with_the_note_kept(
    run: Run, home: Path
) -> None:
    ok(run, "mentors", "add", "Ada Lovelace", "--cadence", "biweekly")
    ok(run, "actions", "add", "Email Bob", "--mentor", "ada", "--due", "2026-11-30")
    ok(run, "feedback", "add", "Slides too dense", "--mentor", "ada")
    ok(run, "prep", "ada", "--on", "2026-12-01")
    (path,) = (home / "sessions").iterdir()
    text = path.read_text()
    for line in ("- [ ] Email Bob (due 2026-11-30)", "- Slides too dense ("):
        start = text.index(line)
        end = text.index("\n", start)
        text = text[:end] + " -- mention the grant" + text[end:]
    path.write_text(text)
    ok(run, "actions", "done", "email bob")
    ok(run, "feedback", "applied", "slides", "--how", "one idea per slide")
    agenda = ok(run, "prep", "ada")
    assert "☑ Email Bob (done 2026-11-22) -- mention the grant" in agenda
    assert "☐ Email Bob" not in agenda
    # applied feedback is a line of its own: the note stays on the line it
    # was written on, the user's now that its fact is gone
    assert "not yet applied) -- mention the grant" in agenda
    assert "Applied: Slides too dense → one idea per slide (2026-11-22)\n" in agenda
    again = ok(run, "prep", "ada")
    assert again.count("mention the grant") == 2


def test_a_flash_meeting_is_not_asked_for_a_feedback_area(run: Run) -> None:
    ok(run, "mentors", "ask", "Grace Hopper", "--ask", "How did you start?")
    ok(run, "mentors", "answer", "grace", "accepted", "--on", "2026-11-22")
    recap = run("recap", "grace", "--takeaway", "Start tiny")
    assert recap.exit_code == 0, recap.output
    assert "feedback area" not in recap.output
    listed = ok(run, "checklist", "--json")
    (item,) = [i for i in json.loads(listed)["items"] if i["number"] == 5]
    assert item["status"] == "n/a" and "only flash meetings" in item["evidence"]
    ok(run, "mentors", "add", "Ada Lovelace", "--cadence", "biweekly")
    ongoing = run("recap", "ada", "--takeaway", "Pick one lab")
    assert "no feedback area recorded" in ongoing.output
    (item,) = [
        i
        for i in json.loads(ok(run, "checklist", "--json"))["items"]
        if i["number"] == 5
    ]
    assert item["status"] == "fail" and "in 0 of the last 1 meeting" in item["evidence"]


def test_sessions_show_lists_actions_done_between_meetings(run: Run) -> None:
    ok(run, "mentors", "add", "Ada Lovelace", "--cadence", "weekly")
    ok(run, "actions", "add", "Old chore", "--mentor", "ada", today="2026-10-20")
    ok(run, "actions", "done", "old chore", today="2026-10-25")
    ok(run, "recap", "ada", "--takeaway", "t", today="2026-11-03")
    ok(run, "actions", "add", "Email Bob", "--mentor", "ada", today="2026-11-04")
    ok(run, "actions", "add", "Draft slides", "--mentor", "ada", today="2026-11-04")
    ok(run, "actions", "done", "email bob", today="2026-11-06")
    ok(run, "prep", "ada", "--on", "2026-11-10", today="2026-11-07")
    ok(run, "recap", "ada", "--takeaway", "u", today="2026-11-10")
    shown = ok(run, "sessions", "show", "2026-11-10", today="2026-11-10")
    carried = shown[shown.index("Actions carried in") :]
    assert "Email Bob — done 2026-11-06" in carried
    assert "Draft slides — still open" in carried
    assert "Old chore" not in carried
    outcome = json.loads(
        ok(run, "sessions", "show", "2026-11-10", "--json", today="2026-11-10")
    )["outcome"]
    assert [(a["text"], a["closed"]) for a in outcome["carried_actions"]] == [
        ("Email Bob", "2026-11-06"),
        ("Draft slides", None),
    ]
