"""The performance benchmark: mentorlog side by side with `python -c pass` and
jrnl, on a generated ten-year journal, as medians of per-round ratios.

    python bench/run.py [--rounds 10] [--scale 1] [--big-scale 10] [--no-jrnl]
                        [--only NAME ...] [--write docs/performance.md]
                        [--baseline OLD/src]

jrnl is installed in its own virtual environment (bench/.venv-jrnl) and given a
1,000-entry journal. Every round runs every command once, in the same order, so
noise on this shared machine hits them alike; the table reports the median time
of each command, the median of its ratios to the floor and to the peer, and the
peak memory of the process (its `ru_maxrss`, from `wait4`, in a run of its own
started by a small launcher: see `LAUNCHER`).

Writes run on a copy of the ten-year journal (each round adds an action and a
recap's takeaways, a few files among thousands). "After a touch" rewrites every
file of another copy with the same bytes before each of its runs (untimed), as
a `git pull` or a checkout does: new inode, new modification time.
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from make_journal import make  # noqa: E402

JRNL_VENV = HERE / ".venv-jrnl"
TODAY = "2026-11-01"


def jrnl_setup(home: Path) -> list[str]:
    jrnl = JRNL_VENV / "bin" / "jrnl"
    if not jrnl.exists():
        subprocess.run([sys.executable, "-m", "venv", str(JRNL_VENV)], check=True)
        subprocess.run(
            [str(JRNL_VENV / "bin" / "pip"), "install", "-q", "jrnl"], check=True
        )
    config = home / ".config" / "jrnl"
    config.mkdir(parents=True)
    journal = home / "journal.txt"
    (config / "jrnl.yaml").write_text(
        "colors: {body: none, date: none, tags: none, title: none}\n"
        "default_hour: 9\ndefault_minute: 0\neditor: ''\nencrypt: false\n"
        "highlight: true\nindent_character: '|'\n"
        f"journals: {{default: {{journal: {journal}}}}}\n"
        "linewrap: 79\ntagsymbols: '#@'\ntemplate: false\ntimeformat: '%F %r'\n"
        "version: v4.6\n"
    )
    start = datetime.datetime(2016, 1, 1, 9, 0)
    with journal.open("w") as out:
        for n in range(1000):
            when = (start + datetime.timedelta(days=3 * n)).strftime(
                "%Y-%m-%d %I:%M:%S %p"
            )
            out.write(
                f"[{when}] Entry {n} title.\nSome body for entry {n}, @tag{n % 7}.\n\n"
            )
    return [str(jrnl)]


def compile_bytecode() -> None:
    """Compile mentorlog's modules as `pip install` does for an installed
    package (and did for jrnl's): an editable install run with
    PYTHONDONTWRITEBYTECODE=1 would otherwise compile every module on every
    run, which is not what a user's installed copy does."""
    import mentorlog

    subprocess.run(
        [
            sys.executable,
            "-m",
            "compileall",
            "-q",
            str(Path(mentorlog.__file__).parent),
        ],
        check=True,
    )


def timed(argv: list[str], env: dict[str, str]) -> tuple[float, int]:
    """The wall time of one run of `argv`, and its peak memory in bytes (its
    `ru_maxrss`: `posix_spawn` starts it without a copy of this process, whose
    pages a forked child would count until it runs `argv`)."""
    quiet = [
        (os.POSIX_SPAWN_OPEN, fd, os.devnull, flags, 0)
        for fd, flags in ((0, os.O_RDONLY), (1, os.O_WRONLY), (2, os.O_WRONLY))
    ]
    start = time.perf_counter()
    pid = os.posix_spawn(argv[0], argv, env, file_actions=quiet)
    _, status, usage = os.wait4(pid, 0)
    elapsed = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        raise subprocess.CalledProcessError(code, argv)
    return elapsed, usage.ru_maxrss * 1024  # kilobytes on Linux


# Starts one command and prints its peak memory: a child's `ru_maxrss` counts
# the memory of the process that started it (Linux carries it over `exec`), so
# the benchmark, with its journals in memory, does not start the measured one.
LAUNCHER = (
    "import os, sys; quiet = [(os.POSIX_SPAWN_OPEN, fd, os.devnull, flags, 0) "
    "for fd, flags in ((0, os.O_RDONLY), (1, os.O_WRONLY), (2, os.O_WRONLY))]; "
    "pid = os.posix_spawn(sys.argv[1], sys.argv[1:], os.environ, "
    "file_actions=quiet); _, status, usage = os.wait4(pid, 0); "
    "print(usage.ru_maxrss * 1024, os.waitstatus_to_exitcode(status))"
)


def peak_memory(argv: list[str], env: dict[str, str]) -> int:
    """The peak memory of one run of `argv`, in bytes, started by a small
    launcher process (see `LAUNCHER`)."""
    done = subprocess.run(
        [sys.executable, "-c", LAUNCHER, *argv],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    peak, code = done.stdout.split()
    if code != "0":
        raise subprocess.CalledProcessError(int(code), argv)
    return int(peak)


def touch_all(root: Path) -> None:
    """Rewrite every file of the journal with the bytes it holds, as a checkout
    does (a new file renamed over the old one): only the times and inodes
    change. Local state (.cache, the lock) is left alone."""
    for folder, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in files:
            if name.startswith("."):
                continue
            path = Path(folder) / name
            temp = path.with_name(f".{name}.touch")
            temp.write_bytes(path.read_bytes())
            os.chmod(temp, 0o600)
            os.replace(temp, path)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--scale", type=int, default=1)
    parser.add_argument("--big-scale", type=int, default=10)
    parser.add_argument("--no-jrnl", action="store_true")
    parser.add_argument(
        "--only", nargs="*", help="only the commands whose name has one of these"
    )
    parser.add_argument("--write", type=Path, help="write the table to this file")
    parser.add_argument(
        "--baseline",
        type=Path,
        help="the src/ folder of another copy of mentorlog (`git archive` of an "
        "older commit): each mentorlog row is also run from it, in the same "
        "rounds, as 'NAME [baseline]' (before and after, side by side)",
    )
    args = parser.parse_args()

    compile_bytecode()
    work = Path(tempfile.mkdtemp(prefix="mentorlog-bench-"))
    try:
        base = {
            **os.environ,
            "HOME": str(work),
            "XDG_CONFIG_HOME": str(work / ".config"),
            "XDG_DATA_HOME": str(work / "data"),
            "NO_COLOR": "1",
            "MENTORLOG_TODAY": TODAY,
        }
        journals = {
            "empty": work / "empty",
            "ten": work / "ten",
            "big": work / "big",
            "write": work / "write",
            "touched": work / "touched",
        }
        make(journals["ten"], args.scale)
        make(journals["big"], args.big_scale)
        shutil.copytree(journals["ten"], journals["write"], symlinks=True)
        shutil.copytree(journals["ten"], journals["touched"], symlinks=True)
        cli = [sys.executable, "-m", "mentorlog", "--no-input"]
        subprocess.run(
            [*cli, "init"],
            env={**base, "MENTORLOG_HOME": str(journals["empty"])},
            check=True,
            capture_output=True,
        )

        def on(name: str) -> dict[str, str]:
            return {**base, "MENTORLOG_HOME": str(journals[name])}

        me = [sys.executable, "-m", "mentorlog"]
        commands: dict[str, tuple[list[str], dict[str, str]]] = {
            "python -c pass": ([sys.executable, "-c", "pass"], base),
            "typer + rich, one table": ([sys.executable, "-c", FRAMEWORK], base),
            "mentorlog --help": ([*me, "--help"], base),
            "mentorlog --version": ([*me, "--version"], on("ten")),
            "status (ten years)": ([*cli, "status"], on("ten")),
            "goals (ten years)": ([*cli, "goals"], on("ten")),
            "checklist (ten years)": ([*cli, "checklist"], on("ten")),
            "prep (ten years)": ([*cli, "prep", "mentor-001"], on("ten")),
            "actions (ten years)": ([*cli, "actions"], on("ten")),
            "report (ten years)": ([*cli, "report"], on("ten")),
            "search (ten years)": ([*cli, "search", "slides"], on("ten")),
            "export json (ten years)": ([*cli, "export", "-f", "json"], on("ten")),
            "actions add": (
                [*cli, "actions", "add", "Email Prof. Chen", "--due", "2026-11-20"],
                on("write"),
            ),
            "recap with options": (
                [
                    *cli,
                    "recap",
                    "mentor-001",
                    "--takeaway",
                    "Apply to 3 labs, not 10",
                    "--action",
                    "Send the draft due:2026-11-20",
                    "--feedback",
                    "Slides too dense",
                    "--feedback-asked",
                    "presentation",
                    "--appreciated",
                ],
                on("write"),
            ),
            "status (after a touch)": ([*cli, "status"], on("touched")),
            "status (empty)": ([*cli, "status"], on("empty")),
            f"status (x{args.big_scale})": ([*cli, "status"], on("big")),
        }
        if args.only:
            floor = ("python -c pass", "status (empty)", "status (ten years)")
            commands = {
                name: command
                for name, command in commands.items()
                if name in floor or any(part in name for part in args.only)
            }
        if args.baseline:
            subprocess.run(
                [sys.executable, "-m", "compileall", "-q", str(args.baseline)],
                check=True,
            )
            old = str(args.baseline.resolve())
            for name, (argv, env) in list(commands.items()):
                if argv[1:3] == ["-m", "mentorlog"]:
                    commands[f"{name} [baseline]"] = (argv, {**env, "PYTHONPATH": old})
        if not args.no_jrnl:
            jrnl = jrnl_setup(work)
            commands["jrnl --version"] = ([*jrnl, "--version"], base)
            commands["jrnl -n 10 (1,000 entries)"] = ([*jrnl, "-n", "10"], base)
        touch = {"status (after a touch)": lambda: touch_all(journals["touched"])}
        before = {**touch, **{f"{name} [baseline]": t for name, t in touch.items()}}
        for argv, env in commands.values():  # warm caches (files, records)
            timed(argv, env)
        times: dict[str, list[float]] = {name: [] for name in commands}
        memory: dict[str, list[int]] = {name: [] for name in commands}
        for _ in range(args.rounds):
            for name, (argv, env) in commands.items():
                if name in before:
                    before[name]()
                elapsed, _ = timed(argv, env)
                times[name].append(elapsed)
        for name, (argv, env) in commands.items():  # memory: once, apart
            if name in before:
                before[name]()
            memory[name].append(peak_memory(argv, env))
        table = report(times, memory, args)
        print(table)
        if args.write:
            write_section(args.write, table)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def write_section(path: Path, table: str) -> None:
    """Put `table` under the "## Latest run" heading of `path` (up to the next
    heading), or make the file of it."""
    heading = "## Latest run\n"
    text = path.read_text() if path.exists() else ""
    if heading not in text:
        path.write_text(table)
        return
    before, after = text.split(heading, 1)
    rest = after[after.find("\n## ") + 1 :] if "\n## " in after else ""
    path.write_text(f"{before}{heading}\n{table}\n{rest}")


def ratio(times: dict[str, list[float]], top: str, bottom: str) -> float | None:
    if top not in times or bottom not in times:
        return None
    return statistics.median(
        a / b for a, b in zip(times[top], times[bottom], strict=True)
    )


# What any Typer + Rich command pays before it does anything of its own: the
# framework floor under mentorlog's figures (imports typer, prints one table).
FRAMEWORK = (
    "import typer, rich.console, rich.table; t = rich.table.Table('a', 'b'); "
    "t.add_row('1', '2'); rich.console.Console().print(t)"
)

PEER = "jrnl -n 10 (1,000 entries)"
READ = 0.5  # SPEC §8: reads at most 0.5× jrnl -n 10
TARGETS = {
    "typer + rich, one table": (PEER, None),
    "mentorlog --help": ("jrnl --version", 0.5),
    "mentorlog --version": ("jrnl --version", 0.5),
    "status (ten years)": (PEER, READ),
    "goals (ten years)": (PEER, READ),
    "checklist (ten years)": (PEER, READ),
    "prep (ten years)": (PEER, READ),
    "actions (ten years)": (PEER, READ),
    "report (ten years)": (PEER, READ),
    "search (ten years)": (PEER, READ),
    "export json (ten years)": (PEER, READ),
    "actions add": (PEER, 0.75),
    "recap with options": (PEER, 0.75),
    "status (after a touch)": (PEER, 1.0),
}
MEMORY_LIMIT = 50 * 1024 * 1024  # SPEC §8: status on ten times the data


def report(
    times: dict[str, list[float]],
    memory: dict[str, list[int]],
    args: argparse.Namespace,
) -> str:
    def fmt(value: float | None) -> str:
        return "—" if value is None else f"{value:.2f}"

    def verdict(value: float | None, goal: float) -> str:
        return "met" if value is not None and value <= goal else "not met"

    big_name = f"status (x{args.big_scale})"
    targets = {**TARGETS, big_name: (PEER, 1.5)}
    lines = [
        "| command | median ms | × python -c pass | vs peer | target | peak MB |",
        "|---|---|---|---|---|---|",
    ]
    for name, samples in times.items():
        floor = ratio(times, name, "python -c pass")
        peer_name, goal = targets.get(name.removesuffix(" [baseline]"), (None, None))
        peer = ratio(times, name, peer_name) if peer_name else None
        said = ""
        if peer is not None and goal is not None:
            said = f"≤ {goal}× {peer_name}: {verdict(peer, goal)}"
        peak = max(memory[name]) / 1024 / 1024
        lines.append(
            f"| {name} | {statistics.median(samples) * 1000:.0f} | {fmt(floor)} | "
            f"{fmt(peer)} | {said} | {peak:.0f} |"
        )
    ten = ratio(times, "status (ten years)", "status (empty)")
    big = ratio(times, big_name, PEER)
    big_peak = max(memory[big_name]) if big_name in memory else None
    big_mb = "—" if big_peak is None else f"{big_peak / 1024 / 1024:.0f}"
    memory_met = big_peak is not None and big_peak <= MEMORY_LIMIT
    lines += [
        "",
        f"- ten years of data against an empty journal (status): {fmt(ten)}× "
        f"(target ≤ 1.5×: {verdict(ten, 1.5)})",
        f"- {args.big_scale}× the data against jrnl -n 10 (status): {fmt(big)}× "
        f"(target ≤ 1.5×: {verdict(big, 1.5)})",
        f"- peak memory of status on {args.big_scale}× the data: {big_mb} MB "
        f"(target ≤ 50 MB: {'met' if memory_met else 'not met'})",
        "",
        f"{args.rounds} rounds, commands alternated, medians of per-round ratios; "
        f"{platform.python_implementation()} {platform.python_version()} on "
        f"{platform.machine()}, {os.cpu_count()} cores; "
        f"{datetime.date.today().isoformat()}.",
    ]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()
