"""Every API error is JSON with a stable `code` and a message a person can act on."""

from __future__ import annotations

from typing import Any

from rest_framework.response import Response
from rest_framework.views import exception_handler


def json_exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
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
