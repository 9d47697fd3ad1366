"""Random operations on two real clones, synced in a random order: nothing
is lost, and the only conflict notes are the same field changed on both
(issue 19). Few examples: each runs mentorlog and git as real processes."""

import json
import tempfile
import tomllib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.gitjournal import Device, copy_pair, make_shared_journal

OPS = st.lists(
    st.one_of(
        st.tuples(st.just("tick"), st.sampled_from(["1", "2", "3"])),
        st.tuples(st.just("milestone"), st.sampled_from(["Alpha", "Beta"])),
        st.tuples(st.just("done"), st.sampled_from(["email ada", "read chapter"])),
        st.tuples(st.just("channel"), st.sampled_from(["video", "email"])),
    ),
    min_size=1,
    max_size=3,
)


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_shared_journal(tmp_path_factory.mktemp("template"))


def run(device: Device, op: tuple[str, str]) -> None:
    what, arg = op
    args = {
        "tick": ("goals", "tick", "learn rust", arg),
        "milestone": ("goals", "milestone", "learn rust", arg),
        "done": ("actions", "done", arg),
        "channel": ("mentors", "agree", "ada", "--channel", arg),
    }[what]
    done = device.ml(*args)
    # the same tick or close twice on one device is refused, nothing else is
    assert done.returncode == 0 or "already" in done.stderr, (args, done.stderr)


@settings(
    max_examples=5,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(OPS, OPS, st.booleans())
def test_random_edits_on_two_devices_lose_nothing(
    template: Path, mine: list, theirs: list, phone_first: bool
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        laptop, phone = copy_pair(template, Path(folder))
        for op in mine:
            run(laptop, op)
        for op in theirs:
            run(phone, op)
        order = [phone, laptop, phone] if phone_first else [laptop, phone, laptop]
        for device in order:
            done = device.ml("sync")
            assert done.returncode == 0, (device.name, done.stderr)
        ticked = {arg for what, arg in mine + theirs if what == "tick"}
        added = {arg for what, arg in mine + theirs if what == "milestone"}
        closed = {arg for what, arg in mine + theirs if what == "done"}
        channels = [
            [arg for what, arg in ops if what == "channel"][-1:]
            for ops in (mine, theirs)
        ]
        for device in (laptop, phone):
            [goal] = json.loads(device.ok("goals", "--all", "--json"))
            milestones = goal["milestones"]
            for number in ticked:
                assert milestones[int(number) - 1]["done"]
            assert added <= {m["title"] for m in milestones}
            actions = json.loads(device.ok("actions", "--all", "--json"))
            status = {a["text"].lower(): a["status"] for a in actions}
            for ref in closed:
                assert status[next(k for k in status if k.startswith(ref))] == "done"
            [path] = (device.journal / "mentors").glob("ada*.md")
            data = tomllib.loads(path.read_text().split("+++\n")[1])
            notes = data.get("merge_conflicts", [])
            both = [c[0] for c in channels if c]
            once = all(
                sum(what == "channel" for what, _ in ops) <= 1 for ops in (mine, theirs)
            )
            if len(both) == 2 and both[0] != both[1] and once:
                [note] = notes  # the only conflict: one field changed on both
                assert note["field"] == "agreement.channel"
                assert {note["kept"], note["lost"]} == set(both)
                assert data["agreement"]["channel"] == note["kept"]
            elif once:
                assert notes == []
                if both:
                    assert data["agreement"]["channel"] in both
            else:
                # a sync replays each commit in turn: a device that changed the
                # channel twice may meet the other's value at either step, so
                # the only notes are about the channel, and nothing else is lost
                assert all(n["field"] == "agreement.channel" for n in notes)
                said = {arg for what, arg in mine + theirs if what == "channel"}
                assert data["agreement"]["channel"] in said
