"""A worker as `make up` runs it (prefork pool, PROMETHEUS_MULTIPROC_DIR and CELERY_METRICS_PORT from
scripts/supervisord.conf) serves the task counts of its pool's processes, summed, on its own /metrics: what
Prometheus's `celery` job scrapes."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.parse
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from django.db import connection
from fixtures.rabbitmq import celery_app_on, throwaway_vhost
from prometheus_client.parser import text_string_to_metric_families

from config.celery import app
from config.queues import QueueName, declare_all
from scripts import embedded_pg
from scripts.bench_tasks_noop import noop_task

pytestmark = pytest.mark.django_db(transaction=True)

REPO = Path(__file__).resolve().parents[2]
TASKS = 6
NOOP = "scripts.bench_tasks_noop.noop_task"
# A file left by an earlier run of the worker (a pid that is gone); unreadable, so a scrape would fail on it.
STALE = "counter_999999999.db"


def _database_url(server_url: str) -> str:
    """The test database on the suite's server, which this test's transactions commit to."""
    return urllib.parse.urlsplit(server_url)._replace(path=f"/{connection.settings_dict['NAME']}").geturl()


@pytest.fixture
def worker_metrics(tmp_path: Path, postgres_server_url: str) -> Iterator[str]:
    """A prefork worker with two pool processes on a throwaway virtual host; yields its metrics URL."""
    directory, port, log = tmp_path / "metrics", embedded_pg.free_port(), tmp_path / "worker.log"
    directory.mkdir()
    (directory / STALE).write_bytes(b"not a metrics file")
    with throwaway_vhost() as virtual_host, celery_app_on(app, virtual_host):
        with app.connection_for_write() as broker:
            declare_all(broker)
        env = {
            **os.environ,
            "PYTHONPATH": f"{REPO}:{REPO / 'django_backend'}",
            "DATABASE_URL": _database_url(postgres_server_url),
            "CELERY_BROKER_URL": virtual_host.broker_url,
            "PROMETHEUS_MULTIPROC_DIR": str(directory),
            "CELERY_METRICS_PORT": str(port),
        }
        command = [
            str(Path(sys.executable).parent / "celery"), "-A", "config", "worker", "-Q", QueueName.HIGH.value,
            "-n", f"metrics-{port}@%h", "-c", "2", "--prefetch-multiplier=1", "--without-gossip", "--without-mingle",
            "--include", "scripts.bench_tasks_noop", "--loglevel", "INFO",
        ]  # fmt: skip
        with log.open("wb") as output:
            worker = subprocess.Popen(
                command, cwd=REPO / "django_backend", env=env, stdout=output, stderr=subprocess.STDOUT
            )
        try:
            deadline = time.monotonic() + 90
            while " ready." not in log.read_text(errors="replace"):
                if worker.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"the worker did not start:\n{log.read_text(errors='replace')[-3000:]}")
                time.sleep(0.2)
            assert not (directory / STALE).exists(), "an earlier run's files are removed at start"
            yield f"http://127.0.0.1:{port}/metrics"
        finally:
            worker.send_signal(signal.SIGTERM)
            try:
                worker.wait(timeout=60)
            except subprocess.TimeoutExpired:
                worker.kill()
                worker.wait(timeout=30)


def _samples(url: str) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    text = httpx.get(url, timeout=10).text
    return {
        (sample.name, tuple(sorted(sample.labels.items()))): sample.value
        for family in text_string_to_metric_families(text)
        for sample in family.samples
    }


def test_the_worker_serves_the_sum_of_its_pool_processes(worker_metrics):
    labels = (("queue", QueueName.HIGH.value), ("task", NOOP))
    before = _samples(worker_metrics)
    assert ("recruitment_celery_tasks_succeeded_total", labels) not in before, "nothing has run yet"
    assert before[("recruitment_ocr_pages_total", ())] == 0, "served before any task"

    for _ in range(TASKS):
        noop_task.apply_async(ignore_result=True)
    deadline = time.monotonic() + 60
    samples = _samples(worker_metrics)
    while samples.get(("recruitment_celery_tasks_succeeded_total", labels), 0) < TASKS:
        if time.monotonic() > deadline:
            pytest.fail(f"{TASKS} no-op tasks did not all succeed: {samples}")
        time.sleep(0.3)
        samples = _samples(worker_metrics)

    assert samples[("recruitment_celery_tasks_started_total", labels)] == TASKS
    assert samples[("recruitment_celery_tasks_succeeded_total", labels)] == TASKS
    assert samples[("recruitment_celery_task_runtime_seconds_count", labels)] == TASKS
    assert samples[("recruitment_celery_task_queue_wait_seconds_count", labels)] == TASKS
    # Only the platform's own metrics, and never the pool processes' pids as a label.
    assert all(name.startswith("recruitment_") for name, _ in samples)
    assert not [key for key in samples if any(label == "pid" for label, _ in key[1])]
