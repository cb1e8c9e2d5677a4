"""Applications over the API and their AI analysis against the real AI service (HTTP, builtin provider)."""

from __future__ import annotations

import pytest
from fixtures.ai_server import API_KEY, running_ai_service

from accounts.models import Organization
from applications.ai_client import AIServiceUnavailable
from applications.models import Application
from applications.services import ResumeNotReady, application_analyze
from candidates.models import Candidate, ResumeVersion
from jobs.models import JobPosting
from realtime.models import TaskRecord

pytestmark = pytest.mark.django_db

RESUME = "Python developer with 6 years of Django and PostgreSQL. Docker in production."
JOB = "Backend developer: Python, Django, PostgreSQL and Kubernetes. 5 years of experience."


@pytest.fixture(scope="module")
def ai_service_url():  # type: ignore[no-untyped-def]
    with running_ai_service() as url:
        yield url


@pytest.fixture
def application(organization, django_capture_on_commit_callbacks) -> Application:  # type: ignore[no-untyped-def]
    with django_capture_on_commit_callbacks(execute=False):
        candidate = Candidate.objects.create(organization=organization, name="Pia", extracted_text=RESUME)
        job = JobPosting.objects.create(organization=organization, title="Backend Developer", description=JOB)
        return Application.objects.create(candidate=candidate, job=job)


def test_analysis_stores_score_and_feedback(application, settings, ai_service_url):
    settings.AI_SERVICE_URL, settings.AI_SERVICE_API_KEY = ai_service_url, API_KEY

    assert application_analyze(application_id=application.pk) == "done"

    application.refresh_from_db()
    assert application.analysis_status == "done"
    assert application.ai_feedback["missing_skills"] == ["Kubernetes"]
    assert len(application.ai_feedback["interview_questions"]) == 3
    assert application.ai_feedback["provider"] == "builtin"
    assert application.ai_feedback["input_truncated"] is False
    assert application.ai_score == pytest.approx(sum(application.ai_feedback["breakdown"].values()), abs=0.05)


def test_analysis_is_not_repeated_once_done(application, settings, ai_service_url):
    settings.AI_SERVICE_URL, settings.AI_SERVICE_API_KEY = ai_service_url, API_KEY
    application_analyze(application_id=application.pk)
    settings.AI_SERVICE_URL = "http://127.0.0.1:9"  # nothing listens: a second run must not call out

    assert application_analyze(application_id=application.pk) == "done"


def test_unreachable_ai_service_is_a_retryable_error(application, settings):
    settings.AI_SERVICE_URL = "http://127.0.0.1:9"

    with pytest.raises(AIServiceUnavailable, match="could not be reached"):
        application_analyze(application_id=application.pk)
    application.refresh_from_db()
    assert application.analysis_status == "pending"


def test_resume_still_parsing_waits(application):
    Candidate.objects.filter(pk=application.candidate_id).update(extracted_text="")
    ResumeVersion.objects.create(
        organization_id=application.candidate.organization_id,
        candidate_id=application.candidate_id,
        filename="new.pdf",
        kind="pdf",
        sha256="0" * 64,
        size=10,
        parse_status=ResumeVersion.ParseStatus.PARSING,
    )

    with pytest.raises(ResumeNotReady):
        application_analyze(application_id=application.pk)


def test_candidate_without_resume_text_fails_with_the_reason(application):
    Candidate.objects.filter(pk=application.candidate_id).update(extracted_text="")

    assert application_analyze(application_id=application.pk) == "failed"
    application.refresh_from_db()
    assert application.analysis_error == "The candidate has no resume text to analyse."


def test_api_creates_application_and_queues_its_analysis(api_client, organization, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):
        candidate = Candidate.objects.create(organization=organization, name="Pia", extracted_text=RESUME)
        job = JobPosting.objects.create(organization=organization, title="Backend Developer", description=JOB)

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = api_client.post("/api/applications/", {"candidate": candidate.pk, "job": job.pk}, format="json")

    assert response.status_code == 201, response.content
    record = TaskRecord.objects.get(task_id=response.json()["analysis_task_id"])
    assert (record.kind, record.state, record.target_id) == ("analyze_application", "queued", response.json()["id"])
    assert len(callbacks) == 1


def test_api_refuses_duplicates_and_other_organizations(api_client, organization, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):
        candidate = Candidate.objects.create(organization=organization, name="Pia", extracted_text=RESUME)
        job = JobPosting.objects.create(organization=organization, title="Backend Developer", description=JOB)
        foreign_job = JobPosting.objects.create(
            organization=Organization.objects.create(name="Other Co"), title="Secret", description="Hidden"
        )
        api_client.post("/api/applications/", {"candidate": candidate.pk, "job": job.pk}, format="json")

        duplicate = api_client.post("/api/applications/", {"candidate": candidate.pk, "job": job.pk}, format="json")
        foreign = api_client.post(
            "/api/applications/", {"candidate": candidate.pk, "job": foreign_job.pk}, format="json"
        )
        wrong_type = api_client.post("/api/applications/", {"candidate": "seven", "job": job.pk}, format="json")

    assert duplicate.status_code == 409
    assert duplicate.json() == {
        "code": "duplicate_application",
        "detail": "This candidate has already applied to this job.",
    }
    assert foreign.status_code == 400
    assert foreign.json()["errors"] == {"job": ["Not found."]}
    assert wrong_type.status_code == 400
    assert wrong_type.json()["errors"] == {"candidate": ["A valid integer is required."]}


def test_token_and_jwt_authentication(client, recruiter):
    token = client.post("/api/auth/token/", {"username": "rita", "password": "rita-password-1"}).json()["token"]
    jwt = client.post("/api/auth/jwt/", {"username": "rita", "password": "rita-password-1"}).json()["access"]

    assert client.get("/api/jobs/", HTTP_AUTHORIZATION=f"Token {token}").status_code == 200
    assert client.get("/api/jobs/", HTTP_AUTHORIZATION=f"Bearer {jwt}").status_code == 200
    assert client.get("/api/jobs/", HTTP_AUTHORIZATION="Token not-a-token").status_code == 401


def test_openapi_schema_lists_the_resources(client):
    schema = client.get("/api/schema/", HTTP_ACCEPT="application/json").json()

    for path in ("/api/candidates/", "/api/jobs/", "/api/applications/", "/api/tasks/{task_id}/"):
        assert path in schema["paths"]
