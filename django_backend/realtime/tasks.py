"""Periodic maintenance of task records, sent by Celery beat (MAINTENANCE_INTERVALS) to the low-priority queue."""

from __future__ import annotations

from config.queues import QueueName
from config.task_declarations import declared_task
from config.tasks import MAINTENANCE_LIMITS
from realtime.maintenance import stale_tasks_reap


@declared_task(queue=QueueName.LOW, limits=MAINTENANCE_LIMITS)
def reap_stale_tasks_task() -> int:
    return len(stale_tasks_reap())
