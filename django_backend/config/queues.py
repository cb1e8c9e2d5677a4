"""The four RabbitMQ queues and the message priority each one's tasks carry."""

from __future__ import annotations

from enum import StrEnum

from kombu import Connection, Exchange, Queue

MAX_PRIORITY = 10


class QueueName(StrEnum):
    HIGH = "high_priority"  # notifications, live-refresh broadcasts
    EMBEDDINGS = "embeddings"  # embedding generation after a save
    MEDIUM = "medium_priority"  # resume parsing and AI analysis
    LOW = "low_priority"  # maintenance: re-indexing, clean-up, re-ranking


PRIORITY = {QueueName.HIGH: 10, QueueName.EMBEDDINGS: 7, QueueName.MEDIUM: 5, QueueName.LOW: 1}


def declared_queues() -> tuple[Queue, ...]:
    """Durable queues with `x-max-priority`, each bound to a direct exchange of its own name."""
    return tuple(
        Queue(
            name.value,
            Exchange(name.value, type="direct", durable=True),
            routing_key=name.value,
            durable=True,
            queue_arguments={"x-max-priority": MAX_PRIORITY},
        )
        for name in QueueName
    )


# Every task and its queue, in one place.
TASK_QUEUES = {
    "ingestion.tasks.parse_resume_task": QueueName.MEDIUM,
    "ingestion.tasks.import_archive_task": QueueName.MEDIUM,
    "applications.tasks.analyze_application_task": QueueName.MEDIUM,
    "matching.tasks.embed_candidate_task": QueueName.EMBEDDINGS,
    "matching.tasks.embed_job_task": QueueName.EMBEDDINGS,
    "matching.tasks.rerank_job_task": QueueName.LOW,
    "matching.tasks.rerank_candidate_task": QueueName.LOW,
}


def task_routes() -> dict[str, dict[str, object]]:
    """Celery routes: each task to its queue, carrying that queue's priority."""
    return {name: {"queue": queue.value, "priority": PRIORITY[queue]} for name, queue in TASK_QUEUES.items()}


def declare_all(connection: Connection) -> None:
    """Declare every queue (and its exchange and binding) on the broker; idempotent."""
    for queue in declared_queues():
        queue(connection).declare()
