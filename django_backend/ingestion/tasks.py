from __future__ import annotations

from typing import Any

from celery import shared_task

from ingestion.services import import_expand, resume_parse


@shared_task(
    bind=True,
    autoretry_for=(ConnectionError,),
    retry_backoff=True,
    retry_jitter=True,
    max_retries=5,
    # The parse itself runs in a child with its own, shorter limit (PARSE_TIMEOUT_SECONDS).
    soft_time_limit=150,
    time_limit=180,
)
def parse_resume_task(self: Any, resume_id: int) -> str:
    return resume_parse(resume_id=resume_id, task_id=self.request.id)


@shared_task(autoretry_for=(ConnectionError,), retry_backoff=True, retry_jitter=True, max_retries=5, time_limit=600)
def import_archive_task(batch_id: int) -> str:
    return import_expand(batch_id=batch_id)
