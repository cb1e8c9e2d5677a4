from __future__ import annotations

from celery import shared_task

from ingestion.services import resume_parse


@shared_task(
    autoretry_for=(ConnectionError,),
    retry_backoff=True,
    retry_jitter=True,
    max_retries=5,
    soft_time_limit=120,
    time_limit=180,
)
def parse_resume_task(candidate_id: int) -> str:
    return resume_parse(candidate_id=candidate_id)
