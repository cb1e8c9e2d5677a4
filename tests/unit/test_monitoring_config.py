"""Prometheus, Alertmanager and the exporters in both worlds: the committed container files are what their templates
give, the host rendering (`make up`) points at 127.0.0.1 and runs under the platform's supervisord, every alert rule
has a test that makes it fire, and promtool and amtool accept what is rendered."""

from __future__ import annotations

import re
import shutil
import stat
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml
from supervisor.options import ServerOptions

from scripts import render_monitoring

REPO = Path(__file__).resolve().parents[2]
PROMETHEUS_DIR = REPO / "monitoring" / "prometheus"
ALERTMANAGER_YML = REPO / "monitoring" / "alertmanager" / "alertmanager.yml"
COMPOSE = REPO / "docker-compose.yml"
MONITORING_PROGRAMS = {
    "prometheus", "alertmanager", "postgres_exporter", "redis_exporter", "nginx_exporter", "node_exporter",
}  # fmt: skip
HOST_PORTS = {
    "GATEWAY_PORT": "18080", "DJANGO_PORT": "18000", "AI_SERVICE_PORT": "18001", "FLOWER_PORT": "15555",
    "PROMETHEUS_PORT": "29090", "ALERTMANAGER_PORT": "29093", "POSTGRES_EXPORTER_PORT": "29187",
    "REDIS_EXPORTER_PORT": "29121", "NGINX_EXPORTER_PORT": "29113", "NODE_EXPORTER_PORT": "29100",
    "WORKER_FAST_METRICS_PORT": "29808", "WORKER_SLOW_METRICS_PORT": "29809",
    "WORKER_MAINTENANCE_METRICS_PORT": "29810",
}  # fmt: skip
WORKERS = {"worker_fast": "WORKER_FAST_METRICS_PORT", "worker_slow": "WORKER_SLOW_METRICS_PORT",
           "worker_maintenance": "WORKER_MAINTENANCE_METRICS_PORT"}  # fmt: skip
# An encoded character in a password: supervisord must pass it on as it is.
DATABASE_URL = "postgres://monitor:p%40ss@127.0.0.1:5433/recruitment"


def _jobs(config: dict[str, Any]) -> dict[str, list[str]]:
    return {
        job["job_name"]: [target for static in job["static_configs"] for target in static["targets"]]
        for job in config["scrape_configs"]
    }


@pytest.fixture
def host(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """`make up`'s rendering into tmp_path/run/monitoring, from an environment like the one scripts/up.sh exports."""
    environment = {
        **HOST_PORTS,
        "DATABASE_URL": DATABASE_URL,
        "REDIS_URL": "redis://127.0.0.1:6379/3",
        "CELERY_BROKER_URL": "amqp://recruitment:pw@127.0.0.1:5672//",
        "METRICS_BEARER_TOKEN": "host-metrics-token",
        "RUN_DIR": str(tmp_path / "run"),
        "LOG_DIR": str(tmp_path / "logs"),
        "REPO_DIR": str(REPO),
        "VENV": str(REPO / ".venv"),
        "NGINX_BIN": "/usr/sbin/nginx",
    }
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    monkeypatch.delenv("PUBLIC_URL", raising=False)
    if shutil.which("nginx") is None:
        pytest.skip("nginx is not installed (`make install`): the host values name its mime.types")
    (tmp_path / "logs").mkdir()
    render_monitoring.write_host(tmp_path / "run" / "monitoring", tmp_path / "data")
    return tmp_path / "run" / "monitoring"


def test_container_files_are_what_the_templates_give() -> None:
    for template, text in render_monitoring.rendered(render_monitoring.CONTAINERS, "containers").items():
        assert template.with_suffix("").read_text() == text, "run `python -m scripts.render_monitoring containers`"


def test_the_host_rendering_scrapes_the_same_jobs_on_127_0_0_1(host: Path) -> None:
    container = yaml.safe_load((PROMETHEUS_DIR / "prometheus.yml").read_text())
    config = yaml.safe_load((host / "prometheus.yml").read_text())
    jobs = _jobs(config)
    assert set(jobs) == set(_jobs(container))
    expected = {
        "prometheus": "PROMETHEUS_PORT", "alertmanager": "ALERTMANAGER_PORT", "django": "DJANGO_PORT",
        "ai": "AI_SERVICE_PORT", "flower": "FLOWER_PORT", "postgres": "POSTGRES_EXPORTER_PORT",
        "redis": "REDIS_EXPORTER_PORT", "nginx": "NGINX_EXPORTER_PORT", "node": "NODE_EXPORTER_PORT",
    }  # fmt: skip
    assert {job: jobs[job] for job in expected} == {job: [f"127.0.0.1:{HOST_PORTS[p]}"] for job, p in expected.items()}
    assert jobs["rabbitmq"] == ["127.0.0.1:15692"], "the broker's host, rabbitmq_prometheus's port"
    assert jobs["celery"] == [f"127.0.0.1:{HOST_PORTS[port]}" for port in WORKERS.values()], "one target per worker"
    assert config["rule_files"] == [str(PROMETHEUS_DIR / "alerts.yml")]
    token = host / "metrics_bearer_token"
    assert token.read_text() == "host-metrics-token"
    assert stat.S_IMODE(token.stat().st_mode) == 0o600
    for job in config["scrape_configs"]:
        if job["job_name"] in ("django", "ai"):
            assert job["authorization"] == {"type": "Bearer", "credentials_file": str(token)}
    (alertmanagers,) = config["alerting"]["alertmanagers"]
    assert alertmanagers["static_configs"] == [{"targets": [f"127.0.0.1:{HOST_PORTS['ALERTMANAGER_PORT']}"]}]


def _supervised() -> dict[str, Any]:
    """The programs scripts/supervisord.conf gives supervisord itself, includes and expansions done."""
    options = ServerOptions()
    options.realize(args=["-c", str(REPO / "scripts" / "supervisord.conf")])
    return {group.name: group.process_configs[0] for group in options.process_group_configs}


def test_make_up_supervises_prometheus_alertmanager_and_the_exporters(host: Path) -> None:
    programs = _supervised()
    assert set(programs) >= MONITORING_PROGRAMS | {"django", "nginx"}
    commands = {name: programs[name].command for name in MONITORING_PROGRAMS}
    for name, command in commands.items():
        listen = re.search(r"-web\.listen-address=(\S+)", command)
        assert listen and listen.group(1).startswith("127.0.0.1:"), name
        assert "p%40ss" not in command and "host-metrics-token" not in command, "no credential on a command line"
    assert f"--config.file={host}/prometheus.yml" in commands["prometheus"]
    assert (
        "--web.route-prefix=/prometheus --web.external-url=http://localhost:18080/prometheus/" in commands["prometheus"]
    )
    assert "--web.route-prefix=/alertmanager" in commands["alertmanager"]
    assert re.search(r"--cluster\.listen-address=( |$)", commands["alertmanager"]), "no gossip on every address"
    assert "-nginx.scrape-uri=http://127.0.0.1:18080/nginx_status" in commands["nginx_exporter"]
    assert programs["postgres_exporter"].environment["DATA_SOURCE_NAME"] == DATABASE_URL + "?sslmode=disable"
    assert programs["redis_exporter"].environment["REDIS_ADDR"] == "redis://127.0.0.1:6379/3"
    assert stat.S_IMODE((host / "supervisord.conf").stat().st_mode) == 0o600, "it holds the database URL"
    assert str(host.parent.parent / "data" / "prometheus") in commands["prometheus"]


def test_each_worker_serves_its_metrics_on_the_port_prometheus_scrapes(host: Path) -> None:
    """The worker programs of `make up` each get their own multiprocess directory and the port the rendered
    `celery` job scrapes; the scrape's `service` label is the program's name."""
    programs = _supervised()
    config = yaml.safe_load((host / "prometheus.yml").read_text())
    (celery,) = [job for job in config["scrape_configs"] if job["job_name"] == "celery"]
    scraped = {static["labels"]["service"]: static["targets"] for static in celery["static_configs"]}
    assert set(scraped) == set(WORKERS)
    directories = set()
    for name, port in WORKERS.items():
        environment = programs[name].environment
        assert environment["CELERY_METRICS_PORT"] == HOST_PORTS[port], name
        assert scraped[name] == [f"127.0.0.1:{HOST_PORTS[port]}"], name
        directories.add(environment["PROMETHEUS_MULTIPROC_DIR"])
    assert len(directories) == len(WORKERS), "a directory per worker: each removes its own stale files"
    assert "PROMETHEUS_MULTIPROC_DIR" not in (programs["django"].environment or {}), "Django is one process"


def test_without_the_rendering_supervisord_runs_the_platform_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The end-to-end platform starts supervisord.conf without rendering the monitoring programs."""
    environment = {"RUN_DIR": tmp_path, "LOG_DIR": tmp_path, "REPO_DIR": REPO, "VENV": REPO / ".venv",
                   "DJANGO_PORT": 1, "AI_SERVICE_PORT": 2, "FLOWER_PORT": 3, "NGINX_BIN": "nginx",
                   **dict.fromkeys(WORKERS.values(), 4)}  # fmt: skip
    for name, value in environment.items():
        monkeypatch.setenv(name, str(value))
    programs = _supervised()
    assert "django" in programs and not MONITORING_PROGRAMS & set(programs)


def test_lib_sh_installs_every_program_make_up_runs() -> None:
    """The commands of the supervisord programs are the Debian packages scripts/lib.sh installs, named alike."""
    template = (REPO / "scripts" / "supervisord.monitoring.conf").read_text()
    commands = set(re.findall(r"^command=(\S+)", template, re.M))
    installed = re.search(r"local monitoring=\(([^)]*)\)", (REPO / "scripts" / "lib.sh").read_text())
    assert installed and set(installed.group(1).split()) == commands
    assert len(commands) == len(MONITORING_PROGRAMS)


@pytest.mark.parametrize(
    ("url", "dsn"),
    [
        (DATABASE_URL, DATABASE_URL + "?sslmode=disable"),
        (
            "postgres://u@localhost:5433/db?connect_timeout=5",
            "postgres://u@localhost:5433/db?connect_timeout=5&sslmode=disable",
        ),
        ("postgres://u@127.0.0.1/db?sslmode=require", "postgres://u@127.0.0.1/db?sslmode=require"),
        ("postgres://u:pw@db.internal:5432/db", "postgres://u:pw@db.internal:5432/db"),
    ],
)
def test_the_postgres_exporter_goes_without_tls_over_loopback_only(url: str, dsn: str) -> None:
    assert render_monitoring.postgres_dsn(url) == dsn


def test_host_rendering_needs_the_database_url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DATABASE_URL", raising=False)
    with pytest.raises(SystemExit, match="DATABASE_URL is not set"):
        render_monitoring.write_host(tmp_path / "out", tmp_path / "data")


def test_every_alert_rule_has_a_test_case_that_fires() -> None:
    rules = yaml.safe_load((PROMETHEUS_DIR / "alerts.yml").read_text())["groups"]
    alerts = {rule["alert"] for group in rules for rule in group["rules"]}
    cases = yaml.safe_load((PROMETHEUS_DIR / "alerts.test.yml").read_text())["tests"]
    firing = {case["alertname"] for test in cases for case in test["alert_rule_test"] if case["exp_alerts"]}
    assert alerts == firing
    assert {"PostgresDown", "RedisDown", "GatewayDown", "DiskSpaceLow", "TargetDown"} <= alerts


def test_alerts_go_to_the_platform_webhook_with_the_monitoring_credential() -> None:
    prometheus = yaml.safe_load((PROMETHEUS_DIR / "prometheus.yml").read_text())
    assert prometheus["alerting"]["alertmanagers"] == [
        {"path_prefix": "/alertmanager", "static_configs": [{"targets": ["alertmanager:9093"]}]}
    ]
    config = yaml.safe_load(ALERTMANAGER_YML.read_text())
    receivers = {receiver["name"]: receiver for receiver in config["receivers"]}
    assert config["route"]["receiver"] == "platform" and set(receivers) == {"platform"}
    (webhook,) = receivers["platform"]["webhook_configs"]
    assert webhook["url"] == "http://django:8000/api/ops/alerts/webhook/"
    assert webhook["http_config"]["authorization"]["credentials_file"] == "/run/secrets/metrics_bearer_token"
    assert re.search(r"^  # - name: operators-email\n  #   email_configs:", ALERTMANAGER_YML.read_text(), re.M)
    services = yaml.safe_load(COMPOSE.read_text())["services"]
    alertmanager = services["alertmanager"]
    assert "./monitoring/alertmanager:/etc/alertmanager/recruitment:ro" in alertmanager["volumes"]
    assert "--config.file=/etc/alertmanager/recruitment/alertmanager.yml" in alertmanager["command"]
    assert "--web.route-prefix=/alertmanager" in alertmanager["command"]
    assert alertmanager["secrets"] == ["metrics_bearer_token"]


def test_container_exporters_are_pinned_and_point_at_the_services() -> None:
    services = yaml.safe_load(COMPOSE.read_text())["services"]
    for name in (
        "prometheus",
        "alertmanager",
        "postgres-exporter",
        "redis-exporter",
        "nginx-exporter",
        "node-exporter",
    ):
        assert re.search(r":v?\d+\.\d+\.\d+$", services[name]["image"]), f"{name}: a pinned release"
    assert "@postgres:5432/recruit?" in services["postgres-exporter"]["environment"]["DATA_SOURCE_NAME"]
    assert services["redis-exporter"]["environment"]["REDIS_ADDR"] == "redis://redis:6379"
    assert services["nginx-exporter"]["command"] == ["--nginx.scrape-uri=http://nginx:8081/stub_status"]
    nginx = (REPO / "nginx" / "nginx.conf").read_text()
    assert re.search(r"listen 8081;.*?location = /stub_status \{\s*stub_status;", nginx, re.S)
    assert "8081" in services["nginx"]["expose"] and services["nginx"]["ports"] == ["${GATEWAY_PORT:-8080}:80"]
    local = (REPO / "nginx" / "nginx.local.conf").read_text()
    assert re.search(r"location = /nginx_status \{\s*stub_status;\s*allow 127\.0\.0\.1;\s*deny all;", local)


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} is not installed (`make install`)")
    return path


def test_promtool_accepts_the_host_configuration(host: Path) -> None:
    result = subprocess.run(
        [_tool("promtool"), "check", "config", str(host / "prometheus.yml")], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("world", ["containers", "host"])
def test_amtool_accepts_the_alertmanager_configuration(world: str, host: Path) -> None:
    path = ALERTMANAGER_YML if world == "containers" else host / "alertmanager.yml"
    result = subprocess.run([_tool("amtool"), "check-config", str(path)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 receivers" in result.stdout
