"""The candidate portal's pages (/portal/) end to end: registering on an organization's portal with the screening
notice shown, signing in and out, the front door sending a candidate to the portal, uploading and correcting,
recommendations and applying (a clear message the second time), the gap feedback hidden until a recruiter released
it, withdrawing, exporting and deleting; and what candidates and recruiters may not open."""

from __future__ import annotations

import io
import json
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from fixtures.analysis_replies import GROUNDED, store_reply
from fixtures.matching_pool import ENGINEER, JOB

from accounts.models import User
from applications.models import Application
from applications.services import analysis_feedback_release, application_create
from candidates.models import Candidate, ResumeVersion
from candidates.self_service import candidate_register
from ingestion.services import resume_parse
from jobs.models import JobPosting

pytestmark = pytest.mark.django_db
PASSWORD = "correct-horse-battery-9"
NOTICE = ("Automated screening", "What is scored.", "A person decides.")


@pytest.fixture
def job(organization, django_capture_on_commit_callbacks):  # type: ignore[no-untyped-def]
    with django_capture_on_commit_callbacks(execute=False):
        return JobPosting.objects.create(organization=organization, title="Backend Engineer", description=JOB)


def _register(client: Client, organization_id: int, email: str, password: str = PASSWORD) -> object:
    form = {"email": email, "password1": password, "password2": password, "notice_read": "on"}
    return client.post(f"/portal/{organization_id}/register/", form)


def test_register_sign_in_and_the_front_door(organization, recruiter, client):
    page = client.get(f"/portal/{organization.pk}/register/").content.decode()
    assert all(words in page for words in NOTICE) and organization.name in page
    weak = _register(client, organization.pk, "ann@example.com", password="123")
    assert weak.status_code == 200 and "This password is too short" in weak.content.decode()
    assert not User.objects.filter(username="ann@example.com").exists()

    registered = _register(client, organization.pk, "Ann@Example.com")

    assert registered["Location"] == "/portal/resume/"
    user = User.objects.get(username="ann@example.com")
    assert (user.role, user.is_staff, user.is_superuser, list(user.groups.all())) == ("candidate", False, False, [])
    assert Candidate.objects.get(account=user).organization == organization
    assert client.get("/")["Location"] == "/portal/"
    assert client.get("/admin/")["Location"].startswith("/admin/login/")
    assert _register(Client(), organization.pk, "ann@example.com").status_code == 200  # exists: an error, no row
    assert User.objects.filter(username="ann@example.com").count() == 1
    assert client.post("/portal/logout/")["Location"] == "/portal/login/"
    assert client.get("/portal/")["Location"] == "/portal/login/?next=/portal/"

    refused = client.post("/portal/login/", {"username": "rita", "password": "rita-password-1"})
    assert "This sign-in is for candidates" in refused.content.decode()
    signed_in = client.post("/portal/login/", {"username": "ANN@example.com", "password": PASSWORD})
    assert signed_in["Location"] == "/portal/"
    assert client.get("/portal/").status_code == 200


def test_the_whole_flow_through_the_pages(organization, recruiter, job, client):
    _register(client, organization.pk, "ben@example.com")
    candidate = Candidate.objects.get(account__username="ben@example.com")
    upload = client.post("/portal/resume/", {"resume": SimpleUploadedFile("cv.txt", ENGINEER.encode())})
    assert upload["Location"] == "/portal/resume/"
    resume = ResumeVersion.objects.get(candidate=candidate)
    resume_parse(resume_id=resume.pk)
    assert "Parsed" in client.get("/portal/resume/").content.decode()
    assert 'value="Ben Backend"' in client.get("/portal/profile/").content.decode()

    saved = client.post(
        "/portal/profile/",
        {"name": "Ben B. Backend", "phone": "", "location": "Berlin, Germany", "current_title": "Lead",
         "skills": "Python, Go", "total_years_experience": "9"},
    )  # fmt: skip
    assert saved.status_code == 302
    resume_parse(resume_id=resume.pk)
    candidate.refresh_from_db()
    assert (candidate.name, candidate.current_title, candidate.skills, candidate.total_years_experience) == (
        "Ben B. Backend",
        "Lead",
        ["Python", "Go"],
        9.0,
    )

    jobs_page = client.get("/portal/jobs/").content.decode()
    assert job.title in jobs_page and all(words in jobs_page for words in NOTICE) and "/100" in jobs_page
    assert all(words in client.get(f"/portal/jobs/{job.pk}/apply/").content.decode() for words in NOTICE)
    applied = client.post(f"/portal/jobs/{job.pk}/apply/")
    application = Application.objects.get(candidate=candidate, job=job)
    assert applied["Location"] == f"/portal/applications/{application.pk}/"
    twice = client.post(f"/portal/jobs/{job.pk}/apply/")
    assert twice.status_code == 409 and "You have already applied to this job." in twice.content.decode()
    assert Application.objects.filter(candidate=candidate).count() == 1

    store_reply(application, GROUNDED)
    page = client.get(f"/portal/applications/{application.pk}/").content.decode()
    assert "Feedback appears here once a recruiter has reviewed" in page and "did not show" not in page
    application.refresh_from_db()
    analysis_feedback_release(applications=[application], by=recruiter)
    page = client.get(f"/portal/applications/{application.pk}/").content.decode()
    assert "Requirements your resume did not show" in page and "<li>Kubernetes</li>" in page

    assert "cannot be undone" in client.get(f"/portal/applications/{application.pk}/withdraw/").content.decode()
    client.post(f"/portal/applications/{application.pk}/withdraw/")
    application.refresh_from_db()
    assert application.status == "withdrawn"
    again = client.post(f"/portal/applications/{application.pk}/withdraw/")
    assert again.status_code == 409

    exported = client.get("/portal/export/")
    with zipfile.ZipFile(io.BytesIO(b"".join(exported.streaming_content))) as archive:
        document = json.loads(archive.read("candidate.json"))
    assert document["candidate"]["id"] == candidate.pk and document["candidate"]["name"] == "Ben B. Backend"

    assert "Delete everything" in client.get("/portal/delete/").content.decode()
    unconfirmed = client.post("/portal/delete/", {"password": PASSWORD})
    assert unconfirmed.status_code == 200 and Candidate.objects.filter(pk=candidate.pk).exists()
    wrong = client.post("/portal/delete/", {"password": "nope", "confirm": "on"})
    assert "The password is wrong" in wrong.content.decode()
    erased = client.post("/portal/delete/", {"password": PASSWORD, "confirm": "on"})
    assert "Your data is deleted" in erased.content.decode()
    assert not Candidate.objects.filter(pk=candidate.pk).exists()
    assert not User.objects.filter(username="ben@example.com").exists()
    assert client.get("/portal/")["Location"] == "/portal/login/?next=/portal/"


def test_pages_show_only_the_candidates_own_data(organization, recruiter, job, client):
    neighbour = candidate_register(organization=organization, email="nia@example.com", password=PASSWORD)
    theirs = application_create(candidate=neighbour, job=job, actor=None)
    _register(client, organization.pk, "me@example.com")

    assert client.get(f"/portal/applications/{theirs.pk}/").status_code == 404
    assert client.post(f"/portal/applications/{theirs.pk}/withdraw/").status_code == 404
    theirs.refresh_from_db()
    assert theirs.status == "applied"
    assert "Backend Engineer" not in client.get("/portal/").content.decode()  # the neighbour's application

    staff = Client()
    staff.force_login(recruiter)
    for url in ("/portal/", "/portal/profile/", "/portal/jobs/", "/portal/export/"):
        assert staff.get(url).status_code == 403, url
    assert staff.get("/").status_code == 200  # a recruiter's own home
