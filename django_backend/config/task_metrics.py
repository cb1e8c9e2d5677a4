"""Celery's signals counted into config.metrics, and a worker's own /metrics.

Publishing stamps each task message with the time it was sent (header `published_at`), so the worker can tell how
long the task waited in its queue. Counters are written by the process that runs the task (a prefork child, or
the worker itself after a hard time limit); with CELERY_METRICS_PORT set, the worker's main process serves the sum
of all of them, read from PROMETHEUS_MULTIPROC_DIR.
"""

from __future__ import annotations

import contextlib
import logging
import os
import time
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

from celery import signals
from prometheus_client import CollectorRegistry, multiprocess, start_http_server
from prometheus_client.core import Metric

from config import metrics
from config.task_declarations import declarations

logger = logging.getLogger(__name__)

PUBLISHED_AT_HEADER = "published_at"
# When each run in this process started (monotonic), by task id, for its run time.
_started: dict[str, float] = {}


@signals.before_task_publish.connect
def _stamp_published_at(headers: dict[str, Any] | None = None, **_: Any) -> None:
    # Every publication is stamped again, a retry's included: its wait starts when it was sent back.
    if headers is not None:
        headers[PUBLISHED_AT_HEADER] = time.time()


def _labels(task: Any, request: Any = None) -> tuple[str, str]:
    request = request if request is not None else task.request
    delivery_info = getattr(request, "delivery_info", None) or {}
    return task.name, metrics.task_queue(task.name, delivery_info.get("routing_key"))


def queue_wait(request: Any, now: float) -> float | None:
    """Seconds between the message's publication (or the end of its countdown) and `now`; None when unstamped."""
    published = request.get(PUBLISHED_AT_HEADER)
    if not isinstance(published, int | float):
        return None
    ready = float(published)
    if isinstance(request.eta, str):
        with contextlib.suppress(ValueError):
            ready = max(ready, datetime.fromisoformat(request.eta).timestamp())
    return max(now - ready, 0.0)


@signals.task_prerun.connect
def _on_started(task_id: str, task: Any, **_: Any) -> None:
    labels = _labels(task)
    metrics.TASKS_STARTED.labels(*labels).inc()
    _started[task_id] = time.monotonic()
    wait = queue_wait(task.request, time.time())
    if wait is not None:
        metrics.TASK_QUEUE_WAIT.labels(*labels).observe(wait)


@signals.task_postrun.connect
def _on_finished(task_id: str, task: Any, **_: Any) -> None:
    started = _started.pop(task_id, None)
    if started is not None:
        metrics.TASK_RUNTIME.labels(*_labels(task)).observe(time.monotonic() - started)


@signals.task_success.connect
def _on_succeeded(sender: Any, **_: Any) -> None:
    metrics.TASKS_SUCCEEDED.labels(*_labels(sender)).inc()


@signals.task_failure.connect
def _on_failed(sender: Any, task_id: str, **_: Any) -> None:
    # After a hard time limit the worker's current request is no longer the killed task's.
    request = sender.request if sender.request.id == task_id else object()
    metrics.TASKS_FAILED.labels(*_labels(sender, request)).inc()


@signals.task_retry.connect
def _on_retried(sender: Any, request: Any, **_: Any) -> None:
    metrics.TASKS_RETRIED.labels(*_labels(sender, request)).inc()


# --- A worker's /metrics -----------------------------------------------------------------------------------------


class PlatformMetrics:
    """The worker processes' files summed, the platform's own metrics only (the libraries' per-process gauges
    would carry a pid label)."""

    def __init__(self, directory: str) -> None:
        self._collector = multiprocess.MultiProcessCollector(None, path=directory)

    def collect(self) -> Iterator[Metric]:
        return (metric for metric in self._collector.collect() if metric.name.startswith(metrics.PREFIX))


def worker_registry(directory: str) -> CollectorRegistry:
    registry = CollectorRegistry()
    registry.register(PlatformMetrics(directory))
    return registry


def remove_stale_files(directory: str) -> None:
    """Files of earlier runs of this worker (other pids); this process's own were opened when it imported the
    metrics, and its pool children are not forked yet."""
    own = f"_{os.getpid()}.db"
    for path in Path(directory).glob("*.db"):
        if not path.name.endswith(own):
            path.unlink(missing_ok=True)


def start_dead_letter_series(task_names: Any) -> None:
    """Every task's dead-letter count, from zero. Prometheus sees no increase in a series whose first sample is
    already 1, so without it the first dead letter of a task after a worker starts would never fire
    TasksDeadLettered (monitoring/prometheus/alerts.yml)."""
    for name in declarations():
        if name in task_names:
            metrics.TASKS_DEAD_LETTERED.labels(name, metrics.task_queue(name, None))


@signals.worker_init.connect
def _serve_worker_metrics(sender: Any = None, **_: Any) -> None:
    port = os.environ.get("CELERY_METRICS_PORT")
    if not port:
        return
    directory = os.environ.get("PROMETHEUS_MULTIPROC_DIR")
    if not directory:
        raise RuntimeError("CELERY_METRICS_PORT needs PROMETHEUS_MULTIPROC_DIR: the pool's children write there.")
    remove_stale_files(directory)
    if sender is not None:
        start_dead_letter_series(sender.app.tasks)
    address = os.environ.get("CELERY_METRICS_ADDRESS", "127.0.0.1")
    start_http_server(int(port), addr=address, registry=worker_registry(directory))
    logger.info("worker metrics on %s:%s", address, port)


@signals.worker_process_shutdown.connect
def _forget_process(pid: int | None = None, **_: Any) -> None:
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        multiprocess.mark_process_dead(pid or os.getpid())
