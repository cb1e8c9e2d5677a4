"""Task WebSockets on the real Redis channel layer: authentication, organization isolation, live events."""

from __future__ import annotations

import asyncio

import pytest
from asgiref.sync import sync_to_async
from channels.testing import WebsocketCommunicator
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from accounts.models import Organization
from accounts.services import recruiter_create
from config.asgi import application
from realtime.models import TaskRecord
from realtime.services import task_mark

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def queued_task(organization) -> TaskRecord:  # type: ignore[no-untyped-def]
    return TaskRecord.objects.create(task_id="a1b2c3", kind=TaskRecord.Kind.PARSE_RESUME, organization=organization)


def ticket_for(user) -> str:  # type: ignore[no-untyped-def]
    """A WebSocket ticket, asked for with the user's API token as a service client would."""
    token = Token.objects.create(user=user).key
    response = APIClient().post("/api/ws-tickets/", HTTP_AUTHORIZATION=f"Token {token}")
    assert response.status_code == 201
    return response.json()["ticket"]


async def open_socket(path: str) -> tuple[WebsocketCommunicator, bool, int | None]:
    communicator = WebsocketCommunicator(application, path, headers=[(b"host", b"localhost")])
    connected, code = await communicator.connect(timeout=5)
    return communicator, connected, code


def test_subscriber_gets_snapshot_then_live_events(recruiter, queued_task):
    ticket = ticket_for(recruiter)

    async def scenario() -> list[dict]:
        communicator, connected, _ = await open_socket(f"/ws/tasks/{queued_task.task_id}/?ticket={ticket}")
        assert connected
        received = [await communicator.receive_json_from(timeout=5) for _ in range(2)]
        await sync_to_async(task_mark)(queued_task.task_id, TaskRecord.State.STARTED)
        await sync_to_async(task_mark)(queued_task.task_id, TaskRecord.State.SUCCEEDED)
        received += [await communicator.receive_json_from(timeout=5) for _ in range(2)]
        await communicator.disconnect()
        return received

    messages = asyncio.run(scenario())

    assert [(m["type"], m["replayed"]) for m in messages] == [
        ("connection", False),
        ("queued", True),
        ("started", False),
        ("succeeded", False),
    ]
    assert messages[-1]["progress"] == 100
    assert messages[-1]["kind"] == "parse_resume"


def test_failed_task_carries_its_error(recruiter, queued_task):
    ticket = ticket_for(recruiter)

    async def scenario() -> dict:
        communicator, connected, _ = await open_socket(f"/ws/tasks/?ticket={ticket}")
        assert connected
        assert (await communicator.receive_json_from(timeout=5))["type"] == "connection"
        await sync_to_async(task_mark)(queued_task.task_id, TaskRecord.State.FAILED, error="ValueError: bad PDF")
        message = await communicator.receive_json_from(timeout=5)
        await communicator.disconnect()
        return message

    message = asyncio.run(scenario())

    assert (message["type"], message["error"], message["task_id"]) == ("failed", "ValueError: bad PDF", "a1b2c3")


def test_another_organizations_task_is_refused(queued_task):
    outsider = recruiter_create(
        username="oscar", password="oscar-password-1", organization=Organization.objects.create(name="Other Co")
    )
    ticket = ticket_for(outsider)

    async def scenario() -> tuple[bool, int | None]:
        communicator, connected, code = await open_socket(f"/ws/tasks/{queued_task.task_id}/?ticket={ticket}")
        await communicator.disconnect()
        return connected, code

    assert asyncio.run(scenario()) == (False, 4403)


@pytest.mark.parametrize(
    ("path", "code"), [("/ws/tasks/a1b2c3/?ticket=wrong", 4401), ("/ws/tasks/?ticket=" + "x" * 43, 4401)]
)
def test_bad_ticket_is_refused(queued_task, path, code):
    async def scenario() -> tuple[bool, int | None]:
        communicator, connected, close_code = await open_socket(path)
        await communicator.disconnect()
        return connected, close_code

    assert asyncio.run(scenario()) == (False, code)


def test_unknown_task_is_refused(recruiter):
    ticket = ticket_for(recruiter)

    async def scenario() -> tuple[bool, int | None]:
        communicator, connected, code = await open_socket(f"/ws/tasks/nope/?ticket={ticket}")
        await communicator.disconnect()
        return connected, code

    assert asyncio.run(scenario()) == (False, 4404)


def test_session_socket_without_allowed_origin_is_refused(recruiter, queued_task):
    async def scenario() -> bool:
        communicator = WebsocketCommunicator(
            application, f"/ws/tasks/{queued_task.task_id}/", headers=[(b"origin", b"http://evil.example")]
        )
        connected, _ = await communicator.connect(timeout=5)
        await communicator.disconnect()
        return connected

    assert asyncio.run(scenario()) is False
