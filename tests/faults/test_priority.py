"""Urgent work is not stuck behind a backlog: with 2,000 low-priority tasks queued, a high-priority task starts
long before the backlog drains. Measured three ways, on the private RabbitMQ with real `celery worker`s:

- topology: the platform's layout (supervisord.conf): quick queues and slow queues in separate workers;
- shared worker: one worker consuming both the low and the high queue, one task at a time;
- x-max-priority: one worker, one queue; the urgent message is queued behind the backlog with priority 10.

Each prints how long the urgent task waited and how many low tasks were still queued when it started.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import pytest
from fixtures.private_services import celery_worker, wait_for_worker, wait_until

from config.celery import app
from config.queues import PRIORITY, QueueName
from faults.fault_tasks import RECORD_TASK
from faults.support import fetch, publish_records, scalar

pytestmark = pytest.mark.faults

BACKLOG = 2000
HOLD_SECONDS = 0.02  # each low task: a backlog of 2,000 takes well over a minute to drain on one process
URGENT_KEY = "urgent"


@dataclass(frozen=True)
class Wait:
    seconds: float
    low_started_before: int  # low tasks started after RabbitMQ confirmed the urgent task, before it started
    low_still_queued: int


def low_started(database_url: str) -> int:
    return int(scalar(database_url, "SELECT count(*) FROM fault_run WHERE key LIKE 'low-%%'"))


def measure_urgent_wait(services, *, queue: str, priority: int) -> Wait:  # type: ignore[no-untyped-def]
    """Queue the backlog, let the workers get going, then queue the urgent task and time it to its start."""
    publish_records(
        services.broker_url,
        [f"low-{n:04d}" for n in range(BACKLOG)],
        queue=QueueName.LOW.value,
        priority=PRIORITY[QueueName.LOW],
        hold_seconds=HOLD_SECONDS,
    )
    wait_until(lambda: low_started(services.database_url) >= 20, 60, "the backlog to be worked on")
    with app.connection_for_write(services.broker_url) as connection:
        producer = app.amqp.Producer(connection, auto_declare=False)
        connection.ensure_connection()
        published_at = time.time()
        app.send_task(
            RECORD_TASK, args=(URGENT_KEY, 0.0), queue=queue, priority=priority, producer=producer, ignore_result=True
        )
        confirmed_at = time.time()  # RabbitMQ has the message (publisher confirm)
    urgent_started = wait_until(
        lambda: fetch(services.database_url, "SELECT started_at FROM fault_run WHERE key = %s", (URGENT_KEY,)),
        60,
        "the urgent task to start",
        interval=0.05,
    )[0][0]

    def low_started_before(moment: float) -> int:
        sql = "SELECT count(*) FROM fault_run WHERE key LIKE 'low-%%' AND started_at < %s"
        return int(scalar(services.database_url, sql, (moment,)))

    low_before_urgent = low_started_before(urgent_started)
    return Wait(
        seconds=urgent_started - published_at,
        low_started_before=low_before_urgent - low_started_before(confirmed_at),
        low_still_queued=BACKLOG - low_before_urgent,
    )


def report(layout: str, wait: Wait) -> None:
    print(
        f"\n{layout}: urgent task started {wait.seconds * 1000:.0f} ms after it was queued; "
        f"{wait.low_started_before} low task(s) started after it was queued, before it; "
        f"{wait.low_still_queued} of {BACKLOG} low tasks still queued"
    )


def test_topology_separate_workers_for_quick_and_slow_queues(services, processes, log_dir):
    slow = celery_worker(
        services, log_dir, queues=[QueueName.MEDIUM.value, QueueName.LOW.value], concurrency=2, name="slow"
    )
    fast = celery_worker(services, log_dir, queues=[QueueName.HIGH.value, QueueName.EMBEDDINGS.value], name="fast")
    for worker in (slow, fast):
        processes.append(worker.start())
    for worker in (slow, fast):
        wait_for_worker(worker)

    wait = measure_urgent_wait(services, queue=QueueName.HIGH.value, priority=PRIORITY[QueueName.HIGH])
    report("topology (fast worker for high_priority)", wait)

    assert wait.seconds < 5
    assert wait.low_still_queued > BACKLOG // 2


def test_one_worker_consuming_the_low_and_the_high_queue(services, processes, log_dir):
    """One process, both queues: the urgent task waits for the low task running now, not for the backlog
    (prefetch one, so the worker holds no other low task it would have to run first)."""
    worker = celery_worker(services, log_dir, queues=[QueueName.LOW.value, QueueName.HIGH.value], name="shared")
    processes.append(worker.start())
    wait_for_worker(worker)

    wait = measure_urgent_wait(services, queue=QueueName.HIGH.value, priority=PRIORITY[QueueName.HIGH])
    report("one worker on low_priority + high_priority", wait)

    assert wait.seconds < 5
    # The low task running and the one the worker had already taken (one per queue it consumes) go first.
    assert wait.low_started_before <= 5
    assert wait.low_still_queued > BACKLOG // 2


def test_max_priority_message_overtakes_the_backlog_in_its_queue(services, processes, log_dir):
    """The same queue, x-max-priority: RabbitMQ delivers the priority-10 message before 1,900-odd priority-1
    messages that were queued first."""
    worker = celery_worker(services, log_dir, queues=[QueueName.LOW.value], name="single")
    processes.append(worker.start())
    wait_for_worker(worker)

    wait = measure_urgent_wait(services, queue=QueueName.LOW.value, priority=PRIORITY[QueueName.HIGH])
    report("one queue, x-max-priority (priority 10 behind priority 1)", wait)

    assert wait.seconds < 5
    assert wait.low_started_before <= 3
    assert wait.low_still_queued > BACKLOG // 2
    urgent = fetch(services.database_url, "SELECT queue, priority FROM fault_run WHERE key = %s", (URGENT_KEY,))
    assert urgent == [(QueueName.LOW.value, PRIORITY[QueueName.HIGH])]
