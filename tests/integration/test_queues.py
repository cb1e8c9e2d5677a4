"""The queue topology on a real RabbitMQ: four durable priority queues, and every task type on its own."""

from __future__ import annotations

import importlib
import json

import pytest
from fixtures.rabbitmq import throwaway_vhost

from applications.tasks import analyze_application_task
from config.celery import app
from config.queues import DEAD_LETTER_QUEUE, TASK_QUEUES, QueueName, declare_all
from config.tasks import MAX_HARD_TIME_LIMIT, RABBITMQ_CONSUMER_TIMEOUT, RETRY_BACKOFF_MAX, TRANSIENT_ERRORS
from ingestion.tasks import parse_resume_task
from matching.tasks import embed_candidate_task, embed_job_task


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
    """Every task of the project: the autodiscovered ones and those of any module a route names. Benchmark
    tasks (scripts/), loaded by a test that runs them, route themselves and are not the product's."""
    app.loader.import_default_modules()
    for module in {name.rsplit(".", 1)[0] for name in TASK_QUEUES}:
        importlib.import_module(module)
    return {name: task for name, task in app.tasks.items() if not name.startswith(("celery.", "tests.", "scripts."))}


def test_every_task_states_the_queue_it_is_routed_to():
    tasks = _project_tasks()

    assert set(tasks) == set(TASK_QUEUES)
    assert {name: task.routed_queue for name, task in tasks.items()} == TASK_QUEUES
    assert {name: route["queue"] for name, route in app.conf.task_routes.items()} == {
        name: queue.value for name, queue in TASK_QUEUES.items()
    }


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
        assert TASK_QUEUES[entry["task"]] == QueueName.LOW
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
