"""The REST API's authorization matrix: every route of the URL conf outside the admin (the API under /api/,
operator-check, /metrics, the health check, the task monitor page), with each method its view answers, for every
role. Routes are found by walking `get_resolver()`; one without an entry in REST fails, naming itself.

Requests are made as organization A's objects' viewers: detail routes name A's rows. Each cell checks the status
and the data: lists hold only the role's organization's rows, writes land in the role's organization or nowhere.
"""

from __future__ import annotations

import io
import json
import zipfile
from collections import namedtuple
from datetime import timedelta
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from security.matrix_support import (
    ROLE_ORGANIZATION,
    ROLES,
    World,
    expectation,
    other_routes,
    password_of,
    pk_of,
    registered_admins,
    rows_for,
)

pytestmark = pytest.mark.usefixtures("matrix_settings")

# Columns: anonymous, recruiter_a, recruiter_b, org_admin_a, operator, platform_admin, staff_no_org.
MEMBERS = (401, 200, 200, 200, 403, 403, 403)  # the API is for members of an organization
OF_A = (401, 200, 404, 200, 403, 403, 403)  # organization A's row: another organization's reads as missing
CREATED = (401, 201, 201, 201, 403, 403, 403)
ACCEPTED = (401, 202, 202, 202, 403, 403, 403)
SIGN_IN = (400, 200, 200, 200, 200, 200, 200)  # each role with its own credentials; anonymous with none
PUBLIC = (200, 200, 200, 200, 200, 200, 200)
# The candidate's own API and portal pages: no role of this table is a candidate (tests/security/
# test_candidate_matrix.py has the candidate's side). Pages send anonymous visitors to the portal's sign-in.
CANDIDATES_ONLY = (401, 403, 403, 403, 403, 403, 403)
CANDIDATE_PAGE = (302, 403, 403, 403, 403, 403, 403)

# `lists`: the admin label of the rows a list returns (and the JSON key naming them); `creates`: the rows a write
# adds, all in the role's organization, none when refused; `check`: more about the data.
Call = namedtuple("Call", "row body lists creates check", defaults=(None, None, None, None))


def _credentials(world: World, role: str) -> dict[str, str]:
    user = world.users[role]
    return {"username": user.username, "password": password_of(role)} if user else {}


def _refresh(world: World, role: str) -> dict[str, str]:
    from rest_framework_simplejwt.tokens import RefreshToken

    user = world.users[role]
    return {"refresh": str(RefreshToken.for_user(user))} if user else {}


def _resume_upload(world: World, role: str) -> dict[str, Any]:
    text = f"Jane Roe\njane.roe+{role}@example.org\nPython developer, 5 years of Django\n".encode()
    return {"resume": SimpleUploadedFile("cv.txt", text, content_type="text/plain")}


def _archive(world: World, role: str) -> dict[str, Any]:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("cv.txt", f"John Doe\njohn.doe+{role}@example.org\nGo developer\n")
    return {"archive": SimpleUploadedFile("resumes.zip", buffer.getvalue(), content_type="application/zip")}


def _home_shows_own_jobs_only(world: World, role: str, response: Any) -> None:
    if response.status_code != 200:
        assert response["Location"].startswith("/admin/login/"), response["Location"]
        return
    page = response.content.decode()
    for key in ("A", "B"):
        title = world.rows[key]["job"].title
        shown = ROLE_ORGANIZATION.get(role) == key
        assert (title in page) is shown, f"{role}: job of {key} shown={title in page}"


def _job_renamed_only_by_a(world: World, role: str, response: Any) -> None:
    job = world.a("job")
    job.refresh_from_db()
    assert (job.title == "Renamed by the matrix") is (response.status_code == 200), f"{role}: {job.title}"


def _job_of_a_archived_only_when_deleted(world: World, role: str, response: Any) -> None:
    job = world.a("job")
    job.refresh_from_db()
    assert job.archived is (response.status_code == 204), f"{role}: A's job archived={job.archived}"


def _archive_job_of_a(world: World, role: str) -> dict[str, Any]:
    """Archives A's job (inside the cell's savepoint) so that restoring it is possible; no body."""
    from jobs.lifecycle import job_archive

    job_archive(job=world.a("job"), actor=world.users["recruiter_a"])
    return {}


def _job_of_a_restored_only_by_a(world: World, role: str, response: Any) -> None:
    job = world.a("job")
    job.refresh_from_db()
    assert job.archived is (response.status_code != 200), f"{role}: A's job archived={job.archived}"


def _rediscovered_of_a_only(world: World, role: str, response: Any) -> None:
    if response.status_code == 200:
        shown = [row["candidate"]["id"] for row in response.json()["results"]]
        assert shown == [world.a("spare_candidate").pk], f"{role} was shown {shown}"


def _file_of_a_only(world: World, role: str, response: Any) -> None:
    header = response.get("X-Accel-Redirect")
    if response.status_code == 200:
        assert header == f"/protected-media/{world.a('resume').file.name}"
    else:
        assert header is None, f"{role} was handed A's resume file"


def _candidate_of_a_gone_only_when_deleted(world: World, role: str, response: Any) -> None:
    from candidates.models import Candidate

    exists = Candidate.objects.filter(pk=world.a("candidate").pk).exists()
    assert exists is (response.status_code != 204), f"{role}: A's candidate exists={exists}"


def _export_of_a_only(world: World, role: str, response: Any) -> None:
    if response.status_code != 200:
        return
    with zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content))) as archive:
        exported = json.loads(archive.read("candidate.json"))
    assert exported["candidate"]["id"] == world.a("candidate").pk, f"{role} exported another candidate"


def _tasks_of_a_resume(world: World, role: str, response: Any) -> None:
    from realtime.models import TaskRecord

    queued = TaskRecord.objects.filter(target_id=world.a("resume").pk, kind="parse_resume").count()
    assert queued == (2 if response.status_code == 202 else 1), f"{role}: {queued} parse tasks for A's resume"


def _application_of_a_moved_only_by_a(world: World, role: str, response: Any) -> None:
    application = world.a("application")
    application.refresh_from_db()
    moved = application.status == "screening"
    assert moved is (ROLE_ORGANIZATION.get(role) == "A"), f"{role}: A's application is {application.status}"
    if response.status_code == 200 and "results" in response.json():  # the bulk move names each id's outcome
        outcome = "moved" if moved else "not_found"
        assert [r["outcome"] for r in response.json()["results"]] == [outcome], f"{role}: {response.json()}"


def _note_on_a_only_by_a(world: World, role: str, response: Any) -> None:
    notes = set(world.a("application").notes.values_list("text", flat=True))
    assert ("Matrix note" in notes) is (response.status_code == 201), f"{role}: notes of A {notes}"


def _messages_of_a_only(world: World, role: str, response: Any) -> None:
    if response.status_code == 200:
        shown = {row["id"] for row in response.json()["results"]}
        assert shown == set(world.a("application").messages.values_list("pk", flat=True)), f"{role}: {shown}"


def _message_on_a_only_by_a(world: World, role: str, response: Any) -> None:
    sent = world.a("application").messages.filter(body="Matrix message")
    assert sent.exists() is (response.status_code == 201), f"{role}: sent={sent.exists()}"
    if sent.exists():
        assert (sent.get().sender, sent.get().sender_side) == (world.users[role], "recruiter")


def _messages_of_a_read_only_by_a(world: World, role: str, response: Any) -> None:
    unread = world.a("application").messages.filter(sender_side="candidate", read_at__isnull=True).count()
    assert unread == (0 if response.status_code == 200 else 1), f"{role}: {unread} unread of A's candidate"
    if response.status_code == 200:
        assert response.json() == {"marked": 1, "unread": {"recruiter": 0, "candidate": 1}}


def _unread_of_own_organization_only(world: World, role: str, response: Any) -> None:
    if response.status_code == 200:
        own = world.rows[ROLE_ORGANIZATION[role]]["application"].pk
        assert response.json() == {"results": [{"application": own, "unread": 1}], "total": 1}, role


def _interview_body(world: World, role: str) -> dict[str, Any]:
    """A's application with A's recruiter, two months ahead (clear of the world's interview)."""
    day = (timezone.now() + timedelta(days=60)).date()
    return {
        "application": world.a("application").pk,
        "starts_at": f"{day}T09:00",
        "ends_at": f"{day}T10:00",
        "timezone": "Europe/Berlin",
        "interviewers": [world.users["recruiter_a"].pk],
        "kind": "phone",
    }


def _interview_of_a_changed_only_by_a(world: World, role: str, response: Any) -> None:
    interview = world.a("interview")
    interview.refresh_from_db()
    changed = interview.sequence == 1
    assert changed is (ROLE_ORGANIZATION.get(role) == "A"), f"{role}: A's interview at sequence {interview.sequence}"
    if response.status_code == 200:
        assert response.json()["id"] == interview.pk


def _feedback_on_a_only_by_its_interviewer(world: World, role: str, response: Any) -> None:
    feedback = world.a("feedback")
    feedback.refresh_from_db()
    assert (feedback.recommendation == "strong_no") is (role == "recruiter_a"), f"{role}: {feedback.recommendation}"


def _invitation_of_a_only(world: World, role: str, response: Any) -> None:
    if response.status_code == 200:
        assert f"UID:{world.a('interview').uid}@".encode() in response.content
        assert response["Content-Type"].startswith("text/calendar")


def _no_alert_stored(world: World, role: str, response: Any) -> None:
    from ops.models import Alert

    assert list(Alert.objects.all()) == [world.platform["alert"]], f"{role} stored an alert"


def _analytics_of_own_organization_only(world: World, role: str, response: Any) -> None:
    """A figure (JSON or CSV) names the jobs of the caller's organization only; those with rows per job name it."""
    if response.status_code != 200:
        return
    own, text = ROLE_ORGANIZATION[role], response.content.decode()
    other = "B" if own == "A" else "A"
    assert world.rows[other]["job"].title not in text, f"{role} was shown the job of {other}"
    if any(f"/analytics/{slug}/" in response.wsgi_request.path for slug in ("funnel", "time-in-stage", "scores")):
        assert world.rows[own]["job"].title in text, f"{role}: the figure has no row of their job"


# One figure per route, as JSON and as CSV: for members of an organization, about their organization only.
ANALYTICS_FIGURES = ("funnel", "conversion", "time-in-stage", "scores", "missing-skills", "sources")
ANALYTICS = {
    f"api/analytics/{slug}/{tail}": {"GET": Call(MEMBERS, check=_analytics_of_own_organization_only)}
    for slug in ANALYTICS_FIGURES
    for tail in ("", "export.csv")
}


def _application_of_a_not_withdrawn(world: World, role: str, response: Any) -> None:
    application = world.a("application")
    application.refresh_from_db()
    assert application.status != "withdrawn", f"{role} withdrew A's application"


def _candidate_of_a_kept(world: World, role: str, response: Any) -> None:
    from candidates.models import Candidate

    assert Candidate.objects.filter(pk=world.a("candidate").pk).exists(), f"{role} erased A's candidate"


def _interview_of_a_unanswered(world: World, role: str, response: Any) -> None:
    interview = world.a("interview")
    interview.refresh_from_db()
    assert interview.candidate_response == "pending", f"{role} answered A's interview"


def _no_candidate_message_on_a(world: World, role: str, response: Any) -> None:
    sent = world.a("application").messages.filter(body="Matrix portal message")
    assert not sent.exists(), f"{role} wrote as A's candidate"
    unread = world.a("application").messages.filter(sender_side="recruiter", read_at__isnull=True).count()
    assert unread == 1, f"{role} marked the recruiters' message read for A's candidate"


def _registration(world: World, role: str) -> dict[str, Any]:
    password = "matrix-Registration-9"
    return {"email": f"{role}@register.example.org", "password1": password, "password2": password, "notice_read": "on"}


def _registered_only_anonymously(world: World, role: str, response: Any) -> None:
    from candidates.models import Candidate

    made = Candidate.objects.filter(account__username=f"{role}@register.example.org")
    assert [c.organization_id for c in made] == ([world.orgs["A"].pk] if role == "anonymous" else []), role
    if role == "anonymous":
        assert response["Location"] == "/portal/resume/"


# Keyed by route; each method the view answers (HEAD and OPTIONS aside) needs a Call.
REST: dict[str, dict[str, Call]] = {
    "api/auth/token/": {"POST": Call(SIGN_IN, body=_credentials)},
    "api/auth/jwt/": {"POST": Call(SIGN_IN, body=_credentials)},
    "api/auth/jwt/refresh/": {"POST": Call(SIGN_IN, body=_refresh)},
    "api/auth/operator-check/": {"GET": Call((401, 403, 403, 403, 204, 204, 403))},  # nginx's auth_request
    # nginx's auth_request for /metrics: a bearer token (none here) or an operator's session.
    "api/auth/metrics-check/": {"GET": Call((401, 403, 403, 403, 204, 204, 403))},
    # Any signed-in user may ask for a socket ticket; what the socket then shows is scoped by the consumer.
    "api/ws-tickets/": {"POST": Call((401, 201, 201, 201, 201, 201, 201), body=lambda w, r: {})},
    # Alertmanager's bearer token only: no session, not even an operator's, posts alerts.
    "api/ops/alerts/webhook/": {
        "POST": Call((401,) * 7, body=lambda w, r: {"version": "4", "alerts": "[]"}, check=_no_alert_stored)
    },
    "api/jobs/": {
        "GET": Call(MEMBERS, lists="jobs.jobposting"),
        "POST": Call(
            CREATED, body=lambda w, r: {"title": "Matrix job", "description": "Django"}, creates="jobs.jobposting"
        ),
    },
    "api/jobs/<int:pk>/": {
        "GET": Call(OF_A),
        "PATCH": Call(OF_A, body=lambda w, r: {"title": "Renamed by the matrix"}, check=_job_renamed_only_by_a),
        # Deleting archives: the row stays, out of the lists; another organization's job reads as missing.
        "DELETE": Call((401, 204, 404, 204, 403, 403, 403), check=_job_of_a_archived_only_when_deleted),
    },
    "api/jobs/<int:pk>/restore/": {
        "POST": Call(OF_A, body=_archive_job_of_a, check=_job_of_a_restored_only_by_a),
    },
    "api/jobs/<int:pk>/rediscovered/": {"GET": Call(OF_A, check=_rediscovered_of_a_only)},
    "api/jobs/<int:pk>/candidates/": {"GET": Call(OF_A)},
    "api/jobs/<int:pk>/candidates/<int:candidate_pk>/explanation/": {"GET": Call(OF_A)},
    "api/candidates/<int:pk>/jobs/": {"GET": Call(OF_A)},
    "api/candidates/": {"GET": Call(MEMBERS, lists="candidates.candidate")},
    "api/candidates/<int:pk>/": {
        "GET": Call(OF_A),
        "DELETE": Call((401, 204, 404, 204, 403, 403, 403), check=_candidate_of_a_gone_only_when_deleted),
    },
    "api/candidates/<int:pk>/export/": {"GET": Call(OF_A, check=_export_of_a_only)},
    "api/resumes/": {
        "GET": Call(MEMBERS, lists="candidates.resumeversion"),
        "POST": Call(ACCEPTED, body=_resume_upload, creates="candidates.resumeversion"),
    },
    "api/resumes/<int:pk>/": {"GET": Call(OF_A)},
    "api/resumes/<int:pk>/file/": {"GET": Call(OF_A, check=_file_of_a_only)},
    "api/resumes/<int:pk>/reparse/": {
        "POST": Call((401, 202, 404, 202, 403, 403, 403), body=lambda w, r: {}, check=_tasks_of_a_resume)
    },
    "api/imports/": {
        "GET": Call(MEMBERS, lists="ingestion.importbatch"),
        "POST": Call(ACCEPTED, body=_archive, creates="ingestion.importbatch"),
    },
    "api/imports/<int:pk>/": {"GET": Call(OF_A)},
    "api/applications/": {
        "GET": Call(MEMBERS, lists="applications.application"),
        # A's candidate and job: B is told the candidate does not exist, and nothing is created.
        "POST": Call(
            (401, 201, 400, 201, 403, 403, 403),
            body=lambda w, r: {"candidate": w.a("spare_candidate").pk, "job": w.a("job").pk},
            creates="applications.application",
        ),
    },
    "api/applications/<int:pk>/": {
        "GET": Call(OF_A),
        "PATCH": Call(OF_A, body=lambda w, r: {"stage": "screening"}, check=_application_of_a_moved_only_by_a),
    },
    # Another organization's ids are reported as not found, one by one; nothing of A moves.
    "api/applications/bulk/": {
        "POST": Call(
            MEMBERS,
            body=lambda w, r: {"ids": [w.a("application").pk], "stage": "screening"},
            check=_application_of_a_moved_only_by_a,
        )
    },
    "api/applications/<int:pk>/history/": {"GET": Call(OF_A)},
    # The conversation with the candidate (Candidate.account): the candidate's side is in tests/integration.
    "api/applications/<int:pk>/messages/": {
        "GET": Call(OF_A, check=_messages_of_a_only),
        "POST": Call(
            (401, 201, 404, 201, 403, 403, 403),
            body=lambda w, r: {"body": "Matrix message"},
            check=_message_on_a_only_by_a,
        ),
    },
    "api/applications/<int:pk>/messages/read/": {
        "POST": Call(OF_A, body=lambda w, r: {}, check=_messages_of_a_read_only_by_a)
    },
    "api/messages/unread/": {"GET": Call(MEMBERS, check=_unread_of_own_organization_only)},
    "api/applications/<int:pk>/notes/": {
        "GET": Call(OF_A),
        "POST": Call(
            (401, 201, 404, 201, 403, 403, 403), body=lambda w, r: {"text": "Matrix note"}, check=_note_on_a_only_by_a
        ),
    },
    "api/interviews/": {
        "GET": Call(MEMBERS, lists="interviews.interview"),
        # B is told A's application does not exist, and nothing is booked.
        "POST": Call((401, 201, 400, 201, 403, 403, 403), body=_interview_body, creates="interviews.interview"),
    },
    "api/interviews/<int:pk>/": {
        "GET": Call(OF_A),
        "PATCH": Call(OF_A, body=lambda w, r: {"location": "Matrix room"}, check=_interview_of_a_changed_only_by_a),
    },
    "api/interviews/<int:pk>/cancel/": {
        "POST": Call(OF_A, body=lambda w, r: {"reason": "Matrix"}, check=_interview_of_a_changed_only_by_a)
    },
    # Only the interview's interviewers submit feedback (A's recruiter replaces theirs); its other readers get 403.
    "api/interviews/<int:pk>/feedback/": {
        "GET": Call(OF_A),
        "POST": Call(
            (401, 200, 404, 403, 403, 403, 403),
            body=lambda w, r: {"recommendation": "strong_no"},
            check=_feedback_on_a_only_by_its_interviewer,
        ),
    },
    "api/interviews/<int:pk>/ics/": {"GET": Call(OF_A, check=_invitation_of_a_only)},
    "api/tasks/": {"GET": Call(MEMBERS, lists="realtime.taskrecord:task_id")},
    **ANALYTICS,
    "api/tasks/<str:task_id>/": {"GET": Call(OF_A)},
    "api/portal/profile/": {
        "GET": Call(CANDIDATES_ONLY),
        "PATCH": Call(CANDIDATES_ONLY, body=lambda w, r: {"name": "Matrix"}),
    },
    "api/portal/resumes/": {
        "GET": Call(CANDIDATES_ONLY),
        "POST": Call(CANDIDATES_ONLY, body=_resume_upload, creates="candidates.resumeversion"),
    },
    "api/portal/recommendations/": {"GET": Call(CANDIDATES_ONLY)},
    "api/portal/applications/": {
        "GET": Call(CANDIDATES_ONLY),
        "POST": Call(
            CANDIDATES_ONLY, body=lambda w, r: {"job": w.a("spare_job").pk}, creates="applications.application"
        ),
    },
    "api/portal/applications/<int:pk>/": {"GET": Call(CANDIDATES_ONLY)},
    "api/portal/applications/<int:pk>/withdraw/": {
        "POST": Call(CANDIDATES_ONLY, body=lambda w, r: {}, check=_application_of_a_not_withdrawn)
    },
    "api/portal/interviews/": {"GET": Call(CANDIDATES_ONLY)},
    "api/portal/interviews/<int:pk>/respond/": {
        "POST": Call(CANDIDATES_ONLY, body=lambda w, r: {"answer": "accepted"}, check=_interview_of_a_unanswered)
    },
    "api/portal/export/": {"GET": Call(CANDIDATES_ONLY)},
    "api/portal/account/": {"DELETE": Call(CANDIDATES_ONLY, check=_candidate_of_a_kept)},
    # The portal's pages. Registering: a form for visitors; signed-in people are sent to their home.
    "portal/": {"GET": Call(CANDIDATE_PAGE)},
    "portal/<int:organization_id>/register/": {
        "GET": Call((200, 302, 302, 302, 302, 302, 302)),
        "POST": Call((302, 302, 302, 302, 302, 302, 302), body=_registration, check=_registered_only_anonymously),
    },
    # The candidates' sign-in: the form for everyone (recruiters' credentials are refused by it, test_portal_pages).
    "portal/login/": {"GET": Call(PUBLIC), "POST": Call(PUBLIC), "PUT": Call(PUBLIC)},
    "portal/logout/": {"POST": Call((302,) * 7)},
    "portal/profile/": {"GET": Call(CANDIDATE_PAGE), "POST": Call(CANDIDATE_PAGE, body=lambda w, r: {"name": "X"})},
    "portal/resume/": {"GET": Call(CANDIDATE_PAGE), "POST": Call(CANDIDATE_PAGE, body=_resume_upload)},
    "portal/jobs/": {"GET": Call(CANDIDATE_PAGE)},
    "portal/jobs/<int:pk>/apply/": {
        "GET": Call(CANDIDATE_PAGE),
        "POST": Call(CANDIDATE_PAGE, body=lambda w, r: {}, creates="applications.application"),
    },
    "portal/applications/<int:pk>/": {"GET": Call(CANDIDATE_PAGE)},
    "portal/applications/<int:pk>/withdraw/": {
        "GET": Call(CANDIDATE_PAGE),
        "POST": Call(CANDIDATE_PAGE, body=lambda w, r: {}, check=_application_of_a_not_withdrawn),
    },
    "portal/applications/<int:pk>/messages/": {
        "GET": Call(CANDIDATE_PAGE, check=_no_candidate_message_on_a),
        "POST": Call(
            CANDIDATE_PAGE, body=lambda w, r: {"body": "Matrix portal message"}, check=_no_candidate_message_on_a
        ),
    },
    "portal/interviews/<int:pk>/respond/": {
        "POST": Call(CANDIDATE_PAGE, body=lambda w, r: {"answer": "accepted"}, check=_interview_of_a_unanswered)
    },
    "portal/export/": {"GET": Call(CANDIDATE_PAGE)},
    "portal/delete/": {
        "GET": Call(CANDIDATE_PAGE),
        "POST": Call(CANDIDATE_PAGE, body=lambda w, r: {"password": password_of(r)}, check=_candidate_of_a_kept),
    },
    "api/schema/": {"GET": Call(PUBLIC)},
    "api/docs/": {"GET": Call(PUBLIC)},
    "api/": {"GET": Call(PUBLIC)},  # the API's entry points by name: no data
    # The front door: sign in, or the home of the signed-in person, with their organization's jobs only.
    "": {"GET": Call((302, 200, 200, 200, 200, 200, 200), check=_home_shows_own_jobs_only)},
    "healthz": {"GET": Call(PUBLIC)},
    "realtime/tasks/": {"GET": Call((302, 200, 200, 200, 200, 200, 200))},  # staff only; its data comes by socket
    # Open in-process: Prometheus scrapes Django directly; through the gateway it is for operators (gateway tests).
    "metrics": {"GET": Call(PUBLIC)},
}
# The rows of A a route's URL names.
ARGS = {
    "api/jobs/<int:pk>/": lambda w: {"pk": w.a("job").pk},
    "api/jobs/<int:pk>/restore/": lambda w: {"pk": w.a("job").pk},
    "api/jobs/<int:pk>/rediscovered/": lambda w: {"pk": w.a("job").pk},
    "api/jobs/<int:pk>/candidates/": lambda w: {"pk": w.a("job").pk},
    "api/jobs/<int:pk>/candidates/<int:candidate_pk>/explanation/": lambda w: {
        "pk": w.a("job").pk,
        "candidate_pk": w.a("candidate").pk,
    },
    "api/candidates/<int:pk>/jobs/": lambda w: {"pk": w.a("candidate").pk},
    "api/candidates/<int:pk>/": lambda w: {"pk": w.a("candidate").pk},
    "api/candidates/<int:pk>/export/": lambda w: {"pk": w.a("candidate").pk},
    "api/resumes/<int:pk>/": lambda w: {"pk": w.a("resume").pk},
    "api/resumes/<int:pk>/file/": lambda w: {"pk": w.a("resume").pk},
    "api/resumes/<int:pk>/reparse/": lambda w: {"pk": w.a("resume").pk},
    "api/imports/<int:pk>/": lambda w: {"pk": w.a("batch").pk},
    "api/applications/<int:pk>/": lambda w: {"pk": w.a("application").pk},
    "api/applications/<int:pk>/history/": lambda w: {"pk": w.a("application").pk},
    "api/applications/<int:pk>/notes/": lambda w: {"pk": w.a("application").pk},
    "api/applications/<int:pk>/messages/": lambda w: {"pk": w.a("application").pk},
    "api/applications/<int:pk>/messages/read/": lambda w: {"pk": w.a("application").pk},
    "api/interviews/<int:pk>/": lambda w: {"pk": w.a("interview").pk},
    "api/interviews/<int:pk>/cancel/": lambda w: {"pk": w.a("interview").pk},
    "api/interviews/<int:pk>/feedback/": lambda w: {"pk": w.a("interview").pk},
    "api/interviews/<int:pk>/ics/": lambda w: {"pk": w.a("interview").pk},
    "api/tasks/<str:task_id>/": lambda w: {"task_id": w.a("task").task_id},
    "api/portal/applications/<int:pk>/": lambda w: {"pk": w.a("application").pk},
    "api/portal/applications/<int:pk>/withdraw/": lambda w: {"pk": w.a("application").pk},
    "portal/<int:organization_id>/register/": lambda w: {"organization_id": w.orgs["A"].pk},
    "portal/jobs/<int:pk>/apply/": lambda w: {"pk": w.a("spare_job").pk},
    "portal/applications/<int:pk>/": lambda w: {"pk": w.a("application").pk},
    "portal/applications/<int:pk>/withdraw/": lambda w: {"pk": w.a("application").pk},
    "portal/applications/<int:pk>/messages/": lambda w: {"pk": w.a("application").pk},
    "portal/interviews/<int:pk>/respond/": lambda w: {"pk": w.a("interview").pk},
    "api/portal/interviews/<int:pk>/respond/": lambda w: {"pk": w.a("interview").pk},
}
ROUTES = {route.pattern: route for route in other_routes()}


def _methods(pattern: str) -> list[str]:
    return ROUTES[pattern].methods() or sorted(REST.get(pattern, {})) or ["GET"]


CELLS = [(pattern, method, role) for pattern in ROUTES for method in _methods(pattern) for role in ROLES]


def _url(world: World, pattern: str) -> str:
    route = ROUTES[pattern]
    kwargs = ARGS[pattern](world) if "<" in pattern else {}
    return reverse(route.name, kwargs=kwargs) if route.name else f"/{pattern}"


def _owners(label: str, world: World, keys: set[Any], key: str) -> set[str | None]:
    from accounts.admin_scoping import organization_id_of

    model_admin = registered_admins()[label]
    rows = model_admin.model._default_manager.filter(**{f"{key}__in": keys})
    return {world.org_key(organization_id_of(row, model_admin.organization_path)) for row in rows}


@pytest.mark.parametrize(("pattern", "method", "role"), CELLS, ids=["|".join(cell) for cell in CELLS])
def test_rest_route(db, world: World, pattern: str, method: str, role: str) -> None:
    if pattern not in REST or method not in REST[pattern]:
        pytest.fail(f"{method} {pattern} has no entry in REST: add its expected outcome for every role")
    if "<" in pattern and pattern not in ARGS:
        pytest.fail(f"{pattern} has no entry in ARGS: say which of A's rows its URL names")
    call = REST[pattern][method]
    expected = expectation(call.row, role)
    creates = call.creates and registered_admins()[call.creates].model
    before = set(creates._default_manager.values_list("pk", flat=True)) if creates else set()
    client = world.client_for(role)
    body = call.body(world, role) if call.body else None
    if method == "PATCH":
        response = client.patch(_url(world, pattern), body, content_type="application/json")
    elif method in ("POST", "PUT") and body is not None:
        response = getattr(client, method.lower())(_url(world, pattern), body)
    else:
        response = getattr(client, method.lower())(_url(world, pattern))

    assert response.status_code == expected, f"{role} {method} {pattern}: {response.status_code}, expected {expected}"
    own = ROLE_ORGANIZATION.get(role)
    if call.lists and response.status_code == 200:
        label, _, key = call.lists.partition(":")
        key = key or "id"
        shown = {item[key] for item in response.json()["results"]}
        assert _owners(label, world, shown, key) == {own}, f"{role} listed another organization's {label}"
        assert shown == {getattr(row, key) for row in _rows(label, world, own)}
    if creates:
        added = set(creates._default_manager.values_list("pk", flat=True)) - before
        if 200 <= response.status_code < 300:
            assert added and _owners(call.creates, world, added, "pk") == {own}, f"{role}'s new row is not in {own}"
        else:
            assert not added, f"{role}'s refused {method} {pattern} still created {added}"
    if call.check:
        call.check(world, role, response)


def _rows(label: str, world: World, organization: str | None) -> list[Any]:
    model = registered_admins()[label].model
    return list(model._default_manager.filter(pk__in=rows_for(label, world, organization or "none")))


def test_every_route_has_an_entry_and_no_entry_is_stale() -> None:
    missing = [f"{m} {p}" for p in ROUTES for m in _methods(p) if m not in REST.get(p, {})]
    missing += [f"ARGS[{p!r}]" for p in ROUTES if "<" in p and p not in ARGS]
    stale = [f"{m} {p}" for p, calls in REST.items() for m in calls if p not in ROUTES or m not in _methods(p)]
    stale += [f"ARGS[{p!r}]" for p in ARGS if p not in ROUTES]
    assert not missing, f"routes without an expected outcome: {missing}"
    assert not stale, f"table entries for routes or methods that no longer exist: {stale}"


def test_resume_download_names_only_the_file_of_the_callers_organization(db, world: World) -> None:
    url = reverse("resume-file", kwargs={"pk": world.rows["B"]["resume"].pk})

    mine = world.client_for("recruiter_b").get(url)
    theirs = world.client_for("recruiter_a").get(url)

    assert mine["X-Accel-Redirect"].endswith(world.rows["B"]["resume"].file.name)
    assert theirs.status_code == 404
    assert "X-Accel-Redirect" not in theirs
    assert pk_of(world.rows["B"]["resume"]) != pk_of(world.a("resume"))
