"""The network: what you need (goal areas, stated needs) against what your
mentors cover; every uncovered need named as a gap."""

from __future__ import annotations

import re
from dataclasses import field

from mentorlog._struct import struct
from mentorlog.hints import TEXT, Slot, hint
from mentorlog.messages import FindSomeone
from mentorlog.store.journal import Journal, Problem
from mentorlog.store.kinds import GOALS
from mentorlog.tojson import Each, json_keys, of

from .mentors import MentorView, list_mentors


def _words(text: str) -> frozenset[str]:
    return frozenset(re.findall(r"[a-z0-9+#]+", text.lower()))


def covers(expertise: str, need: str) -> bool:
    """Whether an area of expertise covers a need: the same words, or all the
    words of one inside the other ("web" and "web development")."""
    a, b = _words(expertise), _words(need)
    return bool(a and b) and (a <= b or b <= a)


@struct
class Need:
    area: str
    sources: list[str]  # goal titles, or "settings"
    mentors: list[MentorView] = field(default_factory=list)

    @property
    def gap(self) -> bool:
        return not self.mentors

    @property
    def suggestion(self) -> FindSomeone:
        ask = hint(
            "mentors", "ask", Slot('"NAME"'), "--expertise", self.area, "--ask", TEXT
        )
        return FindSomeone(self.area, ask)


@json_keys(
    {
        "needs": Each(
            "needs",
            {
                **of("", "area", "sources"),
                "mentors": Each("mentors", of("mentor", "id", "name")),
                "gap": "gap",
                "suggestion": lambda need: need.suggestion if need.gap else None,
            },
        ),
        "gaps": lambda report: [need.area for need in report.gaps],
        "unused_expertise": Each(
            "unused", {**of("0.mentor", "id", "name"), "expertise": "1"}
        ),
    }
)
@struct
class NetworkReport:
    needs: list[Need]
    unused: list[tuple[MentorView, list[str]]]
    mentors: int
    problems: list[Problem]

    @property
    def gaps(self) -> list[Need]:
        return [need for need in self.needs if need.gap]


def network(journal: Journal) -> NetworkReport:
    settings, problems = journal.settings_or_default()
    goals = journal.load(GOALS)
    listing = list_mentors(journal)
    available = [v for v in listing.views if v.mentor.available]

    needs: dict[str, Need] = {}
    for stored in goals.records:
        goal = stored.record
        if goal.status == "active" and goal.area and goal.area.strip():
            key = " ".join(sorted(_words(goal.area))) or goal.area.lower()
            need = needs.setdefault(key, Need(goal.area.strip(), []))
            need.sources.append(goal.title)
    for wanted in settings.needs:
        if wanted.strip():
            key = " ".join(sorted(_words(wanted))) or wanted.lower()
            needs.setdefault(key, Need(wanted.strip(), [])).sources.append("settings")

    for need in needs.values():
        need.mentors = [
            v
            for v in available
            if any(covers(e, need.area) for e in v.mentor.expertise)
        ]
    unused = []
    for view in available:
        idle = [
            e
            for e in view.mentor.expertise
            if not any(covers(e, need.area) for need in needs.values())
        ]
        if idle:
            unused.append((view, idle))
    ordered = sorted(needs.values(), key=lambda n: (not n.gap, n.area.lower()))
    return NetworkReport(
        ordered, unused, len(available), [*problems, *goals.problems, *listing.problems]
    )
