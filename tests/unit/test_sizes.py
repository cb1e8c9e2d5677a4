"""Size limits that keep the code readable: no module over 400 lines, no function over 60 lines.

Modules are counted in the application trees and in scripts/; functions in the application trees (a benchmark's
measuring loop may run longer). Migrations are generated and left out.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
MODULE_TREES = ("django_backend", "recruitment_core", "ai_service", "scripts")
FUNCTION_TREES = ("django_backend", "recruitment_core", "ai_service")
MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 60


def python_modules(trees: tuple[str, ...]) -> Iterator[Path]:
    for tree in trees:
        for path in sorted((REPO / tree).rglob("*.py")):
            if "migrations" not in path.relative_to(REPO).parts:
                yield path


def function_lengths(source: str) -> Iterator[tuple[str, int, int]]:
    """(name, first line, lines from `def` to the last line of the body) of every function, nested ones too."""
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            yield node.name, node.lineno, (node.end_lineno or node.lineno) - node.lineno + 1


def test_the_trees_hold_python_modules():
    for tree in MODULE_TREES:
        assert any(python_modules((tree,))), f"{tree}/ has no modules: the size checks would pass vacuously"


def test_no_module_is_over_400_lines():
    too_long = {
        str(path.relative_to(REPO)): lines
        for path in python_modules(MODULE_TREES)
        if (lines := len(path.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES
    }
    assert not too_long, f"modules over {MAX_MODULE_LINES} lines: {too_long}"


def test_no_function_is_over_60_lines():
    too_long = [
        f"{path.relative_to(REPO)}:{line} {name} ({length} lines)"
        for path in python_modules(FUNCTION_TREES)
        for name, line, length in function_lengths(path.read_text(encoding="utf-8"))
        if length > MAX_FUNCTION_LINES
    ]
    assert not too_long, f"functions over {MAX_FUNCTION_LINES} lines:\n" + "\n".join(too_long)


def test_function_length_counts_from_def_to_the_last_body_line():
    source = "@decorator\ndef outer(a,\n          b):\n    def inner():\n        return 1\n\n    return inner\n"
    assert sorted(function_lengths(source)) == [("inner", 4, 2), ("outer", 2, 6)]
