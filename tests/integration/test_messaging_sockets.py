"""The live conversation of an application (`ws/chat/<application_id>/`) through the real ASGI application and the
Redis channel layer: both sides receive each message and read receipt; another candidate, another organization's
recruiter and unknown applications are refused with the task streams' close codes."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from asgiref.sync import sync_to_async
from channels.testing import WebsocketCommunicator
from rest_framework.test import APIClient

from accounts.models import Organization, User
from accounts.services import recruiter_create
from applications.models import Application
from candidates.models import Candidate
from config.asgi import application as asgi_application
from jobs.models import JobPosting
from realtime import connection_limits

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def people(organization, recruiter, settings) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    settings.MESSAGE_UNREAD_EMAIL_DELAY_SECONDS = 0  # no reminder published to the broker
    job = JobPosting.objects.create(organization=organization, title="Backend developer", description="Python")
    users = {"recruiter": recruiter}
    applications = {}
    for name in ("maria", "nils"):
        users[name] = User.objects.create_user(
            username=name, password=f"{name}-password-1", role=User.Role.CANDIDATE, organization=organization
        )
        candidate = Candidate.objects.create(organization=organization, name=name.title(), account=users[name])
        applications[name] = Application.objects.create(candidate=candidate, job=job)
    users["outsider"] = recruiter_create(
        username="otto", password="otto-password-1", organization=Organization.objects.create(name="Other Co")
    )
    for user in users.values():  # user ids repeat between runs on the same Redis: no slots taken
        connection_limits._client().delete(connection_limits._key(user.pk))
    return {"users": users, "application": applications["maria"]}


def _api(user: User) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


def _ticket(user: User) -> str:
    response = _api(user).post("/api/ws-tickets/")
    assert response.status_code == 201, response.content
    return str(response.json()["ticket"])


def _post(user: User, path: str, body: dict[str, Any] | None = None) -> Any:
    response = _api(user).post(path, body or {}, format="json")
    assert response.status_code in (200, 201), response.content
    return response.json()


async def _open(user: User, application_id: int) -> tuple[WebsocketCommunicator, bool, Any]:
    ticket = await sync_to_async(_ticket)(user)
    path = f"/ws/chat/{application_id}/?ticket={ticket}"
    communicator = WebsocketCommunicator(asgi_application, path, headers=[(b"host", b"localhost")])
    connected, code = await communicator.connect(timeout=5)
    return communicator, connected, code


def test_both_sides_receive_each_message_and_read_receipt_live(people) -> None:
    users, application = people["users"], people["application"]
    messages_url = f"/api/applications/{application.pk}/messages/"

    async def scenario() -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        recruiter, recruiter_ok, _ = await _open(users["recruiter"], application.pk)
        candidate, candidate_ok, _ = await _open(users["maria"], application.pk)
        assert recruiter_ok and candidate_ok
        seen_by_recruiter = [await recruiter.receive_json_from(timeout=5)]
        seen_by_candidate = [await candidate.receive_json_from(timeout=5)]
        await sync_to_async(_post)(users["maria"], messages_url, {"body": "Hello, any news?"})
        seen_by_recruiter.append(await recruiter.receive_json_from(timeout=5))
        seen_by_candidate.append(await candidate.receive_json_from(timeout=5))
        await sync_to_async(_post)(users["recruiter"], f"{messages_url}read/")
        seen_by_recruiter.append(await recruiter.receive_json_from(timeout=5))
        seen_by_candidate.append(await candidate.receive_json_from(timeout=5))
        await recruiter.disconnect()
        await candidate.disconnect()
        return seen_by_recruiter, seen_by_candidate

    seen_by_recruiter, seen_by_candidate = asyncio.run(scenario())

    assert seen_by_recruiter[0] == {
        "type": "connection",
        "application_id": application.pk,
        "side": "recruiter",
        "unread": 0,
    }
    assert seen_by_candidate[0] == {
        "type": "connection",
        "application_id": application.pk,
        "side": "candidate",
        "unread": 0,
    }
    for seen in (seen_by_recruiter, seen_by_candidate):
        message, receipt = seen[1], seen[2]
        assert message["type"] == "chat.message"
        assert (message["message"]["body"], message["message"]["sender_side"], message["message"]["sender"]) == (
            "Hello, any news?",
            "candidate",
            users["maria"].pk,
        )
        assert receipt == {"type": "chat.read", "application": application.pk, "reader_side": "recruiter", "marked": 1}


def test_the_snapshot_counts_what_the_side_has_not_read(people) -> None:
    users, application = people["users"], people["application"]
    _post(users["recruiter"], f"/api/applications/{application.pk}/messages/", {"body": "Are you free?"})

    async def scenario() -> dict[str, Any]:
        candidate, connected, _ = await _open(users["maria"], application.pk)
        assert connected
        snapshot = await candidate.receive_json_from(timeout=5)
        await candidate.disconnect()
        return snapshot

    assert asyncio.run(scenario())["unread"] == 1


@pytest.mark.parametrize(
    ("who", "which", "code"),
    [
        ("nils", "maria", 4403),  # another candidate of the same organization
        ("outsider", "maria", 4403),  # a recruiter of another organization
        ("recruiter", "missing", 4404),
    ],
)
def test_others_are_refused(people, who: str, which: str, code: int) -> None:
    application_id = people["application"].pk if which == "maria" else 10**9

    async def scenario() -> tuple[bool, Any]:
        communicator, connected, close_code = await _open(people["users"][who], application_id)
        await communicator.disconnect()
        return connected, close_code

    assert asyncio.run(scenario()) == (False, code)


def test_an_anonymous_socket_is_refused(people) -> None:
    async def scenario() -> tuple[bool, Any]:
        path = f"/ws/chat/{people['application'].pk}/"
        headers = [(b"host", b"localhost"), (b"origin", b"http://localhost")]  # an allowed origin, no session
        communicator = WebsocketCommunicator(asgi_application, path, headers=headers)
        connected, code = await communicator.connect(timeout=5)
        await communicator.disconnect()
        return connected, code

    assert asyncio.run(scenario()) == (False, 4401)
