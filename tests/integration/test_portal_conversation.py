"""The portal's conversation page (`/portal/applications/<pk>/messages/`) against the real PostgreSQL and Redis: the
candidate reads the thread (the page's script, or a reply, marks the recruiters' messages read), writes to the
recruiters, and follows new messages live on the application's chat socket signed in with the portal's own session
cookie, as the page's script does. Other candidates, recruiters and anonymous visitors get nothing."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from channels.db import database_sync_to_async
from channels.testing import WebsocketCommunicator
from django.conf import settings as django_settings
from django.contrib.staticfiles import finders
from django.test import Client

from accounts.models import Organization
from accounts.services import recruiter_create
from applications.services import application_create
from candidates.self_service import candidate_register
from jobs.models import JobPosting
from messaging.models import Message, Side
from messaging.services import message_send
from realtime import connection_limits

PASSWORD = "correct-horse-battery-9"


@pytest.fixture
def thread(organization, recruiter, settings) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    settings.MESSAGE_UNREAD_EMAIL_DELAY_SECONDS = 0  # no reminder published to the broker
    candidate = candidate_register(organization=organization, email="cara@example.com", password=PASSWORD)
    job = JobPosting.objects.create(organization=organization, title="Data Engineer", description="SQL")
    application = application_create(candidate=candidate, job=job, actor=recruiter)
    first = message_send(application=application, sender=recruiter, side=Side.RECRUITER, body="Hello <b>Cara</b>")
    for user in (candidate.account, recruiter):  # user ids repeat between runs on the same Redis
        connection_limits._client().delete(connection_limits._key(user.pk))
    return {"candidate": candidate, "application": application, "first": first}


def _signed_in(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.mark.django_db
def test_the_page_lists_the_thread_marks_it_read_and_sends(thread) -> None:
    application, first = thread["application"], thread["first"]
    client = _signed_in(thread["candidate"].account)
    url = f"/portal/applications/{application.pk}/messages/"

    page = client.get(url)
    first.refresh_from_db()
    assert first.read_at is None  # a read writes nothing; the page's script marks the thread read once shown
    sent = client.post(url, {"body": "  Thank you, I am available.  "})
    empty = client.post(url, {"body": "   "})

    html = page.content.decode()
    assert page.status_code == 200
    assert "Hello &lt;b&gt;Cara&lt;/b&gt;" in html  # text, never markup
    assert f'data-application="{application.pk}"' in html and "/static/portal/conversation.js" in html
    assert 'name="csrfmiddlewaretoken"' in html
    first.refresh_from_db()
    assert first.read_at is not None  # the reply marked what the candidate had read
    assert (sent.status_code, sent["Location"]) == (302, url)
    mine = Message.objects.get(application=application, sender_side=Side.CANDIDATE)
    assert (mine.body, mine.sender) == ("Thank you, I am available.", thread["candidate"].account)
    assert empty.status_code == 400 and Message.objects.filter(application=application).count() == 2
    assert (
        f"/portal/applications/{application.pk}/messages/"
        in client.get(f"/portal/applications/{application.pk}/").content.decode()
    )


@pytest.mark.django_db
def test_the_script_is_served_from_the_portals_static_files() -> None:
    script = finders.find("portal/conversation.js")
    assert script is not None
    with open(script) as source:
        text = source.read()
    assert "/ws/chat/" in text and "textContent = message.body" in text
    assert "import " not in text and "cdn" not in text.lower()  # no module or library from elsewhere


@pytest.mark.django_db
def test_others_reach_neither_the_page_nor_the_thread(thread, organization, recruiter) -> None:
    application = thread["application"]
    url = f"/portal/applications/{application.pk}/messages/"
    neighbour = candidate_register(organization=organization, email="dan@example.com", password=PASSWORD)
    stranger = recruiter_create(
        username="sam", password="sam-password-1", organization=Organization.objects.create(name="Elsewhere")
    )

    assert _signed_in(neighbour.account).get(url).status_code == 404
    assert _signed_in(neighbour.account).post(url, {"body": "Hi"}).status_code == 404
    assert _signed_in(recruiter).get(url).status_code == 403  # recruiters write from the admin
    assert _signed_in(stranger).post(url, {"body": "Hi"}).status_code == 403
    anonymous = Client().get(url)
    assert anonymous.status_code == 302 and anonymous["Location"].startswith("/portal/login/")
    assert Message.objects.filter(application=application).count() == 1
    thread["first"].refresh_from_db()
    assert thread["first"].read_at is None


async def _follow(cookie: str, application_id: int, then: Any) -> tuple[Any, list[dict[str, Any]]]:
    from config.asgi import application as asgi_application

    headers = [(b"host", b"localhost"), (b"origin", b"http://localhost"), (b"cookie", cookie.encode())]
    communicator = WebsocketCommunicator(asgi_application, f"/ws/chat/{application_id}/", headers=headers)
    connected, code = await communicator.connect(timeout=5)
    if not connected:
        return code, []
    received = [await communicator.receive_json_from(timeout=5)]
    await database_sync_to_async(then)()
    received.append(await communicator.receive_json_from(timeout=5))
    await communicator.disconnect()
    return True, received


def _session_cookie(client: Client) -> str:
    name = django_settings.SESSION_COOKIE_NAME
    return f"{name}={client.cookies[name].value}"


@pytest.mark.django_db(transaction=True)
def test_the_candidate_follows_the_thread_live_with_the_portals_session(thread, organization, recruiter) -> None:
    application = thread["application"]
    own = _session_cookie(_signed_in(thread["candidate"].account))
    neighbour = candidate_register(organization=organization, email="eve@example.com", password=PASSWORD)
    other = _session_cookie(_signed_in(neighbour.account))

    def recruiter_writes() -> None:
        message_send(application=application, sender=recruiter, side=Side.RECRUITER, body="See you Monday")

    outcome, (snapshot, arrived) = asyncio.run(_follow(own, application.pk, recruiter_writes))
    refused, _ = asyncio.run(_follow(other, application.pk, recruiter_writes))

    assert outcome is True
    assert (snapshot["type"], snapshot["side"], snapshot["unread"]) == ("connection", "candidate", 1)
    assert (arrived["type"], arrived["message"]["body"], arrived["message"]["sender_side"]) == (
        "chat.message",
        "See you Monday",
        "recruiter",
    )
    assert refused == 4403
