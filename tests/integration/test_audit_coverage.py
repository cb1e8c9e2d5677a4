"""Every action the audit log must hold, each written where it happens, by ids and codes only: sign-ins and
failed sign-ins, views, downloads, exports and deletions of candidate data, stage changes, analyses; and the
audit admin's filters and search, scoped to the user's organization."""

from __future__ import annotations

import hashlib
from typing import Any

import pytest
from django.contrib.admin.filters import RelatedOnlyFieldListFilter
from fixtures.analysis_replies import GROUNDED, store_reply
from rest_framework.test import APIClient

from accounts.models import Organization
from accounts.services import recruiter_create
from applications.models import Application
from applications.services import move_to_stage
from audit.models import AuditEvent
from candidates.models import Candidate, ResumeVersion
from jobs.models import JobPosting

pytestmark = pytest.mark.django_db

PERSON = "Zephyrine Quillfeather"
AUDIT_LIST = "/admin/audit/auditevent/"


@pytest.fixture
def candidate(organization) -> Candidate:  # type: ignore[no-untyped-def]
    candidate = Candidate.objects.create(organization=organization, name=PERSON, email="zq@example.org")
    resume = ResumeVersion.objects.create(
        organization=organization,
        candidate=candidate,
        file=f"resumes/{organization.pk}/zq.txt",
        filename="zephyrine.txt",
        kind="txt",
        sha256=hashlib.sha256(b"zq").hexdigest(),
        size=2,
    )
    Candidate.objects.filter(pk=candidate.pk).update(current_resume=resume)
    candidate.refresh_from_db()
    return candidate


@pytest.fixture
def application(candidate, recruiter) -> Application:  # type: ignore[no-untyped-def]
    job = JobPosting.objects.create(organization=candidate.organization, title="Backend", description="Python")
    return Application.objects.create(candidate=candidate, job=job)


def _only(action: str) -> AuditEvent:
    [event] = AuditEvent.objects.filter(action=action)
    assert PERSON not in f"{event.target_label} {event.data}"
    return event


def test_an_admin_sign_in_is_recorded_for_the_users_organization(client, recruiter) -> None:
    response = client.post("/admin/login/", {"username": "rita", "password": "rita-password-1", "next": "/admin/"})

    assert response.status_code == 302
    event = _only("auth.login")
    assert (event.actor, event.organization, event.target_id, event.data) == (
        recruiter,
        recruiter.organization,
        recruiter.pk,
        {"surface": "admin"},
    )


def test_token_and_jwt_sign_ins_are_recorded_but_not_refreshes(recruiter) -> None:
    credentials = {"username": "rita", "password": "rita-password-1"}
    assert APIClient().post("/api/auth/token/", credentials).status_code == 200
    refresh = APIClient().post("/api/auth/jwt/", credentials).json()["refresh"]
    assert APIClient().post("/api/auth/jwt/refresh/", {"refresh": refresh}).status_code == 200

    events = AuditEvent.objects.filter(action="auth.login").order_by("pk")
    assert [(e.actor, e.organization, e.data) for e in events] == [
        (recruiter, recruiter.organization, {"surface": "api"})
    ] * 2
    recruiter.refresh_from_db()
    assert recruiter.last_login is not None


def test_failed_sign_ins_name_the_account_by_id_and_never_the_username(client, recruiter) -> None:
    client.post("/admin/login/", {"username": "rita", "password": "wrong-password"})
    APIClient().post("/api/auth/token/", {"username": "nobody-such", "password": "wrong-password"})

    known, unknown = AuditEvent.objects.filter(action="auth.login_failed").order_by("pk")
    assert (known.actor, known.organization, known.target_type, known.target_id, known.data) == (
        None,
        recruiter.organization,
        "accounts.user",
        recruiter.pk,
        {"surface": "admin"},
    )
    assert (unknown.organization, unknown.target_id, unknown.target_label, unknown.data) == (
        None,
        None,
        "",
        {"surface": "api"},
    )
    assert not AuditEvent.objects.filter(target_label__contains="nobody-such").exists()


def test_views_downloads_exports_and_deletions_of_a_candidate(api_client, client, recruiter, candidate) -> None:
    assert api_client.get(f"/api/candidates/{candidate.pk}/").status_code == 200
    client.force_login(recruiter)
    assert client.get(f"/admin/candidates/candidate/{candidate.pk}/change/").status_code == 200
    assert api_client.get(f"/api/resumes/{candidate.current_resume_id}/file/").status_code == 200
    export = api_client.get(f"/api/candidates/{candidate.pk}/export/")
    assert export.status_code == 200
    b"".join(export.streaming_content)
    assert api_client.delete(f"/api/candidates/{candidate.pk}/").status_code == 204

    events = list(AuditEvent.objects.filter(actor=recruiter).exclude(action="auth.login").order_by("pk"))
    assert [(e.action, e.target_type, e.target_id) for e in events] == [
        ("candidate.viewed", "candidates.candidate", candidate.pk),
        ("candidate.viewed", "candidates.candidate", candidate.pk),
        ("resume.downloaded", "candidates.resumeversion", candidate.current_resume_id),
        ("candidate.exported", "candidates.candidate", candidate.pk),
        ("candidate.deleted", "candidates.candidate", candidate.pk),
    ]
    assert events[1].data == {"surface": "admin"}
    assert events[2].data == {"candidate": candidate.pk}
    assert all(PERSON not in f"{e.target_label} {e.data}" for e in events)


def test_a_stage_change_records_both_stages(application, recruiter, django_capture_on_commit_callbacks) -> None:
    with django_capture_on_commit_callbacks(execute=False):
        move_to_stage(application=application, stage="screening", by=recruiter)

    event = _only("application.stage_changed")
    assert (event.actor, event.target_id, event.data) == (
        recruiter,
        application.pk,
        {"from_stage": "applied", "to_stage": "screening"},
    )


def test_an_analysis_records_its_provider_and_score_breakdown(application, django_capture_on_commit_callbacks) -> None:
    with django_capture_on_commit_callbacks(execute=False):
        run = store_reply(application, GROUNDED, score=72.5)

    event = _only("application.analyzed")
    assert (event.actor, event.organization, event.target_id) == (None, application.job.organization, application.pk)
    assert event.data == {
        "analysis_id": run.pk,
        "provider": "openai",
        "model": "gpt-4o-mini",
        "fallback": False,
        "recommendation": "hold",
        "match_score": 72.5,
        "breakdown": {"skills": 40.0, "experience": 32.5},
    }
    assert GROUNDED["summary"] not in str(event.data)


@pytest.fixture
def two_logs(organization, recruiter) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    other = Organization.objects.create(name="Other Co")
    stranger = recruiter_create(username="sven", password="sven-password-1", organization=other)
    colleague = recruiter_create(username="carl", password="carl-password-1", organization=organization)
    mine = AuditEvent.objects.create(
        organization=organization, actor=colleague, action="job.created", target_type="jobs.jobposting", target_id=7
    )
    AuditEvent.objects.create(
        organization=other, actor=stranger, action="candidate.deleted", target_type="candidates.candidate", target_id=7
    )
    return {"mine": mine, "colleague": colleague, "stranger": stranger}


def test_the_audit_list_filters_by_action_actor_target_type_and_date_within_the_organization(
    client, recruiter, two_logs
) -> None:
    client.force_login(recruiter)

    page = client.get(AUDIT_LIST)

    filters = {getattr(spec, "field_path", None): spec for spec in page.context["cl"].filter_specs}
    assert list(filters) == ["action", "actor", "target_type", "created_at"]
    assert isinstance(filters["actor"], RelatedOnlyFieldListFilter)
    assert {label for _, label in filters["actor"].lookup_choices} == {"carl", "rita"}  # rita: her own sign-in
    assert "sven" not in page.content.decode() and "Other Co" not in page.content.decode()
    assert list(filters["action"].lookup_choices) == ["auth.login", "job.created"]
    by_actor = client.get(AUDIT_LIST, {"actor__id__exact": two_logs["colleague"].pk})
    assert list(by_actor.context["cl"].result_list) == [two_logs["mine"]]
    by_type = client.get(AUDIT_LIST, {"target_type": "candidates.candidate"})
    assert list(by_type.context["cl"].result_list) == []


def test_the_audit_list_is_searched_by_target_id_within_the_organization(client, recruiter, two_logs) -> None:
    client.force_login(recruiter)

    found = client.get(AUDIT_LIST, {"q": "7"})
    words = client.get(AUDIT_LIST, {"q": "sven"})

    assert list(found.context["cl"].result_list) == [two_logs["mine"]]
    assert (words.status_code, list(words.context["cl"].result_list)) == (200, [])
