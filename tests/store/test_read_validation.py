"""Every value with a vocabulary or a format is checked when its file is read
(issue 12): a hand-edited or synced file with a bad value is a problem of that
file, `path:line: field: what is wrong`; `doctor` lists it and exits 3, every
other command skips the record with one warning and goes on.

The journal is made with the real CLI; each case edits one file by hand, as a
user's editor or a sync would, and runs the real commands."""

from __future__ import annotations

import json
import os
import re
import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mentorlog.cli import app
from tests.conftest import TODAY, Run

SETUP: tuple[tuple[str, ...], ...] = (
    ("init", "--name", "Sam"),
    ("mentors", "add", "Ada Lovelace", "--cadence", "biweekly", "--channel", "video"),
    ("mentors", "agree", "ada", "--reschedule-notice", "48h", "--until", "in 6 months"),
    ("mentors", "add", "Bob Byrne", "--cadence", "weekly", "--channel", "email"),
    ("mentors", "agree", "bob", "--reschedule-notice", "24h", "--cadence", "monthly"),
    ("goals", "add", "Ship the portfolio site", "--by", "in 3 months", "--area", "web"),
    ("goals", "add", "Give a talk at the study group", "--by", "eom", "--area", "talk"),
    ("goals", "milestone", "give", "Write the outline", "--due", "in 1 week"),
    ("actions", "add", "Read chapter one"),
    ("actions", "add", "Email the study group", "--due", "friday"),
    ("resources", "add", "Clean Code", "--kind", "book"),
    ("resources", "add", "Talk like TED", "--kind", "book"),
    ("log", "add", "Deployed my first page", "--kind", "win"),
    ("log", "add", "Stuck on sign-in", "--kind", "challenge"),
    ("feedback", "add", "Lead with the result", "--mentor", "ada"),
    ("feedback", "add", "Slow down the intro", "--mentor", "bob"),
    ("prep", "bob", "--on", "in 1 week"),
)

# (file, table, key, bad TOML value, the field as the message names it). Each
# file is one the commands below can do without: Bob (not Ada), the second goal,
# the second action... `table` is "" for the top level, or the TOML table the
# key goes in (its first occurrence).
BOB = "mentors/bob-byrne.md"
TALK = "goals/give-a-talk-at-the-study-group.toml"
BOB_SESSION = "sessions/2026-11-29-bob-byrne.md"
EMAIL = "actions/email-the-study-group.toml"
TED = "resources/talk-like-ted.toml"
STUCK = "log/2026-11-22-stuck-on-sign-in.toml"
SLOW = "feedback/slow-down-the-intro.toml"
SETTINGS = "mentorlog.toml"
CASES: tuple[tuple[str, str, str, str, str], ...] = (
    (BOB, "", "cadence", '"every tuesday"', "cadence"),
    (BOB, "", "cadence", '""', "cadence"),
    (BOB, "", "cadence", '"0 weeks"', "cadence"),
    (BOB, "", "channel", '"pigeon"', "channel"),
    (BOB, "", "kind", '"mentee"', "kind"),
    (BOB, "", "status", '"paused"', "status"),
    (BOB, "", "answer", '"maybe"', "answer"),
    (BOB, "", "created", '"yesterday"', "created"),
    (BOB, "", "asked_on", '"2026-02-30"', "asked_on"),
    (BOB, "", "ended", "9999-12-31", "ended"),
    (BOB, "agreement", "cadence", '"sometimes"', "agreement.cadence"),
    (
        BOB,
        "agreement",
        "reschedule_notice",
        '"two days"',
        "agreement.reschedule_notice",
    ),
    (BOB, "agreement", "channel", '"fax"', "agreement.channel"),
    (BOB, "agreement", "until", "3000-01-01", "agreement.until"),
    (BOB, "agreement", "first_name", '"perhaps"', "agreement.first_name"),
    (TALK, "", "status", '"paused"', "status"),
    (TALK, "", "target", "1899-12-31", "target"),
    (TALK, "", "created", "12", "created"),
    (TALK, "milestones", "due", '"soon"', "milestones[1].due"),
    (TALK, "milestones", "done", '"yes please"', "milestones[1].done"),
    (BOB_SESSION, "", "status", '"postponed"', "status"),
    (BOB_SESSION, "", "date", '"next week"', "date"),
    (BOB_SESSION, "", "date", "9999-12-30", "date"),
    (BOB_SESSION, "", "cancelled_on", "0001-01-01", "cancelled_on"),
    (EMAIL, "", "status", '"pending"', "status"),
    (EMAIL, "", "due", '"friday"', "due"),
    (EMAIL, "", "due", "2026-11-27T10:00:00", None),  # a datetime is its day: fine
    (TED, "", "kind", '"podcast"', "kind"),
    (TED, "", "done_on", '"2026-13-01"', "done_on"),
    (STUCK, "", "kind", '"rant"', "kind"),
    (STUCK, "", "date", "0001-01-01", "date"),
    (SLOW, "", "received", '"last week"', "received"),
    (SLOW, "", "applied", '"sure"', "applied"),
    (
        SETTINGS,
        "targets",
        "review_period_days",
        "100000000000",
        "targets.review_period_days",
    ),
    (SETTINGS, "targets", "review_period_days", "0", "targets.review_period_days"),
    (SETTINGS, "targets", "goals_min", "-1", "targets.goals_min"),
    (SETTINGS, "targets", "goals_max", "5000", "targets.goals_max"),
    (
        SETTINGS,
        "targets",
        "resources_between_sessions",
        '"two"',
        "targets.resources_between_sessions",
    ),
)


def _invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args), prog_name="mentorlog")
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise AssertionError(f"{args}: exception escaped: {result.exception!r}")
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """One journal for every case (each test works on its own copy)."""
    folder = tmp_path_factory.mktemp("made") / "journal"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("MENTORLOG_HOME", str(folder))
        patch.setenv("MENTORLOG_TODAY", TODAY.isoformat())
        patch.setenv("NO_COLOR", "1")
        patch.setenv("COLUMNS", "100")
        patch.setenv("MENTORLOG_NO_CACHE", "1")
        for args in SETUP:
            code, out, err = _invoke(*args)
            assert code == 0, (args, out, err)
    for path in (BOB, TALK, BOB_SESSION, EMAIL, TED, STUCK, SLOW, SETTINGS):
        assert (folder / path).is_file(), path
    yield folder


@pytest.fixture
def journal_copy(made: Path, home: Path) -> Path:
    shutil.copytree(made, home)
    return home


def set_value(path: Path, table: str, key: str, value: str) -> int:
    """Write `key = value` into `table` of the file (its first occurrence; ""
    for the top level), replacing the key if it is there: what a hand edit
    does. Returns the line (1-based, in the whole file) a problem with it is
    reported on: its own, or for an inline table in an array, the array's."""
    lines = path.read_text(encoding="utf-8").split("\n")
    front = lines[0] == "+++"
    end = lines.index("+++", 1) if front else len(lines)
    if table:
        headers = (f"[{table}]", f"[[{table}]]")
        start = next((i for i, line in enumerate(lines) if line in headers), None)
        if start is None:  # an array of inline tables: its first item
            at = next(
                i
                for i, line in enumerate(lines)
                if line.lstrip().startswith("{") and f" {key} = " in line
            )
            lines[at] = re.sub(
                rf"(\b{re.escape(key)} = )[^,}}]+", rf"\g<1>{value}", lines[at], count=1
            )
            path.write_text("\n".join(lines), encoding="utf-8")
            # reported at the array's key: the line that names the field
            return next(i for i in range(at, -1, -1) if lines[i].startswith(table)) + 1
    else:
        start = 0
    stop = next(
        (i for i in range(start + 1, end) if lines[i].startswith("[")),
        end,
    )
    pattern = re.compile(rf"^{re.escape(key)}\s*=")
    for i in range(start + 1 if (table or front) else start, stop):
        if pattern.match(lines[i]):
            lines[i] = f"{key} = {value}"
            at = i
            break
    else:
        at = start + 1 if (table or front) else 0
        lines.insert(at, f"{key} = {value}")
    path.write_text("\n".join(lines), encoding="utf-8")
    return at + 1


READERS: tuple[tuple[str, ...], ...] = (
    ("status",),
    ("followups",),
    ("checklist",),
    ("goals", "--all"),
    ("mentors", "--all"),
    ("sessions", "--all"),
    ("actions", "--all"),
    ("resources",),
    ("log",),
    ("feedback",),
    ("network",),
    ("report",),
    ("export", "--format", "json"),
    ("export", "--format", "ics"),
    ("search", "page"),
)
# Which of them must name a broken file of each kind: those that read that kind
# (its listing, the export of everything, and the summaries built on it). Every
# other one may name it, at most once.
NAMED_BY: dict[str, set[str]] = {
    "mentors": {"status", "followups", "checklist", "mentors", "network", "export"},
    "goals": {"status", "checklist", "goals", "network", "report", "export"},
    "sessions": {"status", "followups", "checklist", "sessions", "export"},
    "actions": {"status", "actions", "report", "export"},
    "resources": {"status", "followups", "checklist", "resources", "export"},
    "log": {"status", "followups", "log", "report", "export"},
    "feedback": {"feedback", "report", "export"},
    SETTINGS: {"status", "followups", "checklist", "network", "report", "export"},
}


def named(stderr: str, relpath: str) -> int:
    """How many lines of `stderr` name `relpath` (each must be a warning)."""
    lines = [line for line in stderr.splitlines() if relpath in line]
    assert all(line.startswith("warning: ") for line in lines), stderr
    return len(lines)


def one_warning(stderr: str, relpath: str) -> None:
    assert named(stderr, relpath) == 1, stderr


@pytest.mark.parametrize(
    ("relpath", "table", "key", "value", "field"),
    CASES,
    ids=[f"{c[0].split('/')[0]}-{c[1] or 'top'}-{c[2]}-{c[3]}" for c in CASES],
)
def test_a_bad_value_is_a_problem_of_its_file(
    run: Run,
    journal_copy: Path,
    relpath: str,
    table: str,
    key: str,
    value: str,
    field: str | None,
) -> None:
    target = journal_copy / relpath
    line = set_value(target, table, key, value)
    if field is None:  # the control row: a datetime reads as its day
        doctor = run("doctor")
        assert doctor.exit_code == 0, doctor.output
        return
    where = field
    doctor = run("doctor")
    assert doctor.exit_code == 3, doctor.output
    assert f"{relpath}:{line}: {where}: " in doctor.stdout, doctor.stdout
    reported = next(x for x in doctor.stdout.splitlines() if relpath in x)
    assert len(reported) < 200 and "\x1b" not in reported

    kind = relpath.split("/")[0]
    for args in READERS:
        result = run(*args)
        assert result.exit_code == 0, (args, result.output)
        count = named(result.stderr, relpath)
        if args[0] in NAMED_BY[kind]:
            assert count == 1, (args, result.stderr)
            assert f"{relpath}:{line}: {where}: " in result.stderr
        else:
            assert count <= 1, (args, result.stderr)

    # the bad record is skipped, not shown as if it were good
    if relpath != SETTINGS:
        listed = run(kind, "--json", "--all")
        if listed.exit_code == 2:  # no --all on this listing
            listed = run(kind, "--json")
        names = json.dumps(json.loads(listed.stdout))
        broken = target.read_text(encoding="utf-8")
        broken_id = re.search(r'^id = "([0-9a-z]{26})"', broken, re.M)
        assert broken_id is not None
        assert broken_id.group(1) not in names

    # the commands that write go on for the records that are good; a broken
    # session is the exception: prep and recap build on the meeting history,
    # so they refuse until it is fixed (they say which file and how)
    prep = run("prep", "ada", "--on", "in 2 weeks")
    recap = run("recap", "ada", "--takeaway", "Three projects, each with a story")
    for result in (prep, recap):
        if kind == "sessions":
            assert result.exit_code == 3, result.output
            assert f"{relpath}:{line}: {where}: " in result.stderr
            assert f"fix it first (mentorlog edit {relpath})" in result.stderr
        else:
            assert result.exit_code == 0, result.output
            assert named(result.stderr, relpath) <= 1, result.stderr


def _age(folder: Path) -> None:
    """Make every file old enough for the derived cache to keep it (it keeps
    only files unchanged for a while: see `cache.settled`)."""
    past = time.time_ns() - 3_600_000_000_000
    for path in folder.rglob("*"):
        if path.is_file() and ".cache" not in path.parts:
            os.utime(path, ns=(past, past))


def test_the_cache_never_hides_a_value_that_went_bad(
    run: Run, journal_copy: Path
) -> None:
    """A command served the good file from the cache; the file is then edited
    with a bad value: the next commands report it, and keep reporting it once
    the bad file is itself in the cache."""
    _age(journal_copy)
    first = run("status")
    assert first.exit_code == 0 and first.stderr == "", first.output
    cached = (journal_copy / ".cache" / "mentors.json").read_text(encoding="utf-8")
    assert "bob-byrne.md" in cached  # the good row is cached

    line = set_value(journal_copy / BOB, "", "cadence", '"every tuesday"')
    for round_ in ("fresh", "cached"):
        for args in (("status",), ("followups",), ("checklist",), ("mentors",)):
            result = run(*args)
            assert result.exit_code == 0, (round_, args, result.output)
            one_warning(result.stderr, BOB)
            assert f"{BOB}:{line}: cadence: is not a cadence" in result.stderr
        doctor = run("doctor")
        assert doctor.exit_code == 3, (round_, doctor.output)
        assert f"{BOB}:{line}: cadence: is not a cadence" in doctor.stdout
        _age(journal_copy)  # the bad file is now old enough to be cached too
    cached = (journal_copy / ".cache" / "mentors.json").read_text(encoding="utf-8")
    assert "is not a cadence" in cached  # the problem itself came from the cache


def test_settings_from_the_cache_are_checked_again_when_the_file_changes(
    run: Run, journal_copy: Path
) -> None:
    _age(journal_copy)
    assert run("checklist").exit_code == 0
    assert (journal_copy / ".cache" / "settings.json").is_file()
    line = set_value(journal_copy / SETTINGS, "targets", "review_period_days", "99999")
    result = run("checklist")
    assert result.exit_code == 0, result.output
    one_warning(result.stderr, SETTINGS)
    assert (
        f"{SETTINGS}:{line}: targets.review_period_days: should be at most 3650"
        in result.stderr
    )


def test_a_quoted_value_is_short_and_printable(run: Run, journal_copy: Path) -> None:
    payload = '"every \\u001b[2J\\u202e tuesday ' + "x" * 500 + '"'
    line = set_value(journal_copy / BOB, "", "cadence", payload)
    doctor = run("doctor")
    assert doctor.exit_code == 3
    reported = next(x for x in doctor.stdout.splitlines() if BOB in x)
    assert reported.startswith(f"{BOB}:{line}: cadence: is not a cadence (")
    assert "\x1b" not in reported and "\u202e" not in reported
    assert "x" * 41 not in reported and len(reported) < 200


def test_recap_of_the_nearest_meeting_with_a_mentor_whose_file_is_broken(
    run: Run, journal_copy: Path
) -> None:
    """The nearest planned meeting is with Bob, whose file is skipped: recap
    says so instead of failing."""
    set_value(journal_copy / BOB, "", "cadence", '"every tuesday"')
    result = run("recap", "--takeaway", "x")
    assert result.exit_code == 1, result.output
    assert "Bob Byrne" in result.stderr and "does not read" in result.stderr


def test_a_date_typed_out_of_the_range_a_file_may_hold_is_refused(
    run: Run, journal_copy: Path
) -> None:
    """One range for dates typed and dates read: what a command writes always
    reads back."""
    result = run("actions", "add", "Plan the next millennium", "--due", "+999y")
    assert result.exit_code == 1, result.output
    assert "is out of range; use one between 1900-01-01 and 2999-12-31" in (
        result.stderr
    )
    assert run("doctor").exit_code == 0
