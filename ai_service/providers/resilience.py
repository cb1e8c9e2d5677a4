"""How hard the service tries a language model: retries with backoff for one answer, and a circuit breaker that
stops calling a provider that keeps failing.

The breaker is a short class of our own: the asyncio breaker libraries read the wall clock themselves (no clock
can be given to them) and keep state in stores we do not need.
"""

import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import IntEnum

from ai_service.settings import AIServiceSettings

Clock = Callable[[], float]


@dataclass(frozen=True)
class RetryPolicy:
    """When to call again after a transient failure, and how long to wait first."""

    attempts: int
    backoff_seconds: float
    backoff_max_seconds: float
    retry_after_max_seconds: float
    deadline_seconds: float

    @classmethod
    def from_settings(cls, settings: AIServiceSettings) -> "RetryPolicy":
        return cls(
            attempts=settings.ai_retry_attempts,
            backoff_seconds=settings.ai_retry_backoff_seconds,
            backoff_max_seconds=settings.ai_retry_backoff_max_seconds,
            retry_after_max_seconds=settings.ai_retry_after_max_seconds,
            deadline_seconds=settings.ai_retry_deadline_seconds,
        )

    def wait_before(self, retry: int, retry_after: float | None) -> float:
        """Seconds to wait before retry number `retry` (1 for the first): what the provider asked for, within
        the cap, or else an exponential backoff."""
        if retry_after is not None:
            return min(retry_after, self.retry_after_max_seconds)
        return float(min(self.backoff_seconds * 2 ** (retry - 1), self.backoff_max_seconds))

    def may_retry(self, *, attempts_made: int, elapsed: float, wait: float) -> bool:
        return attempts_made < self.attempts and elapsed + wait < self.deadline_seconds


class BreakerState(IntEnum):
    """The values of the ai_service_breaker_state gauge."""

    CLOSED = 0
    HALF_OPEN = 1
    OPEN = 2


class CircuitBreaker:
    """Opens after `failure_threshold` consecutive failures; after `reset_seconds` lets one trial call through
    (half-open), which closes it on success and opens it again on failure."""

    def __init__(self, *, failure_threshold: int, reset_seconds: float, clock: Clock = time.monotonic) -> None:
        self.failure_threshold = failure_threshold
        self.reset_seconds = reset_seconds
        self.clock = clock
        self.consecutive_failures = 0
        self._opened_at: float | None = None
        self._trial_running = False
        # Told each new state (the ai_service_breaker_state gauge); `observe` notices a change and calls it.
        self.on_change: Callable[[BreakerState], None] | None = None
        self._observed: BreakerState | None = None

    @property
    def state(self) -> BreakerState:
        if self._opened_at is None:
            return BreakerState.CLOSED
        if self._trial_running or self.clock() - self._opened_at >= self.reset_seconds:
            return BreakerState.HALF_OPEN
        return BreakerState.OPEN

    def observe(self, *, force: bool = False) -> BreakerState:
        """The state now, passed to `on_change` when it differs from the last one passed (or `force`)."""
        state = self.state
        if (force or state is not self._observed) and self.on_change is not None:
            self.on_change(state)
            self._observed = state
        return state

    def seconds_until_trial(self) -> float:
        if self._opened_at is None:
            return 0.0
        return max(0.0, self.reset_seconds - (self.clock() - self._opened_at))

    def admit(self) -> bool:
        """Whether a call may go ahead now. Half-open admits one trial at a time; the others are refused."""
        state = self.observe()
        if state is BreakerState.CLOSED:
            return True
        if state is BreakerState.HALF_OPEN and not self._trial_running:
            self._trial_running = True
            return True
        return False

    def record_success(self) -> None:
        self.consecutive_failures = 0
        self._opened_at = None
        self._trial_running = False
        self.observe()

    def record_failure(self) -> None:
        self.consecutive_failures += 1
        if self._trial_running or (self._opened_at is None and self.consecutive_failures >= self.failure_threshold):
            self._opened_at = self.clock()
            self._trial_running = False
        self.observe()

    def abandon_trial(self) -> None:
        """The trial call ended without an outcome (its caller went away): another call may try."""
        self._trial_running = False
        self.observe()
