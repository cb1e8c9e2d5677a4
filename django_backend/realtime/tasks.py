"""Periodic maintenance of task records, sent by Celery beat (MAINTENANCE_INTERVALS) to the low-priority queue."""

from __future__ import annotations

from celery import shared_task

from config.queues import QueueName
from config.tasks import MAINTENANCE_LIMITS, task_options
from realtime.maintenance import stale_tasks_reap


@shared_task(**task_options(QueueName.LOW, MAINTENANCE_LIMITS))
def reap_stale_tasks_task() -> int:
    return len(stale_tasks_reap())
