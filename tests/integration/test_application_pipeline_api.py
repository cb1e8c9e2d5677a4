"""The pipeline over the REST API: moves, bulk moves, history, notes, the 409 on a duplicate application, and
organization isolation of every new route (another organization's recruiter, a candidate, anonymous)."""

from __future__ import annotations

from typing import Any

import pytest
from rest_framework.test import APIClient

from accounts.models import Organization, User
from accounts.services import recruiter_create
from applications.models import Application, ApplicationNote, StageChange
from applications.services import application_create
from candidates.models import Candidate
from jobs.models import JobPosting

pytestmark = pytest.mark.django_db


@pytest.fixture
def application(organization, recruiter, django_capture_on_commit_callbacks) -> Application:  # type: ignore[no-untyped-def]
    with django_capture_on_commit_callbacks(execute=False):
        candidate = Candidate.objects.create(organization=organization, name="Pia")
        job = JobPosting.objects.create(organization=organization, title="Backend Developer", description="Python")
        return application_create(candidate=candidate, job=job, actor=recruiter)


def _client(user: User | None) -> APIClient:
    client = APIClient()
    if user is not None:
        client.force_authenticate(user)
    return client


@pytest.fixture
def outsider(db) -> User:  # type: ignore[no-untyped-def]
    return recruiter_create(
        username="otto", password="otto-password-1", organization=Organization.objects.create(name="Other Co")
    )


@pytest.fixture
def candidate_user(db) -> User:  # type: ignore[no-untyped-def]
    return User.objects.create_user(username="cand", password="cand-password-1", role=User.Role.CANDIDATE)


def _detail(application: Application, tail: str = "") -> str:
    return f"/api/applications/{application.pk}/{tail}"


def test_patch_moves_the_application_and_answers_with_it(api_client, application, recruiter) -> None:
    response = api_client.patch(_detail(application), {"stage": "screening", "note": "Good fit"}, format="json")

    assert response.status_code == 200, response.content
    body = response.json()
    assert (body["id"], body["status"]) == (application.pk, "screening")
    change = StageChange.objects.filter(application=application).latest("pk")
    assert body["stage_entered_at"] == change.changed_at.isoformat()
    assert isinstance(body["time_in_stage_seconds"], int)
    assert (change.from_stage, change.to_stage, change.note, change.changed_by) == (
        "applied",
        "screening",
        "Good fit",
        recruiter,
    )


@pytest.mark.parametrize(
    ("body", "status", "code", "detail"),
    [
        ({"stage": "rejected"}, 400, "reason_required", "A reason is required to move to Rejected."),
        ({"stage": "applied"}, 409, "same_stage", "The application is already in Applied."),
        (
            {"stage": "hired"},
            409,
            "transition_not_allowed",
            "An application cannot move from Applied to Hired; allowed: screening, shortlisted, interviewing, "
            "offered, rejected, withdrawn.",
        ),
    ],
)
def test_patch_refuses_a_move_the_pipeline_does_not_allow(
    api_client, application, body: dict[str, Any], status: int, code: str, detail: str
) -> None:
    response = api_client.patch(_detail(application), body, format="json")

    assert response.status_code == status
    assert response.json() == {"code": code, "detail": detail}
    application.refresh_from_db()
    assert application.status == "applied"


def test_patch_validates_its_input(api_client, application) -> None:
    unknown = api_client.patch(_detail(application), {"stage": "interviewed"}, format="json")
    missing = api_client.patch(_detail(application), {"reason": "x"}, format="json")
    put = api_client.put(_detail(application), {"stage": "screening"}, format="json")

    assert unknown.status_code == 400
    assert unknown.json()["errors"] == {"stage": ['"interviewed" is not a valid choice.']}
    assert missing.json()["errors"] == {"stage": ["This field is required."]}
    assert put.status_code == 405


def test_history_lists_every_move_oldest_first(api_client, application, recruiter) -> None:
    api_client.patch(_detail(application), {"stage": "rejected", "reason": "No visa"}, format="json")
    api_client.patch(_detail(application), {"stage": "screening", "reason": "Visa sorted"}, format="json")

    response = api_client.get(_detail(application, "history/"))

    assert response.status_code == 200
    rows = [(r["from_stage"], r["to_stage"], r["reason"], r["changed_by"]) for r in response.json()["results"]]
    assert rows == [
        ("", "applied", "", recruiter.pk),
        ("applied", "rejected", "No visa", recruiter.pk),
        ("rejected", "screening", "Visa sorted", recruiter.pk),
    ]


def test_notes_are_added_and_listed(api_client, application, recruiter) -> None:
    created = api_client.post(_detail(application, "notes/"), {"text": "Prefers remote"}, format="json")
    empty = api_client.post(_detail(application, "notes/"), {"text": ""}, format="json")
    listed = api_client.get(_detail(application, "notes/"))

    assert created.status_code == 201
    assert (created.json()["text"], created.json()["author"]) == ("Prefers remote", recruiter.pk)
    assert empty.status_code == 400
    assert empty.json()["errors"] == {"text": ["This field may not be blank."]}
    assert [n["text"] for n in listed.json()["results"]] == ["Prefers remote"]


def test_bulk_reports_each_id(api_client, application, organization, outsider, recruiter) -> None:
    withdrawn = Application.objects.create(
        candidate=Candidate.objects.create(organization=organization, name="Lou"), job=application.job
    )
    api_client.patch(f"/api/applications/{withdrawn.pk}/", {"stage": "withdrawn"}, format="json")
    foreign_org = outsider.organization
    foreign = Application.objects.create(
        candidate=Candidate.objects.create(organization=foreign_org, name="Far"),
        job=JobPosting.objects.create(organization=foreign_org, title="Far job", description="Go"),
    )

    response = api_client.post(
        "/api/applications/bulk/",
        {"ids": [application.pk, withdrawn.pk, foreign.pk, 999_999], "stage": "shortlisted"},
        format="json",
    )

    assert response.status_code == 200
    assert response.json()["results"] == [
        {"id": application.pk, "outcome": "moved", "stage": "shortlisted", "code": "", "detail": ""},
        {
            "id": withdrawn.pk,
            "outcome": "not_allowed",
            "stage": "",
            "code": "final_stage",
            "detail": "Withdrawn is final: the application cannot move.",
        },
        {"id": foreign.pk, "outcome": "not_found", "stage": "", "code": "", "detail": "No such application."},
        {"id": 999_999, "outcome": "not_found", "stage": "", "code": "", "detail": "No such application."},
    ]
    foreign.refresh_from_db()
    assert foreign.status == "applied"


def test_bulk_reject_needs_a_reason_for_each(api_client, application) -> None:
    response = api_client.post("/api/applications/bulk/", {"ids": [application.pk], "stage": "rejected"}, format="json")

    assert [(r["outcome"], r["code"]) for r in response.json()["results"]] == [("not_allowed", "reason_required")]


@pytest.mark.parametrize(
    ("body", "errors"),
    [
        ({"ids": [], "stage": "screening"}, {"ids": ["This list may not be empty."]}),
        ({"ids": ["x"], "stage": "screening"}, {"ids": {"0": ["A valid integer is required."]}}),
        ({"ids": [1], "stage": "nowhere"}, {"stage": ['"nowhere" is not a valid choice.']}),
        (
            {"ids": list(range(1, 502)), "stage": "screening"},
            {"ids": ["Ensure this field has no more than 500 elements."]},
        ),
    ],
)
def test_bulk_validates_its_input(api_client, body: dict[str, Any], errors: dict[str, Any]) -> None:
    response = api_client.post("/api/applications/bulk/", body, format="json")

    assert response.status_code == 400
    assert response.json()["errors"] == errors


def test_a_second_application_to_the_same_job_answers_409(api_client, application) -> None:
    response = api_client.post(
        "/api/applications/", {"candidate": application.candidate_id, "job": application.job_id}, format="json"
    )

    assert response.status_code == 409
    assert response.json() == {
        "code": "duplicate_application",
        "detail": "This candidate has already applied to this job.",
    }


# --- Organization isolation of every new route -------------------------------------------------------------------

WRITES = [
    ("patch", "", {"stage": "screening"}),
    ("post", "notes/", {"text": "Sneaky"}),
]
READS = ["", "history/", "notes/"]


@pytest.mark.parametrize("tail", READS)
def test_another_organizations_recruiter_reads_nothing(application, outsider, tail: str) -> None:
    response = _client(outsider).get(_detail(application, tail))
    missing = _client(outsider).get(f"/api/applications/999999/{tail}")

    assert response.status_code == missing.status_code == 404
    assert response.json() == missing.json()  # indistinguishable from an id that does not exist


@pytest.mark.parametrize(("method", "tail", "body"), WRITES)
def test_another_organizations_recruiter_writes_nothing(application, outsider, method, tail, body) -> None:
    response = getattr(_client(outsider), method)(_detail(application, tail), body, format="json")

    assert response.status_code == 404
    application.refresh_from_db()
    assert application.status == "applied"
    assert not ApplicationNote.objects.exists()


def test_another_organizations_bulk_finds_nothing(application, outsider) -> None:
    response = _client(outsider).post(
        "/api/applications/bulk/", {"ids": [application.pk], "stage": "screening"}, format="json"
    )

    assert [r["outcome"] for r in response.json()["results"]] == ["not_found"]
    application.refresh_from_db()
    assert application.status == "applied"


@pytest.mark.parametrize(("role", "status"), [("candidate", 403), ("anonymous", 401)])
def test_candidates_and_anonymous_callers_are_refused_everywhere(
    application, candidate_user, role: str, status: int
) -> None:
    client = _client(candidate_user if role == "candidate" else None)
    calls = [("get", tail, None) for tail in READS] + WRITES
    calls.append(("post", "BULK", {"ids": [application.pk], "stage": "screening"}))

    for method, tail, body in calls:
        url = "/api/applications/bulk/" if tail == "BULK" else _detail(application, tail)
        response = getattr(client, method)(url, body, format="json")
        assert response.status_code == status, f"{role} {method} {url}: {response.status_code}"
    application.refresh_from_db()
    assert application.status == "applied"
    assert not ApplicationNote.objects.exists()
