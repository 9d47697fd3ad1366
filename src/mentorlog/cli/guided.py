"""The guided recap: the same steps as the options, asked one at a time."""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer

if TYPE_CHECKING:
    from mentorlog.core.recap import RecapInput, RecapTarget


def _many(question: str) -> list[str]:
    answers: list[str] = []
    while True:
        answer = typer.prompt(question, default="", show_default=False).strip()
        if not answer:
            return answers
        answers.append(answer)
        question = "  another (Enter when done)"


def guided_recap(target: RecapTarget, given: RecapInput) -> RecapInput:
    from mentorlog import render

    render.guided_intro(target)
    given.takeaways = _many("Takeaway (Enter to skip)")
    given.actions = _many(
        "New action item, e.g. 'Email the lab due:friday' (Enter to skip)"
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
    given.feedback = _many("Feedback you received (Enter to skip)")
    area = typer.prompt(
        "Area you asked feedback on",
        default=target.session.feedback_area or "",
        show_default=bool(target.session.feedback_area),
    ).strip()
    given.feedback_asked = area or None
    given.appreciated = typer.confirm("Did you thank them at the end?", default=True)
    return given
