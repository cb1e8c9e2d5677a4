"""Support of the gateway tests: signed-in sessions for every role, and the platform's RabbitMQ users made the way
`make up` makes them (scripts/lib.sh `ensure_rabbitmq_users`, which needs root and rabbitmqctl), with throwaway
names, removed afterwards."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx
import pytest

REPO_DIR = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class BrokerUsers:
    app: tuple[str, str]  # the platform's user: no tags
    operator: tuple[str, str]  # the operators' management user: tag monitoring
    broker_url: str  # CELERY_BROKER_URL as `make up` exports it
    work_dir: Path  # where the generated passwords live, under var/


def ensure_rabbitmq_users(work_dir: Path, env: dict[str, str]) -> str:
    """Run lib.sh's ensure_rabbitmq_users in work_dir (its var/ gets the generated passwords); the broker URL."""
    completed = subprocess.run(
        [
            "bash",
            "-c",
            f"set -euo pipefail; source {REPO_DIR}/scripts/lib.sh; ensure_rabbitmq_users; "
            'printf "%s" "$CELERY_BROKER_URL"',
        ],
        cwd=work_dir,
        env={"PATH": os.environ["PATH"], "HOME": os.environ.get("HOME", "/root"), **env},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert completed.returncode == 0, completed.stderr
    return completed.stdout.splitlines()[-1]


def require_rabbitmqctl() -> None:
    if os.geteuid() != 0 or shutil.which("rabbitmqctl") is None:
        pytest.skip("making RabbitMQ users needs root and rabbitmqctl, as `make up` does")


def delete_user(name: str) -> None:
    subprocess.run(["rabbitmqctl", "-q", "delete_user", name], capture_output=True, timeout=60)


@contextmanager
def broker_users(vhost: str, work_dir: Path) -> Iterator[BrokerUsers]:
    require_rabbitmqctl()
    suffix = uuid.uuid4().hex[:8]
    app_user, operator_user = f"e2e-app-{suffix}", f"e2e-operator-{suffix}"
    env = {
        "CELERY_BROKER_URL": f"amqp://127.0.0.1:5672/{quote(vhost, safe='')}",
        "RABBITMQ_APP_USER": app_user,
        "RABBITMQ_APP_PASSWORD": "",  # generated into var/, as by `make up`
        "RABBITMQ_OPERATOR_USER": operator_user,
        "RABBITMQ_OPERATOR_PASSWORD": "",
    }
    try:
        broker_url = ensure_rabbitmq_users(work_dir, env)
        yield BrokerUsers(
            app=(app_user, (work_dir / "var" / "rabbitmq_app_password").read_text().strip()),
            operator=(operator_user, (work_dir / "var" / "rabbitmq_operator_password").read_text().strip()),
            broker_url=broker_url,
            work_dir=work_dir,
        )
    finally:
        delete_user(app_user)
        delete_user(operator_user)


# Every role of the matrix, as the services of accounts.services create them. recruiter_a is the platform's own
# recruiter (`e2e` in "E2E Co"); recruiter_b works for another organization.
ROLES = ("recruiter_a", "recruiter_b", "organization_admin", "operator", "platform_admin", "no_organization")
_MAKE_PEOPLE = """
import json
from importlib import import_module
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from accounts.models import Organization, User
from accounts.services import operator_create, organization_admin_create, recruiter_create

suffix = {suffix!r}
a = Organization.objects.get(name="E2E Co")
b, _ = Organization.objects.get_or_create(name="Other Co")
people = {{
    "recruiter_a": User.objects.get(username="e2e"),
    "recruiter_b": recruiter_create(username="rb-" + suffix, password="rb-password-1", organization=b),
    "organization_admin": organization_admin_create(username="oa-" + suffix, password="oa-password-1", organization=a),
    "operator": operator_create(username="op-" + suffix, password="op-password-1"),
    "platform_admin": User.objects.create_superuser(username="pa-" + suffix, email="", password="pa-password-1"),
    "no_organization": User.objects.create_user(username="no-" + suffix, password="no-password-1", is_staff=True),
}}
sessions = {{}}
for role, user in people.items():
    session = import_module(settings.SESSION_ENGINE).SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    sessions[role] = session.session_key
print("SESSIONS " + json.dumps(sessions))
"""


def signed_in_sessions(platform: Any) -> dict[str, str]:
    """A session id per role. Made directly, as the login view would make it, so the gateway's per-address limit
    on sign-in attempts is not spent by the tests."""
    output = platform.manage("shell", "-c", _MAKE_PEOPLE.format(suffix=uuid.uuid4().hex[:6]))
    line = next(line for line in reversed(output.splitlines()) if line.startswith("SESSIONS "))
    sessions: dict[str, str] = json.loads(line.removeprefix("SESSIONS "))
    return sessions


def client_for(platform: Any, session_key: str | None) -> httpx.Client:
    cookies = {"sessionid": session_key} if session_key else {}
    return httpx.Client(base_url=platform.base_url, timeout=60, cookies=cookies, follow_redirects=False)
