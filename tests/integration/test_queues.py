"""The queue topology on a real RabbitMQ: four durable priority queues, and every task type on its own."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from fixtures.rabbitmq import throwaway_vhost

from applications.tasks import analyze_application_task
from config.celery import app
from config.queues import DEAD_LETTER_QUEUE, PRIORITY, QueueName, declare_all
from config.task_declarations import declarations
from config.tasks import MAX_HARD_TIME_LIMIT, RABBITMQ_CONSUMER_TIMEOUT, RETRY_BACKOFF_MAX, TRANSIENT_ERRORS
from ingestion.tasks import parse_resume_task
from matching.tasks import embed_candidate_task, embed_job_task

# Where every task of the product goes; moving one is a decision, made in its declaration and here.
EXPECTED_QUEUES = {
    "ingestion.tasks.parse_resume_task": QueueName.MEDIUM,
    "ingestion.tasks.import_archive_task": QueueName.MEDIUM,
    "ingestion.tasks.feed_imports_task": QueueName.LOW,
    "applications.tasks.analyze_application_task": QueueName.MEDIUM,
    "matching.tasks.embed_candidate_task": QueueName.EMBEDDINGS,
    "matching.tasks.embed_job_task": QueueName.EMBEDDINGS,
    "matching.tasks.rerank_job_task": QueueName.LOW,
    "matching.tasks.rerank_candidate_task": QueueName.LOW,
    "jobs.tasks.rediscover_candidates_task": QueueName.LOW,
    "realtime.tasks.reap_stale_tasks_task": QueueName.LOW,
    "matching.tasks.refresh_embeddings_task": QueueName.LOW,
    "ingestion.tasks.delete_orphan_resume_files_task": QueueName.LOW,
    "candidates.tasks.delete_expired_candidates_task": QueueName.LOW,
    "notifications.tasks.send_email_notification_task": QueueName.HIGH,
    "notifications.tasks.requeue_lost_notifications_task": QueueName.LOW,
    "messaging.tasks.remind_unread_message_task": QueueName.HIGH,
}
NOT_THE_PRODUCTS = ("celery.", "tests.", "scripts.")
REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def vhost():  # type: ignore[no-untyped-def]
    with throwaway_vhost() as virtual_host:
        with app.connection_for_write(virtual_host.broker_url) as connection:
            declare_all(connection)
        yield virtual_host


@pytest.mark.parametrize("queue", list(QueueName))
def test_queue_is_durable_with_max_priority(vhost, queue):
    info = vhost.queue(queue.value)

    assert info["durable"] is True
    assert info["arguments"] == {"x-max-priority": 10}


def test_declared_queues_are_the_four_work_queues_and_the_dead_letters(vhost):
    response = vhost.management.get(f"/api/queues/{vhost.name}")
    names = sorted(queue["name"] for queue in response.json())

    assert names == ["dead_letter", "embeddings", "high_priority", "low_priority", "medium_priority"]


def test_dead_letter_queue_is_durable_without_arguments(vhost):
    info = vhost.queue(DEAD_LETTER_QUEUE)

    assert info["durable"] is True
    assert info["arguments"] == {}


def test_declaring_again_keeps_existing_queues(vhost):
    """A broker that already ran the platform accepts the topology again (no PRECONDITION_FAILED)."""
    with app.connection_for_write(vhost.broker_url) as connection:
        declare_all(connection)
        declare_all(connection)

    assert vhost.queue("medium_priority")["arguments"] == {"x-max-priority": 10}


def _project_tasks():  # type: ignore[no-untyped-def]
    """Every task of the project, as autodiscovery finds them. Benchmark and test tasks (scripts/, tests/), loaded
    by the tests that run them, are not the product's."""
    app.loader.import_default_modules()
    return {name: task for name, task in app.tasks.items() if not name.startswith(NOT_THE_PRODUCTS)}


def test_every_task_is_declared_and_routed_to_its_queue_with_its_priority():
    tasks = _project_tasks()
    declared = {
        name: declaration for name, declaration in declarations().items() if not name.startswith(NOT_THE_PRODUCTS)
    }

    assert set(tasks) == set(declared) == set(EXPECTED_QUEUES)
    assert {name: declaration.queue for name, declaration in declared.items()} == EXPECTED_QUEUES
    for name, task in tasks.items():
        assert task.declaration == declared[name]
        route = app.amqp.router.route({}, name, (), {}, task)
        assert (route["queue"].name, route["priority"]) == (
            EXPECTED_QUEUES[name].value,
            PRIORITY[EXPECTED_QUEUES[name]],
        )


# A process that only sends tasks, as the web process does: Django set up, and a task sent by name whose module
# it has not imported (a dead letter sent again). Prints the task it sent; exits 3 if start-up imported them all.
SENDER = """
import sys
import django

django.setup()
names = sys.argv[1:]
unimported = [name for name in names if name.rsplit(".", 1)[0] not in sys.modules]
if not unimported:
    sys.exit(3)
from config.celery import app

app.send_task(unimported[0], args=[1], task_id="sent-by-name")
print(unimported[0])
"""


def test_a_process_that_never_imported_a_task_routes_it_by_its_declaration(vhost):
    env = {**os.environ, "PYTHONPATH": f"{REPO}:{REPO / 'django_backend'}", "CELERY_BROKER_URL": vhost.broker_url}
    sender = subprocess.run(
        [sys.executable, "-c", SENDER, *sorted(EXPECTED_QUEUES)],
        cwd=REPO / "django_backend",
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    if sender.returncode == 3:
        pytest.skip("start-up imports every tasks module: no task is sent unimported")
    assert sender.returncode == 0, sender.stderr
    queue = EXPECTED_QUEUES[sender.stdout.split()[-1]]

    with app.connection_for_write(vhost.broker_url) as connection:
        message = connection.default_channel.basic_get(queue.value, no_ack=True)

    assert message is not None
    assert (message.headers["id"], message.properties["priority"]) == ("sent-by-name", PRIORITY[queue])


def test_every_task_retries_transient_errors_with_jittered_backoff_within_limits():
    assert MAX_HARD_TIME_LIMIT + RETRY_BACKOFF_MAX < RABBITMQ_CONSUMER_TIMEOUT
    for name, task in _project_tasks().items():
        assert set(TRANSIENT_ERRORS) <= set(task.autoretry_for), name
        assert (task.retry_backoff, task.retry_backoff_max, task.retry_jitter) == (10, RETRY_BACKOFF_MAX, True), name
        assert task.max_retries >= 5, name
        assert 0 < task.soft_time_limit < task.time_limit <= MAX_HARD_TIME_LIMIT, name


def test_beat_sends_maintenance_to_the_low_priority_queue():
    schedule = app.conf.beat_schedule

    assert {entry["task"] for entry in schedule.values()} == {
        "realtime.tasks.reap_stale_tasks_task",
        "matching.tasks.refresh_embeddings_task",
        "ingestion.tasks.delete_orphan_resume_files_task",
        "candidates.tasks.delete_expired_candidates_task",
        "ingestion.tasks.feed_imports_task",
        "notifications.tasks.requeue_lost_notifications_task",
    }
    for entry in schedule.values():
        assert declarations()[entry["task"]].queue == QueueName.LOW
        assert entry["options"]["expires"] == entry["schedule"]


@pytest.mark.parametrize(
    ("task", "queue", "priority"),
    [
        (parse_resume_task, "medium_priority", 5),
        (analyze_application_task, "medium_priority", 5),
        (embed_candidate_task, "embeddings", 7),
        (embed_job_task, "embeddings", 7),
    ],
)
def test_task_is_published_to_its_queue_with_its_priority(vhost, task, queue, priority):
    with app.connection_for_write(vhost.broker_url) as connection:
        result = task.apply_async(args=(1,), connection=connection)
        channel = connection.default_channel
        found = {}
        for name in QueueName:
            message = channel.basic_get(name.value, no_ack=True)
            if message is not None:
                found[name.value] = message

    assert list(found) == [queue]
    message = found[queue]
    assert message.headers["task"] == task.name
    assert message.headers["id"] == result.id
    assert message.properties["priority"] == priority
    assert message.properties["delivery_mode"] == 2  # persistent
    assert json.loads(message.body)[0] == [1]
