"""Issue 13: every command line mentorlog suggests is written by the one hint
writer (`render/hints.py`): a value the user typed comes back quoted, so the
line pasted into a shell runs the command shown."""

import shlex

from tests.conftest import Run


def ok(run: Run, *args: str, env: dict[str, str] | None = None) -> str:
    result = run(*args, env=env)
    assert result.exit_code == 0, result.output
    return result.stdout


def suggested(out: str, after: str) -> list[str]:
    """The words of the command line printed after `after`, as a shell reads
    them."""
    line = next(line for line in out.splitlines() if after in line)
    return shlex.split(line.split(after, 1)[1])


def test_a_filter_with_a_space_comes_back_quoted_in_the_sessions_hint(
    on_terminal: None, run: Run
) -> None:
    then = {"MENTORLOG_TODAY": "2026-09-01"}  # a meeting held long ago: hidden
    ok(run, "mentors", "add", "Ada Lovelace", env=then)
    ok(run, "prep", "ada", "--on", "2026-09-01", env=then)
    ok(run, "recap", "ada", "--takeaway", "Ship small", "--appreciated", env=then)
    ok(run, "prep", "ada", "--on", "2026-11-25")
    out = ok(run, "sessions", "--mentor", "Ada L")
    assert "1 older hidden: mentorlog sessions --mentor 'Ada L' --all" in out, out
    words = suggested(out, "hidden: ")
    assert words == ["mentorlog", "sessions", "--mentor", "Ada L", "--all"]
    assert "2026-09-01" in ok(run, *words[1:])


def test_a_filter_with_a_quote_comes_back_quoted_in_the_actions_hint(
    on_terminal: None, run: Run
) -> None:
    ok(run, "mentors", "add", "Miles O'Brien")
    ok(run, "actions", "add", "Old thing", "--mentor", "miles")
    ok(run, "actions", "done", "old thing")
    ok(run, "actions", "add", "Open thing", "--mentor", "miles")
    out = ok(run, "actions", "--mentor", "Miles O'")
    words = suggested(out, "hidden: ")
    assert words == ["mentorlog", "actions", "--mentor", "Miles O'", "--all"]
    assert "Old thing" in ok(run, *words[1:])


def test_placeholders_are_written_as_they_are(on_terminal: None, run: Run) -> None:
    out = ok(run, "sessions")
    assert "Plan one: mentorlog prep MENTOR --on DATE" in out, out
    out = ok(run, "feedback")
    assert 'mentorlog feedback add "..." --mentor M' in out, out
    out = " ".join(ok(run, "mentors", "add", "Bo", "--channel", "in-person").split())
    agree = "--channel in-person --cadence CADENCE --reschedule-notice NOTICE ..."
    assert "mentorlog mentors agree " in out and agree in out, out
