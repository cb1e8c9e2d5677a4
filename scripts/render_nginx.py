"""Fill nginx/nginx.local.conf's {{NAME}} placeholders from the environment and write the result."""

from __future__ import annotations

import argparse
import getpass
import os
import re
from pathlib import Path

REPO_DIR = Path(__file__).resolve().parent.parent


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
        "STATIC_ROOT": _absolute(os.environ.get("STATIC_ROOT", "var/static")),
        "MEDIA_ROOT": _absolute(os.environ.get("MEDIA_ROOT", "var/media")),
    }


def render(template: str, values: dict[str, str]) -> str:
    def substitute(match: re.Match[str]) -> str:
        return values[match.group(1)]

    return re.sub(r"\{\{(\w+)\}\}", substitute, template)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    values = values_from_environment()
    for directory in (values["RUN_DIR"], values["LOG_DIR"]):
        Path(directory).mkdir(parents=True, exist_ok=True)
    args.out.write_text(render((REPO_DIR / "nginx" / "nginx.local.conf").read_text(), values))


if __name__ == "__main__":
    main()
