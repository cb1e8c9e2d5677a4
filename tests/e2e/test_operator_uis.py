"""Flower and the RabbitMQ management UI behind the gateway: operators only (nginx `auth_request` to Django's
operator check), with every page, static asset and API call working under their prefixes; RabbitMQ then wants the
operators' own management user, which sees everything and changes nothing; no page shows a broker password."""

from __future__ import annotations

import re
import stat
import uuid
from collections.abc import Iterator
from typing import Any
from urllib.parse import quote, unquote, urlparse

import httpx
import kombu
import pytest
from fixtures.gateway_support import (
    BrokerUsers,
    broker_users,
    client_for,
    delete_user,
    ensure_rabbitmq_users,
    require_rabbitmqctl,
    signed_in_sessions,
)
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e

RECRUITER = ("e2e", "e2e-password-1")  # made by the `platform` fixture: staff, but not an operator


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
    """The platform's own broker credentials and virtual host, from the URL it runs with."""
    url = urlparse(platform.env["CELERY_BROKER_URL"])
    return (url.username or "guest", url.password or "guest"), unquote(url.path[1:]) or "/"


@pytest.fixture(scope="module")
def sessions(platform: Any) -> dict[str, str]:
    return signed_in_sessions(platform)


@pytest.fixture(scope="module")
def operator(platform: Any, sessions: dict[str, str]) -> Iterator[httpx.Client]:
    with client_for(platform, sessions["operator"]) as client:
        yield client


@pytest.fixture(scope="module")
def users(platform: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[BrokerUsers]:
    _, vhost = broker(platform)
    with broker_users(vhost, tmp_path_factory.mktemp("make-up")) as made:
        yield made


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


def test_a_recruiter_signed_in_to_the_admin_is_refused(platform):
    recruiter = signed_in(platform, *RECRUITER)
    try:
        assert recruiter.get("/admin/").status_code == 200  # staff: the admin lets them in
        assert recruiter.get("/api/auth/operator-check/").status_code == 403
        for path in ("/rabbitmq/", "/rabbitmq/api/overview", "/flower/", "/flower/workers?json=1", "/metrics"):
            assert recruiter.get(path).status_code == 403, path
    finally:
        recruiter.close()


def test_operators_reach_the_rabbitmq_ui_and_its_static_assets(operator):
    assert operator.get("/rabbitmq").status_code == 301
    assert operator.get("/rabbitmq").headers["location"].endswith("/rabbitmq/")

    index = operator.get("/rabbitmq/")
    assert index.status_code == 200
    assert "<title>RabbitMQ Management</title>" in index.text
    script = operator.get("/rabbitmq/js/main.js")
    assert script.status_code == 200
    assert "javascript" in script.headers["content-type"]
    assert "function check_login" in script.text
    stylesheet = operator.get("/rabbitmq/css/main.css")
    assert stylesheet.status_code == 200
    assert stylesheet.headers["content-type"].startswith("text/css")


def test_the_rabbitmq_api_wants_the_operators_management_user(platform, operator, users):
    _, vhost = broker(platform)

    assert operator.get("/rabbitmq/api/overview").status_code == 401  # RabbitMQ's own answer: the gate is no login
    who = operator.get("/rabbitmq/api/whoami", auth=users.operator)
    assert who.status_code == 200
    assert who.json() == {"name": users.operator[0], "tags": ["monitoring"]}
    overview = operator.get("/rabbitmq/api/overview", auth=users.operator)
    assert overview.status_code == 200
    assert overview.json()["rabbitmq_version"]
    # Paths carry the vhost URL-encoded ("/" is %2F); it must reach RabbitMQ undecoded.
    queues = operator.get(
        f"/rabbitmq/api/queues/{quote(vhost, safe='')}", params={"columns": "name"}, auth=users.operator
    )
    assert queues.status_code == 200
    assert {"high_priority", "medium_priority", "low_priority"} <= {queue["name"] for queue in queues.json()}
    # Monitoring is not administration: no user list (no password hashes), and the platform's user has no UI at all.
    users_list = operator.get("/rabbitmq/api/users", auth=users.operator)
    assert (users_list.status_code, users_list.json()["reason"]) == (401, "Not administrator user")
    app = operator.get("/rabbitmq/api/whoami", auth=users.app)
    assert (app.status_code, app.json()["reason"]) == (401, "Not management user")


def test_writes_pass_the_gate_and_the_operators_user_changes_nothing(platform, operator, users):
    """The gate's check is a bodiless GET, which Django's CSRF protection leaves alone, so a PUT reaches RabbitMQ;
    RabbitMQ then refuses it, since the operators' user may configure nothing."""
    _, vhost = broker(platform)
    queue = f"/rabbitmq/api/queues/{quote(vhost, safe='')}/ui-check-{uuid.uuid4().hex[:6]}"

    created = operator.put(queue, json={"durable": False, "auto_delete": False}, auth=users.operator)
    assert (created.status_code, created.json()) == (401, {"error": "not_authorised", "reason": "Access refused."})
    assert operator.get(queue, auth=users.operator).status_code == 404


def test_make_up_makes_the_broker_users_once_and_the_platform_connects_as_the_app_user(platform, tmp_path):
    """scripts/lib.sh, run twice: the same generated passwords (files of mode 600), an AMQP URL for the user
    without tags, and that user can publish and consume on its virtual host."""
    require_rabbitmqctl()
    _, vhost = broker(platform)
    suffix = uuid.uuid4().hex[:8]
    env = {
        "CELERY_BROKER_URL": f"amqp://127.0.0.1:5672/{quote(vhost, safe='')}",
        "RABBITMQ_APP_USER": f"e2e-app-{suffix}",
        "RABBITMQ_APP_PASSWORD": "",
        "RABBITMQ_OPERATOR_USER": f"e2e-operator-{suffix}",
        "RABBITMQ_OPERATOR_PASSWORD": "",
    }
    try:
        first = ensure_rabbitmq_users(tmp_path, env)
        second = ensure_rabbitmq_users(tmp_path, env)
        password = (tmp_path / "var" / "rabbitmq_app_password").read_text().strip()
        assert first == second == f"amqp://e2e-app-{suffix}:{password}@127.0.0.1:5672/{quote(vhost, safe='')}"
        for name in ("rabbitmq_app_password", "rabbitmq_operator_password"):
            mode = (tmp_path / "var" / name).stat().st_mode
            assert stat.S_IMODE(mode) == 0o600, name
        with kombu.Connection(first, connect_timeout=10) as connection:
            queue = connection.SimpleQueue(f"e2e-app-check-{suffix}", queue_opts={"auto_delete": True})
            queue.put({"ok": True})
            assert queue.get(timeout=10).payload == {"ok": True}
            queue.close()
        # A URL that names a user is used as it is: nothing is made, nothing generated.
        named = ensure_rabbitmq_users(tmp_path / "var", {**env, "CELERY_BROKER_URL": first})
        assert named == first
        assert not (tmp_path / "var" / "var").exists()
    finally:
        delete_user(env["RABBITMQ_APP_USER"])
        delete_user(env["RABBITMQ_OPERATOR_USER"])


def test_operators_reach_flower_its_assets_and_its_json(operator):
    index = operator.get("/flower/")
    assert index.status_code == 200
    assert "Flower" in index.text
    asset = re.search(r'src="(/flower/static/[^"]+)"', index.text)
    assert asset, index.text
    assert operator.get(asset.group(1)).status_code == 200
    workers = operator.get("/flower/workers", params={"json": 1})
    assert workers.status_code == 200
    assert isinstance(workers.json()["data"], list)


def test_no_flower_page_shows_the_broker_password(platform, operator):
    """Flower's worker page shows each worker's Celery settings (the `conf` remote-control command, replaced in
    config.celery), its broker page the broker URL: both with the password masked."""
    (user, password), _ = broker(platform)
    workers = operator.get("/flower/workers", params={"json": 1, "refresh": 1}).json()["data"]
    names = sorted(worker["hostname"] for worker in workers)
    assert len(names) == 3, names  # fast, slow, maintenance
    pages = ["/flower/", "/flower/workers", "/flower/broker", "/flower/tasks", "/flower/workers?json=1&refresh=1"]
    pages += [f"/flower/worker/{quote(name)}" for name in names]
    masked = f"amqp://{user}:**@"
    shown = {}
    for page in pages:
        response = operator.get(page)
        assert response.status_code == 200, page
        shown[page] = response.text
        assert f":{password}@" not in response.text, page
        assert f"'{password}'" not in response.text and f'"{password}"' not in response.text, page
    assert masked in shown["/flower/broker"]
    config = shown[f"/flower/worker/{quote(names[0])}"]
    assert "CELERY_BROKER_URL" in config and masked in config, "the worker's settings are shown, censored"
    assert "DATABASES" not in config and "SECRET_KEY" not in config, "only Celery's settings"


@pytest.fixture
def operator_page(platform: Any, browser: Any, sessions: dict[str, str]) -> Iterator[Any]:
    context = browser.new_context(base_url=platform.base_url)
    context.set_default_timeout(30_000)
    context.add_cookies([{"name": "sessionid", "value": sessions["operator"], "url": platform.base_url}])
    yield context.new_page()
    context.close()


def test_rabbitmq_ui_works_in_a_browser_under_the_prefix(platform, operator_page, users):
    """Operators sign in to RabbitMQ's own login form with their management user; its scripts then load the
    overview and the platform's queues through the gateway."""
    _, vhost = broker(platform)
    page = operator_page
    page.goto("/rabbitmq/")
    page.fill("input[name=username]", users.operator[0])
    page.fill("input[name=password]", users.operator[1])
    page.click("input[type=submit]")
    expect(page.locator("#main")).to_contain_text("Totals", timeout=30_000)
    page.goto(f"/rabbitmq/#/queues/{quote(vhost, safe='')}/high_priority")
    expect(page.locator("h1")).to_contain_text("high_priority", timeout=30_000)
