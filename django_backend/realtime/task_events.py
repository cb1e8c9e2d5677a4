"""Celery signal handlers that keep each TaskRecord in step with its task, in the worker process."""

from __future__ import annotations

from typing import Any

from celery import signals

from realtime.models import TaskRecord
from realtime.services import task_mark


@signals.task_prerun.connect
def _on_task_started(task_id: str, **_: Any) -> None:
    task_mark(task_id, TaskRecord.State.STARTED)


@signals.task_success.connect
def _on_task_succeeded(sender: Any, **_: Any) -> None:
    task_mark(sender.request.id, TaskRecord.State.SUCCEEDED)


@signals.task_failure.connect
def _on_task_failed(task_id: str, exception: BaseException, **_: Any) -> None:
    task_mark(task_id, TaskRecord.State.FAILED, error=f"{type(exception).__name__}: {exception}")


@signals.task_retry.connect
def _on_task_retry(request: Any, reason: Any, **_: Any) -> None:
    task_mark(request.id, TaskRecord.State.QUEUED, message=f"Retrying after: {reason}"[:300])
