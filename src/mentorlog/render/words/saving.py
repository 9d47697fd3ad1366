"""Warnings after a save, and git and sync: their words."""

from __future__ import annotations

from typing import assert_never

from mentorlog import messages as m
from mentorlog.hints import Said


def saving(message: m.StoreMessage) -> Said | str:
    """Warnings after a save."""
    match message:
        case m.SyncNotUndone(why=why):
            return f"an interrupted sync could not be undone: {why}"
        case m.NotCommittedMidSync(sync=sync):
            return Said(
                "saved, not committed: a sync is not finished; finish it first (",
                sync,
                " says how)",
            )
        case m.NotCommitted(why=why):
            return f"saved, but not committed to git: {why}"
        case _:
            assert_never(message)
