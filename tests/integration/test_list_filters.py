"""Filters and search of the API lists (candidates, jobs, applications): each filter, several together, a bad
value answered 400 with a message that says what to send, and never a row of another organization."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from accounts.models import Organization
from applications.models import Application
from candidates.models import Candidate
from jobs.models import JobPosting

pytestmark = pytest.mark.django_db


def _ids(response: Any) -> list[int]:
    assert response.status_code == 200, response.content
    return sorted(row["id"] for row in response.json()["results"])


@pytest.fixture
def other_organization(db) -> Organization:  # type: ignore[no-untyped-def]
    return Organization.objects.create(name="Other Co")


@pytest.fixture
def people(organization, other_organization) -> dict[str, Candidate]:  # type: ignore[no-untyped-def]
    def make(label: str, organization: Organization = organization, **fields: Any) -> Candidate:
        return Candidate.objects.create(organization=organization, name=label, **fields)

    return {
        "recruiter": make(
            "Rae",
            skills=["Recruiting", "Sourcing"],
            total_years_experience=6.0,
            location="Boston, MA",
            current_title="Senior Recruiter",
            extracted_text="Full-cycle recruiting for hospitals; sourced and hired nurse practitioners.",
        ),
        "junior": make(
            "Jun",
            skills=["Recruiting"],
            total_years_experience=1.5,
            location="Boston, MA",
            current_title="Recruiting Coordinator",
            extracted_text="Scheduled interviews for engineering teams.",
        ),
        "nurse": make(
            "Nia",
            skills=["Nursing", "Patient Care"],
            total_years_experience=8.0,
            location="Chicago, IL",
            current_title="Registered Nurse",
            extracted_text="Registered nurse in an intensive care unit.",
        ),
        # Would match every filter below: another organization's, so never listed.
        "elsewhere": make(
            "Eve",
            other_organization,
            skills=["Recruiting", "Sourcing"],
            total_years_experience=9.0,
            location="Boston, MA",
            current_title="Nurse Recruiter",
            extracted_text="Recruiting nurses in Boston.",
        ),
    }


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", ["recruiter", "junior", "nurse"]),
        ("skills=Recruiting", ["recruiter", "junior"]),
        ("skills=recruiting", ["recruiter", "junior"]),  # case does not matter
        ("skills=RECRUITING,sourcing", ["recruiter"]),  # several skills: all of them
        ("skills=Recruiting&skills=Sourcing", ["recruiter"]),  # or the parameter repeated
        ("skills=Recruiting,Nursing", []),
        ("min_years=3", ["recruiter", "nurse"]),
        ("location=boston", ["recruiter", "junior"]),
        ("q=nurse", ["recruiter", "nurse"]),  # title or resume text, stemmed ("nurse" and "nurses")
        ("q=registered nurse", ["nurse"]),
        ("skills=Recruiting&min_years=3&location=Boston&q=nurse", ["recruiter"]),
    ],
)
def test_candidate_filters(api_client, people, query: str, expected: list[str]) -> None:
    response = api_client.get(f"/api/candidates/?{query}")

    assert _ids(response) == sorted(people[label].pk for label in expected)


@pytest.mark.parametrize(
    ("query", "field", "message"),
    [
        ("min_years=abc", "min_years", "A valid number is required."),
        ("min_years=-1", "min_years", "Ensure this value is greater than or equal to 0."),
        ("skills=" + ",".join(f"s{n}" for n in range(21)), "skills", "At most 20 skills at once."),
    ],
)
def test_candidate_filters_refuse_bad_values(api_client, people, query: str, field: str, message: str) -> None:
    response = api_client.get(f"/api/candidates/?{query}")

    assert response.status_code == 400
    assert response.json() == {"code": "invalid", "detail": "The request is invalid.", "errors": {field: [message]}}


@pytest.fixture
def jobs(organization, other_organization) -> dict[str, JobPosting]:  # type: ignore[no-untyped-def]
    def make(label: str, organization: Organization = organization, **fields: Any) -> JobPosting:
        return JobPosting.objects.create(organization=organization, title=label, **fields)

    return {
        "nurse": make(
            "ICU Nurse",
            description="Night shifts in the intensive care unit.",
            location="Boston, MA",
            required_skills=["Nursing"],
            preferred_skills=["Patient Care"],
        ),
        "recruiter": make(
            "Talent Partner",
            description="Hire nurses for our hospitals.",
            location="Chicago, IL",
            required_skills=["Recruiting"],
            status="draft",
        ),
        "expired": make(
            "Ward Nurse",
            description="Day shifts.",
            location="Boston, MA",
            required_skills=["Nursing"],
            closes_at=timezone.now() - timedelta(days=1),
        ),
        "archived": make(
            "Old Nurse Role",
            description="Filled.",
            location="Boston, MA",
            required_skills=["Nursing"],
            archived_at=timezone.now(),
        ),
        "elsewhere": make(
            "ICU Nurse", other_organization, description="Nurse.", location="Boston", required_skills=["Nursing"]
        ),
    }


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", ["nurse", "recruiter", "expired"]),
        ("status=open", ["nurse"]),
        ("status=closed", ["expired"]),  # open, but past its closing date
        ("status=draft", ["recruiter"]),
        ("archived=true", ["archived"]),
        ("archived=all&status=open", ["nurse", "archived"]),
        ("q=nurse", ["nurse", "recruiter", "expired"]),  # title or description
        ("q=intensive", ["nurse"]),
        ("location=boston", ["nurse", "expired"]),
        ("skills=nursing", ["nurse", "expired"]),
        ("skills=Nursing,patient care", ["nurse"]),  # required and preferred skills together, every one
        ("skills=Nursing,Recruiting", []),
        ("status=open&q=nurse&location=Boston&skills=Nursing", ["nurse"]),
    ],
)
def test_job_filters(api_client, jobs, query: str, expected: list[str]) -> None:
    response = api_client.get(f"/api/jobs/?{query}")

    assert _ids(response) == sorted(jobs[label].pk for label in expected)


@pytest.mark.parametrize(
    ("query", "field", "message"),
    [
        ("status=paused", "status", '"paused" is not a job status; use one of: draft, open, closed.'),
        ("archived=maybe", "archived", '"maybe" is not a choice for archived; use one of: false, true, all.'),
    ],
)
def test_job_filters_refuse_bad_values(api_client, jobs, query: str, field: str, message: str) -> None:
    response = api_client.get(f"/api/jobs/?{query}")

    assert response.status_code == 400
    assert response.json()["errors"] == {field: [message]}


@pytest.fixture
def applications(organization, other_organization) -> dict[str, Application]:  # type: ignore[no-untyped-def]
    backend = JobPosting.objects.create(organization=organization, title="Backend", description="Python")
    frontend = JobPosting.objects.create(organization=organization, title="Frontend", description="TypeScript")
    elsewhere = JobPosting.objects.create(organization=other_organization, title="Backend", description="Python")
    ada = Candidate.objects.create(organization=organization, name="Ada")
    bob = Candidate.objects.create(organization=organization, name="Bob")
    eve = Candidate.objects.create(organization=other_organization, name="Eve")
    return {
        "ada_backend": Application.objects.create(candidate=ada, job=backend, status="shortlisted"),
        "bob_backend": Application.objects.create(candidate=bob, job=backend),
        "ada_frontend": Application.objects.create(candidate=ada, job=frontend, status="shortlisted"),
        "eve_elsewhere": Application.objects.create(candidate=eve, job=elsewhere, status="shortlisted"),
    }


def test_application_filters(api_client, applications) -> None:
    backend = applications["ada_backend"].job_id
    ada = applications["ada_backend"].candidate_id
    elsewhere = applications["eve_elsewhere"].job_id

    def listed(query: str) -> list[int]:
        return _ids(api_client.get(f"/api/applications/?{query}"))

    def of(*labels: str) -> list[int]:
        return sorted(applications[label].pk for label in labels)

    assert listed("stage=shortlisted") == of("ada_backend", "ada_frontend")
    assert listed(f"job={backend}") == of("ada_backend", "bob_backend")
    assert listed(f"stage=shortlisted&job={backend}") == of("ada_backend")
    assert listed(f"candidate={ada}") == of("ada_backend", "ada_frontend")
    assert listed("stage=hired") == []
    assert listed(f"job={elsewhere}") == []  # another organization's job: nothing, not its applications


@pytest.mark.parametrize(
    ("query", "field", "message"),
    [
        (
            "stage=foo",
            "stage",
            '"foo" is not a stage; use one of: applied, screening, shortlisted, interviewing, offered, hired, '
            "rejected, withdrawn.",
        ),
        ("job=abc", "job", "A valid integer is required."),
        ("job=99999999999999999999", "job", "Ensure this value is less than or equal to 9223372036854775807."),
    ],
)
def test_application_filters_refuse_bad_values(api_client, applications, query: str, field: str, message: str):
    response = api_client.get(f"/api/applications/?{query}")

    assert response.status_code == 400
    assert response.json()["errors"] == {field: [message]}


def test_the_schema_documents_every_filter(api_client) -> None:
    schema = api_client.get("/api/schema/?format=json").json()

    def parameters(path: str) -> set[str]:
        return {parameter["name"] for parameter in schema["paths"][path]["get"]["parameters"]}

    assert {"skills", "min_years", "location", "q"} <= parameters("/api/candidates/")
    assert {"status", "archived", "q", "location", "skills"} <= parameters("/api/jobs/")
    assert {"stage", "job", "candidate"} <= parameters("/api/applications/")
