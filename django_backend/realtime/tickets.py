"""WebSocket tickets: a short-lived, single-use secret a client gets from an authenticated API call and puts in the
socket URL, so no long-lived credential (an API token) ever appears in a URL or an access log."""

from __future__ import annotations

import re
import secrets

from asgiref.sync import sync_to_async
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.base_user import AbstractBaseUser
from django.core.cache import cache

KEY_PREFIX = "ws-ticket"
TICKET_PATTERN = re.compile(r"[A-Za-z0-9_-]{43}")  # secrets.token_urlsafe(32)


def ws_ticket_issue(*, user: AbstractBaseUser) -> str:
    ticket = secrets.token_urlsafe(32)
    cache.set(f"{KEY_PREFIX}:{ticket}", user.pk, timeout=settings.WS_TICKET_TTL_SECONDS)
    return ticket


def ws_ticket_redeem(ticket: str) -> AbstractBaseUser | None:
    """The ticket's active user, once: of two connects with one ticket only the one whose delete removed the key
    gets a user (a Redis DEL is atomic and says whether it removed anything)."""
    if not TICKET_PATTERN.fullmatch(ticket):
        return None
    key = f"{KEY_PREFIX}:{ticket}"
    user_id = cache.get(key)
    if user_id is None or not cache.delete(key):
        return None
    return get_user_model().objects.filter(pk=user_id, is_active=True).first()


ws_ticket_redeem_async = sync_to_async(ws_ticket_redeem)
