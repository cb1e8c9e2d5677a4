"""The gateway's cells of the authorization matrix, through the real nginx of the running platform: the operator
UIs, RabbitMQ's API with the operators' management user and with the platform's own user, both services' metrics
and the AI service's /analyze, for every role, anonymous visitors and Prometheus (the bearer token, no session).

Django's own routes (REST, admin, WebSockets, files) have their cells in tests/security/, against Django itself.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, unquote, urlparse

import httpx
import pytest
from fixtures.gateway_support import ROLES, BrokerUsers, broker_users, client_for, signed_in_sessions

pytestmark = pytest.mark.e2e

PRINCIPALS = ("anonymous", *ROLES, "prometheus")
OPERATORS = {"operator", "platform_admin"}
ANALYSIS = {"job_description": "Python developer with Django", "resume_text": "Five years of Python and Django."}


@dataclass(frozen=True)
class Outcome:
    status: int
    detail: str = ""  # what else the answer must hold: a Location, a JSON field, a metric name


@dataclass(frozen=True)
class Surface:
    name: str
    request: Callable[[httpx.Client, World], httpx.Response]
    expected: Callable[[str], Outcome]


@dataclass(frozen=True)
class World:
    vhost: str
    users: BrokerUsers
    metrics_token: str


def operator_ui(path: str, then: Outcome) -> Callable[[str], Outcome]:
    """Operator UIs: anonymous visitors (Prometheus too: a bearer token is no session) to the admin login, other
    signed-in users refused, operators and platform admins through to `then`."""

    def expected(principal: str) -> Outcome:
        if principal in ("anonymous", "prometheus"):
            return Outcome(302, f"/admin/login/?next={path}")
        return then if principal in OPERATORS else Outcome(403)

    return expected


def metrics(then: Outcome) -> Callable[[str], Outcome]:
    def expected(principal: str) -> Outcome:
        if principal == "anonymous":
            return Outcome(401, "not_authenticated")
        return then if principal in OPERATORS | {"prometheus"} else Outcome(403)

    return expected


def rabbitmq_whoami(who: Callable[[World], tuple[str, str]]) -> Callable[[httpx.Client, World], httpx.Response]:
    return lambda client, world: client.get("/rabbitmq/api/whoami", auth=who(world))


SURFACES = (
    Surface("GET /flower/", lambda c, w: c.get("/flower/"), operator_ui("/flower/", Outcome(200, "Flower"))),
    Surface(
        "GET /flower/workers?json=1",
        lambda c, w: c.get("/flower/workers", params={"json": 1}),
        operator_ui("/flower/workers?json=1", Outcome(200, '"data"')),
    ),
    Surface(
        "GET /rabbitmq/",
        lambda c, w: c.get("/rabbitmq/"),
        operator_ui("/rabbitmq/", Outcome(200, "RabbitMQ Management")),
    ),
    Surface(
        "GET /rabbitmq/api/whoami as the operators' management user",
        rabbitmq_whoami(lambda w: w.users.operator),
        operator_ui("/rabbitmq/api/whoami", Outcome(200, '"tags":["monitoring"]')),
    ),
    Surface(
        "GET /rabbitmq/api/whoami as the platform's broker user",
        rabbitmq_whoami(lambda w: w.users.app),
        operator_ui("/rabbitmq/api/whoami", Outcome(401, "Not management user")),
    ),
    Surface(
        "PUT /rabbitmq/api/queues/<vhost>/<queue> as the operators' management user",
        lambda c, w: c.put(
            f"/rabbitmq/api/queues/{quote(w.vhost, safe='')}/matrix-check",
            json={"durable": False},
            auth=w.users.operator,
        ),
        operator_ui("/rabbitmq/api/queues/<vhost>/matrix-check", Outcome(401, "Access refused.")),
    ),
    # No Grafana runs on the host (it is the containers'): an operator passes the gate and meets nginx's 502.
    Surface("GET /grafana/", lambda c, w: c.get("/grafana/"), operator_ui("/grafana/", Outcome(502))),
    # Load balancers' health check: Django's /healthz for everyone.
    Surface("GET /health", lambda c, w: c.get("/health"), lambda principal: Outcome(200, '"status":"ok"')),
    Surface("GET /metrics", lambda c, w: c.get("/metrics"), metrics(Outcome(200, "django_http_requests"))),
    Surface(
        "GET /api/ai/metrics", lambda c, w: c.get("/api/ai/metrics"), metrics(Outcome(200, "ai_service_http_requests"))
    ),
    Surface(
        "POST /api/ai/analyze without X-API-Key",
        lambda c, w: c.post("/api/ai/analyze", json=ANALYSIS),
        lambda principal: Outcome(401),  # a session or the metrics token is no API key
    ),
)


@pytest.fixture(scope="module")
def world(platform: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    vhost = unquote(urlparse(platform.env["CELERY_BROKER_URL"]).path[1:]) or "/"
    with broker_users(vhost, tmp_path_factory.mktemp("make-up")) as users:
        yield World(vhost=vhost, users=users, metrics_token=platform.env["METRICS_BEARER_TOKEN"])


@pytest.fixture(scope="module")
def clients(platform: Any, world: World) -> Iterator[dict[str, httpx.Client]]:
    sessions = signed_in_sessions(platform)
    made = {principal: client_for(platform, sessions.get(principal)) for principal in PRINCIPALS}
    made["prometheus"].headers["Authorization"] = f"Bearer {world.metrics_token}"
    yield made
    for client in made.values():
        client.close()


def _check(response: httpx.Response, outcome: Outcome, vhost: str) -> str | None:
    if response.status_code != outcome.status:
        return f"status {response.status_code}, expected {outcome.status}"
    detail = outcome.detail.replace("<vhost>", quote(vhost, safe=""))
    if response.status_code in (301, 302):
        if response.headers.get("location") != detail:
            return f"Location {response.headers.get('location')!r}, expected {detail!r}"
    elif detail and detail.replace(" ", "") not in response.text.replace(" ", ""):
        return f"{detail!r} not in the answer"
    return None


def test_every_gateway_cell_has_its_specified_outcome(clients: dict[str, httpx.Client], world: World) -> None:
    wrong = []
    cells = 0
    for surface in SURFACES:
        for principal in PRINCIPALS:
            outcome = surface.expected(principal)
            response = surface.request(clients[principal], world)
            cells += 1
            problem = _check(response, outcome, world.vhost)
            if problem:
                wrong.append(f"{surface.name} as {principal}: {problem}")
    print(f"gateway authorization matrix: {cells} cells ({len(SURFACES)} surfaces x {len(PRINCIPALS)} principals)")
    assert cells == len(SURFACES) * len(PRINCIPALS) == 88
    assert wrong == []


def test_a_wrong_bearer_token_is_refused(platform: Any) -> None:
    for path in ("/metrics", "/api/ai/metrics"):
        response = httpx.get(f"{platform.base_url}{path}", headers={"Authorization": "Bearer not-the-token"})
        assert response.status_code == 401, path
        assert response.json()["code"] == "not_authenticated"
        assert response.headers["www-authenticate"] == 'Bearer realm="metrics"'


def test_the_services_want_the_bearer_token_themselves(platform: Any, world: World) -> None:
    """Behind the gateway's check, Django and the AI service check the token too (Prometheus scrapes them
    directly)."""
    for port, name in ((platform.env["DJANGO_PORT"], "django"), (platform.env["AI_SERVICE_PORT"], "ai")):
        url = f"http://127.0.0.1:{port}/metrics"
        assert httpx.get(url).status_code == 401, name
        scraped = httpx.get(url, headers={"Authorization": f"Bearer {world.metrics_token}"})
        assert scraped.status_code == 200, name
        assert "# TYPE" in scraped.text


def test_the_metrics_check_never_hands_out_the_token(clients: dict[str, httpx.Client], world: World) -> None:
    response = clients["operator"].get("/api/auth/metrics-check/")
    assert response.status_code == 204
    assert "x-metrics-authorization" not in response.headers
    assert world.metrics_token not in str(response.headers)


@pytest.mark.parametrize(
    "path", ["/admin/login/", "/api/jobs/", "/api/ai/health", "/flower/", "/metrics", "/realtime/tasks/"]
)
def test_every_route_sends_the_security_headers_once(clients: dict[str, httpx.Client], path: str) -> None:
    response = clients["operator"].get(path)
    assert response.status_code < 500, path
    assert response.headers.get_list("x-content-type-options") == ["nosniff"]
    assert response.headers.get_list("x-frame-options") == ["DENY"]
