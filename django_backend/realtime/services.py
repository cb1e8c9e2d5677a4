"""Task records and their broadcast: the one place that enqueues tracked work and announces task changes."""

from __future__ import annotations

import logging
import uuid
from typing import Any

from asgiref.sync import async_to_sync
from celery import Task
from channels.layers import get_channel_layer
from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.utils import timezone

from accounts.models import Organization
from realtime.models import TaskRecord

logger = logging.getLogger(__name__)

FINISHED_STATES = {TaskRecord.State.SUCCEEDED, TaskRecord.State.FAILED}


def task_group(task_id: str) -> str:
    return f"task_{task_id}"


def organization_group(organization_id: int) -> str:
    return f"org_{organization_id}_tasks"


def task_enqueue(
    task: Task, *, kind: str, target: models.Model, organization: Organization | None, args: tuple[Any, ...]
) -> TaskRecord:
    """Record a task as queued and publish it once the current transaction commits.

    The record exists before the message does, so a worker never runs a task nobody can see.
    """
    record = TaskRecord.objects.create(
        task_id=uuid.uuid4().hex,
        kind=kind,
        organization=organization,
        target_type=ContentType.objects.get_for_model(target),
        target_id=target.pk,
    )
    transaction.on_commit(lambda: _publish(task, record, args))
    return record


def _publish(task: Task, record: TaskRecord, args: tuple[Any, ...]) -> None:
    try:
        task.apply_async(args=args, task_id=record.task_id)
    except Exception as exc:  # the broker is unreachable: say so on the record instead of losing the work silently
        logger.exception("could not queue task", extra={"task_id": record.task_id, "kind": record.kind})
        task_mark(record.task_id, TaskRecord.State.FAILED, error=f"Could not queue the task: {exc}")
        return
    broadcast_task(record)


def task_mark(task_id: str, state: str, *, error: str = "", message: str = "", progress: int | None = None) -> None:
    """Move a task record to `state` and announce it. Unknown task ids (untracked tasks) are ignored."""
    record = TaskRecord.objects.filter(task_id=task_id).first()
    if record is None:
        return
    now = timezone.now()
    record.state = state
    record.message = message[:300]
    if state == TaskRecord.State.STARTED:
        record.started_at = now
        record.attempts += 1
        record.error = ""
    if state in FINISHED_STATES:
        record.finished_at = now
        record.progress = 100 if state == TaskRecord.State.SUCCEEDED else record.progress
    if error:
        record.error = error
    if progress is not None:
        record.progress = max(0, min(100, progress))
    record.save()
    broadcast_task(record)


def task_progress(task_id: str, percent: int, message: str = "") -> None:
    task_mark(task_id, TaskRecord.State.PROGRESS, progress=percent, message=message)


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
        "target": {"type": record.target_label(), "id": record.target_id},
        "attempts": record.attempts,
        "updated_at": (record.updated_at or timezone.now()).isoformat(),
        "replayed": replayed,
    }


def broadcast_task(record: TaskRecord) -> None:
    """Send the record's current state to its task group and its organization's group.

    Channel layers deliver at most once; a failed broadcast is logged and never fails the task, because
    TaskRecord, not the message, is the state of record.
    """
    layer = get_channel_layer()
    if layer is None:
        return
    message = {"type": "task.event", "event": task_event(record)}
    groups = [task_group(record.task_id)]
    if record.organization_id:
        groups.append(organization_group(record.organization_id))
    for group in groups:
        try:
            async_to_sync(layer.group_send)(group, message)
        except Exception:
            logger.warning("could not broadcast task event", extra={"group": group}, exc_info=True)


def broadcast_organization(organization_id: int, event: dict[str, Any]) -> None:
    """Send any event (e.g. `import.progress`) to everyone following the organization's stream."""
    layer = get_channel_layer()
    if layer is None:
        return
    try:
        async_to_sync(layer.group_send)(organization_group(organization_id), {"type": "task.event", "event": event})
    except Exception:
        logger.warning("could not broadcast organization event", extra={"type": event.get("type")}, exc_info=True)


def task_history(record: TaskRecord) -> list[dict[str, Any]]:
    """Events a late subscriber has missed, replayed from the record so it sees the whole life of the task."""
    events = [task_event(record, TaskRecord.State.QUEUED, replayed=True)]
    if record.started_at:
        events.append(task_event(record, TaskRecord.State.STARTED, replayed=True))
    if record.state in FINISHED_STATES:
        events.append(task_event(record, record.state, replayed=True))
    return events
