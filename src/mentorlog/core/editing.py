"""`edit REF`: a record edited in the user's editor, validated before it lands.

The user's text is never lost: it lives in a draft inside the journal
(`.drafts/`), which is only removed once the edit has been saved.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path
from typing import Any

from mentorlog._struct import struct
from mentorlog.errors import DataError, MentorlogError, NotFoundError, UserError
from mentorlog.hints import hint
from mentorlog.messages import errors as e
from mentorlog.store import tomlfile
from mentorlog.store.journal import Journal, Kind, validate
from mentorlog.store.kinds import ALL_KINDS

DRAFTS = ".drafts"
SETTINGS_REFS = ("settings", "mentorlog.toml", "config")


@struct
class EditSession:
    target: Path
    draft: Path
    original: str
    kind: Kind[Any] | None  # None: the settings file
    record_id: str | None


@struct
class EditOutcome:
    target: str
    changed: bool
    draft: Path | None = None  # kept: the editor may still have it open


def start_edit(
    journal: Journal, ref: str, only: str | None = None, use_draft: Path | None = None
) -> EditSession:
    """Copy the record `ref` names (of kind `only`, if given) into a private
    draft for the editor, or open the draft `use_draft` an earlier edit kept.
    A record whose file is broken opens too: editing is how it gets mended."""
    kinds = tuple(k for k in ALL_KINDS if only is None or k.name == only)
    kind, target, record_id = _find(journal, ref, kinds)
    raw = journal.read_bytes(target)  # a link is refused, never followed
    original, style = tomlfile.decode_file(raw, journal.relative(target))
    journal.refuse_while_sync_stopped(target)  # before the editor, not after it
    if use_draft is not None:
        return EditSession(target, use_draft, original, kind, record_id)
    with journal.transaction():
        import secrets
        from datetime import datetime

        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        token = secrets.token_hex(2)
        name = f"{target.stem}-{stamp}-{token}{target.suffix}"
        draft = journal.root / DRAFTS / name
        # the editor sees the file as it is: its line endings, its BOM
        journal.write_text(draft, original, style=style)
    return EditSession(target, draft, original, kind, record_id)


def kept_draft(journal: Journal, ref: str, only: str | None = None) -> Path | None:
    """The newest draft an unfinished edit of the record `ref` names left in
    `.drafts/` (`learn-rust-20261122-101010-ab12.toml`), or None."""
    from mentorlog.store import fs

    kinds = tuple(k for k in ALL_KINDS if only is None or k.name == only)
    _, target, _ = _find(journal, ref, kinds)
    if journal.kind_of(journal.root / DRAFTS) != "folder":
        return None
    pattern = re.compile(
        re.escape(target.stem) + r"-\d{8}-\d{6}-[0-9a-f]{4}" + re.escape(target.suffix)
    )
    names = sorted(
        (
            name
            for name, mode in fs.listdir(journal.root, DRAFTS)
            if stat.S_ISREG(mode) and pattern.fullmatch(name)
        ),
        reverse=True,
    )
    try:
        current = journal.read_text(target)
    except (DataError, MentorlogError):
        current = None
    for name in names:  # the newest that holds text the record does not
        try:
            if journal.read_text(journal.root / DRAFTS / name) != current:
                return journal.root / DRAFTS / name
        except (DataError, MentorlogError):
            continue
    return None


def _find(
    journal: Journal, ref: str, kinds: tuple[Kind[Any], ...]
) -> tuple[Kind[Any] | None, Path, str | None]:
    if ref.strip().lower() in SETTINGS_REFS and len(kinds) > 1:
        if journal.kind_of(journal.settings_path) is None:
            raise UserError(e.NoJournalToEdit(str(journal.root), hint("init")))
        return None, journal.settings_path, None
    by_path = _find_by_path(journal, ref, kinds)
    if by_path is not None:
        return by_path
    found: list[tuple[Kind[Any], Path, str | None]] = []
    for kind in kinds:
        try:
            stored = journal.resolve(kind, ref)
        except NotFoundError:
            continue
        except DataError as broken:
            found.append((kind, journal.root / broken.path, None))
            continue
        found.append((kind, stored.path, stored.record.id))
    if not found:
        what = kinds[0].name if len(kinds) == 1 else None
        raise NotFoundError(e.NoRecordMatches(what, ref))
    if len(found) > 1:
        listed = tuple(journal.relative(path) for _, path, _ in found)
        raise UserError(e.SeveralKindsMatch(ref, listed))
    return found[0]


def _find_by_path(
    journal: Journal, ref: str, kinds: tuple[Kind[Any], ...]
) -> tuple[Kind[Any], Path, str | None] | None:
    """`goals/learn-rust.toml`: a record named by its file, healthy or not."""
    if "/" not in ref:
        return None
    # no link resolved: the path is taken as written, below the root
    candidate = Path(os.path.normpath(journal.root / ref.strip()))
    for kind in kinds:
        folder = journal.folder(kind)
        if candidate.parent == folder and candidate.name.endswith(kind.extension):
            if journal.kind_of(candidate) is None:
                raise NotFoundError(e.NoFileThere(journal.relative(candidate)))
            try:
                record_id = journal.read(kind, candidate).record.id
            except DataError:
                record_id = None
            return kind, candidate, record_id
    return None


def finish_edit(
    journal: Journal,
    session: EditSession,
    editor_error: str | None,
    *,
    returned_at_once: bool = False,
) -> EditOutcome:
    """Validate the draft and save it over the record, or keep it and say where.
    An editor that `returned_at_once` with the file unchanged may not wait for
    the user (a GUI editor without its wait option): its draft is kept, since
    the user may still be typing into it."""
    draft_rel = journal.relative(session.draft)
    target_rel = journal.relative(session.target)
    draft = str(session.draft)  # where the user's text is kept
    text, style = tomlfile.decode_file(journal.read_bytes(session.draft), draft_rel)
    if editor_error:
        if text == session.original:
            journal.remove(session.draft)
            raise UserError(e.EditorFailedUnchanged(editor_error, target_rel))
        raise UserError(e.EditorFailedKept(editor_error, draft, target_rel))
    if text == session.original:
        if returned_at_once:
            return EditOutcome(target_rel, changed=False, draft=session.draft)
        journal.remove(session.draft)
        return EditOutcome(target_rel, changed=False)
    if not text.strip():
        raise UserError(e.EditedEmpty(draft, target_rel))
    try:
        if session.kind is None:
            from mentorlog.models import Settings

            validate(Settings, tomlfile.loads(text, draft_rel), text, draft_rel)
        else:
            parsed = journal.parse(session.kind, text, draft_rel)
            if session.record_id and parsed.record.id != session.record_id:
                line = tomlfile.line_of(parsed.front, ["id"])
                first = 2 if session.kind.front_matter else 1
                raise DataError(draft_rel, line and line + first - 1, e.IdChanged())
    except DataError as error:
        problem = e.DraftInvalid(str(error.detail), draft, target_rel)
        raise DataError(error.path, error.line, problem) from None
    with journal.transaction():
        current = tomlfile.decode(journal.read_bytes(session.target), target_rel)
        if current != session.original:
            raise UserError(e.ChangedWhileEditing(draft, target_rel))
        # the line endings and BOM the draft has: the file's own, unless the
        # user's editor changed them
        journal.write_text(session.target, text, style=style)
    # only now that the change is committed (a kill before this point rolls the
    # record back, and the user's text must still be in its draft)
    journal.remove(session.draft)
    return EditOutcome(target_rel, changed=True)
