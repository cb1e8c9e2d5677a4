"""The AI service installs from its own requirements: a fresh virtualenv with only ai_service/requirements.txt and
the recruitment_core package (its `scoring` extra) serves /health and /analyze.

pip resolves normally (no --no-deps), from the machine's pip configuration and cache, so a package the service
imports directly or through core but its requirements miss fails here rather than in the container.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
INSTALL_TIMEOUT_SECONDS = 240

# Run in the new virtualenv, from a folder holding only ai_service: recruitment_core can come from nowhere but
# the installed package.
SERVE = """
import json, sys
from fastapi.testclient import TestClient
import recruitment_core
from ai_service.main import create_app
from ai_service.settings import AIServiceSettings

key = "install-check-key-0123456789"
client = TestClient(create_app(AIServiceSettings(ai_service_api_key=key, ai_provider="builtin")))
health = client.get("/health")
analysis = client.post(
    "/analyze",
    json={
        "job_description": "Senior Python developer. Required: Python, Django, PostgreSQL.",
        "resume_text": "Jane Doe\\njane@example.com, +1 415 555 0100\\nSKILLS\\nPython, Django, PostgreSQL",
    },
    headers={"X-API-Key": key},
)
print(json.dumps({
    "core": recruitment_core.__file__,
    "health": health.status_code,
    "analyze": analysis.status_code,
    "provider": analysis.json().get("provider"),
    "modules": sorted(m for m in ("torch", "django", "onnxruntime", "pypdfium2") if m in sys.modules),
}))
"""


@pytest.mark.packaging
@pytest.mark.timeout(INSTALL_TIMEOUT_SECONDS + 60)
def test_ai_service_runs_from_its_own_requirements(tmp_path: Path) -> None:
    # A copy of the package: building writes into its source folder, which others may be using.
    core = tmp_path / "recruitment_core"
    shutil.copytree(
        REPO / "recruitment_core", core, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info", "build")
    )
    app_dir = tmp_path / "app"
    app_dir.mkdir()
    (app_dir / "ai_service").symlink_to(REPO / "ai_service")
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=120)
    python = str(venv / "bin" / "python")
    environment = {name: value for name, value in os.environ.items() if name not in {"PYTHONPATH", "PYTHONHOME"}}

    started = time.monotonic()
    install = subprocess.run(
        [
            python,
            "-m",
            "pip",
            "install",
            "--disable-pip-version-check",
            "-r",
            str(REPO / "ai_service" / "requirements.txt"),
            f"{core}[scoring]",
        ],
        env=environment,
        capture_output=True,
        text=True,
        timeout=INSTALL_TIMEOUT_SECONDS,
        check=False,
    )
    print(f"ai_service requirements and recruitment_core installed in {time.monotonic() - started:.1f} s")
    assert install.returncode == 0, install.stderr[-3000:]
    # Whatever the core package pulled in must be pinned by the service's own requirements too.
    frozen = subprocess.run(
        [python, "-m", "pip", "freeze", "--disable-pip-version-check"],
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    installed = {_name(line) for line in frozen.stdout.splitlines() if line.strip()} - {"recruitment-core"}
    assert installed - _pinned(REPO / "ai_service" / "requirements.txt") == set()

    # The exported embedding model, as the image copies it to var/models (scripts/export_onnx.py needs torch).
    serving = {**environment, "EMBEDDING_BACKEND": "onnx", "EMBEDDING_MODEL_DIR": str(REPO / "var" / "models")}
    served = subprocess.run(
        [python, "-c", SERVE], cwd=app_dir, env=serving, capture_output=True, text=True, timeout=120, check=False
    )
    assert served.returncode == 0, served.stderr[-3000:]
    result = json.loads(served.stdout.strip().splitlines()[-1])
    assert Path(result["core"]).is_relative_to(venv), "recruitment_core must come from the installed package"
    assert (result["health"], result["analyze"], result["provider"]) == (200, 200, "builtin")
    # A pair sent without a score is scored with the embedding model on onnxruntime, never torch.
    assert result["modules"] == ["onnxruntime"]


def _name(requirement: str) -> str:
    return re.split(r"[=@<>!~;\[ ]", requirement.strip(), maxsplit=1)[0].lower().replace("_", "-").replace(".", "-")


def _pinned(requirements: Path) -> set[str]:
    lines = (line.split("#", 1)[0].strip() for line in requirements.read_text(encoding="utf-8").splitlines())
    return {_name(line) for line in lines if line}
