"""Checks of the container deployment files that need no Docker daemon.

The compose files, the nginx gateway, Prometheus rules, Loki/promtail and Grafana provisioning are parsed and
cross-checked against each other. Where the real tool is installed, it judges the file too: `nginx -t` and a
running nginx in front of stub upstreams, `promtool`, and `docker compose config`; without it those tests skip.
"""

from __future__ import annotations

import http.client
import json
import os
import re
import shutil
import socket
import subprocess
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

REPO = Path(__file__).resolve().parents[2]
COMPOSE = REPO / "docker-compose.yml"
COMPOSE_LOCAL = REPO / "docker-compose.local.yml"
NGINX_CONF = REPO / "nginx" / "nginx.conf"
NGINX_LOCAL_CONF = REPO / "nginx" / "nginx.local.conf"
MONITORING = REPO / "monitoring"
PROMETHEUS_YML = MONITORING / "prometheus" / "prometheus.yml"
ALERTS_YML = MONITORING / "prometheus" / "alerts.yml"
ALERTS_TEST_YML = MONITORING / "prometheus" / "alerts.test.yml"
LOKI_YML = MONITORING / "loki" / "loki-config.yml"
PROMTAIL_YML = MONITORING / "promtail" / "promtail-config.yml"
DATASOURCES_YML = MONITORING / "grafana" / "provisioning" / "datasources" / "datasources.yml"
DASHBOARDS_YML = MONITORING / "grafana" / "provisioning" / "dashboards" / "dashboards.yml"
DASHBOARD_JSON = MONITORING / "grafana" / "dashboards" / "recruitment-overview.json"
RABBITMQ_CONF = MONITORING / "rabbitmq" / "30-recruitment.conf"
DJANGO_DOCKERFILE = REPO / "django_backend" / "Dockerfile"
AI_DOCKERFILE = REPO / "ai_service" / "Dockerfile"

SERVICES = {
    "postgres", "rabbitmq", "redis", "migrate", "django", "ai", "worker-fast", "worker-slow", "worker-maintenance",
    "beat", "flower", "nginx", "prometheus", "alertmanager", "postgres-exporter", "redis-exporter", "nginx-exporter",
    "node-exporter", "loki", "promtail", "grafana",
}  # fmt: skip
WORKERS = ("worker-fast", "worker-slow", "worker-maintenance")
# Quick work, slow work and maintenance each have workers of their own, so none waits behind another; the
# high_priority worker consumes nothing slow (embeddings of long resumes included).
WORKER_QUEUES = {
    "worker-fast": {"high_priority"},
    "worker-slow": {"medium_priority", "embeddings"},
    "worker-maintenance": {"low_priority"},
}
SUPERVISORD_CONF = REPO / "scripts" / "supervisord.conf"
LOCAL_SERVICES = {"postgres", "rabbitmq", "redis"}
MEDIA, STATIC, LOGS = "/app/var/media", "/app/var/static", "/app/logs"
UPLOAD_LIMIT = 10 * 1024 * 1024
METRICS_TOKEN = "test-metrics-token"


def _load_yaml(path: Path) -> Any:
    return yaml.safe_load(path.read_text())


@pytest.fixture(scope="module")
def compose() -> dict[str, Any]:
    return _load_yaml(COMPOSE)


@pytest.fixture(scope="module")
def compose_local() -> dict[str, Any]:
    return _load_yaml(COMPOSE_LOCAL)


@dataclass(frozen=True)
class Mount:
    source: str
    target: str
    read_only: bool

    @property
    def is_bind(self) -> bool:
        return self.source.startswith((".", "/", "~"))


def _mounts(service: dict[str, Any]) -> list[Mount]:
    mounts = []
    for volume in service.get("volumes", []):
        if isinstance(volume, str):
            source, target, *mode = volume.split(":")
            mounts.append(Mount(source, target, read_only="ro" in mode[0].split(",") if mode else False))
        else:
            mounts.append(Mount(volume["source"], volume["target"], read_only=bool(volume.get("read_only"))))
    return mounts


def _command(service: dict[str, Any]) -> str:
    command = service.get("command", "")
    return " ".join(command) if isinstance(command, list) else command


def _environment(service: dict[str, Any]) -> dict[str, str]:
    environment = service.get("environment", {})
    if isinstance(environment, list):
        return dict(item.split("=", 1) for item in environment)
    return {key: str(value) for key, value in environment.items()}


def _exposed_ports(service: dict[str, Any]) -> set[int]:
    ports = {int(str(port).split("/")[0]) for port in service.get("expose", [])}
    for published in service.get("ports", []):
        ports.add(int(str(published).rsplit(":", 1)[-1]))
    return ports


# --- docker-compose.yml ----------------------------------------------------------------------------------


def test_compose_defines_every_service(compose: dict[str, Any]) -> None:
    assert set(compose["services"]) == SERVICES


def test_local_compose_has_only_infrastructure_on_the_documented_ports(compose_local: dict[str, Any]) -> None:
    services = compose_local["services"]
    assert set(services) == LOCAL_SERVICES
    published = {name: {str(port).split(":", 1)[-1] for port in service["ports"]} for name, service in services.items()}
    assert published["postgres"] == {"5433:5432"}
    assert published["rabbitmq"] == {"5672:5672", "15672:15672"}
    assert published["redis"] == {"6379:6379"}
    assert services["postgres"]["image"].startswith("pgvector/pgvector:")


@pytest.mark.parametrize("path", [COMPOSE, COMPOSE_LOCAL], ids=lambda p: p.name)
def test_bind_mounted_host_paths_exist(path: Path) -> None:
    data = _load_yaml(path)
    binds = [(name, mount) for name, service in data["services"].items() for mount in _mounts(service) if mount.is_bind]
    missing = [f"{name}: {mount.source}" for name, mount in binds if not (REPO / mount.source).exists()]
    assert not missing, f"bind-mounted paths missing from the repository: {missing}"
    assert all(mount.read_only for _, mount in binds), "configuration is mounted read-only"


@pytest.mark.parametrize("path", [COMPOSE, COMPOSE_LOCAL], ids=lambda p: p.name)
def test_named_volumes_are_declared(path: Path) -> None:
    data = _load_yaml(path)
    used = {mount.source for service in data["services"].values() for mount in _mounts(service) if not mount.is_bind}
    assert used <= set(data.get("volumes") or {})


def _has_healthcheck(service: dict[str, Any]) -> bool:
    healthcheck = service.get("healthcheck")
    if healthcheck is not None:
        return not healthcheck.get("disable", False)
    dockerfile = service.get("build", {}).get("dockerfile")
    return bool(dockerfile) and "HEALTHCHECK" in (REPO / dockerfile).read_text()


@pytest.mark.parametrize("path", [COMPOSE, COMPOSE_LOCAL], ids=lambda p: p.name)
def test_depends_on_targets_exist_and_can_satisfy_their_condition(path: Path) -> None:
    services = _load_yaml(path)["services"]
    for name, service in services.items():
        depends_on = service.get("depends_on", {})
        if not isinstance(depends_on, dict):
            depends_on = {target: {"condition": "service_started"} for target in depends_on}
        targets = depends_on
        for target, spec in targets.items():
            assert target in services, f"{name} depends on unknown service {target}"
            condition = spec.get("condition", "service_started")
            if condition == "service_healthy":
                assert _has_healthcheck(services[target]), f"{name} waits for {target}, which has no healthcheck"
            elif condition == "service_completed_successfully":
                assert services[target].get("restart", "no") == "no", f"{target} is a one-shot job"
            else:
                assert condition == "service_started"


def test_application_services_wait_for_migrations(compose: dict[str, Any]) -> None:
    services = compose["services"]
    for name in ("django", *WORKERS, "beat"):
        assert services[name]["depends_on"]["migrate"]["condition"] == "service_completed_successfully"
    assert services["migrate"]["depends_on"]["postgres"]["condition"] == "service_healthy"
    assert services["nginx"]["depends_on"]["django"]["condition"] == "service_healthy"


def _worker_queues(command: str) -> set[str]:
    match = re.search(r"(?:-Q|--queues)[ =](\S+)", command)
    return set(match.group(1).split(",")) if match else set()


def test_workers_consume_every_queue_exactly_once(compose: dict[str, Any]) -> None:
    from config.queues import QueueName

    workers = {name: _command(s) for name, s in compose["services"].items() if " worker" in _command(s)}
    assert set(workers) == set(WORKERS)
    consumed = [queue for command in workers.values() for queue in _worker_queues(command)]
    assert sorted(consumed) == sorted(queue.value for queue in QueueName)
    assert {name: _worker_queues(command) for name, command in workers.items()} == WORKER_QUEUES
    for command in workers.values():
        assert "--prefetch-multiplier=1" in command
        assert command.startswith("celery -A config worker")


def test_no_worker_consumes_the_dead_letter_queue(compose: dict[str, Any]) -> None:
    from config.queues import DEAD_LETTER_QUEUE

    for name in WORKERS:
        command = _command(compose["services"][name])
        assert _worker_queues(command), f"{name} names its queues: without -Q it would consume every queue"
        assert DEAD_LETTER_QUEUE not in _worker_queues(command)


def test_beat_keeps_its_schedule_on_a_volume(compose: dict[str, Any]) -> None:
    services = compose["services"]
    beats = [name for name, service in services.items() if " beat" in _command(service)]
    assert beats == ["beat"], "exactly one beat, or every periodic task is sent twice"
    match = re.search(r"--schedule=(\S+)", _command(services["beat"]))
    assert match, "the schedule file is named, not left in the (read-only) code directory"
    schedule_dir = match.group(1).rsplit("/", 1)[0]
    mounts = {mount.target: mount for mount in _mounts(services["beat"])}
    assert schedule_dir == "/app/var/beat"
    assert not mounts[schedule_dir].is_bind and not mounts[schedule_dir].read_only
    assert mounts[schedule_dir].source in compose["volumes"]
    assert services["beat"]["depends_on"]["rabbitmq"]["condition"] == "service_healthy"


def _supervisor_programs() -> dict[str, dict[str, str]]:
    import configparser

    parser = configparser.RawConfigParser()
    parser.read_string(SUPERVISORD_CONF.read_text())
    sections = [section for section in parser.sections() if section.startswith("program:")]
    return {section.removeprefix("program:"): dict(parser[section]) for section in sections}


def test_supervisor_runs_the_same_worker_groups_and_one_beat() -> None:
    from config.queues import DEAD_LETTER_QUEUE, QueueName

    programs = _supervisor_programs()
    workers = {name: _worker_queues(p["command"]) for name, p in programs.items() if " worker " in p["command"]}
    assert workers == {
        "worker_fast": WORKER_QUEUES["worker-fast"],
        "worker_slow": WORKER_QUEUES["worker-slow"],
        "worker_maintenance": WORKER_QUEUES["worker-maintenance"],
    }
    consumed = sorted(queue for queues in workers.values() for queue in queues)
    assert consumed == sorted(queue.value for queue in QueueName)
    assert DEAD_LETTER_QUEUE not in consumed
    beats = [name for name, p in programs.items() if " beat" in p["command"]]
    assert beats == ["beat"]
    beat = programs["beat"]
    assert beat["command"].startswith("%(ENV_VENV)s/bin/celery -A config beat ")
    assert "--schedule=%(ENV_RUN_DIR)s/" in beat["command"], "the schedule file lives in the run directory"
    assert beat["directory"] == "%(ENV_REPO_DIR)s/django_backend"
    assert beat["stdout_logfile"] == "%(ENV_LOG_DIR)s/beat.log"


def test_commands_match_the_contract(compose: dict[str, Any]) -> None:
    services = compose["services"]
    assert _command(services["migrate"]).endswith(
        "python manage.py migrate --noinput && python manage.py collectstatic --noinput"
    )
    # A listen backlog for a crowd of WebSockets reconnecting at once, and the descriptors to hold them.
    assert re.match(
        r"daphne -e tcp:port=8000:interface=0\.0\.0\.0:backlog=2048 .*config\.asgi:application$",
        _command(services["django"]),
    )
    assert services["django"]["ulimits"]["nofile"] == services["nginx"]["ulimits"]["nofile"] == 65536
    # One uvicorn worker per core, or AI_SERVICE_WORKERS, after emptying their shared metrics directory; `$$` is
    # compose's escape for the shell's `$`.
    assert _command(services["ai"]) == (
        'sh -c mkdir -p "$$PROMETHEUS_MULTIPROC_DIR" && find "$$PROMETHEUS_MULTIPROC_DIR" -mindepth 1 -delete'
        " && exec uvicorn ai_service.main:app --host 0.0.0.0 --port 8001"
        ' --workers "$${AI_SERVICE_WORKERS:-$$(nproc)}"'
    )
    assert _environment(services["ai"])["PROMETHEUS_MULTIPROC_DIR"] in services["ai"]["tmpfs"]
    assert _environment(services["ai"])["AI_ROOT_PATH"] == "/api/ai"
    assert _command(services["beat"]).startswith("celery -A config beat")
    assert _command(services["flower"]) == "celery -A config flower --port=5555 --url_prefix=flower"
    assert services["nginx"]["ports"] == ["${GATEWAY_PORT:-8080}:80"]
    published = [name for name, service in services.items() if service.get("ports")]
    assert published == ["nginx"], "only the gateway is reachable from outside"


def test_django_processes_share_settings_and_volumes(compose: dict[str, Any]) -> None:
    services = compose["services"]
    django_image = services["django"]["image"]
    for name in ("migrate", "django", *WORKERS, "beat", "flower"):
        service = services[name]
        assert service["image"] == django_image
        assert service["build"]["dockerfile"] == "django_backend/Dockerfile"
        assert service["build"]["context"] == "."
        environment = _environment(service)
        assert re.fullmatch(r"postgres://\S+@postgres:5432/\w+", environment["DATABASE_URL"])
        assert "@rabbitmq:5672/" in environment["CELERY_BROKER_URL"]
        assert environment["REDIS_URL"] == "redis://redis:6379/0"
        assert environment["AI_SERVICE_URL"] == "http://ai:8001"
        assert environment["MEDIA_ROOT"] == MEDIA
        assert environment["STATIC_ROOT"] == STATIC
        assert environment["USE_X_ACCEL_REDIRECT"] == "true"
        assert environment["DJANGO_SECRET_KEY"].startswith("${DJANGO_SECRET_KEY:?")
        assert environment["LOG_NAME"], "every process writes its own /app/logs/<name>.log"
    assert services["ai"]["build"] == {"context": ".", "dockerfile": "ai_service/Dockerfile"}

    def targets(name: str) -> dict[str, Mount]:
        return {mount.target: mount for mount in _mounts(services[name])}

    for name in ("migrate", "django", *WORKERS):
        assert {MEDIA, STATIC, LOGS} <= set(targets(name))
    assert targets("ai")[LOGS].source == targets("django")[LOGS].source
    assert targets("promtail")[LOGS].read_only
    nginx = targets("nginx")
    assert nginx[MEDIA].read_only and nginx[STATIC].read_only
    assert nginx[MEDIA].source == targets("django")[MEDIA].source
    assert nginx["/etc/nginx/nginx.conf"].source == "./nginx/nginx.conf"


def test_secrets_are_not_literals(compose: dict[str, Any]) -> None:
    grafana = _environment(compose["services"]["grafana"])
    assert grafana["GF_SECURITY_ADMIN_PASSWORD"].startswith("${GRAFANA_ADMIN_PASSWORD:?")
    assert grafana["GF_AUTH_ANONYMOUS_ENABLED"] == "false"
    assert grafana["GF_SERVER_ROOT_URL"] == "%(protocol)s://%(domain)s/grafana/"
    assert grafana["GF_SERVER_SERVE_FROM_SUB_PATH"] == "true"
    assert _environment(compose["services"]["ai"])["OPENAI_API_KEY"] == "${OPENAI_API_KEY:-}"
    for name in ("django", "ai", *WORKERS):
        token = _environment(compose["services"][name])["METRICS_BEARER_TOKEN"]
        assert token.startswith("${METRICS_BEARER_TOKEN:?"), name


def _rabbitmq_definitions(compose: dict[str, Any], tmp_path: Path) -> tuple[dict[str, Any], str]:
    """The definitions the rabbitmq container writes at start, made by running its own command here (the file
    written under tmp_path, the hand-over to the real entrypoint left out)."""
    service = compose["services"]["rabbitmq"]
    shell, flag, script = service["command"]
    assert (shell, flag) == ("sh", "-c")
    match = re.search(r"cat > (\S+) <<", script)
    assert match, "the command writes a definitions file"
    target = match.group(1)
    runnable = script.replace("$$", "$").replace(target, str(tmp_path / "definitions.json"))
    runnable = "\n".join(line for line in runnable.splitlines() if not line.startswith(("chown ", "exec ")))
    assert script.splitlines()[-1] == "exec docker-entrypoint.sh rabbitmq-server"
    env = {
        "PATH": os.environ["PATH"],
        "RABBITMQ_APP_USER": "recruitment",
        "RABBITMQ_APP_PASSWORD": "app-pw-1",
        "RABBITMQ_OPERATOR_USER": "operator",
        "RABBITMQ_OPERATOR_PASSWORD": "operator-pw-1",
    }
    subprocess.run(["sh", "-c", runnable], env=env, check=True, timeout=30)
    written = tmp_path / "definitions.json"
    assert written.stat().st_mode & 0o077 == 0, "the passwords are readable by their owner only"
    return json.loads(written.read_text()), target


def test_rabbitmq_users_are_an_app_user_and_a_monitoring_user_never_guest(
    compose: dict[str, Any], tmp_path: Path
) -> None:
    services = compose["services"]
    rabbitmq = _environment(services["rabbitmq"])
    assert not {"RABBITMQ_DEFAULT_USER", "RABBITMQ_DEFAULT_PASS"} & set(rabbitmq), "no administrator default user"
    assert rabbitmq["RABBITMQ_APP_PASSWORD"].startswith("${RABBITMQ_APP_PASSWORD:?")
    assert rabbitmq["RABBITMQ_OPERATOR_PASSWORD"].startswith("${RABBITMQ_OPERATOR_PASSWORD:?")
    definitions, target = _rabbitmq_definitions(compose, tmp_path)
    assert re.search(rf"^load_definitions\s*=\s*{re.escape(target)}$", RABBITMQ_CONF.read_text(), re.M)
    users = {user["name"]: user for user in definitions["users"]}
    assert set(users) == {"recruitment", "operator"}, "no guest"
    assert (users["recruitment"]["password"], users["recruitment"]["tags"]) == ("app-pw-1", "")
    assert (users["operator"]["password"], users["operator"]["tags"]) == ("operator-pw-1", "monitoring")
    permissions = {p["user"]: (p["vhost"], p["configure"], p["write"], p["read"]) for p in definitions["permissions"]}
    assert permissions == {"recruitment": ("/", ".*", ".*", ".*"), "operator": ("/", "^$", "^$", ".*")}
    broker_url = "amqp://${RABBITMQ_APP_USER:-recruitment}:${RABBITMQ_APP_PASSWORD:?set RABBITMQ_APP_PASSWORD in .env}"
    for name in ("django", *WORKERS, "beat", "flower", "migrate"):
        assert _environment(services[name])["CELERY_BROKER_URL"].startswith(broker_url + "@rabbitmq:5672/"), name
    broker_api = _environment(services["flower"])["FLOWER_BROKER_API"]
    assert broker_api.startswith("http://${RABBITMQ_OPERATOR_USER:-operator}:${RABBITMQ_OPERATOR_PASSWORD:?")
    assert "guest" not in re.sub(r"#[^\n]*", "", COMPOSE.read_text())


# --- nginx/nginx.conf --------------------------------------------------------------------------------------


OPERATOR_UIS = ("/flower/", "/prometheus/", "/alertmanager/", "/rabbitmq/", "/grafana/")


def _nginx_text() -> str:
    """The configuration without comments and with quoted strings emptied, so braces and `#` are structural."""
    text = re.sub(r"#[^\n]*", "", NGINX_CONF.read_text())
    return re.sub(r"'[^']*'|\"[^\"]*\"", '""', text)


def _nginx_locations() -> dict[str, str]:
    """Each `location [modifier] path` of the container gateway mapped to the text of its block."""
    return _blocks(_nginx_text())


def _directives(block: str, name: str) -> list[str]:
    return [value.strip() for value in re.findall(rf"(?:^|[;{{}}\s]){name}\s+([^;]*);", block)]


def _upstream_groups(text: str) -> dict[str, str]:
    """Each `upstream NAME { server ADDRESS; keepalive N; }` of a config mapped to its one server, every group kept
    alive (connections reused instead of one per request)."""
    groups = re.findall(r"upstream (\w+) \{((?:[^{}]|\{\{\w+\}\})*)\}", text)  # {{NAME}}: the host's placeholders
    assert groups and all(int(_directives(block, "keepalive")[0]) >= 32 for _, block in groups)
    return {name: _directives(block, "server")[0] for name, block in groups}


@pytest.fixture(scope="module")
def locations() -> dict[str, str]:
    return _nginx_locations()


def test_nginx_routes_each_prefix_to_its_service(locations: dict[str, str]) -> None:
    expected = {
        "/": "http://django",  # the upstream group of the same name (server django:8000, kept alive)
        "/admin/": "http://django",
        "/api/": "http://django",
        "/ws/": "http://django",
        "/api/ai/": "http://ai_service/",  # the trailing slash strips /api/ai/
        "/flower/": "http://flower:5555",  # no URI part: the prefix is kept
        "/grafana/": "http://grafana:3000",
        "/prometheus/": "http://prometheus:9090",
        "/alertmanager/": "http://alertmanager:9093",
        "/rabbitmq/": "http://rabbitmq:15672",
        "= /_auth/operator": "http://django/api/auth/operator-check/",
        "= /_auth/metrics": "http://django/api/auth/metrics-check/",
        "= /metrics": "http://django",
        "= /api/ai/metrics": "http://ai_service/metrics",
    }
    for location, upstream in expected.items():
        assert _directives(locations[location], "proxy_pass") == [upstream], location
    assert _upstream_groups(_nginx_text()) == {"django": "django:8000", "ai_service": "ai:8001"}


def test_nginx_serves_files_from_the_shared_volumes(locations: dict[str, str]) -> None:
    assert _directives(locations["/static/"], "alias") == [f"{STATIC}/"]
    protected = locations["/protected-media/"]
    assert re.search(r"(^|[;\s])internal;", protected), "resumes are reachable only through X-Accel-Redirect"
    assert _directives(protected, "alias") == [f"{MEDIA}/"]
    assert not [loc for loc, block in locations.items() if f"{MEDIA}" in block and loc != "/protected-media/"]


def test_nginx_guards_operator_uis_with_an_operator_session(locations: dict[str, str]) -> None:
    for location in OPERATOR_UIS:
        block = locations[location]
        assert _directives(block, "auth_request") == ["/_auth/operator"], location
        assert _directives(block, "error_page") == ["401 = @staff_login"], location
    for location in ("= /metrics", "= /api/ai/metrics"):
        block = locations[location]
        assert _directives(block, "auth_request") == ["/_auth/metrics"], location
        assert _directives(block, "error_page") == ["401 = @metrics_unauthorized"], location
        assert _directives(block, "auth_request_set") == [
            "$metrics_authorization $upstream_http_x_metrics_authorization"
        ]
        assert "Authorization $metrics_authorization" in _directives(block, "proxy_set_header"), location
    for check in ("= /_auth/operator", "= /_auth/metrics"):
        auth = locations[check]
        assert re.search(r"(^|[;\s])internal;", auth)
        assert _directives(auth, "proxy_pass_request_body") == ["off"]
        assert _directives(auth, "proxy_method") == ["GET"]
    login = NGINX_CONF.read_text()
    assert re.search(r"location @staff_login \{\s*return 302 /admin/login/\?next=\$request_uri;", login)
    guarded = sorted(location for location, block in locations.items() if "/_auth/operator;" in block)
    assert guarded == sorted(OPERATOR_UIS), "Grafana's own login stands behind the operator check, not instead"


def test_nginx_websockets_and_forwarded_headers(locations: dict[str, str]) -> None:
    text = _nginx_text()
    server_level = text[text.index("server {") : text.index("location")]
    for header in ("Host $http_host", "X-Forwarded-For $remote_addr", "X-Forwarded-Proto $scheme",
                   "Upgrade $http_upgrade", "Connection $connection_upgrade"):  # fmt: skip
        assert header in _directives(server_level, "proxy_set_header"), header
    assert _directives(server_level, "proxy_http_version") == ["1.1"]
    assert "proxy_set_header" not in locations["/ws/"], "a location's own headers would drop the Upgrade ones"
    timeout = _directives(locations["/ws/"], "proxy_read_timeout")[0]
    assert timeout.endswith("h") or int(timeout.rstrip("s")) >= 600
    # nginx does not merge proxy_set_header: a location that sets one must repeat the forwarding headers.
    for location, block in locations.items():
        own = _directives(block, "proxy_set_header")
        if own:
            names = {header.split()[0] for header in own}
            assert {"Host", "X-Forwarded-For", "X-Forwarded-Proto"} <= names, location


def test_nginx_body_limit_matches_max_upload_bytes(compose: dict[str, Any]) -> None:
    text = _nginx_text()
    # 10m for everything; bulk import archives (MAX_IMPORT_BYTES) get their own location with 200m.
    assert _directives(text, "client_max_body_size") == ["10m", "200m"]
    assert re.search(
        r"location ~ \^/\(api/imports/\|admin/ingestion/importbatch/upload/\) \{\s*client_max_body_size 200m;", text
    )
    for name in ("django", *WORKERS):
        assert int(_environment(compose["services"][name])["MAX_UPLOAD_BYTES"]) == UPLOAD_LIMIT
    assert re.search(r"client_max_body_size 10m;", NGINX_CONF.read_text())
    assert "MAX_UPLOAD_BYTES" in NGINX_CONF.read_text(), "the comment ties the limit to the setting"


def test_nginx_logs_json() -> None:
    raw = NGINX_CONF.read_text()
    match = re.search(r"log_format json escape=json ((?:'[^']*'\s*)+);", raw)
    assert match, "a JSON access log format"
    entry = "".join(re.findall(r"'([^']*)'", match.group(1)))
    sample = json.loads(re.sub(r"\$\w+", "0", entry))
    assert {"time", "method", "uri", "status", "duration"} <= set(sample)
    logs = [value for value in _directives(_nginx_text(), "access_log") if value != "off"]
    assert logs == ["/dev/stdout json", f"{LOGS}/nginx-access.log json"]


@pytest.mark.parametrize("path", [NGINX_CONF, NGINX_LOCAL_CONF], ids=lambda p: p.name)
def test_nginx_never_logs_query_strings(path: Path) -> None:
    raw = path.read_text()
    formats = re.findall(r"log_format \w+ [^;]*;", raw)
    assert formats, "a log format of our own"
    for log_format in formats:
        assert "$request_uri" not in log_format and "$args" not in log_format and "$query_string" not in log_format
        assert "$request " not in log_format and "$http_referer" not in log_format
        assert '"uri":"$request_path"' in log_format
    assert re.search(r'map \$request_uri \$request_path \{\s*"~\^\(\?<path>\[\^\?\]\*\)" \$path;\s*\}', raw)
    assert not re.search(r"access_log [^;]*(?<!json);", re.sub(r"access_log off;", "", raw)), "every log: json"


def _security_headers_hold_everywhere(text: str, blocks: dict[str, str]) -> None:
    server_level = text[text.index("server {") : text.index("location")]
    headers = {"X-Content-Type-Options nosniff always", "X-Frame-Options DENY always"}
    assert headers <= set(_directives(server_level, "add_header"))
    hidden = set(_directives(server_level, "proxy_hide_header"))
    assert {"X-Content-Type-Options", "X-Frame-Options", "X-Metrics-Authorization"} <= hidden
    # nginx does not merge add_header or proxy_hide_header: a location with any of its own repeats them.
    for location, block in blocks.items():
        own = set(_directives(block, "add_header"))
        assert not own or headers <= own, location
        assert not _directives(block, "proxy_hide_header"), location


def test_nginx_sets_security_headers_on_every_route(locations: dict[str, str]) -> None:
    _security_headers_hold_everywhere(_nginx_text(), locations)
    assert "Cache-Control private, no-store always" in [
        re.sub(r'"', "", header) for header in _directives(NGINX_CONF.read_text(), "add_header")
    ]


def test_nginx_limits_sign_in_attempts_and_the_ai_service(locations: dict[str, str]) -> None:
    text = _nginx_text()
    assert _directives(text, "limit_req_zone") == [
        "$login_attempt_key zone=login:10m rate=30r/m",
        "$binary_remote_addr zone=ai:10m rate=10r/s",
    ]
    assert _directives(text, "limit_req_status") == ["429"]
    assert re.search(
        r"map \$request_method \$login_attempt_key \{\s*POST\s+\$binary_remote_addr;\s*default\s+\"\";", text
    )
    login = locations["~ ^/(admin/login/|api/auth/token/|api/auth/jwt/)$"]
    assert _directives(login, "limit_req") == ["zone=login burst=30 nodelay"]
    assert _directives(locations["/api/ai/"], "limit_req") == ["zone=ai burst=20 nodelay"]
    limited = sorted(location for location, block in locations.items() if "limit_req " in block)
    assert limited == ["/api/ai/", "~ ^/(admin/login/|api/auth/token/|api/auth/jwt/)$"]


def test_nginx_replaces_server_errors_of_the_services(locations: dict[str, str]) -> None:
    text = _nginx_text()
    server_level = text[text.index("server {") : text.index("location")]
    assert "500 = @server_error" in _directives(server_level, "error_page")
    for location, block in locations.items():
        upstream = re.search(r"proxy_pass http://(django|ai_service)\b", block)
        if upstream and not location.startswith(("= /_auth", "= /")):
            if location in ("/ws/",):
                continue
            assert _directives(block, "proxy_intercept_errors") == ["on"], location
            own = _directives(block, "error_page")
            assert not own or "500 = @server_error" in own, location


@pytest.mark.parametrize("path", [NGINX_CONF, NGINX_LOCAL_CONF], ids=lambda p: p.name)
def test_nginx_has_room_for_the_promised_websocket_clients(path: Path) -> None:
    """`make bench-ws` connects 1,000 WebSocket clients through the host's one worker; each holds two connections in
    nginx (the client's and daphne's), each a descriptor. 8192 per worker is 4,000 sockets."""
    text = path.read_text()
    connections = int(re.search(r"worker_connections (\d+);", text).group(1))
    files = int(re.search(r"worker_rlimit_nofile (\d+);", text).group(1))
    assert connections == 8192 and connections >= 4 * 2 * 1000
    assert files == 2 * connections
    assert re.search(r"^\s*multi_accept on;", text, re.M), "a reconnecting crowd, accepted at once"
    assert re.search(r"^\s*listen \S+( default_server)? backlog=4096;", text, re.M)
    assert "1,000" in text[: text.index("worker_connections 8192")], "the comment ties the figure to the benchmark"
    # Plain requests send `Connection: ""`, not `close`, so the upstream connections are kept.
    assert re.search(r"map \$http_upgrade \$connection_upgrade \{\s*default upgrade;\s*''\s+\"\";\s*\}", text)


def _local_text() -> str:
    text = re.sub(r"#[^\n]*", "", NGINX_LOCAL_CONF.read_text())
    return re.sub(r"'[^']*'|\"[^\"]*\"", '""', text)


def _blocks(text: str) -> dict[str, str]:
    """Each `location [modifier] path` of an nginx config mapped to the text of its block."""
    blocks = {}
    for match in re.finditer(r"location\s+(?:(=|~\*?|\^~)\s+)?(\S+)\s*\{", text):
        depth, end = 1, match.end()
        while depth:
            depth += {"{": 1, "}": -1}.get(text[end], 0)
            end += 1
        blocks[f"{match.group(1) or ''} {match.group(2)}".strip()] = text[match.end() : end - 1]
    return blocks


def test_the_local_gateway_enforces_the_same_rules(locations: dict[str, str]) -> None:
    """nginx.local.conf (make up, e2e) and nginx.conf (containers) differ in upstream addresses only."""
    local_text, text = _local_text(), _nginx_text()
    local = _blocks(local_text)
    _security_headers_hold_everywhere(local_text, local)
    for directive in ("limit_req_zone", "limit_req_status", "worker_connections", "worker_rlimit_nofile"):
        assert _directives(local_text, directive) == _directives(text, directive), directive
    shared = ("= /_auth/operator", "= /_auth/metrics", "/flower/", "/rabbitmq/", "/prometheus/", "/alertmanager/",
              "= /metrics", "= /api/ai/metrics",
              "/api/ai/", "~ ^/(admin/login/|api/auth/token/|api/auth/jwt/)$", "/protected-media/", "/ws/",
              "@server_error", "@too_many_requests", "@metrics_unauthorized")  # fmt: skip
    for location in shared:
        for directive in ("auth_request", "auth_request_set", "limit_req", "add_header", "proxy_intercept_errors",
                          "proxy_method", "proxy_pass_request_body", "internal", "return"):  # fmt: skip
            assert _directives(local[location], directive) == _directives(locations[location], directive), (
                location,
                directive,
            )
    assert _directives(local["= /metrics"], "error_page") == ["401 = @metrics_unauthorized"]
    for location in OPERATOR_UIS:
        assert _directives(local[location], "auth_request") == ["/_auth/operator"], location
        assert _directives(local[location], "error_page") == ["401 = @staff_login"], location
    assert "Authorization $metrics_authorization" in _directives(local["= /api/ai/metrics"], "proxy_set_header")
    assert _directives(local["= /_auth/metrics"], "proxy_pass") == ["http://django/api/auth/metrics-check/"]
    assert _upstream_groups(local_text) == {
        "django": "127.0.0.1:{{DJANGO_PORT}}",
        "ai_service": "127.0.0.1:{{AI_SERVICE_PORT}}",
    }
    assert "X-Forwarded-For $remote_addr" in _directives(local_text[: local_text.index("location")], "proxy_set_header")


def test_nginx_upstreams_are_compose_services(compose: dict[str, Any]) -> None:
    services = compose["services"]
    text = _nginx_text()
    addresses = [*re.findall(r"http://([a-z][\w-]*):(\d+)", text), *re.findall(r"server ([a-z][\w-]*):(\d+);", text)]
    assert ("django", "8000") in addresses and ("ai", "8001") in addresses
    for host, port in set(addresses):
        assert host in services, host
        assert int(port) in _exposed_ports(services[host]), f"{host}:{port}"


def test_prefixes_agree_between_gateway_and_services(compose: dict[str, Any], locations: dict[str, str]) -> None:
    services = compose["services"]
    assert "--url_prefix=flower" in _command(services["flower"])
    prometheus = _command(services["prometheus"])
    assert "--web.route-prefix=/prometheus" in prometheus
    assert re.search(r"--web\.external-url=\S+/prometheus/", prometheus)
    assert re.search(r"^management\.path_prefix\s*=\s*/rabbitmq$", RABBITMQ_CONF.read_text(), re.M)
    rabbit_mounts = {mount.source: mount.target for mount in _mounts(services["rabbitmq"])}
    assert rabbit_mounts["./monitoring/rabbitmq/30-recruitment.conf"].startswith("/etc/rabbitmq/conf.d/")
    assert _environment(services["ai"])["AI_ROOT_PATH"] + "/" in locations


# --- monitoring ---------------------------------------------------------------------------------------------


def test_prometheus_scrapes_compose_services(compose: dict[str, Any]) -> None:
    config = _load_yaml(PROMETHEUS_YML)
    services = compose["services"]
    assert config["rule_files"] == ["alerts.yml"]
    jobs = {job["job_name"]: job for job in config["scrape_configs"]}
    targets = {
        name: [target for static in job["static_configs"] for target in static["targets"]] for name, job in jobs.items()
    }
    assert targets["django"] == ["django:8000"]
    assert targets["ai"] == ["ai:8001"]
    assert targets["flower"] == ["flower:5555"]
    assert targets["rabbitmq"] == ["rabbitmq:15692"]
    assert targets["postgres"] == ["postgres-exporter:9187"]
    assert targets["redis"] == ["redis-exporter:9121"]
    assert targets["nginx"] == ["nginx-exporter:9113"]
    assert targets["node"] == ["node-exporter:9100"]
    assert targets["alertmanager"] == ["alertmanager:9093"]
    assert jobs["flower"]["metrics_path"] == "/flower/metrics"
    assert jobs["prometheus"]["metrics_path"] == "/prometheus/metrics"
    for name, job_targets in targets.items():
        for target in job_targets:
            host, port = target.split(":")
            assert host in services, f"{name}: {target}"
            assert int(port) in _exposed_ports(services[host]), f"{name}: {target}"
    mounts = {mount.source: mount.target for mount in _mounts(services["prometheus"])}
    config_dir = mounts["./monitoring/prometheus"]
    assert f"--config.file={config_dir}/prometheus.yml" in _command(services["prometheus"])
    # Both services want the bearer token on /metrics: a compose secret, from METRICS_BEARER_TOKEN.
    for name in ("django", "ai"):
        assert jobs[name]["authorization"] == {
            "type": "Bearer",
            "credentials_file": "/run/secrets/metrics_bearer_token",
        }, name
    assert services["prometheus"]["secrets"] == ["metrics_bearer_token"]
    assert compose["secrets"]["metrics_bearer_token"] == {"environment": "METRICS_BEARER_TOKEN"}


def test_alert_rules_are_complete() -> None:
    groups = _load_yaml(ALERTS_YML)["groups"]
    rules = [rule for group in groups for rule in group["rules"]]
    names = {rule["alert"] for rule in rules}
    assert {"TargetDown", "AIServiceHighErrorRate", "QueueBacklogHigh", "CeleryTaskFailures"} <= names
    for rule in rules:
        assert rule["expr"].strip(), rule["alert"]
        assert re.fullmatch(r"\d+[smh]", rule["for"]), rule["alert"]
        assert rule["labels"]["severity"] in {"warning", "critical"}, rule["alert"]
        assert rule["annotations"]["summary"], rule["alert"]
    expressions = {rule["alert"]: rule["expr"] for rule in rules}
    assert "rabbitmq_queue_messages_ready" in expressions["QueueBacklogHigh"]
    assert 'status=~"5.."' in expressions["AIServiceHighErrorRate"]
    assert 'type="task-failed"' in expressions["CeleryTaskFailures"]


def test_rabbitmq_is_scraped_per_queue() -> None:
    """rabbitmq_queue_messages_ready{queue=...} for the backlog alerts, on any broker: the per-object endpoint."""
    jobs = {job["job_name"]: job for job in _load_yaml(PROMETHEUS_YML)["scrape_configs"]}
    assert jobs["rabbitmq"]["metrics_path"] == "/metrics/per-object"


def test_loki_is_a_single_binary_on_the_filesystem_with_tsdb_v13() -> None:
    config = _load_yaml(LOKI_YML)
    assert config["auth_enabled"] is False
    assert config["common"]["storage"]["filesystem"]
    schemas = config["schema_config"]["configs"]
    assert [(s["store"], s["object_store"], s["schema"]) for s in schemas] == [("tsdb", "filesystem", "v13")]
    assert config["compactor"]["delete_request_store"] == "filesystem"


def test_promtail_ships_the_json_logs_with_service_and_level(compose: dict[str, Any]) -> None:
    config = _load_yaml(PROMTAIL_YML)
    assert config["clients"] == [{"url": "http://loki:3100/loki/api/v1/push"}]
    assert 3100 in _exposed_ports(compose["services"]["loki"])
    (scrape,) = config["scrape_configs"]
    (static,) = scrape["static_configs"]
    assert static["labels"]["__path__"] == f"{LOGS}/*.log"
    stages = {name: spec for stage in scrape["pipeline_stages"] for name, spec in stage.items()}
    expressions = stages["json"]["expressions"]
    assert set(expressions) == {"level", "json_service", "logger", "message", "request_id", "task_id", "task_name",
                                "organization_id"}  # fmt: skip
    assert expressions["json_service"] == "service", "the line's own service wins over the file name"
    assert set(stages["labels"]) == {"level", "service"}, "ids are metadata, never labels"
    assert {"task_id", "request_id", "organization_id"} <= set(stages["structured_metadata"])
    assert {"level", "service"} <= set(stages["labels"])
    service = re.compile(stages["regex"]["expression"])  # Go's RE2 and Python agree on this syntax
    assert stages["regex"]["source"] == "filename"
    assert service.match(f"{LOGS}/worker_fast.log").group("service") == "worker_fast"
    assert service.match(f"{LOGS}/nginx-access.log").group("service") == "nginx-access"
    assert "logger" in stages["structured_metadata"]
    mounts = {mount.source: mount.target for mount in _mounts(compose["services"]["promtail"])}
    config_dir = mounts["./monitoring/promtail"]
    assert f"-config.file={config_dir}/promtail-config.yml" in _command(compose["services"]["promtail"])
    positions = Path(config["positions"]["filename"]).parent
    assert str(positions) in mounts.values(), "positions survive a restart"


def _datasource_uids() -> set[str]:
    datasources = _load_yaml(DATASOURCES_YML)["datasources"]
    uids = [source["uid"] for source in datasources]
    assert len(uids) == len(set(uids))
    assert {source["type"] for source in datasources} == {"prometheus", "loki"}
    return set(uids)


def _panels(dashboard: dict[str, Any]) -> Iterator[dict[str, Any]]:
    for panel in dashboard["panels"]:
        yield panel
        yield from panel.get("panels", [])


def test_grafana_dashboard_uses_provisioned_datasources(compose: dict[str, Any]) -> None:
    uids = _datasource_uids()
    dashboard = json.loads(DASHBOARD_JSON.read_text())
    panels = [panel for panel in _panels(dashboard) if panel["type"] != "row"]
    assert len(panels) >= 6
    for panel in panels:
        assert panel["datasource"]["uid"] in uids, panel["title"]
        assert panel["targets"], panel["title"]
        for target in panel["targets"]:
            assert target.get("datasource", panel["datasource"])["uid"] in uids, panel["title"]
            assert target["expr"].strip(), panel["title"]
    ids = [panel["id"] for panel in _panels(dashboard)]
    assert len(ids) == len(set(ids))

    expressions = " ".join(target["expr"] for panel in panels for target in panel["targets"])
    for metric in ("django_http_requests_total_by_view_transport_method_total", "ai_service_http_requests_total",
                   "django_http_requests_latency_seconds_by_view_method_bucket", "ai_service_analyses_total",
                   "rabbitmq_queue_messages_ready", 'flower_events_total{type="task-failed"}'):  # fmt: skip
        assert metric in expressions, metric
    logs = [panel for panel in panels if panel["type"] == "logs"]
    assert logs and all(panel["datasource"]["type"] == "loki" for panel in logs)
    assert 'level=~"error' in logs[0]["targets"][0]["expr"]

    provider = _load_yaml(DASHBOARDS_YML)["providers"][0]
    grafana_mounts = {mount.source: mount.target for mount in _mounts(compose["services"]["grafana"])}
    assert grafana_mounts["./monitoring/grafana/dashboards"] == provider["options"]["path"]
    assert grafana_mounts["./monitoring/grafana/provisioning"] == "/etc/grafana/provisioning"
    home = _environment(compose["services"]["grafana"])["GF_DASHBOARDS_DEFAULT_HOME_DASHBOARD_PATH"]
    assert home == f"{provider['options']['path']}/{DASHBOARD_JSON.name}"


def test_datasources_point_at_compose_services(compose: dict[str, Any]) -> None:
    urls = {source["type"]: source["url"] for source in _load_yaml(DATASOURCES_YML)["datasources"]}
    assert urls["prometheus"] == "http://prometheus:9090/prometheus"
    assert urls["loki"] == "http://loki:3100"
    assert 9090 in _exposed_ports(compose["services"]["prometheus"])


# --- Dockerfiles --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("dockerfile", [DJANGO_DOCKERFILE, AI_DOCKERFILE], ids=lambda p: p.parent.name)
def test_dockerfiles_are_slim_non_root_offline_and_health_checked(dockerfile: Path) -> None:
    text = dockerfile.read_text()
    assert re.search(r"^FROM python:3\.11-slim$", text, re.M)
    users = re.findall(r"^USER (\S+)$", text, re.M)
    assert users and users[-1] not in {"root", "0"}
    for variable in ("HF_HUB_OFFLINE=1", "TRANSFORMERS_OFFLINE=1", "PYTHONPATH=/app"):
        assert variable in text, variable
    port = "8000" if dockerfile == DJANGO_DOCKERFILE else "8001"
    path = "/healthz" if dockerfile == DJANGO_DOCKERFILE else "/health"
    assert re.search(rf"HEALTHCHECK .*\\\n\s+CMD curl -fsS -o /dev/null http://localhost:{port}{path} ", text)
    assert "COPY recruitment_core/ /app/recruitment_core/" in text
    extras = "scoring,extraction,embeddings" if dockerfile == DJANGO_DOCKERFILE else "scoring"
    assert f'RUN pip install -e "/app/recruitment_core[{extras}]"' in text
    assert "curl" in re.search(r"apt-get install[^\n]*\n?[^\n]*", text).group(0)


def _torch_pin(requirements: Path) -> str | None:
    match = re.search(r"^torch==(\S+)$", requirements.read_text(), re.M) if requirements.exists() else None
    return match.group(1) if match else None


def test_torch_comes_from_the_cpu_index_before_the_requirements() -> None:
    text = DJANGO_DOCKERFILE.read_text()
    assert "PYTHONPATH=/app:/app/django_backend" in text
    version = re.search(r"^ARG TORCH_VERSION=(\S+)$", text, re.M).group(1)
    pin = _torch_pin(REPO / "requirements.txt")
    if pin is not None:
        assert version == pin, "the Dockerfile's torch must be the pinned one, or pip replaces it"
    cpu_install = text.index('pip install "torch==${TORCH_VERSION}" --index-url https://download.pytorch.org/whl/cpu')
    assert cpu_install < text.index("pip install -r /app/requirements.txt")
    ai_pin = _torch_pin(REPO / "ai_service" / "requirements.txt")
    if ai_pin is not None:
        assert re.search(r"^ARG TORCH_VERSION=(\S+)$", AI_DOCKERFILE.read_text(), re.M).group(1) == ai_pin


def _log_wrapper_command(dockerfile: Path) -> str:
    text = dockerfile.read_text()
    assert 'ENTRYPOINT ["/usr/local/bin/log-to-file"]' in text
    return re.search(r"RUN (printf .*?)\n\n", text, re.S).group(1).replace("\\\n", " ")


def test_log_wrapper_copies_output_to_the_logs_volume() -> None:
    """The entrypoint both images generate, run here with the logs directory swapped for a temporary one."""
    run = _log_wrapper_command(DJANGO_DOCKERFILE)
    assert _log_wrapper_command(AI_DOCKERFILE) == run
    with tempfile.TemporaryDirectory() as tmp:
        script = Path(tmp) / "log-to-file"
        logs = Path(tmp) / "logs"
        logs.mkdir()
        subprocess.run(
            ["sh", "-c", run.replace("/usr/local/bin/log-to-file", str(script)).replace(LOGS, str(logs))], check=True
        )
        result = subprocess.run(
            [str(script), "sh", "-c", "echo out; echo err >&2; exit 3"],
            env={**os.environ, "LOG_NAME": "django"},
            capture_output=True,
            text=True,
            timeout=30,
        )
        assert result.returncode == 3
        assert sorted(result.stdout.split()) == ["err", "out"]
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline and len((logs / "django.log").read_text().split()) < 2:
            time.sleep(0.05)
        assert sorted((logs / "django.log").read_text().split()) == ["err", "out"]


def test_dockerignore_keeps_secrets_and_state_out_of_the_context() -> None:
    patterns = {line.strip() for line in (REPO / ".dockerignore").read_text().splitlines()}
    assert {".git", ".venv", ".env", "var", "logs"} <= patterns
    assert "recruitment_core" not in patterns


# --- the real tools, where installed ------------------------------------------------------------------------


def _docker_compose() -> list[str] | None:
    for command in (["docker", "compose"], ["docker-compose"]):
        if shutil.which(command[0]) is None:
            continue
        result = subprocess.run([*command, "version"], capture_output=True, text=True, timeout=30)
        if result.returncode == 0 and re.search(r"v?2\.\d+", result.stdout):
            return command
    return None


@pytest.mark.parametrize("path", [COMPOSE, COMPOSE_LOCAL], ids=lambda p: p.name)
def test_docker_compose_accepts_the_file(path: Path, tmp_path: Path) -> None:
    command = _docker_compose()
    if command is None:
        pytest.skip("Docker Compose v2 is not installed")
    required = {
        "DJANGO_SECRET_KEY": "test-secret",
        "GRAFANA_ADMIN_PASSWORD": "test-password",
        "AI_SERVICE_API_KEY": "test-ai-service-key-0123456789",
        "METRICS_BEARER_TOKEN": "test-metrics-token",
        "RABBITMQ_APP_PASSWORD": "test-app-password",
        "RABBITMQ_OPERATOR_PASSWORD": "test-operator-password",
    }
    env = {**os.environ, **required}
    # An empty env file, so a developer's .env cannot change the outcome.
    (tmp_path / "empty.env").write_text("")
    result = subprocess.run(
        [*command, "--env-file", str(tmp_path / "empty.env"), "-f", str(path), "config", "--format", "json"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    resolved = json.loads(result.stdout)
    if path == COMPOSE:
        environment = resolved["services"]["django"]["environment"]
        assert environment["DJANGO_SECRET_KEY"] == "test-secret"
        assert environment["DJANGO_ALLOWED_HOSTS"] == "localhost,127.0.0.1,django,localhost"
        missing = subprocess.run(
            [*command, "--env-file", str(tmp_path / "empty.env"), "-f", str(path), "config", "-q"],
            cwd=REPO,
            env={k: v for k, v in os.environ.items() if k not in required},
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert missing.returncode != 0
        assert "DJANGO_SECRET_KEY" in missing.stderr or "GRAFANA_ADMIN_PASSWORD" in missing.stderr


COMPOSE_SPEC_SCHEMA = REPO / "tests" / "fixtures" / "compose_spec" / "compose-spec.json"


def _compose_spec_errors(document: Any) -> list[str]:
    schema = json.loads(COMPOSE_SPEC_SCHEMA.read_text())
    validator = jsonschema.validators.validator_for(schema)(schema)
    return [f"{'/'.join(map(str, error.absolute_path))}: {error.message}" for error in validator.iter_errors(document)]


@pytest.mark.parametrize("path", [COMPOSE, COMPOSE_LOCAL], ids=lambda p: p.name)
def test_compose_validates_against_the_compose_specification_schema(path: Path) -> None:
    # YAML merge keys ("<<: *x") are resolved by the loader, as Docker Compose resolves them before validating.
    assert _compose_spec_errors(yaml.safe_load(path.read_text())) == []


def test_the_compose_specification_schema_rejects_what_compose_rejects(compose: dict[str, Any]) -> None:
    broken = json.loads(json.dumps(compose))
    broken["services"]["django"]["restart_policy"] = "always"  # a key of deploy:, not of a service
    broken["services"]["nginx"]["ports"] = [{"target": "eighty"}]
    broken["volumes_extra"] = {}
    errors = _compose_spec_errors(broken)
    assert any("restart_policy" in error for error in errors), errors
    assert any(error.startswith("services/nginx/ports/0:") for error in errors), errors
    assert any("volumes_extra" in error for error in errors), errors


def _promtool() -> str:
    promtool = shutil.which("promtool")
    if promtool is None:
        pytest.skip("promtool is not installed (Debian package `prometheus`)")
    return promtool


def test_promtool_accepts_config_and_alert_rules(tmp_path: Path) -> None:
    promtool = _promtool()
    # promtool checks that the scrape credential file exists: the copy points at one here.
    (tmp_path / "token").write_text("test-metrics-token")
    shutil.copy(ALERTS_YML, tmp_path / ALERTS_YML.name)
    config = PROMETHEUS_YML.read_text().replace("/run/secrets/metrics_bearer_token", str(tmp_path / "token"))
    (tmp_path / "prometheus.yml").write_text(config)
    checks = (["check", "config", str(tmp_path / "prometheus.yml")], ["check", "rules", str(ALERTS_YML)],
              ["test", "rules", str(ALERTS_TEST_YML)])  # fmt: skip
    for args in checks:
        result = subprocess.run([promtool, *args], capture_output=True, text=True, timeout=60)
        assert result.returncode == 0, result.stdout + result.stderr


def test_dashboard_queries_are_valid_promql(tmp_path: Path) -> None:
    promtool = _promtool()
    dashboard = json.loads(DASHBOARD_JSON.read_text())
    rules = [
        {"record": f"dashboard:panel{panel['id']}:{target['refId']}",
         "expr": target["expr"].replace("$__rate_interval", "5m")}
        for panel in _panels(dashboard) if panel.get("datasource", {}).get("type") == "prometheus"
        for target in panel["targets"]
    ]  # fmt: skip
    (tmp_path / "dashboard.rules.yml").write_text(yaml.safe_dump({"groups": [{"name": "dashboard", "rules": rules}]}))
    result = subprocess.run(
        [promtool, "check", "rules", str(tmp_path / "dashboard.rules.yml")], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stdout + result.stderr


def _nginx() -> str:
    nginx = shutil.which("nginx")
    if nginx is None:
        pytest.skip("nginx is not installed")
    return nginx


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _render_gateway(root: Path, upstreams: dict[str, int], listen: str) -> Path:
    """nginx.conf with every upstream on 127.0.0.1 and every path under root."""
    for name in ("static", "media", "logs", "temp"):
        (root / name).mkdir(exist_ok=True)
    text = NGINX_CONF.read_text()
    for host, port in upstreams.items():
        text = re.sub(rf"(http://|server ){re.escape(host)}:\d+", rf"\g<1>127.0.0.1:{port}", text)
    text = re.sub(r"^user \S+;$", "", text, flags=re.M)
    replacements = {
        STATIC: root / "static",
        MEDIA: root / "media",
        LOGS: root / "logs",
        "/var/run/nginx.pid": root / "nginx.pid",
        "/dev/stdout": root / "access.log",
        "/dev/stderr": root / "error.log",
        "80 default_server": listen,
        "listen 8081;": f"listen 127.0.0.1:{_free_port()};",
    }
    for old, new in replacements.items():
        text = text.replace(old, str(new))
    kinds = ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    temp = "".join(f"    {kind}_temp_path {root / 'temp' / kind};\n" for kind in kinds)
    text = text.replace("http {\n", "http {\n" + temp, 1)
    if not Path("/etc/nginx/mime.types").exists():
        (root / "mime.types").write_text("types { text/css css; text/plain txt; application/json json; }\n")
        text = text.replace("/etc/nginx/mime.types", str(root / "mime.types"))
    conf = root / "nginx.conf"
    conf.write_text(text)
    return conf


def test_nginx_accepts_the_configuration(tmp_path: Path) -> None:
    nginx = _nginx()
    upstreams = dict.fromkeys(("django", "ai", "flower", "grafana", "prometheus", "alertmanager", "rabbitmq"), 8000)
    conf = _render_gateway(tmp_path, upstreams, f"127.0.0.1:{_free_port()}")
    result = subprocess.run(
        [nginx, "-t", "-c", str(conf), "-p", str(tmp_path), "-e", str(tmp_path / "error.log")],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert result.returncode == 0, result.stderr


# A running gateway in front of stub upstreams, which record what reaches them.


@dataclass
class Upstreams:
    seen: list[tuple[str, str, str, dict[str, str], bytes]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def requests_to(self, name: str) -> list[tuple[str, str, dict[str, str], bytes]]:
        with self.lock:
            return [(method, path, headers, body) for who, method, path, headers, body in self.seen if who == name]


def _stub_handler(name: str, upstreams: Upstreams) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        # The gateway keeps upstream connections open: without TCP_NODELAY the body, written after the headers,
        # would wait for a delayed ACK (40 ms) on every request, as no real upstream makes it wait.
        disable_nagle_algorithm = True

        def _answer(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            headers = {key.lower(): value for key, value in self.headers.items()}
            with upstreams.lock:
                upstreams.seen.append((name, self.command, self.path, headers, body))
            status, extra, payload = 200, {}, json.dumps({"upstream": name, "path": self.path}).encode()
            content_type = "application/json"
            role_match = re.search(r"role=(\w+)", headers.get("cookie", ""))
            role = role_match.group(1) if role_match else ""
            if name == "django" and self.path.startswith("/api/auth/operator-check/"):
                status = {"staff": 204, "recruiter": 403}.get(role, 401)
                payload = b""
            elif name == "django" and self.path.startswith("/api/auth/metrics-check/"):
                bearer = headers.get("authorization") == f"Bearer {METRICS_TOKEN}"
                status = 204 if bearer else {"staff": 204, "recruiter": 403}.get(role, 401)
                extra = {"X-Metrics-Authorization": f"Bearer {METRICS_TOKEN}"} if status == 204 else {}
                payload = b""
            elif "/boom" in self.path:
                status, content_type = 500, "text/html"
                payload = b"<h1>Traceback</h1> DATABASES = postgres://user:secret@db"
            elif self.path.startswith("/api/unavailable/"):
                status, payload = 503, b'{"code":"unavailable","detail":"try later"}'
            elif name == "django" and self.path == "/api/candidates/1/resume/":
                extra = {"X-Accel-Redirect": "/protected-media/resumes/cv.txt",
                         "Content-Disposition": 'attachment; filename="cv.txt"'}  # fmt: skip
                payload = b""
            self.send_response(status)
            for key, value in extra.items():
                self.send_header(key, value)
            # What Django sends itself: the gateway replaces these with its own, never sending two.
            self.send_header("X-Frame-Options", "SAMEORIGIN")
            self.send_header("X-Content-Type-Options", "nosniff")
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        do_GET = do_POST = do_PUT = do_DELETE = _answer

        def log_message(self, format: str, *args: object) -> None:
            return

    return Handler


@dataclass
class Gateway:
    port: int
    root: Path
    upstreams: Upstreams

    def request(
        self, method: str, path: str, headers: dict[str, str] | None = None, body: bytes | None = None
    ) -> tuple[int, dict[str, str], bytes]:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        try:
            connection.request(method, path, body=body, headers={"Host": "gateway.test:8080", **(headers or {})})
            response = connection.getresponse()
            return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
        finally:
            connection.close()


@pytest.fixture(scope="module")
def gateway() -> Iterator[Gateway]:
    nginx = _nginx()
    upstreams = Upstreams()
    servers = {}
    for name in ("django", "ai", "flower", "grafana", "prometheus", "alertmanager", "rabbitmq"):
        server = ThreadingHTTPServer(("127.0.0.1", 0), _stub_handler(name, upstreams))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers[name] = server
    root = Path(tempfile.mkdtemp(prefix="gateway-"))
    port = _free_port()
    conf = _render_gateway(root, {name: s.server_address[1] for name, s in servers.items()}, f"127.0.0.1:{port}")
    (root / "media" / "resumes").mkdir()
    (root / "media" / "resumes" / "cv.txt").write_text("Ada Lovelace, analyst")
    (root / "static" / "app.css").write_text("body { margin: 0 }")
    # Worker processes may run as an unprivileged user: let them read the files.
    for path in [root, *root.rglob("*")]:
        path.chmod(0o755 if path.is_dir() else 0o644)
    process = subprocess.Popen(
        [nginx, "-c", str(conf), "-p", str(root), "-e", str(root / "error.log"), "-g", "daemon off;"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 15
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    error_log = (root / "error.log").read_text() if (root / "error.log").exists() else ""
                    pytest.fail(f"nginx did not start: {error_log}")
                time.sleep(0.1)
        yield Gateway(port, root, upstreams)
    finally:
        process.terminate()
        process.wait(timeout=15)
        for server in servers.values():
            server.shutdown()
            server.server_close()
        shutil.rmtree(root, ignore_errors=True)


def test_gateway_forwards_to_django_with_client_headers(gateway: Gateway) -> None:
    for path in ("/", "/admin/login/", "/api/jobs/?page=2", "/realtime/tasks/"):
        status, _, body = gateway.request("GET", path)
        assert status == 200 and json.loads(body) == {"upstream": "django", "path": path}
    spoofed = {"X-Forwarded-For": "203.0.113.9", "X-Forwarded-Proto": "https"}
    gateway.request("GET", "/api/jobs/", headers=spoofed)
    _, _, headers, _ = gateway.upstreams.requests_to("django")[-1]
    assert headers["host"] == "gateway.test:8080"
    # The gateway is the edge: what a client claims about its address or scheme is not passed on.
    assert headers["x-forwarded-proto"] == "http"
    assert headers["x-forwarded-for"] == "127.0.0.1"
    assert headers["x-request-id"]


def test_gateway_strips_the_ai_prefix(gateway: Gateway) -> None:
    status, _, body = gateway.request("POST", "/api/ai/analyze?explain=1", body=b'{"resume": "..."}')
    assert status == 200 and json.loads(body) == {"upstream": "ai", "path": "/analyze?explain=1"}
    assert gateway.upstreams.requests_to("ai")[-1][3] == b'{"resume": "..."}'


def test_gateway_upgrades_websockets(gateway: Gateway) -> None:
    gateway.request("GET", "/ws/tasks/abc/", headers={"Upgrade": "websocket", "Connection": "Upgrade"})
    _, path, headers, _ = gateway.upstreams.requests_to("django")[-1]
    assert path == "/ws/tasks/abc/"
    assert headers["upgrade"] == "websocket"
    assert headers["connection"].lower() == "upgrade"
    assert headers["x-forwarded-for"] == "127.0.0.1", "the WebSocket location keeps the forwarding headers"


@pytest.mark.parametrize(
    ("path", "upstream"),
    [
        ("/flower/tasks", "flower"),
        ("/prometheus/graph", "prometheus"),
        ("/alertmanager/api/v2/alerts", "alertmanager"),
        ("/rabbitmq/api/queues/%2F/high_priority", "rabbitmq"),
        ("/grafana/d/recruitment-overview", "grafana"),
    ],
)
def test_operator_uis_need_an_operator_session(gateway: Gateway, path: str, upstream: str) -> None:
    before = len(gateway.upstreams.requests_to(upstream))
    status, headers, _ = gateway.request("GET", path)
    assert status == 302
    assert headers["location"].endswith(f"/admin/login/?next={path}")
    status, _, _ = gateway.request("GET", path, headers={"Cookie": "role=recruiter"})
    assert status == 403
    non_auth = [r for r in gateway.upstreams.requests_to(upstream)[before:] if "operator-check" not in r[1]]
    assert non_auth == [], "nothing reaches the UI without a staff session"

    status, _, body = gateway.request("GET", path, headers={"Cookie": "role=staff"})
    assert status == 200
    # The prefix is kept and the encoded vhost (%2F) reaches RabbitMQ untouched.
    assert json.loads(body) == {"upstream": upstream, "path": path}


def test_auth_check_is_a_bodiless_get_even_for_posts(gateway: Gateway) -> None:
    path = "/rabbitmq/api/queues/%2F/low_priority/contents"
    status, _, _ = gateway.request("DELETE", path, headers={"Cookie": "role=staff"})
    assert status == 200
    checks = [r for r in gateway.upstreams.requests_to("django") if r[1] == "/api/auth/operator-check/"]
    method, _, headers, body = checks[-1]
    assert (method, body) == ("GET", b"")
    assert headers["x-original-uri"] == path
    assert headers["cookie"] == "role=staff"
    assert gateway.upstreams.requests_to("rabbitmq")[-1][:2] == ("DELETE", path)


@pytest.mark.parametrize(("path", "upstream", "upstream_path"), [("/metrics", "django", "/metrics"),
                                                                   ("/api/ai/metrics", "ai", "/metrics")])  # fmt: skip
def test_metrics_are_for_prometheus_and_operators(
    gateway: Gateway, path: str, upstream: str, upstream_path: str
) -> None:
    before = len(gateway.upstreams.requests_to(upstream))
    status, headers, body = gateway.request("GET", path)
    assert status == 401
    assert json.loads(body)["code"] == "not_authenticated"
    assert headers["www-authenticate"] == 'Bearer realm="metrics"'
    assert gateway.request("GET", path, headers={"Authorization": "Bearer wrong"})[0] == 401
    assert gateway.request("GET", path, headers={"Cookie": "role=recruiter"})[0] == 403
    assert [r for r in gateway.upstreams.requests_to(upstream)[before:] if "-check/" not in r[1]] == []

    for credentials in ({"Authorization": f"Bearer {METRICS_TOKEN}"}, {"Cookie": "role=staff"}):
        status, headers, body = gateway.request("GET", path, headers=credentials)
        assert status == 200 and json.loads(body) == {"upstream": upstream, "path": upstream_path}
        assert "x-metrics-authorization" not in headers, "the credential is for nginx alone"
        # The service wants the bearer token itself: the gateway sets it, for operators' sessions too.
        assert gateway.upstreams.requests_to(upstream)[-1][2]["authorization"] == f"Bearer {METRICS_TOKEN}"
    check = [r for r in gateway.upstreams.requests_to("django") if r[1] == "/api/auth/metrics-check/"][-1]
    assert (check[0], check[3]) == ("GET", b"")


def test_the_check_answers_keep_the_credential_to_nginx(gateway: Gateway) -> None:
    status, headers, _ = gateway.request(
        "GET", "/api/auth/metrics-check/", headers={"Authorization": f"Bearer {METRICS_TOKEN}"}
    )
    assert status == 204
    assert "x-metrics-authorization" not in headers


def test_grafana_keeps_its_prefix(gateway: Gateway) -> None:
    status, _, body = gateway.request("GET", "/grafana/d/recruitment-overview", headers={"Cookie": "role=staff"})
    assert status == 200 and json.loads(body) == {"upstream": "grafana", "path": "/grafana/d/recruitment-overview"}


def test_health_is_djangos_healthz(gateway: Gateway) -> None:
    status, _, body = gateway.request("GET", "/health")
    assert status == 200 and json.loads(body) == {"upstream": "django", "path": "/healthz"}


def test_text_answers_are_compressed(gateway: Gateway) -> None:
    (gateway.root / "static" / "big.css").write_text("body { margin: 0 }\n" * 200)
    (gateway.root / "static" / "big.css").chmod(0o644)
    status, headers, _ = gateway.request("GET", "/static/big.css", headers={"Accept-Encoding": "gzip"})
    assert (status, headers.get("content-encoding")) == (200, "gzip")


def test_resumes_only_through_x_accel_redirect(gateway: Gateway) -> None:
    status, _, _ = gateway.request("GET", "/protected-media/resumes/cv.txt")
    assert status == 404
    status, headers, body = gateway.request("GET", "/api/candidates/1/resume/")
    assert status == 200
    assert body == b"Ada Lovelace, analyst"
    assert headers["content-disposition"] == 'attachment; filename="cv.txt"'
    assert headers["cache-control"] == "private, no-store"
    assert (headers["x-content-type-options"], headers["x-frame-options"]) == ("nosniff", "DENY")


def test_static_files_come_from_the_static_volume(gateway: Gateway) -> None:
    status, headers, body = gateway.request("GET", "/static/app.css")
    assert status == 200 and body == b"body { margin: 0 }"
    assert headers["content-type"].startswith("text/css")


def test_oversized_upload_is_refused_with_a_json_error(gateway: Gateway) -> None:
    connection = http.client.HTTPConnection("127.0.0.1", gateway.port, timeout=10)
    try:
        connection.putrequest("POST", "/api/candidates/")
        connection.putheader("Content-Type", "application/pdf")
        connection.putheader("Content-Length", str(UPLOAD_LIMIT + 1))
        connection.endheaders()
        response = connection.getresponse()
        assert response.status == 413
        assert json.loads(response.read())["code"] == "too_large"
    finally:
        connection.close()


def test_gateway_writes_json_access_logs(gateway: Gateway) -> None:
    gateway.request("GET", "/healthz")
    log = gateway.root / "logs" / "nginx-access.log"
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and '"/healthz"' not in log.read_text():
        time.sleep(0.05)
    entries = [json.loads(line) for line in log.read_text().splitlines()]
    assert any(entry["uri"] == "/healthz" and entry["status"] == 200 for entry in entries)


def _header_values(
    port: int, path: str, method: str = "GET", headers: dict[str, str] | None = None
) -> tuple[int, list[tuple[str, str]]]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.request(method, path, headers=headers or {})
        response = connection.getresponse()
        response.read()
        return response.status, [(key.lower(), value) for key, value in response.getheaders()]
    finally:
        connection.close()


@pytest.mark.parametrize(
    ("path", "headers", "status"),
    [
        ("/admin/", {}, 200),
        ("/api/jobs/", {}, 200),
        ("/api/ai/analyze", {}, 200),
        ("/static/app.css", {}, 200),
        ("/api/candidates/1/resume/", {}, 200),  # X-Accel-Redirect to a file
        ("/protected-media/resumes/cv.txt", {}, 404),
        ("/flower/", {}, 302),
        ("/flower/", {"Cookie": "role=recruiter"}, 403),
        ("/rabbitmq/", {"Cookie": "role=staff"}, 200),
        ("/grafana/", {}, 302),
        ("/grafana/", {"Cookie": "role=staff"}, 200),
        ("/metrics", {}, 401),
        ("/boom", {}, 500),
        ("/no-such-file.txt", {"Cookie": "role=staff"}, 200),
    ],
)
def test_every_route_sends_the_security_headers_once(
    gateway: Gateway, path: str, headers: dict[str, str], status: int
) -> None:
    answered, sent = _header_values(gateway.port, path, headers=headers)
    assert answered == status
    assert [value for key, value in sent if key == "x-content-type-options"] == ["nosniff"]
    assert [value for key, value in sent if key == "x-frame-options"] == ["DENY"]


@pytest.mark.parametrize("path", ["/boom", "/api/boom/", "/api/ai/boom"])
def test_server_errors_never_show_the_service_error_page(gateway: Gateway, path: str) -> None:
    status, headers, body = gateway.request("GET", path)
    assert status == 500
    assert headers["content-type"] == "application/json"
    assert json.loads(body) == {
        "code": "server_error",
        "detail": "Something went wrong on our side; it has been logged.",
    }


def test_other_errors_reach_clients_with_their_bodies(gateway: Gateway) -> None:
    status, _, body = gateway.request("GET", "/api/unavailable/")
    assert status == 503
    assert json.loads(body) == {"code": "unavailable", "detail": "try later"}


def test_access_log_never_holds_a_query_string(gateway: Gateway) -> None:
    gateway.request("GET", "/ws/tasks/?token=log-secret-1", headers={"Upgrade": "websocket", "Connection": "Upgrade"})
    gateway.request("GET", "/admin/login/?next=/admin/&password=log-secret-2")
    log = gateway.root / "logs" / "nginx-access.log"
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and '"/admin/login/"' not in log.read_text():
        time.sleep(0.05)
    text = log.read_text() + (gateway.root / "access.log").read_text()
    assert '"uri":"/ws/tasks/"' in text and '"uri":"/admin/login/"' in text
    assert "log-secret" not in text and "?" not in "".join(json.loads(line)["uri"] for line in text.splitlines())


def test_sign_in_attempts_are_limited_per_address(gateway: Gateway) -> None:
    """30 attempts at once pass, then 429 until the bucket drains (30 a minute); the forms still load."""
    statuses = [gateway.request("POST", "/api/auth/token/", body=b"username=a&password=b")[0] for _ in range(40)]
    assert statuses[:30] == [200] * 30
    assert statuses[-5:] == [429] * 5
    status, headers, body = gateway.request("POST", "/admin/login/", body=b"username=a&password=b")
    assert status == 429
    assert json.loads(body)["code"] == "rate_limited"
    assert headers["retry-after"] == "60"
    assert (headers["x-content-type-options"], headers["x-frame-options"]) == ("nosniff", "DENY")
    assert gateway.request("GET", "/admin/login/")[0] == 200


def test_the_ai_service_is_limited_per_address(gateway: Gateway) -> None:
    time.sleep(2.5)  # what earlier tests sent has drained (10 a second)
    statuses = [gateway.request("GET", "/api/ai/health")[0] for _ in range(40)]
    assert statuses[:20] == [200] * 20
    assert statuses.count(429) >= 10
    time.sleep(2.5)  # 10 a second: the bucket drains
    assert gateway.request("GET", "/api/ai/health")[0] == 200
