"""Periodic task-record maintenance, run by Celery beat on the low-priority queue: the sweep that catches a
stale task record, whose worker died or whose message was lost, and that would say "running" forever.

The sweep is bounded, safe to run twice and to run beside live work. The other domains' sweeps live with their
domain: embeddings in matching.maintenance, orphaned resume files in ingestion.maintenance.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from config.tasks import MAX_HARD_TIME_LIMIT
from realtime.models import TaskRecord
from realtime.services import broadcast_task

logger = logging.getLogger(__name__)

RUNNING_STATES = (TaskRecord.State.STARTED, TaskRecord.State.PROGRESS)


def running_stale_after() -> timedelta:
    """No task runs longer than the longest hard time limit; a running record silent for longer, plus a margin
    for a slow broadcast or clock skew, belongs to a worker that died."""
    return timedelta(seconds=MAX_HARD_TIME_LIMIT + settings.TASK_STALE_MARGIN_SECONDS)


def queued_stale_after() -> timedelta:
    """A queued task may wait legitimately behind a long backlog (a bulk import), so it is given much longer."""
    return max(timedelta(seconds=settings.TASK_QUEUED_STALE_SECONDS), running_stale_after())


def stale_tasks_reap(*, now: datetime | None = None) -> list[str]:
    """Mark task records that stopped changing long ago as failed, with a message saying why, and announce it.

    Returns the task ids reaped. Each record is locked and checked again before it is changed, so a task that
    moves on meanwhile keeps its state; if a reaped task does run after all, its worker moves the record on.
    """
    now = now or timezone.now()
    running_cutoff, queued_cutoff = now - running_stale_after(), now - queued_stale_after()
    stale = Q(state__in=RUNNING_STATES, updated_at__lt=running_cutoff) | Q(
        state=TaskRecord.State.QUEUED, updated_at__lt=queued_cutoff
    )
    reaped = []
    candidates = TaskRecord.objects.filter(stale).order_by("updated_at").values_list("pk", flat=True)
    for pk in candidates[: settings.MAINTENANCE_BATCH_SIZE]:
        with transaction.atomic():
            record = TaskRecord.objects.select_for_update(skip_locked=True).filter(stale, pk=pk).first()
            if record is None:
                continue
            silent_minutes = int((now - record.updated_at).total_seconds() // 60)
            was = record.get_state_display().lower()
            record.state = TaskRecord.State.FAILED
            record.finished_at = now
            record.error = (
                f"No news from this task for {silent_minutes} minutes while it was {was}: its worker stopped or "
                "its message was lost. Marked failed by maintenance; start the work again if it is still needed."
            )
            record.message = "Stopped: no progress"
            record.save()
            transaction.on_commit(lambda record=record: broadcast_task(record))  # type: ignore[misc]
        reaped.append(record.task_id)
    if reaped:
        logger.warning("stale task records reaped", extra={"count": len(reaped)})
    return reaped
