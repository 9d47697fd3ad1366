"""Issue 12's attacks delivered through git, end to end.

A bare remote; the victim's journal joined the documented way (`git clone` +
`mentorlog sync`, docs/sync.md); an attacker's clone that commits and pushes
with plain git (links, files named like mentorlog's state, hostile values).
The victim then runs `mentorlog sync` and ordinary commands, and the tests
look at real bytes, modes and files: on the victim's machine outside the
journal, in the journal, in what the victim pushes, and on the terminal."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import time
import zlib
from pathlib import Path

import pytest

from tests.gitjournal import (
    Device,
    git_objects,
    make_remote,
    mode,
    push,
    tracked,
    working_tree_bytes,
)
from tests.test_output_sink import PAYLOAD, SGR, SHOWN, offences, on_a_terminal

LINKED = "is a symbolic link; mentorlog never follows links inside the journal"
LOCAL_STATE = (".undo", ".cache/", ".drafts/", ".lock", ".backups/")
IN_PROGRESS = ("rebase-merge", "rebase-apply", "MERGE_HEAD")


@pytest.fixture(scope="module")
def seed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The owner's journal on a bare remote, made once for the module."""
    return make_remote(tmp_path_factory.mktemp("seed"))


@pytest.fixture
def remote(tmp_path: Path, seed: Path) -> Path:
    bare = tmp_path / "remote.git"
    shutil.copytree(seed, bare, symlinks=True)
    return bare


@pytest.fixture
def attacker(tmp_path: Path, remote: Path) -> Device:
    device = Device(tmp_path, "attacker")
    device.clone(remote)
    return device


@pytest.fixture
def victim(tmp_path: Path, remote: Path) -> Device:
    """Joined the documented way: `git clone`, then `mentorlog sync`."""
    device = Device(tmp_path, "victim")
    device.clone(remote)
    device.ok("sync")
    return device


class Outside:
    """A file or folder on the victim's machine, outside the journal."""

    def __init__(self, path: Path, data: bytes | None, perms: int) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        if data is None:
            path.mkdir()
            (path / "keep.txt").write_bytes(b"the victim's own file\n")
        else:
            path.write_bytes(data)
        path.chmod(perms)
        self.before = self.state()

    def state(self) -> tuple[object, int]:
        if self.path.is_dir():
            held = sorted(
                (p.name, p.read_bytes(), mode(p)) for p in self.path.iterdir()
            )
            return held, mode(self.path)
        return self.path.read_bytes(), mode(self.path)

    def unchanged(self) -> bool:
        return self.state() == self.before


def never_leaked(victim: Device, remote: Path, secret: bytes) -> None:
    """`secret` is in no file of the victim's journal, in no object of the
    victim's repository, and in nothing the remote holds."""
    assert secret not in working_tree_bytes(victim.journal)
    assert secret not in git_objects(victim.journal)
    assert secret not in git_objects(remote)


def doctor_names(victim: Device, *names: str) -> str:
    doctor = victim.ml("doctor")
    assert doctor.returncode == 3, (doctor.stdout, doctor.stderr)
    for name in names:
        assert f"{name}: {LINKED}" in doctor.stdout, (name, doctor.stdout)
    return doctor.stdout


# 1. Reading outside the journal through a linked agenda template


def test_a_pulled_agenda_template_link_never_copies_the_secret(
    tmp_path: Path, remote: Path, attacker: Device, victim: Device
) -> None:
    secret = b"b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ"
    key_text = b"-----BEGIN OPENSSH PRIVATE KEY-----\n" + secret + b"\n-----END\n"
    relative = Outside(tmp_path / "secret_key", key_text, 0o640)
    absolute = Outside(tmp_path / "keys" / "id_ed25519", key_text, 0o600)
    for target, day in (
        ("../../secret_key", "2026-11-24"),
        (str(absolute.path), "2026-11-26"),
    ):
        push(attacker, links={"templates/agenda.md": target})
        victim.ok("sync")
        assert (victim.journal / "templates" / "agenda.md").is_symlink()
        prep = victim.ml("prep", "ada", "--on", day)
        assert prep.returncode == 0, prep.stderr
        assert f"templates/agenda.md: {LINKED}" in prep.stderr
        assert "the built-in template was used" in prep.stderr
        assert "Since last time" in prep.stdout  # the built-in template's
        assert secret not in (prep.stdout + prep.stderr).encode()
        doctor_names(victim, "templates/agenda.md")
        victim.ok("sync")  # what the victim pushes: the agendas
    agendas = list((victim.journal / "sessions").glob("2026-11-2[46]-ada-*.md"))
    assert agendas and all("## Since last time" in a.read_text() for a in agendas)
    never_leaked(victim, remote, secret)
    assert relative.unchanged() and absolute.unchanged()


# 2. Writing outside the journal through a linked record folder


def test_a_pulled_record_folder_link_is_never_written_into(
    tmp_path: Path, attacker: Device, victim: Device
) -> None:
    near = Outside(tmp_path / "outside", None, 0o755)
    far = Outside(tmp_path / "far" / "sessions", None, 0o755)
    push(attacker, links={"actions": "../outside"})  # from the victim's journal
    victim.ok("sync")
    assert (victim.journal / "actions").is_symlink()

    added = victim.ml("actions", "add", "Email Prof. Chen")
    assert added.returncode != 0
    assert "cannot write actions/" in added.stderr
    assert f"actions {LINKED}" in added.stderr
    listed = victim.ml("actions")
    assert listed.returncode == 0
    assert listed.stderr.count(f"actions: {LINKED}") == 1

    push(attacker, links={"sessions": str(far.path)})  # an absolute folder
    victim.ok("sync")
    prep = victim.ml("prep", "ada", "--on", "2026-11-24")
    assert prep.returncode == 3
    assert f"sessions: {LINKED}" in prep.stderr
    recap = victim.ml("recap", "ada", "--takeaway", "x")
    assert recap.returncode != 0
    assert f"sessions: {LINKED}" in recap.stderr
    doctor_names(victim, "actions", "sessions")
    victim.ok("sync")
    assert near.unchanged() and far.unchanged()


# 3. A record file linked to a file of the victim's


GOAL_LOOKALIKE = b"""\
# my tool's settings, which happen to read as a goal
id = "01m8qpwnc5zz138etyv8gqkp0n"
title = "TOKEN sk-live-4242"
status = "active"
created = 2026-11-01
"""


def test_a_pulled_record_file_link_is_not_read_nor_written_through(
    tmp_path: Path, remote: Path, attacker: Device, victim: Device
) -> None:
    bashrc = Outside(victim.home / ".bashrc", b"export API_TOKEN=sk-live-4242\n", 0o644)
    lookalike = Outside(victim.home / ".config" / "tool.toml", GOAL_LOOKALIKE, 0o644)
    push(
        attacker,
        links={
            "goals/x.toml": str(bashrc.path),
            "goals/ledger.toml": "../../victim-home/.config/tool.toml",
        },
    )
    victim.ok("sync")
    token = b"sk-live-4242"
    listed = victim.ml("goals", "--all")
    assert listed.returncode == 0
    assert "Learn Rust" in listed.stdout
    for name in ("goals/x.toml", "goals/ledger.toml"):
        assert listed.stderr.count(f"{name}: {LINKED}") == 1
    as_json = victim.ml("goals", "--all", "--json")
    assert [g["title"] for g in json.loads(as_json.stdout)] == ["Learn Rust"]
    exported = victim.ml("export", "--format", "json")
    assert exported.returncode == 0
    assert [g["title"] for g in json.loads(exported.stdout)["goals"]] == ["Learn Rust"]
    for done in (listed, as_json, exported):
        assert token not in (done.stdout + done.stderr).encode()
    doctor_names(victim, "goals/x.toml", "goals/ledger.toml")

    writer = tmp_path / "editor.sh"
    writer.write_text('#!/bin/sh\necho "title = \\"overwritten\\"" > "$1"\n')
    writer.chmod(0o755)
    edited = victim.ml("edit", "goals/ledger.toml", env={"EDITOR": str(writer)})
    assert edited.returncode == 3
    assert f"goals/ledger.toml: {LINKED}" in edited.stderr
    victim.ok("goals", "add", "Learn Go", "--by", "eom")
    victim.ok("sync")
    assert bashrc.unchanged() and lookalike.unchanged()
    never_leaked(victim, remote, token)


# 4. A linked lock


def test_a_pulled_lock_link_leaves_its_target_as_it_was(
    tmp_path: Path, attacker: Device, victim: Device
) -> None:
    nowhere = tmp_path / "made-by-the-lock"
    push(attacker, links={".lock": str(nowhere)})  # dangling: O_CREAT would make it
    victim.ok("sync")
    write = victim.ml("goals", "add", "Learn Go", "--by", "eom")
    assert write.returncode != 0
    assert f"cannot write .lock: it {LINKED}" in write.stderr
    assert not nowhere.exists() and not nowhere.is_symlink()
    doctor_names(victim, ".lock")
    (victim.journal / ".lock").unlink()  # what doctor asks for

    tool = Outside(tmp_path / "bin" / "tool", b"#!/bin/sh\necho hi\n", 0o755)
    push(attacker, links={".lock": str(tool.path)})
    victim.ok("sync")
    write = victim.ml("goals", "add", "Learn Go", "--by", "eom")
    assert write.returncode != 0
    assert f"cannot write .lock: it {LINKED}" in write.stderr
    refused = victim.ml("sync")  # it takes the lock too
    assert refused.returncode != 0 and f".lock: it {LINKED}" in refused.stderr
    doctor_names(victim, ".lock")
    assert tool.unchanged()
    assert mode(tool.path) == 0o755
    assert ".lock" not in tracked(victim, "origin/HEAD")


# 5. Escape sequences in pulled records


def toml(text: str) -> str:
    return json.dumps(text, ensure_ascii=True)


EVE_ID = "01m8qq0y3cewy6f3gxckg7tf5p"


def hostile_mentor_and_session() -> dict[str, str | bytes]:
    p = PAYLOAD
    mentor = (
        f'+++\nid = "{EVE_ID}"\nname = {toml("Eve" + p)}\nkind = "ongoing"\n'
        'status = "active"\ncreated = 2026-11-01\ncadence = "weekly"\n'
        f'org = {toml("Org" + p)}\nexpertise = [{toml("py" + p)}, "web"]\n+++\n\n'
        f"## Notes\n\n- {p}\n"
    )
    session = (
        f'+++\nid = "01m8qq0zfqrfb99kvjs6afn2q8"\nmentor = "{EVE_ID}"\n'
        f'mentor_name = {toml("Eve" + p)}\ndate = 2026-11-15\nstatus = "held"\n'
        "created = 2026-11-15\nheld_on = 2026-11-15\ncancelled_late = false\n"
        f"takeaways = [{toml('tk' + p)}]\n+++\n\n# Eve {p}\n\n## Notes\n- {p}\n"
    )
    return {
        "mentors/eve-cewy6f.md": mentor.encode(),
        "sessions/2026-11-15-eve-rfb99k.md": session.encode(),
    }


def test_pulled_escape_sequences_never_reach_the_terminal(
    attacker: Device, victim: Device
) -> None:
    push(attacker, hostile_mentor_and_session())
    victim.ok("sync")
    printed = {}
    for words in (
        ["prep", "eve", "--on", "2026-11-24"],
        ["sessions"],
        ["network"],
        ["status"],
        ["export", "--format", "ics"],
        ["mentors", "show", "eve"],
    ):
        done = subprocess.run(
            victim.argv(*words), env=victim.env, capture_output=True, timeout=120
        )
        assert done.returncode == 0, (words, done.stderr)
        assert offences(done.stdout + done.stderr) == [], words
        printed[words[0]] = (done.stdout + done.stderr).decode()
    for command in ("prep", "network", "mentors", "sessions", "export"):
        assert "Eve" + SHOWN in printed[command], (command, printed[command])
    colour = {**victim.env, "FORCE_COLOR": "1", "TERM": "xterm-256color"}
    colour.pop("NO_COLOR")
    shown = b""
    for words in (["prep", "eve", "--on", "2026-11-27"], ["network"]):
        code, raw = on_a_terminal(victim.argv(*words), colour)
        assert code == 0, raw
        assert offences(raw) == [], words
        shown += raw
    assert b"\x1b[" in shown  # colour was on: only SGR codes are left
    assert "Eve" + SHOWN in SGR.sub("", shown.decode())


# 6. Bad values in pulled records


BAD_MENTOR = """\
+++
id = "01m8qq0y3cewy6f3gxckg7tf5q"
name = "Eve Bad"
kind = "ongoing"
status = "active"
created = 2026-11-01
cadence = "every tuesday"
+++
"""
BAD_TARGET = """\
id = "01m8qpwnc5aa138etyv8gqkp0n"
title = "Forever"
status = "active"
created = 2026-11-01
target = 9999-12-31
"""
BAD_STATUS = """\
id = "01m8qpwnc5ab138etyv8gqkp0n"
title = "Paused"
status = "paused-forever"
created = 2026-11-01
"""


def test_pulled_bad_values_are_problems_of_their_files(
    attacker: Device, victim: Device
) -> None:
    bad = {
        "mentors/eve-bad.md": (BAD_MENTOR, 7, "cadence"),
        "goals/forever.toml": (BAD_TARGET, 5, "target"),
        "goals/paused.toml": (BAD_STATUS, 3, "status"),
    }
    push(attacker, {name: text for name, (text, _, _) in bad.items()})
    victim.ok("sync")
    for words in (
        ["status"],
        ["followups"],
        ["checklist"],
        ["prep", "ada", "--on", "2026-11-24"],
        ["recap", "ada", "--takeaway", "x"],
    ):
        done = victim.ml(*words)
        assert done.returncode == 0, (words, done.stderr)
        assert "cannot read the cadence" not in done.stderr
        # one warning for each bad file the command reads, where it is wrong
        reads_goals = words[0] in ("status", "checklist", "prep")
        for name, (_, line, field) in bad.items():
            expected = 1 if reads_goals or name.startswith("mentors/") else 0
            assert done.stderr.count(name) == expected, (words, done.stderr)
            assert not expected or f"{name}:{line}: {field}: " in done.stderr
    doctor = victim.ml("doctor")
    assert doctor.returncode == 3
    for name, (_, line, field) in bad.items():
        assert f"{name}:{line}: {field}: " in doctor.stdout, doctor.stdout


# 7. Variants


def test_a_pulled_gitignore_that_unignores_local_state_is_not_believed(
    tmp_path: Path, attacker: Device, victim: Device
) -> None:
    rc = Outside(tmp_path / "rc", b"the victim's own file\n", 0o644)
    push(
        attacker,
        {
            ".gitignore": (victim.journal / ".gitignore").read_text()
            + "".join(f"!{name}\n!/{name}\n" for name in LOCAL_STATE),
            ".drafts/learn-rust.toml": 'title = "Planted draft"\n',
        },
        links={".undo": str(rc.path)},
    )
    victim.ok("sync")
    goal = next((victim.journal / "goals").glob("learn-rust*.toml"))
    mine = goal.read_bytes()
    victim.ok("goals")  # builds the cache
    victim.ok("actions", "add", "A commit after the pull")
    victim.ok("sync")
    for ref in ("HEAD", "origin/HEAD"):
        files = tracked(victim, ref)
        for state in LOCAL_STATE:
            assert not any(f == state or f.startswith(state) for f in files), ref
    # and git itself, run by hand (`git add -A`, as a conflict asks), ignores them
    ignored = victim.git("check-ignore", "--no-index", ".undo", ".cache/x", ".lock",
                         ".drafts/x", ".backups/x")  # fmt: skip
    assert ignored.split() == [".undo", ".cache/x", ".lock", ".drafts/x", ".backups/x"]
    assert goal.read_bytes() == mine
    assert "Planted draft" not in victim.ok("goals", "--all")
    assert rc.unchanged()


def test_a_pulled_forged_cache_is_not_believed(
    attacker: Device, victim: Device
) -> None:
    """The strongest forger: rows keyed exactly as the victim's own files."""
    goal = next((victim.journal / "goals").glob("learn-rust*.toml"))
    an_hour_ago = time.time() - 3600  # old enough to be cached
    os.utime(goal, (an_hour_ago, an_hour_ago))
    victim.ok("goals")  # the victim's own cache, with the goal's row
    built = (victim.journal / ".cache" / "goals.json").read_bytes()
    head, _, payload = built.partition(b"\n")
    assert b"Learn Rust" in payload
    payload = payload.replace(b"Learn Rust", b"Forged Rust")
    head = head.rsplit(b" ", 1)[0] + b" %08x" % zlib.crc32(payload)
    push(attacker, {".cache/goals.json": head + b"\n" + payload})
    victim.ok("sync")
    listed = victim.ok("goals")
    assert "Learn Rust" in listed and "Forged" not in listed
    cache = victim.journal / ".cache" / "goals.json"
    assert not cache.exists() or b"Forged" not in cache.read_bytes()


def test_a_pulled_link_for_a_local_folder_or_the_templates_is_not_followed(
    tmp_path: Path, remote: Path, attacker: Device, victim: Device
) -> None:
    secret = b"AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMIK7MDENG"
    elsewhere = Outside(tmp_path / "elsewhere", None, 0o755)
    (elsewhere.path / "agenda.md").write_bytes(b"# Agenda\n" + secret + b"\n")
    elsewhere.before = elsewhere.state()
    push(
        attacker,
        links={"templates": str(elsewhere.path), ".drafts": str(elsewhere.path)},
        remove=("templates",),
    )
    victim.ok("sync")
    prep = victim.ml("prep", "ada", "--on", "2026-11-24")
    assert prep.returncode == 0, prep.stderr
    assert "the built-in template was used" in prep.stderr
    edited = victim.ml("edit", "learn-rust", env={"EDITOR": "true"})
    assert edited.returncode != 0
    assert f".drafts {LINKED}" in edited.stderr
    doctor_names(victim, "templates", ".drafts")
    victim.ok("sync")
    assert elsewhere.unchanged()
    never_leaked(victim, remote, secret)


def test_pulled_git_lookalikes_never_touch_git_config_nor_run(
    tmp_path: Path, attacker: Device, victim: Device
) -> None:
    marker = tmp_path / "PWNED"
    payload = f'[core]\n\tfsmonitor = "touch {marker}; false"\n\thooksPath = x\n'
    hook = f"#!/bin/sh\ntouch {marker}\n"
    push(
        attacker,
        {
            ".gitattributes": "* filter=pwn diff=pwn merge=pwn\n",
            ".gitmodules": f'[submodule "x"]\n\tpath = x\n\turl = ./x\n'
            f"\tupdate = !touch {marker}\n",
            "x/config": payload,
            "x/post-commit": hook,
            "git/config": payload,
        },
    )
    config = (victim.journal / ".git" / "config").read_bytes()
    victim.ok("sync")
    victim.ok("goals", "add", "Learn Go", "--by", "eom")
    victim.ok("doctor")
    victim.ok("sync")
    # paths git itself refuses to check out: `.GIT/config`, `x/.git/config`,
    # made with git's plumbing, which does not check them
    blob = attacker.git("hash-object", "-w", "--stdin", input=payload).strip()
    inner = attacker.git("mktree", input=f"100644 blob {blob}\tconfig\n").strip()
    dotgit = attacker.git("mktree", input=f"040000 tree {inner}\t.git\n").strip()
    attacker.git("pull", "-q", "--rebase", "--no-recurse-submodules")
    top = attacker.git("ls-tree", "HEAD") + (
        f"040000 tree {inner}\t.GIT\n040000 tree {dotgit}\ty\n"
    )
    tree = attacker.git("mktree", input=top).strip()
    commit = attacker.git("commit-tree", tree, "-p", "HEAD", "-m", "evil").strip()
    branch = attacker.git("rev-parse", "--abbrev-ref", "HEAD").strip()
    attacker.git("push", "-q", "origin", f"{commit}:refs/heads/{branch}")
    refused = victim.ml("sync")
    assert refused.returncode == 1
    assert "invalid path '.GIT/config'" in refused.stderr
    assert not (victim.journal / ".GIT").exists()
    assert not (victim.journal / "y").exists()
    victim.ok("goals", "add", "Learn Zig", "--by", "eom")  # the journal still works
    assert "Learn Zig" in victim.ok("goals")
    again = victim.ml("sync")
    assert again.returncode == 1 and "invalid path" in again.stderr
    assert not any((victim.journal / ".git" / n).exists() for n in IN_PROGRESS)
    assert victim.git("status", "--porcelain") == ""
    assert not marker.exists()
    assert (victim.journal / ".git" / "config").read_bytes() == config
