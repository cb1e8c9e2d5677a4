"""A token bucket per caller: on average `per_minute` calls a minute, at most `burst` at once.

The buckets live in this process's memory. `make up` and the compose file start one uvicorn worker per core
(AI_SERVICE_WORKERS), and each worker grants the full rate: a key may reach the limit once per worker. A limit
that holds across workers or replicas needs the buckets in a shared store such as Redis. Buckets are created only
for authenticated callers, so their number is bounded by the configured keys.
"""

import math
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass
class _Bucket:
    tokens: float
    refilled_at: float


class TokenBucketLimiter:
    """Grants or refuses one call at a time; refusals say how long to wait."""

    def __init__(self, *, per_minute: int, burst: int, clock: Callable[[], float] = time.monotonic) -> None:
        if per_minute <= 0 or burst <= 0:
            raise ValueError("per_minute and burst must be positive")
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
