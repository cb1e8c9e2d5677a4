"""A token bucket per caller: on average `per_minute` calls a minute, at most `burst` at once.

With REDIS_URL set (`make up` and the compose file set it) the buckets live in Redis, so every uvicorn worker and
replica draws on the same one: a key gets its limit once, however many processes serve it. Each call is one Lua
script, so two workers never both take the last token. If Redis cannot be reached the call is let through and a
warning logged: the limit protects the service, and an outage of Redis must not stop it from answering.

Without REDIS_URL (tests, a single development process) each process keeps its own buckets in memory. Buckets are
created only for authenticated callers, so their number is bounded by the configured keys.
"""

import logging
import math
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

import redis.asyncio as aioredis

from ai_service.settings import AIServiceSettings

logger = logging.getLogger("ai_service")

# KEYS[1]: the caller's bucket (a hash of tokens and the time they were counted). ARGV: now (seconds), tokens a
# second, burst. Returns 0 when a token was taken, else the whole seconds (at least 1) until the next one.
BUCKET_SCRIPT = """
local now = tonumber(ARGV[1])
local rate = tonumber(ARGV[2])
local burst = tonumber(ARGV[3])
local bucket = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(bucket[1])
local at = tonumber(bucket[2])
if tokens == nil or at == nil then
  tokens = burst
  at = now
end
-- A worker whose clock lags another's must not refill the bucket twice.
if now > at then
  tokens = math.min(burst, tokens + (now - at) * rate)
  at = now
end
local wait = 0
if tokens >= 1 then
  tokens = tokens - 1
else
  wait = math.max(1, math.ceil((1 - tokens) / rate))
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(at))
-- A bucket left alone this long is full again, the same as no bucket.
redis.call('EXPIRE', KEYS[1], math.ceil(burst / rate) + 1)
return wait
"""
# After a failed call to Redis, calls are let through without trying it for this long: a Redis that hangs would
# otherwise add its timeout to every request.
REDIS_RETRY_SECONDS = 5.0
REDIS_TIMEOUT_SECONDS = 0.5


class RateLimiter(Protocol):
    async def wait_seconds(self, caller: str) -> int:
        """Take a token for `caller`: 0 when the call may go ahead, otherwise the whole seconds (at least 1)
        until the next token, for a `Retry-After` header."""
        ...

    async def aclose(self) -> None: ...


def _check_rates(per_minute: int, burst: int) -> None:
    if per_minute <= 0 or burst <= 0:
        raise ValueError("per_minute and burst must be positive")


@dataclass
class _Bucket:
    tokens: float
    refilled_at: float


class TokenBucketLimiter:
    """Grants or refuses one call at a time, from buckets in this process's memory."""

    def __init__(self, *, per_minute: int, burst: int, clock: Callable[[], float] = time.monotonic) -> None:
        _check_rates(per_minute, burst)
        self.tokens_per_second = per_minute / 60.0
        self.burst = burst
        self._clock = clock
        self._buckets: dict[str, _Bucket] = {}
        self._lock = threading.Lock()

    def acquire(self, caller: str) -> int:
        """Take a token for `caller`: 0 when the call may go ahead, otherwise the whole seconds (at least 1)
        until the next token, for a `Retry-After` header."""
        with self._lock:
            now = self._clock()
            bucket = self._buckets.setdefault(caller, _Bucket(tokens=float(self.burst), refilled_at=now))
            bucket.tokens = min(self.burst, bucket.tokens + (now - bucket.refilled_at) * self.tokens_per_second)
            bucket.refilled_at = now
            if bucket.tokens >= 1:
                bucket.tokens -= 1
                return 0
            return max(1, math.ceil((1 - bucket.tokens) / self.tokens_per_second))

    async def wait_seconds(self, caller: str) -> int:
        return self.acquire(caller)

    async def aclose(self) -> None:
        return None


class RedisTokenBucketLimiter:
    """The same buckets in Redis, shared by every process that uses the same Redis and key prefix.

    `clock` is wall time (time.time): the workers, and the replicas on other hosts, must agree on it.
    """

    def __init__(
        self,
        client: "aioredis.Redis",
        *,
        per_minute: int,
        burst: int,
        key_prefix: str,
        clock: Callable[[], float] = time.time,
    ) -> None:
        _check_rates(per_minute, burst)
        self.tokens_per_second = per_minute / 60.0
        self.burst = burst
        self.key_prefix = key_prefix
        self._client = client
        self._script = client.register_script(BUCKET_SCRIPT)
        self._clock = clock
        self._skip_redis_until = 0.0

    async def wait_seconds(self, caller: str) -> int:
        if time.monotonic() < self._skip_redis_until:
            return 0
        try:
            wait = await self._script(
                keys=[f"{self.key_prefix}{caller}"], args=[repr(self._clock()), self.tokens_per_second, self.burst]
            )
        except Exception as error:  # any failure of the store, including a timeout: the service keeps answering
            self._skip_redis_until = time.monotonic() + REDIS_RETRY_SECONDS
            # The error's type only: its text may hold the Redis URL and its password.
            logger.warning(
                "rate limit store unreachable; /analyze calls are not limited for the next %s s",
                REDIS_RETRY_SECONDS,
                extra={"error": type(error).__name__},
            )
            return 0
        return int(wait)

    async def aclose(self) -> None:
        await self._client.aclose()


def build_limiter(settings: AIServiceSettings) -> RateLimiter:
    """The shared limiter when REDIS_URL is set, else one in this process's memory."""
    per_minute, burst = settings.ai_rate_limit_per_minute, settings.ai_rate_limit_burst
    redis_url = settings.redis_url.get_secret_value().strip()
    if not redis_url:
        return TokenBucketLimiter(per_minute=per_minute, burst=burst)
    client = aioredis.Redis.from_url(
        redis_url, socket_timeout=REDIS_TIMEOUT_SECONDS, socket_connect_timeout=REDIS_TIMEOUT_SECONDS
    )
    return RedisTokenBucketLimiter(
        client, per_minute=per_minute, burst=burst, key_prefix=settings.ai_rate_limit_key_prefix
    )
