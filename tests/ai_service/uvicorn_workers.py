"""The AI service as it is deployed: `uvicorn ai_service.main:app --workers N` in a process of its own, on a free
local port, configured through its environment; its metrics go to a multiprocess directory of the test's."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
from fixtures.ai_server import API_KEY
from prometheus_client.mmap_dict import MmapedDict

REPO = Path(__file__).resolve().parents[2]
STARTED = "Application startup complete."
START_TIMEOUT_SECONDS = 120  # each worker builds the parsers' tables before it accepts calls


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class RunningService:
    url: str
    metrics_dir: Path
    output: Path
    workers: int

    def send(self, count: int, method: str, path: str, **kwargs: Any) -> list[httpx.Response]:
        """`count` calls at once, each on a connection of its own, so that every worker accepts some."""

        def call(_: int) -> httpx.Response:
            with httpx.Client(base_url=self.url, timeout=60) as client:
                return client.request(method, path, **kwargs)

        with ThreadPoolExecutor(max_workers=8) as pool:
            return list(pool.map(call, range(count)))

    def requests_by_worker(self, handler: str) -> dict[int, float]:
        """Per worker process, the ai_service_http_requests_total it wrote for `handler`: which workers served it."""
        served: dict[int, float] = {}
        for path in self.metrics_dir.glob("counter_*.db"):
            pid = int(path.stem.removeprefix("counter_"))
            for key, value, _, _ in MmapedDict.read_all_values_from_file(str(path)):
                _, sample, labels, _ = json.loads(key)
                if sample == "ai_service_http_requests_total" and labels.get("handler") == handler:
                    served[pid] = served.get(pid, 0.0) + value
        return {pid: total for pid, total in served.items() if total}

    def log(self) -> str:
        return self.output.read_text(errors="replace")


@contextmanager
def running_workers(tmp_path: Path, *, workers: int = 2, **environment: str) -> Iterator[RunningService]:
    """Start the service with `workers` uvicorn workers and `environment` on top of a minimal one; stop it (the
    workers' shutdown hooks run) on exit."""
    metrics_dir = tmp_path / "metrics"
    metrics_dir.mkdir()
    output = tmp_path / "uvicorn.log"
    port = free_port()
    env = {
        "PATH": os.environ["PATH"],
        "PYTHONPATH": str(REPO),
        "HOME": os.environ.get("HOME", str(tmp_path)),
        "HF_HUB_OFFLINE": "1",
        "TRANSFORMERS_OFFLINE": "1",
        "AI_SERVICE_API_KEYS": API_KEY,
        "AI_PROVIDER": "builtin",
        "PROMETHEUS_MULTIPROC_DIR": str(metrics_dir),
        **environment,
    }
    command = [sys.executable, "-m", "uvicorn", "ai_service.main:app", "--host", "127.0.0.1", "--port", str(port)]
    with output.open("wb") as sink:
        process = subprocess.Popen(
            [*command, "--workers", str(workers)], cwd=REPO, env=env, stdout=sink, stderr=subprocess.STDOUT
        )
    service = RunningService(f"http://127.0.0.1:{port}", metrics_dir, output, workers)
    try:
        # Calls are sent only once every worker accepts them; otherwise the first one would serve them all.
        deadline = time.monotonic() + START_TIMEOUT_SECONDS
        while service.log().count(STARTED) < workers:
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"the AI service did not start:\n{service.log()[-4000:]}")
            time.sleep(0.1)
        yield service
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
