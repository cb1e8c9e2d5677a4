"""The task that does nothing, for `make bench-tasks`: what delivering and tracking one task costs by itself.

Benchmark code, outside the product's apps: Celery autodiscovers only `<app>.tasks` modules, so production workers
never load this one; the benchmark's workers import it with `--include scripts.bench_tasks_noop`. Its declaration
routes it to high_priority with that queue's priority and gives its records their kind, wherever this module is
loaded, and nowhere else.
"""

from __future__ import annotations

from config.queues import QueueName
from config.task_declarations import declared_task
from config.tasks import TimeLimits

# The record kind the benchmark gives its no-op tasks, declared only here: these records only ever exist in the
# benchmark's throwaway database.
NOOP_KIND = "bench_noop"
NOOP_LIMITS = TimeLimits(soft=10, hard=20)
NOOP_QUEUE = QueueName.HIGH


@declared_task(queue=NOOP_QUEUE, limits=NOOP_LIMITS, kind=NOOP_KIND, label="Benchmark no-op")
def noop_task() -> None:
    """Nothing: the cost measured is the broker round trip, the acknowledgement and the TaskRecord updates
    that realtime.task_events makes around every task."""
