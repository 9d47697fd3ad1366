"""Shell completion of the values a user types: mentors, goals, sessions,
actions, and the fixed words (kinds, channels, answers).

Completion runs on every Tab, so each function reads only the one kind it
completes (through the record cache) and never fails: a broken journal just
completes nothing."""

from __future__ import annotations

from typing import Any, get_args

import typer

from mentorlog import models


def _journal(ctx: typer.Context) -> Any:
    from mentorlog.core import open_journal

    option = ctx.find_root().params.get("journal")
    return open_journal(option)


def _records(
    ctx: typer.Context, kind_name: str, incomplete: str, only_open: bool = False
) -> list[tuple[str, str]]:
    try:
        from mentorlog.store import kinds

        kind = {k.name: k for k in kinds.ALL_KINDS}[kind_name]
        loaded = _journal(ctx).load(kind)
    except Exception:  # completion must never break the shell
        return []
    needle = incomplete.lower()
    found = []
    for stored in loaded.records:
        status = getattr(stored.record, "status", "open")
        if only_open and status not in ("open", "active"):
            continue
        slug = stored.path.stem
        if slug.startswith(needle):
            found.append((slug, kind.label(stored.record)[:60]))
    return sorted(found)


def mentors(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    return _records(ctx, "mentor", incomplete)


def goals(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    return _records(ctx, "goal", incomplete)


def sessions(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    return _records(ctx, "session", incomplete)


def actions(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    return _records(ctx, "action", incomplete, only_open=True)


def feedback(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    return _records(ctx, "feedback", incomplete)


def resources(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    return _records(ctx, "resource", incomplete)


def _words(values: tuple[str, ...]) -> Any:
    def complete(incomplete: str) -> list[str]:
        return [v for v in values if v.startswith(incomplete.lower())]

    return complete


# The fixed words come from the models' Literal types: one list for each.
channels = _words(get_args(models.Channel))
answers = _words(get_args(models.Answer))
log_kinds = _words(get_args(models.LogKind))
resource_kinds = _words(get_args(models.ResourceKind))
cadences = _words(("weekly", "biweekly", "monthly"))
formats = _words(("json", "md", "ics"))
