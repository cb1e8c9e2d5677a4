"""The ASGI process raises its own open-file limit (one descriptor per WebSocket): daphne leaves it as it was."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from pathlib import Path

from config.open_files import OPEN_FILES_WANTED

# A child started with a low soft limit, as many shells and service managers start daphne, imports the module
# the ASGI entry point calls and prints its limits before and after.
CHILD = """
import resource
from config.open_files import raise_open_file_limit
soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
print(soft, raise_open_file_limit(), resource.getrlimit(resource.RLIMIT_NOFILE)[0], hard)
"""


def _run_with_soft_limit(soft: int) -> list[int]:
    def lower() -> None:
        resource.setrlimit(resource.RLIMIT_NOFILE, (soft, resource.getrlimit(resource.RLIMIT_NOFILE)[1]))

    backend = Path(__file__).resolve().parents[2] / "django_backend"
    env = {**os.environ, "PYTHONPATH": str(backend)}
    completed = subprocess.run(
        [sys.executable, "-c", CHILD], preexec_fn=lower, env=env, capture_output=True, text=True, timeout=60
    )
    assert completed.returncode == 0, completed.stderr[-2000:]
    output = completed.stdout
    return [int(value) for value in output.split()]


def test_a_low_soft_limit_is_raised_to_the_hard_limit_or_the_wanted_figure():
    before, returned, after, hard = _run_with_soft_limit(256)

    expected = OPEN_FILES_WANTED if hard == resource.RLIM_INFINITY else min(OPEN_FILES_WANTED, hard)
    assert (before, returned, after) == (256, expected, expected)


def test_a_limit_already_there_is_kept():
    hard = resource.getrlimit(resource.RLIMIT_NOFILE)[1]
    soft = OPEN_FILES_WANTED if hard == resource.RLIM_INFINITY else min(OPEN_FILES_WANTED, hard)

    assert _run_with_soft_limit(soft)[:3] == [soft, soft, soft]
