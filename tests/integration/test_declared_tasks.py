"""A task declared anywhere, here in a test module, is routed by its declaration on a real RabbitMQ and its records
show its label in the admin and the API, with no route to add and no migration."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from fixtures.rabbitmq import celery_app_on, throwaway_vhost

from config.celery import app
from config.queues import QueueName, declare_all
from config.task_declarations import TaskDeclarationError, declared_kinds, declared_task
from config.tasks import TimeLimits
from realtime.models import TaskRecord
from realtime.services import task_enqueue

pytestmark = pytest.mark.django_db(transaction=True)

PROBE_KIND = "tests_declared_probe"
PROBE_LABEL = "Probe the declarations"


@declared_task(
    queue=QueueName.LOW,
    limits=TimeLimits(soft=5, hard=10),
    kind=PROBE_KIND,
    label=PROBE_LABEL,
    name="tests.declared_probe_task",
)
def declared_probe_task(number: int) -> int:
    return number


# The labels records of the product's kinds have always shown (stored kinds never change).
PRODUCT_KINDS = {
    "parse_resume": "Parse resume",
    "embed_candidate": "Embed candidate",
    "embed_job": "Embed job",
    "analyze_application": "Analyze application",
    "import_archive": "Import resume archive",
    "rerank_job": "Re-rank a job's candidates",
    "rerank_candidate": "Re-rank a candidate's jobs",
}


@pytest.fixture
def vhost():  # type: ignore[no-untyped-def]
    with throwaway_vhost() as virtual_host, celery_app_on(app, virtual_host):
        with app.connection_for_write() as connection:
            declare_all(connection)
        yield virtual_host


def test_a_new_task_routes_by_its_declaration_and_its_records_show_its_label(
    vhost, organization, recruiter, client, api_client
):
    record = task_enqueue(declared_probe_task, target=organization, organization=organization, args=(4,))

    with app.connection_for_write() as connection:
        found = {queue.value: connection.default_channel.basic_get(queue.value, no_ack=True) for queue in QueueName}
    assert [queue for queue, message in found.items() if message is not None] == [QueueName.LOW.value]
    message = found[QueueName.LOW.value]
    assert (message.headers["task"], message.headers["id"]) == ("tests.declared_probe_task", record.task_id)
    assert message.properties["priority"] == 1

    assert record.kind == PROBE_KIND
    assert str(record).startswith(PROBE_LABEL)
    client.force_login(recruiter)
    listed = client.get(reverse("admin:realtime_taskrecord_changelist"), {"kind": PROBE_KIND}).content.decode()
    assert f'<td class="field-kind_label">{PROBE_LABEL}</td>' in listed
    assert record.task_id in listed
    [answer] = [row for row in api_client.get("/api/tasks/").json()["results"] if row["task_id"] == record.task_id]
    assert (answer["kind"], answer["kind_label"]) == (PROBE_KIND, PROBE_LABEL)


def test_the_new_kind_needs_no_migration():
    assert PROBE_KIND in declared_kinds()
    call_command("makemigrations", "--check", "--dry-run", stdout=StringIO())  # exits non-zero on a change


def test_a_record_takes_only_the_kind_its_task_declares(organization):
    with pytest.raises(TaskDeclarationError):
        task_enqueue(declared_probe_task, kind="parse_resume", target=organization, organization=organization, args=())

    assert not TaskRecord.objects.exists()


def test_the_products_kinds_keep_their_strings_and_labels_and_every_named_kind_is_declared():
    kinds = declared_kinds()

    assert {kind: kinds[kind] for kind in PRODUCT_KINDS} == PRODUCT_KINDS
    assert {kind.value for kind in TaskRecord.Kind} == set(PRODUCT_KINDS)
