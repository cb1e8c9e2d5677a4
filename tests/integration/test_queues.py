"""The queue topology on a real RabbitMQ: four durable priority queues, and every task type on its own."""

from __future__ import annotations

import json

import pytest
from fixtures.rabbitmq import throwaway_vhost

from applications.tasks import analyze_application_task
from config.celery import app
from config.queues import QueueName, declare_all
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


def test_declared_queues_are_exactly_the_four(vhost):
    response = vhost.management.get(f"/api/queues/{vhost.name}")
    names = sorted(queue["name"] for queue in response.json())

    assert names == ["embeddings", "high_priority", "low_priority", "medium_priority"]


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
