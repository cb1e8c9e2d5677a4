"""A candidate's account belongs to an organization, yet its task streams stay closed to them: the organization's
stream and each of its tasks (the portal shows their resume's parse state instead)."""

from __future__ import annotations

import asyncio

import pytest
from channels.testing import WebsocketCommunicator
from rest_framework.test import APIClient

from candidates.self_service import candidate_register
from config.asgi import application
from realtime.models import TaskRecord

pytestmark = pytest.mark.django_db(transaction=True)


def _ticket(user) -> str:  # type: ignore[no-untyped-def]
    client = APIClient()
    client.force_authenticate(user)
    response = client.post("/api/ws-tickets/")
    assert response.status_code == 201
    return str(response.json()["ticket"])


def test_a_candidate_cannot_follow_the_organizations_tasks(organization):
    account = candidate_register(organization=organization, email="ws@example.com", password="ws-password-9").account
    task = TaskRecord.objects.create(task_id="org-task", kind=TaskRecord.Kind.PARSE_RESUME, organization=organization)
    paths = [f"/ws/tasks/?ticket={_ticket(account)}", f"/ws/tasks/{task.task_id}/?ticket={_ticket(account)}"]

    async def scenario() -> list[tuple[bool, int | None]]:
        outcomes = []
        for path in paths:
            communicator = WebsocketCommunicator(application, path, headers=[(b"host", b"localhost")])
            outcomes.append(await communicator.connect(timeout=5))
            await communicator.disconnect()
        return outcomes

    assert asyncio.run(scenario()) == [(False, 4403), (False, 4403)]
