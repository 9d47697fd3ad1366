"""`export`: the whole journal as one JSON document, as readable Markdown, or
the calendar of planned meetings and dated to-dos as iCalendar (RFC 5545)."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any, get_args

from mentorlog import __version__, dates
from mentorlog.models import SCHEMA_VERSION, ExportFormat, Settings
from mentorlog.store.journal import Journal, record_data
from mentorlog.tojson import to_json

from .goals import list_goals
from .mentors import list_mentors
from .sessions import SessionView, list_sessions
from .tracking import list_actions, list_feedback, list_log, list_resources

FORMATS: tuple[str, ...] = get_args(ExportFormat)


def export_json(journal: Journal, today: date) -> dict[str, Any]:
    """Every record, with the same keys as each listing's --json."""
    settings, _ = journal.settings_or_default()
    feedback, _, _ = list_feedback(journal)
    resources, _ = list_resources(journal)
    log, _, _ = list_log(journal)
    sessions = list_sessions(journal, today, include_all=True).views[::-1]
    return {
        "mentorlog": __version__,
        "schema_version": SCHEMA_VERSION,
        "exported": today.isoformat(),
        "journal": str(journal.root),
        "settings": _plain(record_data(settings)),
        "goals": [
            to_json(v) for v in list_goals(journal, today, include_closed=True).views
        ],
        "mentors": [
            {**to_json(v), "notes": v.body}
            for v in list_mentors(journal, include_ended=True).views
        ],
        "sessions": [{**to_json(v), "body": v.body} for v in sessions],
        "actions": [
            to_json(v) for v in list_actions(journal, today, include_closed=True).views
        ],
        "feedback": [to_json(v) for v in feedback],
        "resources": [to_json(v) for v in resources],
        "log": [to_json(v) for v in log],
    }


def json_text(value: Any) -> str:
    """`json.dumps(value, indent=2, ensure_ascii=True)`, the same text, made
    by the standard library's C encoder: with an indent the standard library
    encodes in Python, value by value (three quarters of an export's time on
    the ten-year journal). A container that holds no other non-empty one is
    encoded in C, its item separator carrying the newline and indent."""
    return _json_of(value, 0)


_flat_encoders: dict[int, Callable[[Any], str]] = {}
_JSON_CONTAINERS = (dict, list, tuple)
_scalar = json.JSONEncoder().encode
_string = json.encoder.encode_basestring_ascii  # in C


def _scalar_of(value: Any) -> str:
    kind = type(value)
    if kind is str:
        return _string(value)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if kind is int:
        return int.__repr__(value)
    return _scalar(value)  # a float, a subclass: as json.dumps has it


def _json_of(value: Any, level: int) -> str:
    if isinstance(value, dict):
        is_dict = True
        items: Any = value.values()
    elif isinstance(value, list | tuple):
        is_dict = False
        items = value
    else:
        return _scalar_of(value)
    if not value:
        return "{}" if is_dict else "[]"
    pad = "\n" + "  " * (level + 1)
    if not any(v and isinstance(v, dict | list | tuple) for v in items):
        if level not in _flat_encoders:
            separators = ("," + pad, ": ")
            _flat_encoders[level] = json.JSONEncoder(separators=separators).encode
        text = _flat_encoders[level](value)
        return text[0] + pad + text[1:-1] + pad[:-2] + text[-1]
    if not is_dict:
        parts = [
            _json_of(v, level + 1) if isinstance(v, _JSON_CONTAINERS) else _scalar_of(v)
            for v in value
        ]
        return "[" + pad + ("," + pad).join(parts) + pad[:-2] + "]"
    if not all(isinstance(k, str) for k in value):
        return json.dumps(value, indent=2).replace("\n", "\n" + "  " * level)
    parts = [
        _string(k)
        + ": "
        + (_json_of(v, level + 1) if isinstance(v, _JSON_CONTAINERS) else _scalar_of(v))
        for k, v in value.items()
    ]
    return "{" + pad + ("," + pad).join(parts) + pad[:-2] + "}"


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    return value


def export_markdown(journal: Journal, today: date) -> str:
    """The whole journal as one readable Markdown document (private parts marked)."""
    data = export_json(journal, today)
    name = data["settings"].get("name")
    lines = [
        f"# Mentorship journal{' of ' + name if name else ''}",
        "",
        f"Exported {today.isoformat()} from {data['journal']}.",
        "",
    ]
    if data["goals"]:
        lines += _goals_md(data["goals"])
    if data["mentors"]:
        lines += _mentors_md(data["mentors"])
    if data["sessions"]:
        lines += _sessions_md(data["sessions"])
    lines += _listings_md(data)
    return "\n".join(lines).rstrip("\n") + "\n"


def _without_comments(text: str) -> str:
    """Prose without its HTML comments (the template's hints), trimmed."""
    return re.sub(r"<!--.*?-->", "", text, flags=re.DOTALL).strip()


def _one(text: Any) -> str:
    """Text on one line: a value that spans lines would break the Markdown."""
    return " ".join(str(text).split())


def _goals_md(rows: list[Any]) -> list[str]:
    """The goals section: each goal, its SMART parts and milestones."""
    lines = ["## Goals", ""]
    for goal in rows:
        target = f", target {goal['target']}" if goal["target"] else ""
        lines.append(f"### {_one(goal['title'])} ({goal['status']}{target})")
        lines.append("")
        for part in ("specific", "measurable", "achievable", "relevant"):
            if goal[part]:
                lines.append(f"- {part.capitalize()}: {_one(goal[part])}")
        for m in goal["milestones"]:
            mark = "x" if m["done"] else " "
            due = f" (due {m['due']})" if m["due"] else ""
            lines.append(f"- [{mark}] {_one(m['title'])}{due}")
        lines.append("")
    return lines


def _mentors_md(rows: list[Any]) -> list[str]:
    """The mentors section: each profile, agreement and notes."""
    lines = ["## Mentors", ""]
    for mentor in rows:
        lines.append(
            f"### {_one(mentor['name'])} ({mentor['kind']}, {mentor['status']})"
        )
        lines.append("")
        profile = (
            ("Organisation", mentor["org"]),
            ("Expertise", ", ".join(mentor["expertise"])),
            ("Channel", mentor["channel"]),
            ("Contact", mentor["contact"]),
            ("Cadence", mentor["cadence"]),
            ("Interests", ", ".join(mentor["interests"])),
            ("Learning style", mentor["learning_style"]),
            ("Teaching style", mentor["teaching_style"]),
            ("Work style", mentor["work_style"]),
            ("Values", mentor["values"]),
            ("Challenges faced", mentor["challenges"]),
            ("Since", mentor["created"]),
            ("Ended", mentor["ended"]),
            (
                "Asked",
                f"{mentor['asked_on']}: {mentor['ask']}" if mentor["ask"] else None,
            ),
            (
                "Answer",
                f"{mentor['answer']} ({mentor['answered_on']})"
                if mentor["answer"]
                else None,
            ),
            ("Meeting", mentor["meeting_on"]),
            ("Promoted", mentor["promoted_on"]),
        )
        lines += [f"- {label}: {_one(value)}" for label, value in profile if value]
        agreement = mentor["agreement"]
        agreed = [
            k
            for k in agreement
            if k not in ("open", "agreed_on") and agreement[k] not in (None, [])
        ]
        if agreed:
            lines += ["", "Agreement:", ""]
        for key in agreed:
            value = agreement[key]
            if isinstance(value, list):
                shown = ", ".join(value)
            elif isinstance(value, bool):
                shown = "yes" if value else "no"
            else:
                shown = str(value)
            lines.append(f"- {key.replace('_', ' ').capitalize()}: {_one(shown)}")
        notes = _without_comments(mentor["notes"])
        if notes and notes != "## Notes":
            lines += ["", _demote(notes)]
        lines.append("")
    return lines


def _sessions_md(rows: list[Any]) -> list[str]:
    """The meetings section: each session, its takeaways and notes."""
    lines = ["## Meetings", ""]
    for session in rows:
        lines.append(
            f"### {session['date']} · {_one(session['mentor'])} ({session['status']})"
        )
        lines.append("")
        for takeaway in session["takeaways"]:
            lines.append(f"- Takeaway: {_one(takeaway)}")
        body = _without_comments(session["body"])
        if body:
            lines += ["", _demote(body)]
        lines.append("")
    return lines


def _listings_md(data: dict[str, Any]) -> list[str]:
    """Action items, feedback, resources and the log, one line each."""
    lines: list[str] = []
    sections: tuple[tuple[str, list[Any], Callable[[Any], str]], ...] = (
        (
            "Action items",
            data["actions"],
            lambda a: (
                f"- [{'x' if a['status'] == 'done' else ' '}] {_one(a['text'])}"
                + (f" (due {a['due']})" if a["due"] else "")
                + (f" — {a['status']}" if a["status"] == "dropped" else "")
                + (f" · with {_one(a['mentor'])}" if a["mentor"] else "")
                + (f" · goal: {_one(a['goal'])}" if a["goal"] else "")
            ),
        ),
        (
            "Feedback",
            data["feedback"],
            lambda f: (
                f"- {_one(f['text'])} ({f['received']}"
                + (f", from {_one(f['mentor'])}" if f["mentor"] else "")
                + (f", on {_one(f['area'])}" if f["area"] else "")
                + ")"
                + (
                    f" → applied: {_one(f['how'])}"
                    if f["applied"]
                    else " — not yet applied"
                )
            ),
        ),
        (
            "Resources",
            data["resources"],
            lambda r: (
                f"- [{'x' if r['done'] else ' '}] {_one(r['title'])} ({r['kind']})"
                + (f", from {_one(r['recommended_by'])}" if r["recommended_by"] else "")
                + (f": {_one(r['impression'])}" if r["impression"] else "")
                + (f" · {_one(r['url'])}" if r["url"] else "")
            ),
        ),
        (
            "Log",
            data["log"],
            lambda e: (
                f"- {e['date']} {e['kind']}: {_one(e['text'])}"
                + (" (private)" if e["private"] else "")
            ),
        ),
    )
    for title, rows, show in sections:
        if rows:
            lines += [f"## {title}", "", *(show(row) for row in rows), ""]
    return lines


# The deepest heading Markdown has: a demoted heading that would go past it
# stays an H6 (still a heading, its text untouched; only its nesting under an
# H5/H6 above it is flattened).
DEEPEST = 6
# Where an ATX heading's hashes start on its line: after any container marks
# (a blockquote's `>`, a list item's bullet or number) and up to 3 spaces.
_CONTAINERS = r"(?:[ \t]*(?:>|[-*+]|\d{1,9}[.)])(?=[ \t]|$))*[ \t]*"
_ATX = re.compile(rf"^(?P<before>{_CONTAINERS})#+")
_PREFIX = re.compile(_CONTAINERS)


def _demote(body: str, levels: int = 2) -> str:
    """The headings of hand-written notes, `levels` down, under the export's
    own (a session's H3): found by parsing the Markdown, so a `#` line inside a
    fenced or indented code block, or an HTML block, is left as written. An H1
    becomes an H3, an H4 an H6, and an H5 or H6 stays an H6 (`DEEPEST`). A
    setext heading (text underlined with === or ---) becomes an ATX one."""
    from markdown_it import MarkdownIt

    # lines as CommonMark counts them (not str.splitlines: no \v, \f, \u2028)
    ends = re.findall(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z", body)
    lines = [line.rstrip("\r\n") for line in ends]
    tokens = MarkdownIt("commonmark").parse(body)
    replaced: dict[int, tuple[int, str]] = {}  # first line -> (end, new text)
    for index, token in enumerate(tokens):
        if token.type != "heading_open" or token.map is None:
            continue
        start, end = token.map
        level = min(int(token.tag[1]) + levels, DEEPEST)
        if token.markup.startswith("#"):
            line = lines[start]
            match = _ATX.match(line)
            if match is None:  # not where CommonMark put it: leave the line
                continue
            replaced[start] = (
                start + 1,
                match["before"] + "#" * level + line[match.end() :],
            )
        else:  # setext: the text lines, then the underline
            inline = tokens[index + 1]
            text = " ".join(inline.content.split())
            prefix = _PREFIX.match(lines[start])
            before = prefix.group(0) if prefix else ""
            replaced[start] = (end, f"{before}{'#' * level} {text}")
    out: list[str] = []
    number = 0
    while number < len(lines):
        if number in replaced:
            end, text = replaced[number]
            # the replaced lines' last line ending, kept as it was
            out.append(text + ends[end - 1][len(lines[end - 1]) :])
            number = end
        else:
            out.append(ends[number])
            number += 1
    return "".join(out)


def export_ics(journal: Journal, today: date) -> bytes:
    """Meetings as VEVENTs (planned and held ones; a cancelled one with
    STATUS:CANCELLED, so a calendar that took it before drops it); open dated
    actions and milestones as VTODOs."""
    from icalendar import Calendar, Todo

    data = export_json(journal, today)
    settings, _ = journal.settings_or_default()
    calendar = Calendar()
    calendar.add("prodid", f"-//mentorlog//{__version__}//EN")
    calendar.add("version", "2.0")
    stamp = datetime.combine(today, datetime.min.time(), tzinfo=UTC)
    # a calendar reads in time order, whatever order listings use
    views = sorted(
        list_sessions(journal, today, include_all=True).views,
        key=lambda v: (v.session.date, v.session.time or "", v.session.id),
    )
    descriptions = _shareable_descriptions(journal, views)
    for view in views:
        calendar.add_component(
            _event(view, descriptions[view.session.id], settings, stamp)
        )
    if settings.timezone:
        calendar.add_missing_timezones()  # a VTIMEZONE for each TZID used
    for action in data["actions"]:
        if action["status"] != "open" or not action["due"]:
            continue
        todo = Todo()
        todo.add("uid", f"{action['id']}@mentorlog")
        todo.add("dtstamp", stamp)
        todo.add("summary", _text(action["text"]))
        todo.add("due", date.fromisoformat(action["due"]))
        todo.add("status", "NEEDS-ACTION")
        calendar.add_component(todo)
    for goal in data["goals"]:
        if goal["status"] != "active":
            continue
        for index, milestone in enumerate(goal["milestones"]):
            if milestone["done"] or not milestone["due"]:
                continue
            todo = Todo()
            todo.add("uid", f"{goal['id']}-{index + 1}@mentorlog")
            todo.add("dtstamp", stamp)
            todo.add("summary", _text(f"{milestone['title']} ({goal['title']})"))
            todo.add("due", date.fromisoformat(milestone["due"]))
            todo.add("status", "NEEDS-ACTION")
            calendar.add_component(todo)
    return bytes(calendar.to_ical())


def _event(
    view: SessionView, description: str, settings: Settings, stamp: datetime
) -> Any:
    """One meeting as a VEVENT: a timed one in the settings' time zone (else
    the system's, written as UTC), its end from its length (else the default
    length of the settings), a reminder before a planned one; a meeting with
    no time of day is an all-day event."""
    from icalendar import Alarm, Event

    session = view.session
    event = Event()
    event.add("uid", f"{session.id}@mentorlog")
    event.add("dtstamp", stamp)
    clock = dates.clock(session.time) if session.time else None
    if clock is not None:
        start = _zoned(datetime.combine(session.date, clock), settings.timezone)
        minutes = session.minutes or settings.calendar.duration
        event.add("dtstart", start)
        event.add("dtend", start + timedelta(minutes=minutes))
    else:
        event.add("dtstart", session.date)
        event.add("dtend", session.date + timedelta(days=1))
    event.add("summary", _text(f"Mentoring: {view.mentor_name}"))
    cancelled = session.status == "cancelled"
    event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    event.add("description", description)
    reminder = settings.calendar.reminder
    if clock is not None and session.status == "planned" and reminder:
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", _text(f"Mentoring: {view.mentor_name}"))
        alarm.add("trigger", timedelta(minutes=-reminder))
        event.add_component(alarm)
    return event


def _zoned(local: datetime, zone: str | None) -> datetime:
    """A meeting's local start, in the named zone; with none named, in the
    system's zone, converted to UTC (no TZID names the system's rules)."""
    if zone:
        from zoneinfo import ZoneInfo

        return local.replace(tzinfo=ZoneInfo(zone))
    return local.astimezone(UTC)


def _shareable_descriptions(
    journal: Journal, views: list[SessionView]
) -> dict[str, str]:
    """Each meeting's description: who, channel and contact, then what its
    mentor may see (SPEC §9, through `core.sharing`; a private meeting gives
    none of it). A planned meeting carries its whole pre-read, the agenda as
    `prep --share` sends it (what the user deleted from the agenda is gone
    from it too); a held one its takeaways not marked private. The pre-read
    checks every block against every record withheld from that mentor, so it
    is made for the few planned meetings only, once per mentor for the
    withheld texts."""
    from . import sharing
    from .agenda import share_text

    withheld: dict[str, dict[str, sharing.Reason]] = {}
    described: dict[str, str] = {}
    for view in views:
        session, mentor = view.session, view.mentor
        details = [f"Meeting with {view.mentor_name}"]
        if mentor is not None and mentor.effective_channel:
            details.append(f"Channel: {mentor.effective_channel}")
        if mentor is not None and mentor.contact:
            details.append(f"Contact: {mentor.contact}")
        lines = [_text(line) for line in details]
        if sharing.is_private(session):
            pass
        elif session.status == "planned" and mentor is not None:
            if mentor.id not in withheld:
                audience = sharing.audience_for(journal, mentor)
                withheld[mentor.id] = sharing.withheld_texts(journal, audience)
            text, _ = share_text(view.body, withheld[mentor.id])
            shared = [_text(line) for line in text.splitlines()]
            if any(shared):
                lines += ["", *shared]
        elif session.status == "held":
            shown = [t for t in session.takeaways if not sharing.marked(t)]
            if shown:
                lines += ["", "Takeaways:", *(_text(f"- {t}") for t in shown)]
        described[session.id] = "\n".join(lines)
    return described


def _text(value: str) -> str:
    """An iCalendar TEXT value: one line of text and no control character (a
    calendar shows it, and `export` may print it to a terminal)."""
    from mentorlog.sink import clean

    return clean(value)


def write_export(
    path_text: str, content: bytes, journal_root: Path, *, force: bool = False
) -> str:
    """Write an export to a file the user named, outside the journal (an export
    over a record would bypass the lock and the undo log), 0600 like everything
    private; an existing file is replaced only with `force`."""
    import os

    from mentorlog.errors import UserError
    from mentorlog.messages import errors as e
    from mentorlog.store.atomic import atomic_write
    from mentorlog.store.paths import expand

    path = Path(os.path.abspath(expand(path_text)))
    if inside_journal(path, journal_root):
        raise UserError(e.ExportInsideJournal(str(path), str(journal_root)))
    if path.is_dir():
        raise UserError(e.ExportToFolder(str(path)))
    if not path.parent.is_dir():
        raise UserError(e.NoSuchFolder(str(path.parent)))
    if os.path.lexists(path) and not force:
        raise UserError(e.ExportExists(str(path)))
    atomic_write(path, content)
    return str(path)


def inside_journal(path: Path, root: Path) -> bool:
    """Whether `path` (absolute) lands in the journal `root` or below, however
    it is spelled: `..`, symlinked folders on the way, a symlink as the last
    name, another name for the same folder (compared by device and inode)."""
    import os

    real = Path(os.path.realpath(path))
    try:
        root_stat = os.stat(root)
    except OSError:
        return False
    for folder in (real, *real.parents):
        try:
            if os.path.samestat(os.stat(folder), root_stat):
                return True
        except OSError:
            continue
    return False
