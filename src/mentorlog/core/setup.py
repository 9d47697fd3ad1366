"""Creating the journal: settings, the agenda template, the folders."""

from __future__ import annotations

from dataclasses import field
from pathlib import Path

from mentorlog._struct import struct
from mentorlog.errors import LinkError
from mentorlog.store.journal import Journal
from mentorlog.store.kinds import ALL_KINDS

AGENDA_TEMPLATE = """\
<!--
  The agenda `mentorlog prep` writes for each meeting. Edit freely: reorder,
  rename or drop sections, add your own. A line that is only a {placeholder}
  becomes a list of what the journal knows; {mentor} and {date} anywhere are
  filled in. Lines you add to an agenda are never touched by a later prep.
  Placeholders: {actions} {takeaways} {questions} {feedback} {goals} {wins}
  {resources} {feedback_area} {topics} {bring} {applied}
-->
# {mentor} · {date}

## Since last time
{actions}

## Last time
{takeaways}

## To share
{wins}
{resources}

## What worked

## What didn't

## To show
{applied}

## Feedback
{feedback}
{feedback_area}

## Questions
{questions}

## Topics
{topics}

## To bring
{bring}

## Next steps

## Next objectives
{goals}

## Before leaving
- Thank {mentor} for their time.
"""


@struct
class InitResult:
    root: Path
    created: bool
    written: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def init_journal(journal: Journal, name: str | None) -> InitResult:
    """Create whatever is missing; never write over what is there."""
    existed = journal.exists()
    result = InitResult(root=journal.root, created=not existed)
    name = " ".join(name.split()) if name else None
    with journal.transaction():
        if not existed:
            journal.write_new_settings(name=name)
            result.written.append(journal.relative(journal.settings_path))
        elif name:
            settings = journal.settings()
            if settings.name is None:
                _set_name(journal, name)
                result.written.append(journal.relative(journal.settings_path))
            elif settings.name != name:
                result.notes.append(
                    f'the journal is already named "{settings.name}"; '
                    "edit mentorlog.toml to rename it"
                )
        template = journal.kind_of(journal.template_path)
        if template is None:
            journal.write_text(journal.template_path, AGENDA_TEMPLATE)
            result.written.append(journal.relative(journal.template_path))
        elif template == "link":  # left as it is, never followed
            result.notes.append(str(LinkError("templates/agenda.md")))
        for kind in ALL_KINDS:
            folder = journal.folder(kind)
            found = journal.kind_of(folder)
            if found == "link":
                result.notes.append(str(LinkError(kind.folder, folder=True)))
            elif found is None:
                from mentorlog.store.atomic import ensure_dir

                ensure_dir(folder, private_from=journal.root)
                result.written.append(kind.folder + "/")
    return result


def _set_name(journal: Journal, name: str) -> None:
    from mentorlog.store import tomlfile

    text = journal.read_text(journal.settings_path)
    data = tomlfile.loads(text, journal.relative(journal.settings_path))
    journal.write_text(
        journal.settings_path,
        tomlfile.rewrite(
            text,
            data,
            {**data, "name": name},
            relpath=journal.relative(journal.settings_path),
            warn=journal.warn_once,
        ),
    )
