from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mentorlog.store.ids import ALPHABET, new_id, random_part, short_ids
from mentorlog.store.slugs import inside, slugify


def test_ids_are_time_ordered_and_unique() -> None:
    ids = [new_id(now_ms=1_700_000_000_000 + i // 10) for i in range(2000)]
    assert len(set(ids)) == 2000
    assert all(len(i) == 26 and set(i) <= set(ALPHABET) for i in ids)
    times = [i[:10] for i in ids]
    assert times == sorted(times)
    assert new_id(now_ms=1) < new_id(now_ms=2)


def test_short_ids_are_unique_prefixes_of_the_random_half() -> None:
    ids = [new_id(now_ms=5) for _ in range(3000)]
    short = short_ids(ids)
    assert len(set(short.values())) == len(ids)
    for full, brief in short.items():
        assert random_part(full).startswith(brief)
        assert len(brief) >= 4


def test_short_ids_grow_only_as_needed() -> None:
    a = "0" * 10 + "abcd" + "0" * 12
    b = "0" * 10 + "abce" + "0" * 12
    assert short_ids([a, b]) == {a: "abcd", b: "abce"}
    c = "0" * 10 + "abcdz" + "0" * 11
    assert short_ids([a, c]) == {a: "abcd0", c: "abcdz"}


@given(
    st.lists(st.text(alphabet="01z", min_size=16, max_size=16), min_size=1, max_size=40)
)
def test_short_ids_are_the_shortest_prefixes_that_tell_them_apart(
    halves: list[str],
) -> None:
    """Random halves from three letters share long prefixes (or are equal):
    the length is the least, from 4, at which the prefixes are all different,
    else the whole half."""
    ids = ["0" * 10 + half for half in halves]
    length = len(next(iter(short_ids(ids).values())))
    distinct = len(set(halves))
    fits = [n for n in range(4, 17) if len({h[:n] for h in halves}) == distinct]
    assert length == (fits[0] if distinct == len(halves) else 16)


@given(st.text())
def test_any_text_becomes_a_safe_slug(text: str) -> None:
    slug = slugify(text, fallback="goal")
    assert slug
    assert len(slug) <= 60
    assert set(slug) <= set("abcdefghijklmnopqrstuvwxyz0123456789-")
    assert not slug.startswith("-") and not slug.endswith("-")


@given(st.text(min_size=1))
def test_slugs_stay_inside_their_folder(
    tmp_path_factory: pytest.TempPathFactory, text: str
) -> None:
    folder = Path("/tmp/mentorlog-slug-check")
    path = inside(folder, slugify(text, fallback="goal") + ".toml")
    assert path.parent == folder


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Learn Rust", "learn-rust"),
        ("../../etc/passwd", "etc-passwd"),
        ("Crème brûlée ✨", "creme-brulee"),
        ("🎉🎉", "goal"),
        ("[bold red]x[/]", "bold-red-x"),
        ("a" * 200, "a" * 60),
    ],
)
def test_slug_examples(title: str, slug: str) -> None:
    assert slugify(title, fallback="goal") == slug


@pytest.mark.parametrize("name", ["", ".", "..", "a/b", "..\\x", "a\0b"])
def test_unsafe_names_are_refused(tmp_path: Path, name: str) -> None:
    with pytest.raises(ValueError):
        inside(tmp_path, name)


def test_ids_made_in_one_process_sort_in_the_order_they_were_made() -> None:
    from mentorlog.store.ids import new_id

    made = [new_id() for _ in range(200)]  # many share a real millisecond
    assert made == sorted(made)
    assert len(set(made)) == 200
