from __future__ import annotations

from config.queues import QueueName
from config.task_declarations import declared_task
from config.tasks import TimeLimits
from messaging.reminders import message_unread_remind

# Two queries and recording one notification: the email itself is sent by its own task.
REMINDER_LIMITS = TimeLimits(soft=30, hard=45)


@declared_task(queue=QueueName.HIGH, limits=REMINDER_LIMITS)
def remind_unread_message_task(message_id: int) -> str:
    return message_unread_remind(message_id=message_id)
