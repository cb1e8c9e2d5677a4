"""What every Celery task states about delivery: retries with backoff and jitter, and time limits.

A task declares itself with `@declared_task(queue=QueueName.X, limits=LIMITS, ...)` (config.task_declarations),
which applies these options. (Autodiscovery imports this module too, since `config` is an installed app; it
defines no task.)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import httpx
from django.db import InterfaceError, OperationalError
from kombu.exceptions import OperationalError as BrokerOperationalError

# Tasks acknowledge late, so a message stays unacknowledged for the whole run of its task, and a retry with a
# countdown is held unacknowledged by a worker until it is due. RabbitMQ (3.8.15 and later, the 3.10 here
# included) closes the channel of a consumer that holds a message longer than `consumer_timeout`, 30 minutes by
# default, and delivers the message again: the task would then run twice, concurrently. So the longest
# backoff plus the longest hard time limit stays well under that timeout.
RABBITMQ_CONSUMER_TIMEOUT = 30 * 60
RETRY_BACKOFF_MAX = 5 * 60
MAX_HARD_TIME_LIMIT = 20 * 60
assert RETRY_BACKOFF_MAX + MAX_HARD_TIME_LIMIT <= RABBITMQ_CONSUMER_TIMEOUT - 5 * 60

# The first retry waits up to 10 s, then 20, 40, ... up to RETRY_BACKOFF_MAX, each drawn at random below
# that bound (full jitter) so that workers hit by the same outage do not come back in lockstep.
RETRY_BACKOFF_SECONDS = 10
DEFAULT_MAX_RETRIES = 5

# Failures that say nothing about the task itself and usually pass: retried automatically.
TRANSIENT_ERRORS: tuple[type[BaseException], ...] = (
    OperationalError,  # the database restarted, dropped the connection or ran out of connections
    InterfaceError,  # a connection that was already closed
    BrokerOperationalError,  # RabbitMQ unreachable while the task publishes follow-up work
    ConnectionError,  # any socket refused or reset (Redis, RabbitMQ)
    TimeoutError,
    httpx.TransportError,  # the AI service unreachable or too slow (connect, read, write, pool timeouts)
)


@dataclass(frozen=True)
class TimeLimits:
    """A task's soft limit (SoftTimeLimitExceeded is raised inside it) and hard limit (its process is killed)."""

    soft: int
    hard: int

    def __post_init__(self) -> None:
        if not 0 < self.soft < self.hard <= MAX_HARD_TIME_LIMIT:
            raise ValueError(
                f"Time limits need 0 < soft < hard <= {MAX_HARD_TIME_LIMIT} s (RabbitMQ's consumer timeout), "
                f"not soft={self.soft}, hard={self.hard}."
            )


# Each kind of work and how long it may take; the soft limit leaves the task time to record why it stopped.
MAINTENANCE_LIMITS = TimeLimits(soft=240, hard=300)  # periodic sweeps, bounded batches
EMBEDDING_LIMITS = TimeLimits(soft=300, hard=360)  # a long resume is embedded chunk by chunk
PARSE_LIMITS = TimeLimits(soft=150, hard=180)  # the parse itself runs in a child limited by PARSE_TIMEOUT_SECONDS
ANALYSIS_LIMITS = TimeLimits(soft=150, hard=180)  # one AI service call, bounded by AI_REQUEST_TIMEOUT
IMPORT_LIMITS = TimeLimits(soft=540, hard=600)  # expanding an archive of up to IMPORT_MAX_FILES resumes
RERANK_LIMITS = TimeLimits(soft=600, hard=660)  # scoring a job against every candidate of its organization


def task_options(
    limits: TimeLimits,
    *,
    max_retries: int = DEFAULT_MAX_RETRIES,
    retry_for: tuple[type[BaseException], ...] = (),
    bind: bool = False,
) -> dict[str, Any]:
    """Keyword arguments for `@shared_task`: autoretry on transient errors and on `retry_for`, exponential
    backoff with full jitter, and the time limits.

    No queue here: Celery deprecates the `queue` and `priority` task attributes in favour of routes, and
    config.task_declarations.route_task routes each declared task to the queue its declaration states.
    """
    return {
        "bind": bind,
        "autoretry_for": TRANSIENT_ERRORS + retry_for,
        "max_retries": max_retries,
        "retry_backoff": RETRY_BACKOFF_SECONDS,
        "retry_backoff_max": RETRY_BACKOFF_MAX,
        "retry_jitter": True,
        "soft_time_limit": limits.soft,
        "time_limit": limits.hard,
    }
