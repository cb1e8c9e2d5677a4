"""The Celery app: RabbitMQ broker with four priority queues, Redis result backend."""

from __future__ import annotations

import logging.config
import os
from typing import Any

from celery import Celery, signals
from celery.app.utils import HIDDEN_SETTINGS
from celery.apps.worker import Worker
from celery.fixups.django import DjangoFixup
from celery.utils.serialization import jsonify, strtobool
from celery.worker.control import inspect_command
from django.conf import settings
from django.db import close_old_connections
from kombu.utils.encoding import safe_repr
from kombu.utils.url import maybe_sanitize_url

from config import task_metrics  # noqa: F401  (connects the task metrics to Celery's signals)
from config.queues import QueueName, declared_queues
from config.task_declarations import route_task
from recruitment_core.skills import load_taxonomy

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

app = Celery("recruitment")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.conf.update(
    task_queues=declared_queues(),
    # Each task to the queue, with the priority, its declaration states (config.task_declarations).
    task_routes=(route_task,),
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


@signals.setup_logging.connect
def _log_as_django_does(**_: Any) -> None:
    """Workers and beat log through settings.LOGGING (JSON lines with the task's id). Without a receiver here
    Celery sets the root level to its own --loglevel (WARNING by default), and a worker logged nothing after
    start-up."""
    os.environ.setdefault("LOG_NAME", "worker")
    logging.config.dictConfig(settings.LOGGING)


# Database connections at task boundaries. Celery's Django fixup closes every connection before and after every
# task whatever CONN_MAX_AGE says: a reconnect (and a PostgreSQL backend started) per task. Workers instead do what
# Django does around a request: close a connection only when it is broken or older than its maximum age, and
# health-check it (CONN_HEALTH_CHECKS) before its first use in the next task. Connected here, at import, so these
# run before any other task_prerun receiver touches the database. Eager tasks run inside the caller's connection.


@signals.worker_init.connect
def _keep_database_connections(sender: Any = None, **_: Any) -> None:
    """In the worker's main process, before its pool processes fork (they inherit the setting). Only a worker
    started by `celery worker`: one run inside another process (a test's) leaves that process's settings alone."""
    if not isinstance(sender, Worker):
        return
    for database in settings.DATABASES.values():
        database["CONN_MAX_AGE"] = settings.DATABASE_WORKER_CONN_MAX_AGE
    for fixup in getattr(app, "_fixups", ()):
        if isinstance(fixup, DjangoFixup):
            signals.task_prerun.disconnect(fixup.worker_fixup.on_task_prerun)
            signals.task_postrun.disconnect(fixup.worker_fixup.on_task_postrun)


@signals.worker_init.connect
def _load_the_skills_taxonomy(sender: Any = None, **_: Any) -> None:
    """A worker that parses resumes reads the skills taxonomy (seconds of regular expressions compiled) once, before
    its pool processes fork and share it, rather than in the first parse of each process: a resume someone is waiting
    for must not pay for that."""
    if isinstance(sender, Worker) and QueueName.MEDIUM.value in sender.app.amqp.queues.consume_from:
        load_taxonomy()


@signals.task_prerun.connect
@signals.task_postrun.connect
def _close_old_database_connections(sender: Any = None, **_: Any) -> None:
    if not getattr(getattr(sender, "request", None), "is_eager", False):
        close_old_connections()


def _censor(value: Any, key: str = "") -> Any:
    """Settings whose name says secret (HIDDEN_SETTINGS, as `celery report` hides them) masked, and every URL's
    password masked, at any depth."""
    if value and HIDDEN_SETTINGS.search(key):
        return "********"
    if isinstance(value, str) and "://" in value:
        return maybe_sanitize_url(value)
    if isinstance(value, dict):
        return {name: _censor(item, str(name)) for name, item in value.items()}
    if isinstance(value, list | tuple):
        return [_censor(item) for item in value]
    return value


# Replaces Celery's own `conf` remote-control command, which Flower shows on every worker's Config tab: Celery's
# answer holds every Django setting, and its censoring misses CELERY_BROKER_URL, so the broker password reached
# every Flower visitor. This answer holds only Celery's settings, with hidden ones (keys naming a password, key,
# token, secret...) masked and every URL's password masked.
@inspect_command(alias="dump_conf", signature="[include_defaults=False]", args=[("with_defaults", strtobool)])
def conf(state: Any, with_defaults: bool = False, **kwargs: Any) -> dict[str, Any]:
    table = state.app.conf.table(with_defaults=with_defaults, censored=False)
    celery_only = {
        key: value
        for key, value in table.items()
        if isinstance(key, str) and not key.startswith("__") and (key.islower() or key.startswith("CELERY_"))
    }
    return _censor(jsonify(celery_only, unknown_type_filter=safe_repr))
