from __future__ import annotations

from django.http import HttpRequest, HttpResponse

from accounts.roles import is_operator


def operator_check(request: HttpRequest) -> HttpResponse:
    """Answers nginx's `auth_request` for the operator UIs (Flower, RabbitMQ): operators' sessions only."""
    user = request.user
    if not user.is_authenticated:
        return HttpResponse(status=401)
    if not is_operator(user):
        return HttpResponse(status=403)
    return HttpResponse(status=204)
