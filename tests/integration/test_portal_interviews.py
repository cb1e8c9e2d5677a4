"""A candidate's interviews in the portal against the real PostgreSQL and Redis channel layer: the application page
shows each interview (times, link, interviewers, status) with Accept / Decline forms, the API lists them and takes
the answer; the answer is stored, audited, shown in the interview admin and pushed live to the organization. Only
the application's candidate answers, and never a cancelled or past interview."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.test import Client
from django.utils import timezone
from rest_framework.test import APIClient

from accounts.models import Organization
from accounts.services import recruiter_create
from applications.services import application_create
from audit.models import AuditEvent
from candidates.self_service import candidate_register
from interviews.models import Interview
from interviews.services import interview_cancel, interview_reschedule, interview_schedule
from jobs.models import JobPosting
from realtime.services import organization_group

pytestmark = pytest.mark.django_db
PASSWORD = "correct-horse-battery-9"
NEXT_YEAR = timezone.now().year + 1


@pytest.fixture
def booked(organization, recruiter, django_capture_on_commit_callbacks):  # type: ignore[no-untyped-def]
    """Ann's application with a video interview on 12 January next year, 09:00-10:00 in Rome."""
    recruiter.first_name, recruiter.last_name = "Rita", "Recruiter"
    recruiter.save()
    with django_capture_on_commit_callbacks(execute=False):
        candidate = candidate_register(organization=organization, email="ann@example.com", password=PASSWORD)
        job = JobPosting.objects.create(organization=organization, title="Backend Engineer", description="Python")
        application = application_create(candidate=candidate, job=job, actor=recruiter)
        interview = interview_schedule(
            application=application,
            starts_at=datetime(NEXT_YEAR, 1, 12, 9),
            ends_at=datetime(NEXT_YEAR, 1, 12, 10),
            timezone_name="Europe/Rome",
            interviewers=[recruiter],
            kind="video",
            meeting_url="https://meet.example.org/ann",
            by=recruiter,
        )
    return interview


def _client_of(interview: Interview) -> Client:
    client = Client()
    client.force_login(interview.application.candidate.account)
    return client


def test_the_application_page_shows_the_interview_and_takes_the_answer(booked, organization) -> None:
    client = _client_of(booked)
    url = f"/portal/applications/{booked.application_id}/"

    page = client.get(url).content.decode()

    assert f"{NEXT_YEAR}-01-12 09:00 to 10:00" in page and "Europe/Rome" in page
    assert f'datetime="{NEXT_YEAR}-01-12T08:00:00+00:00"' in page  # UTC, for the script's local time
    assert "https://meet.example.org/ann" in page and "Rita Recruiter" in page
    assert "Scheduled" in page and "Pending" in page
    assert 'name="csrfmiddlewaretoken"' in page and 'value="accepted"' in page
    assert "/static/portal/local-times.js" in page

    answered = client.post(f"/portal/interviews/{booked.pk}/respond/", {"answer": "accepted"})

    assert (answered.status_code, answered["Location"]) == (302, url)
    booked.refresh_from_db()
    assert booked.candidate_response == "accepted" and booked.responded_at is not None
    after = client.get(url).content.decode()
    assert "You accepted the interview." in after and 'value="accepted"' not in after and 'value="declined"' in after
    event = AuditEvent.objects.get(action="interview.candidate_responded", target_id=booked.pk)
    assert (event.organization, event.data) == (organization, {"response": "accepted", "previous": "pending"})


def test_the_page_refuses_a_posting_without_csrf(booked) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(booked.application.candidate.account)

    assert client.post(f"/portal/interviews/{booked.pk}/respond/", {"answer": "accepted"}).status_code == 403
    booked.refresh_from_db()
    assert booked.candidate_response == "pending"


def test_the_api_lists_and_answers(booked) -> None:
    client = APIClient()
    client.force_authenticate(booked.application.candidate.account)

    [listed] = client.get("/api/portal/interviews/").json()["results"]
    declined = client.post(f"/api/portal/interviews/{booked.pk}/respond/", {"answer": "declined"}, format="json")
    unknown = client.post(f"/api/portal/interviews/{booked.pk}/respond/", {"answer": "maybe"}, format="json")

    assert listed == {
        "id": booked.pk,
        "application": booked.application_id,
        "job_title": "Backend Engineer",
        "starts_at": f"{NEXT_YEAR}-01-12T08:00:00Z",
        "ends_at": f"{NEXT_YEAR}-01-12T09:00:00Z",
        "timezone": "Europe/Rome",
        "starts_local": f"{NEXT_YEAR}-01-12 09:00",
        "ends_local": "10:00",
        "kind": "video",
        "location": "",
        "meeting_url": "https://meet.example.org/ann",
        "interviewers": ["Rita Recruiter"],
        "status": "scheduled",
        "candidate_response": "pending",
        "responded_at": None,
        "can_answer": True,
    }
    assert declined.status_code == 200 and declined.json()["candidate_response"] == "declined"
    assert unknown.status_code == 400
    booked.refresh_from_db()
    assert booked.candidate_response == "declined"


def test_a_cancelled_or_past_interview_takes_no_answer(booked, recruiter) -> None:
    client = APIClient()
    client.force_authenticate(booked.application.candidate.account)
    interview_cancel(interview=booked, by=recruiter)
    past = Interview.objects.create(
        application=booked.application,
        starts_at=timezone.now() - timedelta(days=1),
        ends_at=timezone.now() - timedelta(days=1) + timedelta(hours=1),
        timezone="UTC",
        meeting_url="https://meet.example.org/past",
    )

    cancelled = client.post(f"/api/portal/interviews/{booked.pk}/respond/", {"answer": "accepted"}, format="json")
    over = client.post(f"/api/portal/interviews/{past.pk}/respond/", {"answer": "accepted"}, format="json")
    page = _client_of(booked).post(f"/portal/interviews/{past.pk}/respond/", {"answer": "accepted"}, follow=True)

    assert (cancelled.status_code, cancelled.json()["code"]) == (409, "interview_not_scheduled")
    assert (over.status_code, over.json()["detail"]) == (409, "The interview has started: it takes no answer.")
    assert "The interview has started" in page.content.decode()
    assert set(Interview.objects.values_list("candidate_response", flat=True)) == {"pending"}
    listed = {row["id"]: row["can_answer"] for row in client.get("/api/portal/interviews/").json()["results"]}
    assert listed == {booked.pk: False, past.pk: False}


def test_only_the_applications_candidate_answers(booked, organization) -> None:
    other = candidate_register(organization=organization, email="ben@example.com", password=PASSWORD)
    elsewhere = Organization.objects.create(name="Elsewhere")
    stranger = recruiter_create(username="sam", password="sam-password-1", organization=elsewhere)
    neighbour, page = APIClient(), Client()
    neighbour.force_authenticate(other.account)
    page.force_login(other.account)
    recruiter_api = APIClient()
    recruiter_api.force_authenticate(stranger)
    url = f"/api/portal/interviews/{booked.pk}/respond/"

    assert neighbour.get("/api/portal/interviews/").json() == {"results": []}
    assert neighbour.post(url, {"answer": "accepted"}, format="json").status_code == 404
    assert page.post(f"/portal/interviews/{booked.pk}/respond/", {"answer": "accepted"}).status_code == 404
    assert recruiter_api.post(url, {"answer": "accepted"}, format="json").status_code == 403
    assert APIClient().post(url, {"answer": "accepted"}, format="json").status_code == 401
    anonymous = Client().post(f"/portal/interviews/{booked.pk}/respond/", {"answer": "accepted"})
    assert anonymous.status_code == 302 and anonymous["Location"].startswith("/portal/login/")
    booked.refresh_from_db()
    assert booked.candidate_response == "pending"


def test_the_answer_is_pushed_live_and_a_new_time_asks_again(
    booked, organization, recruiter, django_capture_on_commit_callbacks
) -> None:
    layer = get_channel_layer()
    channel = async_to_sync(layer.new_channel)()
    async_to_sync(layer.group_add)(organization_group(organization.pk), channel)
    client = APIClient()
    client.force_authenticate(booked.application.candidate.account)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/api/portal/interviews/{booked.pk}/respond/", {"answer": "accepted"}, format="json")
    event = async_to_sync(layer.receive)(channel)["event"]
    interview_reschedule(interview=booked, by=recruiter, location="")  # nothing changes: the answer stands
    booked.refresh_from_db()
    kept = booked.candidate_response
    interview_reschedule(interview=booked, by=recruiter, starts_at=datetime(NEXT_YEAR, 1, 13, 9))

    assert event == {
        "type": "interview.responded",
        "interview_id": booked.pk,
        "application_id": booked.application_id,
        "status": "scheduled",
        "candidate_response": "accepted",
        "starts_at": f"{NEXT_YEAR}-01-12T08:00:00+00:00",
        "ends_at": f"{NEXT_YEAR}-01-12T09:00:00+00:00",
        "sequence": 0,
    }
    booked.refresh_from_db()
    assert (kept, booked.candidate_response, booked.responded_at) == ("accepted", "pending", None)


def test_recruiters_see_the_answer_in_the_interview_list(booked, recruiter) -> None:
    Interview.objects.filter(pk=booked.pk).update(candidate_response="declined", responded_at=timezone.now())
    client = Client()
    client.force_login(recruiter)

    page = client.get("/admin/interviews/interview/")
    filtered = client.get("/admin/interviews/interview/?candidate_response__exact=accepted")

    html = page.content.decode()
    assert '<td class="field-candidate_response">Declined</td>' in html
    assert 'data-live-types="interview.scheduled interview.rescheduled interview.cancelled interview.responded"' in html
    assert list(filtered.context["cl"].result_list) == []
