"""Start-up, measured side by side: mentorlog against `python -c pass` and jrnl.

    python bench/startup.py [--rounds 30]

Installs jrnl in its own virtual environment (bench/.venv-jrnl) on first use,
makes a small sample journal, then runs the commands in alternation, round after
round, so machine noise hits them alike. It reports the median time of each
command and the median of the per-round ratios (never a bare absolute figure as
a verdict: this machine is shared and noisy). The full benchmark on a ten-year
journal comes with the performance work; this one guards start-up from day one.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
JRNL_VENV = HERE / ".venv-jrnl"


def jrnl_executable() -> Path:
    jrnl = JRNL_VENV / "bin" / "jrnl"
    if not jrnl.exists():
        subprocess.run([sys.executable, "-m", "venv", str(JRNL_VENV)], check=True)
        subprocess.run(
            [str(JRNL_VENV / "bin" / "pip"), "install", "-q", "jrnl"], check=True
        )
    return jrnl


def mentorlog_executable() -> list[str]:
    found = shutil.which("mentorlog", path=str(Path(sys.executable).parent))
    return [found] if found else [sys.executable, "-m", "mentorlog"]


def sample_journal(root: Path, env: dict[str, str]) -> None:
    cli = mentorlog_executable()
    titles = [
        ("Build a working web application using React within 3 months", "web"),
        ("Interview 5 alumni about data jobs", "career"),
        ("Give a 10-minute talk at the study group", "communication"),
        ("Publish 3 blog posts about Rust", "writing"),
        ("Read 4 papers on graph sampling", "research"),
    ]
    for title, area in titles:
        subprocess.run(
            [*cli, "goals", "add", title, "--by", "in 3 months", "--area", area],
            env=env,
            check=True,
            capture_output=True,
            stdin=subprocess.DEVNULL,
        )
        for step in range(3):
            subprocess.run(
                [
                    *cli,
                    "goals",
                    "milestone",
                    title,
                    f"Step {step + 1}",
                    "--due",
                    f"in {step + 2} weeks",
                ],
                env=env,
                check=True,
                capture_output=True,
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
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument("--no-jrnl", action="store_true", help="skip the jrnl peer")
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="mentorlog-bench-"))
    env = {
        **os.environ,
        "MENTORLOG_HOME": str(workdir / "journal"),
        "NO_COLOR": "1",
        "HOME": str(workdir),
        "XDG_CONFIG_HOME": str(workdir / "config"),
        "XDG_DATA_HOME": str(workdir / "data"),
    }
    try:
        sample_journal(workdir / "journal", env)
        cli = mentorlog_executable()
        commands: dict[str, list[str]] = {
            "python -c pass": [sys.executable, "-c", "pass"],
            "mentorlog --help": [*cli, "--help"],
            "mentorlog goals": [*cli, "goals"],
        }
        if not args.no_jrnl:
            commands["jrnl --version"] = [str(jrnl_executable()), "--version"]
        for argv in commands.values():  # warm the caches once
            timed(argv, env)
        times: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(args.rounds):
            for name, argv in commands.items():
                times[name].append(timed(argv, env))
        report(times, args.rounds)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def ratio(times: dict[str, list[float]], top: str, bottom: str) -> float:
    return statistics.median(
        a / b for a, b in zip(times[top], times[bottom], strict=True)
    )


def report(times: dict[str, list[float]], rounds: int) -> None:
    print(f"{rounds} rounds, commands alternated; medians")
    header = ("command", "median ms", "x python -c pass", "x jrnl --version")
    print(f"{header[0]:<20} {header[1]:>10} {header[2]:>17} {header[3]:>17}")
    for name, samples in times.items():
        floor = ratio(times, name, "python -c pass")
        peer = (
            ratio(times, name, "jrnl --version")
            if "jrnl --version" in times
            else float("nan")
        )
        median_ms = statistics.median(samples) * 1000
        print(f"{name:<20} {median_ms:>10.1f} {floor:>17.2f} {peer:>17.2f}")


if __name__ == "__main__":
    main()
