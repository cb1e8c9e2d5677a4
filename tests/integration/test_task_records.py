"""What a task run costs its TaskRecord: one UPDATE per state change, progress held back between writes, and
events on the real Redis channel layer in the order they happened."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from channels.layers import get_channel_layer
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.models import Organization
from realtime import services
from realtime.models import TaskRecord
from realtime.services import task_group, task_mark, task_progress

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def progress_held_back(monkeypatch: pytest.MonkeyPatch) -> None:
    # Only moves of PROGRESS_STEP points are written: what is written does not depend on how fast the test runs.
    monkeypatch.setattr(services, "PROGRESS_INTERVAL_SECONDS", 3600.0)


def record_for(organization: Organization, task_id: str) -> TaskRecord:
    target_type = ContentType.objects.get_for_model(Organization)  # and into the content-type cache
    return TaskRecord.objects.create(
        task_id=task_id,
        kind=TaskRecord.Kind.IMPORT_ARCHIVE,
        organization=organization,
        target_type=target_type,
        target_id=organization.pk,
    )


def events(task_id: str, run: Any, count: int) -> list[dict[str, Any]]:
    """The events of `task_id` sent while `run()` runs, as a subscriber to its group receives them."""
    layer = get_channel_layer()

    def run_and_close() -> None:
        try:
            run()
        finally:
            connection.close()  # this thread's own connection

    async def scenario() -> list[dict[str, Any]]:
        channel = await layer.new_channel()
        await layer.group_add(task_group(task_id), channel)
        await asyncio.to_thread(run_and_close)
        received = [(await asyncio.wait_for(layer.receive(channel), 10))["event"] for _ in range(count)]
        await layer.group_discard(task_group(task_id), channel)
        return received

    return asyncio.run(scenario())


def test_a_run_writes_once_per_state_change_and_announces_in_order(organization):
    record = record_for(organization, "records-run")
    queries: dict[str, int] = {}

    def run() -> None:
        with CaptureQueriesContext(connection) as started:
            task_mark(record.task_id, TaskRecord.State.STARTED)
        with CaptureQueriesContext(connection) as held_back:
            for percent in (1, 2, 4):
                task_progress(record.task_id, percent, f"{percent} of 100")
        queries["held_back_progress"] = len(held_back)
        with CaptureQueriesContext(connection) as moved:
            task_progress(record.task_id, 10, "10 of 100")
        task_progress(record.task_id, 12, "12 of 100")
        with CaptureQueriesContext(connection) as succeeded:
            task_mark(record.task_id, TaskRecord.State.SUCCEEDED)
        queries.update(started=len(started), moved=len(moved), succeeded=len(succeeded))
        assert all(query["sql"].startswith("UPDATE") for query in moved.captured_queries + succeeded.captured_queries)

    received = events(record.task_id, run, 3)

    # Starting reads the record once; the rest of the run writes without reading it again.
    assert queries == {"started": 2, "held_back_progress": 0, "moved": 1, "succeeded": 1}
    assert [(event["type"], event["progress"], event["attempts"]) for event in received] == [
        ("started", 0, 1),
        ("progress", 10, 1),
        ("succeeded", 100, 1),
    ]
    assert received[0]["target"] == {"type": "accounts.organization", "id": organization.pk}
    assert received[1]["message"] == "10 of 100"
    record.refresh_from_db()
    assert (record.state, record.progress, record.attempts, record.message) == ("succeeded", 100, 1, "")
    assert record.started_at is not None and record.finished_at is not None
    assert record.updated_at == record.finished_at


def test_progress_held_back_is_kept_when_the_task_fails(organization):
    record = record_for(organization, "records-failed")
    task_mark(record.task_id, TaskRecord.State.STARTED)
    task_progress(record.task_id, 3)
    assert TaskRecord.objects.get(pk=record.pk).progress == 0

    task_mark(record.task_id, TaskRecord.State.FAILED, error="ValueError: bad archive")

    record.refresh_from_db()
    assert (record.state, record.progress, record.error) == ("failed", 3, "ValueError: bad archive")


def test_progress_of_a_task_not_started_here_is_written_at_once(organization):
    record = record_for(organization, "records-elsewhere")

    task_progress(record.task_id, 1, "first file")

    record.refresh_from_db()
    assert (record.state, record.progress, record.message) == ("progress", 1, "first file")


def test_a_record_made_again_under_the_same_task_id_is_read_again(organization):
    old = record_for(organization, "records-again")
    task_mark(old.task_id, TaskRecord.State.STARTED)
    old.delete()
    other = Organization.objects.create(name="Other organization")
    new = record_for(other, "records-again")

    received = events(new.task_id, lambda: task_mark(new.task_id, TaskRecord.State.SUCCEEDED), 1)

    new.refresh_from_db()
    assert new.state == "succeeded"
    assert received[0]["state"] == "succeeded"
    assert received[0]["target"] == {"type": "accounts.organization", "id": other.pk}
