"""Every list and detail read of the REST API takes as many queries with 200 rows as with one, and writes nothing
but the intended (session, last_login, the audit log of views of candidate data).

Routes are found by walking the URL conf: a GET route under /api/ without an entry here fails, naming itself.
The organization is read by one of its recruiters (the portal's routes by its candidate), first with one unit of
data (fixtures.query_world), then with 200.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from fixtures.query_world import QueryWorld, measure, measured_then_grown
from rest_framework.test import APIClient
from security.matrix_support import other_routes

from analytics.figures import FIGURES

GROWN = 200

URL = Callable[[QueryWorld], str]


def _pk(name: str) -> Callable[[QueryWorld], Any]:
    return lambda w: w.first[name].pk


RECRUITER_READS: dict[str, URL] = {
    "job-list": lambda w: "/api/jobs/",
    "job-detail": lambda w: f"/api/jobs/{_pk('job')(w)}/",
    "job-rediscovered": lambda w: f"/api/jobs/{_pk('job')(w)}/rediscovered/",
    "job-candidates": lambda w: f"/api/jobs/{_pk('job')(w)}/candidates/",
    "match-explanation": lambda w: f"/api/jobs/{_pk('job')(w)}/candidates/{_pk('candidate')(w)}/explanation/",
    "candidate-jobs": lambda w: f"/api/candidates/{_pk('candidate')(w)}/jobs/?limit=100",
    "candidate-list": lambda w: "/api/candidates/",
    "candidate-detail": lambda w: f"/api/candidates/{w.portal_candidate.pk}/",
    "candidate-export": lambda w: f"/api/candidates/{w.portal_candidate.pk}/export/",
    "resume-list": lambda w: "/api/resumes/",
    "resume-detail": lambda w: f"/api/resumes/{_pk('resume')(w)}/",
    "resume-file": lambda w: f"/api/resumes/{_pk('resume')(w)}/file/",
    "import-list": lambda w: "/api/imports/",
    "import-detail": lambda w: f"/api/imports/{_pk('batch')(w)}/",
    "application-list": lambda w: "/api/applications/",
    "application-detail": lambda w: f"/api/applications/{_pk('application')(w)}/",
    "application-history": lambda w: f"/api/applications/{_pk('application')(w)}/history/",
    "application-notes": lambda w: f"/api/applications/{_pk('application')(w)}/notes/",
    "application-messages": lambda w: f"/api/applications/{_pk('application')(w)}/messages/",
    "messages-unread": lambda w: "/api/messages/unread/",
    "interview-list": lambda w: "/api/interviews/",
    "interview-detail": lambda w: f"/api/interviews/{_pk('interview')(w)}/",
    "interview-feedback": lambda w: f"/api/interviews/{_pk('interview')(w)}/feedback/",
    "interview-ics": lambda w: f"/api/interviews/{_pk('interview')(w)}/ics/",
    "task-list": lambda w: "/api/tasks/",
    "task-detail": lambda w: f"/api/tasks/{w.first['task'].task_id}/",
    **{f"analytics-{slug}": (lambda w, slug=slug: f"/api/analytics/{slug}/") for slug in FIGURES},
    **{f"analytics-{slug}-csv": (lambda w, slug=slug: f"/api/analytics/{slug}/export.csv") for slug in FIGURES},
}
CANDIDATE_READS: dict[str, URL] = {
    "portal-profile": lambda w: "/api/portal/profile/",
    "portal-resumes": lambda w: "/api/portal/resumes/",
    "portal-recommendations": lambda w: "/api/portal/recommendations/?limit=100",
    "portal-applications": lambda w: "/api/portal/applications/",
    "portal-application": lambda w: f"/api/portal/applications/{_pk('portal_application')(w)}/",
    "portal-export": lambda w: "/api/portal/export/",
    "portal-interviews": lambda w: "/api/portal/interviews/",
}
# GET routes under /api/ that read no rows of an organization: sign-in checks, the index, the schema and its page.
NOT_ROWS = {"api-root", "operator-check", "metrics-check", "api-schema", "api-docs"}
READS = {**RECRUITER_READS, **CANDIDATE_READS}


def _client(world: QueryWorld, name: str) -> APIClient:
    client = APIClient()
    client.force_authenticate(world.users["candidate" if name in CANDIDATE_READS else "recruiter"])
    return client


def _read(name: str) -> Any:
    return lambda world: (_client(world, name), READS[name](world))


@pytest.fixture(scope="module")
def counted(django_db_setup, django_db_blocker) -> Iterator[tuple[QueryWorld, dict[str, Any]]]:  # type: ignore[no-untyped-def]
    with measured_then_grown(django_db_blocker, {name: _read(name) for name in READS}, GROWN) as counted:
        yield counted


def test_every_api_read_is_counted() -> None:
    reads = {
        route.key
        for route in other_routes()
        if route.pattern.startswith("api/") and route.callback is not None and "GET" in (route.methods() or ["GET"])
    }
    reads -= NOT_ROWS
    reads -= {"alertmanager-webhook"}  # a POST-only function view
    assert sorted(reads - set(READS)) == []
    assert sorted(set(READS) - reads) == []


@pytest.mark.parametrize("name", sorted(READS))
def test_queries_do_not_grow_with_rows(counted, name, db) -> None:  # type: ignore[no-untyped-def]
    world, at_one = counted
    status_one, queries_one, writes_one = at_one[name]
    status, queries, writes = measure(_client(world, name), READS[name](world))

    assert status_one == status == 200, (status_one, status)
    assert (queries_one, writes_one) == (queries, writes), f"{queries_one} queries with 1 unit, {queries} with {GROWN}"
    assert writes == []
