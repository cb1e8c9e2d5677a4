"""Flower and the RabbitMQ management UI behind the gateway: staff sessions only (nginx `auth_request` to Django),
with every page, static asset and API call working under their prefixes."""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from typing import Any
from urllib.parse import quote, unquote, urlparse

import httpx
import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e

STAFF = ("e2e", "e2e-password-1")  # made by the `platform` fixture
NOT_STAFF = ("nadia", "nadia-password-1")


def signed_in(platform: Any, username: str, password: str) -> httpx.Client:
    client = httpx.Client(base_url=platform.base_url, timeout=30)
    client.get("/admin/login/")
    login = client.post(
        "/admin/login/",
        data={"username": username, "password": password, "csrfmiddlewaretoken": client.cookies["csrftoken"]},
        headers={"Referer": f"{platform.base_url}/admin/login/"},
    )
    assert login.status_code == 302, login.text
    return client


def broker(platform: Any) -> tuple[tuple[str, str], str]:
    """RabbitMQ's own credentials and the platform's virtual host, from the broker URL the platform runs with."""
    url = urlparse(platform.env["CELERY_BROKER_URL"])
    return (url.username or "guest", url.password or "guest"), unquote(url.path[1:]) or "/"


@pytest.fixture(scope="module")
def staff(platform: Any) -> Iterator[httpx.Client]:
    client = signed_in(platform, *STAFF)
    yield client
    client.close()


@pytest.fixture(scope="module")
def not_staff(platform: Any) -> Iterator[httpx.Client]:
    """A signed-in recruiter without staff rights. The admin login refuses such users, so the session is made
    directly, as any other login view would make it."""
    session_key = platform.manage(
        "shell",
        "-c",
        "from importlib import import_module\n"
        "from django.conf import settings\n"
        "from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY\n"
        "from accounts.models import Organization\n"
        "from accounts.services import recruiter_create\n"
        f"user = recruiter_create(username={NOT_STAFF[0]!r}, password={NOT_STAFF[1]!r}, "
        "organization=Organization.objects.get(name='E2E Co'), is_staff=False)\n"
        "session = import_module(settings.SESSION_ENGINE).SessionStore()\n"
        "session[SESSION_KEY] = str(user.pk)\n"
        "session[BACKEND_SESSION_KEY] = 'django.contrib.auth.backends.ModelBackend'\n"
        "session[HASH_SESSION_KEY] = user.get_session_auth_hash()\n"
        "session.create()\n"
        "print(session.session_key)\n",
    ).split()[-1]  # after the shell's own banner
    with httpx.Client(base_url=platform.base_url, timeout=30, cookies={"sessionid": session_key}) as client:
        assert client.get("/api/auth/operator-check/").status_code == 403  # signed in, not staff
        yield client


@pytest.mark.parametrize(
    "path", ["/rabbitmq/", "/rabbitmq/api/overview", "/rabbitmq/js/main.js", "/flower/", "/flower/workers?json=1"]
)
def test_anonymous_is_sent_to_the_admin_login(platform, path):
    response = httpx.get(f"{platform.base_url}{path}", follow_redirects=False)

    assert response.status_code == 302
    assert response.headers["location"] == f"/admin/login/?next={path}"


def test_broker_credentials_alone_do_not_pass_the_gate(platform):
    credentials, _ = broker(platform)
    response = httpx.get(f"{platform.base_url}/rabbitmq/api/overview", auth=credentials, follow_redirects=False)

    assert response.status_code == 302
    assert response.headers["location"].startswith("/admin/login/")


def test_signed_in_users_without_staff_rights_are_refused(not_staff):
    assert not_staff.get("/rabbitmq/").status_code == 403
    assert not_staff.get("/flower/").status_code == 403


def test_staff_reach_the_rabbitmq_ui_and_its_static_assets(staff):
    assert staff.get("/rabbitmq").status_code == 301
    assert staff.get("/rabbitmq").headers["location"].endswith("/rabbitmq/")

    index = staff.get("/rabbitmq/")
    assert index.status_code == 200
    assert "<title>RabbitMQ Management</title>" in index.text
    script = staff.get("/rabbitmq/js/main.js")
    assert script.status_code == 200
    assert "javascript" in script.headers["content-type"]
    assert "function check_login" in script.text
    stylesheet = staff.get("/rabbitmq/css/main.css")
    assert stylesheet.status_code == 200
    assert stylesheet.headers["content-type"].startswith("text/css")


def test_staff_reach_the_rabbitmq_api_which_still_wants_broker_credentials(platform, staff):
    credentials, vhost = broker(platform)

    unauthorised = staff.get("/rabbitmq/api/overview")
    assert unauthorised.status_code == 401  # RabbitMQ's own answer: the gate is not a broker login
    overview = staff.get("/rabbitmq/api/overview", auth=credentials)
    assert overview.status_code == 200
    assert overview.headers["content-type"].startswith("application/json")
    assert overview.json()["rabbitmq_version"]
    # Paths carry the vhost URL-encoded ("/" is %2F); it must reach RabbitMQ undecoded.
    default_vhost = staff.get("/rabbitmq/api/vhosts/%2F", auth=credentials)
    assert default_vhost.status_code == 200
    assert default_vhost.json()["name"] == "/"
    queues = staff.get(f"/rabbitmq/api/queues/{quote(vhost, safe='')}", params={"columns": "name"}, auth=credentials)
    assert queues.status_code == 200
    assert {"high_priority", "medium_priority"} <= {queue["name"] for queue in queues.json()}


def test_staff_can_change_things_through_the_rabbitmq_api(platform, staff):
    """Writes (PUT, DELETE) pass the gate too: its check is always a bodiless GET, which Django's CSRF
    protection leaves alone."""
    credentials, vhost = broker(platform)
    queue = f"/rabbitmq/api/queues/{quote(vhost, safe='')}/ui-check-{uuid.uuid4().hex[:6]}"

    created = staff.put(queue, json={"durable": False, "auto_delete": False}, auth=credentials)
    assert created.status_code in (201, 204), created.text
    assert staff.get(queue, auth=credentials).json()["durable"] is False
    assert staff.delete(queue, auth=credentials).status_code == 204
    assert staff.get(queue, auth=credentials).status_code == 404


def test_staff_reach_flower_its_assets_and_its_json(staff):
    index = staff.get("/flower/")
    assert index.status_code == 200
    assert "Flower" in index.text
    asset = re.search(r'src="(/flower/static/[^"]+)"', index.text)
    assert asset, index.text
    assert staff.get(asset.group(1)).status_code == 200
    workers = staff.get("/flower/workers", params={"json": 1})
    assert workers.status_code == 200
    assert isinstance(workers.json()["data"], list)


def test_rabbitmq_ui_works_in_a_browser_under_the_prefix(platform, staff_page):
    """Staff sign in to RabbitMQ's own login form; its scripts then load the overview and the platform's queues
    through the gateway."""
    credentials, vhost = broker(platform)
    page = staff_page
    page.goto("/rabbitmq/")
    page.fill("input[name=username]", credentials[0])
    page.fill("input[name=password]", credentials[1])
    page.click("input[type=submit]")
    expect(page.locator("#main")).to_contain_text("Totals", timeout=30_000)
    page.goto(f"/rabbitmq/#/queues/{quote(vhost, safe='')}/high_priority")
    expect(page.locator("h1")).to_contain_text("high_priority", timeout=30_000)
