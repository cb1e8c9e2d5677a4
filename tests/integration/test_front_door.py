"""The front door: `/` signs people in and shows a recruiter their organization's open jobs and new applicants;
`/api/` names the API's entry points; an unknown WebSocket path is refused as not found, never a server error."""

from __future__ import annotations

import asyncio
from datetime import UTC, timedelta
from typing import Any

import pytest
from channels.testing import WebsocketCommunicator
from django.test import Client
from django.utils import timezone

from accounts.models import User
from applications.models import Application
from candidates.models import Candidate
from jobs.models import JobPosting

pytestmark = pytest.mark.django_db


def _job(organization: Any, title: str, **fields: Any) -> JobPosting:
    return JobPosting.objects.create(organization=organization, title=title, description="Payroll specialist", **fields)


def test_anonymous_visitors_are_sent_to_sign_in() -> None:
    response = Client().get("/")

    assert response.status_code == 302
    assert response["Location"] == "/admin/login/?next=/"


def test_a_recruiter_sees_open_jobs_and_new_applicants_of_their_organization(organization, recruiter) -> None:
    open_job = _job(organization, "Payroll Specialist")
    _job(organization, "Draft Controller", status=JobPosting.Status.DRAFT)
    _job(organization, "Closed Auditor", status=JobPosting.Status.CLOSED)
    _job(organization, "Lapsed Bookkeeper", closes_at=timezone.now() - timedelta(days=1))
    _job(organization, "Archived Clerk", archived_at=timezone.now())
    candidate = Candidate.objects.create(organization=organization, name="Nadia Park", email="nadia@example.com")
    Application.objects.create(candidate=candidate, job=open_job)
    client = Client()
    client.force_login(recruiter)

    page = client.get("/").content.decode()

    assert "Payroll Specialist" in page and "Nadia Park" in page
    assert "No interviews today." in page
    for hidden in ("Draft Controller", "Closed Auditor", "Lapsed Bookkeeper", "Archived Clerk"):
        assert hidden not in page, hidden


def test_a_candidate_is_sent_to_the_portal(organization) -> None:
    user = User.objects.create_user(
        username="cara", password="cara-password-1", role=User.Role.CANDIDATE, organization=organization
    )
    _job(organization, "Payroll Specialist")
    client = Client()
    client.force_login(user)

    response = client.get("/")

    assert (response.status_code, response["Location"]) == (302, "/portal/")
    assert "Payroll Specialist" not in response.content.decode()


def test_an_account_without_staff_access_is_told_it_has_no_tools(organization) -> None:
    user = User.objects.create_user(username="nora", password="nora-password-1", role=User.Role.RECRUITER)
    client = Client()
    client.force_login(user)

    response = client.get("/")

    assert response.status_code == 200 and "This account has no recruiter tools." in response.content.decode()


def test_the_api_root_names_its_entry_points() -> None:
    response = Client().get("/api/")

    assert response.status_code == 200
    links = response.json()["links"]
    assert links["job-list"].endswith("/api/jobs/") and links["api-docs"].endswith("/api/docs/")


@pytest.mark.django_db(transaction=True)
def test_an_unknown_websocket_path_is_refused_as_not_found() -> None:
    from config.asgi import application

    async def connect() -> tuple[bool, Any]:
        communicator = WebsocketCommunicator(
            application, "/ws/no-such-stream/", headers=[(b"host", b"localhost"), (b"origin", b"http://localhost")]
        )
        result = await communicator.connect(timeout=5)
        await communicator.disconnect()
        return result

    assert asyncio.run(connect()) == (False, 4404)


def _resume(organization: Any, name: str, red_flags: list[str]) -> Any:
    import hashlib

    from candidates.models import ResumeVersion

    candidate = Candidate.objects.create(organization=organization, name=name, email=f"{name.lower()}@example.com")
    return ResumeVersion.objects.create(
        organization=organization,
        candidate=candidate,
        file=f"resumes/{organization.pk}/{name}.txt",
        filename=f"{name}.txt",
        kind="txt",
        sha256=hashlib.sha256(name.encode()).hexdigest(),
        size=12,
        red_flags=red_flags,
    )


def test_the_red_flag_column_counts_flags_and_stays_blank_for_clean_resumes(organization, recruiter) -> None:
    _resume(organization, "Clean", [])
    _resume(organization, "Flagged", ["hidden_text: 2 runs of hidden text left out", "emails_truncated: 12 emails"])
    client = Client()
    client.force_login(recruiter)

    page = client.get("/admin/candidates/resumeversion/").content.decode()

    assert "⚠ 2" in page
    assert "icon-no" not in page and "icon-yes" not in page  # no yes/no icon for a count


def test_an_import_page_shows_its_state_and_counts_once_and_live(organization, recruiter) -> None:
    from ingestion.models import ImportBatch

    batch = ImportBatch.objects.create(
        organization=organization, archive_name="resumes.zip", total=60, processed=23, failed=2, state="processing"
    )
    client = Client()
    client.force_login(recruiter)

    change = client.get(f"/admin/ingestion/importbatch/{batch.pk}/change/").content.decode()
    listing = client.get("/admin/ingestion/importbatch/").content.decode()

    assert "23/60 processed, 2 failed" in change and "Queued" not in change
    assert change.count(">Processing<") == 1  # once, in the live progress module
    assert f'<span data-import-state="{batch.pk}">Processing</span>' in listing
    assert f'<span data-import-failed="{batch.pk}">2</span>' in listing


def test_a_recruiter_sees_todays_interviews_in_their_time_zone(organization, recruiter) -> None:
    from interviews.models import Interview

    job = _job(organization, "Payroll Specialist")
    candidate = Candidate.objects.create(organization=organization, name="Omar Haddad", email="omar@example.com")
    application = Application.objects.create(candidate=candidate, job=job)
    today = timezone.localtime().replace(hour=15, minute=30, second=0, microsecond=0)
    Interview.objects.create(
        application=application, starts_at=today, ends_at=today + timedelta(hours=1), timezone="UTC"
    )
    later = today + timedelta(days=2)
    other = Candidate.objects.create(organization=organization, name="Later Person", email="later@example.com")
    Interview.objects.create(
        application=Application.objects.create(candidate=other, job=job),
        starts_at=later,
        ends_at=later + timedelta(hours=1),
        timezone="UTC",
    )
    client = Client()
    client.force_login(recruiter)

    page = client.get("/").content.decode()

    assert "Omar Haddad" in page and f"{today.astimezone(UTC):%H:%M} (UTC)" in page
    assert "Later Person" not in page.split("New applicants")[0]  # not among today's interviews
