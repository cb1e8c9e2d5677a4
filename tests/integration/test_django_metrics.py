"""What Django's /metrics adds to django_prometheus's own: WebSocket connections open now, and applications per
stage and imports in flight counted in the database when Prometheus scrapes, read from the page Prometheus reads."""

from __future__ import annotations

import asyncio

import pytest
from channels.testing import WebsocketCommunicator
from django.core.files.base import ContentFile
from prometheus_client import REGISTRY
from prometheus_client.parser import text_string_to_metric_families
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from applications.models import Application
from candidates.models import Candidate
from config.asgi import application as asgi_application
from ingestion.models import ImportBatch
from jobs.models import JobPosting

pytestmark = pytest.mark.django_db(transaction=True)


def scraped(client: APIClient, settings) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:  # type: ignore[no-untyped-def]
    """Django's /metrics as Prometheus scrapes it, with the bearer token."""
    settings.METRICS_BEARER_TOKEN = "test-metrics-token-0123456789"
    response = client.get("/metrics", HTTP_AUTHORIZATION="Bearer test-metrics-token-0123456789")
    assert response.status_code == 200
    return {
        (sample.name, tuple(sorted(sample.labels.items()))): sample.value
        for family in text_string_to_metric_families(response.content.decode())
        for sample in family.samples
        if sample.name.startswith("recruitment_")
    }


def test_applications_per_stage_and_imports_in_flight_are_counted_on_scrape(organization, settings):
    candidates = [Candidate.objects.create(organization=organization, name=f"Person {n}") for n in range(3)]
    job = JobPosting.objects.create(organization=organization, title="Backend Developer", description="Python")
    for candidate, stage in zip(candidates, ("applied", "applied", "rejected"), strict=True):
        Application.objects.create(candidate=candidate, job=job, status=stage)
    for state in ("processing", "done"):
        ImportBatch.objects.create(
            organization=organization, archive_name="batch.zip", state=state, archive=ContentFile(b"", "batch.zip")
        )

    samples = scraped(APIClient(), settings)

    stages = {
        dict(labels)["stage"]: count for (name, labels), count in samples.items() if name == "recruitment_applications"
    }
    assert stages == {"applied": 2, "screening": 0, "shortlisted": 0, "interviewing": 0, "offered": 0, "hired": 0,
                      "rejected": 1, "withdrawn": 0}  # fmt: skip
    in_flight = {
        dict(labels)["state"]: count
        for (name, labels), count in samples.items()
        if name == "recruitment_imports_in_flight"
    }
    assert in_flight == {"queued": 0, "expanding": 0, "processing": 1}, "a finished import is no longer in flight"
    assert organization.name not in str(samples)


def test_open_task_websockets_are_counted_until_they_close(recruiter):
    token = Token.objects.create(user=recruiter).key
    ticket = APIClient().post("/api/ws-tickets/", HTTP_AUTHORIZATION=f"Token {token}").json()["ticket"]

    def open_now() -> float:
        return REGISTRY.get_sample_value("recruitment_websocket_connections") or 0.0

    async def scenario() -> list[float]:
        before = open_now()
        communicator = WebsocketCommunicator(asgi_application, f"/ws/tasks/?ticket={ticket}", [(b"host", b"localhost")])
        connected, _ = await communicator.connect(timeout=5)
        assert connected
        assert (await communicator.receive_json_from(timeout=5))["type"] == "connection"
        during = open_now()
        await communicator.disconnect()
        return [during - before, open_now() - before]

    assert asyncio.run(scenario()) == [1, 0]


def test_a_refused_websocket_is_not_counted():
    async def scenario() -> tuple[bool, float]:
        before = REGISTRY.get_sample_value("recruitment_websocket_connections") or 0.0
        communicator = WebsocketCommunicator(asgi_application, "/ws/tasks/", [(b"host", b"localhost")])
        connected, _ = await communicator.connect(timeout=5)
        after = REGISTRY.get_sample_value("recruitment_websocket_connections") or 0.0
        await communicator.disconnect()
        return connected, after - before

    assert asyncio.run(scenario()) == (False, 0)
