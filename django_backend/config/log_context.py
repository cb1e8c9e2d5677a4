"""What every log line carries besides its message: the service, the request, the task and the organization.

Each process writes JSON lines to stdout (settings.LOGGING); supervisord, the containers' entrypoint and the test
fixtures copy them to logs/<service>.log, where promtail and the admin's task log panel (realtime/task_logs.py)
read them. The service name comes from LOG_NAME (set per program by supervisord and docker-compose).
"""

from __future__ import annotations

import logging
import os
import re
import uuid
from collections.abc import Callable
from contextvars import ContextVar

from celery import current_task
from django.http import HttpRequest, HttpResponse
from django.utils.functional import SimpleLazyObject, empty

REQUEST_ID_HEADER = "X-Request-ID"
# nginx sends its $request_id (32 hex digits); anything else in the header is replaced, never logged.
ACCEPTED_REQUEST_ID = re.compile(r"[A-Za-z0-9._:-]{1,128}")
# A message longer than this is cut: a long message is a document (a resume, a reply) that has no place in a log.
MAX_MESSAGE_CHARS = 2000
HIDDEN = "[hidden]"
CELERY_VALUE_FIELDS = frozenset({"return_value", "args", "kwargs"})

current_request_id: ContextVar[str | None] = ContextVar("log_request_id", default=None)
current_request: ContextVar[HttpRequest | None] = ContextVar("log_request", default=None)
current_organization_id: ContextVar[int | None] = ContextVar("log_organization_id", default=None)


def service_name(default: str = "django") -> str:
    return os.environ.get("LOG_NAME") or default


def _request_organization_id(request: HttpRequest | None) -> int | None:
    """The signed-in user's organization, only once authentication has run: a log line never causes a query."""
    if request is None:
        return None
    user = request.__dict__.get("user")
    if isinstance(user, SimpleLazyObject) and getattr(user, "_wrapped", None) is empty:
        return None
    organization_id = getattr(user, "organization_id", None)
    return organization_id if isinstance(organization_id, int) else None


class LogContextFilter(logging.Filter):
    """Adds service, request_id, task_id, task_name and organization_id where known; hides what must not be kept."""

    def __init__(self, service: str | None = None) -> None:
        super().__init__()
        self.service = service

    def filter(self, record: logging.LogRecord) -> bool:
        record.service = self.service or service_name()
        request = current_request.get()
        request_id = current_request_id.get()
        # django.request's lines ("Not Found: ...") are written after the middleware returned, with the request.
        logged_request = getattr(record, "request", None)
        if isinstance(logged_request, HttpRequest):
            request = logged_request
            request_id = request_id or getattr(logged_request, "request_id", None)
            record.request = logged_request.path  # its repr holds the query string, which may carry a credential
        if request_id is not None and not hasattr(record, "request_id"):
            record.request_id = request_id
        task = current_task
        task_id = getattr(getattr(task, "request", None), "id", None) if task else None
        task_name = getattr(task, "name", None) if task_id else None
        # Celery's own lines about a task ("received", "succeeded") name it in `data`, also outside its run.
        data = getattr(record, "data", None)
        if isinstance(data, dict) and isinstance(data.get("id"), str):
            task_id, task_name = data["id"], data.get("name")
        if task_id and not getattr(record, "task_id", None):
            record.task_id = task_id
        if task_id and not getattr(record, "task_name", None):
            record.task_name = task_name
        if getattr(record, "organization_id", None) is None:
            organization_id = current_organization_id.get() or _request_organization_id(request)
            if organization_id is not None:
                record.organization_id = organization_id
        _redact(record)
        return True


def _redact(record: logging.LogRecord) -> None:
    # Celery's task lines quote the task's arguments and return value (in the message and in `data`), which may be
    # a parsed document: ids and names stay, values go.
    if isinstance(record.args, dict) and "return_value" in record.args:
        record.args = {**record.args, "return_value": HIDDEN}
    data = getattr(record, "data", None)
    if isinstance(data, dict) and CELERY_VALUE_FIELDS & data.keys():
        record.data = {key: HIDDEN if key in CELERY_VALUE_FIELDS else value for key, value in data.items()}
    try:
        message = record.getMessage()
    except Exception:  # a malformed call is logged as written rather than lost
        return
    if len(message) > MAX_MESSAGE_CHARS:
        record.msg, record.args = f"{message[:MAX_MESSAGE_CHARS]}… [cut]", None


class RequestIdMiddleware:
    """Sets the request id (the gateway's X-Request-ID, or a new one) for the request's logs and echoes it."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        presented = request.headers.get(REQUEST_ID_HEADER, "")
        request_id = presented if ACCEPTED_REQUEST_ID.fullmatch(presented) else uuid.uuid4().hex
        request.request_id = request_id  # type: ignore[attr-defined]
        id_token = current_request_id.set(request_id)
        request_token = current_request.set(request)
        try:
            response = self.get_response(request)
        finally:
            current_request.reset(request_token)
            current_request_id.reset(id_token)
        response[REQUEST_ID_HEADER] = request_id
        return response
