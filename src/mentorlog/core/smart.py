"""The SMART coach: judges a goal on each SMART part, from the parts the user
filled in and from the words of its title, and says concretely what is missing.
"""

from __future__ import annotations

import os
import re
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mentorlog import messages as m
from mentorlog._struct import struct
from mentorlog.hints import DATE, TEXT, Slot, hint
from mentorlog.models import SMART_PARTS, Goal, Targets

if TYPE_CHECKING:
    from mentorlog.store.journal import Journal

    from .smart_reading import Reading, Verdict

__all__ = ["MILESTONES", "Gap", "PortfolioCheck", "check_goal", "deadline_in_title"]

MILESTONES = "milestones"  # advice of its own, not one of the five SMART parts

# Words that make a filled-in --specific part itself a direction, not a result.
_VAGUE_PART = re.compile(
    r"(?<![\w-])(?:improve|get better|be better|become better|learn more|"
    r"learn about|work on|get good|brush up|know more|focus on|try to|be more|"
    r"enhance|strengthen|develop my|grow my|boost)(?![\w-])"
)


# -- reading titles, remembered ---------------------------------------------------
# The title judge's grammar costs 15-30 ms to compile, more than a whole
# `goals` listing; its reading of a title depends on the title alone. So a
# command that lists goals remembers each reading in the journal's derived
# cache (`.cache/titles.json`, signed like every cache: store.cache), and the
# grammar is compiled only for a title it has not read before.
_JUDGE = Path(__file__).with_name("smart_title.py")
_JUDGE_KEY = "\0judge"
_readings: dict[str, Reading] = {}
_fresh: set[str] = set()
_loaded_from: set[Path] = set()


def read_title(title: str) -> Reading:
    """The judge's reading of `title` (core.smart_title.read_title), remembered."""
    reading = _readings.get(title)
    if reading is None:
        from .smart_title import read_title as judge

        reading = _readings[title] = judge(title)
        _fresh.add(title)
    return reading


def deadline_in_title(title: str, start: date) -> date | None:
    """core.smart_title.deadline_in_title, compiled only when asked for."""
    from .smart_title import deadline_in_title as read_deadline

    return read_deadline(title, start)


def _judge_key() -> list[int]:
    try:
        info = os.stat(_JUDGE)
    except OSError:
        return []
    return [info.st_mtime_ns, info.st_size]


def remember_titles(journal: Journal) -> None:
    """Take the readings this journal's cache holds (once a process)."""
    from mentorlog.store import cache

    path = journal.root / cache.FOLDER / "titles.json"
    if path in _loaded_from:
        return
    _loaded_from.add(path)
    entries = cache.read_cache(path)
    if entries.get(_JUDGE_KEY) != _judge_key():
        return  # another release of the judge read these
    from .smart_reading import Reading, Verdict

    for title, row in entries.items():
        if title == _JUDGE_KEY or title in _readings:
            continue
        try:
            english, s, me, t, phrases = row
            _readings[title] = Reading(
                bool(english),
                Verdict(*s),
                Verdict(*me),
                Verdict(*t),
                tuple(str(p) for p in phrases),
            )
        except (TypeError, ValueError):
            return  # a row this release cannot use: read the titles again


def keep_titles(journal: Journal, titles: list[str]) -> None:
    """Write the readings of `titles` to the journal's cache when any is new
    (best effort: a cache that cannot be written only costs time)."""
    if not _fresh.intersection(titles):
        return
    from mentorlog.store import cache

    entries: dict[str, Any] = {_JUDGE_KEY: _judge_key()}
    for title in titles:
        reading = _readings.get(title)
        if reading is not None:
            entries[title] = [
                reading.english,
                list(reading.specific),
                list(reading.measurable),
                list(reading.time),
                list(reading.time_phrases),
            ]
    if journal.exists():
        cache.write_cache(journal.root / cache.FOLDER / "titles.json", entries)
    _fresh.clear()


@struct(frozen=True)
class Gap:
    part: str
    message: m.SmartMessage


def _vague(text: str | None) -> bool:
    return bool(text) and _VAGUE_PART.search((text or "").lower()) is not None


def check_goal(goal: Goal, today: date, ref: str = "<goal>") -> list[Gap]:
    """Every SMART gap of `goal`, each a sentence that says what to do
    (SPEC §1 item 1; shared/SMART_RUBRIC.md for the words of the title), then
    the milestone advice, which is not one of the five parts."""
    reading = read_title(goal.title.strip())
    if not reading.english:
        return [Gap("language", m.NotEnglish())]
    return [
        *_specific_and_measurable(goal, reading, ref),
        *_achievable_and_relevant(goal, ref),
        *_time_bound(goal, reading, today, ref),
        *_milestones(goal, ref),
    ]


def _specific_and_measurable(goal: Goal, reading: Reading, ref: str) -> list[Gap]:
    gaps: list[Gap] = []
    title = goal.title.strip()
    specific_text = (goal.specific or "").strip()
    verdict = reading.specific
    if specific_text and _vague(specific_text):
        gaps.append(Gap("specific", m.VagueSpecific()))
    elif not specific_text and verdict.outcome == "fail":
        gaps.append(Gap("specific", _specific_message(title, verdict)))
    if not (goal.measurable or "").strip() and reading.measurable.outcome == "fail":
        about = reading.measurable
        in_head = about.phrase if about.why == "cognitive" else None
        edit = hint("goals", "edit", ref, "--measure", TEXT)
        gaps.append(Gap("measurable", m.NotMeasurable(edit, in_head)))
    return gaps


def _specific_message(title: str, verdict: Verdict) -> m.SmartMessage:
    kind, _, verb = verdict.why.partition(":")
    thing = verdict.phrase
    if kind == "topic":
        return m.TopicNotGoal(thing or title)
    if kind == "comparative":
        return m.ComparisonNotResult(thing)
    if kind == "generic":
        return m.CouldBeAnything(thing)
    return m.DirectionNotResult(verb, thing)


def _achievable_and_relevant(goal: Goal, ref: str) -> list[Gap]:
    gaps: list[Gap] = []
    if not (goal.achievable or "").strip():
        gaps.append(
            Gap(
                "achievable",
                m.NotAchievable(hint("goals", "edit", ref, "--achievable", TEXT)),
            )
        )
    if not (goal.relevant or "").strip():
        gaps.append(
            Gap(
                "relevant",
                m.NotRelevant(hint("goals", "edit", ref, "--relevant", TEXT)),
            )
        )
    return gaps


def _milestones(goal: Goal, ref: str) -> list[Gap]:
    """Advice of its own (not one of the five parts): a goal with no step."""
    if goal.milestones:
        return []
    return [
        Gap(
            MILESTONES,
            m.NoMilestone(
                hint(
                    "goals",
                    "milestone",
                    ref,
                    Slot('"first step"'),
                    "--due",
                    Slot("<date>"),
                )
            ),
        )
    ]


def _time_bound(goal: Goal, reading: Reading, today: date, ref: str) -> list[Gap]:
    gaps: list[Gap] = []
    target = goal.target
    if target is None and reading.time_phrases:
        from .smart_title import deadline_of

        target = deadline_of(list(reading.time_phrases), goal.created)
    if target is None:
        when = reading.time
        if when.outcome == "unsure":
            gaps.append(
                Gap(
                    "time-bound",
                    m.EventNotDate(
                        when.phrase, hint("goals", "edit", ref, "--by", DATE)
                    ),
                )
            )
        elif when.outcome == "fail":
            gaps.append(
                Gap(
                    "time-bound",
                    m.NoTargetDate(hint("goals", "edit", ref, "--by", DATE)),
                )
            )
        return gaps
    if goal.status == "active" and target < today:
        days = (today - target).days
        gaps.append(
            Gap(
                "time-bound",
                m.TargetPassed(target, days, hint("goals", "edit", ref, "--by", DATE)),
            )
        )
    gaps += [
        Gap(
            "time-bound",
            m.MilestoneAfterTarget(
                milestone.title,
                milestone.due,
                target,
                hint("goals", "milestone", ref, str(number), "--due", DATE),
                ref,
            ),
        )
        for number, milestone in enumerate(goal.milestones, 1)
        if milestone.due and milestone.due > target and not milestone.done
    ]
    return gaps


def score(gaps: list[Gap]) -> int:
    """How many of the five SMART parts have no gap (0 for a goal the coach
    cannot read: see `scored`)."""
    if not scored(gaps):
        return 0
    return sum(1 for part in SMART_PARTS if not any(g.part == part for g in gaps))


def scored(gaps: list[Gap]) -> bool:
    """False for a goal in a language the coach does not read."""
    return not any(g.part == "language" for g in gaps)


@struct(frozen=True)
class PortfolioCheck:
    """Whether the journal holds the right number of dated active goals."""

    active: int
    dated: int
    complete: int
    targets: Targets

    @property
    def ok(self) -> bool:
        t = self.targets
        in_range = t.goals_min <= self.active <= t.goals_max
        return in_range and self.dated == self.active and self.complete == self.active

    @property
    def message(self) -> m.Portfolio:
        t = self.targets
        return m.Portfolio(
            self.active, self.dated, self.complete, t.goals_min, t.goals_max
        )
