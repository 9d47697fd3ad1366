"""Shell completion of the values a user types: every argument that names a
record (mentors, goals, milestones, sessions, actions, feedback, resources,
follow-ups, any record for `edit`), and the fixed words (kinds, channels,
answers).

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
    ctx: typer.Context,
    kind_name: str,
    incomplete: str,
    statuses: tuple[str, ...] | None = None,
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
        if statuses is not None and status not in statuses:
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
    return _records(ctx, "action", incomplete, ("open",))


def feedback(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    return _records(ctx, "feedback", incomplete)


def resources(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    return _records(ctx, "resource", incomplete)


def planned_sessions(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    return _records(ctx, "session", incomplete, ("planned",))


def mentors_or_sessions(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """`recap`: a mentor, or a planned meeting."""
    return sorted(mentors(ctx, incomplete) + planned_sessions(ctx, incomplete))


def any_record(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """`edit`: a record of any kind, or the settings."""
    from mentorlog.store import kinds

    found = (
        [("settings", "your name and defaults")]
        if "settings".startswith(incomplete.lower())
        else []
    )
    for kind in kinds.ALL_KINDS:
        found += _records(ctx, kind.name, incomplete)
    return sorted(found)


def milestones(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """`goals tick GOAL N`: the numbers of the goal's open milestones."""
    try:
        from mentorlog.store.kinds import GOALS

        found = _journal(ctx)
        goal = found.resolve(GOALS, str(ctx.params.get("goal") or "")).record
    except Exception:  # completion must never break the shell
        return []
    return [
        (str(number), milestone.title[:60])
        for number, milestone in enumerate(goal.milestones, start=1)
        if not milestone.done and str(number).startswith(incomplete)
    ]


def followup_ids(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """`followups done ID`: what is to follow up today."""
    try:
        from mentorlog import dates
        from mentorlog.core.followups import followups

        items = followups(_journal(ctx), dates.today()).items
    except Exception:  # completion must never break the shell
        return []
    needle = incomplete.lower()
    return sorted(
        (item.id, str(item.text)[:60]) for item in items if item.id.startswith(needle)
    )


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
formats = _words(get_args(models.ExportFormat))
report_formats = _words(get_args(models.ReportFormat))
