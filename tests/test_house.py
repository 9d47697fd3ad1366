"""The house rules of issue 13, kept by the suite rather than by memory (they
had crept back once): no module over 700 lines, no function outside the CLI
over 80, no `eval`, and no `_lazy.py`."""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "mentorlog"
MODULES = sorted(SRC.rglob("*.py"))
MOST_LINES = 700
MOST_FUNCTION_LINES = 80  # outside cli/, whose commands carry their help


def _functions(tree: ast.AST) -> list[ast.FunctionDef | ast.AsyncFunctionDef]:
    return [
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
    ]


def test_no_module_is_over_700_lines() -> None:
    long = {
        str(path.relative_to(SRC)): lines
        for path in MODULES
        if (lines := len(path.read_text(encoding="utf-8").splitlines())) > MOST_LINES
    }
    assert long == {}


def test_no_function_outside_the_cli_is_over_80_lines() -> None:
    long = {}
    for path in MODULES:
        relative = path.relative_to(SRC)
        if relative.parts[0] == "cli":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for function in _functions(tree):
            assert function.end_lineno is not None
            lines = function.end_lineno - function.lineno + 1
            if lines > MOST_FUNCTION_LINES:
                long[f"{relative}:{function.name}"] = lines
    assert long == {}


def test_no_eval_and_no_lazy_proxies() -> None:
    calls = [
        f"{path.relative_to(SRC)}:{node.lineno}"
        for path in MODULES
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id in ("eval", "exec")
    ]
    assert calls == []
    assert not (SRC / "_lazy.py").exists()


def test_the_rules_see_what_they_check(tmp_path: Path) -> None:
    """The scan finds a long function and an eval in a sample file."""
    body = "\n".join(f"    x{i} = {i}" for i in range(MOST_FUNCTION_LINES))
    tree = ast.parse(f"def long():\n{body}\n    return eval('1')\n")
    (function,) = _functions(tree)
    assert function.end_lineno is not None
    assert function.end_lineno - function.lineno + 1 > MOST_FUNCTION_LINES
    assert any(
        isinstance(n, ast.Call) and getattr(n.func, "id", "") == "eval"
        for n in ast.walk(tree)
    )
