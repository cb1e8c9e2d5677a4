from __future__ import annotations

from typing import Any

from celery import shared_task

from config.queues import QueueName
from config.tasks import MAINTENANCE_LIMITS, TRANSIENT_ERRORS, TimeLimits, task_options
from notifications.services import SMTP_ERRORS, notification_mark_failed, notification_send, notifications_requeue

# One SMTP conversation, bounded by EMAIL_TIMEOUT.
EMAIL_LIMITS = TimeLimits(soft=60, hard=90)
MAX_RETRIES = 5
RETRIED = TRANSIENT_ERRORS + SMTP_ERRORS


@shared_task(**task_options(QueueName.HIGH, EMAIL_LIMITS, max_retries=MAX_RETRIES, retry_for=SMTP_ERRORS, bind=True))
def send_email_notification_task(self: Any, notification_id: int) -> str:
    try:
        return notification_send(notification_id=notification_id)
    except RETRIED as error:
        if self.request.retries >= MAX_RETRIES:  # the last attempt: the row says it failed before the task does
            notification_mark_failed(notification_id=notification_id, error=error)
        raise
    except Exception as error:  # not worth retrying (a template missing): failed at once
        notification_mark_failed(notification_id=notification_id, error=error)
        raise


@shared_task(**task_options(QueueName.LOW, MAINTENANCE_LIMITS))
def requeue_lost_notifications_task() -> int:
    return len(notifications_requeue())
