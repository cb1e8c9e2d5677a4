"""Failed sign-ins counted per username and per client address in the cache (Redis), so password guessing stops
after a few tries on every login surface (admin, API token, JWT) and on every process.

A window starts at the first failure and lasts LOGIN_FAILURE_WINDOW_SECONDS. Past LOGIN_FAILURE_LIMIT failures for
a username, or LOGIN_FAILURE_LIMIT_PER_ADDRESS from an address, attempts are refused until the window ends, before
any password is checked. A success clears its username's count only: one valid account must not reset the count
of an address that is guessing others. Without Redis the limits are not applied (and a warning is logged) rather
than nobody signing in; the gateway's `limit_req` still stands in front.
"""

from __future__ import annotations

import hashlib
import logging
import math
import time
from typing import Any

from django.conf import settings
from django.core.cache import cache
from rest_framework.throttling import BaseThrottle

from config.throttling import CACHE_ERRORS

logger = logging.getLogger(__name__)

KEY_PREFIX = "login-failures"


def client_address(request: Any) -> str:
    """The client's address as the gateway saw it: the same reading as the API's throttles (X-Forwarded-For hops
    added by our NUM_PROXIES proxies, else the peer address), so a client cannot choose it with its own header."""
    return str(BaseThrottle().get_ident(request))


def _user_key(username: str) -> str | None:
    normalized = username.strip().lower()
    if not normalized:
        return None
    # Hashed: the key names no account, and any length or character makes a valid key.
    return f"{KEY_PREFIX}:user:{hashlib.sha256(normalized.encode()).hexdigest()}"


def _keys(*, username: str, address: str) -> list[tuple[str, int]]:
    """(counter key, limit) of the address and, when one was given, the username."""
    keys = [(f"{KEY_PREFIX}:address:{address}", settings.LOGIN_FAILURE_LIMIT_PER_ADDRESS)]
    user_key = _user_key(username)
    if user_key:
        keys.append((user_key, settings.LOGIN_FAILURE_LIMIT))
    return keys


def login_retry_after(*, username: str, address: str) -> int | None:
    """Seconds until this username may try again from this address, or None when an attempt is allowed."""
    keys = _keys(username=username, address=address)
    try:
        counts = cache.get_many([key for key, _ in keys] + [f"{key}:until" for key, _ in keys])
    except CACHE_ERRORS as error:
        logger.warning("login limits not applied: cache unavailable", extra={"error": str(error)})
        return None
    waits = [
        math.ceil(counts.get(f"{key}:until", time.time() + settings.LOGIN_FAILURE_WINDOW_SECONDS) - time.time())
        for key, limit in keys
        if counts.get(key, 0) >= limit
    ]
    return max(1, *waits) if waits else None


def login_failure_record(*, username: str, address: str) -> None:
    window = settings.LOGIN_FAILURE_WINDOW_SECONDS
    try:
        for key, _ in _keys(username=username, address=address):
            # `add` only starts a window that is not running; `incr` is atomic in Redis and keeps the key's expiry.
            cache.add(f"{key}:until", time.time() + window, timeout=window)
            cache.add(key, 0, timeout=window)
            try:
                cache.incr(key)
            except ValueError:  # the window ended between the two calls
                cache.set(key, 1, timeout=window)
    except CACHE_ERRORS as error:
        logger.warning("login failure not counted: cache unavailable", extra={"error": str(error)})


def login_success_record(*, username: str) -> None:
    user_key = _user_key(username)
    if user_key is None:
        return
    try:
        cache.delete_many([user_key, f"{user_key}:until"])
    except CACHE_ERRORS as error:
        logger.warning("login failures not cleared: cache unavailable", extra={"error": str(error)})
