from __future__ import annotations

from django.http import HttpRequest, HttpResponse


def staff_check(request: HttpRequest) -> HttpResponse:
    """Answers nginx's `auth_request` for the operator UIs (Flower, Prometheus, RabbitMQ): staff sessions only."""
    user = request.user
    if not user.is_authenticated:
        return HttpResponse(status=401)
    if not user.is_staff:
        return HttpResponse(status=403)
    return HttpResponse(status=204)
