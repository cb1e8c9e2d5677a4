"""Both OpenAPI specs fuzzed by schemathesis, in process, with a bounded budget: whatever the generated request,
valid for the spec or not, no operation answers with a server error.

Django is called through WSGI against the real test PostgreSQL and Redis, as a recruiter with an API token; the
AI service through ASGI with an API key. SCHEMATHESIS_MAX_EXAMPLES raises the budget for a longer hunt.
"""

from __future__ import annotations

import os
from typing import Any

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from fixtures.ai_server import API_KEY
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from rest_framework.authtoken.models import Token
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error

from ai_service.main import create_app
from ai_service.settings import AIServiceSettings
from applications.models import Application
from candidates.models import Candidate
from jobs.models import JobPosting
from realtime.models import TaskRecord

MAX_EXAMPLES = int(os.environ.get("SCHEMATHESIS_MAX_EXAMPLES", "20"))
FUZZ_SETTINGS = settings(
    max_examples=MAX_EXAMPLES,
    deadline=None,
    derandomize=True,  # the same cases every run: a failure here is reproducible, not a flake
    suppress_health_check=list(HealthCheck),
    database=None,
)


def fuzz(schema: Any, headers: dict[str, str], rows: dict[str, dict[str, Any]] | None = None) -> dict[str, str]:
    """Every operation, valid and invalid requests alike; the first failure of each operation, by its label.
    `rows` names existing rows by the path's first segment after /api/ (e.g. {"jobs": {"id": 3}}): requests on
    them go past the 404 into the code that pages, ranks and explains. (One loop rather than schemathesis' pytest
    plugin, which does not run on this pytest.)"""
    failures: dict[str, str] = {}
    for result in schema.get_all_operations():
        operation = result.ok()
        strategies = [operation.as_strategy(GenerationMode.POSITIVE)]
        if operation.query or operation.body or operation.path_parameters or operation.headers:
            strategies.append(operation.as_strategy(GenerationMode.NEGATIVE))
        names = {parameter.name for parameter in operation.path_parameters}
        existing = (rows or {}).get(operation.path.removeprefix("/api/").split("/")[0], {})
        fixed = {name: value for name, value in existing.items() if name in names}
        if fixed:
            strategies.append(operation.as_strategy(GenerationMode.POSITIVE, path_parameters=fixed))
        for strategy in strategies:  # each its own budget: none crowds the others out

            @FUZZ_SETTINGS
            @given(case=strategy)
            def run(case: Any) -> None:
                case.call_and_validate(headers=headers, checks=[not_a_server_error])

            try:
                run()
            except Unsatisfiable:  # no request breaks this operation's spec (e.g. a POST without a body)
                continue
            except (Exception, BaseExceptionGroup) as error:  # schemathesis' FailureGroup is a BaseExceptionGroup
                failures.setdefault(operation.label, str(error)[:2000])
    return failures


@pytest.fixture
def connection_kept_between_requests() -> Any:
    """As Django's test client does: the WSGI handler would otherwise close the test's connection after each
    request, and the test's transaction with it."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def test_django_api_never_answers_a_server_error(db, connection_kept_between_requests, recruiter, organization):  # type: ignore[no-untyped-def]
    job = JobPosting.objects.create(organization=organization, title="Backend Engineer", description="Python")
    candidate = Candidate.objects.create(
        organization=organization, name="Ada Lovelace", email="ada@example.com", skills=["Python"]
    )
    application = Application.objects.create(candidate=candidate, job=job)
    task = TaskRecord.objects.create(task_id="fuzz-task", kind=TaskRecord.Kind.PARSE_RESUME, organization=organization)
    rows = {
        "jobs": {"id": job.pk, "candidate_pk": candidate.pk},
        "candidates": {"id": candidate.pk},
        "applications": {"id": application.pk},
        "tasks": {"task_id": task.task_id},
    }
    token = Token.objects.create(user=recruiter).key
    schema = schemathesis.openapi.from_wsgi("/api/schema/?format=json", get_wsgi_application())

    assert fuzz(schema, {"Authorization": f"Token {token}"}, rows) == {}


def test_ai_service_never_answers_a_server_error() -> None:
    app = create_app(AIServiceSettings(ai_service_api_keys=[API_KEY], ai_rate_limit_per_minute=100_000))
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)

    assert fuzz(schema, {"X-API-Key": API_KEY}) == {}
