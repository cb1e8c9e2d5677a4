"""The WebSocket fan-out of bench_tasks: clients on `ws/tasks/` of one organization, broadcasts timed on arrival."""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import statistics
import time
from typing import Any

from scripts.bench_common import STARTUP_TIMEOUT, BenchError, percentile

FANOUT_EVENT = "bench.fanout"


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
