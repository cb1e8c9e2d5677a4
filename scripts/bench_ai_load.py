"""The load of bench_ai: closed-loop clients on lean keep-alive connections, and the figures of a run."""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import subprocess
import time
from collections import Counter
from dataclasses import dataclass, replace
from typing import Any
from urllib.parse import urlsplit

from scripts.bench_common import BenchError, percentile

TARGET_REQUESTS_PER_SECOND = 400.0
TARGET_P95_MS = 60.0
TARGET_CLIENTS = 20
REQUEST_TIMEOUT = 60.0


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
        return percentile(self.latencies_ms, fraction) if self.latencies_ms else float("nan")

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
