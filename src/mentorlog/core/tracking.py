"""Between meetings: action items, feedback received, learning resources, and the
log of wins, challenges and updates."""

from __future__ import annotations

from dataclasses import field
from datetime import date
from typing import Any, get_args

from mentorlog._struct import struct
from mentorlog.errors import UserError
from mentorlog.messages import errors as e
from mentorlog.models import (
    ActionItem,
    Feedback,
    LogEntry,
    LogKind,
    Resource,
    ResourceKind,
)
from mentorlog.store.ids import new_id
from mentorlog.store.journal import Journal, Problem
from mentorlog.store.kinds import ACTIONS, FEEDBACK, GOALS, LOG, MENTORS, RESOURCES
from mentorlog.tojson import json_keys, of
from mentorlog.words import plural

from .common import Saved, change, create, short_of, split_due, text_of

RESOURCE_KINDS: tuple[str, ...] = get_args(ResourceKind)
LOG_KINDS: tuple[str, ...] = get_args(LogKind)


@struct
class Names:
    """Mentor and goal names by id, for listings (an unknown id shows as itself)."""

    mentors: dict[str, str] = field(default_factory=dict)
    goals: dict[str, str] = field(default_factory=dict)

    @classmethod
    def of(cls, journal: Journal) -> Names:
        return cls(
            {s.record.id: s.record.name for s in journal.load(MENTORS).records},
            {s.record.id: s.record.title for s in journal.load(GOALS).records},
        )

    def mentor(self, mentor_id: str | None) -> str | None:
        return self.mentors.get(mentor_id, mentor_id) if mentor_id else None

    def goal(self, goal_id: str | None) -> str | None:
        return self.goals.get(goal_id, goal_id) if goal_id else None


def mentor_id(journal: Journal, ref: str | None) -> str | None:
    if ref is None:
        return None
    return journal.resolve(MENTORS, ref).record.id


def goal_id(journal: Journal, ref: str | None) -> str | None:
    if ref is None:
        return None
    return journal.resolve(GOALS, ref).record.id


# -- actions ----------------------------------------------------------------------
@json_keys(
    {
        **of("action", "id"),
        "short_id": "short",
        **of("action", "text", "status", "created", "due"),
        "overdue": lambda view: view.overdue_days > 0,
        "mentor": "mentor",
        "mentor_id": "action.mentor",
        "goal": "goal",
        "goal_id": "action.goal",
        "session_id": "action.session",
        **of("action", "closed", "private"),
    }
)
@struct
class ActionView:
    action: ActionItem
    short: str
    today: date
    mentor: str | None = None
    goal: str | None = None

    @property
    def overdue_days(self) -> int:
        a = self.action
        if a.status != "open" or a.due is None or a.due >= self.today:
            return 0
        return (self.today - a.due).days


@struct
class ActionList:
    views: list[ActionView]
    problems: list[Problem]
    hidden: int = 0
    open: int = 0  # open actions in the journal, whatever the filters


def new_action(
    text: str,
    today: date,
    *,
    due: date | None = None,
    mentor: str | None = None,
    goal: str | None = None,
    session: str | None = None,
) -> ActionItem:
    """An action from what the user typed; a `due:DATE` in it is its own date
    and wins over `due`, the date given to every action of a command. Given
    `due`, a `due:` word that is no date stays text."""
    words, own_due = split_due(text_of(text, "action"), today, strict=due is None)
    return ActionItem(
        id=new_id(),
        text=text_of(words, "action"),
        created=today,
        due=own_due or due,
        mentor=mentor,
        goal=goal,
        session=session,
    )


def warn_past_due(journal: Journal, actions: list[ActionItem], today: date) -> None:
    """A new action due before today is kept (it may be meant), and said once
    on stderr: more often it is a typo (`due:2020-01-01`, "last friday" for
    "next friday"). An existing action that became overdue is never said."""
    for action in actions:
        if action.due is not None and action.due < today:
            shown = action.text if len(action.text) <= 40 else action.text[:37] + "..."
            days = (today - action.due).days
            journal.warn_once(
                f'the new action "{shown}" is due {action.due.isoformat()}, '
                f"{plural(days, 'day')} ago; kept as given"
            )


def add_action(
    journal: Journal,
    text: str,
    today: date,
    *,
    due: date | None = None,
    mentor: str | None = None,
    goal: str | None = None,
    private: bool = False,
) -> Saved[ActionItem]:
    action = new_action(
        text,
        today,
        due=due,
        mentor=mentor_id(journal, mentor),
        goal=goal_id(journal, goal),
    )
    action.private = private
    warn_past_due(journal, [action], today)
    return create(journal, ACTIONS, action)


def list_actions(
    journal: Journal,
    today: date,
    *,
    include_closed: bool = False,
    overdue_only: bool = False,
    mentor: str | None = None,
    goal: str | None = None,
) -> ActionList:
    wanted_mentor = mentor_id(journal, mentor)
    wanted_goal = goal_id(journal, goal)
    loaded = journal.load(ACTIONS)
    names = Names.of(journal)
    # most actions of a long journal are closed: look at their status without
    # building them (see `Stored.value`)
    is_open = [stored.value("status") == "open" for stored in loaded.records]
    open_count = sum(is_open)
    actions = [
        stored.record
        for stored, opened in zip(loaded.records, is_open, strict=True)
        if opened or include_closed
    ]
    chosen = [
        ActionView(
            a, short_of(loaded, a), today, names.mentor(a.mentor), names.goal(a.goal)
        )
        for a in actions
        if (not overdue_only or (a.status == "open" and a.due and a.due < today))
        and (wanted_mentor is None or a.mentor == wanted_mentor)
        and (wanted_goal is None or a.goal == wanted_goal)
    ]
    order = {"open": 0, "done": 1, "dropped": 2}
    chosen.sort(
        key=lambda v: (
            order[v.action.status],
            v.action.due or date.max,
            v.action.created,
        )
    )
    # the closed ones `--all` would add to this very listing, filters and all
    hidden = (
        0
        if include_closed or overdue_only
        else sum(
            1
            for stored, opened in zip(loaded.records, is_open, strict=True)
            if not opened
            and (wanted_mentor is None or stored.value("mentor") == wanted_mentor)
            and (wanted_goal is None or stored.value("goal") == wanted_goal)
        )
    )
    return ActionList(chosen, loaded.problems, hidden, open_count)


def close_action(journal: Journal, ref: str, status: str, today: date) -> ActionView:
    def update(action: ActionItem) -> ActionItem:
        if action.status != "open":
            raise UserError(e.ActionAlready(action.text, action.status))
        return action.model_copy(update={"status": status, "closed": today})

    saved, _ = change(journal, ACTIONS, ref, update)
    return ActionView(saved.record, saved.short, today)


# -- feedback ---------------------------------------------------------------------
@json_keys(
    {
        **of("feedback", "id"),
        "short_id": "short",
        **of("feedback", "text", "received"),
        "mentor": "mentor",
        "mentor_id": "feedback.mentor",
        "area": "feedback.area",
        "session_id": "feedback.session",
        **of("feedback", "applied", "applied_on", "how", "private"),
    }
)
@struct
class FeedbackView:
    feedback: Feedback
    short: str
    mentor: str | None = None


def new_feedback(
    text: str,
    today: date,
    *,
    mentor: str | None = None,
    area: str | None = None,
    session: str | None = None,
) -> Feedback:
    return Feedback(
        id=new_id(),
        text=text_of(text, "feedback"),
        received=today,
        mentor=mentor,
        area=(area or "").strip() or None,
        session=session,
    )


def add_feedback(
    journal: Journal,
    text: str,
    today: date,
    *,
    mentor: str | None = None,
    area: str | None = None,
    private: bool = False,
) -> Saved[Feedback]:
    item = new_feedback(text, today, mentor=mentor_id(journal, mentor), area=area)
    item.private = private
    return create(journal, FEEDBACK, item)


def list_feedback(
    journal: Journal, *, pending_only: bool = False
) -> tuple[list[FeedbackView], list[Problem], int]:
    """The feedback to show, problems met, and how much feedback there is in all."""
    loaded = journal.load(FEEDBACK)
    names = Names.of(journal)
    views = [
        FeedbackView(
            s.record, short_of(loaded, s.record), names.mentor(s.record.mentor)
        )
        for s in loaded.records
        if not (pending_only and s.record.applied)
    ]
    # not applied first; within each, newest first
    views.sort(key=lambda v: (v.feedback.received, v.feedback.id), reverse=True)
    views.sort(key=lambda v: v.feedback.applied)
    return views, loaded.problems, len(loaded.records)


def apply_feedback(journal: Journal, ref: str, how: str, today: date) -> FeedbackView:
    evidence = text_of(how, "--how evidence")

    def update(item: Feedback) -> Feedback:
        if item.applied:
            raise UserError(e.FeedbackApplied(item.applied_on, item.how))
        return item.model_copy(
            update={"applied": True, "applied_on": today, "how": evidence}
        )

    saved, _ = change(journal, FEEDBACK, ref, update)
    return FeedbackView(saved.record, saved.short)


# -- resources --------------------------------------------------------------------
@json_keys(
    {
        **of("resource", "id"),
        "short_id": "short",
        **of("resource", "title", "kind", "url"),
        "recommended_by": "recommended_by",
        "recommended_by_id": "resource.recommended_by",
        **of("resource", "added", "done", "done_on", "impression"),
        **of("resource", "impression_shared_on", "private"),
    }
)
@struct
class ResourceView:
    resource: Resource
    short: str
    recommended_by: str | None = None


def parse_resource_kind(text: str) -> ResourceKind:
    cleaned = text.strip().lower()
    if cleaned in RESOURCE_KINDS:
        return cleaned  # type: ignore[return-value]
    raise UserError(e.UnknownKind(text.strip(), tuple(RESOURCE_KINDS)))


def add_resource(
    journal: Journal,
    title: str,
    today: date,
    *,
    kind: str = "other",
    url: str | None = None,
    recommended_by: str | None = None,
    private: bool = False,
) -> Saved[Resource]:
    resource = Resource(
        id=new_id(),
        title=text_of(title, "title"),
        kind=parse_resource_kind(kind),
        url=(url or "").strip() or None,
        recommended_by=mentor_id(journal, recommended_by),
        added=today,
        private=private,
    )
    return create(journal, RESOURCES, resource)


def list_resources(
    journal: Journal, *, include_done: bool = True
) -> tuple[list[ResourceView], list[Problem]]:
    loaded = journal.load(RESOURCES)
    names = Names.of(journal)
    views = [
        ResourceView(
            s.record, short_of(loaded, s.record), names.mentor(s.record.recommended_by)
        )
        for s in loaded.records
        if include_done or not s.record.done
    ]
    # still to explore first; within each, newest first
    views.sort(key=lambda v: (v.resource.added, v.resource.title.lower()), reverse=True)
    views.sort(key=lambda v: v.resource.done)
    return views, loaded.problems


def finish_resource(
    journal: Journal, ref: str, impression: str | None, today: date
) -> ResourceView:
    thought = text_of(impression, "impression") if impression is not None else None

    def update(resource: Resource) -> Resource:
        if resource.done and thought is None:
            raise UserError(e.ResourceDone(resource.title))
        changes: dict[str, Any] = {"done": True, "done_on": resource.done_on or today}
        if thought is not None:
            changes["impression"] = thought
        return resource.model_copy(update=changes)

    saved, _ = change(journal, RESOURCES, ref, update)
    return ResourceView(saved.record, saved.short)


# -- the log ----------------------------------------------------------------------
@json_keys(
    {
        **of("entry", "id"),
        "short_id": "short",
        **of("entry", "text", "kind", "date", "private"),
        "mentor": "mentor",
        "mentor_id": "entry.mentor",
    }
)
@struct
class LogView:
    entry: LogEntry
    short: str
    mentor: str | None = None


def parse_log_kind(text: str) -> LogKind:
    cleaned = text.strip().lower()
    if cleaned in LOG_KINDS:
        return cleaned  # type: ignore[return-value]
    raise UserError(e.UnknownKind(text.strip(), tuple(LOG_KINDS)))


def add_log(
    journal: Journal,
    text: str,
    kind: str,
    today: date,
    *,
    private: bool = False,
    mentor: str | None = None,
    on: date | None = None,
) -> Saved[LogEntry]:
    if on is not None and on > today:
        raise UserError(e.LogAhead(on))
    entry = LogEntry(
        id=new_id(),
        text=text_of(text, "entry"),
        kind=parse_log_kind(kind),
        date=on or today,
        private=private,
        mentor=mentor_id(journal, mentor),
    )
    return create(journal, LOG, entry)


def list_log(
    journal: Journal, *, kind: str | None = None, since: date | None = None
) -> tuple[list[LogView], list[Problem], int]:
    wanted = parse_log_kind(kind) if kind else None
    loaded = journal.load(LOG)
    names = Names.of(journal)
    views = [
        LogView(s.record, short_of(loaded, s.record), names.mentor(s.record.mentor))
        for s in loaded.records
        if (wanted is None or s.record.kind == wanted)
        and (since is None or s.record.date >= since)
    ]
    views.sort(key=lambda v: (v.entry.date, v.entry.id), reverse=True)
    return views, loaded.problems, len(loaded.records)
