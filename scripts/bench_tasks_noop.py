"""The task that does nothing, for `make bench-tasks`: what delivering and tracking one task costs by itself.

Benchmark code, outside the product's apps: Celery autodiscovers only `<app>.tasks` modules, so production workers
never load this one; the benchmark's workers import it with `--include scripts.bench_tasks_noop`. It has no route
in config.queues.TASK_QUEUES either: the task is sent with its queue and that queue's priority, so it goes to
high_priority wherever this module is loaded, and exists nowhere else.
"""

from __future__ import annotations

from typing import Any

from celery import Task, shared_task

from config.queues import PRIORITY, QueueName
from config.tasks import TimeLimits, task_options

# The record kind the benchmark gives its no-op tasks. Deliberately not a TaskRecord.Kind: these records only
# ever exist in the benchmark's throwaway database.
NOOP_KIND = "bench_noop"
NOOP_LIMITS = TimeLimits(soft=10, hard=20)
NOOP_QUEUE = QueueName.HIGH


class SentToNoopQueue(Task):
    """Publishes to NOOP_QUEUE with its priority unless the caller says otherwise. Per-call options, because
    Celery deprecates `queue` and `priority` task attributes in favour of routes, which are the product's own."""

    def apply_async(self, *args: Any, **options: Any) -> Any:
        return super().apply_async(*args, **{"queue": NOOP_QUEUE.value, "priority": PRIORITY[NOOP_QUEUE], **options})


@shared_task(base=SentToNoopQueue, **task_options(NOOP_QUEUE, NOOP_LIMITS))
def noop_task() -> None:
    """Nothing: the cost measured is the broker round trip, the acknowledgement and the TaskRecord updates
    that realtime.task_events makes around every task."""
