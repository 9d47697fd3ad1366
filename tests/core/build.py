"""Building a journal through the core's own use-cases, day by day: each step
takes the day it happens on, so a test can replay months of a mentorship."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from mentorlog.core.agenda import PrepRequest, PrepResult, prep
from mentorlog.core.followups import complete, followups
from mentorlog.core.goals import GoalDraft, add_goal, add_milestone
from mentorlog.core.mentors import AgreementChanges, MentorDraft, add_mentor, agree
from mentorlog.core.recap import RecapInput, RecapResult, record_recap
from mentorlog.store.journal import Journal

TODAY = date(2026, 11, 22)  # a Sunday, as in tests/conftest.py


def day(text: str) -> date:
    return date.fromisoformat(text)


def ago(days: int) -> date:
    return TODAY - timedelta(days=days)


def mentor(
    journal: Journal,
    name: str = "Ada Lovelace",
    on: date = TODAY,
    *,
    cadence: str | None = "biweekly",
    expertise: tuple[str, ...] = ("web",),
    channel: str | None = "video",
    flash: bool = False,
    notice: str | None = None,
) -> str:
    """Add a mentor on `on`; return their short id."""
    saved = add_mentor(
        journal,
        MentorDraft(
            name=name,
            cadence=cadence,
            expertise=list(expertise),
            channel=channel,
            flash=flash,
        ),
        on,
    )
    if notice is not None:
        agree(journal, saved.view.short, AgreementChanges(reschedule_notice=notice), on)
    return saved.view.short


def full_agreement(journal: Journal, ref: str, on: date) -> None:
    agree(
        journal,
        ref,
        AgreementChanges(
            channel="video",
            cadence="biweekly",
            response_time="2 days",
            reschedule_notice="48h",
            missed_plan="reschedule within a week",
            topics=["web", "career"],
            off_limits=["salary"],
            criticism="direct",
            first_name=True,
            attribution="ask first",
            confidentiality="all private",
            until=day("2027-06-30"),
        ),
        on,
    )


def plan(
    journal: Journal, ref: str, meeting: date, on: date, **more: object
) -> PrepResult:
    """Prepare (and so plan) the meeting on `meeting`, on the day `on`."""
    return prep(journal, PrepRequest(mentor=ref, on=meeting, **more), on)  # type: ignore[arg-type]


def held(journal: Journal, ref: str | None, on: date, **given: object) -> RecapResult:
    """Recap a meeting held on `on` (the planned one, if there is one)."""
    return record_recap(journal, ref, RecapInput(**given), on)  # type: ignore[arg-type]


def smart_goal(journal: Journal, title: str, area: str, on: date) -> str:
    """A goal with every SMART part; return its short id."""
    added = add_goal(
        journal,
        GoalDraft(
            title=title,
            achievable="6 hours a week",
            relevant="the job I want",
            area=area,
        ),
        on,
    )
    add_milestone(journal, added.view.short, "First step", None, on)
    return added.view.short


def settle(journal: Journal, kind: str, on: date) -> None:
    """Do every follow-up of `kind` open on `on` (a thank-you sent, ...)."""
    for item in followups(journal, on).items:
        if item.kind == kind:
            complete(journal, item.id, on)


def snapshot(root: Path) -> dict[str, bytes]:
    """Every file of the journal but the lock and the derived cache."""
    if not root.exists():
        return {}
    return {
        str(p.relative_to(root)): p.read_bytes()
        for p in root.rglob("*")
        if p.is_file() and p.name != ".lock" and ".cache" not in p.parts
    }
