"""Options that several commands take, spelled the same everywhere."""

from __future__ import annotations

from typing import Annotated

import typer

# Every kind of record can be private (SPEC §9): never in a pre-read or report.
PrivateOption = Annotated[
    bool,
    typer.Option(
        "--private/--no-private",
        help="Private: never in a pre-read or report (export keeps it).",
    ),
]
