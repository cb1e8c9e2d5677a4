"""Task records and their broadcast: the one place that enqueues tracked work and announces task changes."""

from __future__ import annotations

import json
import logging
import time
import uuid
from dataclasses import dataclass
from typing import Any

from celery import Task, current_app
from django.contrib.contenttypes.models import ContentType
from django.db import close_old_connections, connection, models, transaction
from django.utils import timezone

from accounts.models import Organization
from config.metrics import TASKS_DEAD_LETTERED
from config.queues import PRIORITY, TASK_QUEUES, QueueName, dead_letter_queue
from realtime.broadcast import TASK_EVENT, broadcast, flush
from realtime.models import DeadLetter, TaskRecord

logger = logging.getLogger(__name__)

FINISHED_STATES = {TaskRecord.State.SUCCEEDED, TaskRecord.State.FAILED}
# How long publishing a task waits for its "queued" event to be sent (Redis down: it is logged and skipped).
QUEUED_FLUSH_SECONDS = 0.5


def task_group(task_id: str) -> str:
    return f"task_{task_id}"


def organization_group(organization_id: int) -> str:
    return f"org_{organization_id}_tasks"


def task_enqueue(
    task: Task,
    *,
    kind: str,
    target: models.Model,
    organization: Organization | None,
    args: tuple[Any, ...],
    priority: int | None = None,
) -> TaskRecord:
    """Record a task as queued and publish it once the current transaction commits.

    The record exists before the message does, so a worker never runs a task nobody can see. `priority` overrides
    the message priority of the task's route (config.queues).
    """
    record = TaskRecord.objects.create(
        task_id=uuid.uuid4().hex,
        kind=kind,
        organization=organization,
        target_type=ContentType.objects.get_for_model(target),
        target_id=target.pk,
    )
    transaction.on_commit(lambda: _publish(task, record, args, priority))
    return record


def _publish(task: Task, record: TaskRecord, args: tuple[Any, ...], priority: int | None = None) -> None:
    # "queued" goes out, and reaches Redis, before the message that lets a worker announce "started": the
    # events come from two processes, and nothing else would keep them in order.
    broadcast_task(record)
    flush(QUEUED_FLUSH_SECONDS)
    try:
        # TaskRecord is the state of record, so tracked tasks keep nothing in the result backend (Redis). With a
        # result, publishing first subscribes to it in Redis and the worker stores STARTED before running the
        # task: Redis being down would block this request ~20 s and then lose the task (tests/faults).
        options = {} if priority is None else {"priority": priority}
        task.apply_async(args=args, task_id=record.task_id, ignore_result=True, **options)
    except Exception as exc:  # the broker is unreachable: say so on the record instead of losing the work silently
        logger.exception("could not queue task", extra={"task_id": record.task_id, "kind": record.kind})
        task_mark(record.task_id, TaskRecord.State.FAILED, error=f"Could not queue the task: {exc}")


def task_mark(task_id: str, state: str, *, error: str = "", message: str = "", progress: int | None = None) -> None:
    """Move a task record to `state` and announce it. Unknown task ids (untracked tasks) are ignored.

    One UPDATE of the fields that change. The worker running the task keeps the record it read when the task
    started, so the later changes of that run (progress, success, failure) write without reading it again.
    """
    running = _running.pop(task_id, None) if state != TaskRecord.State.STARTED else None
    if running is not None and progress is None and state != TaskRecord.State.SUCCEEDED:
        progress = running.unwritten  # a throttled progress is not lost when the task stops short
    now = timezone.now()
    changes: dict[str, Any] = {"state": state, "message": message[:300], "updated_at": now}
    if state == TaskRecord.State.STARTED:
        changes.update(started_at=now, attempts=models.F("attempts") + 1, error="")
    if state in FINISHED_STATES:
        changes["finished_at"] = now
        if state == TaskRecord.State.SUCCEEDED:
            changes["progress"] = 100
    if error:
        changes["error"] = error
    if progress is not None:
        changes["progress"] = max(0, min(100, progress))
    record = running.record if running is not None else None
    if record is None or not _same_record(record).update(**changes):
        # Not known here, or no longer the row this process knew (deleted and made again with the same task id).
        record = TaskRecord.objects.filter(task_id=task_id).first()
        if record is None:
            return
        TaskRecord.objects.filter(pk=record.pk).update(**changes)
    changes.pop("attempts", None)
    for name, value in changes.items():
        setattr(record, name, value)
    if state == TaskRecord.State.STARTED:
        record.attempts += 1
    if state not in FINISHED_STATES and state != TaskRecord.State.QUEUED:
        _remember(record)
    broadcast_task(record)


# Progress is written (and announced) at most every PROGRESS_INTERVAL seconds per task unless it moved by
# PROGRESS_STEP points or more; the value held back goes out with the next write, and the end of the task
# always writes its own.
PROGRESS_INTERVAL_SECONDS = 0.5
PROGRESS_STEP = 5
_RUNNING_LIMIT = 1000


@dataclass
class _Running:
    """A task this process is running: its record as last written, and a progress not written yet."""

    record: TaskRecord
    written_at: float
    unwritten: int | None = None


_running: dict[str, _Running] = {}


def _remember(record: TaskRecord) -> None:
    if len(_running) >= _RUNNING_LIMIT:  # runs that ended without a final mark (a killed task) are forgotten
        _running.clear()
    _running[record.task_id] = _Running(record, time.monotonic())


def _same_record(record: TaskRecord) -> models.QuerySet[TaskRecord]:
    # Everything an event says about the task besides its state, so a remembered row that changed is read again.
    fields = ("pk", "task_id", "kind", "organization_id", "target_type_id", "target_id")
    return TaskRecord.objects.filter(**{name: getattr(record, name) for name in fields})


def task_progress(task_id: str, percent: int, message: str = "") -> None:
    percent = max(0, min(100, percent))
    running = _running.get(task_id)
    if running is not None and percent < 100:
        moved = percent - running.record.progress
        if moved < PROGRESS_STEP and time.monotonic() - running.written_at < PROGRESS_INTERVAL_SECONDS:
            running.unwritten = percent
            return
    task_mark(task_id, TaskRecord.State.PROGRESS, progress=percent, message=message)


def _target_label(record: TaskRecord) -> str | None:
    # From the content-type cache: reading `record.target_type` would query the database for every event.
    if record.target_type_id is None:
        return None
    target_type = ContentType.objects.get_for_id(record.target_type_id)
    return f"{target_type.app_label}.{target_type.model}"


def task_event(record: TaskRecord, event_type: str | None = None, *, replayed: bool = False) -> dict[str, Any]:
    """The JSON message clients receive (schema documented in README, section WebSockets)."""
    return {
        "type": event_type or record.state,
        "task_id": record.task_id,
        "kind": record.kind,
        "state": record.state,
        "progress": record.progress,
        "message": record.message,
        "error": record.error,
        "target": {"type": _target_label(record), "id": record.target_id},
        "attempts": record.attempts,
        "updated_at": (record.updated_at or timezone.now()).isoformat(),
        "replayed": replayed,
    }


def broadcast_task(record: TaskRecord) -> None:
    """Send the record's current state to its task group and its organization's group.

    Sent through the process's broadcast loop (realtime.broadcast): the caller does not wait. Channel layers
    deliver at most once; a failed broadcast is logged and never fails the task, because TaskRecord, not the
    message, is the state of record.
    """
    message = {"type": TASK_EVENT, "event": task_event(record)}
    groups = [task_group(record.task_id)]
    if record.organization_id:
        groups.append(organization_group(record.organization_id))
    for group in groups:
        broadcast(group, message, failure="could not broadcast task event")


def broadcast_organization(organization_id: int, event: dict[str, Any]) -> None:
    """Send any event (e.g. `import.progress`) to everyone following the organization's stream."""
    broadcast(
        organization_group(organization_id),
        {"type": TASK_EVENT, "event": event},
        failure="could not broadcast organization event",
        extra={"type": event.get("type")},
    )


def task_history(record: TaskRecord) -> list[dict[str, Any]]:
    """Events a late subscriber has missed, replayed from the record so it sees the whole life of the task."""
    events = [task_event(record, TaskRecord.State.QUEUED, replayed=True)]
    if record.started_at:
        events.append(task_event(record, TaskRecord.State.STARTED, replayed=True))
    if record.state in FINISHED_STATES:
        events.append(task_event(record, record.state, replayed=True))
    return events


# --- Dead letters: tasks that failed for good ----------------------------------------------------------------

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
    queue = TASK_QUEUES.get(task_name)
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
