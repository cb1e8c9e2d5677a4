"""The API's request-rate throttles (per user, and per address for anonymous calls), counted in the cache.

They fail open: with Redis away the API keeps serving (uploads must still succeed, tests/faults/test_redis_down.py),
and the gateway's `limit_req` still stands in front.
"""

from __future__ import annotations

import logging
from typing import Any

import redis
from rest_framework import throttling

logger = logging.getLogger(__name__)

# What the cache raises while Redis is down or unreachable.
CACHE_ERRORS = (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError)


class FailOpenThrottleMixin:
    scope: str | None

    def allow_request(self, request: Any, view: Any) -> bool:
        try:
            return bool(super().allow_request(request, view))  # type: ignore[misc]
        except CACHE_ERRORS as error:
            logger.warning("throttle not applied: cache unavailable", extra={"scope": self.scope, "error": str(error)})
            return True


class AnonRateThrottle(FailOpenThrottleMixin, throttling.AnonRateThrottle):
    pass


class UserRateThrottle(FailOpenThrottleMixin, throttling.UserRateThrottle):
    pass


class RegistrationRateThrottle(FailOpenThrottleMixin, throttling.SimpleRateThrottle):
    """Registration attempts on the candidate portal per client address (the `registration` rate): each account
    is a candidate row of an organization, so a script must not make them by the thousand."""

    scope = "registration"

    def get_cache_key(self, request: Any, view: Any) -> str:
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}
