"""Prometheus on the running platform, started the way `make up` starts it (fixtures.monitoring_stack: the host
rendering of the one template, scripts/render_monitoring.py, and its supervisord programs, Prometheus, Alertmanager
and the four exporters from Debian's packages), pointed at the end-to-end platform's Django, AI service, Flower,
nginx, PostgreSQL and Redis, at this machine's RabbitMQ and at its three Celery workers' own endpoints. Every target
is scraped and up, every alert rule and dashboard query evaluates on names the exporters really export, and a
gateway rendered like `make up`'s lets only operators through to /prometheus/ and /alertmanager/."""

from __future__ import annotations

import json
import re
import time
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import httpx
import pytest
import yaml
from fixtures.gateway_support import client_for, signed_in_sessions
from fixtures.monitoring_stack import SCRAPE_WAIT, Monitoring, prometheus_api, wait_until

pytestmark = pytest.mark.e2e

REPO = Path(__file__).resolve().parents[2]
ALERTS_YML = REPO / "monitoring" / "prometheus" / "alerts.yml"
DASHBOARDS = sorted((REPO / "monitoring" / "grafana" / "dashboards").glob("*.json"))
_api = prometheus_api


def _targets(monitoring: Monitoring) -> list[dict[str, Any]]:
    return list(_api(monitoring, "targets", state="active")["activeTargets"])


def test_every_configured_target_is_scraped_and_up(monitoring: Monitoring) -> None:
    targets = wait_until(
        lambda: _targets(monitoring), lambda ts: bool(ts) and all(t["health"] == "up" for t in ts), SCRAPE_WAIT
    )
    health = {target["labels"]["job"]: (target["health"], target["lastError"]) for target in targets}
    # Nothing is left out: every job of the template has a live target here, RabbitMQ's being this machine's broker.
    assert len(monitoring.jobs) == 11
    assert health == dict.fromkeys(monitoring.jobs, ("up", ""))
    assert all(target["scrapeUrl"].startswith("http://127.0.0.1:") for target in targets)


@pytest.mark.parametrize(
    ("metric", "what"),
    [
        ("pg_up", "the postgres exporter reaches the platform's PostgreSQL"),
        ("redis_up", "the redis exporter reaches REDIS_URL"),
        ("nginx_up", "the nginx exporter reads the gateway's /nginx_status"),
    ],
)
def test_the_exporters_reach_their_services(monitoring: Monitoring, metric: str, what: str) -> None:
    result = wait_until(lambda: _api(monitoring, "query", query=metric)["result"], bool, SCRAPE_WAIT)
    assert [sample["value"][1] for sample in result] == ["1"], what


def test_the_services_own_metrics_are_scraped(monitoring: Monitoring) -> None:
    """Django and the AI service with the bearer token, RabbitMQ per queue (the platform's vhost declares four),
    each Celery worker's own endpoint and the counts Django takes on scrape."""
    queries = {
        "django": 'django_http_requests_before_middlewares_total{job="django"}',
        "django counts": 'recruitment_applications{job="django", stage="applied"}',
        "celery": 'count(recruitment_ocr_pages_total{job="celery"}) == 3',
        "ai": 'ai_service_http_requests_total{job="ai"}',
        "rabbitmq": 'rabbitmq_queue_messages_ready{job="rabbitmq", queue="high_priority"}',
        "node": 'node_filesystem_size_bytes{job="node"}',
    }
    for job, query in queries.items():
        result = wait_until(lambda query=query: _api(monitoring, "query", query=query)["result"], bool, SCRAPE_WAIT)
        assert result, job


def _alert_expressions() -> dict[str, str]:
    groups = yaml.safe_load(ALERTS_YML.read_text())["groups"]
    return {rule["alert"]: rule["expr"] for group in groups for rule in group["rules"]}


def test_every_alert_rule_is_loaded_and_evaluates_without_error(monitoring: Monitoring) -> None:
    expressions = _alert_expressions()
    for expression in expressions.values():
        _api(monitoring, "query", query=expression)  # an error answers status "error"
    rules = wait_until(
        lambda: [rule for group in _api(monitoring, "rules")["groups"] for rule in group["rules"]],
        lambda rs: all(rule["health"] == "ok" for rule in rs),
        SCRAPE_WAIT,
    )
    assert {rule["name"]: (rule["health"], rule.get("lastError", "")) for rule in rules} == dict.fromkeys(
        expressions, ("ok", "")
    )


def _dashboard_queries() -> list[tuple[str, str]]:
    queries = []
    for dashboard in DASHBOARDS:
        panels = json.loads(dashboard.read_text())["panels"]
        for panel in [*panels, *(inner for row in panels for inner in row.get("panels", []))]:
            if panel.get("datasource", {}).get("type") == "prometheus":
                queries += [(f"{dashboard.name}: {panel['title']}", target["expr"]) for target in panel["targets"]]
    return queries


def test_every_dashboard_query_evaluates_without_error(monitoring: Monitoring) -> None:
    queries = _dashboard_queries()
    assert len(queries) >= 10
    end = time.time()
    for panel, expression in queries:
        # Grafana's own variable, as it fills it in for a 15 s scrape interval.
        expression = expression.replace("$__rate_interval", "1m")
        response = httpx.get(
            f"{monitoring.prometheus}/api/v1/query_range",
            params={"query": expression, "start": str(end - 600), "end": str(end), "step": "15"},
            timeout=30,
        )
        assert response.json()["status"] == "success", (panel, response.text)


# The exporters' own names (Debian's postgres, redis, nginx and node exporters, RabbitMQ's plugin): the platform's and
# the AI service's are checked against their /metrics by tests/integration/test_task_metrics.py and
# tests/ai_service/test_ai_service_monitoring.py.
EXPORTER_NAME = re.compile(r"\b(?:pg|redis|nginx|node|rabbitmq)_[a-zA-Z0-9_]+")


def _monitoring_names() -> dict[str, set[str]]:
    """Each exporter metric name a rule or dashboard panel queries, and where."""
    used: dict[str, set[str]] = {}
    queries = [(f"alerts.yml: {alert}", expression) for alert, expression in _alert_expressions().items()]
    for where, expression in [*queries, *_dashboard_queries()]:
        for name in EXPORTER_NAME.findall(expression):
            used.setdefault(name, set()).add(where)
    return used


def test_rules_and_dashboards_use_only_names_the_exporters_export(monitoring: Monitoring) -> None:
    used = _monitoring_names()
    assert {"pg_stat_database_numbackends", "pg_settings_max_connections", "redis_memory_used_bytes"} <= set(used)
    exported = wait_until(
        lambda: set(_api(monitoring, "label/__name__/values")), lambda names: set(used) <= names, SCRAPE_WAIT
    )
    assert {name: sorted(where) for name, where in used.items() if name not in exported} == {}


def test_prometheus_sends_alerts_to_the_alertmanager(monitoring: Monitoring) -> None:
    data = wait_until(lambda: _api(monitoring, "alertmanagers"), lambda d: bool(d["activeAlertmanagers"]), 60)
    urls = [manager["url"] for manager in data["activeAlertmanagers"]]
    assert len(urls) == 1 and urls[0].endswith("/alertmanager/api/v2/alerts"), urls
    status = httpx.get(urls[0].replace("/api/v2/alerts", "/api/v2/status"), timeout=30).json()
    assert "platform" in status["config"]["original"]
    assert "/api/ops/alerts/webhook/" in status["config"]["original"]


@pytest.fixture(scope="module")
def sessions(monitoring: Monitoring) -> dict[str, str]:
    return signed_in_sessions(monitoring.platform)


@pytest.mark.parametrize(
    ("path", "answer"),
    [("/prometheus/api/v1/status/buildinfo", '"status":"success"'), ("/alertmanager/api/v2/status", '"cluster"')],
)
def test_only_operators_pass_the_gateway(
    monitoring: Monitoring, sessions: dict[str, str], path: str, answer: str
) -> None:
    gateway = SimpleNamespace(base_url=monitoring.gateway)
    with client_for(gateway, None) as anonymous:
        response = anonymous.get(path)
        assert (response.status_code, response.headers["location"]) == (302, f"/admin/login/?next={path}")
    for role in ("recruiter_a", "organization_admin"):
        with client_for(gateway, sessions[role]) as refused:
            assert refused.get(path).status_code == 403, role
    for role in ("operator", "platform_admin"):
        with client_for(gateway, sessions[role]) as operator:
            response = operator.get(path)
            assert response.status_code == 200, role
            assert answer in response.text.replace(" ", ""), role
    # The UI itself, through its redirects, every one of them under the prefix.
    with client_for(gateway, sessions["operator"]) as operator:
        page = operator.get("/prometheus/", follow_redirects=True)
        assert page.status_code == 200 and "<title>Prometheus" in page.text
        assert all(hop.headers["location"].startswith("/prometheus/") for hop in page.history), page.history
