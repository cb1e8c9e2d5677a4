"""The four RabbitMQ work queues, the message priority each one's tasks carry, and the dead-letter queue."""

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
# Parses of bulk-imported files, on medium_priority below single uploads (PRIORITY[MEDIUM]): a resume a person
# is waiting for goes ahead of an import's queued files.
BULK_PARSE_PRIORITY = 3
# Not a QueueName: no worker consumes it, and a worker started without -Q must not either.
DEAD_LETTER_QUEUE = "dead_letter"


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


def dead_letter_queue() -> Queue:
    """Where a copy of every task message that finally failed is parked for operators; no worker consumes it.

    A queue of its own, published to explicitly by the failure handler (realtime.dead_letters), rather than
    `x-dead-letter-exchange` arguments on the work queues: RabbitMQ refuses to redeclare an existing queue with
    different arguments (PRECONDITION_FAILED), which would break every broker that already ran the platform.
    """
    return Queue(
        DEAD_LETTER_QUEUE,
        Exchange(DEAD_LETTER_QUEUE, type="direct", durable=True),
        routing_key=DEAD_LETTER_QUEUE,
        durable=True,
    )


def declare_all(connection: Connection) -> None:
    """Declare every queue (and its exchange and binding), the dead-letter queue included, on the broker; idempotent."""
    for queue in (*declared_queues(), dead_letter_queue()):
        queue(connection).declare()
