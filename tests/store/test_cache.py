"""The derived record cache: used by read-only loads, never trusted over the
files, never used by a writer."""

import os
import stat
import time
from datetime import date
from pathlib import Path

import pytest

from mentorlog.errors import DataError, MentorlogError
from mentorlog.models import Goal
from mentorlog.store import cache
from mentorlog.store.ids import new_id
from mentorlog.store.journal import Journal
from mentorlog.store.kinds import GOALS


def add(journal: Journal, title: str) -> Path:
    with journal.transaction():
        return journal.save(
            GOALS, Goal(id=new_id(), title=title, created=date(2026, 11, 22))
        )


def age(path: Path, seconds: float = 10) -> None:
    """Make a file look written `seconds` ago, so the cache takes it."""
    then = time.time() - seconds
    os.utime(path, (then, then))


@pytest.fixture
def cached(journal: Journal) -> tuple[Journal, Path, Path]:
    path = add(journal, "Cached goal")
    age(path)
    journal.load(GOALS)
    cache_file = journal.root / ".cache" / "goals.json"
    assert cache_file.exists()
    return journal, path, cache_file


def test_a_read_only_load_fills_a_private_cache(
    cached: tuple[Journal, Path, Path],
) -> None:
    journal, path, cache_file = cached
    assert stat.S_IMODE(cache_file.stat().st_mode) == 0o600
    assert stat.S_IMODE(cache_file.parent.stat().st_mode) == 0o700
    entries = cache.read_cache(cache_file)
    assert list(entries) == [path.name]
    assert [s.record.title for s in journal.load(GOALS).records] == ["Cached goal"]


def test_the_cache_is_used_when_files_are_unchanged(
    cached: tuple[Journal, Path, Path],
) -> None:
    journal, path, cache_file = cached
    entries = cache.read_cache(cache_file)
    entries[path.name][3][1] = "From the cache"  # the title
    cache.write_cache(cache_file, entries)
    # same file, same key: the (doctored) cache answers — proof it is used
    assert journal.load(GOALS).records[0].record.title == "From the cache"
    # a writer never trusts it: the file is read again before it is written,
    # and a record that does not match what the file says is not written
    before = path.read_bytes()
    with (
        pytest.raises(MentorlogError, match="changed while this command ran"),
        journal.transaction(),
    ):
        stored = journal.load(GOALS).records[0]
        done = stored.record.model_copy(update={"status": "done"})
        journal.save(GOALS, done, stored)
    assert path.read_bytes() == before
    assert not cache_file.exists()  # dropped: the next command rebuilds it


def test_a_changed_file_is_read_again(cached: tuple[Journal, Path, Path]) -> None:
    journal, path, _ = cached
    path.write_text(path.read_text().replace("Cached goal", "Edited by hand"))
    assert journal.load(GOALS).records[0].record.title == "Edited by hand"


def test_a_same_size_edit_in_the_same_tick_is_not_missed(journal: Journal) -> None:
    path = add(journal, "Fresh goal")
    journal.load(GOALS)  # the file is seconds old: not cached
    path.write_text(path.read_text().replace("Fresh goal", "Fresh gaol"))  # same size
    assert journal.load(GOALS).records[0].record.title == "Fresh gaol"


def test_a_corrupt_or_foreign_cache_is_ignored(
    cached: tuple[Journal, Path, Path],
) -> None:
    journal, _, cache_file = cached
    good = cache_file.read_bytes()
    damaged = good.replace(b"Cached goal", b"Cached goaL")  # a flipped bit on disk
    for garbage in (
        b"\x00\xff not json",
        b'{"version": 999, "entries": {}}',
        b"[]",
        damaged,
        good[: len(good) // 2],  # cut short
        good.replace(b"mentorlog-cache 2", b"mentorlog-cache 1"),  # older format
    ):
        cache_file.write_bytes(garbage)
        assert [s.record.title for s in journal.load(GOALS).records] == ["Cached goal"]


def test_an_entry_of_the_wrong_shape_is_not_used(
    cached: tuple[Journal, Path, Path],
) -> None:
    """A cache with a valid checksum but an entry this release cannot read (say,
    written by a future release): the file is read instead, and the entry mended."""
    journal, path, cache_file = cached
    entries = cache.read_cache(cache_file)
    del entries[path.name][3][2]  # a field fewer
    cache.write_cache(cache_file, entries)
    assert [s.record.title for s in journal.load(GOALS).records] == ["Cached goal"]
    for strange in (5, [1, 2], "entry", None, {"a": 1}):
        cache.write_cache(cache_file, {path.name: strange})
        assert [s.record.title for s in journal.load(GOALS).records] == ["Cached goal"]
    assert cache.read_cache(cache_file)[path.name][3][1] == "Cached goal"


def test_broken_files_are_remembered_as_problems(journal: Journal) -> None:
    add(journal, "Good")
    bad = journal.root / "goals" / "bad.toml"
    bad.write_text('id = "x"\ntitle = \n')
    age(bad)
    first = journal.load(GOALS)
    second = journal.load(GOALS)
    assert [str(p) for p in first.problems] == [str(p) for p in second.problems]
    assert str(second.problems[0]).startswith("goals/bad.toml:2: not valid TOML")


def test_an_unwritable_cache_costs_nothing_but_time(
    cached: tuple[Journal, Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    journal, _, cache_file = cached
    cache_file.unlink()

    real_open = os.open

    def refuse(path: object, *args: object, **kwargs: object) -> int:
        if ".cache" in str(path):
            raise PermissionError(13, "Permission denied")
        return real_open(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(cache.os, "open", refuse)
    assert [s.record.title for s in journal.load(GOALS).records] == ["Cached goal"]
    assert not cache_file.exists()


def test_a_record_is_built_from_its_row_only_when_used(
    cached: tuple[Journal, Path, Path],
) -> None:
    journal, _, _ = cached
    (stored,) = journal.load(GOALS).records
    assert stored.value("title") == "Cached goal"  # read from the row
    assert stored._record is None  # not built yet
    assert stored.record.created == date(2026, 11, 22)
    assert stored.value("created") == date(2026, 11, 22)  # from the record now


def test_a_row_damaged_in_a_way_the_checksum_cannot_see_is_named(
    cached: tuple[Journal, Path, Path],
) -> None:
    """A cache written with a valid checksum but a bad value (not something a
    disk does; a tool might): one clear line naming the file and the fix."""
    journal, path, cache_file = cached
    entries = cache.read_cache(cache_file)
    entries[path.name][3][3] = "not a date"  # created
    cache.write_cache(cache_file, entries)
    (stored,) = journal.load(GOALS).records
    with pytest.raises(DataError, match=r"delete the \.cache folder"):
        _ = stored.record
