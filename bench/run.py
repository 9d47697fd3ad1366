"""The performance benchmark: mentorlog side by side with `python -c pass` and
jrnl, on a generated ten-year journal, as medians of per-round ratios.

    python bench/run.py [--rounds 10] [--scale 1] [--big-scale 10] [--no-jrnl]
                        [--write docs/performance.md]

jrnl is installed in its own virtual environment (bench/.venv-jrnl) and given a
1,000-entry journal. Every round runs every command once, in the same order, so
noise on this shared machine hits them alike; the table reports the median time
of each command and the median of its ratios to the floor and to the peer.
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


def timed(argv: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(
        argv,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        stdin=subprocess.DEVNULL,
    )
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--scale", type=int, default=1)
    parser.add_argument("--big-scale", type=int, default=10)
    parser.add_argument("--no-jrnl", action="store_true")
    parser.add_argument("--write", type=Path, help="write the table to this file")
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
        journals = {"empty": work / "empty", "ten": work / "ten", "big": work / "big"}
        make(journals["ten"], args.scale)
        make(journals["big"], args.big_scale)
        cli = [sys.executable, "-m", "mentorlog", "--no-input"]
        subprocess.run(
            [*cli, "init"],
            env={**base, "MENTORLOG_HOME": str(journals["empty"])},
            check=True,
            capture_output=True,
        )

        def on(name: str) -> dict[str, str]:
            return {**base, "MENTORLOG_HOME": str(journals[name])}

        commands: dict[str, tuple[list[str], dict[str, str]]] = {
            "python -c pass": ([sys.executable, "-c", "pass"], base),
            "typer + rich, one table": ([sys.executable, "-c", FRAMEWORK], base),
            "mentorlog --help": ([sys.executable, "-m", "mentorlog", "--help"], base),
            "status (ten years)": ([*cli, "status"], on("ten")),
            "goals (ten years)": ([*cli, "goals"], on("ten")),
            "checklist (ten years)": ([*cli, "checklist"], on("ten")),
            "prep (ten years)": ([*cli, "prep", "mentor-001"], on("ten")),
            "status (empty)": ([*cli, "status"], on("empty")),
            f"status (x{args.big_scale})": ([*cli, "status"], on("big")),
        }
        if not args.no_jrnl:
            jrnl = jrnl_setup(work)
            commands["jrnl --version"] = ([*jrnl, "--version"], base)
            commands["jrnl -n 10 (1,000 entries)"] = ([*jrnl, "-n", "10"], base)
        for argv, env in commands.values():  # warm caches (files, the record cache)
            timed(argv, env)
        times: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(args.rounds):
            for name, (argv, env) in commands.items():
                times[name].append(timed(argv, env))
        table = report(times, args)
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
    if bottom not in times:
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

TARGETS = {
    "typer + rich, one table": ("jrnl -n 10 (1,000 entries)", None),
    "mentorlog --help": ("jrnl --version", 0.5),
    "status (ten years)": ("jrnl -n 10 (1,000 entries)", 0.5),
    "goals (ten years)": ("jrnl -n 10 (1,000 entries)", 0.5),
    "checklist (ten years)": ("jrnl -n 10 (1,000 entries)", 0.5),
    "prep (ten years)": ("jrnl -n 10 (1,000 entries)", 0.5),
}


def report(times: dict[str, list[float]], args: argparse.Namespace) -> str:
    def fmt(value: float | None) -> str:
        return "—" if value is None else f"{value:.2f}"

    lines = [
        "| command | median ms | × python -c pass | vs peer | target |",
        "|---|---|---|---|---|",
    ]
    for name, samples in times.items():
        floor = ratio(times, name, "python -c pass")
        peer_name, goal = TARGETS.get(name, (None, None))
        peer = ratio(times, name, peer_name) if peer_name else None
        verdict = ""
        if peer is not None and goal is not None:
            verdict = f"≤ {goal}× {peer_name}: " + (
                "met" if peer <= goal else "not met"
            )
        lines.append(
            f"| {name} | {statistics.median(samples) * 1000:.0f} | {fmt(floor)} | "
            f"{fmt(peer)} | {verdict} |"
        )
    ten = ratio(times, "status (ten years)", "status (empty)")
    big = ratio(times, f"status (x{args.big_scale})", "status (ten years)")
    lines += [
        "",
        f"- ten years of data against an empty journal (status): {fmt(ten)}× "
        f"(target ≤ 1.5×: {'met' if ten is not None and ten <= 1.5 else 'not met'})",
        f"- {args.big_scale}× the data against ten years (status): {fmt(big)}× "
        f"(target ≤ 3×: {'met' if big is not None and big <= 3 else 'not met'})",
        "",
        f"{args.rounds} rounds, commands alternated, medians of per-round ratios; "
        f"{platform.python_implementation()} {platform.python_version()} on "
        f"{platform.machine()}, {os.cpu_count()} cores; "
        f"{datetime.date.today().isoformat()}.",
    ]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()
