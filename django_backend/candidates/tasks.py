"""Periodic work of the candidates domain, sent by Celery beat (MAINTENANCE_INTERVALS) to the low-priority queue."""

from __future__ import annotations

from candidates.privacy import candidates_retention_delete, unattached_resumes_retention_delete
from config.queues import QueueName
from config.task_declarations import declared_task
from config.tasks import MAINTENANCE_LIMITS


@declared_task(queue=QueueName.LOW, limits=MAINTENANCE_LIMITS)
def delete_expired_candidates_task() -> dict[str, int]:
    candidates = candidates_retention_delete()
    return {"candidates": len(candidates), "resumes": len(unattached_resumes_retention_delete())}
