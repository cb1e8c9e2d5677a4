"""Prometheus on the running platform, started the way `make up` starts it: the host rendering of the one template
(scripts/render_monitoring.py) and its supervisord programs (Prometheus, Alertmanager and the four exporters, Debian's
packages), pointed at the end-to-end platform's Django, AI service, Flower, nginx, PostgreSQL and Redis and at this
machine's RabbitMQ, and at its three Celery workers' own endpoints. Every target is scraped and up, every alert rule
and dashboard query evaluates, and a gateway rendered like `make up`'s lets only operators through to /prometheus/
and /alertmanager/."""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace
from typing import Any, TypeVar

import httpx
import pytest
import yaml
from fixtures.gateway_support import client_for, signed_in_sessions

from scripts import embedded_pg

pytestmark = pytest.mark.e2e

REPO = Path(__file__).resolve().parents[2]
VENV = Path(sys.prefix)
ALERTS_YML = REPO / "monitoring" / "prometheus" / "alerts.yml"
DASHBOARDS = sorted((REPO / "monitoring" / "grafana" / "dashboards").glob("*.json"))
PROGRAMS = ("prometheus", "prometheus-alertmanager", "prometheus-postgres-exporter", "prometheus-redis-exporter",
            "prometheus-nginx-exporter", "prometheus-node-exporter")  # fmt: skip
PORTS = ("PROMETHEUS_PORT", "ALERTMANAGER_PORT", "POSTGRES_EXPORTER_PORT", "REDIS_EXPORTER_PORT", "NGINX_EXPORTER_PORT",
         "NODE_EXPORTER_PORT")  # fmt: skip
SCRAPE_WAIT = 120  # seconds: the first scrape of each target comes within one 15 s interval, after start-up
# Only the supervisor's own settings: the programs themselves are exactly what `make up` includes.
SUPERVISOR = """[unix_http_server]
file={run}/supervisor.sock
[supervisord]
pidfile={run}/supervisord.pid
logfile={logs}/supervisord.log
childlogdir={logs}
[rpcinterface:supervisor]
supervisor.rpcinterface_factory = supervisor.rpcinterface:make_main_rpcinterface
[supervisorctl]
serverurl=unix://{run}/supervisor.sock
[include]
files = {run}/monitoring/supervisord.conf
"""

T = TypeVar("T")


@dataclass(frozen=True)
class Monitoring:
    prometheus: str  # Prometheus's own address, under its route prefix
    gateway: str  # a gateway rendered like make up's, in front of this Prometheus and Alertmanager
    jobs: frozenset[str]  # the scrape jobs of the rendered configuration
    platform: Any


def _run(command: list[str], env: dict[str, str]) -> None:
    completed = subprocess.run(command, env=env, cwd=REPO, capture_output=True, text=True, timeout=120)
    assert completed.returncode == 0, f"{command} failed:\n{completed.stdout}\n{completed.stderr}"


def _wait_for_port(port: int, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + 30
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"the gateway did not start: {log.read_text() if log.exists() else ''}")
            time.sleep(0.1)


def _wait_ready(url: str) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(url, timeout=5).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    pytest.fail(f"{url} did not answer 200 in time")


def wait_until(fetch: Callable[[], T], done: Callable[[T], bool], timeout: float) -> T:
    """fetch() until done(value) or the timeout; the last value either way, for the assertion to judge."""
    deadline = time.monotonic() + timeout
    value = fetch()
    while not done(value) and time.monotonic() < deadline:
        time.sleep(2)
        value = fetch()
    return value


@pytest.fixture(scope="module")
def monitoring(platform: Any) -> Iterator[Monitoring]:
    missing = [program for program in PROGRAMS if shutil.which(program) is None]
    if missing:
        pytest.fail(f"{', '.join(missing)} not installed: run `make install`")
    python = str(VENV / "bin" / "python")
    work = Path(tempfile.mkdtemp(prefix="recruitment-monitoring-"))
    run, logs, gateway_conf = work / "run", work / "logs", work / "gateway" / "nginx.conf"
    logs.mkdir()
    ports = {name: str(embedded_pg.free_port()) for name in PORTS}
    # The platform's own addresses, credentials and gateway (whose /nginx_status the nginx exporter reads).
    env = {**platform.env, **ports, "RUN_DIR": str(run), "LOG_DIR": str(logs)}
    # A second gateway, rendered like make up's, whose /prometheus/ and /alertmanager/ lead to these.
    gateway_port = embedded_pg.free_port()
    gateway_env = {**env, "GATEWAY_PORT": str(gateway_port), "RUN_DIR": str(gateway_conf.parent)}
    supervisor_conf = work / "supervisord.conf"
    nginx = None
    try:
        _run([python, "-m", "scripts.render_monitoring", "host", "--out", str(run / "monitoring"), "--data",
              str(work / "data")], env)  # fmt: skip
        supervisor_conf.write_text(SUPERVISOR.format(run=run, logs=logs))
        _run([str(VENV / "bin" / "supervisord"), "-c", str(supervisor_conf)], env)
        _run([python, "scripts/render_nginx.py", "--out", str(gateway_conf)], gateway_env)
        nginx = subprocess.Popen(
            [platform.env["NGINX_BIN"], "-e", str(logs / "gateway-error.log"), "-c", str(gateway_conf)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        _wait_for_port(gateway_port, nginx, logs / "gateway-error.log")
        prometheus = f"http://127.0.0.1:{ports['PROMETHEUS_PORT']}/prometheus"
        _wait_ready(f"{prometheus}/-/ready")
        _wait_ready(f"http://127.0.0.1:{ports['ALERTMANAGER_PORT']}/alertmanager/-/ready")
        config = yaml.safe_load((run / "monitoring" / "prometheus.yml").read_text())
        yield Monitoring(
            prometheus=prometheus,
            gateway=f"http://127.0.0.1:{gateway_port}",
            jobs=frozenset(job["job_name"] for job in config["scrape_configs"]),
            platform=platform,
        )
    except BaseException:
        for log in sorted(logs.glob("*.log")):
            print(f"--- {log.name}\n" + "\n".join(log.read_text(errors="replace").splitlines()[-20:]), file=sys.stderr)
        raise
    finally:
        if supervisor_conf.exists():
            supervisorctl = [str(VENV / "bin" / "supervisorctl"), "-c", str(supervisor_conf), "shutdown"]
            subprocess.run(supervisorctl, env=env, capture_output=True, timeout=120)
        if nginx is not None:
            nginx.terminate()
            nginx.wait(timeout=30)
        shutil.rmtree(work, ignore_errors=True)


def _api(monitoring: Monitoring, path: str, **params: str) -> Any:
    response = httpx.get(f"{monitoring.prometheus}/api/v1/{path}", params=params, timeout=30)
    body = response.json()
    assert body["status"] == "success", f"{path} {params}: {body}"
    return body["data"]


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
