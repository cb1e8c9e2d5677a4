"""A job's lifecycle through the service, the API and the admin: draft -> open -> closed -> open, archive instead of
delete, restore, the closing date, and applications refused by a job that is not open."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from applications.models import Application
from applications.services import application_create
from audit.models import AuditEvent
from candidates.models import Candidate
from jobs.lifecycle import JobLifecycleError, JobNotOpen, job_archive, job_change, job_close, job_open, job_restore
from jobs.models import JobPosting

pytestmark = pytest.mark.django_db

DESCRIPTION = "We are hiring a payroll specialist. Requirements: 3+ years of payroll processing, ADP, Excel."


def _job(organization: Any, status: str = "open", **fields: Any) -> JobPosting:
    return JobPosting.objects.create(
        organization=organization, title="Payroll Specialist", description=DESCRIPTION, status=status, **fields
    )


def _detail(job: JobPosting, tail: str = "") -> str:
    return f"/api/jobs/{job.pk}/{tail}"


# --- The service ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "target"), [("draft", "open"), ("open", "closed"), ("closed", "open")], ids=["publish", "close", "reopen"]
)
def test_allowed_transitions_move_the_job_and_are_audited(organization, recruiter, start, target) -> None:
    job = _job(organization, start)

    job_change(job=job, actor=recruiter, status=target)

    job.refresh_from_db()
    assert (job.status, job.current_status()) == (target, target)
    [event] = AuditEvent.objects.filter(action="job.status_changed", target_id=job.pk)
    assert (event.actor, event.data["from_status"], event.data["to_status"]) == (recruiter, start, target)


@pytest.mark.parametrize(
    ("start", "target", "code", "message"),
    [
        ("draft", "closed", "transition_not_allowed", "A job cannot move from draft to closed; allowed: open."),
        ("open", "draft", "transition_not_allowed", "A job cannot move from open to draft; allowed: closed."),
        ("closed", "draft", "transition_not_allowed", "A job cannot move from closed to draft; allowed: open."),
        ("open", "open", "same_status", "The job is already open."),
    ],
)
def test_other_transitions_are_refused_and_change_nothing(organization, recruiter, start, target, code, message):
    job = _job(organization, start)

    with pytest.raises(JobLifecycleError) as refused:
        job_change(job=job, actor=recruiter, status=target)

    assert (refused.value.code, refused.value.message) == (code, message)
    job.refresh_from_db()
    assert job.status == start
    assert not AuditEvent.objects.filter(action="job.status_changed").exists()


@pytest.mark.parametrize("start", ["draft", "open", "closed"])
def test_any_job_can_be_archived_and_restored_with_its_status(organization, recruiter, start) -> None:
    job = _job(organization, start)

    assert job_archive(job=job, actor=recruiter) is True
    assert job_archive(job=job, actor=recruiter) is False  # archiving twice changes nothing
    archived = JobPosting.objects.get(pk=job.pk)
    with pytest.raises(JobLifecycleError, match="archived: restore it first"):
        job_open(job=archived, actor=recruiter)
    job_restore(job=archived, actor=recruiter)

    job.refresh_from_db()
    assert (job.archived, job.status) == (False, start)
    actions = list(AuditEvent.objects.filter(target_id=job.pk).order_by("pk").values_list("action", flat=True))
    assert actions == ["job.archived", "job.restored"]
    with pytest.raises(JobLifecycleError, match="not archived"):
        job_restore(job=job, actor=recruiter)


def test_an_open_job_past_its_closing_date_reads_as_closed(organization, recruiter) -> None:
    job = _job(organization, closes_at=timezone.now() + timedelta(days=1))
    assert job.current_status() == "open"

    JobPosting.objects.filter(pk=job.pk).update(closes_at=timezone.now() - timedelta(minutes=1))
    job.refresh_from_db()

    assert (job.status, job.current_status(), job.accepts_applications()) == ("open", "closed", False)
    with pytest.raises(JobLifecycleError, match="already closed"):
        job_close(job=job, actor=recruiter)
    job_open(job=job, actor=recruiter)  # reopening clears the date that has passed
    job.refresh_from_db()
    assert (job.current_status(), job.closes_at) == ("open", None)


def test_a_closing_date_in_the_past_is_refused(organization, recruiter) -> None:
    job = _job(organization)

    with pytest.raises(JobLifecycleError) as refused:
        job_change(job=job, actor=recruiter, closes_at=timezone.now() - timedelta(hours=1))

    assert refused.value.code == "closes_at_in_past"
    job.refresh_from_db()
    assert job.closes_at is None


@pytest.mark.parametrize("state", ["draft", "closed", "past_closing_date", "archived"])
def test_applying_to_a_job_that_is_not_open_is_refused(organization, recruiter, state) -> None:
    job = _job(organization, "draft" if state == "draft" else "open")
    if state == "closed":
        job_close(job=job, actor=recruiter)
    elif state == "past_closing_date":
        JobPosting.objects.filter(pk=job.pk).update(closes_at=timezone.now() - timedelta(seconds=1))
        job.refresh_from_db()
    elif state == "archived":
        job_archive(job=job, actor=recruiter)
    candidate = Candidate.objects.create(organization=organization, name="Pia")

    with pytest.raises(JobNotOpen):
        application_create(candidate=candidate, job=job, actor=recruiter)

    assert not Application.objects.exists()


# --- The API ----------------------------------------------------------------------------------------------------


def test_jobs_are_created_open_or_as_drafts_with_a_closing_date(api_client) -> None:
    closes_at = (timezone.now() + timedelta(days=30)).replace(microsecond=0)
    body = {"title": "Payroll Specialist", "description": DESCRIPTION}

    opened = api_client.post("/api/jobs/", body, format="json")
    draft = api_client.post(
        "/api/jobs/", {**body, "status": "draft", "closes_at": closes_at.isoformat()}, format="json"
    )
    closed = api_client.post("/api/jobs/", {**body, "status": "closed"}, format="json")

    assert (opened.status_code, draft.status_code) == (201, 201)
    assert (opened.json()["status"], opened.json()["closes_at"], opened.json()["archived"]) == ("open", None, False)
    assert draft.json()["status"] == "draft"
    assert JobPosting.objects.get(pk=draft.json()["id"]).closes_at == closes_at
    assert closed.status_code == 400
    assert list(closed.json()["errors"]) == ["status"]


def test_patch_moves_the_status_and_refuses_what_the_lifecycle_does_not_allow(api_client, organization) -> None:
    job = _job(organization, "draft")

    refused = api_client.patch(_detail(job), {"status": "closed"}, format="json")
    opened = api_client.patch(_detail(job), {"status": "open"}, format="json")
    past = api_client.patch(_detail(job), {"closes_at": "2001-01-01T00:00:00Z"}, format="json")
    unknown = api_client.patch(_detail(job), {"status": "paused"}, format="json")

    assert refused.status_code == 409
    assert refused.json() == {
        "code": "transition_not_allowed",
        "detail": "A job cannot move from draft to closed; allowed: open.",
    }
    assert (opened.status_code, opened.json()["status"]) == (200, "open")
    assert past.status_code == 400
    assert past.json()["code"] == "closes_at_in_past"
    assert unknown.status_code == 400
    assert list(unknown.json()["errors"]) == ["status"]


def test_a_refused_move_leaves_the_text_of_the_same_patch_unchanged(api_client, organization) -> None:
    job = _job(organization, "draft")

    response = api_client.patch(_detail(job), {"title": "Renamed", "status": "closed"}, format="json")

    assert response.status_code == 409
    job.refresh_from_db()
    assert job.title == "Payroll Specialist"


def test_delete_archives_and_archived_jobs_leave_the_default_list(api_client, organization) -> None:
    job, other = _job(organization), _job(organization)

    deleted = api_client.delete(_detail(job))
    again = api_client.delete(_detail(job))

    assert (deleted.status_code, again.status_code) == (204, 204)
    job.refresh_from_db()
    assert job.archived and job.status == "open"
    assert [row["id"] for row in api_client.get("/api/jobs/").json()["results"]] == [other.pk]
    assert [row["id"] for row in api_client.get("/api/jobs/?archived=true").json()["results"]] == [job.pk]
    assert {row["id"] for row in api_client.get("/api/jobs/?archived=all").json()["results"]} == {job.pk, other.pk}
    shown = api_client.get(_detail(job)).json()
    assert (shown["archived"], shown["status"]) == (True, "open")
    edit = api_client.patch(_detail(job), {"title": "Renamed"}, format="json")
    assert (edit.status_code, edit.json()["code"]) == (409, "job_archived")


def test_restore_brings_an_archived_job_back(api_client, organization, recruiter) -> None:
    job = _job(organization, "closed")
    job_archive(job=job, actor=recruiter)

    restored = api_client.post(_detail(job, "restore/"))
    twice = api_client.post(_detail(job, "restore/"))

    assert restored.status_code == 200
    assert (restored.json()["archived"], restored.json()["status"]) == (False, "closed")
    assert twice.status_code == 409
    assert twice.json() == {"code": "not_archived", "detail": "The job is not archived."}
    assert [row["id"] for row in api_client.get("/api/jobs/").json()["results"]] == [job.pk]


def test_applying_through_the_api_to_a_closed_job_is_a_409(api_client, organization, recruiter) -> None:
    job = _job(organization, "closed")
    candidate = Candidate.objects.create(organization=organization, name="Pia")

    response = api_client.post("/api/applications/", {"candidate": candidate.pk, "job": job.pk}, format="json")

    assert response.status_code == 409
    assert response.json() == {
        "code": "job_not_open",
        "detail": "This job is closed and does not take applications; open it first.",
    }
    assert not Application.objects.exists()


def test_the_api_reads_a_job_past_its_closing_date_as_closed(api_client, organization) -> None:
    job = _job(organization, closes_at=timezone.now() - timedelta(minutes=5))

    shown = api_client.get(_detail(job)).json()

    assert shown["status"] == "closed"
    assert [row["id"] for row in api_client.get("/api/jobs/?status=closed").json()["results"]] == [job.pk]
    assert api_client.get("/api/jobs/?status=open").json()["results"] == []


# --- The admin --------------------------------------------------------------------------------------------------


@pytest.fixture
def admin_client(client, recruiter):  # type: ignore[no-untyped-def]
    client.force_login(recruiter)
    return client


def _run(admin_client: Any, action: str, *jobs: JobPosting, query: str = "") -> Any:
    return admin_client.post(
        f"/admin/jobs/jobposting/{query}", {"action": action, "_selected_action": [job.pk for job in jobs]}, follow=True
    )


def test_admin_actions_open_close_archive_and_restore(admin_client, organization) -> None:
    draft, opened = _job(organization, "draft"), _job(organization, "open")

    _run(admin_client, "open_selected", draft)
    _run(admin_client, "close_selected", opened)
    draft.refresh_from_db()
    opened.refresh_from_db()
    assert (draft.status, opened.status) == ("open", "closed")

    _run(admin_client, "archive_selected", draft, opened)
    assert JobPosting.objects.filter(archived_at__isnull=False).count() == 2
    _run(admin_client, "restore_selected", draft)  # from the default list, which holds no archived job
    assert JobPosting.objects.get(pk=draft.pk).archived
    _run(admin_client, "restore_selected", draft, query="?archived=true")
    draft.refresh_from_db()
    assert not draft.archived


def test_an_admin_action_names_the_jobs_it_could_not_change(admin_client, organization) -> None:
    draft, opened = _job(organization, "draft"), _job(organization, "open")

    response = _run(admin_client, "close_selected", draft, opened)

    messages = [str(message) for message in response.context["messages"]]
    assert messages == [
        "1 job(s) closed.",
        "Payroll Specialist: A job cannot move from draft to closed; allowed: open.",
    ]
    draft.refresh_from_db()
    assert draft.status == "draft"


def test_admin_list_shows_the_status_and_filters_by_it(admin_client, organization) -> None:
    draft, opened = _job(organization, "draft"), _job(organization, "open")
    archived = _job(organization, "open")
    JobPosting.objects.filter(pk=archived.pk).update(archived_at=timezone.now())

    default = admin_client.get("/admin/jobs/jobposting/")
    drafts = admin_client.get("/admin/jobs/jobposting/?status=draft")
    only_archived = admin_client.get("/admin/jobs/jobposting/?archived=true")

    assert {job.pk for job in default.context["cl"].result_list} == {draft.pk, opened.pk}
    assert [job.pk for job in drafts.context["cl"].result_list] == [draft.pk]
    assert [job.pk for job in only_archived.context["cl"].result_list] == [archived.pk]
    assert '<td class="field-status_now">Draft</td>' in default.content.decode()


def test_the_admin_refuses_an_application_to_a_job_that_is_not_open(admin_client, organization) -> None:
    closed, opened = _job(organization, "closed"), _job(organization, "open")
    candidate = Candidate.objects.create(organization=organization, name="Nadia Park", email="nadia@example.com")

    refused = admin_client.post("/admin/applications/application/add/", {"candidate": candidate.pk, "job": closed.pk})
    accepted = admin_client.post("/admin/applications/application/add/", {"candidate": candidate.pk, "job": opened.pk})

    assert refused.status_code == 200 and "does not take applications" in refused.content.decode()
    assert accepted.status_code == 302
    assert list(Application.objects.values_list("job_id", flat=True)) == [opened.pk]
