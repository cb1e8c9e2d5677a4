"""The WebSocket authorization matrix: every route of `config.routing.websocket_urlpatterns`, for every role,
through the real ASGI application and Redis channel layer, signed in with the browser's session cookie.

A route without an entry in WS fails, naming itself. An accepted socket must then carry only its organization's
events: a task of organization A announced on the organization stream reaches A's members and not B's.
"""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from channels.db import database_sync_to_async
from channels.testing import WebsocketCommunicator
from django.conf import settings
from django.urls import URLPattern, URLResolver

from security.matrix_support import FAST_HASHERS, ROLE_ORGANIZATION, ROLES, World, build_world, expectation

# The consumers read the database from other threads: committed data, each test starting empty.
pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("matrix_settings")]

OPEN = "accepted"
# Columns: anonymous, recruiter_a, recruiter_b, org_admin_a, operator, platform_admin, staff_no_org.
# The task route names organization A's task. Close codes: 4401 not signed in, 4403 not theirs.
WS = {
    "ws/tasks/": (4401, OPEN, OPEN, OPEN, 4403, 4403, 4403),  # the user's organization's stream: needs one
    "ws/tasks/<str:task_id>/": (4401, OPEN, 4403, OPEN, 4403, OPEN, 4403),
    # A's application's conversation: its organization's recruiters (and its candidate, in tests/integration).
    "ws/chat/<int:application_id>/": (4401, OPEN, 4403, OPEN, 4403, 4403, 4403),
    "": (4404,) * 7,  # any other path: not found, for everyone, never a server error
}
# The path each route is tried with; the catch-all takes a path no other route has.
UNKNOWN_PATH = "/ws/no-such-stream/"


def websocket_routes(patterns: list[Any] | None = None, prefix: str = "") -> list[str]:
    from config.routing import websocket_urlpatterns

    routes = []
    for pattern in websocket_urlpatterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            routes += websocket_routes(pattern.url_patterns, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            routes.append(prefix + str(pattern.pattern))
    return routes


CELLS = [(route, role) for route in websocket_routes() for role in ROLES]


@pytest.fixture
def socket_world(settings) -> World:  # type: ignore[no-untyped-def]
    from applications.models import Application
    from candidates.models import Candidate
    from jobs.models import JobPosting
    from realtime.models import TaskRecord

    settings.PASSWORD_HASHERS = FAST_HASHERS
    settings.MESSAGE_UNREAD_EMAIL_DELAY_SECONDS = 0  # no reminder published to the broker
    world = build_world(rows=False)
    for key, organization in world.orgs.items():
        candidate = Candidate.objects.create(organization=organization, name=f"Candidate of {key}")
        job = JobPosting.objects.create(organization=organization, title=f"Job of {key}", description="Go")
        world.rows[key] = {
            "task": TaskRecord.objects.create(
                task_id=f"socket-task-of-{key.lower()}", kind=TaskRecord.Kind.PARSE_RESUME, organization=organization
            ),
            "application": Application.objects.create(candidate=candidate, job=job),
        }
    return world


def _announce(world: World, route: str) -> None:
    """Something happens to A's row: its task starts, or its candidate writes."""
    from messaging.models import Side
    from messaging.services import message_send
    from realtime.models import TaskRecord
    from realtime.services import task_mark

    if "<int:application_id>" in route:
        message_send(application=world.a("application"), sender=None, side=Side.CANDIDATE, body="Matrix hello")
    else:
        task_mark(world.a("task").task_id, TaskRecord.State.STARTED)


def _session_headers(world: World, role: str) -> list[tuple[bytes, bytes]]:
    headers = [(b"host", b"localhost"), (b"origin", b"http://localhost")]
    client = world.client_for(role)
    if role != "anonymous":
        headers.append(
            (b"cookie", f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}".encode())
        )
    return headers


async def _scenario(
    world: World, role: str, route: str, path: str, headers: list[tuple[bytes, bytes]]
) -> tuple[Any, list[dict]]:
    from config.asgi import application

    communicator = WebsocketCommunicator(application, path, headers=headers)
    connected, code = await communicator.connect(timeout=5)
    if not connected:
        await communicator.disconnect()
        return code, []
    received = [await communicator.receive_json_from(timeout=5)]
    await database_sync_to_async(_announce)(world, route)
    if await communicator.receive_nothing(timeout=1):
        received.append({})
    else:
        received.append(await communicator.receive_json_from(timeout=5))
    await communicator.disconnect()
    return OPEN, received


@pytest.mark.parametrize(("route", "role"), CELLS, ids=[f"{route}|{role}" for route, role in CELLS])
def test_websocket_route(socket_world: World, route: str, role: str) -> None:
    if route not in WS:
        pytest.fail(f"WebSocket route {route} has no entry in WS: add its expected outcome for every role")
    expected = expectation(WS[route], role)
    path = "/" + route.replace("<str:task_id>", socket_world.a("task").task_id) if route else UNKNOWN_PATH
    path = path.replace("<int:application_id>", str(socket_world.a("application").pk))

    outcome, messages = asyncio.run(_scenario(socket_world, role, route, path, _session_headers(socket_world, role)))

    assert outcome == expected, f"{role} on {route}: {outcome}, expected {expected}"
    if outcome != OPEN:
        return
    snapshot, announced = messages
    assert snapshot["type"] == "connection"
    if "<int:application_id>" in route:
        assert (snapshot["application_id"], snapshot["side"], snapshot["unread"]) == (
            socket_world.a("application").pk,
            "recruiter",
            0,
        )
        assert announced["type"] == "chat.message"
        assert (announced["message"]["body"], announced["message"]["sender_side"]) == ("Matrix hello", "candidate")
    elif "<str:task_id>" in route:
        assert snapshot["task_id"] == socket_world.a("task").task_id
        assert announced.get("task_id") == socket_world.a("task").task_id
    else:
        own = ROLE_ORGANIZATION[role]
        assert snapshot["organization_id"] == socket_world.orgs[own].pk
        # A's task event reaches A's members only.
        assert bool(announced) is (own == "A"), f"{role} (organization {own}) got {announced}"
        if announced:
            assert announced["task_id"] == socket_world.a("task").task_id


def test_every_websocket_route_has_an_entry_and_no_entry_is_stale() -> None:
    routes = set(websocket_routes())
    assert not routes - set(WS), f"WebSocket routes without an expected outcome: {sorted(routes - set(WS))}"
    assert not set(WS) - routes, f"entries for WebSocket routes that no longer exist: {sorted(set(WS) - routes)}"
