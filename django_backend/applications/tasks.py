from __future__ import annotations

from typing import Any

from applications.ai_client import AIServiceUnavailable
from applications.services import ResumeNotReady, application_analyze, application_mark_failed
from config.queues import QueueName
from config.task_declarations import declared_task
from config.tasks import ANALYSIS_LIMITS, RETRY_BACKOFF_MAX, TRANSIENT_ERRORS

# Waiting for a resume to be parsed or for the AI service to come back: more patience than for an outage.
MAX_RETRIES = 8
WAIT_FOR: tuple[type[BaseException], ...] = (AIServiceUnavailable, ResumeNotReady)
RETRIED = TRANSIENT_ERRORS + WAIT_FOR


@declared_task(
    queue=QueueName.MEDIUM,
    limits=ANALYSIS_LIMITS,
    kind="analyze_application",
    label="Analyze application",
    max_retries=MAX_RETRIES,
    retry_for=WAIT_FOR,
    bind=True,
)
def analyze_application_task(self: Any, application_id: int) -> str:
    try:
        return application_analyze(application_id=application_id)
    except RETRIED as error:
        # The last attempt: say so on the application before the task fails (and is dead-lettered).
        if self.request.retries >= MAX_RETRIES:
            application_mark_failed(
                application_id=application_id, error=f"Gave up after {MAX_RETRIES} retries: {error}"
            )
            raise
        if isinstance(error, AIServiceUnavailable) and error.retry_after:
            # The AI service said when to come back (429 with Retry-After): not sooner than that.
            raise self.retry(exc=error, countdown=min(error.retry_after, RETRY_BACKOFF_MAX)) from error
        raise
