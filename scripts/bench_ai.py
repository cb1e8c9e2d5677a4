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
one job's applicants are screened) and a resume only after every other resume (parsed afresh each time). Each
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
import itertools
import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from scripts import render_nginx  # noqa: E402

VENV_BIN = Path(sys.executable).parent
CORPUS = REPO / "tests" / "ranking_corpus"
GATEWAY_PREFIX = "/api/ai"
GATEWAY_AI_LIMIT = "limit_req zone=ai burst=20 nodelay;"
TARGET_REQUESTS_PER_SECOND = 400.0
TARGET_P95_MS = 60.0
TARGET_CLIENTS = 20
STARTUP_TIMEOUT = 60.0
REQUEST_TIMEOUT = 60.0


class BenchError(Exception):
    """A step of the benchmark failed; the message says which and why."""


@dataclass(frozen=True)
class Run:
    target: str  # "uvicorn" or "nginx"
    clients: int
    requests: int
    seconds: float
    latencies_ms: list[float]
    errors: dict[str, int]  # "HTTP 429", "ReadTimeout", ...: how many
    service_cpu_seconds: float = 0.0  # uvicorn's processes (and nginx's, through the gateway)
    client_cpu_seconds: float = 0.0

    @property
    def requests_per_second(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    def percentile(self, fraction: float) -> float:
        ordered = sorted(self.latencies_ms)
        if not ordered:
            return float("nan")
        return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]

    def summary(self) -> dict[str, Any]:
        meets = None
        if self.clients == TARGET_CLIENTS:
            meets = self.requests_per_second >= TARGET_REQUESTS_PER_SECOND and self.percentile(0.95) < TARGET_P95_MS
        return {
            "target": self.target,
            "clients": self.clients,
            "requests": self.requests,
            "requests_per_second": round(self.requests_per_second, 1),
            "p50_ms": round(self.percentile(0.50), 1),
            "p95_ms": round(self.percentile(0.95), 1),
            "p99_ms": round(self.percentile(0.99), 1),
            "errors": sum(self.errors.values()),
            "error_kinds": dict(self.errors),
            "service_cpu_ms_per_request": round(self.service_cpu_seconds * 1000 / self.requests, 2),
            "client_cpu_ms_per_request": round(self.client_cpu_seconds * 1000 / self.requests, 2),
            "meets_target": meets,
        }


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


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


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


class Connection:
    """One keep-alive HTTP/1.1 connection that sends prepared requests and reads each answer whole.

    The client shares the machine's cores with what it measures, so it is kept lean: httpx spent 2-3 ms of CPU per
    request at 20 clients and about 10 ms at 100 (its pool scans its connections), more than the service itself.
    """

    def __init__(self, host: str, port: int) -> None:
        self.host, self.port = host, port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def exchange(self, request: bytes) -> tuple[int, bytes]:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        assert self.reader is not None
        self.writer.write(request)
        head = await self.reader.readuntil(b"\r\n\r\n")
        status_line, *header_lines = head.decode("latin-1").split("\r\n")
        headers = dict(line.lower().split(": ", 1) for line in header_lines if ": " in line)
        if "content-length" not in headers:
            raise BenchError(f"an answer without Content-Length: {status_line}")
        body = await self.reader.readexactly(int(headers["content-length"]))
        if headers.get("connection", "").lower() == "close":
            await self.close()
        return int(status_line.split()[1]), body

    async def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
            with contextlib.suppress(OSError):
                await self.writer.wait_closed()
        self.reader = self.writer = None


def prepared_requests(url: str, api_key: str, bodies: list[dict[str, str]]) -> list[bytes]:
    """Each body as a complete POST request to `url`."""
    parsed = urlsplit(url)
    prepared = []
    for body in bodies:
        payload = json.dumps(body).encode()
        head = (
            f"POST {parsed.path} HTTP/1.1\r\nHost: {parsed.netloc}\r\nX-API-Key: {api_key}\r\n"
            f"Content-Type: application/json\r\nContent-Length: {len(payload)}\r\n\r\n"
        )
        prepared.append(head.encode() + payload)
    return prepared


async def load(url: str, api_key: str, bodies: list[dict[str, str]], *, clients: int, requests: int) -> Run:
    """`clients` closed-loop clients, one connection each, send `requests` requests between them; the latency of
    each, and the errors by kind."""
    parsed = urlsplit(url)
    prepared = prepared_requests(url, api_key, bodies)
    counter = itertools.count()
    latencies: list[float] = []
    errors: Counter[str] = Counter()

    async def one_client() -> None:
        connection = Connection(parsed.hostname or "127.0.0.1", parsed.port or 80)
        try:
            while (index := next(counter)) < requests:
                started = time.perf_counter()
                try:
                    status, body = await asyncio.wait_for(
                        connection.exchange(prepared[index % len(prepared)]), REQUEST_TIMEOUT
                    )
                except (TimeoutError, OSError, asyncio.IncompleteReadError) as error:
                    errors[type(error).__name__] += 1
                    await connection.close()
                    continue
                if status == 200 and body.startswith(b'{"match_score":'):
                    latencies.append((time.perf_counter() - started) * 1000)
                else:
                    errors[f"HTTP {status}"] += 1
        finally:
            await connection.close()

    started = time.perf_counter()
    await asyncio.gather(*(one_client() for _ in range(clients)))
    seconds = time.perf_counter() - started
    return Run(
        target="", clients=clients, requests=requests, seconds=seconds, latencies_ms=latencies, errors=dict(errors)
    )


def cpu_seconds(processes: list[subprocess.Popen[bytes]]) -> float:
    """User and system CPU time of these processes and all their children so far."""
    import psutil

    total = 0.0
    for process in processes:
        root = psutil.Process(process.pid)
        for member in [root, *root.children(recursive=True)]:
            with contextlib.suppress(psutil.Error):
                times = member.cpu_times()
                total += times.user + times.system
    return total


def measured(
    url: str, api_key: str, bodies: list[dict[str, str]], servers: list[subprocess.Popen[bytes]], **load_args: int
) -> Run:
    service_before, client_before = cpu_seconds(servers), time.process_time()
    result = asyncio.run(load(url, api_key, bodies, **load_args))
    return replace(
        result,
        service_cpu_seconds=cpu_seconds(servers) - service_before,
        client_cpu_seconds=time.process_time() - client_before,
    )


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
            # The service builds its tables at start-up; this caches the postings' parses before anything is timed.
            warm_up = asyncio.run(
                load(urls["uvicorn"], api_key, bodies, clients=4 * args.workers, requests=len(bodies) // 2)
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


def report(result: dict[str, object]) -> str:
    lines = [
        f"POST /analyze, builtin provider: {result['workers']} uvicorn workers on {result['cores']} cores,"
        f" {result['distinct_pairs']} distinct (posting, resume) pairs",
        f"targets at {TARGET_CLIENTS} clients: >= {TARGET_REQUESTS_PER_SECOND:.0f} requests/s,"
        f" p95 < {TARGET_P95_MS:.0f} ms",
        "",
        f"{'target':<8} {'clients':>7} {'requests':>8} {'req/s':>7} {'p50 ms':>7} {'p95 ms':>7} {'p99 ms':>7}"
        f" {'errors':>6} {'cpu ms/req':>10} {'client':>6}  verdict",
    ]
    runs = result["runs"]
    assert isinstance(runs, list)
    failures = []
    for row in runs:
        verdict = {True: "PASS", False: "FAIL", None: "-"}[row["meets_target"]]
        lines.append(
            f"{row['target']:<8} {row['clients']:>7} {row['requests']:>8} {row['requests_per_second']:>7.1f}"
            f" {row['p50_ms']:>7.1f} {row['p95_ms']:>7.1f} {row['p99_ms']:>7.1f} {row['errors']:>6}"
            f" {row['service_cpu_ms_per_request']:>10.2f} {row['client_cpu_ms_per_request']:>6.2f}  {verdict}"
        )
        if row["error_kinds"]:
            lines.append(f"         errors: {row['error_kinds']}")
        if row["meets_target"] is False:
            failures.append(
                f"{row['target']} at {row['clients']} clients: {row['requests_per_second']:.1f} requests/s,"
                f" p95 {row['p95_ms']:.1f} ms"
            )
    lines += [
        "",
        "cpu ms/req: CPU time of uvicorn's processes (and nginx's, through the gateway) per request; client: the"
        " load client's. Every process shares the machine's cores with whatever else runs.",
    ]
    if failures:
        lines.append("FAIL: " + "; ".join(failures))
    return "\n".join(lines)


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
