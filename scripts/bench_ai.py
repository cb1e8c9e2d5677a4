"""The AI service's `POST /analyze` with the builtin provider under load: requests/s and latency percentiles.

Starts what it measures, as `make up` runs it, on free ports, and stops it at the end (also when a step fails):
uvicorn with AI_SERVICE_WORKERS workers (default: one per core, as `make up`), and nginx with the gateway's own
configuration (nginx/nginx.local.conf rendered by scripts/render_nginx.py) in front. Two limits are lifted, since
they would answer most of the load with 429 and this measures the service, not the limits: the gateway's
per-address limit on /api/ai/ (10 requests/s) and the service's per-key limit (AI_RATE_LIMIT_PER_MINUTE). A
running `make up` stack keeps both, which is why the benchmark starts its own.

The load is closed-loop and bounded: C clients, each sending its next request when the previous answer has arrived,
until N requests have been answered. Each request is a real pair from tests/ranking_corpus: the 20 postings and
the plain-text resumes, in an order where a posting comes back every 20 requests (its parse is cached, as when
one job's applicants are screened) and a resume only after every other resume (parsed afresh each time; its
vectors, like the postings', are embedded once per worker during the warm-up, which is not timed). Each
configuration runs at 20 and 100 clients, straight to uvicorn and through nginx, in the order direct, gateway,
gateway, direct, so that load drifting during the run falls on both alike. Straight to uvicorn each client keeps
its connection, and the worker that accepted it serves all its requests; nginx opens a connection to uvicorn per
request. The client runs on the same machine and takes CPU from the service (its own CPU per request is printed);
other work on the machine does too, so run it more than once.

Targets: at 20 clients, at least 400 requests/s and a p95 below 60 ms.

Usage: .venv/bin/python scripts/bench_ai.py [--requests 2000] [--clients 20 100] [--workers N] [--json]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from scripts import render_nginx  # noqa: E402
from scripts.bench_ai_load import TARGET_CLIENTS, TARGET_P95_MS, TARGET_REQUESTS_PER_SECOND, Run, load, measured  # noqa: E402
from scripts.bench_ai_report import report  # noqa: E402
from scripts.bench_common import BenchError, free_port  # noqa: E402

VENV_BIN = Path(sys.executable).parent
CORPUS = REPO / "tests" / "ranking_corpus"
GATEWAY_PREFIX = "/api/ai"
GATEWAY_AI_LIMIT = "limit_req zone=ai burst=20 nodelay;"
STARTUP_TIMEOUT = 60.0


# --- What is sent --------------------------------------------------------------------------------------------------


def request_bodies() -> list[dict[str, str]]:
    """Every (posting, resume) request body in sending order: posting i % 20 with resume i % R."""
    jobs = []
    for path in sorted((CORPUS / "jobs").glob("*.json")):
        posting = json.loads(path.read_text(encoding="utf-8"))
        jobs.append(f"{posting['title']}\n\n{posting['description']}")
    resumes = [path.read_text(encoding="utf-8") for path in sorted((CORPUS / "resumes").glob("*.txt"))]
    if not jobs or not resumes:
        raise BenchError(f"no postings or plain-text resumes under {CORPUS}")
    pairs = len(jobs) * len(resumes) // _gcd(len(jobs), len(resumes))
    return [{"job_description": jobs[i % len(jobs)], "resume_text": resumes[i % len(resumes)]} for i in range(pairs)]


def _gcd(a: int, b: int) -> int:
    while b:
        a, b = b, a % b
    return a


# --- What is measured ----------------------------------------------------------------------------------------------


def wait_for_health(url: str, process: subprocess.Popen[bytes], log: Path) -> None:
    import httpx

    deadline = time.monotonic() + STARTUP_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise BenchError(f"{process.args!r} exited with {process.returncode}:\n{log.read_text()[-3000:]}")
        with contextlib.suppress(httpx.HTTPError):
            if httpx.get(url, timeout=2).status_code == 200:
                return
        time.sleep(0.2)
    raise BenchError(f"{url} did not answer within {STARTUP_TIMEOUT:.0f} s:\n{log.read_text()[-3000:]}")


@contextlib.contextmanager
def child(command: list[str], *, log: Path, env: dict[str, str] | None = None) -> Iterator[subprocess.Popen[bytes]]:
    with log.open("ab") as output:
        process = subprocess.Popen(command, cwd=REPO, env=env, stdout=output, stderr=subprocess.STDOUT)
    try:
        yield process
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def ai_service_command(port: int, workers: int) -> list[str]:
    """The command of scripts/supervisord.conf's ai_service program."""
    return [
        str(VENV_BIN / "uvicorn"),
        "ai_service.main:app",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--proxy-headers",
        "--workers",
        str(workers),
    ]


def gateway_config(work: Path, ai_port: int, gateway_port: int) -> Path:
    """nginx.local.conf as `make up` renders it, for these ports, without the per-address limit on /api/ai/."""
    env = {
        **os.environ,
        "RUN_DIR": str(work / "run"),
        "LOG_DIR": str(work / "logs"),
        "GATEWAY_PORT": str(gateway_port),
        "AI_SERVICE_PORT": str(ai_port),
        "DJANGO_PORT": str(free_port()),  # nothing listens there: only /api/ai/ is measured
        "STATIC_ROOT": str(work / "static"),
        "MEDIA_ROOT": str(work / "media"),
    }
    saved = dict(os.environ)
    os.environ.update(env)
    try:
        values = render_nginx.values_from_environment()
    finally:
        os.environ.clear()
        os.environ.update(saved)
    for directory in (values["RUN_DIR"], values["LOG_DIR"]):
        Path(directory).mkdir(parents=True, exist_ok=True)
    config = render_nginx.render((REPO / "nginx" / "nginx.local.conf").read_text(), values)
    if GATEWAY_AI_LIMIT not in config:
        raise BenchError(f"nginx.local.conf no longer has {GATEWAY_AI_LIMIT!r}: update the benchmark")
    path = work / "run" / "nginx.conf"
    path.write_text(config.replace(GATEWAY_AI_LIMIT, "", 1))
    return path


def run(args: argparse.Namespace) -> dict[str, object]:
    if shutil.which("nginx") is None and not Path("/usr/sbin/nginx").exists():
        raise BenchError("nginx is not installed: run `make install`")
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    bodies = request_bodies()
    api_key = secrets.token_urlsafe(32)
    ai_port, gateway_port = free_port(), free_port()
    env = {
        **os.environ,
        "PYTHONPATH": str(REPO),
        "AI_PROVIDER": "builtin",
        "AI_SERVICE_API_KEY": api_key,
        "AI_SERVICE_API_KEYS": "",
        "AI_ROOT_PATH": GATEWAY_PREFIX,
        "AI_RATE_LIMIT_PER_MINUTE": str(10**9),
        "AI_RATE_LIMIT_BURST": str(10**9),
        "METRICS_BEARER_TOKEN": secrets.token_urlsafe(32),
    }
    urls = {
        "uvicorn": f"http://127.0.0.1:{ai_port}/analyze",
        "nginx": f"http://127.0.0.1:{gateway_port}{GATEWAY_PREFIX}/analyze",
    }
    with tempfile.TemporaryDirectory(prefix="bench-ai-") as temp:
        work = Path(temp)
        (work / "logs").mkdir()
        config = gateway_config(work, ai_port, gateway_port)
        service_log, gateway_log = work / "logs" / "ai_service.log", work / "logs" / "nginx.log"
        with (
            child(ai_service_command(ai_port, args.workers), log=service_log, env=env) as service,
            child([nginx, "-e", str(work / "logs" / "nginx-error.log"), "-c", str(config)], log=gateway_log) as gw,
        ):
            wait_for_health(f"http://127.0.0.1:{ai_port}/health", service, service_log)
            wait_for_health(f"http://127.0.0.1:{gateway_port}{GATEWAY_PREFIX}/health", gw, gateway_log)
            # The service builds its tables at start-up; this caches the postings' parses, and each worker's vectors
            # of every text (kept by digest, as for a posting's applicants screened again), before anything is timed.
            # Through the gateway, which opens a connection per request, so that every worker gets every text.
            warm_up = asyncio.run(
                load(urls["nginx"], api_key, bodies, clients=4 * args.workers, requests=len(bodies) * 2 * args.workers)
            )
            if warm_up.errors:
                raise BenchError(f"warm-up requests failed {warm_up.errors}:\n{service_log.read_text()[-3000:]}")
            runs: list[Run] = []
            for clients in args.clients:
                half = max(1, args.requests // 2)
                halves: dict[str, list[Run]] = {"uvicorn": [], "nginx": []}
                for target in ("uvicorn", "nginx", "nginx", "uvicorn"):
                    servers = [service] if target == "uvicorn" else [service, gw]
                    halves[target].append(
                        measured(urls[target], api_key, bodies, servers, clients=clients, requests=half)
                    )
                for target, (first, second) in halves.items():
                    runs.append(
                        Run(
                            target=target,
                            clients=clients,
                            requests=first.requests + second.requests,
                            seconds=first.seconds + second.seconds,
                            latencies_ms=first.latencies_ms + second.latencies_ms,
                            errors=dict(Counter(first.errors) + Counter(second.errors)),
                            service_cpu_seconds=first.service_cpu_seconds + second.service_cpu_seconds,
                            client_cpu_seconds=first.client_cpu_seconds + second.client_cpu_seconds,
                        )
                    )
    return {
        "workers": args.workers,
        "cores": os.cpu_count(),
        "distinct_pairs": len(bodies),
        "runs": [run.summary() for run in runs],
        "targets": {
            "clients": TARGET_CLIENTS,
            "requests_per_second": TARGET_REQUESTS_PER_SECOND,
            "p95_ms": TARGET_P95_MS,
        },
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--requests", type=int, default=2000, help="requests per target and client count")
    parser.add_argument("--clients", type=int, nargs="+", default=[20, 100], help="concurrent clients")
    parser.add_argument(
        "--workers",
        type=int,
        default=int(os.environ.get("AI_SERVICE_WORKERS") or os.cpu_count() or 1),
        help="uvicorn workers (default: AI_SERVICE_WORKERS, else one per core, as `make up`)",
    )
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    if args.requests < 1 or args.workers < 1 or min(args.clients) < 1:
        parser.error("--requests, --workers and --clients must be positive")
    try:
        result = run(args)
    except BenchError as error:
        print(f"bench-ai failed: {error}", file=sys.stderr)
        return 1
    print(json.dumps(result, indent=2) if args.json else report(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
