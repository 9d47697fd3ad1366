"""`checklist`: the habits that make mentorship work (SPEC §5), each checked
against the journal with its evidence, and what to do when it fails."""

from __future__ import annotations

import itertools
from bisect import bisect_right
from collections.abc import Mapping
from datetime import date, timedelta
from typing import Literal

from mentorlog import messages as m
from mentorlog._struct import struct
from mentorlog.core.schedule import CADENCE_SLACK, cadence_days
from mentorlog.hints import TEXT, Slot, hint
from mentorlog.models import Mentor, Session, Settings
from mentorlog.store.journal import Journal, Problem
from mentorlog.store.kinds import ACTIONS, GOALS, LOG, MENTORS, RESOURCES, SESSIONS
from mentorlog.tojson import json_keys

from .network import network
from .smart import check_goal, keep_titles, remember_titles, score

Mark = Literal["pass", "fail", "n/a"]
RECENT = 5  # sessions looked at for per-session habits


@json_keys(
    {
        "number": "number",
        "title": "title",
        "status": "mark",
        "evidence": "evidence",
        "advice": "advice",
    }
)
@struct(frozen=True)
class Item:
    number: int
    title: m.ChecklistMessage
    mark: Mark
    evidence: m.ChecklistMessage
    advice: m.ChecklistMessage | None = None


@json_keys(
    {
        "mentor": "mentor",
        "score": "passed",
        "applicable": "applicable",
        "items": "items",
    }
)
@struct
class Checklist:
    items: list[Item]
    mentor: str | None
    problems: list[Problem]

    @property
    def passed(self) -> int:
        return sum(1 for i in self.items if i.mark == "pass")

    @property
    def applicable(self) -> int:
        return sum(1 for i in self.items if i.mark != "n/a")


def checklist(
    journal: Journal, today: date, mentor_ref: str | None = None
) -> Checklist:
    settings, problems = journal.settings_or_default()
    mentors_loaded = journal.load(MENTORS)
    if mentor_ref is not None:
        chosen = journal.resolve(MENTORS, mentor_ref, mentors_loaded).record
        relationships = [chosen]
    else:
        chosen = None
        relationships = [s.record for s in mentors_loaded.records if s.record.available]
    ids = {mentor.id for mentor in relationships}
    sessions = sorted(
        (s.record for s in journal.load(SESSIONS).records if s.record.mentor in ids),
        key=lambda s: (s.date, s.created),
    )
    held = [s for s in sessions if s.status == "held" and s.date <= today]
    # a flash meeting is one ask: asking feedback on an area is a habit of
    # ongoing mentorships, so item 5 counts only their meetings
    flash = {mentor.id for mentor in relationships if mentor.kind == "flash"}
    recent = held[-RECENT:]
    items = [
        _goals(journal, settings, today),
        _cadence(relationships, sessions, held, today, mentors_loaded.short),
        _agendas(held),
        _records(journal, held),
        _feedback_asked(
            [s for s in held if s.mentor not in flash][-RECENT:], bool(held)
        ),
        _resources(journal, settings, held, today),
        _shared(journal, held),
        _appreciation(recent, today),
        _agreements(relationships),
        _reviews(relationships, settings, today),
        _network(journal),
    ]
    return Checklist(
        items, chosen.name if chosen else None, [*problems, *mentors_loaded.problems]
    )


def _goals(journal: Journal, settings: Settings, today: date) -> Item:
    t = settings.targets
    title = m.GoalsHabit(t.goals_min, t.goals_max)
    active = [
        s.record for s in journal.load(GOALS).records if s.record.status == "active"
    ]
    dated = sum(1 for g in active if g.target)
    remember_titles(journal)
    complete = sum(1 for g in active if score(check_goal(g, today)) == 5)
    keep_titles(journal, [s.record.title.strip() for s in journal.load(GOALS).records])
    evidence = m.GoalsEvidence(len(active), dated, complete, t.goals_min, t.goals_max)
    if not active:
        return Item(
            1,
            title,
            "fail",
            m.NoActiveGoal(),
            m.AddFirstGoal(hint("goals", "add", Slot('"build ... within 3 months"'))),
        )
    ok = t.goals_min <= len(active) <= t.goals_max and complete == len(active)
    if ok:
        return Item(1, title, "pass", evidence)
    if len(active) < t.goals_min:
        advice: m.ChecklistMessage = m.AddGoal(hint("goals", "add", Slot("...")))
    elif len(active) > t.goals_max:
        advice = m.FinishOrDrop(hint("goals", "done"))
    else:
        advice = m.CheckGoals(hint("goals", "check"))
    return Item(1, title, "fail", evidence, advice)


def _cadence(
    mentors: list[Mentor],
    sessions: list[Session],
    held: list[Session],
    today: date,
    shorts: Mapping[str, str],
) -> Item:
    title = m.Habit(2)
    ongoing = [mentor for mentor in mentors if mentor.kind == "ongoing"]
    if not ongoing:
        return Item(2, title, "n/a", m.NoOngoingMentor())
    notes: list[m.CadenceNote] = []
    failing: list[Mentor] = []
    held_with: dict[str, list[Session]] = {}
    for session in held:
        held_with.setdefault(session.mentor, []).append(session)
    planned_with: dict[str, list[Session]] = {}
    for session in sessions:
        if session.status == "planned" and session.date >= today:
            planned_with.setdefault(session.mentor, []).append(session)
    for mentor in ongoing:
        cadence = mentor.effective_cadence
        own = held_with.get(mentor.id, [])
        upcoming = planned_with.get(mentor.id, [])
        if not cadence:
            notes.append(m.CadenceNote(mentor.name, None))
            failing.append(mentor)
            continue
        limit = cadence_days(cadence, today) * CADENCE_SLACK
        dates = [s.date for s in own]
        # the gap after the last meeting counts too: up to the next one, or today
        horizon = upcoming[0].date if upcoming else today
        ends = [*dates, horizon] if dates else []
        late_gaps = sum(1 for a, b in itertools.pairwise(ends) if (b - a).days > limit)
        next_on = upcoming[0].date if upcoming else None
        notes.append(m.CadenceNote(mentor.name, cadence, len(own), late_gaps, next_on))
        if late_gaps or not upcoming:
            failing.append(mentor)
    if failing:
        return Item(
            2,
            title,
            "fail",
            m.CadenceEvidence(tuple(notes)),
            m.PlanNext(hint("prep", shorts.get(failing[0].id, ""))),
        )
    return Item(2, title, "pass", m.CadenceEvidence(tuple(notes)))


def _agendas(held: list[Session]) -> Item:
    title = m.Habit(3)
    if not held:
        return Item(3, title, "n/a", m.NoMeetingHeld())
    prepared = sum(1 for s in held if s.agenda_on and s.agenda_on <= s.date)
    evidence = m.AgendasEvidence(prepared, len(held))
    if prepared == len(held):
        return Item(3, title, "pass", evidence)
    advice = m.PrepEach(hint("prep"))
    return Item(3, title, "fail", evidence, advice)


def _records(journal: Journal, held: list[Session]) -> Item:
    title = m.Habit(4)
    if not held:
        return Item(4, title, "n/a", m.NoMeetingHeld())
    with_actions = {s.value("session") for s in journal.load(ACTIONS).records}
    takeaways = sum(1 for s in held if s.takeaways)
    actions = sum(1 for s in held if s.id in with_actions)
    evidence = m.RecordsEvidence(takeaways, len(held), actions)
    if takeaways == len(held) and actions == len(held):
        return Item(4, title, "pass", evidence)
    return Item(
        4,
        title,
        "fail",
        evidence,
        m.RecordEach(hint("recap", Slot("M"), "--takeaway", TEXT, "--action", TEXT)),
    )


def _feedback_asked(recent: list[Session], any_held: bool = False) -> Item:
    title = m.Habit(5)
    if not recent:
        if any_held:
            return Item(5, title, "n/a", m.OnlyFlashHeld())
        return Item(5, title, "n/a", m.NoMeetingHeld())
    asked = sum(1 for s in recent if s.feedback_asked)
    evidence = m.FeedbackEvidence(asked, len(recent))
    if asked == len(recent):
        return Item(5, title, "pass", evidence)
    return Item(
        5,
        title,
        "fail",
        evidence,
        m.AskFeedbackEach(),
    )


def _resources(
    journal: Journal, settings: Settings, held: list[Session], today: date
) -> Item:
    target = settings.targets.resources_between_sessions
    title = m.ResourcesHabit(target)
    done = sorted(
        s.record.done_on
        for s in journal.load(RESOURCES).records
        if s.record.done and s.record.done_on
    )
    # intervals between one mentor's consecutive meetings (the last three each)
    by_mentor: dict[str, list[date]] = {}
    for session in held:
        by_mentor.setdefault(session.mentor, []).append(session.date)
    counts: list[int] = []
    for dates in by_mentor.values():
        recent = dates[-4:]
        counts += [
            bisect_right(done, b) - bisect_right(done, a)  # a < d <= b
            for a, b in itertools.pairwise(recent)
        ]
    last = max((s.date for s in held), default=None)
    current = sum(1 for d in done if last is None or d > last)
    if not counts:
        return Item(
            6,
            title,
            "n/a",
            m.ResourcesNotYet(current),
        )
    evidence = m.ResourcesEvidence(tuple(counts), target, current)
    if all(c >= target for c in counts):
        return Item(6, title, "pass", evidence)
    return Item(
        6,
        title,
        "fail",
        evidence,
        m.ExploreBetween(hint("resources", "add", TEXT)),
    )


def _shared(journal: Journal, held: list[Session]) -> Item:
    title = m.Habit(7)
    if not held:
        return Item(7, title, "n/a", m.NoMeetingHeld())
    last = held[-1].date
    entries = [
        s.record
        for s in journal.load(LOG).records
        if s.record.kind in ("win", "challenge")
        and s.record.date >= last
        and not s.record.private
    ]
    wins = sum(1 for e in entries if e.kind == "win")
    evidence = m.SharedEvidence(wins, len(entries) - wins, last)
    if entries:
        return Item(7, title, "pass", evidence)
    return Item(
        7,
        title,
        "fail",
        evidence,
        m.LogToShare(hint("log", "add", TEXT, "--kind", "win")),
    )


def _appreciation(recent: list[Session], today: date) -> Item:
    title = m.Habit(8)
    if not recent:
        return Item(8, title, "n/a", m.NoMeetingHeld())
    thanked_there = sum(1 for s in recent if s.appreciated)
    notes = sum(1 for s in recent if s.thanked_on)
    # a note is owed from the day after the meeting: today's is not late yet
    owed = [s for s in recent if s.thanked_on is None and s.date < today]
    n = len(recent)
    pending = n - notes - len(owed)
    evidence = m.AppreciationEvidence(thanked_there, n, notes, pending)
    if thanked_there == n and not owed:
        return Item(8, title, "pass", evidence)
    return Item(
        8,
        title,
        "fail",
        evidence,
        m.ThankEach(),
    )


def _agreements(mentors: list[Mentor]) -> Item:
    title = m.Habit(9)
    ongoing = [mentor for mentor in mentors if mentor.kind == "ongoing"]
    if not ongoing:
        return Item(9, title, "n/a", m.NoOngoingMentor())
    parts = []
    first_open = None
    for mentor in ongoing:
        open_parts = mentor.agreement.open_parts()
        parts.append((mentor.name, 12 - len(open_parts)))
        if open_parts and first_open is None:
            first_open = (mentor, open_parts)
    if first_open is None:
        return Item(9, title, "pass", m.AgreementsEvidence(tuple(parts)))
    mentor, open_parts = first_open
    return Item(
        9,
        title,
        "fail",
        m.AgreementsEvidence(tuple(parts), mentor.name, tuple(open_parts)),
        m.AgreeOpen(hint("mentors", "agree", Slot("M"), Slot("--..."))),
    )


def _reviews(mentors: list[Mentor], settings: Settings, today: date) -> Item:
    period = settings.targets.review_period_days
    title = m.ReviewsHabit(period)
    ongoing = [mentor for mentor in mentors if mentor.kind == "ongoing"]
    if not ongoing:
        return Item(10, title, "n/a", m.NoOngoingMentor())
    notes: list[tuple[str, date | None, date | None]] = []
    due: list[Mentor] = []
    window = timedelta(days=period)
    for mentor in ongoing:
        start = mentor.promoted_on or mentor.created
        review = mentor.reviewed_on
        given = mentor.feedback_given_on
        review_ok = (review is not None and today - review <= window) or (
            review is None and today - start < window
        )
        given_ok = (given is not None and today - given <= window) or (
            given is None and today - start < window
        )
        notes.append((mentor.name, review, given))
        if not (review_ok and given_ok):
            due.append(mentor)
    young = all(
        mentor.reviewed_on is None
        and mentor.feedback_given_on is None
        and today - (mentor.promoted_on or mentor.created) < window
        for mentor in ongoing
    )
    if young:
        return Item(10, title, "n/a", m.ReviewsEvidence(tuple(notes), period))
    if due:
        return Item(
            10,
            title,
            "fail",
            m.ReviewsEvidence(tuple(notes)),
            m.ReviewAndTell(hint("mentors", "review", Slot("M"))),
        )
    return Item(10, title, "pass", m.ReviewsEvidence(tuple(notes)))


def _network(journal: Journal) -> Item:
    title = m.Habit(11)
    report = network(journal)
    if not report.needs:
        return Item(11, title, "n/a", m.NoGoalArea())
    gaps = [n.area for n in report.gaps]
    covered = len(report.needs) - len(gaps)
    evidence = m.NetworkEvidence(covered, len(report.needs), tuple(gaps))
    if not gaps:
        return Item(11, title, "pass", evidence)
    return Item(
        11,
        title,
        "fail",
        evidence,
        m.FindForGap(hint("mentors", "ask", Slot("NAME"), "--expertise", Slot("AREA"))),
    )
