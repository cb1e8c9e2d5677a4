"""What the benchmarks share: throwaway PostgreSQL, RabbitMQ and Redis, child processes, a configured Django.

Every resource is removed at the end, also when a step fails: a database on BENCH_DATABASE_URL (else an embedded
cluster), a RabbitMQ virtual host (management API), an unused Redis database (8-15, or BENCH_REDIS_DB).
"""

from __future__ import annotations

import contextlib
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlparse

REPO = Path(__file__).resolve().parents[1]
BACKEND = REPO / "django_backend"

VENV_BIN = Path(sys.executable).parent
REDIS_CLAIM_KEY = "bench_tasks:claim"
REDIS_DATABASES = range(15, 7, -1)  # 0 is `make up`'s, 7 the end-to-end tests'
# Celery results, channel layer, Django cache (tickets, throttles), and the per-user WebSocket counts.
REDIS_KEY_PATTERNS = ("celery-task-meta-*", "asgi*", ":1:*", "ws-connections:*")
STARTUP_TIMEOUT = 90.0
STOP_TIMEOUT = 30.0


class BenchError(Exception):
    """A step of the benchmark failed; the message says which and why."""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


# --- Throwaway infrastructure ----------------------------------------------------------------------------------


@contextlib.contextmanager
def postgres_database(work: Path) -> Iterator[tuple[str, str]]:
    """(database URL, server URL): a database on BENCH_DATABASE_URL, dropped at the end, else an embedded cluster."""
    import psycopg

    from scripts import embedded_pg

    server = os.environ.get("BENCH_DATABASE_URL")
    if server:
        name = f"bench_tasks_{os.getpid()}"
        try:
            yield embedded_pg.ensure_database(server, name), server
        finally:
            with psycopg.connect(server, autocommit=True) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        return
    # A small database: the embedded cluster's default 1 GB of shared buffers is for bench-search.
    os.environ.setdefault("EMBEDDED_PG_SHARED_BUFFERS", "256MB")
    data_dir = work / "pg"
    try:
        server = embedded_pg.start(data_dir, embedded_pg.free_port())
        yield embedded_pg.ensure_database(server, "bench_tasks"), server
    finally:
        embedded_pg.destroy(data_dir)


@contextlib.contextmanager
def rabbitmq_vhost(broker_url: str) -> Iterator[tuple[str, str]]:
    """(name, broker URL) of a new virtual host, deleted at the end with every queue and message in it."""
    import httpx

    broker = urlparse(broker_url)
    user, password = broker.username or "guest", broker.password or "guest"
    host = broker.hostname or "127.0.0.1"
    management_url = os.environ.get("RABBITMQ_MANAGEMENT_URL", f"http://{host}:15672")
    name = f"recruitment-bench-{uuid.uuid4().hex[:10]}"
    quoted = quote(name, safe="")
    with httpx.Client(base_url=management_url, auth=(user, password), timeout=10) as management:
        management.put(f"/api/vhosts/{quoted}").raise_for_status()
        try:
            management.put(
                f"/api/permissions/{quoted}/{user}", json={"configure": ".*", "write": ".*", "read": ".*"}
            ).raise_for_status()
            yield name, f"amqp://{user}:{password}@{host}:{broker.port or 5672}/{quoted}"
        finally:
            management.delete(f"/api/vhosts/{quoted}").raise_for_status()


def redis_url_for(base_url: str, database: int) -> str:
    parsed = urlparse(base_url)
    return parsed._replace(path=f"/{database}").geturl()


@contextlib.contextmanager
def redis_database(base_url: str) -> Iterator[tuple[str, int]]:
    """(URL, number) of a Redis database nobody uses, claimed with a key; the run's keys are deleted at the end."""
    import redis

    claim = uuid.uuid4().hex
    wanted = os.environ.get("BENCH_REDIS_DB")
    for number in [int(wanted)] if wanted else REDIS_DATABASES:
        client = redis.Redis.from_url(redis_url_for(base_url, number))
        if client.set(REDIS_CLAIM_KEY, claim, nx=True):
            if client.dbsize() == 1:
                break
            client.delete(REDIS_CLAIM_KEY)
        client.close()
    else:
        raise BenchError(f"no empty Redis database among {list(REDIS_DATABASES)} at {base_url}: set BENCH_REDIS_DB")
    try:
        yield redis_url_for(base_url, number), number
    finally:
        for pattern in REDIS_KEY_PATTERNS:
            keys = list(client.scan_iter(match=pattern, count=1000))
            for first in range(0, len(keys), 1000):
                client.delete(*keys[first : first + 1000])
        if client.get(REDIS_CLAIM_KEY) == claim.encode():
            client.delete(REDIS_CLAIM_KEY)
        client.close()


@dataclass
class Child:
    """A process this benchmark started, in a process group of its own so its children stop with it."""

    name: str
    process: subprocess.Popen[bytes]
    log: Path

    def log_tail(self, lines: int = 30) -> str:
        text = self.log.read_text(errors="replace") if self.log.exists() else ""
        return "\n".join(text.splitlines()[-lines:])

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)  # a worker's warm shutdown
            try:
                self.process.wait(STOP_TIMEOUT)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        with contextlib.suppress(ProcessLookupError):  # anything of its group still alive (a pool child)
            os.killpg(self.process.pid, signal.SIGKILL)


@contextlib.contextmanager
def child_process(
    name: str, command: list[str], env: dict[str, str], log_dir: Path, pass_fds: tuple[int, ...] = ()
) -> Iterator[Child]:
    log = log_dir / f"{name.split('@')[0]}.log"
    with log.open("wb") as output:
        process = subprocess.Popen(
            command,
            cwd=BACKEND,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
            pass_fds=pass_fds,
        )
    child = Child(name=name, process=process, log=log)
    try:
        yield child
    finally:
        child.stop()


def wait_for_worker(app: Any, worker: Child) -> None:
    deadline = time.monotonic() + STARTUP_TIMEOUT
    while time.monotonic() < deadline:
        if worker.process.poll() is not None:
            raise BenchError(f"worker {worker.name} exited with {worker.process.returncode}:\n{worker.log_tail()}")
        if any(worker.name in reply for reply in app.control.ping(destination=[worker.name], timeout=1.0)):
            return
    raise BenchError(f"worker {worker.name} did not answer a ping in {STARTUP_TIMEOUT:g} s:\n{worker.log_tail()}")


def wait_for_http(server: Child, url: str) -> None:
    """Until the server answers at all (the socket accepts connections before the application is loaded)."""
    import httpx

    deadline = time.monotonic() + STARTUP_TIMEOUT
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise BenchError(f"{server.name} exited with {server.process.returncode}:\n{server.log_tail()}")
        with contextlib.suppress(httpx.HTTPError):
            httpx.get(url, timeout=5)
            return
        time.sleep(0.2)
    raise BenchError(f"{server.name} did not answer {url} in {STARTUP_TIMEOUT:g} s:\n{server.log_tail()}")


# --- Django and its users ---------------------------------------------------------------------------------------


def django_for_bench(stack: contextlib.ExitStack, **values: str) -> dict[str, str]:
    """The environment of this run's Django processes: production settings on the throwaway database, broker and
    Redis in `values` (DATABASE_URL=..., and so on), migrated, and set up in this process too. Returns it for the
    processes the bench starts; this process's connections close before the database is dropped."""
    env = {
        **{name: value for name, value in os.environ.items() if name != "PYTHONPATH"},
        **values,
        # Production settings; the key only has to be shared by this run's processes.
        "DJANGO_DEBUG": "false",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "PYTHONPATH": f"{REPO}:{BACKEND}",
        "HF_HUB_OFFLINE": "1",
        "TRANSFORMERS_OFFLINE": "1",
    }
    subprocess.run([sys.executable, "manage.py", "migrate", "--noinput", "-v", "0"], cwd=BACKEND, env=env, check=True)
    os.environ.update(env)
    import django

    django.setup()
    from django.db import connections

    stack.callback(connections.close_all)
    return env


def bench_recruiters(organization: Any, count: int) -> list[Any]:
    """`count` new recruiters (unusable passwords: hashing 200 real ones would take a minute)."""
    from django.contrib.auth.hashers import make_password

    from accounts.models import User

    return User.objects.bulk_create(
        User(username=f"bench-{index}", password=make_password(None), organization=organization)
        for index in range(count)
    )


def socket_tickets(users: list[Any]) -> list[str]:
    """A single-use WebSocket ticket per user, as `POST /api/ws-tickets/` hands out (short-lived: issue them just
    before connecting)."""
    from realtime.tickets import ws_ticket_issue

    return [ws_ticket_issue(user=user) for user in users]
