"""`make bench-tasks` at tiny sizes, so it does not rot: real workers, RabbitMQ, Redis, daphne and PostgreSQL.

The benchmark runs once as a subprocess, exactly as `make bench-tasks` runs it, on a database of its own on the
suite's PostgreSQL server; the tests check its exact counts and that it removed everything it started.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path
from typing import Any

import psycopg
import pytest
import redis
from fixtures.rabbitmq import _management_client

REPO = Path(__file__).resolve().parents[2]
NOOP_TASKS, EMBED_TASKS, CLIENTS, MESSAGES = 10, 2, 5, 3


@pytest.fixture(scope="module")
def bench(postgres_server_url: str) -> dict[str, Any]:
    command = [
        sys.executable, "scripts/bench_tasks.py", "--json", "--noop-tasks", str(NOOP_TASKS),
        "--embed-tasks", str(EMBED_TASKS), "--clients", str(CLIENTS), "--messages", str(MESSAGES),
        "--interval", "0.02",
    ]  # fmt: skip
    env = {**os.environ, "BENCH_DATABASE_URL": postgres_server_url}
    completed = subprocess.run(command, cwd=REPO, env=env, capture_output=True, text=True, timeout=400)
    assert completed.returncode == 0, completed.stderr[-4000:]
    return json.loads(completed.stdout)


def workers() -> list[str]:
    hostname = socket.gethostname()
    return [f"bench_tasks1@{hostname}", f"bench_tasks2@{hostname}"]


@pytest.mark.parametrize("mode", ["end_to_end", "drain"])
def test_every_noop_task_is_done_once_with_one_worker_and_with_two(bench, mode):
    one, two = bench["noop"][mode]

    assert (one["workers"], one["tasks"], one["succeeded"]) == (1, NOOP_TASKS, NOOP_TASKS)
    assert one["run_by_worker"] == {workers()[0]: NOOP_TASKS, workers()[1]: 0}
    assert (two["workers"], two["tasks"], two["succeeded"]) == (2, NOOP_TASKS, NOOP_TASKS)
    assert sum(two["run_by_worker"].values()) == NOOP_TASKS
    assert one["tasks_per_second"] > 0 and two["tasks_per_second"] > 0 and two["publish_per_second"] > 0


def test_nothing_is_consumed_while_a_drain_run_publishes(bench):
    assert [run["unfinished_when_published"] for run in bench["noop"]["drain"]] == [NOOP_TASKS, NOOP_TASKS]


def test_every_embedding_task_writes_its_candidates_vector(bench):
    one, two = bench["embed"]["runs"]

    assert bench["embed"]["resumes"] == EMBED_TASKS
    assert (one["succeeded"], one["embeddings_written"]) == (EMBED_TASKS, EMBED_TASKS)
    assert one["run_by_worker"] == {workers()[0]: EMBED_TASKS, workers()[1]: 0}
    assert (two["succeeded"], two["embeddings_written"]) == (EMBED_TASKS, EMBED_TASKS)
    assert sum(two["run_by_worker"].values()) == EMBED_TASKS


def test_every_client_gets_every_broadcast_in_order(bench):
    fanout = bench["fanout"]

    assert (fanout["clients"], fanout["connected"]) == (CLIENTS, CLIENTS)
    assert (fanout["expected"], fanout["delivered"], fanout["out_of_order"]) == (15, 15, 0)
    latency = fanout["latency_ms"]
    assert 0 < latency["p50"] <= latency["p95"] <= latency["max"]


def test_everything_started_is_removed(bench, postgres_server_url):
    infrastructure = bench["infrastructure"]

    for pid in [*infrastructure["worker_pids"], infrastructure["daphne_pid"]]:
        with pytest.raises(ProcessLookupError):
            os.kill(pid, 0)
    with _management_client() as management:
        vhosts = {vhost["name"] for vhost in management.get("/api/vhosts").raise_for_status().json()}
    assert "/" in vhosts and infrastructure["vhost"] not in vhosts
    with psycopg.connect(postgres_server_url) as conn:
        found = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [infrastructure["database"]]).fetchone()
    assert found is None
    base = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0").rsplit("/", 1)[0]
    with redis.Redis.from_url(f"{base}/{infrastructure['redis_db']}") as client:
        assert client.dbsize() == 0
