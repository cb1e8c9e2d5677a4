"""Fill the monitoring templates for one of two worlds and write the results.

`containers`: monitoring/prometheus/prometheus.yml and monitoring/alertmanager/alertmanager.yml, which
docker-compose.yml mounts. They are committed, and tests/unit/test_monitoring_config.py checks that they are what the
templates give. `host` (`make up`): the same two files with 127.0.0.1 and the local ports, the supervisord programs
that run Prometheus, Alertmanager and the exporters (included by scripts/supervisord.conf) and the scrape
credential, into --out. From the repository root: `python -m scripts.render_monitoring host --out var/run/monitoring`.
"""

from __future__ import annotations

import argparse
import os
import urllib.parse
from pathlib import Path

from scripts.render_nginx import render, values_from_environment

REPO_DIR = Path(__file__).resolve().parent.parent
MONITORING = REPO_DIR / "monitoring"
TEMPLATES = (
    MONITORING / "prometheus" / "prometheus.yml.template",
    MONITORING / "alertmanager" / "alertmanager.yml.template",
)
SUPERVISOR_TEMPLATE = REPO_DIR / "scripts" / "supervisord.monitoring.conf"

# Compose service names and ports (docker-compose.yml).
CONTAINERS = {
    "PROMETHEUS": "prometheus:9090",
    "ALERTMANAGER": "alertmanager:9093",
    "DJANGO": "django:8000",
    "AI_SERVICE": "ai:8001",
    "FLOWER": "flower:5555",
    "WORKER_FAST_METRICS": "worker-fast:9808",
    "WORKER_SLOW_METRICS": "worker-slow:9808",
    "WORKER_MAINTENANCE_METRICS": "worker-maintenance:9808",
    "RABBITMQ": "rabbitmq:15692",
    "POSTGRES_EXPORTER": "postgres-exporter:9187",
    "REDIS_EXPORTER": "redis-exporter:9121",
    "NGINX_EXPORTER": "nginx-exporter:9113",
    "NODE_EXPORTER": "node-exporter:9100",
    "METRICS_TOKEN_FILE": "/run/secrets/metrics_bearer_token",
    "ALERT_RULES": "alerts.yml",
}

# The exporters' local ports: Debian's defaults with a 1 in front, like Prometheus's and Alertmanager's
# (scripts/render_nginx.py), so the packages' own services, should a system start them, never hold them.
EXPORTER_PORTS = {
    "POSTGRES_EXPORTER_PORT": "19187",
    "REDIS_EXPORTER_PORT": "19121",
    "NGINX_EXPORTER_PORT": "19113",
    "NODE_EXPORTER_PORT": "19100",
}
# Each Celery worker's metrics port under `make up` (.env.example; scripts/supervisord.conf gives it to the worker).
WORKER_METRICS_PORTS = {
    "WORKER_FAST_METRICS_PORT": "19808",
    "WORKER_SLOW_METRICS_PORT": "19809",
    "WORKER_MAINTENANCE_METRICS_PORT": "19810",
}
LOOPBACK = {"127.0.0.1", "localhost", "::1"}


def postgres_dsn(database_url: str) -> str:
    """The exporter's connection: the platform's own database URL. Its driver insists on TLS unless told otherwise,
    which the embedded PostgreSQL does not offer; over loopback TLS adds nothing, elsewhere the URL decides."""
    parts = urllib.parse.urlsplit(database_url)
    if parts.hostname in LOOPBACK and "sslmode" not in urllib.parse.parse_qs(parts.query):
        parts = parts._replace(query="&".join(filter(None, [parts.query, "sslmode=disable"])))
    return parts.geturl()


def host_values(config_dir: Path, data_dir: Path) -> dict[str, str]:
    """Every placeholder for `make up`'s processes, from the environment (the same ports nginx is given)."""
    database_url = os.environ.get("DATABASE_URL")
    if not database_url:
        raise SystemExit("DATABASE_URL is not set: scripts/up.sh exports it once PostgreSQL runs.")
    values = values_from_environment()
    ports = {**EXPORTER_PORTS, **WORKER_METRICS_PORTS}
    values.update({name: os.environ.get(name, default) for name, default in ports.items()})
    broker_host = urllib.parse.urlsplit(os.environ.get("CELERY_BROKER_URL", "")).hostname or "127.0.0.1"
    gateway = f"127.0.0.1:{values['GATEWAY_PORT']}"
    targets = {
        "PROMETHEUS": "PROMETHEUS_PORT",
        "ALERTMANAGER": "ALERTMANAGER_PORT",
        "DJANGO": "DJANGO_PORT",
        "AI_SERVICE": "AI_SERVICE_PORT",
        "FLOWER": "FLOWER_PORT",
        **{name.removesuffix("_PORT"): name for name in ports},
    }
    values.update({target: f"127.0.0.1:{values[port]}" for target, port in targets.items()})
    values.update(
        {
            "RABBITMQ": f"{broker_host}:{os.environ.get('RABBITMQ_PROMETHEUS_PORT', '15692')}",
            "METRICS_TOKEN_FILE": str(config_dir / "metrics_bearer_token"),
            "ALERT_RULES": str(MONITORING / "prometheus" / "alerts.yml"),
            "CONFIG_DIR": str(config_dir),
            "DATA_DIR": str(data_dir),
            # Prometheus's and Alertmanager's links point at the gateway, under their prefixes.
            "EXTERNAL_URL": (os.environ.get("PUBLIC_URL") or f"http://localhost:{values['GATEWAY_PORT']}").rstrip("/"),
            "NGINX_STATUS_URL": f"http://{gateway}/nginx_status",
            "POSTGRES_DSN": postgres_dsn(database_url),
            "REDIS_URL": os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0"),
        }
    )
    return values


def rendered(values: dict[str, str], world: str) -> dict[Path, str]:
    """Each template and the text it gives."""
    files = {}
    for template in TEMPLATES:
        header = f"# Generated from {template.name} by `python -m scripts.render_monitoring {world}`; edit that.\n"
        files[template] = header + render(template.read_text(), values)
    return files


def _write_private(path: Path, text: str) -> None:
    path.touch(mode=0o600, exist_ok=True)
    path.chmod(0o600)
    path.write_text(text)


def write_containers() -> None:
    for template, text in rendered(CONTAINERS, "containers").items():
        template.with_suffix("").write_text(text)


def write_host(out: Path, data_dir: Path) -> None:
    out, data_dir = out.resolve(), data_dir.resolve()
    out.mkdir(parents=True, exist_ok=True)
    values = host_values(out, data_dir)
    for template, text in rendered(values, "host").items():
        (out / template.with_suffix("").name).write_text(text)
    # supervisord expands %(...)s in its own file: a literal % (an encoded password in a URL) is written twice. The
    # file holds the database and Redis URLs, so only its owner reads it.
    escaped = {name: value.replace("%", "%%") for name, value in values.items()}
    _write_private(out / "supervisord.conf", render(SUPERVISOR_TEMPLATE.read_text(), escaped))
    _write_private(out / "metrics_bearer_token", os.environ.get("METRICS_BEARER_TOKEN", ""))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("world", choices=["containers", "host"])
    parser.add_argument("--out", type=Path, default=Path("var/run/monitoring"), help="host: where the files go")
    parser.add_argument("--data", type=Path, default=Path("var"), help="host: Prometheus's and Alertmanager's data")
    args = parser.parse_args()
    if args.world == "containers":
        write_containers()
    else:
        write_host(args.out, args.data)


if __name__ == "__main__":
    main()
