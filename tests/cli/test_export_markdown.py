"""The Markdown export reads hand-written notes as Markdown: their headings go
two levels down under the export's own, by the parsed structure, so code,
fences and quotes keep every character; resources keep their address."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import Run

NOTES = """
# What we covered

Some text with a # in the middle.

```python
# a comment in a fence, not a heading
print("hi")
```

~~~
## also not a heading
~~~

    # an indented code block

#### A hand-written H4

##### An H5

###### An H6

Setext title
============

> ## A quoted heading

- ### A heading in a list item

#hashtag is not a heading
"""


def _export_with_notes(run: Run, home: Path) -> str:
    assert run("init", "--name", "Sam Rivera").exit_code == 0
    assert run("mentors", "add", "Ada Lovelace").exit_code == 0
    assert run("prep", "ada", "--on", "tuesday").exit_code == 0
    (session,) = (home / "sessions").glob("*.md")
    session.write_text(session.read_text() + NOTES)
    result = run("export", "--format", "md")
    assert result.exit_code == 0, result.stderr
    return result.stdout


def test_headings_go_two_levels_down_and_code_is_untouched(
    run: Run, home: Path
) -> None:
    out = _export_with_notes(run, home)
    lines = out.splitlines()
    for expected in (
        "### What we covered",
        "Some text with a # in the middle.",
        "# a comment in a fence, not a heading",
        "## also not a heading",
        "    # an indented code block",
        "###### A hand-written H4",
        "###### An H5",  # past H6: stays an H6
        "###### An H6",
        "### Setext title",
        "> #### A quoted heading",
        "- ##### A heading in a list item",
        "#hashtag is not a heading",
    ):
        assert expected in lines, expected
    assert not any(line.startswith("#######") for line in lines)
    assert "============" not in lines


def test_the_export_parses_back_with_the_same_headings_in_the_notes(
    run: Run, home: Path
) -> None:
    from markdown_it import MarkdownIt

    out = _export_with_notes(run, home)
    tokens = MarkdownIt("commonmark").parse(out)
    headings = [
        (t.tag, tokens[i + 1].content)
        for i, t in enumerate(tokens)
        if t.type == "heading_open"
    ]
    notes = headings[headings.index(("h3", "What we covered")) :]
    assert notes[:7] == [
        ("h3", "What we covered"),
        ("h6", "A hand-written H4"),
        ("h6", "An H5"),
        ("h6", "An H6"),
        ("h3", "Setext title"),
        ("h4", "A quoted heading"),
        ("h5", "A heading in a list item"),
    ]
    fences = [t.content for t in tokens if t.type in ("fence", "code_block")]
    assert fences == [
        '# a comment in a fence, not a heading\nprint("hi")\n',
        "## also not a heading\n",
        "# an indented code block\n",
    ]


def test_resources_keep_their_address(run: Run) -> None:
    assert run("init").exit_code == 0
    added = run(
        "resources",
        "add",
        "The Pragmatic Programmer",
        "--kind",
        "book",
        "--url",
        "https://example.org/pragprog",
    )
    assert added.exit_code == 0, added.stderr
    out = run("export", "--format", "md").stdout
    assert (
        "- [ ] The Pragmatic Programmer (book) · https://example.org/pragprog"
        in out.splitlines()
    )
