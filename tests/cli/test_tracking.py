import json
from datetime import date
from pathlib import Path

import pytest

from mentorlog.store.journal import Journal
from mentorlog.store.kinds import ACTIONS, FEEDBACK, GOALS, LOG, MENTORS, RESOURCES
from tests.conftest import Run


def ok(run: Run, *args: str) -> str:
    result = run(*args)
    assert result.exit_code == 0, result.stderr
    return result.stdout


def as_json(run: Run, *args: str) -> list[dict]:
    return json.loads(ok(run, *args, "--json"))


def snapshot(home: Path) -> dict[str, bytes]:
    if not home.exists():
        return {}
    return {
        str(p.relative_to(home)): p.read_bytes()
        for p in home.rglob("*")
        if p.is_file() and p.name != ".lock"
    }


def ada(run: Run, journal: Journal) -> str:
    ok(run, "mentors", "add", "Ada Lovelace")
    return journal.resolve(MENTORS, "ada").record.id


def failure(run: Run, *args: str) -> str:
    result = run(*args)
    assert result.exit_code == 1, result.stdout
    assert result.stderr.startswith("error: ")
    return result.stderr


# -- actions ----------------------------------------------------------------------
def test_add_action_reads_a_todo_txt_due_date(run: Run, journal: Journal) -> None:
    mentor = ada(run, journal)
    out = ok(run, "actions", "add", "Email Prof. Chen due:friday", "--mentor", "ada")
    assert "Added action" in out and "Email Prof. Chen (due 2026-11-27)" in out
    [stored] = journal.load(ACTIONS).records
    action = stored.record
    assert action.text == "Email Prof. Chen"
    assert action.due.isoformat() == "2026-11-27"
    assert action.mentor == mentor and action.status == "open"
    assert action.created.isoformat() == "2026-11-22"


def test_add_action_with_due_option_and_goal(run: Run, journal: Journal) -> None:
    ok(run, "goals", "add", "Write 3 posts", "--by", "eom")
    ok(
        run,
        "actions",
        "add",
        "Draft the abstract",
        "--due",
        "in 2 weeks",
        "-g",
        "write",
    )
    action = journal.load(ACTIONS).records[0].record
    assert action.due.isoformat() == "2026-12-06"
    assert action.goal == journal.resolve(GOALS, "write").record.id
    [item] = as_json(run, "actions", "list")
    assert item["goal"] == "Write 3 posts" and item["due"] == "2026-12-06"


def test_action_json_keys(run: Run, journal: Journal) -> None:
    ada(run, journal)
    ok(run, "actions", "add", "Email the venue due:2026-12-01", "--mentor", "ada")
    [item] = as_json(run, "actions")
    for key in ("id", "text", "due", "status", "mentor", "goal"):
        assert key in item, key
    assert item["id"] == journal.load(ACTIONS).records[0].record.id
    assert item["text"] == "Email the venue" and item["due"] == "2026-12-01"
    assert item["status"] == "open" and item["mentor"] == "Ada Lovelace"
    assert item["goal"] is None and item["overdue"] is False


def test_overdue_actions_are_marked_and_sorted_soonest_first(
    on_terminal: None, run: Run
) -> None:
    ok(run, "actions", "add", "Later", "--due", "2026-12-01")
    ok(run, "actions", "add", "No date at all")
    ok(run, "actions", "add", "Recent", "--due", "2026-11-20")
    ok(run, "actions", "add", "Today", "--due", "today")
    ok(run, "actions", "add", "Ancient", "--due", "2026-11-01")
    lines = ok(run, "actions").splitlines()
    assert lines[0].split() == ["id", "action", "due", "with"]
    rows = [line.split()[1] for line in lines[1:] if line and line[0] != " "]
    assert rows == ["Ancient", "Recent", "Today", "Later", "No"]
    out = "\n".join(lines)
    assert "21d overdue" in out and "2d overdue" in out
    assert out.count("overdue") == 2  # due today is not overdue yet
    data = as_json(run, "actions")
    assert [(a["text"], a["overdue"]) for a in data] == [
        ("Ancient", True),
        ("Recent", True),
        ("Today", False),
        ("Later", False),
        ("No date at all", False),
    ]


def test_overdue_flag_lists_only_overdue_open_actions(
    on_terminal: None, run: Run
) -> None:
    ok(run, "actions", "add", "Late one", "--due", "2026-11-10")
    ok(run, "actions", "add", "Late but done", "--due", "2026-11-01")
    ok(run, "actions", "add", "Fine", "--due", "friday")
    ok(run, "actions", "done", "late but done")
    data = as_json(run, "actions", "list", "--overdue")
    assert [a["text"] for a in data] == ["Late one"]
    assert data[0]["overdue"] is True
    out = ok(run, "actions", "--overdue")
    assert "Late one" in out and "12d overdue" in out and "Fine" not in out
    closed = [a for a in as_json(run, "actions", "--all") if a["status"] == "done"]
    assert closed[0]["overdue"] is False  # a closed action is never overdue


def test_done_and_drop_close_actions_until_all(
    on_terminal: None, run: Run, journal: Journal
) -> None:
    ok(run, "actions", "add", "Read the paper")
    ok(run, "actions", "add", "Book a room")
    assert "✓ " in ok(run, "actions", "done", "read")
    assert "Book a room — dropped" in ok(run, "actions", "drop", "book")
    records = {s.record.text: s.record for s in journal.load(ACTIONS).records}
    assert records["Read the paper"].status == "done"
    assert records["Book a room"].status == "dropped"
    assert all(r.closed.isoformat() == "2026-11-22" for r in records.values())
    out = ok(run, "actions")
    assert "No open actions. (2 closed: --all)" in out
    assert as_json(run, "actions") == []
    full = ok(run, "actions", "--all")
    assert "Read the paper (done)" in full and "Book a room (dropped)" in full
    statuses = sorted(a["status"] for a in as_json(run, "actions", "list", "--all"))
    assert statuses == ["done", "dropped"]


def test_closing_an_action_twice_is_refused(run: Run, home: Path) -> None:
    ok(run, "actions", "add", "Send the CV")
    ok(run, "actions", "done", "send")
    before = snapshot(home)
    again = failure(run, "actions", "done", "send")
    assert 'the action "Send the CV" is already done' in again
    dropped = failure(run, "actions", "drop", "send")
    assert "already done" in dropped
    assert snapshot(home) == before


def test_filter_actions_by_mentor_and_goal(run: Run, journal: Journal) -> None:
    ada(run, journal)
    ok(run, "mentors", "add", "Grace Hopper")
    ok(run, "goals", "add", "Ship the compiler", "--by", "eoy")
    ok(run, "actions", "add", "Ask Ada", "--mentor", "ada")
    ok(run, "actions", "add", "Ask Grace", "--mentor", "grace", "--goal", "ship")
    ok(run, "actions", "add", "Mine alone")
    by_ada = as_json(run, "actions", "list", "--mentor", "ada")
    assert [a["text"] for a in by_ada] == ["Ask Ada"]
    by_goal = as_json(run, "actions", "list", "-g", "ship")
    assert [a["text"] for a in by_goal] == ["Ask Grace"]
    assert by_goal[0]["goal"] == "Ship the compiler"
    out = ok(run, "actions", "list", "-m", "grace")
    assert "Ask Grace" in out and "Grace Hopper" in out and "Ask Ada" not in out


def test_ambiguous_action_reference_lists_candidates(
    run: Run, journal: Journal, home: Path
) -> None:
    ok(run, "actions", "add", "Old thing")
    ok(run, "actions", "add", "Older thing")
    before = snapshot(home)
    message = failure(run, "actions", "done", "old")
    assert '"old" matches 2 actions' in message
    assert "Old thing" in message and "Older thing" in message
    assert snapshot(home) == before
    ok(run, "actions", "done", "old thing")  # the exact text picks one
    done = [s.record.text for s in journal.load(ACTIONS).records if s.record.closed]
    assert done == ["Old thing"]


def test_a_reference_can_be_the_start_of_the_text(run: Run, journal: Journal) -> None:
    # `ID  Short id or the start of the text.` (actions done --help)
    ok(run, "actions", "add", "Email Prof. Chen")
    ok(run, "actions", "add", "Book a room")
    out = ok(run, "actions", "done", "email prof")
    assert "Email Prof. Chen — done" in out
    assert journal.resolve(ACTIONS, "email-prof").record.status == "done"


def test_group_options_go_after_the_command(run: Run) -> None:
    result = run("actions", "--json", "list")
    assert result.exit_code == 2
    assert "put --json after the command" in result.stderr
    assert run("feedback", "applied", "x").exit_code == 2  # --how is required
    assert run("log", "add", "x").exit_code == 2  # --kind is required


# -- bad input, everywhere ----------------------------------------------------------
@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["actions", "add", "   "], "the action is empty"),
        (
            ["actions", "add", "x", "--due", "next fridya"],
            'cannot read the date "next fridya"',
        ),
        (
            ["actions", "add", "Fix it due:fridya"],
            'cannot read the date in "due:fridya"',
        ),
        (["actions", "add", "x", "--mentor", "bob"], 'no mentor matches "bob"'),
        (["actions", "list", "--mentor", "bob"], 'no mentor matches "bob"'),
        (["actions", "list", "--goal", "nothing"], 'no goal matches "nothing"'),
        (["actions", "done", "nothing"], 'no action matches "nothing"'),
        (["actions", "drop", ""], 'no action matches ""'),
        (["feedback", "add", "  "], "the feedback is empty"),
        (["feedback", "add", "x", "--mentor", "bob"], 'no mentor matches "bob"'),
        (
            ["feedback", "applied", "nothing", "--how", "x"],
            'no feedback matches "nothing"',
        ),
        (
            ["feedback", "applied", "slides", "--how", " "],
            "the --how evidence is empty",
        ),
        (["resources", "add", ""], "the title is empty"),
        (
            ["resources", "add", "x", "--kind", "podcast"],
            'unknown kind "podcast"; use one of book, article, course, workshop, '
            "event, video, other",
        ),
        (["resources", "add", "x", "--from", "bob"], 'no mentor matches "bob"'),
        (["resources", "done", "nothing"], 'no resource matches "nothing"'),
        (
            ["log", "add", "x", "--kind", "brag"],
            'unknown kind "brag"; use one of win, challenge, update',
        ),
        (["log", "add", " ", "--kind", "win"], "the entry is empty"),
        (
            ["log", "add", "x", "--kind", "win", "--on", "lastweek"],
            'cannot read the date "lastweek"',
        ),
        (
            ["log", "add", "x", "--kind", "win", "--mentor", "bob"],
            'no mentor matches "bob"',
        ),
        (["log", "list", "--kind", "brag"], "use one of win, challenge, update"),
        (["log", "list", "--since", "blah"], 'cannot read the date "blah"'),
    ],
)
def test_bad_input_exits_1_and_leaves_the_journal_untouched(
    run: Run, journal: Journal, home: Path, args: list[str], message: str
) -> None:
    ada(run, journal)
    ok(run, "goals", "add", "Write 3 posts", "--by", "eom")
    ok(run, "actions", "add", "Email Chen")
    ok(run, "feedback", "add", "Slides too dense")
    ok(run, "resources", "add", "Effective Python")
    ok(run, "log", "add", "Merged a PR", "--kind", "win")
    before = snapshot(home)
    stderr = failure(run, *args)
    assert message in stderr
    assert len(stderr.strip().splitlines()) == 1
    assert snapshot(home) == before


# -- feedback ---------------------------------------------------------------------
def test_add_feedback_with_mentor_and_area(
    on_terminal: None, run: Run, journal: Journal
) -> None:
    mentor = ada(run, journal)
    out = ok(run, "feedback", "add", "Slides too dense", "-m", "ada", "--area", "talks")
    assert "Recorded feedback" in out and "Slides too dense" in out
    item = journal.load(FEEDBACK).records[0].record
    assert item.mentor == mentor and item.area == "talks"
    assert item.applied is False and item.received.isoformat() == "2026-11-22"
    listing = ok(run, "feedback")
    assert "Ada Lovelace" in listing and "area: talks" in listing
    assert "not yet" in listing
    assert ok(run, "feedback", "list") == listing


def test_applied_feedback_keeps_its_evidence(run: Run, journal: Journal) -> None:
    ok(run, "feedback", "add", "Slides too dense")
    ok(run, "feedback", "add", "Lead with the result")
    out = ok(run, "feedback", "applied", "slides", "--how", "one idea per slide")
    assert "Slides too dense → one idea per slide" in out
    item = journal.resolve(FEEDBACK, "slides").record
    assert item.applied and item.how == "one idea per slide"
    assert item.applied_on.isoformat() == "2026-11-22"
    data = as_json(run, "feedback")
    for key in ("text", "applied"):
        assert all(key in f for f in data), key
    assert [(f["text"], f["applied"]) for f in data] == [
        ("Lead with the result", False),  # not yet applied comes first
        ("Slides too dense", True),
    ]
    pending = as_json(run, "feedback", "list", "--pending")
    assert [f["text"] for f in pending] == ["Lead with the result"]
    assert "Slides" not in ok(run, "feedback", "list", "--pending")


def test_applying_feedback_twice_is_refused(run: Run, home: Path) -> None:
    ok(run, "feedback", "add", "Slides too dense")
    ok(run, "feedback", "applied", "slides", "--how", "one idea per slide")
    before = snapshot(home)
    message = failure(run, "feedback", "applied", "slides", "--how", "something else")
    assert "already applied (on 2026-11-22): one idea per slide" in message
    assert snapshot(home) == before


# -- resources --------------------------------------------------------------------
def test_add_resource_with_kind_url_and_recommender(run: Run, journal: Journal) -> None:
    mentor = ada(run, journal)
    out = ok(
        run,
        "resources",
        "add",
        "Effective Python",
        "--kind",
        "Book",
        "--url",
        " https://example.org/ep ",
        "--from",
        "ada",
    )
    assert "Added book" in out and "Effective Python" in out
    resource = journal.load(RESOURCES).records[0].record
    assert resource.kind == "book" and resource.url == "https://example.org/ep"
    assert resource.recommended_by == mentor and resource.done is False
    ok(run, "resources", "add", "A talk")
    assert journal.resolve(RESOURCES, "a talk").record.kind == "other"
    data = as_json(run, "resources")
    for key in ("title", "kind", "done"):
        assert all(key in r for r in data), key
    assert {(r["title"], r["kind"], r["done"]) for r in data} == {
        ("Effective Python", "book", False),
        ("A talk", "other", False),
    }
    by_title = {r["title"]: r for r in data}
    assert by_title["Effective Python"]["recommended_by"] == "Ada Lovelace"
    assert by_title["A talk"]["recommended_by"] is None


def test_resource_done_with_impression(
    on_terminal: None, run: Run, journal: Journal
) -> None:
    ada(run, journal)
    ok(run, "resources", "add", "Effective Python", "--kind", "book", "--from", "ada")
    ok(run, "resources", "add", "DDIA", "--kind", "book")
    out = ok(run, "resources", "done", "effective", "--impression", "item 13 helped")
    assert "✓" in out and "Effective Python" in out
    assert "mentorlog followups" in out  # a recommender hears back
    resource = journal.resolve(RESOURCES, "effective").record
    assert resource.done and resource.done_on.isoformat() == "2026-11-22"
    assert resource.impression == "item 13 helped"
    data = as_json(run, "resources", "list")
    assert [(r["title"], r["done"]) for r in data] == [
        ("DDIA", False),  # still to explore comes first
        ("Effective Python", True),
    ]
    assert "item 13 helped" in ok(run, "resources")


def test_resource_done_twice_is_refused(run: Run, home: Path) -> None:
    ok(run, "resources", "add", "DDIA", "--kind", "book")
    out = ok(run, "resources", "done", "ddia")
    assert "mentorlog followups" not in out  # nobody recommended it
    before = snapshot(home)
    assert '"DDIA" is already done' in failure(run, "resources", "done", "ddia")
    assert snapshot(home) == before


# -- the log ----------------------------------------------------------------------
def test_log_add_records_kind_date_privacy_and_mentor(
    run: Run, journal: Journal
) -> None:
    mentor = ada(run, journal)
    assert "Logged win" in ok(run, "log", "add", "Merged my first PR", "--kind", "win")
    out = ok(
        run,
        "log",
        "add",
        "Stuck on a proof",
        "-k",
        "Challenge",
        "--private",
        "--on",
        "yesterday",
    )
    assert "Logged challenge" in out and "(private)" in out
    ok(run, "log", "add", "Sent Ada a note", "--kind", "update", "--mentor", "ada")
    entries = {s.record.text: s.record for s in journal.load(LOG).records}
    assert entries["Merged my first PR"].date.isoformat() == "2026-11-22"
    assert entries["Merged my first PR"].private is False
    stuck = entries["Stuck on a proof"]
    assert stuck.kind == "challenge" and stuck.private
    assert stuck.date.isoformat() == "2026-11-21"
    assert entries["Sent Ada a note"].mentor == mentor


def test_log_json_keys_and_private_flag(on_terminal: None, run: Run) -> None:
    ok(run, "log", "add", "Gave a lab talk", "--kind", "win")
    ok(run, "log", "add", "Stuck on a proof", "--kind", "challenge", "--private")
    data = as_json(run, "log")
    for key in ("text", "kind", "date"):
        assert all(key in e for e in data), key
    flags = {e["text"]: (e["kind"], e["date"], e["private"]) for e in data}
    assert flags == {
        "Gave a lab talk": ("win", "2026-11-22", False),
        "Stuck on a proof": ("challenge", "2026-11-22", True),
    }
    assert "Stuck on a proof (private)" in ok(run, "log")


def test_log_lists_newest_first_with_filters(on_terminal: None, run: Run) -> None:
    ok(run, "log", "add", "Old win", "--kind", "win", "--on", "2026-10-01")
    ok(run, "log", "add", "New win", "--kind", "win")
    ok(run, "log", "add", "A challenge", "--kind", "challenge", "--on", "2026-11-20")
    assert [e["text"] for e in as_json(run, "log", "list")] == [
        "New win",
        "A challenge",
        "Old win",
    ]
    wins = as_json(run, "log", "list", "--kind", "win")
    assert [e["text"] for e in wins] == ["New win", "Old win"]
    recent = as_json(run, "log", "list", "--since", "1 week ago")
    assert [e["text"] for e in recent] == ["New win", "A challenge"]
    lines = ok(run, "log", "list", "-k", "challenge").splitlines()
    assert lines[0].split() == ["id", "date", "kind", "entry"]
    assert "2026-11-20" in lines[1] and "A challenge" in lines[1]
    assert "win" not in "\n".join(lines[1:])


# -- listings with nothing to show ------------------------------------------------
def test_empty_journal_listings_point_to_add(run: Run) -> None:
    assert "No open actions." in ok(run, "actions")
    assert "feedback add" in ok(run, "feedback")
    assert "resources add" in ok(run, "resources")
    assert "log add" in ok(run, "log")
    for group in ("actions", "feedback", "resources", "log"):
        assert as_json(run, group) == [], group


@pytest.mark.parametrize(
    ("setup", "listing", "false_claim"),
    [
        (
            [["actions", "add", "Later", "--due", "friday"]],
            ["actions", "--overdue"],
            "No open actions",
        ),
        (
            [
                ["feedback", "add", "Slides too dense"],
                ["feedback", "applied", "slides", "--how", "cut them"],
            ],
            ["feedback", "list", "--pending"],
            "No feedback yet",
        ),
        (
            [["log", "add", "Merged a PR", "--kind", "win"]],
            ["log", "list", "--kind", "challenge"],
            "Nothing logged yet",
        ),
    ],
)
def test_a_filtered_empty_listing_does_not_deny_what_exists(
    run: Run, setup: list[list[str]], listing: list[str], false_claim: str
) -> None:
    for args in setup:
        ok(run, *args)
    out = ok(run, *listing)
    assert false_claim not in out, out


def test_due_anywhere_in_an_action_one_word_or_at_the_end(
    run: Run, journal: Journal
) -> None:
    # Sunday 2026-11-22: friday is 11-27, in 5 days too.
    ok(run, "actions", "add", "Send the draft due:friday to Ada")
    ok(run, "actions", "add", "Email the venue due:in 5 days")
    texts = {s.record.text: s.record.due for s in journal.load(ACTIONS).records}
    assert texts == {
        "Send the draft to Ada": date(2026, 11, 27),
        "Email the venue": date(2026, 11, 27),
    }
    for text, quoted in (
        ("Email due:fridya", "due:fridya"),
        ("Send due:fridya to Ada", "due:fridya to Ada"),
        ("Fix parser so due:date fields work", "due:date fields work"),
    ):
        typo = run("actions", "add", text)
        assert typo.exit_code == 1, typo.output
        assert f'cannot read the date in "{quoted}"' in typo.stderr, typo.stderr
        assert "give the date with --due" in typo.stderr, typo.stderr
    assert len(journal.load(ACTIONS).records) == 2
    # The way out the message names: with --due, a due: word that is no date
    # stays text as typed; one that is a date still wins.
    ok(run, "actions", "add", "Fix parser so due:date fields work", "--due", "eom")
    ok(run, "actions", "add", "Read the memo due:friday", "--due", "eom")
    texts = {s.record.text: s.record.due for s in journal.load(ACTIONS).records}
    assert texts["Fix parser so due:date fields work"] == date(2026, 11, 30)
    assert texts["Read the memo"] == date(2026, 11, 27)


def test_feedback_marked_applied_by_hand_is_refused_without_none(
    run: Run, home: Path
) -> None:
    ok(run, "feedback", "add", "Slides too dense")
    (path,) = (home / "feedback").iterdir()
    path.write_text(path.read_text().replace("applied = false", "applied = true"))
    message = failure(run, "feedback", "applied", "slides", "--how", "one idea")
    assert message.strip() == "error: that feedback is already applied"
