"""Task records and their broadcast: the one place that enqueues tracked work and announces task changes."""

from __future__ import annotations

import logging
import time
import uuid
from dataclasses import dataclass
from typing import Any

from celery import Task
from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.utils import timezone

from accounts.models import Organization
from config.task_declarations import declared_kind_check
from realtime.broadcast import TASK_EVENT, broadcast, flush
from realtime.models import TaskRecord

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
    kind: str | None = None,
    target: models.Model,
    organization: Organization | None,
    args: tuple[Any, ...],
    priority: int | None = None,
) -> TaskRecord:
    """Record a task as queued and publish it once the current transaction commits.

    The record exists before the message does, so a worker never runs a task nobody can see. Its kind is the one
    the task declares (`kind`, when given, must be that one). `priority` overrides the message priority of the
    task's declared route (config.task_declarations).
    """
    record = TaskRecord.objects.create(
        task_id=uuid.uuid4().hex,
        kind=declared_kind_check(task, kind),
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
