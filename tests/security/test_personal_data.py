"""Personal data against real PostgreSQL, the real parser, embedding model and AI service: a candidate's export
holds everything stored about them, and their deletion leaves nothing behind in any table, file or log."""

from __future__ import annotations

import base64
import dataclasses
import io
import json
import logging
import zipfile
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from fixtures.ai_server import API_KEY, running_ai_service
from fixtures.make_resumes import make_text_pdf
from fixtures.storage import stored_files
from rest_framework.test import APIClient

from accounts.models import Organization
from accounts.services import recruiter_create
from applications.models import Application
from applications.services import application_analyze, application_create
from audit.models import AuditEvent
from candidates.models import Candidate, ResumeVersion
from candidates.privacy import candidate_delete, candidates_retention_delete
from candidates.self_service import candidate_register, candidate_self_erase
from ingestion.feeding import import_feed_batch
from ingestion.models import ImportBatch, ImportItem
from ingestion.services import import_expand, resume_parse
from interviews.models import Interview
from interviews.services import interview_reschedule, interview_schedule
from jobs.models import JobPosting
from jobs.services import job_create
from matching.models import CandidateStatements, ExperienceEmbedding, MatchScore, SkillPosting
from matching.rerank import candidate_rerank
from matching.services import candidate_embed, job_embed
from realtime.dead_letters import DeadLetterFailure, dead_letter_record
from realtime.models import DeadLetter, TaskRecord

pytestmark = pytest.mark.django_db

NAME = "Zephyrine Quillfeather"
SURNAME = "quillfeather"  # file names carry it in lower case
EMAIL = "zephyrine.quillfeather@example.org"
SENTENCE = "Forecasted tidal currents for the Orkney wave farm with Python"
RESUME_2024 = f"""{NAME}
{EMAIL} | +44 20 7946 0321 | Kirkwall, United Kingdom

Experience
Data Engineer, Northwind Energy, Jan 2019 - Present
{SENTENCE}.
Built Django services on PostgreSQL.

Education
B.Sc. Mathematics, University of Edinburgh, 2018
"""
RESUME_2025_LINES = [NAME, EMAIL, "Experience", "Senior Data Engineer, Northwind Energy, 2019 - Present", SENTENCE]
JOB = """We are hiring a data engineer in Kirkwall.
Requirements
- 3+ years of Python and Django
- PostgreSQL in production
"""
MARKERS = [NAME, EMAIL, SENTENCE, SURNAME]


@pytest.fixture
def media_root(settings, tmp_path):  # type: ignore[no-untyped-def]
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.USE_X_ACCEL_REDIRECT = False  # the view streams the file itself: its bytes are what is checked
    return settings.MEDIA_ROOT


@pytest.fixture
def ai_service_url():  # type: ignore[no-untyped-def]
    with running_ai_service() as url:
        yield url


def _client(user) -> APIClient:  # type: ignore[no-untyped-def]
    client = APIClient()
    client.force_authenticate(user)
    return client


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _candidate_through_every_path(api_client, organization, recruiter, capture, ai_service_url, settings):  # type: ignore[no-untyped-def]
    """Two resume versions (an upload and a ZIP import), parsed; an embedding; an analysed application; a score."""
    with capture(execute=False):
        upload = api_client.post(
            "/api/resumes/",
            {"resume": SimpleUploadedFile("zephyrine-quillfeather-2024.txt", RESUME_2024.encode()), "email": EMAIL},
            format="multipart",
        )
        assert upload.status_code == 202, upload.content
        assert resume_parse(resume_id=upload.json()["id"]) == "parsed"
        # A batch's name is the recruiter's label for many people's files: it is kept when one of them is erased.
        archive = _zip({"cvs/zephyrine-quillfeather-2025.pdf": make_text_pdf(RESUME_2025_LINES)})
        imported = api_client.post(
            "/api/imports/", {"archive": SimpleUploadedFile("batch-2025.zip", archive)}, format="multipart"
        )
        assert imported.status_code == 202, imported.content
        assert import_expand(batch_id=imported.json()["id"]) == "processing"
        assert import_feed_batch(batch_id=imported.json()["id"]) == 1  # as import_archive_task does
        second = ImportItem.objects.get().resume
        assert resume_parse(resume_id=second.pk) == "parsed"
        candidate = Candidate.objects.get(email=EMAIL)
        assert candidate_embed(candidate_id=candidate.pk) is True
        job = job_create(organization=organization, title="Data Engineer", description=JOB, location="Kirkwall")
        job_embed(job_id=job.pk)
        application = application_create(candidate=candidate, job=job, actor=recruiter)
    settings.AI_SERVICE_URL, settings.AI_SERVICE_API_KEY = ai_service_url, API_KEY
    assert application_analyze(application_id=application.pk) == "done"
    candidate_rerank(candidate_id=candidate.pk)  # stores the candidate's score for the job, as the re-rank task does
    return Candidate.objects.get(pk=candidate.pk), application


def _rows_naming_the_person() -> dict[str, list[str]]:
    """Every row of every table whose text contains one of the markers (case-insensitive)."""
    found: dict[str, list[str]] = {}
    patterns = [f"%{marker}%" for marker in MARKERS]
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            quoted = connection.ops.quote_name(table)
            query = f"SELECT t::text FROM {quoted} t WHERE t::text ILIKE ANY(%s)"  # noqa: S608 (a quoted table name)
            cursor.execute(query, [patterns])
            rows = [row[0][:200] for row in cursor.fetchall()]
            if rows:
                found[table] = rows
    return found


def _files_naming_the_person(root: Path) -> list[str]:
    hits = []
    for path in (p for p in Path(root).rglob("*") if p.is_file()):
        content = path.read_bytes().lower()
        if SURNAME in path.name.lower() or any(marker.lower().encode() in content for marker in MARKERS):
            hits.append(str(path))
    return hits


def test_export_holds_everything_and_deletion_leaves_nothing(
    api_client,
    organization,
    recruiter,
    media_root,
    caplog,
    settings,
    ai_service_url,
    django_capture_on_commit_callbacks,
):
    caplog.set_level(logging.DEBUG)
    candidate, application = _candidate_through_every_path(
        api_client, organization, recruiter, django_capture_on_commit_callbacks, ai_service_url, settings
    )
    resumes = list(ResumeVersion.objects.filter(candidate=candidate).order_by("pk"))
    assert len(resumes) == 2
    assert candidate.name == NAME
    assert SENTENCE in candidate.extracted_text
    assert candidate.embedding is not None
    assert application.pk and Application.objects.get(pk=application.pk).ai_feedback
    assert MatchScore.objects.filter(candidate=candidate).count() == 1
    assert SkillPosting.objects.filter(candidate=candidate).exists()
    assert ExperienceEmbedding.objects.filter(candidate=candidate).exists()
    # What a failed task and the admin leave behind: a dead letter naming the resume, an admin log entry and an
    # audit event written before targets were recorded by id, both labelled with the candidate's name.
    dead = DeadLetterFailure(
        task_name="ingestion.tasks.parse_resume_task",
        task_id="dead-parse-1",
        args=[resumes[0].pk],
        kwargs={},
        queue="medium_priority",
        error=f"ValueError: could not read {SENTENCE!r}",
        traceback="",
        attempts=6,
        root_id=None,
        parent_id=None,
    )
    dead_letter_record(dead)
    unrelated = dead_letter_record(
        dataclasses.replace(dead, task_id="dead-parse-2", args=[resumes[-1].pk + 1000], error="ValueError: another")
    )
    LogEntry.objects.create(
        user=recruiter,
        content_type=ContentType.objects.get_for_model(Candidate),
        object_id=str(candidate.pk),
        object_repr=str(candidate),
        action_flag=CHANGE,
        change_message="[]",
    )
    legacy = AuditEvent.objects.create(
        organization=organization, actor=recruiter, action="application.created", target_label=str(application)
    )

    # Reads of personal data are logged, by id.
    assert api_client.get(f"/api/candidates/{candidate.pk}/").status_code == 200
    download = api_client.get(f"/api/resumes/{resumes[0].pk}/file/")
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == RESUME_2024.encode()

    # --- export ---
    response = api_client.get(f"/api/candidates/{candidate.pk}/export/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert response["Content-Disposition"] == f'attachment; filename="candidate-{candidate.pk}.zip"'
    bundle = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    paths = {resume.pk: f"files/{resume.pk}/{resume.filename}" for resume in resumes}
    assert sorted(bundle.namelist()) == sorted(["candidate.json", *paths.values()])
    for resume in resumes:
        with resume.file.open("rb") as stored:
            assert bundle.read(paths[resume.pk]) == stored.read()
    document = json.loads(bundle.read("candidate.json"))

    candidate_fields = {f.name for f in Candidate._meta.get_fields() if f.concrete}
    resume_fields = {f.name for f in ResumeVersion._meta.get_fields() if f.concrete}
    assert set(document["candidate"]) == candidate_fields
    assert [set(version) for version in document["resume_versions"]] == [resume_fields, resume_fields]
    exported = document["candidate"]
    assert (exported["id"], exported["name"], exported["email"], exported["phone"]) == (
        candidate.pk,
        NAME,
        EMAIL,
        candidate.phone,
    )
    assert exported["emails"] == candidate.emails
    assert exported["extracted_text"] == candidate.extracted_text
    assert exported["profile"] == candidate.profile
    assert exported["match_features"] == candidate.match_features
    assert exported["embedding"] == pytest.approx([float(value) for value in candidate.embedding], abs=1e-6)
    assert len(exported["embedding"]) == 384
    assert "quillfeath" in exported["search_vector"]
    assert exported["current_resume"] == resumes[-1].pk
    for version, resume in zip(document["resume_versions"], resumes, strict=True):
        assert (version["id"], version["filename"], version["file"]) == (resume.pk, resume.filename, resume.file.name)
        assert version["extracted_text"] == resume.extracted_text
        assert version["parsed"] == resume.parsed
        assert version["given_details"] == resume.given_details
    assert document["resume_versions"][0]["given_details"] == {"email": EMAIL}
    assert document["files"] == [
        {"resume_version": resume.pk, "path": paths[resume.pk], "missing": False} for resume in resumes
    ]
    stored_application = Application.objects.get(pk=application.pk)
    [exported_application] = document["related"]["applications.application"]
    assert set(exported_application) == {f.name for f in Application._meta.concrete_fields}
    assert exported_application["ai_feedback"] == stored_application.ai_feedback
    assert exported_application["ai_score"] == stored_application.ai_score
    [score] = document["related"]["matching.matchscore"]
    assert score["score"] == MatchScore.objects.get(candidate=candidate).score
    [experience] = document["related"]["matching.experienceembedding"]
    assert experience["text_sha256"] == ExperienceEmbedding.objects.get(candidate=candidate).text_sha256
    [statements] = document["related"]["matching.candidatestatements"]
    stored_statements = CandidateStatements.objects.get(candidate=candidate)
    assert base64.b64decode(statements["vectors"]["base64"]) == bytes(stored_statements.vectors)
    assert statements["count"] == stored_statements.count > 0
    [entered] = document["related"]["applications.stagechange"]  # the stage history is the person's data too
    assert (entered["application"], entered["to_stage"]) == (application.pk, "applied")
    [run] = document["related"]["applications.applicationanalysis"]  # each AI screening run, quotes and all
    assert (run["application"], run["result"]) == (application.pk, stored_application.ai_feedback)
    assert sorted(document["related"]) == [
        "applications.application",
        "applications.applicationanalysis",
        "applications.stagechange",
        "matching.candidatestatements",
        "matching.experienceembedding",
        "matching.matchscore",
        "notifications.emailnotification",
    ]
    # The email that told the recruiter the screening was ready names the candidate: it is theirs too.
    [email] = document["related"]["notifications.emailnotification"]
    assert (email["kind"], email["application"]) == ("analysis_ready", application.pk)
    assert [item["filename"] for item in document["import_items"]] == ["cvs/zephyrine-quillfeather-2025.pdf"]
    assert {(record["kind"], record["target_id"]) for record in document["task_records"]} >= {
        ("parse_resume", resumes[0].pk),
        ("parse_resume", resumes[1].pk),
        ("analyze_application", application.pk),
    }
    assert [letter["task_id"] for letter in document["dead_letters"]] == ["dead-parse-1"]
    assert {event["action"] for event in document["audit_events"]} == {
        "application.analyzed",
        "application.created",
        "candidate.viewed",
        "resume.downloaded",
    }

    # --- another organization can neither read, export nor delete ---
    outsider = _client(
        recruiter_create(username="oz", password="oz-password-1", organization=Organization.objects.create(name="B"))
    )
    for method, url in (
        ("get", f"/api/candidates/{candidate.pk}/"),
        ("get", f"/api/candidates/{candidate.pk}/export/"),
        ("delete", f"/api/candidates/{candidate.pk}/"),
        ("get", f"/api/resumes/{resumes[0].pk}/file/"),
    ):
        assert getattr(outsider, method)(url).status_code == 404, url
    assert Candidate.objects.filter(pk=candidate.pk).exists()

    # --- deletion ---
    assert _rows_naming_the_person(), "the search finds the person before the deletion"
    with django_capture_on_commit_callbacks(execute=True):
        response = api_client.delete(f"/api/candidates/{candidate.pk}/")
    assert response.status_code == 204

    assert _rows_naming_the_person() == {}
    assert stored_files(media_root) == [], "resume files and the import archive are gone"
    assert _files_naming_the_person(media_root) == []
    if Path(django_settings.LOG_DIR).exists():
        assert _files_naming_the_person(django_settings.LOG_DIR) == []
    logged = "\n".join(str(record.__dict__) for record in caplog.records).lower()
    assert [marker for marker in MARKERS if marker.lower() in logged] == []

    assert api_client.delete(f"/api/candidates/{candidate.pk}/").status_code == 404
    assert api_client.get(f"/api/candidates/{candidate.pk}/").status_code == 404
    for resume in resumes:
        assert api_client.get(f"/api/resumes/{resume.pk}/file/").status_code == 404
        assert api_client.get(f"/api/resumes/{resume.pk}/").status_code == 404
    assert not Application.objects.filter(pk=application.pk).exists()
    assert not MatchScore.objects.exists()
    assert not ExperienceEmbedding.objects.filter(candidate_id=candidate.pk).exists()
    assert not CandidateStatements.objects.filter(candidate_id=candidate.pk).exists()
    assert not SkillPosting.objects.filter(candidate_id=candidate.pk).exists()
    assert list(DeadLetter.objects.values_list("task_id", flat=True)) == [unrelated.task_id]
    resume_type = ContentType.objects.get_for_model(ResumeVersion)
    assert not TaskRecord.objects.filter(target_type=resume_type, target_id__in=[r.pk for r in resumes]).exists()
    item = ImportItem.objects.get()
    assert (item.resume_id, item.filename, item.error, item.status) == (None, "", "", "parsed")
    assert ImportBatch.objects.get().archive.name == ""
    deleted = AuditEvent.objects.get(action="candidate.deleted")
    assert (deleted.organization_id, deleted.actor_id, deleted.target_type, deleted.target_id) == (
        organization.pk,
        recruiter.pk,
        "candidates.candidate",
        candidate.pk,
    )
    assert deleted.target_label == f"candidates.candidate #{candidate.pk}"
    assert deleted.data == {"reason": "request", "resume_versions": 2, "applications": 1}
    assert LogEntry.objects.get().object_repr == f"candidates.candidate #{candidate.pk}"
    legacy.refresh_from_db()
    assert (legacy.target_type, legacy.target_id) == ("applications.application", application.pk)
    assert legacy.target_label == f"applications.application #{application.pk}"


def test_audit_entries_name_ids_only(
    api_client, organization, recruiter, media_root, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False):
        upload = api_client.post(
            "/api/resumes/",
            {"resume": SimpleUploadedFile("zq.txt", RESUME_2024.encode())},
            format="multipart",
        )
        resume_parse(resume_id=upload.json()["id"])
    candidate = Candidate.objects.get()

    assert api_client.get(f"/api/candidates/{candidate.pk}/").status_code == 200
    assert api_client.get(f"/api/resumes/{upload.json()['id']}/file/").status_code == 200
    assert api_client.get(f"/api/candidates/{candidate.pk}/export/").status_code == 200

    events = list(
        AuditEvent.objects.order_by("pk").values_list(
            "action", "actor_id", "organization_id", "target_type", "target_id", "target_label", "data"
        )
    )
    assert events == [
        (
            "candidate.viewed",
            recruiter.pk,
            organization.pk,
            "candidates.candidate",
            candidate.pk,
            f"candidates.candidate #{candidate.pk}",
            {},
        ),
        (
            "resume.downloaded",
            recruiter.pk,
            organization.pk,
            "candidates.resumeversion",
            upload.json()["id"],
            f"candidates.resumeversion #{upload.json()['id']}",
            {"candidate": candidate.pk},
        ),
        (
            "candidate.exported",
            recruiter.pk,
            organization.pk,
            "candidates.candidate",
            candidate.pk,
            f"candidates.candidate #{candidate.pk}",
            {"resume_versions": 1},
        ),
    ]


def test_candidate_view_writes_one_insert_and_nothing_else(api_client, organization):
    candidate = Candidate.objects.create(organization=organization, name=NAME, email=EMAIL)
    with CaptureQueriesContext(connection) as queries:
        assert api_client.get(f"/api/candidates/{candidate.pk}/").status_code == 200
    writes = [q["sql"].split()[0] for q in queries.captured_queries if not q["sql"].startswith("SELECT")]
    assert writes == ["INSERT"]
    assert AuditEvent.objects.filter(action="candidate.viewed").count() == 1


def test_deleting_with_a_file_already_gone_succeeds(
    api_client, organization, media_root, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False):
        upload = api_client.post(
            "/api/resumes/", {"resume": SimpleUploadedFile("zq.txt", RESUME_2024.encode())}, format="multipart"
        )
        resume_parse(resume_id=upload.json()["id"])
    candidate = Candidate.objects.get()
    resume = ResumeVersion.objects.get()
    resume.file.storage.delete(resume.file.name)

    export = api_client.get(f"/api/candidates/{candidate.pk}/export/")
    document = json.loads(zipfile.ZipFile(io.BytesIO(b"".join(export.streaming_content))).read("candidate.json"))
    assert document["files"] == [{"resume_version": resume.pk, "path": None, "missing": True}]
    with django_capture_on_commit_callbacks(execute=True):
        assert api_client.delete(f"/api/candidates/{candidate.pk}/").status_code == 204
    assert not ResumeVersion.objects.exists()
    assert stored_files(media_root) == []


def test_audit_events_are_append_only(organization):
    from audit.models import AuditEventAppendOnly
    from audit.services import audit_record

    event = audit_record(action="candidate.viewed", organization=organization, target=organization)
    event.action = "something.else"
    with pytest.raises(AuditEventAppendOnly):
        event.save()
    with pytest.raises(AuditEventAppendOnly):
        event.delete()
    assert AuditEvent.objects.get().action == "candidate.viewed"


@pytest.mark.parametrize("erasure", ["request", "candidate_request", "retention", "application", "interview"])
def test_erasure_deletes_the_interview_calendar_files(
    erasure, organization, recruiter, media_root, settings, django_capture_on_commit_callbacks
):
    """The calendar files emailed with an interview's invitations name the candidate: they go with the candidate,
    the application or the interview, every version of them, the cancellation sent to a removed interviewer too."""
    settings.CANDIDATE_RETENTION_DAYS = 30
    colleague = recruiter_create(username="olaf", password="olaf-password-1", organization=organization)
    for person, address in ((recruiter, "rita@acme.example"), (colleague, "olaf@acme.example")):
        person.email = address
        person.save()
    with django_capture_on_commit_callbacks(execute=False):
        candidate = candidate_register(organization=organization, email=EMAIL, password="tidal-currents-9")
        Candidate.objects.filter(pk=candidate.pk).update(name=NAME)
        job = JobPosting.objects.create(organization=organization, title="Data Engineer", description=JOB)
        application = Application.objects.create(candidate=candidate, job=job, status="interviewing")
        start = datetime(timezone.now().year + 1, 3, 2, 10, 0)
        interview = interview_schedule(
            application=application,
            starts_at=start,
            ends_at=start + timedelta(hours=1),
            timezone_name="Europe/London",
            interviewers=[recruiter, colleague],
            kind="phone",
            by=recruiter,
        )
        interview = interview_reschedule(interview=interview, by=recruiter, interviewers=[recruiter])
    calendar_files = [f"notifications/interviews/{interview.pk}-{version}.ics" for version in ("0", "1", "1-removed")]
    assert stored_files(media_root) == sorted(calendar_files)
    assert len(_files_naming_the_person(media_root)) == 2  # the removed interviewer's copy leaves the candidate out

    with django_capture_on_commit_callbacks(execute=True):
        if erasure == "request":
            assert candidate_delete(candidate=candidate, actor=recruiter)
        elif erasure == "candidate_request":
            assert candidate_self_erase(candidate=candidate, user=candidate.account)
        elif erasure == "retention":
            later = interview.ends_at + timedelta(days=31)
            assert candidates_retention_delete(now=later) == [candidate.pk]
        elif erasure == "application":
            application.delete()
        else:
            interview.delete()

    assert stored_files(media_root) == []
    assert not Interview.objects.filter(pk=interview.pk).exists()
    assert Candidate.objects.filter(pk=candidate.pk).exists() == (erasure in {"application", "interview"})


def test_a_rolled_back_deletion_keeps_the_interview_calendar_files(
    organization, recruiter, media_root, django_capture_on_commit_callbacks
):
    recruiter.email = "rita@acme.example"
    recruiter.save()
    candidate = Candidate.objects.create(organization=organization, name=NAME, email=EMAIL)
    job = JobPosting.objects.create(organization=organization, title="Data Engineer", description=JOB)
    with django_capture_on_commit_callbacks(execute=False):
        application = Application.objects.create(candidate=candidate, job=job, status="interviewing")
        start = datetime(timezone.now().year + 1, 3, 2, 10, 0)
        interview = interview_schedule(
            application=application,
            starts_at=start,
            ends_at=start + timedelta(hours=1),
            timezone_name="Europe/London",
            interviewers=[recruiter],
            kind="phone",
            by=recruiter,
        )

    kept = [f"notifications/interviews/{interview.pk}-0.ics"]
    assert stored_files(media_root) == kept

    with django_capture_on_commit_callbacks(execute=True), pytest.raises(RuntimeError), transaction.atomic():
        Interview.objects.filter(pk=interview.pk).delete()
        raise RuntimeError("the deletion fails after the row is gone")

    assert Interview.objects.filter(pk=interview.pk).exists()
    assert stored_files(media_root) == kept
