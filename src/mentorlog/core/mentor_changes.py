"""Changing a mentor from the command line: `mentors edit` with options,
`mentors remove` (refused while records refer to them, or merged into another
mentor) and `mentors review` (a relationship review recorded any time)."""

from __future__ import annotations

from dataclasses import field
from datetime import date
from typing import Any

from mentorlog._struct import struct
from mentorlog.dates import parse_cadence
from mentorlog.errors import UserError
from mentorlog.hints import Slot, hint
from mentorlog.messages import errors as e
from mentorlog.models import Mentor, Record, Session
from mentorlog.store.journal import Journal, Stored
from mentorlog.store.kinds import (
    ACTIONS,
    FEEDBACK,
    GOALS,
    LOG,
    MENTORS,
    RESOURCES,
    SESSIONS,
)
from mentorlog.store.records import Kind
from mentorlog.store.refs import normal

from .common import one_line, short_of
from .mentors import MentorView, _check_name, _view, parse_channel, split_list

REVIEWS_HEADING = "## Reviews"


@struct(frozen=True)
class MentorChanges:
    """What `mentors edit` sets; None leaves a field as it is. A list given
    replaces the list."""

    name: str | None = None
    org: str | None = None
    expertise: list[str] | None = None
    channel: str | None = None
    contact: str | None = None
    cadence: str | None = None
    interests: list[str] | None = None
    learning_style: str | None = None
    teaching_style: str | None = None
    work_style: str | None = None
    values: str | None = None
    challenges: str | None = None
    private: bool | None = None


TEXT_FIELDS = (
    "org",
    "contact",
    "learning_style",
    "teaching_style",
    "work_style",
    "values",
    "challenges",
)


def _changes(changes: MentorChanges) -> dict[str, Any]:
    update: dict[str, Any] = {}
    if changes.name is not None:
        name = one_line(changes.name)
        _check_name(name)
        update["name"] = name
    for name in TEXT_FIELDS:
        value = getattr(changes, name)
        if value is not None:
            cleaned = one_line(value)
            if not cleaned:
                raise UserError(e.OptionEmpty("--" + name.replace("_", "-")))
            update[name] = cleaned
    for name in ("expertise", "interests"):
        values = getattr(changes, name)
        if values is not None:
            update[name] = split_list(values)
    if changes.channel is not None:
        update["channel"] = parse_channel(changes.channel)
    if changes.cadence is not None:
        update["cadence"] = parse_cadence(changes.cadence)
    if changes.private is not None:
        update["private"] = changes.private
    return update


def edit_mentor(journal: Journal, ref: str, changes: MentorChanges) -> MentorView:
    """Set the fields `changes` gives, checked as `mentors add` checks them.
    A new name is carried to the goals that name the mentor; the file keeps
    its name, and what the user wrote in it by hand."""
    update = _changes(changes)
    if not update:
        raise UserError(e.NothingToChange())
    with journal.transaction():
        loaded = journal.load(MENTORS)
        stored = journal.resolve(MENTORS, ref, loaded)
        before = stored.record
        updated = before.model_copy(update=update)
        journal.save(MENTORS, updated, stored)
        if updated.name != before.name:
            _rename_in_goals(journal, before, updated.name)
        stored.record = updated
        return _view(journal, stored, loaded)


def _names(mentor: Mentor, goal_mentor: str | None) -> bool:
    """Whether a goal's `mentor` (a name, as `goals add` keeps it) is `mentor`."""
    return goal_mentor is not None and (
        normal(goal_mentor) == normal(mentor.name) or goal_mentor == mentor.id
    )


def _rename_in_goals(journal: Journal, mentor: Mentor, name: str) -> int:
    moved = 0
    for stored in journal.load(GOALS).records:
        if _names(mentor, stored.record.mentor):
            journal.save(
                GOALS, stored.record.model_copy(update={"mentor": name}), stored
            )
            moved += 1
    return moved


# Each kind of record that refers to a mentor, and the field that does (by id,
# but a goal's by name).
REFERRING: tuple[tuple[Kind[Any], str], ...] = (
    (GOALS, "mentor"),
    (SESSIONS, "mentor"),
    (ACTIONS, "mentor"),
    (FEEDBACK, "mentor"),
    (RESOURCES, "recommended_by"),
    (LOG, "mentor"),
)


def references(journal: Journal, mentor: Mentor) -> list[tuple[Kind[Any], Stored[Any]]]:
    """Every record that refers to `mentor`, kind by kind."""
    found: list[tuple[Kind[Any], Stored[Any]]] = []
    for kind, name in REFERRING:
        for stored in journal.load(kind).records:
            value = getattr(stored.record, name)
            if (kind is GOALS and _names(mentor, value)) or (
                kind is not GOALS and value == mentor.id
            ):
                found.append((kind, stored))
    return found


@struct
class Removed:
    mentor: Mentor
    into: MentorView | None  # merged into; None: removed alone
    moved: dict[str, int] = field(default_factory=dict)  # folder: records moved


def remove_mentor(journal: Journal, ref: str, merge_into: str | None) -> Removed:
    """Remove a mentor. While records refer to them it is refused, unless
    `merge_into` names another mentor: then every reference moves to that
    mentor, and the mentor goes, all in one change (all or nothing)."""
    with journal.transaction():
        loaded = journal.load(MENTORS)
        stored = journal.resolve(MENTORS, ref, loaded)
        mentor = stored.record
        target = journal.resolve(MENTORS, merge_into, loaded) if merge_into else None
        if target is not None and target.record.id == mentor.id:
            raise UserError(e.MergeIntoSelf(mentor.name))
        found = references(journal, mentor)
        if found and target is None:
            counts = tuple(_counts(found).items())
            merge = hint("mentors", "remove", ref, "--merge-into", Slot("OTHER"))
            end = hint("mentors", "end")
            raise UserError(e.StillReferred(mentor.name, counts, merge, end))
        if target is not None:
            other = target.record
            _check_merge(journal, mentor, other, ref, merge_into or "")
            for kind, record_stored in found:
                _refer_to(journal, kind, record_stored, other)
            merged = _merged_profile(other, mentor)
            if merged != other:
                journal.save(MENTORS, merged, target)
                target.record = merged
        journal.delete(stored.path)
        into = _view(journal, target, loaded) if target is not None else None
        return Removed(mentor, into, _counts(found))


def _check_merge(
    journal: Journal, mentor: Mentor, other: Mentor, ref: str, into: str
) -> None:
    """Refuse a merge that would lose or garble what was planned: two meetings
    on the same day (they would become one, one's time and agenda lost), or an
    ongoing mentor folded into a flash contact still waiting for an answer (the
    mentorship would become an unanswered ask)."""
    if mentor.kind == "ongoing" and other.kind == "flash" and other.answer is None:
        merge = hint("mentors", "remove", into, "--merge-into", ref)
        raise UserError(e.MergeOtherWay(other.name, mentor.name, merge))
    theirs: dict[date, Stored[Session]] = {}
    mine: list[Stored[Session]] = []
    sessions = journal.load(SESSIONS)
    for stored in sessions.records:
        record = stored.record
        if record.status == "cancelled":
            continue
        if record.mentor == other.id:
            theirs.setdefault(record.date, stored)
        elif record.mentor == mentor.id:
            mine.append(stored)
    for stored in sorted(mine, key=lambda s: s.record.date):
        clash = theirs.get(stored.record.date)
        if clash is None:
            continue
        paths = (journal.relative(stored.path), journal.relative(clash.path))
        move = hint("prep", ref, "--on", Slot("DATE"))
        cancel = hint("sessions", "cancel", short_of(sessions, stored.record))
        raise UserError(
            e.MeetingsClash(
                mentor.name, other.name, stored.record.date, paths, move, cancel
            )
        )


def counted(counts: dict[str, int]) -> str:
    """Records counted by folder, in words: "1 session, 2 actions"."""
    from mentorlog.store.kinds import ALL_KINDS
    from mentorlog.words import plural

    names = {kind.folder: kind.name for kind in ALL_KINDS}
    return ", ".join(plural(n, names.get(f, f)) for f, n in counts.items())


def _counts(found: list[tuple[Kind[Any], Stored[Any]]]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for kind, _ in found:
        counts[kind.folder] = counts.get(kind.folder, 0) + 1
    return counts


def _refer_to(
    journal: Journal, kind: Kind[Any], stored: Stored[Any], other: Mentor
) -> None:
    record: Record = stored.record
    if kind is GOALS:
        update: dict[str, Any] = {"mentor": other.name}
    elif kind is RESOURCES:
        update = {"recommended_by": other.id}
    elif kind is SESSIONS:
        update = {"mentor": other.id}  # the file keeps its name and mentor_name
    else:
        update = {"mentor": other.id}
    journal.save(kind, record.model_copy(update=update), stored)


def _merged_profile(other: Mentor, gone: Mentor) -> Mentor:
    """`other` with what only the removed duplicate knew: its lists joined,
    its empty fields filled (never overwritten)."""
    update: dict[str, Any] = {}
    for name in ("expertise", "interests"):
        joined = split_list([*getattr(other, name), *getattr(gone, name)])
        if joined != getattr(other, name):
            update[name] = joined
    for name in (
        *TEXT_FIELDS,
        "channel",
        "cadence",
        "reviewed_on",
        "feedback_given_on",
    ):
        if getattr(other, name) is None and getattr(gone, name) is not None:
            update[name] = getattr(gone, name)
    return other.model_copy(update=update) if update else other


def review_mentor(
    journal: Journal, ref: str, on: date, today: date, notes: str | None = None
) -> MentorView:
    """Record a relationship review on `on` (not in the future); `notes` go
    under the profile's "Reviews" heading, dated."""
    if on > today:
        raise UserError(e.ReviewAhead(on))
    text = None if notes is None else one_line(notes)
    if notes is not None and not text:
        raise UserError(e.OptionEmpty("--notes"))
    with journal.transaction():
        loaded = journal.load(MENTORS)
        stored = journal.resolve(MENTORS, ref, loaded)
        mentor = stored.record
        latest = mentor.reviewed_on
        updated = mentor.model_copy(
            update={"reviewed_on": on if latest is None or on > latest else latest}
        )
        body = stored.body
        if text:
            body = _with_review(stored.body, f"- {on.isoformat()}: {text}")
        journal.save(MENTORS, updated, stored, body=body)
        stored.record = updated
        stored.body = body
        return _view(journal, stored, loaded)


def _with_review(body: str, line: str) -> str:
    """`line` added at the end of the "Reviews" section (made at the end of
    the notes when there is none); every other line kept."""
    lines = body.rstrip("\n").split("\n") if body.strip() else []
    start = next(
        (i for i, text in enumerate(lines) if text.strip() == REVIEWS_HEADING), None
    )
    if start is None:
        return "\n".join([*lines, "", REVIEWS_HEADING, "", line]).lstrip("\n") + "\n"
    end = next(
        (i for i in range(start + 1, len(lines)) if lines[i].startswith("#")),
        len(lines),
    )
    while end > start + 1 and not lines[end - 1].strip():
        end -= 1
    return "\n".join([*lines[:end], line, *lines[end:]]) + "\n"
