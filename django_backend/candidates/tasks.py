"""Periodic work of the candidates domain, sent by Celery beat (MAINTENANCE_INTERVALS) to the low-priority queue."""

from __future__ import annotations

from celery import shared_task

from candidates.privacy import candidates_retention_delete, unattached_resumes_retention_delete
from config.queues import QueueName
from config.tasks import MAINTENANCE_LIMITS, task_options


@shared_task(**task_options(QueueName.LOW, MAINTENANCE_LIMITS))
def delete_expired_candidates_task() -> dict[str, int]:
    candidates = candidates_retention_delete()
    return {"candidates": len(candidates), "resumes": len(unattached_resumes_retention_delete())}
