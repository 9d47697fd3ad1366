"""The derived record cache: used by read-only loads, never trusted over the
files, never used by a writer."""

import json
import os
import stat
import time
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from mentorlog.errors import MentorlogError
from mentorlog.models import Goal, fields_of
from mentorlog.store import cache, reader
from mentorlog.store import settings as settings_module
from mentorlog.store.ids import new_id
from mentorlog.store.journal import Journal
from mentorlog.store.kinds import ACTIONS, GOALS


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


def test_a_row_damaged_in_a_way_the_checksum_cannot_see_is_not_believed(
    cached: tuple[Journal, Path, Path],
) -> None:
    """A cache written with a valid checksum but a bad value (not something a
    disk does; a tool might): the file is read instead and the cache dropped."""
    journal, path, cache_file = cached
    entries = cache.read_cache(cache_file)
    entries[path.name][3][3] = "not a date"  # created
    cache.write_cache(cache_file, entries)
    (stored,) = journal.load(GOALS).records
    assert stored.record.created == date(2026, 11, 22)
    assert stored.record.title == "Cached goal"
    assert not cache_file.exists()  # rebuilt by the next command


def test_a_row_with_a_strange_body_or_problem_is_a_miss(
    cached: tuple[Journal, Path, Path],
) -> None:
    journal, path, cache_file = cached
    for position, strange in ((4, 5), (5, 5), (5, [1]), (4, ["x"])):
        entries = cache.read_cache(cache_file)
        entries[path.name][position] = strange
        cache.write_cache(cache_file, entries)
        loaded = Journal(journal.root).load(GOALS)
        assert [s.record.title for s in loaded.records] == ["Cached goal"]
        assert loaded.problems == []


def test_a_cache_from_a_release_with_other_fields_is_not_read(
    cached: tuple[Journal, Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Rows are values in field order: a release that reorders fields must not
    read them into the wrong ones, even with the same number of fields."""
    journal, path, cache_file = cached
    entries = cache.read_cache(cache_file)
    entries[path.name][3][1] = "From the cache"
    cache.write_cache(cache_file, entries)
    assert journal.load(GOALS).records[0].record.title == "From the cache"
    swapped = list(fields_of(Goal))
    title = [spec.name for spec in swapped].index("title")
    area = [spec.name for spec in swapped].index("area")
    swapped[title], swapped[area] = swapped[area], swapped[title]
    monkeypatch.setattr(Goal, "_field_table", tuple(swapped))
    monkeypatch.setattr(Goal, "_field_names", None)
    for memo in ("_decoders", "_plain"):
        monkeypatch.setattr(cache, memo, {})
    monkeypatch.setattr(cache, "_fingerprint", [])
    journal = Journal(journal.root)
    assert journal.load(GOALS).records[0].record.title == "Cached goal"


def test_saving_an_unchanged_record_still_notices_a_file_changed_since(
    cached: tuple[Journal, Path, Path],
) -> None:
    """Nothing to write only if the file is still what the command read."""
    journal, path, _ = cached
    with journal.transaction():
        stored = journal.load(GOALS).records[0]
        assert journal.save(GOALS, stored.record, stored) == path  # truly nothing
        path.write_text(path.read_text().replace("Cached goal", "Changed by a tool"))
        with pytest.raises(MentorlogError, match="changed while this command ran"):
            journal.save(GOALS, stored.record, stored)
    assert "Changed by a tool" in path.read_text()


def test_keys_added_by_hand_are_cached_whatever_their_type(journal: Journal) -> None:
    """A hand-added date, time, table or array is kept through the cache, so a
    record with one does not send every run back to the file."""
    path = add(journal, "Hand edited")
    path.write_text(
        path.read_text()
        + "started = 2024-01-02\nat = 07:30:00\nwhen = 2024-01-02T07:30:00+01:00\n"
        + 'tags = ["a", 1, 2.5, true, [2024-01-03]]\n[notes]\nmood = "ok"\n'
    )
    age(path)
    first = journal.load(GOALS).records[0].record.model_extra
    cache_file = journal.root / ".cache" / "goals.json"
    assert path.name in cache.read_cache(cache_file)  # cached, not skipped
    second = Journal(journal.root).load(GOALS).records[0]
    assert second._record is None  # served by the cache: built from its row
    assert second.record.model_extra == first
    assert first["started"] == date(2024, 1, 2)
    assert first["notes"] == {"mood": "ok"}
    assert first["tags"][4] == [date(2024, 1, 3)]


def _forge(cache_file: Path, entries: dict[str, object], key: bytes) -> None:
    """Write `entries` as a cache signed with `key` (another machine's, say)."""
    import json

    payload = json.dumps(entries, separators=(",", ":"), ensure_ascii=False).encode()
    cache_file.write_bytes(cache._header(payload, key) + b"\n" + payload)


def test_a_cache_this_machine_did_not_write_is_never_believed(
    cached: tuple[Journal, Path, Path],
) -> None:
    """Local state is trusted only if this machine wrote it (SPEC §7.9): a
    `.cache/` copied or synced in, even one with the right format, checksum and
    file keys, is ignored and rebuilt from the files."""
    journal, path, cache_file = cached
    entries = cache.read_cache(cache_file)
    entries[path.name][3][1] = "Forged by another device"  # the title
    _forge(cache_file, entries, b"another machine's key".ljust(32, b"!"))
    assert [s.record.title for s in Journal(journal.root).load(GOALS).records] == [
        "Cached goal"
    ]
    # the same rows signed with this machine's key are used: the check above is
    # the signature, not some other difference
    _forge(cache_file, entries, cache._machine_key(cache_file.parent, create=False))  # type: ignore[arg-type]
    assert [s.record.title for s in Journal(journal.root).load(GOALS).records] == [
        "Forged by another device"
    ]


def test_without_a_secret_of_this_machine_nothing_is_cached_or_believed(
    cached: tuple[Journal, Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    journal, _, cache_file = cached
    monkeypatch.setattr(cache, "_machine_keys", {})
    monkeypatch.setattr("mentorlog.store.undo.machine_secret", lambda create: None)
    assert cache.read_cache(cache_file) == {}
    cache_file.unlink()
    assert [s.record.title for s in Journal(journal.root).load(GOALS).records] == [
        "Cached goal"
    ]
    assert not cache_file.exists()


@pytest.mark.parametrize("cache_on", [True, False])
def test_a_duplicate_id_is_one_problem_at_its_id_line_from_either_source(
    journal: Journal, monkeypatch: pytest.MonkeyPatch, cache_on: bool
) -> None:
    """A copy of a file (a sync conflict copy) holds an id already seen: the
    copy is skipped with the same problem, named at its `id` line, whether the
    records come from their files or from the cache, and with the cache off."""
    if not cache_on:
        monkeypatch.setenv("MENTORLOG_NO_CACHE", "1")
    path = add(journal, "Ship it")
    copy = path.with_name("z-ship-it (copy).toml")  # read second
    copy.write_text("# a copy\n\n" + path.read_text())
    age(path)
    age(copy)
    line = (
        copy.read_text()
        .split("\n")
        .index(f'id = "{journal.read(GOALS, path).record.id}"')
        + 1
    )
    seen = []
    for _ in range(2):  # read from the files, then (cache on) from their rows
        loaded = journal.load(GOALS)
        assert [s.file for s in loaded.records] == [f"goals/{path.name}"]
        seen.append([str(p) for p in loaded.problems])
    assert (
        seen[0]
        == seen[1]
        == [
            f"goals/{copy.name}:{line}: duplicate id: goals/{path.name} has the same "
            "id (a copy? keep one of the two)"
        ]
    )
    assert (journal.root / ".cache" / "goals.json").exists() is cache_on


def checkout(path: Path, content: bytes, *, seconds: float = 10) -> None:
    """What `git checkout` does to a file: a new file with `content` renamed
    over it (a new inode, a new modification time)."""
    fresh = path.with_name(f".{path.name}.new")
    fresh.write_bytes(content)
    os.chmod(fresh, 0o600)
    os.replace(fresh, path)
    age(path, seconds)


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every file parsed and validated, by its path in the journal."""
    parsed: list[str] = []
    real = reader.parse

    def counted(root: Path, kind: Any, text: str, relpath: str) -> Any:
        parsed.append(relpath)
        return real(root, kind, text, relpath)

    monkeypatch.setattr(reader, "parse", counted)
    return parsed


def test_a_file_touched_with_the_same_bytes_is_not_parsed_again(
    cached: tuple[Journal, Path, Path], parses: list[str]
) -> None:
    journal, path, cache_file = cached
    before = os.stat(path)
    checkout(path, path.read_bytes(), seconds=5)
    after = os.stat(path)
    assert (after.st_ino, after.st_mtime_ns) != (before.st_ino, before.st_mtime_ns)
    assert [s.record.title for s in journal.load(GOALS).records] == ["Cached goal"]
    assert parses == []
    # the entry now has the file's new key: the next load does not even hash it
    entry = cache.read_cache(cache_file)[path.name]
    assert entry[:3] == [after.st_ino, after.st_mtime_ns, after.st_size]
    assert [s.record.title for s in journal.load(GOALS).records] == ["Cached goal"]
    assert parses == []


def test_a_file_touched_just_now_is_hashed_until_it_settles(
    cached: tuple[Journal, Path, Path], parses: list[str]
) -> None:
    journal, path, cache_file = cached
    old_entry = cache.read_cache(cache_file)[path.name]
    checkout(path, path.read_bytes(), seconds=0)  # not settled yet
    for _ in range(2):
        assert [s.record.title for s in journal.load(GOALS).records] == ["Cached goal"]
    assert parses == []
    # its key is not kept until it has settled (a same-size rewrite within the
    # file system's tick would keep it): each load compares the bytes instead
    assert cache.read_cache(cache_file)[path.name] == old_entry


def test_a_touched_file_with_other_bytes_of_the_same_size_is_parsed(
    cached: tuple[Journal, Path, Path], parses: list[str]
) -> None:
    journal, path, _ = cached
    text = path.read_text()
    assert "Cached goal" in text
    checkout(path, text.replace("Cached goal", "Cached GOAL").encode())
    assert [s.record.title for s in journal.load(GOALS).records] == ["Cached GOAL"]
    assert parses == ["goals/" + path.name]


def test_a_broken_file_touched_stays_a_problem_without_a_parse(
    journal: Journal, parses: list[str]
) -> None:
    bad = journal.root / "goals" / "bad.toml"
    age(add(journal, "Good"))
    bad.write_text('id = "x"\ntitle = \n')
    age(bad)
    first = journal.load(GOALS).problems
    parses.clear()
    checkout(bad, bad.read_bytes())
    assert journal.load(GOALS).problems == first
    assert parses == []


def test_a_digest_in_a_forged_cache_is_not_believed(
    cached: tuple[Journal, Path, Path], parses: list[str]
) -> None:
    """The digests are believed only inside a cache this machine signed."""
    journal, path, cache_file = cached
    entries = cache.read_cache(cache_file)
    entries[path.name][3][1] = "Forged"
    raw = cache_file.read_bytes()
    head, _, _ = raw.partition(b"\n")
    payload = json.dumps(entries, separators=(",", ":")).encode()
    cache_file.write_bytes(head + b"\n" + payload)  # the old MAC, other entries
    checkout(path, path.read_bytes())
    assert [s.record.title for s in journal.load(GOALS).records] == ["Cached goal"]
    assert parses == ["goals/" + path.name]


def test_settings_touched_with_the_same_bytes_are_not_validated_again(
    journal: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    add(journal, "A goal")
    path = journal.settings_path
    age(path)
    assert journal.settings().schema_version >= 1  # fills the cache
    validated: list[Any] = []
    real = settings_module.validate

    def counted(*args: Any, **kwargs: Any) -> Any:
        validated.append(args)
        return real(*args, **kwargs)

    monkeypatch.setattr(settings_module, "validate", counted)
    checkout(path, path.read_bytes())
    assert journal.settings().targets.goals_min == 3
    assert validated == []
    checkout(path, path.read_bytes().replace(b"goals_min = 3", b"goals_min = 2"))
    assert journal.settings().targets.goals_min == 2
    assert len(validated) == 1


def test_adding_a_record_reads_back_no_file(
    journal: Journal, parses: list[str]
) -> None:
    """A write validates what it writes, once: the file it just wrote is not
    read back and validated again to work out its short id."""
    from mentorlog.core.tracking import add_action

    first = add_action(journal, "Email Prof. Chen", date(2026, 11, 22))
    for path in (journal.root / "actions").iterdir():
        age(path)
    journal.load(ACTIONS)  # the cache holds the first action
    parses.clear()
    second = add_action(journal, "Send the draft", date(2026, 11, 22))
    assert parses == []
    shorts = {first.short, second.short}
    assert len(shorts) == 2
    loaded = journal.load(ACTIONS)
    assert {loaded.short[s.record.id] for s in loaded.records} == shorts


def test_a_record_kept_does_not_keep_the_rows_of_its_folder(
    journal: Journal,
) -> None:
    """A command that keeps a few records of thousands frees the others' rows
    (and the cache they came in) once it drops them."""
    import gc
    import sys

    for title in ("First", "Second", "Third"):
        age(add(journal, title))
    journal.load(GOALS)  # fills the cache
    journal.forget()
    loaded = journal.load(GOALS)
    keep, other = loaded.records[0], loaded.records[1]
    row = other._row
    assert row is not None and keep._row is not None  # served by the cache
    del loaded, other
    journal.forget()
    gc.collect()
    assert sys.getrefcount(row) == 2  # `row` here, and the call's argument
    assert keep.record.title in {"First", "Second", "Third"}


def test_records_served_by_the_cache_hold_nothing_of_their_own_they_do_not_use(
    journal: Journal,
) -> None:
    """At ten times the data a read keeps 28,000 records alive: one that came
    from the cache shares one read-only, empty TOML mapping (its file is read
    before any save), and its short ids keep the ids, not the file names."""
    for title in ("First goal", "Second goal"):
        age(add(journal, title))
    journal.load(GOALS)  # fills the cache
    journal.forget()
    loaded = journal.load(GOALS)
    first, second = loaded.records
    assert first.cached and second.cached
    assert first.data is second.data and not first.data
    with pytest.raises(TypeError):
        first.data["title"] = "changed"  # type: ignore[index]
    assert set(loaded.short._ids.values()) == {None}  # type: ignore[attr-defined]
    # saving one still reads its file, as before
    with journal.transaction():
        done = first.record.model_copy(update={"status": "done"})
        journal.save(GOALS, done, first)
    assert 'status = "done"' in first.path.read_text()
