"""The apps import each other at the top of their modules, where lint-imports sees the direction between them
(pyproject.toml): an import inside a function would hide a dependency, or dodge a cycle instead of breaking it.

AppConfig.ready() is the one place for such imports (apps.py): the models are loaded only then, and that is where
an app connects its signal receivers and hands its functions to the apps below. Migrations are generated.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
BACKEND = REPO / "django_backend"
# The project and every app: each top-level package of django_backend.
APPS = frozenset(path.parent.name for path in BACKEND.glob("*/__init__.py"))


def backend_modules() -> Iterator[Path]:
    for path in sorted(BACKEND.rglob("*.py")):
        if "migrations" not in path.relative_to(BACKEND).parts and path.name != "apps.py":
            yield path


def imported_names(node: ast.Import | ast.ImportFrom) -> list[str]:
    if isinstance(node, ast.ImportFrom):
        return [node.module or ""] if node.level == 0 else []  # a relative import stays in its package
    return [alias.name for alias in node.names]


def imports_in_functions(source: str) -> set[tuple[int, str]]:
    """(line, module) of every import of an app module made inside a function or method, nested ones too."""
    found = set()
    for function in ast.walk(ast.parse(source)):
        if isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
            for node in ast.walk(function):
                if isinstance(node, ast.Import | ast.ImportFrom):
                    found |= {(node.lineno, module) for module in imported_names(node) if module.split(".")[0] in APPS}
    return found


def test_the_apps_are_found():
    assert {"config", "accounts", "candidates", "jobs", "matching", "applications", "portal"} <= APPS


def test_no_app_module_is_imported_inside_a_function():
    found = sorted(
        f"{path.relative_to(REPO)}:{line} imports {module}"
        for path in backend_modules()
        for line, module in imports_in_functions(path.read_text(encoding="utf-8"))
    )
    assert not found, "imports of app modules inside functions (import at the top of the module):\n" + "\n".join(found)


def test_an_import_inside_a_method_or_a_nested_function_is_found():
    source = (
        "import os\n"
        "from jobs.models import JobPosting\n"
        "class A:\n"
        "    def method(self):\n"
        "        from candidates.models import Candidate\n"
        "        def inner():\n"
        "            import matching.tasks\n"
        "            from django.db import models\n"
        "            from . import sibling\n"
    )
    assert sorted(imports_in_functions(source)) == [(5, "candidates.models"), (7, "matching.tasks")]
