"""Dead letters on a real worker and a real RabbitMQ: a task that fails for good is recorded, parked in the
`dead_letter` queue, and an operator's retry sends it again exactly once."""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import Iterator

import pytest
from celery.contrib.testing.worker import start_worker
from django.db import OperationalError
from fixtures.rabbitmq import VirtualHost, celery_app_on, throwaway_vhost

from accounts.models import Organization
from config.celery import app
from config.queues import DEAD_LETTER_QUEUE, QueueName, declare_all
from config.tasks import MAINTENANCE_LIMITS, task_options
from realtime.dead_letters import dead_letter_retry
from realtime.models import DeadLetter, TaskRecord

pytestmark = pytest.mark.django_db(transaction=True)

RETRIES = 2
CALLS: list[int] = []

# The shared options (autoretry on transient errors, queue, limits), with no wait between attempts.
_options = {
    **task_options(MAINTENANCE_LIMITS, max_retries=RETRIES),
    "retry_backoff": False,
    "default_retry_delay": 0,
}


@app.task(name="tests.flaky_database_task", **_options)
def flaky_database_task(candidate_id: int, *, reason: str) -> None:
    CALLS.append(candidate_id)
    raise OperationalError(f"server closed the connection unexpectedly ({reason})")


@app.task(name="tests.rejected_file_task", **_options)
def rejected_file_task(resume_id: int) -> None:
    CALLS.append(resume_id)
    raise ValueError(f"resume {resume_id} is not a PDF")


@pytest.fixture
def vhost() -> Iterator[VirtualHost]:
    with throwaway_vhost() as virtual_host, celery_app_on(app, virtual_host):
        with app.connection_for_write() as connection:
            declare_all(connection)
        CALLS.clear()
        yield virtual_host


@pytest.fixture
def worker(vhost):  # type: ignore[no-untyped-def]
    # No queue list: a worker consumes every work queue it knows, and must not take the dead letters.
    with start_worker(app, perform_ping_check=False, shutdown_timeout=30) as running:
        yield running


def wait_for_dead_letter(task_id: str, timeout: float = 30) -> DeadLetter:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        letter = DeadLetter.objects.filter(task_id=task_id).first()
        if letter is not None:
            return letter
        time.sleep(0.1)
    pytest.fail(f"no dead letter for {task_id} after {timeout} s")


def drain(queue: str) -> list:  # type: ignore[type-arg]
    """Every message now in the queue, taken off it."""
    messages = []
    with app.connection_for_write() as connection:
        channel = connection.default_channel
        while (message := channel.basic_get(queue, no_ack=True)) is not None:
            messages.append(message)
    return messages


def consumers(queue: str) -> int:
    with app.connection_for_write() as connection:
        return connection.default_channel.queue_declare(queue, passive=True).consumer_count


def test_task_that_exhausts_its_retries_is_recorded_and_parked(worker, vhost):
    organization = Organization.objects.create(name="Acme Talent")
    task_id = uuid.uuid4().hex
    TaskRecord.objects.create(task_id=task_id, kind=TaskRecord.Kind.EMBED_CANDIDATE, organization=organization)

    # Test tasks have no route of their own: sent where maintenance goes, as a periodic task would be.
    flaky_database_task.apply_async(args=(7,), kwargs={"reason": "failover"}, task_id=task_id, queue="low_priority")
    letter = wait_for_dead_letter(task_id)

    assert CALLS == [7, 7, 7]
    assert letter.task_name == "tests.flaky_database_task"
    assert letter.queue == "low_priority"
    assert (letter.args, letter.kwargs) == ([7], {"reason": "failover"})
    assert letter.organization == organization
    assert letter.attempts == RETRIES + 1
    assert letter.error == "OperationalError: server closed the connection unexpectedly (failover)"
    assert "raise OperationalError" in letter.traceback
    assert (letter.retried_at, letter.retry_task_id) == (None, "")
    record = TaskRecord.objects.get(task_id=task_id)
    assert record.state == TaskRecord.State.FAILED
    assert record.error == letter.error
    assert record.attempts == RETRIES + 1

    assert consumers(DEAD_LETTER_QUEUE) == 0, "the running worker leaves the dead letters alone"
    assert consumers("low_priority") == 1
    [message] = drain(DEAD_LETTER_QUEUE)
    assert message.headers["task"] == "tests.flaky_database_task"
    assert message.headers["id"] == task_id
    assert message.headers["retries"] == RETRIES
    assert message.headers["x-original-queue"] == "low_priority"
    assert message.headers["x-attempts"] == RETRIES + 1
    assert message.headers["x-error"] == letter.error
    assert message.properties["delivery_mode"] == 2
    assert json.loads(message.body)[:2] == [[7], {"reason": "failover"}]
    # Nothing is left behind in the work queues.
    assert [drain(queue.value) for queue in QueueName] == [[], [], [], []]


def test_non_retryable_error_is_dead_lettered_at_once(worker, vhost):
    result = rejected_file_task.apply_async(args=(12,))
    letter = wait_for_dead_letter(result.id)

    assert CALLS == [12]
    assert letter.attempts == 1
    assert letter.error == "ValueError: resume 12 is not a PDF"
    assert letter.organization is None  # an untracked task: no record says whose it was
    assert [message.headers["id"] for message in drain(DEAD_LETTER_QUEUE)] == [result.id]


@pytest.fixture
def dead_letter(organization) -> DeadLetter:  # type: ignore[no-untyped-def]
    failed = TaskRecord.objects.create(
        task_id="f" * 32, kind=TaskRecord.Kind.EMBED_CANDIDATE, organization=organization, state="failed"
    )
    return DeadLetter.objects.create(
        task_name="matching.tasks.embed_candidate_task",
        task_id=failed.task_id,
        queue="embeddings",
        args=[41],
        kwargs={},
        organization=organization,
        error="OperationalError: the database restarted",
        attempts=6,
    )


def test_admin_retry_sends_the_task_again_exactly_once(admin_client, vhost, dead_letter):
    url = "/admin/realtime/deadletter/"
    form = {"action": "retry", "_selected_action": [dead_letter.pk]}

    first = admin_client.post(url, form, follow=True)
    dead_letter.refresh_from_db()
    second = admin_client.post(url, form, follow=True)

    assert first.status_code == second.status_code == 200
    assert dead_letter.retried_at is not None
    assert len(dead_letter.retry_task_id) == 32
    [message] = drain("embeddings")
    assert message.headers["task"] == "matching.tasks.embed_candidate_task"
    assert message.headers["id"] == dead_letter.retry_task_id
    assert message.properties["priority"] == 7
    assert json.loads(message.body)[:2] == [[41], {}]
    assert [drain(queue.value) for queue in QueueName if queue != QueueName.EMBEDDINGS] == [[], [], []]
    # The retry is tracked like the original was: same kind, same organization.
    retry = TaskRecord.objects.get(task_id=dead_letter.retry_task_id)
    assert (retry.kind, retry.organization_id) == ("embed_candidate", dead_letter.organization_id)
    assert retry.state == "queued"
    assert [str(m) for m in first.context["messages"]] == [f"Sent 1 task(s) again: {dead_letter.retry_task_id}."]
    assert [str(m) for m in second.context["messages"]] == ["1 had been retried already; nothing sent for them."]


def test_retry_service_is_idempotent(vhost, dead_letter):
    first = dead_letter_retry(dead_letter=dead_letter)
    second = dead_letter_retry(dead_letter=dead_letter)

    assert (first.sent, second.sent) == (True, False)
    assert first.task_id == second.task_id
    assert [message.headers["id"] for message in drain("embeddings")] == [first.task_id]


def test_recruiters_see_only_their_organizations_dead_letters_and_cannot_retry(client, vhost, dead_letter):
    from accounts.services import recruiter_create

    other = Organization.objects.create(name="Other Co")
    DeadLetter.objects.create(
        task_name="ingestion.tasks.parse_resume_task", task_id="o" * 32, queue="medium_priority", args=[1],
        organization=other, error="ValueError: x",
    )  # fmt: skip
    recruiter = recruiter_create(username="rita", password="rita-password-1", organization=dead_letter.organization)
    client.force_login(recruiter)

    response = client.get("/admin/realtime/deadletter/")

    assert response.status_code == 200
    assert [letter.task_id for letter in response.context["cl"].result_list] == [dead_letter.task_id]
    assert response.context["action_form"] is None, "viewing gives no action, retry included"
    client.post("/admin/realtime/deadletter/", {"action": "retry", "_selected_action": [dead_letter.pk]})
    dead_letter.refresh_from_db()
    assert dead_letter.retry_task_id == ""
    assert drain("embeddings") == []


def test_task_run_in_process_is_not_dead_lettered(vhost):
    """An eager run hands the exception to its caller: nothing was lost, so nothing is parked."""
    result = rejected_file_task.apply(args=(3,))

    assert result.failed()
    assert DeadLetter.objects.count() == 0
    assert drain(DEAD_LETTER_QUEUE) == []
