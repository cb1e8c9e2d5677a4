"""A log line for each step of a task's life (started, retried, failed, finished), carrying its id and name, and
its organization on every line written while it runs, so one resume's parse -> embed -> analysis can be followed
in logs/ (realtime.task_logs reads them back for the admin)."""

from __future__ import annotations

import logging
from contextvars import Token
from typing import Any

from celery import signals

from config.log_context import current_organization_id
from realtime.models import TaskRecord

logger = logging.getLogger(__name__)

_organization_tokens: dict[str, Token[int | None]] = {}


def _fields(task_id: str, task: Any) -> dict[str, Any]:
    return {"task_id": task_id, "task_name": getattr(task, "name", None)}


def _organization_of(task_id: str) -> int | None:
    try:
        return TaskRecord.objects.filter(task_id=task_id).values_list("organization_id", flat=True).first()
    except Exception:  # the database may be down; the task's own handling reports that, the log line goes on
        logger.warning("could not read the task's organization", extra={"task_id": task_id}, exc_info=True)
        return None


@signals.task_prerun.connect
def _log_started(task_id: str, task: Any, **_: Any) -> None:
    organization_id = _organization_of(task_id)
    _organization_tokens[task_id] = current_organization_id.set(organization_id)
    retries = getattr(getattr(task, "request", None), "retries", 0) or 0
    logger.info("task started", extra={**_fields(task_id, task), "attempt": retries + 1})


@signals.task_retry.connect
def _log_retry(sender: Any, request: Any, reason: Any, **_: Any) -> None:
    # The reason's type only: an exception's text may quote the document being processed.
    reason_type = type(reason).__name__ if isinstance(reason, BaseException) else "retry"
    logger.warning(
        "task will be retried",
        extra={**_fields(request.id, sender), "attempt": (request.retries or 0) + 1, "reason": reason_type},
    )


@signals.task_failure.connect
def _log_failed(sender: Any, task_id: str, exception: BaseException, **_: Any) -> None:
    logger.error("task failed", extra={**_fields(task_id, sender), "error": type(exception).__name__})


@signals.task_postrun.connect
def _log_finished(task_id: str, task: Any, state: str | None = None, **_: Any) -> None:
    logger.info("task finished", extra={**_fields(task_id, task), "state": state})
    token = _organization_tokens.pop(task_id, None)
    if token is not None:
        try:
            current_organization_id.reset(token)
        except ValueError:  # set in another context (a hard time limit): clear it instead
            current_organization_id.set(None)
