"""The candidate's REST API (/api/portal/) end to end against the real services: a registered candidate signs in
with a token, uploads a resume parsed into their own profile, corrects it (kept on a re-parse), reads their
recommendations, applies (409 the second time), follows the stage without recruiters' notes, sees the gap feedback
only once a recruiter released it, withdraws, exports and deletes their data. Then the denials: another
candidate's application, another organization's job, recruiter endpoints for candidates, portal endpoints for
recruiters."""

from __future__ import annotations

import io
import json
import zipfile
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from fixtures.analysis_replies import GROUNDED, store_reply
from fixtures.matching_pool import ENGINEER, JOB
from rest_framework.test import APIClient

from accounts.models import Organization, User
from applications.models import Application
from applications.services import analysis_feedback_release, application_create, move_to_stage
from candidates.models import Candidate, ResumeVersion
from candidates.self_service import candidate_register
from ingestion.services import resume_intake, resume_parse
from jobs.models import JobPosting

pytestmark = pytest.mark.django_db
PASSWORD = "correct-horse-battery-9"


@pytest.fixture
def jobs(organization, django_capture_on_commit_callbacks):  # type: ignore[no-untyped-def]
    with django_capture_on_commit_callbacks(execute=False):
        return {
            "open": JobPosting.objects.create(organization=organization, title="Backend Engineer", description=JOB),
            "draft": JobPosting.objects.create(
                organization=organization, title="Draft role", description=JOB, status=JobPosting.Status.DRAFT
            ),
        }


def _signed_in(email: str, organization: Organization) -> tuple[APIClient, Candidate]:
    candidate = candidate_register(organization=organization, email=email, password=PASSWORD)
    client = APIClient()
    token = client.post("/api/auth/token/", {"username": email.lower(), "password": PASSWORD}).json()["token"]
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    return client, candidate


def _upload(client: APIClient, text: str, name: str = "cv.txt") -> Any:
    return client.post("/api/portal/resumes/", {"resume": SimpleUploadedFile(name, text.encode())}, format="multipart")


def _export(client: APIClient) -> dict[str, Any]:
    response = client.get("/api/portal/export/")
    assert response.status_code == 200
    with zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content))) as archive:
        return dict(json.loads(archive.read("candidate.json")))


def test_the_whole_flow_through_the_api(organization, recruiter, jobs):
    client, candidate = _signed_in("Ben@Example.com", organization)
    account = User.objects.get(username="ben@example.com")
    assert (account.role, account.is_staff, account.is_superuser, account.organization) == (
        "candidate",
        False,
        False,
        organization,
    )
    assert client.get("/api/portal/profile/").json()["current_resume"] is None
    early = client.post("/api/portal/applications/", {"job": jobs["open"].pk})
    assert (early.status_code, early.json()["code"]) == (409, "resume_missing")

    upload = _upload(client, ENGINEER)
    assert upload.status_code == 202
    resume = ResumeVersion.objects.get(pk=upload.json()["id"])
    assert (resume.candidate_id, resume.uploaded_by) == (candidate.pk, account)
    assert resume_parse(resume_id=resume.pk) == "parsed"
    profile = client.get("/api/portal/profile/").json()
    assert (profile["name"], profile["email"], profile["current_resume"]["parse_status"]) == (
        "Ben Backend",
        "ben@example.com",
        "parsed",
    )
    assert {"Python", "Django"} <= set(profile["skills"])

    corrected = client.patch(
        "/api/portal/profile/",
        {"current_title": "Staff Engineer", "phone": "+49 30 1234567", "skills": ["Python", "Rust"]},
        format="json",
    )
    assert corrected.status_code == 200, corrected.json()
    assert sorted(corrected.json()["corrected"]) == ["current_title", "phone", "skills"]
    assert client.patch("/api/portal/profile/", {"phone": "030 1234"}, format="json").json()["code"] == "invalid"
    resume_parse(resume_id=resume.pk)  # a re-parse keeps what the candidate corrected
    again = client.get("/api/portal/profile/").json()
    assert (again["current_title"], again["phone"], again["skills"]) == (
        "Staff Engineer",
        "+49301234567",
        ["Python", "Rust"],
    )

    recommended = client.get("/api/portal/recommendations/").json()
    assert [row["job"]["id"] for row in recommended["results"]] == [jobs["open"].pk]  # the draft is not open
    assert recommended["results"][0]["applied"] is False
    assert set(recommended["results"][0]["explanation"]) == {"matched", "gaps", "suggestions", "text"}
    assert "a person reviews every application" in recommended["screening_notice"]["human_decides"]

    applied = client.post("/api/portal/applications/", {"job": jobs["open"].pk})
    assert applied.status_code == 201
    assert applied.json()["status"] == "applied" and "human_decides" in applied.json()["screening_notice"]
    twice = client.post("/api/portal/applications/", {"job": jobs["open"].pk})
    assert (twice.status_code, twice.json()) == (
        409,
        {"code": "duplicate_application", "detail": "You have already applied to this job."},
    )
    draft = client.post("/api/portal/applications/", {"job": jobs["draft"].pk})
    assert (draft.status_code, draft.json()["code"]) == (409, "job_not_open")
    assert client.get("/api/portal/recommendations/").json()["results"][0]["applied"] is True

    application = Application.objects.get(pk=applied.json()["id"])
    move_to_stage(application=application, stage="screening", by=recruiter, note="Secret recruiter note")
    store_reply(application, GROUNDED)
    detail = client.get(f"/api/portal/applications/{application.pk}/")
    assert [(row["from_stage"], row["to_stage"]) for row in detail.json()["history"]] == [
        ("", "applied"),
        ("applied", "screening"),
    ]
    assert detail.json()["gap_feedback"] is None
    assert b"Secret recruiter note" not in detail.content and b"changed_by" not in detail.content
    assert b"missing_requirements" not in detail.content and b"Strong Python" not in detail.content

    application.refresh_from_db()
    assert analysis_feedback_release(applications=[application], by=recruiter) == 1
    feedback = client.get(f"/api/portal/applications/{application.pk}/").json()["gap_feedback"]
    assert (feedback["missing_requirements"], feedback["missing_skills"]) == (["Kubernetes"], ["Kubernetes"])

    listed = client.get("/api/portal/applications/").json()["results"]
    assert [(row["id"], row["status"], row["can_withdraw"]) for row in listed] == [(application.pk, "screening", True)]
    withdrawn = client.post(f"/api/portal/applications/{application.pk}/withdraw/")
    assert (withdrawn.status_code, withdrawn.json()["status"], withdrawn.json()["can_withdraw"]) == (
        200,
        "withdrawn",
        False,
    )
    final = client.post(f"/api/portal/applications/{application.pk}/withdraw/")
    assert (final.status_code, final.json()["code"]) == (409, "same_stage")

    exported = _export(client)
    assert exported["candidate"]["id"] == candidate.pk
    assert [row["id"] for row in exported["related"]["applications.application"]] == [application.pk]
    assert len(exported["related"]["applications.applicationanalysis"]) == 1  # released
    assert "applications.applicationnote" in exported["withheld"] and "audit_events" not in exported
    assert "Secret recruiter note" not in json.dumps(exported)
    assert all("note" not in row for row in exported["related"]["applications.stagechange"])

    refused = client.delete("/api/portal/account/", {"password": "wrong"}, format="json")
    assert refused.status_code == 400 and Candidate.objects.filter(pk=candidate.pk).exists()
    assert client.delete("/api/portal/account/", {"password": PASSWORD}, format="json").status_code == 204
    assert not Candidate.objects.filter(pk=candidate.pk).exists()
    assert not User.objects.filter(pk=account.pk).exists()
    assert not Application.objects.filter(pk=application.pk).exists()
    assert client.get("/api/portal/profile/").status_code == 401  # the token went with the account


def test_an_unreleased_screening_stays_out_of_the_export(organization, jobs):
    client, _ = _signed_in("pia@example.com", organization)
    resume_parse(resume_id=_upload(client, ENGINEER).json()["id"])
    application = Application.objects.get(
        pk=client.post("/api/portal/applications/", {"job": jobs["open"].pk}).json()["id"]
    )
    store_reply(application, GROUNDED)

    exported = _export(client)

    assert exported["related"]["applications.applicationanalysis"] == []
    [row] = exported["related"]["applications.application"]
    assert "ai_feedback" not in row and "ai_score" not in row
    assert "missing_requirements" not in json.dumps(exported["related"])


def test_candidates_reach_only_their_own_data(organization, recruiter, jobs, api_client):
    other_organization = Organization.objects.create(name="Other Org")
    foreign_job = JobPosting.objects.create(organization=other_organization, title="Elsewhere", description=JOB)
    mine, me = _signed_in("me@example.com", organization)
    _, neighbour = _signed_in("neighbour@example.com", organization)
    resume_parse(resume_id=_upload(mine, ENGINEER).json()["id"])
    theirs = application_create(candidate=neighbour, job=jobs["open"], actor=None)

    assert mine.get(f"/api/portal/applications/{theirs.pk}/").status_code == 404
    assert mine.post(f"/api/portal/applications/{theirs.pk}/withdraw/").status_code == 404
    theirs.refresh_from_db()
    assert theirs.status == "applied"
    assert mine.post("/api/portal/applications/", {"job": foreign_job.pk}).json()["errors"] == {"job": ["Not found."]}
    assert not Application.objects.filter(job=foreign_job).exists()
    assert mine.get("/api/portal/applications/").json()["results"] == []
    # Every recruiter endpoint refuses a candidate, their own candidate row included.
    for url in (
        "/api/candidates/",
        f"/api/candidates/{me.pk}/",
        f"/api/candidates/{me.pk}/export/",
        "/api/applications/",
        f"/api/applications/{theirs.pk}/",
        "/api/jobs/",
        "/api/resumes/",
        "/api/tasks/",
    ):
        response = mine.get(url)
        assert (response.status_code, response.json()["code"]) == (403, "permission_denied"), url
    # And a recruiter gets 403 on the candidate's own endpoints.
    for url in ("/api/portal/profile/", "/api/portal/applications/", "/api/portal/recommendations/"):
        assert api_client.get(url).status_code == 403, url


def test_a_file_uploaded_by_someone_else_is_not_claimed(organization, recruiter, jobs):
    intake = resume_intake(organization=organization, filename="ben.txt", data=ENGINEER.encode(), kind="txt")
    resume_parse(resume_id=intake.resume.pk)
    client, candidate = _signed_in("claimer@example.com", organization)

    response = _upload(client, ENGINEER)

    assert (response.status_code, response.json()["code"]) == (409, "resume_on_file")
    intake.resume.refresh_from_db()
    assert intake.resume.candidate_id != candidate.pk
    assert client.get("/api/portal/profile/").json()["name"] == ""


def test_contact_details_entered_before_the_first_resume_are_kept(organization):
    client, _ = _signed_in("early@example.com", organization)
    client.patch("/api/portal/profile/", {"name": "Benjamin Backend", "location": "Hamburg"}, format="json")

    resume_parse(resume_id=_upload(client, ENGINEER).json()["id"])

    profile = client.get("/api/portal/profile/").json()
    assert (profile["name"], profile["location"], profile["email"]) == (
        "Benjamin Backend",
        "Hamburg",
        "early@example.com",
    )
    assert profile["current_title"] == "Senior Backend Engineer"  # the rest is read from the resume
