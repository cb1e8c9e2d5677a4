from __future__ import annotations

from typing import Any

from config.queues import QueueName
from config.task_declarations import declared_task
from config.tasks import MAINTENANCE_LIMITS, TRANSIENT_ERRORS, TimeLimits
from notifications import services  # a module, not its names: the services queue these tasks
from notifications.smtp_errors import SMTP_ERRORS

# One SMTP conversation, bounded by EMAIL_TIMEOUT.
EMAIL_LIMITS = TimeLimits(soft=60, hard=90)
MAX_RETRIES = 5
RETRIED = TRANSIENT_ERRORS + SMTP_ERRORS


@declared_task(queue=QueueName.HIGH, limits=EMAIL_LIMITS, max_retries=MAX_RETRIES, retry_for=SMTP_ERRORS, bind=True)
def send_email_notification_task(self: Any, notification_id: int) -> str:
    try:
        return services.notification_send(notification_id=notification_id)
    except RETRIED as error:
        if self.request.retries >= MAX_RETRIES:  # the last attempt: the row says it failed before the task does
            services.notification_mark_failed(notification_id=notification_id, error=error)
        raise
    except Exception as error:  # not worth retrying (a template missing): failed at once
        services.notification_mark_failed(notification_id=notification_id, error=error)
        raise


@declared_task(queue=QueueName.LOW, limits=MAINTENANCE_LIMITS)
def requeue_lost_notifications_task() -> int:
    return len(services.notifications_requeue())
