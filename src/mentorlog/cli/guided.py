"""The guided recap: the same steps as the options, asked one at a time.

No answer is lost: each is checked at its own prompt and asked again if it is
wrong, and a recap stopped midway (Ctrl-C, end of input) keeps what was typed as
a draft command and says where."""

from __future__ import annotations

import shlex
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

import typer

if TYPE_CHECKING:
    from mentorlog.core.recap import RecapInput, RecapResult, RecapTarget
    from mentorlog.store.journal import Journal

RECAP_OPTIONS = (
    "--takeaway, --action, --feedback, --feedback-asked, --appreciated, "
    "--done, --dropped or --answered"
)


def _many(
    question: str, into: list[str], check: Callable[[str], object] | None = None
) -> None:
    """Answers appended to `into` as they are given (so a stop keeps them);
    an answer `check` refuses is said why and asked again."""
    from mentorlog import render
    from mentorlog.errors import UserError

    while True:
        answer = typer.prompt(question, default="", show_default=False).strip()
        if not answer:
            return
        try:
            if check is not None:
                check(answer)
        except UserError as error:
            render.warn(error.message)
            continue
        into.append(answer)
        question = "  another (Enter when done)"


def guided_recap(
    journal: Journal, target: RecapTarget, given: RecapInput, today: date
) -> RecapInput:
    """Ask the recap step by step. Stopped midway, the answers so far are kept
    in a draft and the run ends with a `UserError` naming it."""
    try:
        return _ask(target, given, today)
    except typer.Abort:
        if given.empty:
            raise
        from mentorlog.core.common import keep_draft
        from mentorlog.core.recap import recap_argv
        from mentorlog.errors import UserError

        path = keep_draft(
            journal, f"recap-{target.mentor.name}", recap_argv(target, given)
        )
        raise UserError(
            f"stopped: nothing recorded; your answers are kept in {path} "
            f"(run `sh {shlex.quote(path)}` to record them)"
        ) from None


def _ask(target: RecapTarget, given: RecapInput, today: date) -> RecapInput:
    from mentorlog import render
    from mentorlog.core.common import text_of
    from mentorlog.core.tracking import new_action
    from mentorlog.errors import UserError

    planned = target.session.date
    moving = target.stored is not None and planned > today
    if moving and not typer.confirm(
        f"This meeting is planned for {planned.isoformat()}. Record it as held "
        f"today, {today.isoformat()}?",
        default=True,
    ):
        raise UserError(
            f"nothing recorded: the meeting stays planned for {planned.isoformat()}"
        )
    render.guided_intro(target)
    _many(
        "Takeaway (Enter to skip)",
        given.takeaways,
        lambda text: text_of(text, "takeaway"),
    )
    _many(
        "New action item, e.g. 'Email the lab due:friday' (Enter to skip)",
        given.actions,
        lambda text: new_action(text, today),
    )
    for short, action in target.carried:
        while True:
            fate = (
                typer.prompt(
                    f"Carried in: {render.safe(action.text)} — done, open or dropped?",
                    default="open",
                )
                .strip()
                .lower()
            )
            if fate in ("done", "d"):
                given.done.append(short)
            elif fate in ("dropped", "drop", "x"):
                given.dropped.append(short)
            elif fate not in ("open", "o", ""):
                render.warn("answer done, open or dropped")
                continue
            break
    for number, question in enumerate(target.questions, 1):
        if typer.confirm(
            f"Question: {render.safe(question)} — answered?", default=False
        ):
            given.answered.append(str(number))
    _many(
        "Feedback you received (Enter to skip)",
        given.feedback,
        lambda text: text_of(text, "feedback"),
    )
    area = typer.prompt(
        "Area you asked feedback on",
        default=target.session.feedback_area or "",
        show_default=bool(target.session.feedback_area),
    ).strip()
    given.feedback_asked = area or None
    given.appreciated = typer.confirm("Did you thank them at the end?", default=True)
    return given


def record_or_keep(
    journal: Journal, target: RecapTarget, given: RecapInput, today: date
) -> RecapResult:
    """Record the answers; if that fails, they are kept as a draft first."""
    from mentorlog.core.common import keep_draft
    from mentorlog.core.recap import recap_argv, record_recap
    from mentorlog.errors import MentorlogError

    ref = target.session.id if target.stored is not None else target.mentor.id
    try:
        return record_recap(journal, ref, given, today)
    except MentorlogError as error:
        try:
            path = keep_draft(
                journal, f"recap-{target.mentor.name}", recap_argv(target, given)
            )
        except MentorlogError:
            raise error from None
        kept = (
            f"nothing recorded; your answers are kept in {path} "
            f"(run `sh {shlex.quote(path)}` once it is fixed)"
        )
        error.hint = f"{error.hint} {kept}" if error.hint else kept
        raise


def no_terminal(command: str, options: str) -> None:
    """A command that would prompt, run without a terminal: it writes nothing."""
    from mentorlog.errors import UserError

    raise UserError(
        f"{command} asks its questions on a terminal, and this is not one; "
        f"nothing was written. Pass {options}"
    )
