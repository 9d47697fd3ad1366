"""Validation of what is read (and of what is about to be written): a record
that does not validate is a `DataError` naming the file, the line and the field,
in words."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeVar

from mentorlog.errors import DataError, MentorlogError

from . import tomlfile

if TYPE_CHECKING:
    from pydantic_core import ValidationError

    from mentorlog.models import Model

    from .records import Kind

M = TypeVar("M", bound="Model")


def validate(
    model: type[M],
    data: dict[str, Any],
    text: str,
    relpath: str,
    *,
    first_line: int = 1,
) -> M:
    from pydantic_core import ValidationError

    try:
        record: M = model.model_validate(data)
    except ValidationError as error:
        raise validation_problem(error, text, relpath, first_line) from None
    return record


def validation_problem(
    error: ValidationError, text: str, relpath: str, first_line: int = 1
) -> DataError:
    """Every validation error of a file as one problem: the first as `path:line:
    field: what is wrong`, then each other one with its own field and line, so
    `doctor` lists them all (SPEC §7.4)."""
    said: list[str] = []
    first_line_of_error: int | None = None
    for item in error.errors(include_url=False):
        loc = [part for part in item["loc"] if isinstance(part, str | int)]
        line = tomlfile.line_of(text, loc, first_line=first_line)
        where = ".".join(
            f"{part}" if isinstance(part, str) else f"[{part + 1}]" for part in loc
        ).replace(".[", "[")
        message = describe(item)
        if not said:
            first_line_of_error = line
            said.append(f"{where}: {message}" if where else message)
        else:
            at = f" (line {line})" if line else ""
            said.append(f"{where}{at}: {message}" if where else message)
    return DataError(relpath, first_line_of_error, "; ".join(said))


def describe(item: Any) -> str:
    """A pydantic error in words, quoting at most a short, printable input."""
    kind = item["type"]
    ctx = item.get("ctx") or {}
    value = item.get("input")
    shown = ""
    if isinstance(value, str | int | float) and not isinstance(value, bool):
        text = str(value)
        text = "".join(ch if ch.isprintable() else "?" for ch in text)
        shown = f' ("{text[:40]}{"..." if len(text) > 40 else ""}")'
    messages = {
        "missing": "is required",
        "string_type": "should be text in quotes",
        "string_too_short": "is empty",
        "bool_type": "should be true or false",
        "bool_parsing": "should be true or false",
        "int_type": "should be a whole number",
        "int_parsing": "should be a whole number",
        "int_from_float": "should be a whole number",
        "finite_number": "should be a whole number",  # nan, inf
        "list_type": "should be a list",
        "model_type": "should be a table",
        "dict_type": "should be a table",
        "model_attributes_type": "should be a table",
        "string_pattern_mismatch": "is not a mentorlog id (26 letters and digits)",
    }
    if kind == "value_error":
        reason = str(ctx.get("error", "is not valid"))
        advice = ""
        if "(" in reason:
            reason, advice = reason.split("(", 1)
            advice = "; " + advice.rstrip(")")
        return f"{reason.strip()}{shown}{advice}"
    if kind == "literal_error":
        return f"should be one of {ctx.get('expected', '')}{shown}"
    if kind in ("greater_than_equal", "greater_than"):
        bound = ctx.get("ge", ctx.get("gt"))
        return f"should be at least {bound}{shown}"
    if kind in messages:
        return messages[kind] + ("" if kind == "missing" else shown)
    return f"is not valid{shown}"


def check_before_writing(kind: Kind[Any], data: dict[str, Any], relpath: str) -> None:
    """Records are built by the core from checked input, not validated when
    made; a record that would not read back is a bug, and is not written."""
    from pydantic_core import ValidationError

    try:
        kind.model.model_validate(data)
    except ValidationError as error:
        problem = validation_problem(error, "", relpath)
        from mentorlog.messages import errors as e

        raise MentorlogError(e.WriteInvalid(str(problem.detail), relpath)) from None
