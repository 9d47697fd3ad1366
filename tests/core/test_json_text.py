"""`export.json_text` is `json.dumps(value, indent=2, ensure_ascii=True)`."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from mentorlog.core.export import json_text

SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text()
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.tuples(inner, inner)
        | st.dictionaries(st.text(max_size=5), inner, max_size=4)
        | st.dictionaries(st.integers(), inner, max_size=3)
    ),
    max_leaves=30,
)


@given(VALUES)
def test_json_text_is_json_dumps_with_an_indent(value: Any) -> None:
    assert json_text(value) == json.dumps(value, indent=2, ensure_ascii=True)


def test_json_text_of_nested_and_empty_containers() -> None:
    value = {"a": [], "b": {}, "c": [{"d": [1, {"e": None}]}], 1: ["é\x1b"]}
    assert json_text(value) == json.dumps(value, indent=2, ensure_ascii=True)
