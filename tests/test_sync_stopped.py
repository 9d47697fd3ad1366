"""Nothing typed while a sync is stopped is at the mercy of an abort: every
writing command refuses until the sync is finished or aborted (issue 19)."""

from pathlib import Path

from tests.gitjournal import Device, make_remote


def stopped_sync(tmp_path: Path) -> tuple[Device, Device]:
    """Two devices; the phone's sync stops on a real conflict (a file of the
    user's own that both changed: no record merge can mend it)."""
    remote = make_remote(tmp_path)
    laptop, phone = Device(tmp_path, "laptop"), Device(tmp_path, "phone")
    for device in (laptop, phone):
        device.clone(remote)
        device.ok("actions", "add", f"Email from the {device.name}")
        (device.journal / "notes.txt").write_text(f"written on the {device.name}\n")
    laptop.ok("sync")
    clash = phone.ml("sync")
    assert clash.returncode == 1 and "notes.txt" in clash.stderr
    return laptop, phone


def test_every_write_is_refused_while_a_sync_is_stopped(tmp_path: Path) -> None:
    _, phone = stopped_sync(tmp_path)
    before = phone.git("status", "--porcelain")
    for command in (
        ("actions", "done", "email from the phone"),
        ("actions", "add", "Call mom"),
        ("goals", "add", "Learn Go"),
        ("mentors", "agree", "ada", "--channel", "video"),
        ("log", "add", "A win", "--kind", "win"),
        ("prep", "ada", "--on", "2026-12-03", "--topic", "Rust"),
    ):
        refused = phone.ml(*command)
        assert refused.returncode == 1, (command, refused.stdout, refused.stderr)
        assert "nothing was written" in refused.stderr
        assert "rebase --continue" in refused.stderr
        assert "rebase --abort" not in refused.stderr
        assert "mentorlog sync --abort" in refused.stderr
    assert phone.git("status", "--porcelain") == before
    # reading still works
    assert "Email from the phone" in phone.ok("actions", "--all")


def test_after_the_abort_the_change_can_be_made_and_is_kept(tmp_path: Path) -> None:
    _, phone = stopped_sync(tmp_path)
    assert phone.ml("actions", "done", "email from the phone").returncode == 1
    phone.git("rebase", "--abort")
    assert "done" in phone.ok("actions", "done", "email from the phone")
    # committed now, not only "saved": no later abort can take it
    assert phone.git("status", "--porcelain", "--", "actions") == ""
    assert "mentorlog actions done" in phone.git("log", "-1", "--format=%s")
