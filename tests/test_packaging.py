"""The package builds as an sdist and a wheel, with one version and a console
script; `python -m mentorlog` works."""

import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

from mentorlog import __version__

ROOT = Path(__file__).resolve().parents[1]


def test_sdist_and_wheel_build(tmp_path: Path) -> None:
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "build",
            "--no-isolation",
            "--outdir",
            str(tmp_path),
            str(ROOT),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    wheel = next(tmp_path.glob("*.whl"))
    sdist = next(tmp_path.glob("*.tar.gz"))
    assert wheel.name == f"mentorlog-{__version__}-py3-none-any.whl"
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        assert "mentorlog/cli/__init__.py" in names
        assert "mentorlog/__main__.py" in names
        entry = next(n for n in names if n.endswith("entry_points.txt"))
        assert "mentorlog = mentorlog.entry:main" in archive.read(entry).decode()
        metadata = archive.read(
            next(n for n in names if n.endswith("METADATA"))
        ).decode()
        assert f"Version: {__version__}" in metadata
        # release-ready: the license text itself, who, where, for which Pythons
        license_name = next(
            n for n in names if n.endswith(".dist-info/licenses/LICENSE")
        )
        assert archive.read(license_name) == (ROOT / "LICENSE").read_bytes()
        assert "MIT License" in archive.read(license_name).decode()
        assert "License-Expression: MIT" in metadata
        assert "License-File: LICENSE" in metadata
        assert "Author: The mentorlog authors" in metadata
        for python in ("3.11", "3.12", "3.13"):
            assert f"Classifier: Programming Language :: Python :: {python}" in metadata
        assert "Classifier: Development Status :: " in metadata
        urls = [
            line.split(", ", 1)[1]
            for line in metadata.splitlines()
            if line.startswith("Project-URL: ")
        ]
        assert urls and all(url.startswith("https://") for url in urls)
        assert "Provides-Extra: docs" in metadata
        # the man page, where pip and pipx put man pages
        man = f"mentorlog-{__version__}.data/data/share/man/man1/mentorlog.1"
        assert archive.read(man) == (ROOT / "docs" / "mentorlog.1").read_bytes()
        # the package index shows the README: no link of it is relative
        readme = metadata.split("\n\n", 1)[1]
        assert "pipx install mentorlog" in readme
        assert "](docs/" not in readme and "](CHANGELOG" not in readme
    with tarfile.open(sdist) as archive:
        members = archive.getnames()
        assert any(m.endswith("src/mentorlog/cli/__init__.py") for m in members)
        assert any(m.endswith("tests/conftest.py") for m in members)
        for shipped in ("LICENSE", "mkdocs.yml", "docs/mentorlog.1"):
            assert any(m.endswith(f"-{__version__}/{shipped}") for m in members), (
                shipped
            )


def test_python_dash_m_and_version(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "mentorlog", "--version"],
        capture_output=True,
        text=True,
        timeout=60,
        env={"MENTORLOG_HOME": str(tmp_path / "j"), "PATH": ""},
    )
    assert done.returncode == 0
    assert done.stdout.splitlines() == [
        f"mentorlog {__version__}",
        f"journal: {tmp_path / 'j'}",
    ]
