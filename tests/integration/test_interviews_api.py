"""Interviews over the REST API: scheduling with its 400/409 answers, filters, rescheduling, cancelling, feedback,
the invitation file (parsed by icalendar and by vobject), organization isolation, and a candidate's export and
erasure reaching their interviews."""

from __future__ import annotations

import io
import json
import zipfile
from datetime import UTC, date, datetime, timedelta
from typing import Any

import icalendar
import pytest
import vobject
from django.utils import timezone
from rest_framework.test import APIClient

from accounts.models import Organization, User
from accounts.services import recruiter_create
from applications.models import Application
from applications.services import application_create
from candidates.models import Candidate
from interviews.models import Interview, InterviewFeedback
from jobs.models import JobPosting

pytestmark = pytest.mark.django_db

NEW_YORK = "America/New_York"
YEAR = timezone.now().year + 1


@pytest.fixture
def application(organization, recruiter, django_capture_on_commit_callbacks) -> Application:  # type: ignore[no-untyped-def]
    with django_capture_on_commit_callbacks(execute=False):
        candidate = Candidate.objects.create(organization=organization, name="Pia Lund", email="pia@example.org")
        job = JobPosting.objects.create(organization=organization, title="Backend Developer", description="Python")
        JobPosting.objects.filter(pk=job.pk).update(required_skills=["Python", "Django"])
        return application_create(candidate=candidate, job=job, actor=recruiter)


@pytest.fixture
def colleague(organization) -> User:  # type: ignore[no-untyped-def]
    user = recruiter_create(username="cole", password="cole-password-1", organization=organization)
    User.objects.filter(pk=user.pk).update(email="cole@example.org", first_name="Cole", last_name="Ray")
    return User.objects.get(pk=user.pk)


@pytest.fixture
def outsider(db) -> APIClient:  # type: ignore[no-untyped-def]
    user = recruiter_create(
        username="otto", password="otto-password-1", organization=Organization.objects.create(name="Other Co")
    )
    client = APIClient()
    client.force_authenticate(user)
    return client


def _body(application: Application, people: list[User], **changes: Any) -> dict[str, Any]:
    return {
        "application": application.pk,
        "starts_at": f"{YEAR}-01-12T09:00",
        "ends_at": f"{YEAR}-01-12T10:00",
        "timezone": NEW_YORK,
        "interviewers": [person.pk for person in people],
        "kind": "video",
        "meeting_url": "https://meet.example.org/pia",
        **changes,
    }


def _schedule(api_client, application, people, **changes) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    response = api_client.post("/api/interviews/", _body(application, people, **changes), format="json")
    assert response.status_code == 201, response.content
    return response.json()


def _ics(api_client, pk: int) -> bytes:  # type: ignore[no-untyped-def]
    response = api_client.get(f"/api/interviews/{pk}/ics/")
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == f'attachment; filename="interview-{pk}.ics"'
    return bytes(response.content)


def test_post_schedules_and_answers_in_utc_and_local_time(api_client, application, recruiter, colleague) -> None:
    body = _schedule(api_client, application, [recruiter, colleague])

    assert (body["starts_at"], body["ends_at"]) == (f"{YEAR}-01-12T14:00:00Z", f"{YEAR}-01-12T15:00:00Z")
    assert (body["local_starts_at"], body["local_ends_at"]) == (
        f"{YEAR}-01-12T09:00:00-05:00",
        f"{YEAR}-01-12T10:00:00-05:00",
    )
    assert (body["application"], body["candidate"], body["job"]) == (
        application.pk,
        application.candidate_id,
        application.job_id,
    )
    assert (sorted(body["interviewers"]), body["status"], body["sequence"], body["created_by"]) == (
        sorted([recruiter.pk, colleague.pk]),
        "scheduled",
        0,
        recruiter.pk,
    )
    application.refresh_from_db()
    assert application.status == "interviewing"


@pytest.mark.parametrize(
    ("changes", "status", "code", "detail"),
    [
        (
            {"starts_at": f"{YEAR}-03-14T02:30", "ends_at": f"{YEAR}-03-14T03:30"},
            400,
            "nonexistent_local_time",
            None,
        ),
        ({"timezone": "Nowhere/Atlantis"}, 400, "unknown_timezone", None),
        ({"ends_at": f"{YEAR}-01-12T08:00"}, 400, "ends_before_start", "An interview ends after it starts."),
        ({"meeting_url": ""}, 400, "meeting_url_required", "A video interview needs a meeting link."),
        ({"kind": "onsite", "location": ""}, 400, "location_required", "An on-site interview needs a location."),
    ],
)
def test_post_refuses_bad_times_and_places_with_a_code(
    api_client, application, recruiter, changes: dict[str, Any], status: int, code: str, detail: str | None
) -> None:
    if code == "nonexistent_local_time":  # the second Sunday of March, whatever the year
        march = date(YEAR, 3, 1)
        gap = march + timedelta(days=(6 - march.weekday()) % 7 + 7)
        changes = {"starts_at": f"{gap}T02:30", "ends_at": f"{gap}T03:30"}
    response = api_client.post("/api/interviews/", _body(application, [recruiter], **changes), format="json")

    assert response.status_code == status, response.content
    assert response.json()["code"] == code
    if detail:
        assert response.json()["detail"] == detail
    assert not Interview.objects.exists()


def test_post_names_the_conflict_with_409(api_client, application, recruiter, colleague, organization) -> None:
    first = _schedule(api_client, application, [recruiter])
    other = Application.objects.create(
        candidate=Candidate.objects.create(organization=organization, name="Ola"), job=application.job
    )

    busy = api_client.post(
        "/api/interviews/",
        _body(other, [colleague, recruiter], starts_at=f"{YEAR}-01-12T09:45", ends_at=f"{YEAR}-01-12T10:15"),
        format="json",
    )
    candidate_busy = api_client.post("/api/interviews/", _body(application, [colleague]), format="json")

    assert busy.status_code == 409
    assert busy.json() == {
        "code": "interviewer_conflict",
        "detail": f"Interviewer rita is already booked from {YEAR}-01-12 09:00 to {YEAR}-01-12 10:00 "
        f"({NEW_YORK}) in interview {first['id']}.",
    }
    assert candidate_busy.status_code == 409
    assert candidate_busy.json()["code"] == "candidate_conflict"
    assert Interview.objects.count() == 1


def test_post_reads_applications_and_interviewers_of_the_users_organization_only(
    api_client, application, recruiter, outsider
) -> None:
    theirs = outsider.post("/api/interviews/", _body(application, [recruiter]), format="json")
    foreign_interviewer = api_client.post(
        "/api/interviews/", _body(application, [recruiter], interviewers=[recruiter.pk, 10**9]), format="json"
    )

    assert theirs.status_code == 400
    assert theirs.json()["errors"] == {"application": ["No such application in your organization."]}
    assert foreign_interviewer.json()["errors"] == {"interviewers": [f"No such user in your organization: {10**9}."]}
    assert not Interview.objects.exists()


def test_list_filters_by_application_job_and_start_day(api_client, application, recruiter, organization) -> None:
    winter = _schedule(api_client, application, [recruiter])
    summer = _schedule(
        api_client, application, [recruiter], starts_at=f"{YEAR}-07-13T09:00", ends_at=f"{YEAR}-07-13T10:00"
    )
    other_job = JobPosting.objects.create(organization=organization, title="Data", description="SQL")

    def ids(query: str) -> list[int]:
        response = api_client.get(f"/api/interviews/?{query}")
        assert response.status_code == 200, response.content
        return [row["id"] for row in response.json()["results"]]

    assert ids("") == [winter["id"], summer["id"]]
    assert ids(f"application={application.pk}") == [winter["id"], summer["id"]]
    assert ids(f"job={other_job.pk}") == []
    assert ids(f"from={YEAR}-07-13") == [summer["id"]]
    assert ids(f"to={YEAR}-01-12") == [winter["id"]]
    assert ids(f"from={YEAR}-01-13&to={YEAR}-07-12") == []
    bad = api_client.get(f"/api/interviews/?from={YEAR}-07-13&to={YEAR}-01-01")
    assert bad.status_code == 400
    assert bad.json()["errors"] == {"to": ["`to` is on or after `from`."]}


def test_patch_reschedules_and_the_invitation_follows(api_client, application, recruiter, colleague) -> None:
    created = _schedule(api_client, application, [recruiter, colleague])
    before = icalendar.Calendar.from_ical(_ics(api_client, created["id"]))

    response = api_client.patch(
        f"/api/interviews/{created['id']}/",
        {"starts_at": f"{YEAR}-07-13T09:00", "location": "Room 4"},
        format="json",
    )

    assert response.status_code == 200, response.content
    assert (response.json()["starts_at"], response.json()["ends_at"], response.json()["sequence"]) == (
        f"{YEAR}-07-13T13:00:00Z",
        f"{YEAR}-07-13T14:00:00Z",
        1,
    )
    after = icalendar.Calendar.from_ical(_ics(api_client, created["id"]))
    [old_event], [new_event] = before.walk("VEVENT"), after.walk("VEVENT")
    assert str(after["METHOD"]) == "REQUEST"
    assert str(new_event["UID"]) == str(old_event["UID"]) == f"{created['uid']}@interviews.recruitment.invalid"
    assert (int(old_event["SEQUENCE"]), int(new_event["SEQUENCE"])) == (0, 1)
    assert new_event.decoded("DTSTART").isoformat() == f"{YEAR}-07-13T09:00:00-04:00"
    assert str(new_event["LOCATION"]) == "Room 4"


def test_the_invitation_parses_in_icalendar_and_vobject(api_client, application, recruiter, colleague) -> None:
    User.objects.filter(pk=recruiter.pk).update(email="rita@example.org", first_name="Rita", last_name="Moss")
    created = _schedule(api_client, application, [recruiter, colleague])
    data = _ics(api_client, created["id"])

    calendar = icalendar.Calendar.from_ical(data)
    [event] = calendar.walk("VEVENT")
    [zone] = calendar.walk("VTIMEZONE")
    assert (str(calendar["VERSION"]), str(calendar["METHOD"])) == ("2.0", "REQUEST")
    assert str(zone["TZID"]) == NEW_YORK
    assert event["DTSTART"].params["TZID"] == NEW_YORK
    assert event.decoded("DTSTART").astimezone(UTC) == datetime(YEAR, 1, 12, 14, 0, tzinfo=UTC)
    assert event.decoded("DTEND").astimezone(UTC) == datetime(YEAR, 1, 12, 15, 0, tzinfo=UTC)
    assert str(event["ORGANIZER"]) == "mailto:rita@example.org"
    assert sorted(str(attendee) for attendee in event["ATTENDEE"]) == [
        "mailto:cole@example.org",
        "mailto:pia@example.org",
        "mailto:rita@example.org",
    ]
    assert (str(event["URL"]), str(event["LOCATION"])) == (
        "https://meet.example.org/pia",
        "https://meet.example.org/pia",
    )
    assert str(event["SUMMARY"]) == "Interview: Backend Developer"

    parsed = vobject.readOne(data.decode())
    assert parsed.method.value == "REQUEST"
    assert parsed.vevent.uid.value == f"{created['uid']}@interviews.recruitment.invalid"
    assert int(parsed.vevent.sequence.value) == 0
    assert parsed.vevent.dtstart.value.astimezone(UTC) == datetime(YEAR, 1, 12, 14, 0, tzinfo=UTC)
    # vobject reads TZID into the value's tzinfo, built from the file's own VTIMEZONE.
    assert parsed.vtimezone.tzid.value == NEW_YORK
    assert (parsed.vevent.dtstart.value.hour, parsed.vevent.dtstart.value.utcoffset()) == (9, timedelta(hours=-5))
    assert sorted(a.value for a in parsed.vevent.attendee_list) == [
        "mailto:cole@example.org",
        "mailto:pia@example.org",
        "mailto:rita@example.org",
    ]
    assert parsed.vevent.organizer.params["CN"] == ["Rita Moss"]
    assert all(len(line) <= 75 for line in data.split(b"\r\n")), "lines are folded at 75 octets (RFC 5545 3.1)"


def test_cancel_turns_the_invitation_into_a_cancellation(api_client, application, recruiter) -> None:
    created = _schedule(api_client, application, [recruiter])

    response = api_client.post(f"/api/interviews/{created['id']}/cancel/", {"reason": "Role filled"}, format="json")
    again = api_client.post(f"/api/interviews/{created['id']}/cancel/", {}, format="json")

    assert response.status_code == 200
    assert (response.json()["status"], response.json()["sequence"]) == ("cancelled", 1)
    assert again.status_code == 409
    assert again.json() == {
        "code": "interview_not_scheduled",
        "detail": "The interview is cancelled: it cannot be cancelled.",
    }
    data = _ics(api_client, created["id"])
    [event] = icalendar.Calendar.from_ical(data).walk("VEVENT")
    parsed = vobject.readOne(data.decode())
    assert (parsed.method.value, parsed.vevent.status.value, int(parsed.vevent.sequence.value)) == (
        "CANCEL",
        "CANCELLED",
        1,
    )
    assert str(event["UID"]) == f"{created['uid']}@interviews.recruitment.invalid"


def test_feedback_is_submitted_by_interviewers_and_listed(api_client, application, recruiter, colleague) -> None:
    created = _schedule(api_client, application, [recruiter])
    url = f"/api/interviews/{created['id']}/feedback/"

    first = api_client.post(url, {"recommendation": "yes", "scores": {"Python": 4}, "notes": "Clear"}, format="json")
    replaced = api_client.post(url, {"recommendation": "strong_yes", "scores": {"django": 5}}, format="json")
    unknown = api_client.post(url, {"recommendation": "yes", "scores": {"Rust": 3}}, format="json")
    out_of_range = api_client.post(url, {"recommendation": "yes", "scores": {"Python": 0}}, format="json")
    by_colleague = APIClient()
    by_colleague.force_authenticate(colleague)
    not_interviewer = by_colleague.post(url, {"recommendation": "no"}, format="json")

    assert (first.status_code, replaced.status_code) == (201, 200)
    assert unknown.status_code == 400
    assert unknown.json() == {
        "code": "unknown_requirement",
        "detail": "'Rust' is not a required skill of this job; score one of: Python, Django.",
    }
    assert out_of_range.status_code == 400
    assert out_of_range.json()["errors"] == {"scores": {"Python": ["Ensure this value is greater than or equal to 1."]}}
    assert not_interviewer.status_code == 403
    assert not_interviewer.json()["code"] == "not_an_interviewer"
    listed = api_client.get(url).json()["results"]
    assert [(r["interviewer"], r["recommendation"], r["scores"]) for r in listed] == [
        (recruiter.pk, "strong_yes", {"Django": 5})
    ]
    assert api_client.get(f"/api/interviews/{created['id']}/").json()["status"] == "completed"


def test_another_organizations_interview_reads_as_missing(api_client, application, recruiter, outsider) -> None:
    created = _schedule(api_client, application, [recruiter])
    base = f"/api/interviews/{created['id']}/"

    assert outsider.get("/api/interviews/").json()["results"] == []
    for method, url, body in (
        ("get", base, None),
        ("patch", base, {"location": "Theirs"}),
        ("post", f"{base}cancel/", {}),
        ("get", f"{base}feedback/", None),
        ("post", f"{base}feedback/", {"recommendation": "yes"}),
        ("get", f"{base}ics/", None),
    ):
        response = getattr(outsider, method)(url, body, format="json") if body is not None else outsider.get(url)
        assert response.status_code == 404, (method, url)
    interview = Interview.objects.get()
    assert (interview.status, interview.location, interview.sequence) == ("scheduled", "", 0)


def test_a_candidates_export_holds_their_interviews_and_erasure_removes_them(
    api_client, application, recruiter
) -> None:
    created = _schedule(api_client, application, [recruiter])
    api_client.post(
        f"/api/interviews/{created['id']}/feedback/", {"recommendation": "yes", "scores": {"Python": 4}}, format="json"
    )
    candidate = application.candidate

    export = api_client.get(f"/api/candidates/{candidate.pk}/export/")
    document = json.loads(zipfile.ZipFile(io.BytesIO(b"".join(export.streaming_content))).read("candidate.json"))
    related = document["related"]
    assert [row["id"] for row in related["interviews.interview"]] == [created["id"]]
    assert [(row["recommendation"], row["scores"]) for row in related["interviews.interviewfeedback"]] == [
        ("yes", {"Python": 4})
    ]
    assert [row["user"] for row in related["interviews.interview_interviewers"]] == [recruiter.pk]
    assert {e["action"] for e in document["audit_events"]} >= {"interview.scheduled", "interview.feedback_submitted"}

    assert api_client.delete(f"/api/candidates/{candidate.pk}/").status_code == 204
    assert not Interview.objects.exists()
    assert not InterviewFeedback.objects.exists()
    assert not Interview.interviewers.through.objects.exists()
