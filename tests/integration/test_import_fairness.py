"""Fair dispatch of bulk-import parses on a real RabbitMQ and PostgreSQL: an import feeds its files a few at a time,
another organization's upload and import go ahead of its backlog, no file is lost, and a feeder that died resumes.

The test plays the worker itself: it takes messages off `medium_priority` in the broker's own order (priority, then
arrival) and runs each task in-process, so the order of dispatch is exactly what RabbitMQ hands out.
"""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Iterator
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from fixtures.rabbitmq import celery_app_on, throwaway_vhost

from accounts.models import Organization
from candidates.models import ResumeVersion
from config.celery import app
from config.queues import BULK_PARSE_PRIORITY, PRIORITY, QueueName, declare_all
from ingestion.feeding import import_feed_sweep
from ingestion.models import ImportBatch, ImportItem
from ingestion.services import import_create, resume_intake, resume_parse
from realtime.models import TaskRecord

pytestmark = pytest.mark.django_db(transaction=True)

CAP = 3
A_FILES = 30


@pytest.fixture
def broker(settings: Any) -> Iterator[Any]:
    settings.IMPORT_PARSE_CONCURRENCY = CAP
    with (
        throwaway_vhost() as virtual_host,
        celery_app_on(app, virtual_host),
        app.connection_for_write() as connection,
    ):
        declare_all(connection)
        yield connection


def resume_text(owner: str, number: int) -> bytes:
    return (
        f"{owner} Person{number:03d}\n{owner.lower()}{number:03d}@example.com\n"
        f"Experience\nAccountant, Ledger {number} LLC, 2016 - 2022\n"
    ).encode()


def archive(owner: str, count: int) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zipped:
        for number in range(count):
            zipped.writestr(f"{owner}/{number:03d}.txt", resume_text(owner, number))
    return SimpleUploadedFile(f"{owner}.zip", buffer.getvalue())


def take(connection: Any) -> tuple[str, list[Any], str, int] | None:
    """The next message of medium_priority as RabbitMQ orders them: (task name, args, task id, priority)."""
    message = connection.default_channel.basic_get(QueueName.MEDIUM.value, no_ack=True)
    if message is None:
        return None
    return message.headers["task"], json.loads(message.body)[0], message.headers["id"], message.properties["priority"]


def run(connection: Any, *, limit: int = 1000) -> list[tuple[str, int, int]]:
    """Run queued medium_priority tasks, each followed by what it queued, until none is left: the parses as
    (organization name, resume id, message priority), in the order they ran."""
    parsed: list[tuple[str, int, int]] = []
    for _ in range(limit):
        message = take(connection)
        if message is None:
            return parsed
        name, args, task_id, priority = message
        app.tasks[name].apply(args=args, task_id=task_id).get()
        if name == "ingestion.tasks.parse_resume_task":
            owner = ResumeVersion.objects.select_related("organization").get(pk=args[0]).organization.name
            parsed.append((owner, args[0], priority))
    raise AssertionError(f"still tasks queued after {limit}")


def counts(batch: ImportBatch) -> tuple[str, int, int]:
    batch.refresh_from_db()
    return batch.state, batch.processed, batch.failed


def test_another_organization_goes_ahead_of_a_backlog_and_no_file_is_lost(broker):
    first, second = Organization.objects.create(name="A"), Organization.objects.create(name="B")
    batch_a = import_create(organization=first, uploaded=archive("A", A_FILES), created_by=None)
    assert run_one(broker) == "ingestion.tasks.import_archive_task"  # A's expansion and its first parses
    waiting = ImportItem.objects.filter(batch=batch_a, status="pending", dispatched_at__isnull=True).count()
    assert waiting == A_FILES - CAP

    single = resume_intake(organization=second, filename="b.txt", data=resume_text("B", 900), kind="txt").resume
    batch_b = import_create(organization=second, uploaded=archive("B", 3), created_by=None)
    order = run(broker)

    assert order[0] == ("B", single.pk, PRIORITY[QueueName.MEDIUM])  # the single upload first
    # B's import waits behind A's parses in flight only, not behind A's backlog of 27 files.
    assert [owner for owner, _, _ in order[: 2 * CAP + 1]] == ["B"] + ["A"] * CAP + ["B"] * 3
    assert {priority for owner, resume, priority in order if resume != single.pk} == {BULK_PARSE_PRIORITY}
    assert counts(batch_b) == ("done", 3, 0)
    # Every one of A's files parsed exactly once.
    a_resumes = [resume for owner, resume, _ in order if owner == "A"]
    assert len(a_resumes) == len(set(a_resumes)) == A_FILES
    assert counts(batch_a) == ("done", A_FILES, 0)
    assert set(ImportItem.objects.filter(batch=batch_a).values_list("status", flat=True)) == {"parsed"}


def run_one(connection: Any) -> str:
    message = take(connection)
    assert message is not None
    name, args, task_id, _ = message
    app.tasks[name].apply(args=args, task_id=task_id).get()
    return name


def test_an_import_whose_feeder_died_resumes(broker):
    organization = Organization.objects.create(name="A")
    batch = import_create(organization=organization, uploaded=archive("A", A_FILES), created_by=None)
    run_one(broker)

    # Each parse runs, and its worker dies before queueing the next file: nothing is left in the queue.
    while (message := take(broker)) is not None:
        resume_parse(resume_id=message[1][0])
        TaskRecord.objects.filter(task_id=message[2]).update(state=TaskRecord.State.SUCCEEDED)
    assert counts(batch) == ("processing", CAP, 0)

    assert import_feed_sweep() == CAP  # the periodic sweep picks the import up where it stopped
    assert import_feed_sweep() == 0  # and does not queue its files twice

    # Those messages are lost as well (the queue purged) and the reaper gave up on their records.
    broker.default_channel.queue_purge(QueueName.MEDIUM.value)
    lost = TaskRecord.objects.filter(kind=TaskRecord.Kind.PARSE_RESUME, state=TaskRecord.State.QUEUED)
    assert lost.count() == CAP
    lost.update(state=TaskRecord.State.FAILED, error="Queued for too long")
    assert import_feed_sweep() == CAP  # never started: the same files are dispatched again

    run(broker)

    assert counts(batch) == ("done", A_FILES, 0)
    assert ImportItem.objects.filter(batch=batch, status="parsed").count() == A_FILES
    assert ResumeVersion.objects.filter(organization=organization, parse_status="parsed").count() == A_FILES


def test_a_parse_that_failed_for_good_fails_its_file_and_frees_its_slot(broker):
    organization = Organization.objects.create(name="A")
    batch = import_create(organization=organization, uploaded=archive("A", CAP + 1), created_by=None)
    run_one(broker)
    broken = take(broker)
    assert broken is not None
    TaskRecord.objects.filter(task_id=broken[2]).update(
        state=TaskRecord.State.FAILED, attempts=6, error="SoftTimeLimitExceeded: parse took too long"
    )

    assert import_feed_sweep() == 1  # the fourth file takes the slot

    run(broker)
    assert counts(batch) == ("done", CAP + 1, 1)
    item = ImportItem.objects.get(batch=batch, resume_id=broken[1][0])
    assert (item.status, item.error) == ("failed", "The parse failed: SoftTimeLimitExceeded: parse took too long")
    assert ResumeVersion.objects.get(pk=broken[1][0]).parse_status == "failed"
