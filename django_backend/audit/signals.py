"""Sign-ins and failed sign-ins in the audit log, from Django's own authentication signals.

These receivers write the event itself rather than enqueue work: the signal is where a sign-in happens (the admin
login, DRF's and simplejwt's `authenticate()`), and the event is one INSERT of ids and codes. A failed attempt
names the account only by id, when the username belongs to one; the username typed is never stored.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.dispatch import receiver

from audit.services import audit_record


def _surface(request: Any) -> str:
    path = getattr(request, "path", "") or ""
    return "admin" if path.startswith("/admin/") else "api" if path.startswith("/api/") else "other"


@receiver(user_logged_in, dispatch_uid="audit.login")
def record_login(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    audit_record(
        action="auth.login", organization=user.organization, actor=user, target=user, surface=_surface(request)
    )


@receiver(user_login_failed, dispatch_uid="audit.login_failed")
def record_login_failed(sender: Any, credentials: dict[str, Any], request: Any = None, **kwargs: Any) -> None:
    username = credentials.get("username")
    account = (
        get_user_model().objects.select_related("organization").filter(username=username).first()
        if isinstance(username, str) and username
        else None
    )
    organization = getattr(account, "organization", None)
    audit_record(action="auth.login_failed", organization=organization, target=account, surface=_surface(request))
