"""recruitment_core takes its configuration from its callers: no module of it reads or sets the environment."""

from __future__ import annotations

import re
from pathlib import Path

CORE = Path(__file__).resolve().parents[2] / "recruitment_core"
# Reads (get, getenv, a key) and writes (assignment, setdefault, update, putenv) of environment variables. A
# child process may still inherit the environment as a whole ({**os.environ, ...}), which names no setting.
ENVIRONMENT_ACCESS = re.compile(r"\bos\.(?:getenv|putenv|unsetenv)\b|\benviron(?:\.(?:get|setdefault|update|pop)\b|\[)")


def test_no_core_module_reads_or_sets_environment_variables() -> None:
    found = [
        f"{path.relative_to(CORE.parent)}:{number}: {line.strip()}"
        for path in sorted(CORE.rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if ENVIRONMENT_ACCESS.search(line)
    ]
    assert found == []
    assert ENVIRONMENT_ACCESS.search('command = os.environ.get("TESSERACT_CMD", "tesseract")')
    assert ENVIRONMENT_ACCESS.search('os.environ["HF_HUB_OFFLINE"] = "1"')
