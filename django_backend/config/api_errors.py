"""Every API error is JSON with a stable `code` and a message a person can act on."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, JsonResponse
from rest_framework.response import Response
from rest_framework.views import exception_handler

logger = logging.getLogger(__name__)

# PostgreSQL down, restarting, or out of connections: the request may well succeed in a moment.
DATABASE_ERRORS = (OperationalError, InterfaceError)
DATABASE_UNAVAILABLE = "database_unavailable"
DATABASE_UNAVAILABLE_DETAIL = "The database is unavailable at the moment. Nothing was changed; try again shortly."
RETRY_AFTER_SECONDS = 5


def database_unavailable_body() -> dict[str, str]:
    return {"code": DATABASE_UNAVAILABLE, "detail": DATABASE_UNAVAILABLE_DETAIL}


def json_exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    if isinstance(exc, DATABASE_ERRORS):
        # A 503 (with Retry-After) tells clients and the gateway to come back, where a 500 says the request is bad.
        logger.warning("database unavailable", extra={"error": str(exc)})
        return Response(database_unavailable_body(), status=503, headers={"Retry-After": str(RETRY_AFTER_SECONDS)})
    response = exception_handler(exc, context)
    if response is None:
        return None
    data = response.data
    code = getattr(exc, "default_code", "error")
    codes = getattr(exc, "get_codes", None)
    if isinstance(data, dict) and "detail" in data and len(data) == 1:
        detail_codes = codes() if codes else {}
        if isinstance(detail_codes, dict) and "detail" in detail_codes:
            code = detail_codes["detail"]
        elif isinstance(detail_codes, str):
            code = detail_codes
        response.data = {"code": code, "detail": str(data["detail"])}
    else:
        response.data = {"code": code, "detail": "The request is invalid.", "errors": data}
    return response


class DatabaseUnavailableMiddleware:
    """The same 503 for views outside DRF (admin, pages), instead of a 500 error page."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not isinstance(exception, DATABASE_ERRORS):
            return None
        logger.warning("database unavailable", extra={"error": str(exception), "path": request.path})
        response = JsonResponse(database_unavailable_body(), status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
