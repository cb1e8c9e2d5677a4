from __future__ import annotations

import hmac

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django_prometheus.exports import ExportToDjangoView

from accounts.roles import is_operator

# The header of a metrics_check answer that carries the scrape credential to nginx, which sets it on the request
# it forwards (auth_request_set), so the gateway needs no copy of the secret.
METRICS_AUTHORIZATION_HEADER = "X-Metrics-Authorization"


def operator_check(request: HttpRequest) -> HttpResponse:
    """Answers nginx's `auth_request` for the operator UIs (Flower, RabbitMQ): operators' sessions only."""
    user = request.user
    if not user.is_authenticated:
        return HttpResponse(status=401)
    if not is_operator(user):
        return HttpResponse(status=403)
    return HttpResponse(status=204)


def has_metrics_bearer_token(request: HttpRequest) -> bool:
    """Whether the request carries `Authorization: Bearer <METRICS_BEARER_TOKEN>` (never, when no token is set)."""
    expected = settings.METRICS_BEARER_TOKEN
    scheme, _, given = request.headers.get("Authorization", "").partition(" ")
    if not expected or scheme.lower() != "bearer":
        return False
    return hmac.compare_digest(given.strip().encode(), expected.encode())


def metrics_check(request: HttpRequest) -> HttpResponse:
    """Answers nginx's `auth_request` for `/metrics` and `/api/ai/metrics`: Prometheus (the bearer token) or an
    operator's session. A 204 names the credential nginx forwards, since both services check it too."""
    if has_metrics_bearer_token(request):
        allowed = HttpResponse(status=204)
    else:
        allowed = operator_check(request)
        if allowed.status_code != 204:
            return allowed
    if settings.METRICS_BEARER_TOKEN:
        allowed[METRICS_AUTHORIZATION_HEADER] = f"Bearer {settings.METRICS_BEARER_TOKEN}"
    return allowed


def metrics(request: HttpRequest) -> HttpResponse:
    """django_prometheus's export, for the bearer token only when METRICS_BEARER_TOKEN is set (Prometheus scrapes
    the service directly; the gateway forwards the token for operators)."""
    if settings.METRICS_BEARER_TOKEN and not has_metrics_bearer_token(request):
        response = HttpResponse(status=401)
        response["WWW-Authenticate"] = 'Bearer realm="metrics"'
        return response
    return ExportToDjangoView(request)
