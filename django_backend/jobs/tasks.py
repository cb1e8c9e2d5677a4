from __future__ import annotations

import logging

from django.db import transaction

from config.queues import QueueName
from config.task_declarations import declared_task
from config.tasks import RERANK_LIMITS
from jobs.rediscovery import rediscover_candidates

logger = logging.getLogger(__name__)


@declared_task(queue=QueueName.LOW, limits=RERANK_LIMITS)
def rediscover_candidates_task(job_id: int) -> int:
    return len(rediscover_candidates(job_id=job_id).found)


def rediscovery_enqueue(*, job_id: int) -> None:
    """Queue the search for rediscovered candidates once the transaction that opened the job commits."""
    transaction.on_commit(lambda: _publish(job_id))


def _publish(job_id: int) -> None:
    try:
        rediscover_candidates_task.delay(job_id)
    except Exception:  # the broker is unreachable: the job is open all the same; say so in the log
        logger.exception("could not queue candidate rediscovery", extra={"job_id": job_id})
