"""A regular expression compiled the first time it is used, not at import:
start-up pays only for the patterns a command runs."""

from __future__ import annotations

import re
from typing import Any


class LazyPattern:
    """Stands in for `re.compile(pattern, flags)`."""

    __slots__ = ("_compiled", "flags", "pattern")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self.flags = flags
        self._compiled: re.Pattern[str] | None = None

    def __getattr__(self, name: str) -> Any:
        compiled = self._compiled
        if compiled is None:
            compiled = self._compiled = re.compile(self.pattern, self.flags)
        return getattr(compiled, name)


def lazy_re(pattern: str, flags: int = 0) -> re.Pattern[str]:
    return LazyPattern(pattern, flags)  # type: ignore[return-value]
