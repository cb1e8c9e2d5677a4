"""Celery signal handlers that keep each TaskRecord in step with its task, in the worker process."""

from __future__ import annotations

import logging
from typing import Any

from celery import signals

from realtime.dead_letters import DeadLetterFailure, dead_letter_handle, drop_broken_connection, original_queue
from realtime.models import TaskRecord
from realtime.services import task_mark

logger = logging.getLogger(__name__)


@signals.task_prerun.connect
def _on_task_started(task_id: str, **_: Any) -> None:
    task_mark(task_id, TaskRecord.State.STARTED)


@signals.task_success.connect
def _on_task_succeeded(sender: Any, **_: Any) -> None:
    task_mark(sender.request.id, TaskRecord.State.SUCCEEDED)


@signals.task_failure.connect
def _on_task_failed(
    sender: Any,
    task_id: str,
    exception: BaseException,
    args: Any = None,
    kwargs: Any = None,
    einfo: Any = None,
    **_: Any,
) -> None:
    """The task failed for good (Celery sends no failure for an attempt that is retried): mark its record and
    keep it as a dead letter. Runs in the pool process, or in the worker itself after a hard time limit."""
    error = f"{type(exception).__name__}: {exception}"
    try:
        drop_broken_connection()
        task_mark(task_id, TaskRecord.State.FAILED, error=error)
    except Exception:  # the database may be what failed; the dead letter must still be kept
        logger.exception("could not mark the task failed", extra={"task_id": task_id})
    # After a hard time limit the request of the killed task is no longer the current one.
    request = sender.request if sender.request.id == task_id else None
    if sender.name.startswith("celery.") or getattr(request, "is_eager", False):
        return  # Celery's own housekeeping; or run in-process, where the caller gets the exception itself
    delivery_info = (request.delivery_info if request is not None else None) or {}
    dead_letter_handle(
        DeadLetterFailure(
            task_name=sender.name,
            task_id=task_id,
            args=list(args or ()),
            kwargs=dict(kwargs or {}),
            queue=original_queue(sender.name, delivery_info.get("routing_key")),
            error=error,
            traceback=str(getattr(einfo, "traceback", "") or ""),
            attempts=_attempts(task_id, request),
            root_id=getattr(request, "root_id", None),
            parent_id=getattr(request, "parent_id", None),
        )
    )


def _attempts(task_id: str, request: Any) -> int:
    if request is not None:
        return int(request.retries or 0) + 1
    try:  # a hard time limit: the worker no longer has the request, the record counted the starts
        attempts = TaskRecord.objects.filter(task_id=task_id).values_list("attempts", flat=True).first()
    except Exception:
        logger.exception("could not count the attempts", extra={"task_id": task_id})
        return 1
    return max(attempts or 0, 1)


@signals.task_retry.connect
def _on_task_retry(request: Any, reason: Any, **_: Any) -> None:
    task_mark(request.id, TaskRecord.State.QUEUED, message=f"Retrying after: {reason}"[:300])
