"""Use-cases: take a Journal, return models. Never print, prompt or exit."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mentorlog.store.journal import Journal


def open_journal(option: str | None) -> Journal:
    """The journal `--journal`, `MENTORLOG_HOME` or the platform default names."""
    from mentorlog.store.journal import Journal, locate

    return Journal(locate(option), memo=True)


def journal_path(option: str | None) -> str:
    from mentorlog.store.journal import locate

    return str(locate(option))
