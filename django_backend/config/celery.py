"""The Celery app: RabbitMQ broker with four priority queues, Redis result backend."""

from __future__ import annotations

import os

from celery import Celery

from config.queues import QueueName, declared_queues, task_routes

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

app = Celery("recruitment")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.conf.update(
    task_queues=declared_queues(),
    task_routes=task_routes(),
    task_default_queue=QueueName.MEDIUM.value,
    task_default_exchange=QueueName.MEDIUM.value,
    task_default_routing_key=QueueName.MEDIUM.value,
    task_queue_max_priority=10,
    # At-least-once delivery: a message is acknowledged only after its task finished, and a task whose
    # worker died is given back to the queue. Tasks are written to be safe to run twice.
    task_acks_late=True,
    task_reject_on_worker_lost=True,
    # Priorities only work when a worker does not hoard messages.
    worker_prefetch_multiplier=1,
    broker_transport_options={"confirm_publish": True},
    broker_connection_retry_on_startup=True,
    task_serializer="json",
    accept_content=["json"],
    result_serializer="json",
    result_expires=24 * 3600,
    task_track_started=True,
    worker_send_task_events=True,
    task_send_sent_event=True,
    worker_hijack_root_logger=False,
)
app.autodiscover_tasks()
