"""Scheduling an interview from the admin's add page, against the real PostgreSQL: the form hands the recruiter's
choice to interviews.services (the time read in the chosen zone, conflicts refused on the form, the application
moved to interviewing, the change audited), and offers only the recruiter's own organization's open applications
and recruiters; another organization's ids are refused and nothing is booked."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from django.test import Client
from django.utils import timezone

from accounts.models import Organization
from accounts.services import operator_create, recruiter_create
from applications.services import application_create
from audit.models import AuditEvent
from candidates.models import Candidate
from candidates.self_service import candidate_register
from interviews.models import Interview
from jobs.models import JobPosting

pytestmark = pytest.mark.django_db
ADD = "/admin/interviews/interview/add/"
YEAR = timezone.now().year + 1
END_OF_MARCH = date(YEAR, 3, 31)
SPRING_FORWARD = END_OF_MARCH - timedelta(days=(END_OF_MARCH.weekday() + 1) % 7)  # Europe: last Sunday, 02:00 -> 03:00


def _application(organization: Organization, name: str, by=None):  # type: ignore[no-untyped-def]
    candidate = Candidate.objects.create(organization=organization, name=name, email=f"{name.lower()}@example.org")
    job = JobPosting.objects.create(organization=organization, title=f"Job for {name}", description="Python")
    return application_create(candidate=candidate, job=job, actor=by)


@pytest.fixture
def setup(organization, recruiter, django_capture_on_commit_callbacks):  # type: ignore[no-untyped-def]
    with django_capture_on_commit_callbacks(execute=False):
        other = Organization.objects.create(name="Other Co")
        return {
            "mine": _application(organization, "Mia", recruiter),
            "theirs": _application(other, "Theo"),
            "their_recruiter": recruiter_create(username="tom", password="tom-password-1", organization=other),
            "candidate_account": candidate_register(
                organization=organization, email="cand@example.org", password="cand-password-9"
            ).account,
        }


def _form(application, interviewers, day: int = 12, **changes):  # type: ignore[no-untyped-def]
    return {
        "application": application.pk,
        "interviewers": [person.pk for person in interviewers],
        "timezone": "Europe/Rome",
        "starts_at": f"{YEAR}-01-{day:02d}T09:00",
        "ends_at": f"{YEAR}-01-{day:02d}T10:00",
        "kind": "video",
        "meeting_url": "https://meet.example.org/mia",
        "location": "",
        **changes,
    }


def _signed_in(user) -> Client:  # type: ignore[no-untyped-def]
    client = Client()
    client.force_login(user)
    return client


def test_the_add_page_offers_the_organizations_open_applications_and_recruiters_only(setup, recruiter) -> None:
    form = _signed_in(recruiter).get(ADD).context["form"]

    assert list(form.fields["application"].queryset) == [setup["mine"]]
    assert list(form.fields["interviewers"].queryset) == [recruiter]  # not the candidate, not Other Co's


def test_a_recruiter_schedules_through_the_service(setup, recruiter, django_capture_on_commit_callbacks) -> None:
    client = _signed_in(recruiter)

    with django_capture_on_commit_callbacks(execute=False) as published:
        response = client.post(ADD, _form(setup["mine"], [recruiter]))

    interview = Interview.objects.get()
    assert (response.status_code, response["Location"]) == (302, f"/admin/interviews/interview/{interview.pk}/change/")
    assert (interview.starts_at, interview.ends_at) == (
        datetime(YEAR, 1, 12, 8, tzinfo=UTC),
        datetime(YEAR, 1, 12, 9, tzinfo=UTC),
    )
    assert (interview.timezone, interview.created_by, list(interview.interviewers.all())) == (
        "Europe/Rome",
        recruiter,
        [recruiter],
    )
    setup["mine"].refresh_from_db()
    assert setup["mine"].status == "interviewing"
    assert AuditEvent.objects.filter(action="interview.scheduled", target_id=interview.pk, actor=recruiter).exists()
    assert published  # the live event goes out after commit
    assert "was scheduled" in client.get(response["Location"]).content.decode()


def test_refusals_of_the_service_show_on_the_form(setup, recruiter) -> None:
    client = _signed_in(recruiter)
    client.post(ADD, _form(setup["mine"], [recruiter]))
    other = _application(recruiter.organization, "Noor", recruiter)

    conflict = client.post(ADD, _form(other, [recruiter]))
    skipped = client.post(
        ADD, _form(other, [recruiter], starts_at=f"{SPRING_FORWARD}T02:30", ends_at=f"{SPRING_FORWARD}T04:00")
    )
    no_link = client.post(ADD, _form(other, [recruiter], day=20, meeting_url=""))
    bad_zone = client.post(ADD, _form(other, [recruiter], day=20, timezone="Mars/Olympus"))

    assert conflict.status_code == 200
    assert "Interviewer rita is already booked" in " ".join(conflict.context["form"].non_field_errors())
    assert "does not exist in Europe/Rome" in str(skipped.context["form"].errors["starts_at"])
    assert "needs a meeting link" in str(no_link.context["form"].errors["meeting_url"])
    assert "is not an IANA time zone name" in str(bad_zone.context["form"].errors["timezone"])
    assert Interview.objects.count() == 1


def test_another_organizations_application_or_recruiter_is_refused(setup, recruiter) -> None:
    client = _signed_in(recruiter)

    foreign_application = client.post(ADD, _form(setup["theirs"], [recruiter]))
    foreign_interviewer = client.post(ADD, _form(setup["mine"], [setup["their_recruiter"]]))
    candidate_interviewer = client.post(ADD, _form(setup["mine"], [setup["candidate_account"]]))

    assert "application" in foreign_application.context["form"].errors
    assert "interviewers" in foreign_interviewer.context["form"].errors
    assert "interviewers" in candidate_interviewer.context["form"].errors
    assert not Interview.objects.exists()


def test_who_may_open_the_add_page(setup, recruiter) -> None:
    operator = operator_create(username="ops", password="ops-password-1")

    assert _signed_in(setup["their_recruiter"]).get(ADD).status_code == 200
    assert _signed_in(operator).get(ADD).status_code == 403
    assert _signed_in(operator).post(ADD, _form(setup["mine"], [recruiter])).status_code == 403
    assert Client().get(ADD)["Location"].startswith("/admin/login/")
    assert not Interview.objects.exists()
