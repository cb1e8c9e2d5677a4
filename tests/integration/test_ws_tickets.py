"""WebSocket authentication without a token in the URL (single-use tickets in the real Redis cache) and the cap on
open connections per user (counted in Redis, shared by every server process)."""

from __future__ import annotations

import asyncio
import time

import pytest
from asgiref.sync import sync_to_async
from channels.testing import WebsocketCommunicator
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from config.asgi import application
from realtime import connection_limits
from realtime.models import TaskRecord

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def token(recruiter) -> str:  # type: ignore[no-untyped-def]
    return Token.objects.create(user=recruiter).key


@pytest.fixture
def no_open_connections(recruiter):  # type: ignore[no-untyped-def]
    """User ids repeat between runs on the same Redis: start from no slots taken."""
    connection_limits._client().delete(connection_limits._key(recruiter.pk))
    yield
    connection_limits._client().delete(connection_limits._key(recruiter.pk))


def ticket_with(token: str) -> str:
    response = APIClient().post("/api/ws-tickets/", HTTP_AUTHORIZATION=f"Token {token}")
    assert response.status_code == 201, response.content
    return response.json()["ticket"]


ticket_async = sync_to_async(ticket_with)


async def open_socket(path: str) -> tuple[WebsocketCommunicator, bool, int | None]:
    communicator = WebsocketCommunicator(application, path, headers=[(b"host", b"localhost")])
    connected, code = await communicator.connect(timeout=5)
    return communicator, connected, code


async def open_and_close(path: str) -> tuple[bool, int | None]:
    communicator, connected, code = await open_socket(path)
    await communicator.disconnect()
    return connected, code


def test_a_ticket_needs_an_authenticated_caller(recruiter):
    anonymous = APIClient().post("/api/ws-tickets/")
    jwt = APIClient().post("/api/auth/jwt/", {"username": "rita", "password": "rita-password-1"}).json()["access"]
    with_jwt = APIClient().post("/api/ws-tickets/", HTTP_AUTHORIZATION=f"Bearer {jwt}")
    session = APIClient()
    session.login(username="rita", password="rita-password-1")
    with_session = session.post("/api/ws-tickets/")

    assert (anonymous.status_code, anonymous.json()["code"]) == (401, "not_authenticated")
    assert with_jwt.status_code == 201
    assert with_jwt.json()["expires_in"] == 30
    assert len(with_jwt.json()["ticket"]) == 43
    assert with_session.status_code == 201


def test_a_ticket_opens_one_socket_once(token, no_open_connections):
    ticket = ticket_with(token)

    async def scenario() -> tuple[dict, tuple[bool, int | None]]:
        communicator, connected, _ = await open_socket(f"/ws/tasks/?ticket={ticket}")
        assert connected
        first = await communicator.receive_json_from(timeout=5)
        again = await open_and_close(f"/ws/tasks/?ticket={ticket}")
        await communicator.disconnect()
        return first, again

    first, again = asyncio.run(scenario())

    assert first["type"] == "connection"
    assert again == (False, 4401)


def test_an_expired_ticket_is_refused(token, settings, no_open_connections):
    settings.WS_TICKET_TTL_SECONDS = 1
    ticket = ticket_with(token)
    time.sleep(1.5)

    assert asyncio.run(open_and_close(f"/ws/tasks/?ticket={ticket}")) == (False, 4401)


@pytest.mark.parametrize("path", ["/ws/tasks/?token={token}", "/ws/tasks/a1b2c3/?token={token}"])
def test_a_token_in_the_url_is_refused(token, organization, path):
    TaskRecord.objects.create(task_id="a1b2c3", kind=TaskRecord.Kind.PARSE_RESUME, organization=organization)

    assert asyncio.run(open_and_close(path.format(token=token))) == (False, 4400)


def test_connections_per_user_are_capped(token, recruiter, settings, no_open_connections):
    settings.WS_MAX_CONNECTIONS_PER_USER = 2

    async def scenario() -> tuple[list[bool], int, dict, int, bool]:
        sockets = []
        for _ in range(2):
            communicator, connected, _ = await open_socket(f"/ws/tasks/?ticket={await ticket_async(token)}")
            sockets.append((communicator, connected))
        open_now = connection_limits.open_connections(recruiter.pk)
        third, accepted, _ = await open_socket(f"/ws/tasks/?ticket={await ticket_async(token)}")
        refusal = await third.receive_output(timeout=5)
        # Closing one socket frees its slot at once.
        await sockets[0][0].disconnect()
        fourth, reopened, _ = await open_socket(f"/ws/tasks/?ticket={await ticket_async(token)}")
        await fourth.disconnect()
        await sockets[1][0].disconnect()
        return [connected for _, connected in sockets], open_now, refusal, int(accepted), reopened

    connected, open_now, refusal, accepted, reopened = asyncio.run(scenario())

    assert connected == [True, True]
    assert open_now == 2
    # Accepted, then closed with the documented code, so a client behind the gateway sees why.
    assert (accepted, refusal) == (1, {"type": "websocket.close", "code": 4429})
    assert reopened is True
    assert connection_limits.open_connections(recruiter.pk) == 0


def test_slots_of_a_crashed_process_free_themselves(token, recruiter, settings, no_open_connections):
    """Slots taken by sockets whose process died stop counting one TTL later; a live socket keeps its slot."""
    settings.WS_MAX_CONNECTIONS_PER_USER = 2
    settings.WS_CONNECTION_COUNT_TTL_SECONDS = 1.5
    assert connection_limits._acquire(recruiter.pk, "dead-process-socket-1")
    assert connection_limits._acquire(recruiter.pk, "dead-process-socket-2")
    assert not connection_limits._acquire(recruiter.pk, "one-too-many")

    async def scenario() -> tuple[bool, int]:
        await asyncio.sleep(1.6)
        communicator, connected, _ = await open_socket(f"/ws/tasks/?ticket={await ticket_async(token)}")
        await asyncio.sleep(2)  # longer than the TTL: only the live socket's renewals keep it counted
        still_counted = connection_limits.open_connections(recruiter.pk)
        await communicator.disconnect()
        return connected, still_counted

    assert asyncio.run(scenario()) == (True, 1)
