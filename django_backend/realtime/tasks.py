"""Periodic maintenance tasks, sent by Celery beat (CELERY_BEAT_SCHEDULE) to the low-priority queue."""

from __future__ import annotations

from celery import shared_task

from config.queues import QueueName
from config.tasks import MAINTENANCE_LIMITS, task_options
from realtime.maintenance import embeddings_refresh, resume_orphans_delete, stale_tasks_reap


@shared_task(**task_options(QueueName.LOW, MAINTENANCE_LIMITS))
def reap_stale_tasks_task() -> int:
    return len(stale_tasks_reap())


@shared_task(**task_options(QueueName.LOW, MAINTENANCE_LIMITS))
def refresh_embeddings_task() -> dict[str, int]:
    queued = embeddings_refresh()
    return {"candidates": len(queued.candidate_ids), "jobs": len(queued.job_ids)}


@shared_task(**task_options(QueueName.LOW, MAINTENANCE_LIMITS))
def delete_orphan_resume_files_task() -> int:
    return len(resume_orphans_delete())
