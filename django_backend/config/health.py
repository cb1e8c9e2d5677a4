from __future__ import annotations

import logging

from django.db import connection
from django.http import HttpRequest, JsonResponse

from config.api_errors import RETRY_AFTER_SECONDS, database_unavailable_body

logger = logging.getLogger(__name__)


def healthz(request: HttpRequest) -> JsonResponse:
    """Liveness plus a database round trip; 503 with the API's `database_unavailable` error when PostgreSQL
    does not answer. Redis being down is not reported here: the platform keeps working without it."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception as error:
        logger.warning("health check: database unavailable", extra={"error": str(error)})
        response = JsonResponse({"status": "unavailable", **database_unavailable_body()}, status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
    return JsonResponse({"status": "ok"})
