"""A task that does nothing, for `make bench-tasks`: what delivering and tracking one task costs by itself.

Celery autodiscovers only `<app>.tasks` modules, so production workers never load this one; the benchmark's
workers import it with `--include realtime.bench_tasks`.
"""

from __future__ import annotations

from celery import shared_task

from config.queues import QueueName
from config.tasks import TimeLimits, task_options

# The record kind the benchmark gives its no-op tasks. Deliberately not a TaskRecord.Kind: these records only
# ever exist in the benchmark's throwaway database.
NOOP_KIND = "bench_noop"
NOOP_LIMITS = TimeLimits(soft=10, hard=20)


@shared_task(**task_options(QueueName.HIGH, NOOP_LIMITS))
def noop_task() -> None:
    """Nothing: the cost measured is the broker round trip, the acknowledgement and the TaskRecord updates
    that realtime.task_events makes around every task."""
