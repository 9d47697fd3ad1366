"""What every command shares: the journal chosen by the global options, today,
and reading the dates a user typed."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mentorlog.store.journal import Journal


@dataclass
class State:
    journal_option: str | None = None
    debug: bool = False
    no_color: bool = False


STATE = State()


def journal() -> Journal:
    from mentorlog.store.journal import Journal, locate

    return Journal(locate(STATE.journal_option))


def today() -> date:
    from mentorlog import dates

    return dates.today()


def optional_date(text: str | None, what: str) -> date | None:
    """`text` read as a date, or None; the error names the option."""
    if text is None:
        return None
    from mentorlog import dates
    from mentorlog.errors import DateError

    try:
        return dates.parse_date(text)
    except DateError as error:
        raise DateError(f"{what}: {error.message}") from None
