"""Every API error is JSON with a stable `code` and a message a person can act on."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views import defaults
from rest_framework.response import Response
from rest_framework.views import exception_handler

from config.throttling import CACHE_ERRORS

logger = logging.getLogger(__name__)

# PostgreSQL down, restarting, or out of connections: the request may well succeed in a moment.
DATABASE_ERRORS = (OperationalError, InterfaceError)
DATABASE_UNAVAILABLE = "database_unavailable"
DATABASE_UNAVAILABLE_DETAIL = "The database is unavailable at the moment. Nothing was changed; try again shortly."
RETRY_AFTER_SECONDS = 5
# Redis down: what needs it (WebSocket tickets) cannot work for a moment either.
CACHE_UNAVAILABLE = "cache_unavailable"
CACHE_UNAVAILABLE_DETAIL = "A service the platform needs is unavailable at the moment. Try again shortly."
API_PREFIX = "/api/"


def database_unavailable_body() -> dict[str, str]:
    return {"code": DATABASE_UNAVAILABLE, "detail": DATABASE_UNAVAILABLE_DETAIL}


def json_exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    if isinstance(exc, DATABASE_ERRORS):
        # A 503 (with Retry-After) tells clients and the gateway to come back, where a 500 says the request is bad.
        logger.warning("database unavailable", extra={"error": str(exc)})
        return Response(database_unavailable_body(), status=503, headers={"Retry-After": str(RETRY_AFTER_SECONDS)})
    if isinstance(exc, CACHE_ERRORS):
        logger.warning("cache unavailable", extra={"error": str(exc)})
        body = {"code": CACHE_UNAVAILABLE, "detail": CACHE_UNAVAILABLE_DETAIL}
        return Response(body, status=503, headers={"Retry-After": str(RETRY_AFTER_SECONDS)})
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


# Outside DEBUG, errors Django itself answers (no route, an unhandled exception) are JSON under /api/ and Django's
# plain pages elsewhere: neither names a setting, a URL pattern or a traceback (config.urls handler404/handler500).
def not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    if request.path.startswith(API_PREFIX):
        return JsonResponse({"code": "not_found", "detail": "No such API route."}, status=404)
    return defaults.page_not_found(request, exception)


def server_error(request: HttpRequest) -> HttpResponse:
    if request.path.startswith(API_PREFIX):
        body = {"code": "server_error", "detail": "Something went wrong on our side. It has been logged."}
        return JsonResponse(body, status=500)
    return defaults.server_error(request)
