"""The platform's Alertmanager receiver: `POST /api/ops/alerts/webhook/`, for the monitoring stack's credential
only (the bearer token Prometheus scrapes /metrics with; monitoring/alertmanager/alertmanager.yml.template)."""

from __future__ import annotations

import json
import logging

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from accounts.api import has_metrics_bearer_token
from ops.services import AlertPayloadError, alerts_receive

logger = logging.getLogger(__name__)


# No session, so no CSRF: the only credential is the bearer token, which a browser never sends by itself.
@csrf_exempt
@require_POST
def alertmanager_webhook(request: HttpRequest) -> HttpResponse:
    if not has_metrics_bearer_token(request):
        response = JsonResponse(
            {"code": "not_authenticated", "detail": "Send Alertmanager's bearer token (METRICS_BEARER_TOKEN)."},
            status=401,
        )
        response["WWW-Authenticate"] = 'Bearer realm="alerts"'
        return response
    try:
        payload = json.loads(request.body)
    except (UnicodeDecodeError, json.JSONDecodeError):
        return JsonResponse({"code": "invalid_json", "detail": "The body is not JSON."}, status=400)
    try:
        stored = alerts_receive(payload=payload)
    except AlertPayloadError as error:
        return JsonResponse({"code": error.code, "detail": str(error)}, status=400)
    logger.info("alerts received", extra={"alerts": [f"{alert.name}:{alert.status}" for alert in stored]})
    return JsonResponse({"stored": len(stored)})
