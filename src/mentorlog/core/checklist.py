"""`checklist`: the habits that make mentorship work (SPEC §5), each checked
against the journal with its evidence, and what to do when it fails."""

from __future__ import annotations

import itertools
from bisect import bisect_right
from collections.abc import Mapping
from datetime import date, timedelta
from typing import Literal

from mentorlog._struct import struct
from mentorlog.core.schedule import CADENCE_SLACK, cadence_days
from mentorlog.hints import TEXT, Said, Slot, Words, hint
from mentorlog.models import Mentor, Session, Settings
from mentorlog.store.journal import Journal, Problem
from mentorlog.store.kinds import ACTIONS, GOALS, LOG, MENTORS, RESOURCES, SESSIONS
from mentorlog.tojson import json_keys
from mentorlog.words import plural

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
    title: str
    mark: Mark
    evidence: str
    advice: Words | None = None


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
        relationships = [m.record for m in mentors_loaded.records if m.record.available]
    ids = {m.id for m in relationships}
    sessions = sorted(
        (s.record for s in journal.load(SESSIONS).records if s.record.mentor in ids),
        key=lambda s: (s.date, s.created),
    )
    held = [s for s in sessions if s.status == "held" and s.date <= today]
    # a flash meeting is one ask: asking feedback on an area is a habit of
    # ongoing mentorships, so item 5 counts only their meetings
    flash = {m.id for m in relationships if m.kind == "flash"}
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
    title = f"{t.goals_min}-{t.goals_max} SMART goals with target dates"
    active = [
        s.record for s in journal.load(GOALS).records if s.record.status == "active"
    ]
    dated = sum(1 for g in active if g.target)
    remember_titles(journal)
    complete = sum(1 for g in active if score(check_goal(g, today)) == 5)
    keep_titles(journal, [s.record.title.strip() for s in journal.load(GOALS).records])
    evidence = (
        f"{plural(len(active), 'active goal')}; {dated} with a target date, "
        f"{complete} with every SMART part (target {t.goals_min}-{t.goals_max})"
    )
    if not active:
        return Item(
            1,
            title,
            "fail",
            "no active goal yet",
            Said(
                "add one: ", hint("goals", "add", Slot('"build ... within 3 months"'))
            ),
        )
    ok = t.goals_min <= len(active) <= t.goals_max and complete == len(active)
    if ok:
        return Item(1, title, "pass", evidence)
    if len(active) < t.goals_min:
        advice: Words = Said("add a goal: ", hint("goals", "add", Slot("...")))
    elif len(active) > t.goals_max:
        advice = Said("finish or drop some: ", hint("goals", "done"), " / goals drop")
    else:
        advice = Said(hint("goals", "check"), " shows what each goal is missing")
    return Item(1, title, "fail", evidence, advice)


def _cadence(
    mentors: list[Mentor],
    sessions: list[Session],
    held: list[Session],
    today: date,
    shorts: Mapping[str, str],
) -> Item:
    title = "Meetings on the agreed cadence; the next one scheduled"
    ongoing = [m for m in mentors if m.kind == "ongoing"]
    if not ongoing:
        return Item(2, title, "n/a", "no ongoing mentor yet")
    notes, failing = [], []
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
            notes.append(f"{mentor.name}: no cadence agreed")
            failing.append(mentor)
            continue
        limit = cadence_days(cadence, today) * CADENCE_SLACK
        dates = [s.date for s in own]
        # the gap after the last meeting counts too: up to the next one, or today
        horizon = upcoming[0].date if upcoming else today
        ends = [*dates, horizon] if dates else []
        late_gaps = sum(1 for a, b in itertools.pairwise(ends) if (b - a).days > limit)
        part = f"{mentor.name}: {plural(len(own), 'meeting')} ({cadence})"
        if late_gaps:
            part += f", {plural(late_gaps, 'gap')} longer than the cadence"
        if upcoming:
            part += f", next on {upcoming[0].date.isoformat()}"
        else:
            part += ", no next meeting planned"
        notes.append(part)
        if late_gaps or not upcoming:
            failing.append(mentor)
    if failing:
        return Item(
            2,
            title,
            "fail",
            "; ".join(notes),
            Said(
                "plan the next meeting: ", hint("prep", shorts.get(failing[0].id, ""))
            ),
        )
    return Item(2, title, "pass", "; ".join(notes))


def _agendas(held: list[Session]) -> Item:
    title = "An agenda prepared before each meeting"
    if not held:
        return Item(3, title, "n/a", "no meeting held yet")
    prepared = sum(1 for s in held if s.agenda_on and s.agenda_on <= s.date)
    evidence = f"agenda prepared for {prepared} of {plural(len(held), 'meeting')}"
    if prepared == len(held):
        return Item(3, title, "pass", evidence)
    advice = Said("run ", hint("prep"), " before each meeting")
    return Item(3, title, "fail", evidence, advice)


def _records(journal: Journal, held: list[Session]) -> Item:
    title = "Takeaways and action items recorded after each meeting"
    if not held:
        return Item(4, title, "n/a", "no meeting held yet")
    with_actions = {s.value("session") for s in journal.load(ACTIONS).records}
    takeaways = sum(1 for s in held if s.takeaways)
    actions = sum(1 for s in held if s.id in with_actions)
    evidence = (
        f"takeaways after {takeaways} of {plural(len(held), 'meeting')}, action items "
        f"after {actions}"
    )
    if takeaways == len(held) and actions == len(held):
        return Item(4, title, "pass", evidence)
    return Item(
        4,
        title,
        "fail",
        evidence,
        Said(
            "after each meeting: ",
            hint("recap", Slot("M"), "--takeaway", TEXT, "--action", TEXT),
        ),
    )


def _feedback_asked(recent: list[Session], any_held: bool = False) -> Item:
    title = "Feedback requested on at least one area each meeting"
    if not recent:
        if any_held:
            return Item(5, title, "n/a", "only flash meetings held yet")
        return Item(5, title, "n/a", "no meeting held yet")
    asked = sum(1 for s in recent if s.feedback_asked)
    evidence = (
        f"feedback requested in {asked} of the last {plural(len(recent), 'meeting')}"
    )
    if asked == len(recent):
        return Item(5, title, "pass", evidence)
    return Item(
        5,
        title,
        "fail",
        evidence,
        "ask about one area each time: prep --ask-feedback AREA, recap "
        "--feedback-asked AREA",
    )


def _resources(
    journal: Journal, settings: Settings, held: list[Session], today: date
) -> Item:
    target = settings.targets.resources_between_sessions
    title = f"At least {target} learning resources explored between meetings"
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
            f"{current} explored since the last meeting; checked once two "
            "meetings with a mentor are held",
        )
    evidence = (
        f"between meetings: {', '.join(map(str, counts))} (target {target}); "
        f"{current} since the last one"
    )
    if all(c >= target for c in counts):
        return Item(6, title, "pass", evidence)
    return Item(
        6,
        title,
        "fail",
        evidence,
        Said("explore something between meetings: ", hint("resources", "add", TEXT)),
    )


def _shared(journal: Journal, held: list[Session]) -> Item:
    title = "An achievement or challenge shared since the last meeting"
    if not held:
        return Item(7, title, "n/a", "no meeting held yet")
    last = held[-1].date
    entries = [
        s.record
        for s in journal.load(LOG).records
        if s.record.kind in ("win", "challenge")
        and s.record.date >= last
        and not s.record.private
    ]
    wins = sum(1 for e in entries if e.kind == "win")
    evidence = (
        f"{plural(wins, 'win')}, {plural(len(entries) - wins, 'challenge')} "
        f"logged since {last.isoformat()}"
    )
    if entries:
        return Item(7, title, "pass", evidence)
    return Item(
        7,
        title,
        "fail",
        evidence,
        Said("log one to share: ", hint("log", "add", TEXT, "--kind", "win")),
    )


def _appreciation(recent: list[Session], today: date) -> Item:
    title = "Appreciation at each meeting; a thank-you note after it"
    if not recent:
        return Item(8, title, "n/a", "no meeting held yet")
    thanked_there = sum(1 for s in recent if s.appreciated)
    notes = sum(1 for s in recent if s.thanked_on)
    # a note is owed from the day after the meeting: today's is not late yet
    owed = [s for s in recent if s.thanked_on is None and s.date < today]
    n = len(recent)
    pending = n - notes - len(owed)
    evidence = (
        f"appreciation expressed in {thanked_there} of the last "
        f"{plural(n, 'meeting')}; thank-you notes after {notes}"
        + (f" ({pending} not due yet)" if pending else "")
    )
    if thanked_there == n and not owed:
        return Item(8, title, "pass", evidence)
    return Item(
        8,
        title,
        "fail",
        evidence,
        "thank them at the end (recap --appreciated) and send a note "
        "(followups done thanks-...)",
    )


def _agreements(mentors: list[Mentor]) -> Item:
    title = "A complete agreement with each ongoing mentor"
    ongoing = [m for m in mentors if m.kind == "ongoing"]
    if not ongoing:
        return Item(9, title, "n/a", "no ongoing mentor yet")
    parts = []
    first_open = None
    for mentor in ongoing:
        open_parts = mentor.agreement.open_parts()
        parts.append(f"{mentor.name}: {12 - len(open_parts)}/12")
        if open_parts and first_open is None:
            first_open = (mentor, open_parts)
    evidence = "; ".join(parts)
    if first_open is None:
        return Item(9, title, "pass", evidence)
    mentor, open_parts = first_open
    shown = ", ".join(p.replace("_", " ") for p in open_parts[:4])
    return Item(
        9,
        title,
        "fail",
        f"{evidence} (open with {mentor.name}: {shown}"
        + (", ..." if len(open_parts) > 4 else "")
        + ")",
        Said(
            "agree on the open parts: ",
            hint("mentors", "agree", Slot("M"), Slot("--...")),
        ),
    )


def _reviews(mentors: list[Mentor], settings: Settings, today: date) -> Item:
    period = settings.targets.review_period_days
    title = f"Feedback given to the mentor and a review, every {plural(period, 'day')}"
    ongoing = [m for m in mentors if m.kind == "ongoing"]
    if not ongoing:
        return Item(10, title, "n/a", "no ongoing mentor yet")
    notes, due = [], []
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
        notes.append(
            f"{mentor.name}: review {review.isoformat() if review else 'not yet'}, "
            f"feedback to them {given.isoformat() if given else 'not yet'}"
        )
        if not (review_ok and given_ok):
            due.append(mentor)
    young = all(
        m.reviewed_on is None
        and m.feedback_given_on is None
        and today - (m.promoted_on or m.created) < window
        for m in ongoing
    )
    if young:
        return Item(
            10,
            title,
            "n/a",
            "; ".join(notes) + f" (due within {plural(period, 'day')})",
        )
    if due:
        return Item(
            10,
            title,
            "fail",
            "; ".join(notes),
            Said(
                "review how it works together, and tell them; then ",
                hint("mentors", "review", Slot("M")),
                " / followups done feedback-...",
            ),
        )
    return Item(10, title, "pass", "; ".join(notes))


def _network(journal: Journal) -> Item:
    title = "Your mentors cover your goal areas (or the gaps are named)"
    report = network(journal)
    if not report.needs:
        return Item(11, title, "n/a", "no goal has an area yet (goals add --area)")
    gaps = [n.area for n in report.gaps]
    covered = len(report.needs) - len(gaps)
    evidence = f"{covered} of {plural(len(report.needs), 'need')} covered"
    if not gaps:
        return Item(11, title, "pass", evidence)
    return Item(
        11,
        title,
        "fail",
        f"{evidence}; gaps: {', '.join(gaps)}",
        Said(
            "find someone for a gap: ",
            hint("mentors", "ask", Slot("NAME"), "--expertise", Slot("AREA")),
        ),
    )
