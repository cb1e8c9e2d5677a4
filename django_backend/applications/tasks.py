from __future__ import annotations

from typing import Any

from celery import shared_task
from celery.utils.time import get_exponential_backoff_interval

from applications.ai_client import AIServiceUnavailable
from applications.services import ResumeNotReady, application_analyze, application_mark_failed

MAX_RETRIES = 8


@shared_task(bind=True, max_retries=MAX_RETRIES, soft_time_limit=150, time_limit=180)
def analyze_application_task(self: Any, application_id: int) -> str:
    try:
        return application_analyze(application_id=application_id)
    except (AIServiceUnavailable, ResumeNotReady) as error:
        if self.request.retries >= MAX_RETRIES:
            application_mark_failed(
                application_id=application_id, error=f"Gave up after {MAX_RETRIES} retries: {error}"
            )
            raise
        countdown = get_exponential_backoff_interval(
            factor=2, retries=self.request.retries, maximum=300, full_jitter=True
        )
        raise self.retry(exc=error, countdown=max(countdown, 1)) from error
