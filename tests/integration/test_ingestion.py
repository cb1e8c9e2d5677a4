"""Parsing stored resumes into candidates, recognising the same person, and bulk import of archives."""

from __future__ import annotations

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from fixtures.make_resumes import make_blank_pdf, make_docx, make_text_pdf
from fixtures.storage import stored_files

from candidates.models import Candidate, ResumeVersion
from ingestion.feeding import import_feed_batch
from ingestion.models import ImportBatch, ImportItem
from ingestion.services import NO_TEXT_MESSAGE, import_expand, resume_intake, resume_parse
from realtime.models import TaskRecord

pytestmark = pytest.mark.django_db

MARIA_2023 = """Maria Garcia
maria.garcia@example.com | (415) 555-0100 | San Francisco, CA

Experience
Backend Engineer, Finch Payments, Jan 2019 - Present
Built Python and Django services on PostgreSQL.

Education
B.S. Computer Science, University of California, Berkeley, 2018
"""
MARIA_2026 = MARIA_2023.replace("Backend Engineer", "Staff Engineer") + "\nSkills: Kubernetes, Go\n"


@pytest.fixture
def intake(organization, django_capture_on_commit_callbacks):  # type: ignore[no-untyped-def]
    """Store a resume as the upload would, without publishing its parse task (the test runs it)."""

    def store(filename: str, data: bytes, kind: str, **given: str) -> ResumeVersion:
        with django_capture_on_commit_callbacks(execute=False):
            return resume_intake(
                organization=organization, filename=filename, data=data, kind=kind, given_details=given
            ).resume

    return store


def parse(resume: ResumeVersion, django_capture_on_commit_callbacks) -> str:  # type: ignore[no-untyped-def]
    with django_capture_on_commit_callbacks(execute=False):
        return resume_parse(resume_id=resume.pk)


def test_parsed_resume_becomes_a_candidate_with_a_profile(intake, django_capture_on_commit_callbacks):
    resume = intake("maria.txt", MARIA_2023.encode(), "txt")

    assert parse(resume, django_capture_on_commit_callbacks) == "parsed"

    resume.refresh_from_db()
    candidate = resume.candidate
    assert candidate is not None
    assert (candidate.name, candidate.email, candidate.phone) == (
        "Maria Garcia",
        "maria.garcia@example.com",
        "+14155550100",
    )
    assert candidate.current_title == "Backend Engineer"
    assert {"Python", "Django", "PostgreSQL"} <= set(candidate.skills)
    assert candidate.current_resume_id == resume.pk
    assert candidate.extracted_text == resume.extracted_text
    assert candidate.profile["summary"]["employers"] == ["Finch Payments"]
    assert candidate.profile["education"][0]["degree_level"] == "bachelor"
    evidence = {item["name"]: item for item in candidate.profile["skills"]}
    assert evidence["Django"]["section"] == "experience"
    # new resume text reaches the embedding through the model signal
    assert TaskRecord.objects.filter(kind="embed_candidate", target_id=candidate.pk).count() == 1


def test_newer_resume_of_the_same_person_is_a_new_version(intake, django_capture_on_commit_callbacks):
    older = intake("maria-2023.txt", MARIA_2023.encode(), "txt")
    parse(older, django_capture_on_commit_callbacks)
    newer = intake("maria-2026.docx", make_docx(MARIA_2026.splitlines()), "docx")
    parse(newer, django_capture_on_commit_callbacks)

    assert Candidate.objects.count() == 1
    candidate = Candidate.objects.get()
    assert list(candidate.resume_versions.order_by("created_at").values_list("filename", flat=True)) == [
        "maria-2023.txt",
        "maria-2026.docx",
    ]
    assert candidate.current_resume_id == newer.pk
    assert candidate.current_title == "Staff Engineer"
    assert "Kubernetes" in candidate.skills


def test_same_phone_with_another_email_is_the_same_person(intake, django_capture_on_commit_callbacks):
    parse(intake("a.txt", MARIA_2023.encode(), "txt"), django_capture_on_commit_callbacks)
    other_email = MARIA_2026.replace("maria.garcia@example.com", "maria@garcia.dev")
    parse(intake("b.txt", other_email.encode(), "txt"), django_capture_on_commit_callbacks)

    candidate = Candidate.objects.get()
    assert set(candidate.emails) == {"maria.garcia@example.com", "maria@garcia.dev"}


def test_parsing_twice_changes_nothing(intake, django_capture_on_commit_callbacks):
    resume = intake("maria.txt", MARIA_2023.encode(), "txt")
    parse(resume, django_capture_on_commit_callbacks)
    first = Candidate.objects.values().get()

    parse(resume, django_capture_on_commit_callbacks)

    assert Candidate.objects.count() == 1
    second = Candidate.objects.values().get()
    assert {k: v for k, v in second.items() if k != "updated_at"} == {
        k: v for k, v in first.items() if k != "updated_at"
    }


def test_details_given_with_the_upload_win(intake, django_capture_on_commit_callbacks):
    resume = intake("maria.txt", MARIA_2023.encode(), "txt", name="María García-López", location="Oakland, CA")
    parse(resume, django_capture_on_commit_callbacks)

    candidate = Candidate.objects.get()
    assert (candidate.name, candidate.location) == ("María García-López", "Oakland, CA")


def test_pdf_without_text_is_recorded_as_such_and_never_invented(intake, django_capture_on_commit_callbacks):
    resume = intake("scan.pdf", make_blank_pdf(), "pdf")

    assert parse(resume, django_capture_on_commit_callbacks) == "no_text"

    resume.refresh_from_db()
    assert (resume.parse_status, resume.extracted_text, resume.parse_error) == ("no_text", "", NO_TEXT_MESSAGE)
    assert resume.candidate is None
    assert Candidate.objects.count() == 0


def test_corrupt_pdf_fails_with_a_readable_reason(intake, django_capture_on_commit_callbacks):
    resume = intake("broken.pdf", make_text_pdf(["Someone"])[:200], "pdf")

    assert parse(resume, django_capture_on_commit_callbacks) == "failed"

    resume.refresh_from_db()
    assert resume.parse_error
    assert Candidate.objects.count() == 0


# --- Bulk import -------------------------------------------------------------------------------------


def make_zip(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def person(number: int) -> bytes:
    return f"Person Number{number}\nperson{number}@example.com\nAccountant at Ledger & Co, 2015 - 2020\n".encode()


def test_import_turns_an_archive_into_one_parse_per_resume(api_client, django_capture_on_commit_callbacks):
    archive = make_zip(
        {
            "people/one.txt": person(1),
            "people/two.pdf": make_text_pdf(person(2).decode().splitlines()),
            "people/two-again.txt": person(1),  # the same file as one.txt
            "notes.gif": b"GIF89a" + b"\x00" * 40,
            "more.zip": make_zip({"x.txt": person(9)}),
        }
    )
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = api_client.post(
            "/api/imports/", {"archive": SimpleUploadedFile("batch.zip", archive)}, format="multipart"
        )
    assert response.status_code == 202, response.content
    assert len(callbacks) == 1
    batch_id = response.json()["id"]

    with django_capture_on_commit_callbacks(execute=False) as parse_callbacks:
        assert import_expand(batch_id=batch_id) == "processing"
        assert import_expand(batch_id=batch_id) == "processing"  # a redelivered expansion changes nothing
        assert len(parse_callbacks) == 0  # the files wait for the feeder
        assert import_feed_batch(batch_id=batch_id) == 2
        assert import_feed_batch(batch_id=batch_id) == 0  # both are in flight already
    assert len(parse_callbacks) == 2

    batch = ImportBatch.objects.get(pk=batch_id)
    assert (batch.total, batch.processed, batch.failed) == (5, 3, 2)
    statuses = dict(batch.items.values_list("filename", "status"))
    assert statuses == {
        "people/one.txt": "pending",
        "people/two.pdf": "pending",
        "people/two-again.txt": "duplicate",
        "notes.gif": "skipped",
        "more.zip": "skipped",
    }

    for resume in ResumeVersion.objects.all():
        parse(resume, django_capture_on_commit_callbacks)
        parse(resume, django_capture_on_commit_callbacks)  # redelivery must not count twice

    detail = api_client.get(f"/api/imports/{batch_id}/").json()
    assert (detail["state"], detail["total"], detail["processed"], detail["failed"], detail["percent"]) == (
        "done",
        5,
        5,
        2,
        100,
    )
    reasons = {item["filename"]: item["error"] for item in detail["items"] if item["status"] == "skipped"}
    assert reasons["more.zip"] == "Archives inside the archive are not opened; skipped."
    assert Candidate.objects.count() == 2


@pytest.mark.parametrize(
    ("files", "code"),
    [
        ({"bomb.txt": b"0" * (300 * 1024 * 1024)}, "zip_bomb"),
        ({"ok.txt": b"fine", "../../../../tmp/owned.txt": b"owned"}, "path_traversal"),
    ],
)
def test_dangerous_archives_are_refused_and_nothing_is_written(api_client, private_media_root, files, code):
    response = api_client.post(
        "/api/imports/", {"archive": SimpleUploadedFile("evil.zip", make_zip(files))}, format="multipart"
    )

    assert response.status_code == 400
    assert response.json()["code"] == code
    assert ImportBatch.objects.count() == 0
    assert ImportItem.objects.count() == 0
    assert stored_files(private_media_root) == []


def test_reparse_requeues_the_resume(api_client, intake, django_capture_on_commit_callbacks):
    resume = intake("maria.txt", MARIA_2023.encode(), "txt")

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = api_client.post(f"/api/resumes/{resume.pk}/reparse/")

    assert response.status_code == 202
    assert TaskRecord.objects.get(task_id=response.json()["parse_task_id"]).target_id == resume.pk
    assert len(callbacks) == 1


def test_worker_enforces_the_size_limit_too(intake, settings, django_capture_on_commit_callbacks):
    resume = intake("maria.txt", MARIA_2023.encode(), "txt")
    settings.MAX_UPLOAD_BYTES = 100  # lowered after the upload

    assert parse(resume, django_capture_on_commit_callbacks) == "failed"

    resume.refresh_from_db()
    assert "resumes can be at most" in resume.parse_error
    assert Candidate.objects.count() == 0


def test_candidate_admin_shows_the_profile_with_evidence(intake, recruiter, client, django_capture_on_commit_callbacks):
    parse(intake("maria.txt", MARIA_2023.encode(), "txt"), django_capture_on_commit_callbacks)
    candidate = Candidate.objects.get()
    client.force_login(recruiter)

    page = client.get(f"/admin/candidates/candidate/{candidate.pk}/change/").content.decode()

    assert "Skills and their evidence" in page
    assert "Built Python and Django services on PostgreSQL." in page
    assert "Finch Payments" in page
    assert "maria.txt" in page  # the resume versions inline
