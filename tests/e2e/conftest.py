"""The whole platform, started the way `make up` starts it (supervisord, nginx in front), on free ports,
with its own database, RabbitMQ virtual host, Redis database and media folder."""

from __future__ import annotations

import getpass
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
from fixtures.rabbitmq import throwaway_vhost

from scripts import embedded_pg

REPO_DIR = Path(__file__).resolve().parents[2]
VENV = Path(sys.prefix)
SUPERVISOR_CONF = REPO_DIR / "scripts" / "supervisord.conf"
STARTUP_TIMEOUT = 180


@dataclass(frozen=True)
class Platform:
    base_url: str
    ws_url: str
    database_url: str
    env: dict[str, str]
    token: str

    def manage(self, *args: str) -> str:
        return _run([str(VENV / "bin" / "python"), "manage.py", *args], self.env, cwd=REPO_DIR / "django_backend")


def _run(command: list[str], env: dict[str, str], cwd: Path = REPO_DIR) -> str:
    completed = subprocess.run(command, env=env, cwd=cwd, capture_output=True, text=True, timeout=300)
    if completed.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed:\n{completed.stdout}\n{completed.stderr}")
    return completed.stdout


def _wait_for(url: str, deadline: float) -> None:
    while time.monotonic() < deadline:
        try:
            if httpx.get(url, timeout=5).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(1)
    raise TimeoutError(f"{url} did not answer 200 in time")


def _tail_logs(log_dir: Path) -> str:
    parts = []
    for log in sorted(log_dir.glob("*.log")):
        lines = log.read_text(errors="replace").splitlines()[-40:]
        parts.append(f"--- {log.name}\n" + "\n".join(lines))
    return "\n".join(parts)


@pytest.fixture(scope="session")
def platform(postgres_server_url: str) -> Iterator[Platform]:
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    if not Path(nginx).exists():
        pytest.fail("nginx is not installed: run `make install`")
    work_dir = Path(tempfile.mkdtemp(prefix="recruitment-e2e-"))
    database_url = embedded_pg.ensure_database(postgres_server_url, f"e2e_{os.getpid()}")
    gateway_port = embedded_pg.free_port()
    with throwaway_vhost("recruitment-e2e") as vhost:
        # The supervisor config must supply PYTHONPATH and the offline switches itself, as under `make up`.
        inherited = {
            k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE"}
        }
        env = {
            **inherited,
            "DJANGO_DEBUG": "true",
            "DJANGO_ALLOWED_HOSTS": "localhost,127.0.0.1",
            "DATABASE_URL": database_url,
            "CELERY_BROKER_URL": vhost.broker_url,
            "REDIS_URL": os.environ.get("E2E_REDIS_URL", "redis://127.0.0.1:6379/7"),
            "GATEWAY_PORT": str(gateway_port),
            "DJANGO_PORT": str(embedded_pg.free_port()),
            "AI_SERVICE_PORT": str(embedded_pg.free_port()),
            "FLOWER_PORT": str(embedded_pg.free_port()),
            "AI_SERVICE_URL": "",  # filled below, once the port is known
            # The workers' key, which the AI service also accepts (it refuses to start without one).
            "AI_SERVICE_API_KEY": "e2e-ai-service-key-0123456789",
            # Prometheus's credential for /metrics of both services (make up generates one into var/).
            "METRICS_BEARER_TOKEN": "e2e-metrics-bearer-token-0123456789",
            "MEDIA_ROOT": str(work_dir / "media"),
            "STATIC_ROOT": str(work_dir / "static"),
            "USE_X_ACCEL_REDIRECT": "true",
            "RUN_DIR": str(work_dir / "run"),
            "LOG_DIR": str(work_dir / "logs"),
            "REPO_DIR": str(REPO_DIR),
            "VENV": str(VENV),
            "USER": getpass.getuser(),
            "NGINX_BIN": nginx,
        }
        env["AI_SERVICE_URL"] = f"http://127.0.0.1:{env['AI_SERVICE_PORT']}"
        python = str(VENV / "bin" / "python")
        manage_dir = REPO_DIR / "django_backend"
        _run([python, "manage.py", "migrate", "--noinput", "-v", "0"], env, cwd=manage_dir)
        _run([python, "manage.py", "collectstatic", "--noinput", "-v", "0"], env, cwd=manage_dir)
        token = _run(
            [
                python,
                "manage.py",
                "create_recruiter",
                "--organization",
                "E2E Co",
                "--username",
                "e2e",
                "--password",
                "e2e-password-1",
            ],
            env,
            cwd=manage_dir,
        ).strip()
        _run([python, "scripts/render_nginx.py", "--out", f"{env['RUN_DIR']}/nginx.conf"], env)
        _run([str(VENV / "bin" / "supervisord"), "-c", str(SUPERVISOR_CONF)], env)
        base_url = f"http://127.0.0.1:{gateway_port}"
        try:
            deadline = time.monotonic() + STARTUP_TIMEOUT
            _wait_for(f"{base_url}/healthz", deadline)
            _wait_for(f"{base_url}/api/ai/health", deadline)
            yield Platform(
                base_url=base_url,
                ws_url=f"ws://127.0.0.1:{gateway_port}",
                database_url=database_url,
                env=env,
                token=token,
            )
        except BaseException:
            print(_tail_logs(Path(env["LOG_DIR"])), file=sys.stderr)
            raise
        finally:
            subprocess.run(
                [str(VENV / "bin" / "supervisorctl"), "-c", str(SUPERVISOR_CONF), "shutdown"],
                env=env,
                capture_output=True,
                timeout=120,
            )
            if os.environ.get("E2E_KEEP_LOGS"):
                print(f"e2e logs kept in {env['LOG_DIR']}", file=sys.stderr)
            else:
                shutil.rmtree(work_dir, ignore_errors=True)


@pytest.fixture
def api(platform: Platform) -> Iterator[httpx.Client]:
    with httpx.Client(
        base_url=platform.base_url, headers={"Authorization": f"Token {platform.token}"}, timeout=60
    ) as client:
        yield client


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Headless chromium from the system (Debian's `chromium`, installed by `make install`) driven by Playwright;
    Playwright's own browser downloads are never used. Module-scoped: Playwright's sync API keeps an event loop
    running while it is open, which other tests' asyncio would trip over."""
    from playwright.sync_api import sync_playwright

    executable = os.environ.get("CHROMIUM_BIN") or shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(executable).exists():
        pytest.fail("chromium is not installed: run `make install`")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, headless=True)
        yield launched
        launched.close()


@pytest.fixture
def staff_page(platform: Platform, browser: Any) -> Iterator[Any]:
    """A browser tab signed in to the admin as the e2e recruiter (a staff user, see `platform`)."""
    context = browser.new_context(base_url=platform.base_url)
    context.set_default_timeout(30_000)
    page = context.new_page()
    page.goto("/admin/login/")
    page.fill("#id_username", "e2e")
    page.fill("#id_password", "e2e-password-1")
    page.click("input[type=submit]")
    page.wait_for_url("**/admin/")
    yield page
    context.close()
