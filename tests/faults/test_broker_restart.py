"""RabbitMQ restarts with work queued: nothing is lost and nothing is done twice.

What makes it pass is the platform's own broker setup, used as is: durable queues, persistent messages and
publisher confirms (a message is on disk before the publisher is told it was queued). The control messages show
what happens without persistence: RabbitMQ drops them on restart.
"""

from __future__ import annotations

import time

import pytest
from fixtures.private_services import celery_worker, wait_for_worker, wait_until
from kombu import Exchange, Queue

from config.celery import app
from config.queues import QueueName
from faults.support import publish_records, scalar

pytestmark = pytest.mark.faults

TASKS = 1000
CONTROL_QUEUE = "fault_control"


def effect_count(database_url: str) -> int:
    return int(scalar(database_url, "SELECT count(*) FROM fault_effect"))


def run_count(database_url: str) -> int:
    return int(scalar(database_url, "SELECT count(*) FROM fault_run"))


def publish_control_messages(broker_url: str, count: int) -> None:
    """`count` persistent and `count` transient messages in one durable queue nobody consumes."""
    queue = Queue(CONTROL_QUEUE, Exchange(CONTROL_QUEUE, type="direct", durable=True), CONTROL_QUEUE, durable=True)
    with app.connection_for_write(broker_url) as connection:
        producer = connection.Producer()
        for number in range(count):
            for delivery_mode in (2, 1):
                producer.publish(
                    {"n": number},
                    exchange=queue.exchange,
                    routing_key=CONTROL_QUEUE,
                    declare=[queue],
                    delivery_mode=delivery_mode,
                )


def test_publisher_uses_confirms_and_persistent_messages(services):
    with app.connection_for_write(services.broker_url) as connection:
        connection.ensure_connection()
        assert connection.transport_options["confirm_publish"] is True
        assert connection.connection.confirm_publish is True  # the AMQP channel waits for each basic.ack
    assert app.conf.task_default_delivery_mode in ("persistent", 2)


def test_restart_with_a_thousand_tasks_queued_loses_none_and_doubles_none(
    services, private_rabbitmq, processes, log_dir
):
    keys = [f"restart-{n:04d}" for n in range(TASKS)]
    started = time.monotonic()
    publish_records(services.broker_url, keys, queue=QueueName.LOW.value)
    published_in = time.monotonic() - started
    publish_control_messages(services.broker_url, 50)
    assert private_rabbitmq.queue_counts()[QueueName.LOW.value] == (TASKS, 0)

    # A crash, not a polite shutdown: whatever was confirmed must already be on disk.
    private_rabbitmq.kill()
    private_rabbitmq.start()

    counts = private_rabbitmq.queue_counts()
    assert counts[QueueName.LOW.value] == (TASKS, 0)
    assert counts[CONTROL_QUEUE] == (50, 0)  # the 50 transient messages are gone, the 50 persistent ones are not
    worker = celery_worker(services, log_dir, queues=[QueueName.LOW.value], concurrency=2, name="restart")
    processes.append(worker.start())
    wait_for_worker(worker)
    drain_started = time.monotonic()
    wait_until(lambda: effect_count(services.database_url) == TASKS, 180, f"{TASKS} effects")
    drained_in = time.monotonic() - drain_started
    time.sleep(1)  # anything delivered twice would show up now

    assert effect_count(services.database_url) == TASKS
    assert run_count(services.database_url) == TASKS  # each ran once: nothing was redelivered
    assert private_rabbitmq.queue_counts()[QueueName.LOW.value] == (0, 0)
    print(
        f"\n{TASKS} tasks published (with confirms) in {published_in:.1f}s; "
        f"drained after the restart in {drained_in:.1f}s"
    )


@pytest.mark.parametrize("how", ["restart", "crash"])
def test_broker_going_away_while_a_worker_drains_the_backlog_loses_nothing(
    services, private_rabbitmq, processes, log_dir, how
):
    """The broker goes away under a busy worker, which reconnects when it returns. Messages the worker held
    unacknowledged come back (at-least-once). After a crash, RabbitMQ may also deliver again messages whose
    acknowledgement it had not yet written to disk: the task is idempotent, so its effect is still one per key."""
    concurrency, tasks = 2, 400
    keys = [f"{how}-{n:04d}" for n in range(tasks)]
    publish_records(services.broker_url, keys, queue=QueueName.LOW.value, hold_seconds=0.01)
    worker = celery_worker(services, log_dir, queues=[QueueName.LOW.value], concurrency=concurrency, name=how)
    processes.append(worker.start())
    wait_for_worker(worker)
    wait_until(lambda: effect_count(services.database_url) >= 100, 120, "100 effects before the broker goes away")

    if how == "crash":
        private_rabbitmq.kill()
    else:
        private_rabbitmq.stop()
    done_before = effect_count(services.database_url)
    time.sleep(3)
    private_rabbitmq.start()
    back = time.monotonic()
    wait_until(lambda: effect_count(services.database_url) == tasks, 240, f"{tasks} effects after the {how}")
    drained_in = time.monotonic() - back
    time.sleep(1)

    runs = run_count(services.database_url)
    most_runs_of_a_key = int(
        scalar(services.database_url, "SELECT max(c) FROM (SELECT count(*) c FROM fault_run GROUP BY key) r")
    )
    repeated_not_redelivered = int(
        scalar(
            services.database_url,
            "SELECT count(*) FROM fault_run r WHERE NOT redelivered"
            " AND EXISTS (SELECT 1 FROM fault_run o WHERE o.key = r.key AND o.id < r.id)",
        )
    )
    assert worker.running, "the worker must reconnect, not die"
    assert "Connection to broker lost" in worker.output()
    assert effect_count(services.database_url) == tasks
    assert done_before < tasks, "the backlog drained before the broker went away"
    assert repeated_not_redelivered == 0  # a second run is always a redelivery, never a second message
    assert most_runs_of_a_key <= 2
    if how == "restart":
        # A clean shutdown keeps every acknowledgement: only what was in flight runs again.
        assert runs - tasks <= concurrency, f"{runs - tasks} extra runs"
    else:
        assert runs - tasks <= done_before + concurrency, f"{runs - tasks} extra runs"
    print(
        f"\n{how}: broker went away after {done_before} of {tasks}; back to drained in {drained_in:.1f}s; "
        f"{runs - tasks} task(s) ran again after redelivery"
    )
