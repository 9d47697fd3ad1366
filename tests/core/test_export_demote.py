"""The export's heading demotion, as a property: whatever Markdown a note
holds, the demoted text parses to the same blocks, with each heading's level
moved two down (at most 6) and the same text, and every code block, fence and
HTML block byte for byte."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from mentorlog.core.export import DEEPEST, _demote

LINES = st.sampled_from(
    [
        "",
        "# Title",
        "## Sub",
        "#### Deep",
        "###### Deepest",
        "####### seven is text",
        "#hashtag",
        "   ### indented three",
        "    # indented code",
        "```",
        "~~~",
        "```python",
        "# comment",
        "text",
        "more text",
        "===",
        "---",
        "> # quoted",
        "> text",
        "- item",
        "- ## item heading",
        "1. # numbered heading",
        "  continued",
        "<div>",
        "</div>",
        "# trailing hashes ##",
        "# form\x0cfeed",
        "line\u2028separator",
        "# crlf\r",
        "\ttab",
        "#",
    ]
)


def blocks(text: str) -> list[tuple[str, str, str]]:
    found = []
    tokens = MarkdownIt("commonmark").parse(text)
    for index, token in enumerate(tokens):
        if token.type == "heading_open":
            found.append(
                ("heading", token.tag, " ".join(tokens[index + 1].content.split()))
            )
        elif token.type in ("fence", "code_block", "html_block"):
            found.append((token.type, token.info, token.content))
        elif token.type == "inline" and tokens[index - 1].type != "heading_open":
            found.append(("inline", "", token.content))
    return found


@settings(max_examples=500, deadline=None)
@given(st.lists(LINES, max_size=14))
def test_demoting_moves_headings_only(lines: list[str]) -> None:
    body = "\n".join(lines)
    before = blocks(body)
    after = blocks(_demote(body))
    expected = [
        ("heading", f"h{min(int(tag[1]) + 2, DEEPEST)}", text)
        if kind == "heading"
        else (kind, tag, text)
        for kind, tag, text in before
    ]
    assert after == expected
