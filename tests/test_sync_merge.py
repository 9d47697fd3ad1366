"""Two devices, no conflicts: the record-aware merge git runs for mentorlog's
own files (issue 19). Two real clones of a bare remote, mentorlog and git run
as real processes."""

import json
import tomllib
from pathlib import Path

import pytest

from tests.gitjournal import Device, copy_pair, make_shared_journal


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_shared_journal(tmp_path_factory.mktemp("template"))


@pytest.fixture
def pair(template: Path, tmp_path: Path) -> tuple[Device, Device]:
    """A journal with a mentor, a goal with three milestones and two actions,
    on a laptop and, cloned from their remote, a phone."""
    return copy_pair(template, tmp_path)


def sync_all(laptop: Device, phone: Device) -> None:
    for device in (laptop, phone, laptop):
        done = device.ml("sync")
        assert done.returncode == 0, (device.name, done.stdout, done.stderr)


def goal(device: Device) -> dict:
    [found] = json.loads(device.ok("goals", "--all", "--json"))
    return found


def raw(device: Device, folder: str, start: str) -> dict:
    [path] = (device.journal / folder).glob(start + "*")
    text = path.read_text()
    assert "<<<<<<<" not in text and ">>>>>>>" not in text
    if path.suffix == ".md":
        text = text.split("+++\n")[1]
    return tomllib.loads(text)


def test_neighbouring_edits_of_one_record_merge(pair: tuple[Device, Device]) -> None:
    """Each of these pairs conflicted under git's line merge."""
    laptop, phone = pair
    # tick different milestones; add one milestone each to the same goal
    laptop.ok("goals", "tick", "learn rust", "1")
    phone.ok("goals", "tick", "learn rust", "2")
    laptop.ok("goals", "milestone", "learn rust", "From the laptop")
    phone.ok("goals", "milestone", "learn rust", "From the phone")
    # different parts of one agreement
    laptop.ok("mentors", "agree", "ada", "--channel", "video")
    phone.ok("mentors", "agree", "ada", "--reschedule-notice", "48h")
    # actions done and dropped
    laptop.ok("actions", "done", "email ada")
    phone.ok("actions", "drop", "read chapter")
    sync_all(laptop, phone)
    for device in (laptop, phone):
        found = goal(device)
        assert [(m["title"], m["done"]) for m in found["milestones"]] == [
            ("Read the book", True),
            ("Write a CLI", True),
            ("Ship it", False),
            ("From the laptop", False),
            ("From the phone", False),
        ]
        agreement = raw(device, "mentors", "ada")["agreement"]
        assert agreement["channel"] == "video"
        assert agreement["reschedule_notice"] == "48h"
        actions = json.loads(device.ok("actions", "--all", "--json"))
        assert {a["text"]: a["status"] for a in actions} == {
            "Email Ada": "done",
            "Read chapter 3": "dropped",
        }
        assert "merge_conflicts" not in device.ok("doctor")
    assert laptop.git("rev-parse", "HEAD") == phone.git("rev-parse", "HEAD")


def test_settings_edited_by_hand_on_both(pair: tuple[Device, Device]) -> None:
    laptop, phone = pair
    for device, key, value in ((laptop, "goals_min", "2"), (phone, "goals_max", "7")):
        path = device.journal / "mentorlog.toml"
        text = path.read_text()
        assert f"{key} = " in text
        lines = [
            f"{key} = {value}  # set on the {device.name}"
            if line.startswith(f"{key} =")
            else line
            for line in text.splitlines()
        ]
        path.write_text("\n".join(lines) + "\n")
        device.git("commit", "-q", "-am", f"{key} by hand")
    sync_all(laptop, phone)
    for device in (laptop, phone):
        text = (device.journal / "mentorlog.toml").read_text()
        targets = tomllib.loads(text)["targets"]
        assert (targets["goals_min"], targets["goals_max"]) == (2, 7)
        assert "# set on the" in text  # a hand edit's comments survive
        assert text.startswith("# mentorlog settings.")
        device.ok("doctor")


def test_hand_edits_in_different_sections_of_the_notes(
    pair: tuple[Device, Device],
) -> None:
    laptop, phone = pair
    for device in (laptop, phone):
        device.ml("sync")
        [path] = (device.journal / "mentors").glob("ada*.md")
        text = path.read_text()
        if device is laptop:
            text = text.replace("## Notes\n", "## Notes\n\nLikes short emails.\n")
            text = text.replace('kind = "ongoing"', 'kind = "ongoing"\norg = "Acme"')
        else:
            text += "\n## Ideas\n\nAsk about her book.\n"
        path.write_text(text)
        device.git("commit", "-q", "-am", "notes by hand")
    sync_all(laptop, phone)
    for device in (laptop, phone):
        [path] = (device.journal / "mentors").glob("ada*.md")
        text = path.read_text()
        assert "Likes short emails." in text and "Ask about her book." in text
        assert raw(device, "mentors", "ada")["org"] == "Acme"
        device.ok("doctor")


def test_the_same_field_changed_on_both_keeps_the_later_and_notes_the_other(
    pair: tuple[Device, Device],
) -> None:
    laptop, phone = pair
    laptop.ok("mentors", "agree", "ada", "--channel", "email")
    phone.ok("sync")  # the phone has nothing yet
    laptop.ok("sync")
    phone.ok("mentors", "agree", "ada", "--channel", "video")  # the later change
    laptop.ok("mentors", "agree", "ada", "--channel", "phone")
    # the phone's commit is later (git author times are whole seconds)
    phone.git("commit", "-q", "--amend", "--no-edit", "--date", "2030-01-01T00:00:00")
    sync_all(laptop, phone)
    for device in (laptop, phone):
        data = raw(device, "mentors", "ada")
        assert data["agreement"]["channel"] == "video"
        [note] = data["merge_conflicts"]
        assert (note["field"], note["kept"], note["lost"]) == (
            "agreement.channel",
            "video",
            "phone",
        )
        said = device.ml("doctor")
        assert "agreement.channel" in said.stdout + said.stderr
        shown = device.ml("mentors", "show", "ada")
        assert shown.returncode == 0
        assert "both devices changed agreement.channel" in shown.stderr
        assert "'phone'" in shown.stderr


def test_the_later_change_wins_whichever_device_syncs_last(
    pair: tuple[Device, Device],
) -> None:
    """The device that syncs last replays its own change onto the other's: when
    its change is the older one, the other device's value is kept (and its own
    noted), not the other way round."""
    laptop, phone = pair
    laptop.ok("mentors", "agree", "ada", "--channel", "email")
    phone.ok("sync")
    laptop.ok("sync")
    phone.ok("mentors", "agree", "ada", "--channel", "video")  # the older change
    phone.git("commit", "-q", "--amend", "--no-edit", "--date", "2029-01-01T00:00:00")
    laptop.ok("mentors", "agree", "ada", "--channel", "phone")  # the later change
    laptop.git("commit", "-q", "--amend", "--no-edit", "--date", "2030-01-01T00:00:00")
    laptop.ok("sync")
    phone.ok("sync")  # replays the older change onto the later one
    laptop.ok("sync")
    for device in (laptop, phone):
        data = raw(device, "mentors", "ada")
        assert data["agreement"]["channel"] == "phone"
        [note] = data["merge_conflicts"]
        assert (note["kept"], note["lost"]) == ("phone", "video")


def test_one_meeting_planned_on_both_devices_is_one_meeting(
    pair: tuple[Device, Device],
) -> None:
    laptop, phone = pair
    laptop.ok("prep", "ada", "--on", "2026-12-03", "--topic", "Rust traits")
    phone.ok("prep", "ada", "--on", "2026-12-03", "--topic", "Career moves")
    laptop.ok("sync")
    merged = phone.ml("sync")
    assert merged.returncode == 0, merged.stderr
    assert "merged into one" in merged.stderr
    laptop.ok("sync")
    for device in (laptop, phone):
        assert len(list((device.journal / "sessions").glob("*.md"))) == 1
        [session] = json.loads(device.ok("sessions", "--all", "--json"))
        assert session["status"] == "planned" and session["date"] == "2026-12-03"
        assert {"Rust traits", "Career moves"} <= set(session["topics"])
        agenda = device.ok("prep", "ada")
        assert "Rust traits" in agenda and "Career moves" in agenda
        device.ok("doctor")
    assert laptop.git("status", "--porcelain") == ""


def test_duplicate_plans_however_made_are_merged_before_prep_and_recap(
    pair: tuple[Device, Device],
) -> None:
    laptop, _ = pair
    laptop.ok("prep", "ada", "--on", "2026-12-03", "--topic", "First")
    [path] = (laptop.journal / "sessions").glob("*.md")
    text = path.read_text()
    [old_id] = [line for line in text.splitlines() if line.startswith("id = ")]
    copy = text.replace(old_id, 'id = "01jcqp0000000000000000000a"')
    copy = copy.replace('"First"', '"Second"')
    (path.parent / "copy.md").write_text(copy)
    done = laptop.ml("recap", "ada", "--takeaway", "Traits are interfaces")
    assert done.returncode == 0, done.stderr
    assert "merged into one" in done.stderr
    [session] = json.loads(laptop.ok("sessions", "--all", "--json"))
    assert session["status"] == "held"
    assert {"First", "Second"} <= set(session["topics"])


def test_recaps_of_different_meetings_on_two_devices(
    pair: tuple[Device, Device],
) -> None:
    laptop, phone = pair
    laptop.ok("mentors", "add", "Grace Hopper")
    laptop.ok("prep", "ada", "--on", "2026-11-22", "--topic", "Traits")
    laptop.ok("prep", "grace", "--on", "2026-11-22", "--topic", "Compilers")
    sync_all(laptop, phone)
    laptop.ok("recap", "ada", "--takeaway", "Traits are interfaces")
    phone.ok("recap", "grace", "--takeaway", "Write the compiler")
    phone.ok("actions", "done", "email ada")
    sync_all(laptop, phone)
    for device in (laptop, phone):
        sessions = json.loads(device.ok("sessions", "--all", "--json"))
        assert sorted((s["status"], s["takeaways"]) for s in sessions) == [
            ("held", ["Traits are interfaces"]),
            ("held", ["Write the compiler"]),
        ]
        said = device.ml("doctor")
        assert said.returncode == 0 and "both devices changed" not in said.stderr
