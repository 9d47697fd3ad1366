"""What every command shares: the journal chosen by the global options, today,
and reading the dates a user typed."""

from __future__ import annotations

from dataclasses import field
from datetime import date
from typing import TYPE_CHECKING, Any

from mentorlog._struct import struct

if TYPE_CHECKING:
    from mentorlog.core.common import When
    from mentorlog.store.journal import Journal


@struct
class State:
    journal_option: str | None = None
    debug: bool = False
    no_color: bool = False
    no_input: bool = False
    purpose: str | None = None  # "mentorlog goals add": names git commits
    journals: list[Journal] = field(default_factory=list)
    said_relative: bool = False  # the warning of a relative journal path


STATE = State()


def journal(*, existing: bool = True) -> Journal:
    """The journal the global options name. Only `init` makes one (and `where`
    names one that may not be there): for any other command (`existing`) a
    folder that is not a journal is an error, not a journal made silently in a
    mistyped folder. A relative path is warned about, once a command."""
    from mentorlog.core import open_journal
    from mentorlog.store.paths import relative_choice

    found = open_journal(STATE.journal_option)
    found.purpose = STATE.purpose
    relative = relative_choice(STATE.journal_option)
    if relative is not None and not STATE.said_relative:
        from mentorlog import render

        STATE.said_relative = True
        source, given = relative
        render.warn(
            f"{source} is a relative path ({given}): it names {found.root} only "
            "from this folder; give an absolute path"
        )
    if existing and not found.exists():
        from mentorlog.errors import UserError
        from mentorlog.hints import Said, hint
        from mentorlog.store.atomic import in_the_way

        blocked = in_the_way(found.root)
        there: str | Said = Said("run ", hint("init"))
        if blocked is not None and blocked[0].is_symlink():
            raise UserError(f"{blocked[0]}: {blocked[1]}")  # as `init` says it
        if blocked is not None and blocked[0] == found.root:
            there = "a file stands there, not a journal folder"
        elif blocked is not None:
            there = f"{blocked[0]} is a file, not a folder"
        raise UserError(
            f"no journal at {found.root}: "
            + there
            + " (or check --journal / MENTORLOG_HOME)"
        )
    STATE.journals.append(found)
    return found


def interactive() -> bool:
    """Whether prompts may be shown: stdin is a terminal and --no-input is off."""
    import sys

    return sys.stdin.isatty() and not STATE.no_input


def no_group_options(subcommand: str | None, **given: bool) -> None:
    """`goals --json list` would drop --json silently; say where it goes."""
    if subcommand is None:
        return
    misplaced = [name for name, value in given.items() if value]
    if misplaced:
        from mentorlog.errors import UsageError

        option = "--" + misplaced[0].replace("_", "-")
        raise UsageError(f"put {option} after the command: ... {subcommand} {option}")


def today() -> date:
    from mentorlog import dates

    return dates.today()


def optional_date(
    text: str | None, what: str, *, backward: bool = False
) -> date | None:
    """`text` read as a date ahead (or, with `backward`, behind), or None; the
    error names the option."""
    if text is None:
        return None
    from mentorlog import dates
    from mentorlog.errors import DateError

    direction = dates.BACKWARD if backward else dates.FORWARD
    try:
        return dates.parse_date(text, direction=direction)
    except DateError as error:
        raise DateError(f"{what}: {error.message}") from None


def meeting_date(text: str | None, what: str) -> When | None:
    """A meeting's date, ahead, and its time of day if one is given
    (`fri 15:00`): the time as "HH:MM", or None. A time the clocks skip that
    day in the journal's time zone is an error."""
    if text is None:
        return None
    from mentorlog import dates
    from mentorlog.core.common import When
    from mentorlog.errors import DateError

    try:
        day, hour = dates.parse_when(text, direction=dates.FORWARD)
        if hour is not None:
            settings, _ = journal().settings_or_default()
            dates.check_local_time(day, hour, settings.timezone)
    except DateError as error:
        raise DateError(f"{what}: {error.message}") from None
    return When(day, None if hour is None else hour.strftime("%H:%M"))


def duration(text: str | None, what: str) -> int | None:
    """A meeting's length typed as `45m`, `1h30m` or `90`, in minutes; the
    error names the option."""
    if text is None:
        return None
    from mentorlog import dates
    from mentorlog.errors import DateError

    try:
        return dates.parse_duration(text)
    except DateError as error:
        raise DateError(f"{what}: {error.message}") from None


def show_merge_notes(file: str, record: Any) -> None:
    """A shown record's values that lost in a sync's record merge, said after
    it (stderr): both devices changed one field (see `store.merge`)."""
    from mentorlog.core.doctor import merge_notes

    for note in merge_notes(file, record):
        journal().warn_once(note)
