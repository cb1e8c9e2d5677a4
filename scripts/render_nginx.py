"""The gateway's configurations from one template, and the host one filled from the environment.

nginx/nginx.conf.template holds every location and header once. Its @@NAME@@ placeholders are what differs
between the two gateways (upstream addresses, file paths, the process and its logs, the listen address):
`--write` renders nginx/nginx.conf (containers) and nginx/nginx.local.conf (host) from it, `--check` fails when
either committed file is not the template's rendering. nginx.local.conf keeps {{NAME}} placeholders, which `--out`
fills from the environment when `make up` (or a test) starts the gateway.
"""

from __future__ import annotations

import argparse
import getpass
import os
import re
from pathlib import Path

REPO_DIR = Path(__file__).resolve().parent.parent
NGINX_DIR = REPO_DIR / "nginx"
TEMPLATE = NGINX_DIR / "nginx.conf.template"
# Connections waiting to be accepted (nginx's default is 511; the kernel caps it at net.core.somaxconn): room for
# every open page reconnecting at once after a restart.
LISTEN_BACKLOG = 4096
RENDERED = {"container": NGINX_DIR / "nginx.conf", "local": NGINX_DIR / "nginx.local.conf"}
# The container images' paths and docker-compose.yml's service names and fixed limits.
CONTAINER = {
    "NOTE": "Rendered from nginx/nginx.conf.template by scripts/render_nginx.py --write: edit the template.",
    "PROCESS": "user nginx;\nworker_processes auto;\npid /var/run/nginx.pid;\nerror_log /dev/stderr warn;",
    "MIME_TYPES": "/etc/nginx/mime.types",
    "TEMP_PATHS": "",
    "ACCESS_LOG": "access_log /dev/stdout json;\naccess_log /app/logs/nginx-access.log json;",
    "UPLOAD_NOTE": "# MAX_UPLOAD_BYTES is 10485760 bytes = 10 MiB, fixed in docker-compose.yml.",
    "MAX_UPLOAD_MB": "10",
    "IMPORT_NOTE": ", 200 MB",
    "MAX_IMPORT_MB": "200",
    "LISTEN": f"listen 80 default_server backlog={LISTEN_BACKLOG};",
    "DJANGO": "django:8000",
    "AI_SERVICE": "ai:8001",
    "FLOWER": "flower:5555",
    "PROMETHEUS": "prometheus:9090",
    "ALERTMANAGER": "alertmanager:9093",
    "RABBITMQ": "rabbitmq:15672",
    "RABBITMQ_URI": "",
    "GRAFANA": "grafana:3000",
    "STATIC_ROOT": "/app/var/static",
    "MEDIA_ROOT": "/app/var/media",
    # The nginx exporter's page, on a port of the compose network that is never published.
    "STATUS_SERVER": "\nserver {\n    listen 8081;\n    server_name _;\n    access_log off;\n\n"
    "    location = /stub_status {\n        stub_status;\n    }\n}",
}
# Services on the host: 127.0.0.1, and {{NAME}} placeholders for the ports and paths `--out` fills in.
LOCAL = {
    "NOTE": "Rendered from nginx/nginx.conf.template by scripts/render_nginx.py --write: edit the template.",
    "PROCESS": "{{USER_DIRECTIVE}}\nworker_processes 1;\npid {{RUN_DIR}}/nginx.pid;\n"
    "error_log {{LOG_DIR}}/nginx-error.log warn;\ndaemon off;",
    "MIME_TYPES": "{{NGINX_MIME_TYPES}}",
    "TEMP_PATHS": "\n".join(
        f"{kind}_temp_path {{{{RUN_DIR}}}}/nginx-{name};"
        for kind, name in (("client_body", "body"), ("proxy", "proxy"), ("fastcgi", "fastcgi"), ("uwsgi", "uwsgi"))
    )
    + "\nscgi_temp_path {{RUN_DIR}}/nginx-scgi;",
    "ACCESS_LOG": "access_log {{LOG_DIR}}/nginx-access.log json;",
    "UPLOAD_NOTE": "",
    "MAX_UPLOAD_MB": "{{MAX_UPLOAD_MB}}",
    "IMPORT_NOTE": "",
    "MAX_IMPORT_MB": "{{MAX_IMPORT_MB}}",
    "LISTEN": f"listen 127.0.0.1:{{{{GATEWAY_PORT}}}} backlog={LISTEN_BACKLOG};",
    "DJANGO": "127.0.0.1:{{DJANGO_PORT}}",
    "AI_SERVICE": "127.0.0.1:{{AI_SERVICE_PORT}}",
    "FLOWER": "127.0.0.1:{{FLOWER_PORT}}",
    "PROMETHEUS": "127.0.0.1:{{PROMETHEUS_PORT}}",
    "ALERTMANAGER": "127.0.0.1:{{ALERTMANAGER_PORT}}",
    "RABBITMQ": "127.0.0.1:{{RABBITMQ_MANAGEMENT_PORT}}",
    "RABBITMQ_URI": "$rabbitmq_uri",
    "GRAFANA": "127.0.0.1:{{GRAFANA_PORT}}",
    "STATIC_ROOT": "{{STATIC_ROOT}}",
    "MEDIA_ROOT": "{{MEDIA_ROOT}}",
    "STATUS_SERVER": "",
}
TARGETS = {"container": CONTAINER, "local": LOCAL}


def _mime_types() -> str:
    for candidate in (
        "/etc/nginx/mime.types",
        "/usr/local/nginx/conf/mime.types",
        "/opt/homebrew/etc/nginx/mime.types",
    ):
        if Path(candidate).exists():
            return candidate
    raise SystemExit("nginx's mime.types was not found: is nginx installed?")


def _absolute(path: str) -> str:
    resolved = Path(path)
    return str(resolved if resolved.is_absolute() else REPO_DIR / resolved)


def values_from_environment() -> dict[str, str]:
    max_bytes = int(os.environ.get("MAX_UPLOAD_BYTES", 10 * 1024 * 1024))
    run_dir = _absolute(os.environ.get("RUN_DIR", "var/run"))
    return {
        # A root master would hand requests to 'nobody', who cannot read our files; keep the owner.
        "USER_DIRECTIVE": f"user {getpass.getuser()};" if os.geteuid() == 0 else "",
        "RUN_DIR": run_dir,
        "LOG_DIR": _absolute(os.environ.get("LOG_DIR", "logs")),
        "NGINX_MIME_TYPES": _mime_types(),
        "MAX_UPLOAD_MB": str(max(1, -(-max_bytes // (1024 * 1024)))),
        "MAX_IMPORT_MB": str(max(1, -(-int(os.environ.get("MAX_IMPORT_BYTES", 200 * 1024 * 1024)) // (1024 * 1024)))),
        "GATEWAY_PORT": os.environ.get("GATEWAY_PORT", "8080"),
        "DJANGO_PORT": os.environ.get("DJANGO_PORT", "8000"),
        "AI_SERVICE_PORT": os.environ.get("AI_SERVICE_PORT", "8001"),
        "FLOWER_PORT": os.environ.get("FLOWER_PORT", "5555"),
        "RABBITMQ_MANAGEMENT_PORT": os.environ.get("RABBITMQ_MANAGEMENT_PORT", "15672"),
        # Debian's default ports with a 1 in front, so the packages' own services, should a system start them,
        # never hold the platform's ports (scripts/render_monitoring.py does the same for the exporters).
        "PROMETHEUS_PORT": os.environ.get("PROMETHEUS_PORT", "19090"),
        "ALERTMANAGER_PORT": os.environ.get("ALERTMANAGER_PORT", "19093"),
        # Grafana has no Debian package: under `make up` it is the container's (docker compose up grafana).
        "GRAFANA_PORT": os.environ.get("GRAFANA_PORT", "3000"),
        "STATIC_ROOT": _absolute(os.environ.get("STATIC_ROOT", "var/static")),
        "MEDIA_ROOT": _absolute(os.environ.get("MEDIA_ROOT", "var/media")),
    }


def render(template: str, values: dict[str, str]) -> str:
    def substitute(match: re.Match[str]) -> str:
        return values[match.group(1)]

    return re.sub(r"\{\{(\w+)\}\}", substitute, template)


def render_target(target: str, template: str | None = None) -> str:
    """The template with the target's values. A placeholder alone on its line takes the line's indentation on
    each of its lines, and an empty one takes the line away."""
    values: dict[str, str] = TARGETS[target]
    text: str = template if template is not None else TEMPLATE.read_text()
    lines: list[str] = []
    for line in text.splitlines():
        alone = re.fullmatch(r"(\s*)@@(\w+)@@", line)
        if alone:
            indent, value = alone.group(1), values[alone.group(2)]
            lines.extend(f"{indent}{part}" if part else "" for part in value.splitlines())
            continue
        lines.append(re.sub(r"@@(\w+)@@", lambda match: values[match.group(1)], line))
    return "\n".join(lines) + "\n"


def stale_files() -> list[Path]:
    """The committed configurations that are not the template's rendering."""
    return [path for target, path in RENDERED.items() if path.read_text() != render_target(target)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    action = parser.add_mutually_exclusive_group(required=True)
    action.add_argument("--out", type=Path, help="fill nginx.local.conf from the environment into this file")
    action.add_argument("--write", action="store_true", help="render nginx.conf and nginx.local.conf")
    action.add_argument("--check", action="store_true", help="fail when a committed file is not the rendering")
    args = parser.parse_args()
    if args.write:
        for target, path in RENDERED.items():
            path.write_text(render_target(target))
        return
    if args.check:
        stale = stale_files()
        if stale:
            names = ", ".join(str(path.relative_to(REPO_DIR)) for path in stale)
            raise SystemExit(f"{names}: not the rendering of {TEMPLATE.relative_to(REPO_DIR)}; run --write")
        return
    values = values_from_environment()
    for directory in (values["RUN_DIR"], values["LOG_DIR"]):
        Path(directory).mkdir(parents=True, exist_ok=True)
    args.out.write_text(render(RENDERED["local"].read_text(), values))


if __name__ == "__main__":
    main()
