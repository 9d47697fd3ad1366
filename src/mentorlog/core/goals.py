"""Goals and their milestones: add, list, show, close, milestone, tick, check."""

from __future__ import annotations

from dataclasses import field
from datetime import date
from typing import Any

from mentorlog import messages as m
from mentorlog._struct import struct
from mentorlog.errors import AmbiguousError, NotFoundError, UserError
from mentorlog.hints import Slot, hint
from mentorlog.messages import errors as e
from mentorlog.models import Goal, GoalStatus, Milestone
from mentorlog.store.ids import new_id, short_ids
from mentorlog.store.journal import Journal, Loaded, Problem, Stored
from mentorlog.store.kinds import GOALS
from mentorlog.store.refs import normal
from mentorlog.tojson import Each, json_keys, of

from .common import one_line
from .smart import (
    MILESTONES,
    Gap,
    PortfolioCheck,
    check_goal,
    deadline_in_title,
    keep_titles,
    remember_titles,
    score,
    scored,
)

MAX_TITLE = 500


@struct(frozen=True)
class GoalDraft:
    title: str
    specific: str | None = None
    measurable: str | None = None
    achievable: str | None = None
    relevant: str | None = None
    target: date | None = None
    area: str | None = None
    mentor: str | None = None
    private: bool = False


@json_keys(
    {
        **of("goal", "id"),
        "short_id": "short",
        **of("goal", "title", "status", "created", "target", "closed"),
        "days_left": "days_left",
        "progress": lambda view: round(view.goal.progress, 4),
        **of("goal", "area", "mentor", "specific", "measurable", "achievable"),
        **of("goal", "relevant", "private"),
        "milestones": Each(
            "goal.milestones", of("", "title", "due", "done", "done_on", "private")
        ),
        "next_milestone": lambda view: _title(view.goal.next_milestone()),
        "smart_score": "score",
        "smart_gaps": "missing_parts",
        "file": "file",
    }
)
@struct
class GoalView:
    """A goal as the CLI shows it: the record plus what is derived from it."""

    goal: Goal
    short: str
    file: str
    today: date
    gaps: list[Gap] = field(default_factory=list)

    @property
    def days_left(self) -> int | None:
        return (self.goal.target - self.today).days if self.goal.target else None

    @property
    def score(self) -> int:
        return score(self.gaps)

    @property
    def scored(self) -> bool:
        """False when the coach cannot read the title (not English)."""
        return scored(self.gaps)

    @property
    def needs_milestones(self) -> bool:
        return any(g.part == MILESTONES for g in self.gaps)

    @property
    def missing_parts(self) -> list[str]:
        return [
            p
            for p in ("specific", "measurable", "achievable", "relevant", "time-bound")
            if any(g.part == p for g in self.gaps)
        ]


def _title(milestone: Milestone | None) -> str | None:
    return milestone.title if milestone else None


@struct
class GoalList:
    views: list[GoalView]
    problems: list[Problem]
    hidden: int = 0


@struct
class Added:
    view: GoalView
    notes: list[m.GoalMessage] = field(default_factory=list)


def _view(
    journal: Journal, stored: Stored[Goal], loaded: Loaded[Goal], today: date
) -> GoalView:
    short = (
        loaded.short.get(stored.record.id)
        or short_ids([stored.record.id])[stored.record.id]
    )
    return GoalView(
        goal=stored.record,
        short=short,
        file=stored.file,
        today=today,
        gaps=check_goal(stored.record, today, ref=short),
    )


def mentor_name_of(journal: Journal, ref: str | None) -> str | None:
    """The mentor a goal names, resolved like every reference: a name nobody
    has is an error, not text kept raw. The goal keeps their full name."""
    cleaned = _clean(ref)
    if cleaned is None:
        return None
    from mentorlog.store.kinds import MENTORS

    return journal.resolve(MENTORS, cleaned).record.name


def _clean(text: str | None) -> str | None:
    if text is None:
        return None
    stripped = text.strip()
    return stripped or None


def _sort_key(view: GoalView) -> tuple[int, date, str]:
    order = {"active": 0, "done": 1, "dropped": 2}
    return (
        order[view.goal.status],
        view.goal.target or date.max,
        view.goal.title.lower(),
    )


def list_goals(
    journal: Journal, today: date, *, include_closed: bool = False
) -> GoalList:
    loaded = journal.load(GOALS)
    remember_titles(journal)
    views = [_view(journal, s, loaded, today) for s in loaded.records]
    keep_titles(journal, [v.goal.title.strip() for v in views])
    shown = [v for v in views if include_closed or v.goal.status == "active"]
    return GoalList(
        views=sorted(shown, key=_sort_key),
        problems=loaded.problems,
        hidden=len(views) - len(shown),
    )


def get_goal(journal: Journal, ref: str, today: date) -> GoalView:
    loaded = journal.load(GOALS)
    return _view(journal, journal.resolve(GOALS, ref, loaded), loaded, today)


def add_goal(journal: Journal, draft: GoalDraft, today: date) -> Added:
    title = _checked_title(draft.title)
    notes: list[m.GoalMessage] = []
    target = draft.target
    if target is None:
        target = deadline_in_title(title, today)
        if target is not None:
            notes.append(m.TargetFromTitle(target))
    if target is not None and target < today:
        notes.append(m.TargetPast(target))
    goal = Goal(
        id=new_id(),
        title=title,
        created=today,
        target=target,
        area=_clean(draft.area),
        mentor=mentor_name_of(journal, draft.mentor),
        specific=_clean(draft.specific),
        measurable=_clean(draft.measurable),
        achievable=_clean(draft.achievable),
        relevant=_clean(draft.relevant),
        private=draft.private,
    )
    with journal.transaction():
        loaded = journal.load(GOALS)
        twins = [
            s
            for s in loaded.records
            if s.record.status == "active" and s.record.title.lower() == title.lower()
        ]
        if twins:
            twin = loaded.short[twins[0].record.id]
            notes.append(m.SameTitle(twin))
        path = journal.save(GOALS, goal)
        loaded = journal.load(GOALS)
        stored = next(s for s in loaded.records if s.path == path)
        return Added(_view(journal, stored, loaded, today), notes)


@struct(frozen=True)
class GoalChanges:
    """What `goals edit` sets; None leaves a field as it is."""

    title: str | None = None
    specific: str | None = None
    measurable: str | None = None
    achievable: str | None = None
    relevant: str | None = None
    target: date | None = None
    area: str | None = None
    mentor: str | None = None
    private: bool | None = None


def _checked_title(text: str) -> str:
    title = one_line(text)
    if not title:
        raise UserError(e.TitleEmpty())
    if len(title) > MAX_TITLE:
        raise UserError(e.TitleTooLong(len(title), MAX_TITLE))
    return title


def edit_goal(journal: Journal, ref: str, changes: GoalChanges, today: date) -> Added:
    """Set the fields `changes` gives, checked as `add_goal` checks them. The
    file keeps its name when the title changes (its id is what refers to it);
    what the user wrote by hand in it stays."""
    update: dict[str, Any] = {}
    if changes.title is not None:
        update["title"] = _checked_title(changes.title)
    for name in ("specific", "measurable", "achievable", "relevant", "area"):
        value = getattr(changes, name)
        if value is not None:
            cleaned = _clean(value)
            if cleaned is None:
                flag = "measure" if name == "measurable" else name
                raise UserError(e.FieldEmpty(flag))
            update[name] = one_line(cleaned)
    if changes.target is not None:
        update["target"] = changes.target
    if changes.mentor is not None:
        update["mentor"] = mentor_name_of(journal, changes.mentor)
    if changes.private is not None:
        update["private"] = changes.private
    if not update:
        raise UserError(e.NothingToChange())
    notes: list[m.GoalMessage] = []
    if changes.target is not None and changes.target < today:
        notes.append(m.TargetPast(changes.target))
    with journal.transaction():
        loaded = journal.load(GOALS)
        stored = journal.resolve(GOALS, ref, loaded)
        updated = stored.record.model_copy(update=update)
        journal.save(GOALS, updated, stored)
        stored.record = updated
        return Added(_view(journal, stored, loaded, today), notes)


def close_goal(journal: Journal, ref: str, status: GoalStatus, today: date) -> GoalView:
    with journal.transaction():
        loaded = journal.load(GOALS)
        stored = journal.resolve(GOALS, ref, loaded)
        goal = stored.record
        if goal.status == status:
            raise UserError(e.GoalAlready(goal.title, status, goal.closed))
        updated = goal.model_copy(update={"status": status, "closed": today})
        journal.save(GOALS, updated, stored)
        stored.record = updated
        return _view(journal, stored, loaded, today)


def add_milestone(
    journal: Journal,
    ref: str,
    title: str,
    due: date | None,
    today: date,
    *,
    private: bool = False,
) -> tuple[GoalView, int]:
    """Add a milestone; return the goal and the milestone's number (from 1)."""
    text = one_line(title)
    if not text:
        raise UserError(e.MilestoneTitleEmpty())
    if len(text) > MAX_TITLE:
        raise UserError(e.MilestoneTitleTooLong(MAX_TITLE))
    with journal.transaction():
        loaded = journal.load(GOALS)
        stored = journal.resolve(GOALS, ref, loaded)
        goal = stored.record
        if goal.status != "active":
            raise UserError(e.GoalNotActive(goal.title, goal.status))
        for number, known in enumerate(goal.milestones, 1):
            if normal(known.title) == normal(text):
                due_is = ("--due", Slot("DATE"))
                edit = hint("goals", "milestone", ref, str(number), *due_is)
                raise UserError(e.MilestoneExists(goal.title, text, edit))
        milestones = [*goal.milestones, Milestone(title=text, due=due, private=private)]
        updated = goal.model_copy(update={"milestones": milestones})
        journal.save(GOALS, updated, stored)
        stored.record = updated
        return _view(journal, stored, loaded, today), len(milestones)


def edit_milestone(
    journal: Journal,
    ref: str,
    which: str,
    today: date,
    *,
    title: str | None = None,
    due: date | None = None,
    remove: bool = False,
    private: bool | None = None,
) -> tuple[GoalView, int, Milestone]:
    """Rename, re-date or remove the milestone `which` names (its number as
    listed, or the start of its title). Returns the goal, the milestone's
    index and the milestone as it was."""
    if remove and (title is not None or due is not None or private is not None):
        raise UserError(e.RemoveAlone())
    text = None if title is None else one_line(title)
    if text is not None and not text:
        raise UserError(e.MilestoneTitleEmpty())
    if text is not None and len(text) > MAX_TITLE:
        raise UserError(e.MilestoneTitleTooLong(MAX_TITLE))
    if not remove and text is None and due is None and private is None:
        raise UserError(e.SayMilestoneChange())
    with journal.transaction():
        loaded = journal.load(GOALS)
        stored = journal.resolve(GOALS, ref, loaded)
        goal = stored.record
        index = find_milestone(goal, which)
        before = goal.milestones[index]
        milestones = list(goal.milestones)
        if remove:
            del milestones[index]
        else:
            if text is not None and any(
                i != index and normal(known.title) == normal(text)
                for i, known in enumerate(milestones)
            ):
                raise UserError(e.MilestoneExists(goal.title, text, None))
            update: dict[str, Any] = {}
            if text is not None:
                update["title"] = text
            if due is not None:
                update["due"] = due
            if private is not None:
                update["private"] = private
            milestones[index] = before.model_copy(update=update)
        updated = goal.model_copy(update={"milestones": milestones})
        journal.save(GOALS, updated, stored)
        stored.record = updated
        return _view(journal, stored, loaded, today), index, before


def find_milestone(goal: Goal, which: str) -> int:
    """The index of the milestone `which` names: its number as `goals show`
    lists it, its exact title, or the start of its title. The number comes
    first, so every milestone can be named by its number even when another's
    title is that number (a milestone renamed "2" does not hide milestone 2)."""
    needle = " ".join(which.split()).lower()
    if not needle:
        raise UserError(e.SayWhichMilestone())
    if not goal.milestones:
        raise NotFoundError(e.NoMilestones(goal.title))
    if needle.isdecimal() and 1 <= int(needle) <= len(goal.milestones):
        return int(needle) - 1
    exact = [i for i, one in enumerate(goal.milestones) if one.title.lower() == needle]
    if len(exact) == 1:
        return exact[0]
    found = [
        i
        for i, one in enumerate(goal.milestones)
        if one.title.lower().startswith(needle)
    ]
    if len(found) == 1:
        return found[0]
    if found:
        listed = tuple((i + 1, goal.milestones[i].title) for i in found)
        raise AmbiguousError(e.MilestonesMatch(which, listed))
    if needle.isdecimal():
        count = len(goal.milestones)
        raise NotFoundError(e.MilestoneOutOfRange(goal.title, count, needle))
    raise NotFoundError(e.NoMilestoneMatching(goal.title, which))


def tick_milestone(
    journal: Journal, ref: str, which: str, today: date
) -> tuple[GoalView, int]:
    """Complete a milestone; return the goal and the milestone's index."""
    with journal.transaction():
        loaded = journal.load(GOALS)
        stored = journal.resolve(GOALS, ref, loaded)
        goal = stored.record
        index = find_milestone(goal, which)
        milestone = goal.milestones[index]
        if milestone.done:
            raise UserError(e.MilestoneDone(milestone.title, milestone.done_on))
        milestones = list(goal.milestones)
        milestones[index] = milestone.model_copy(
            update={"done": True, "done_on": today}
        )
        updated = goal.model_copy(update={"milestones": milestones})
        journal.save(GOALS, updated, stored)
        stored.record = updated
        return _view(journal, stored, loaded, today), index


@json_keys(
    Each(
        "views",
        {
            **of("goal", "id"),
            "short_id": "short",
            "title": "goal.title",
            **of("", "score", "scored"),
            "gaps": Each("gaps", of("", "part", "message")),
        },
    )
)
@struct
class CheckReport:
    views: list[GoalView]
    portfolio: PortfolioCheck
    problems: list[Problem]


def check_goals(journal: Journal, ref: str | None, today: date) -> CheckReport:
    settings, problems = journal.settings_or_default()
    loaded = journal.load(GOALS)
    remember_titles(journal)
    views = [_view(journal, s, loaded, today) for s in loaded.records]
    keep_titles(journal, [v.goal.title.strip() for v in views])
    active = [v for v in views if v.goal.status == "active"]
    if ref is not None:
        chosen = journal.resolve(GOALS, ref, loaded)
        selected = [v for v in views if v.goal.id == chosen.record.id]
    else:
        selected = sorted(active, key=_sort_key)
    portfolio = PortfolioCheck(
        active=len(active),
        dated=sum(1 for v in active if v.goal.target is not None),
        complete=sum(1 for v in active if v.score == 5),
        targets=settings.targets,
    )
    return CheckReport(selected, portfolio, [*problems, *loaded.problems])
