"""Dead letters: tasks that failed for good, kept as a message in the `dead_letter` queue and a row, and sent again."""

from __future__ import annotations

import json
import logging
import uuid
from dataclasses import dataclass
from typing import Any

from celery import current_app
from django.db import close_old_connections, connection, transaction
from django.utils import timezone

from config.metrics import TASKS_DEAD_LETTERED
from config.queues import PRIORITY, QueueName, dead_letter_queue
from config.task_declarations import declared_queue
from realtime.models import DeadLetter, TaskRecord
from realtime.services import broadcast_task, task_mark

logger = logging.getLogger(__name__)

TRACEBACK_EXCERPT_CHARS = 4000


@dataclass(frozen=True)
class DeadLetterFailure:
    """What the worker knows about a task that just failed for good."""

    task_name: str
    task_id: str
    args: list[Any]
    kwargs: dict[str, Any]
    queue: str
    error: str
    traceback: str
    attempts: int
    root_id: str | None = None
    parent_id: str | None = None


class DeadLetterRetryError(Exception):
    """A dead letter could not be sent again; the message says why, and it can be retried later."""


@dataclass(frozen=True)
class DeadLetterRetry:
    dead_letter: DeadLetter
    task_id: str
    sent: bool  # False: it had been retried already, nothing was sent this time


def original_queue(task_name: str, routing_key: str | None = None) -> str:
    """The work queue a task's message came from: where it was delivered from, else where it is routed."""
    if routing_key in {name.value for name in QueueName}:
        return str(routing_key)
    queue = declared_queue(task_name)
    return (queue or QueueName(current_app.conf.task_default_queue)).value


def dead_letter_handle(failure: DeadLetterFailure) -> None:
    """Keep a task that failed for good: a copy of its message in the `dead_letter` queue and a DeadLetter row.

    Each is attempted whatever happens to the other (the failure may be the database or the broker being
    down), and neither raises: this runs in the worker's failure handler.
    """
    TASKS_DEAD_LETTERED.labels(failure.task_name, failure.queue).inc()
    try:
        dead_letter_publish(failure)
    except Exception:
        logger.exception("could not publish a dead letter", extra={"task_id": failure.task_id})
    try:
        drop_broken_connection()
        dead_letter_record(failure)
    except Exception:
        logger.exception("could not record a dead letter", extra={"task_id": failure.task_id})


def drop_broken_connection() -> None:
    """After a failure that may have been a dropped database connection, reconnect rather than write through it.

    Not inside a transaction (a task run in-process by a test): Django would close that connection too.
    """
    if not connection.in_atomic_block:
        close_old_connections()


def dead_letter_publish(failure: DeadLetterFailure) -> None:
    """Put a copy of the task's message (same name, id, arguments and retries) in the `dead_letter` queue.

    Operators see it in the RabbitMQ management UI; headers say where it came from and why it failed. The
    queue is declared on the way, so a broker that never ran `declare_all` gets it too.
    """
    app = current_app
    message = app.amqp.as_task_v2(
        failure.task_id,
        failure.task_name,
        failure.args,
        failure.kwargs,
        retries=max(failure.attempts - 1, 0),
        root_id=failure.root_id,
        parent_id=failure.parent_id,
    )
    headers = {
        **message.headers,
        "x-original-queue": failure.queue,
        "x-error": failure.error[:1000],
        "x-attempts": failure.attempts,
        "x-failed-at": timezone.now().isoformat(),
    }
    queue = dead_letter_queue()
    with app.producer_or_acquire() as producer:
        producer.publish(
            message.body,
            exchange=queue.exchange,
            routing_key=queue.routing_key,
            declare=[queue],
            headers=headers,
            serializer="json",
            delivery_mode=2,
            retry=True,
            retry_policy={"max_retries": 3, "interval_start": 0, "interval_step": 1, "interval_max": 2},
            **message.properties,
        )


def dead_letter_record(failure: DeadLetterFailure) -> DeadLetter:
    """The DeadLetter row of a failed task (one per task id), with its organization when the task was tracked."""
    organization_id = TaskRecord.objects.filter(task_id=failure.task_id).values_list("organization_id", flat=True)
    letter, _ = DeadLetter.objects.update_or_create(
        task_id=failure.task_id,
        defaults={
            "task_name": failure.task_name,
            "queue": failure.queue,
            "args": _as_json(failure.args),
            "kwargs": _as_json(failure.kwargs),
            "organization_id": organization_id.first(),
            "error": failure.error,
            "traceback": failure.traceback[-TRACEBACK_EXCERPT_CHARS:],
            "attempts": failure.attempts,
        },
    )
    logger.warning(
        "task dead-lettered",
        extra={"task_id": failure.task_id, "task": failure.task_name, "attempts": failure.attempts},
    )
    return letter


def _as_json(value: Any) -> Any:
    # Task arguments are JSON on the wire already; anything else is kept readable rather than dropped.
    return json.loads(json.dumps(value, default=repr))


def dead_letter_retry(*, dead_letter: DeadLetter) -> DeadLetterRetry:
    """Send a dead task again, as a new task with its original arguments, to its original queue. Once:
    retrying a dead letter that was already retried returns that retry and sends nothing.

    The new task id is claimed (committed) before the message is published, so of two concurrent retries
    only one sends; if publishing fails the claim is released and the error is raised. When the failed task
    was tracked, the new one gets its own TaskRecord (same kind and target), so the page that follows the
    target sees it run.
    """
    queue = dead_letter.queue
    if queue not in {name.value for name in QueueName}:
        raise DeadLetterRetryError(f"{dead_letter.task_id} came from an unknown queue {queue!r}; not sent.")
    with transaction.atomic():
        letter = DeadLetter.objects.select_for_update().get(pk=dead_letter.pk)
        if letter.retry_task_id:
            return DeadLetterRetry(dead_letter=letter, task_id=letter.retry_task_id, sent=False)
        letter.retry_task_id = uuid.uuid4().hex
        letter.retried_at = timezone.now()
        letter.save(update_fields=["retry_task_id", "retried_at"])
        failed = TaskRecord.objects.filter(task_id=letter.task_id).first()
        record = None
        if failed is not None:
            record = TaskRecord.objects.create(
                task_id=letter.retry_task_id,
                kind=failed.kind,
                organization_id=failed.organization_id,
                target_type_id=failed.target_type_id,
                target_id=failed.target_id,
                message=f"Retry of dead task {letter.task_id}",
            )
    try:
        current_app.send_task(
            letter.task_name,
            args=letter.args,
            kwargs=letter.kwargs,
            task_id=letter.retry_task_id,
            queue=queue,
            priority=PRIORITY[QueueName(queue)],
        )
    except Exception as exc:
        DeadLetter.objects.filter(pk=letter.pk, retry_task_id=letter.retry_task_id).update(
            retry_task_id="", retried_at=None
        )
        if record is not None:
            task_mark(record.task_id, TaskRecord.State.FAILED, error=f"Could not queue the retry: {exc}")
        raise DeadLetterRetryError(f"Could not send {letter.task_name} again: {exc}") from exc
    if record is not None:
        broadcast_task(record)
    return DeadLetterRetry(dead_letter=letter, task_id=letter.retry_task_id, sent=True)
