from __future__ import annotations

from celery import shared_task

from matching.services import candidate_embed, job_embed

EMBEDDING_TASK_OPTIONS = {
    "autoretry_for": (ConnectionError,),
    "retry_backoff": True,
    "retry_jitter": True,
    "max_retries": 5,
    "soft_time_limit": 300,
    "time_limit": 360,
}


@shared_task(**EMBEDDING_TASK_OPTIONS)
def embed_candidate_task(candidate_id: int) -> bool:
    return candidate_embed(candidate_id=candidate_id)


@shared_task(**EMBEDDING_TASK_OPTIONS)
def embed_job_task(job_id: int) -> bool:
    return job_embed(job_id=job_id)
