"""Resume upload over the REST API against real PostgreSQL: accepted files, refused files, and privacy."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from fixtures.make_resumes import make_blank_pdf, make_docx, make_text_pdf
from fixtures.storage import stored_files

from candidates.models import Candidate
from ingestion.services import NO_TEXT_MESSAGE, resume_parse
from realtime.models import TaskRecord

pytestmark = pytest.mark.django_db

PNG_BYTES = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + b"\x00" * 64


def upload(client, filename: str, data: bytes, **fields: str):  # type: ignore[no-untyped-def]
    return client.post("/api/candidates/", {"resume": SimpleUploadedFile(filename, data), **fields}, format="multipart")


def test_text_resume_is_stored_and_its_parsing_queued_after_commit(
    api_client, recruiter, private_media_root, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = upload(api_client, "ada.txt", b"Ada Lovelace\nPython and SQL for 5 years\n", name="Ada")

    assert response.status_code == 201, response.content
    body = response.json()
    assert body["name"] == "Ada"
    assert body["resume_kind"] == "txt"
    assert body["parse_status"] == "pending"
    candidate = Candidate.objects.get(pk=body["id"])
    assert candidate.organization_id == recruiter.organization_id
    assert candidate.resume_size == 40
    record = TaskRecord.objects.get(task_id=body["parse_task_id"])
    assert (record.kind, record.state, record.target_id) == ("parse_resume", "queued", candidate.pk)
    assert len(callbacks) == 1  # the message is published only once the row is committed
    assert len(stored_files(private_media_root)) == 1


@pytest.mark.parametrize(
    ("name", "data", "status", "code"),
    [
        ("photo.pdf", PNG_BYTES, 415, "unsupported_type"),
        ("empty.pdf", b"", 400, "empty_file"),
        ("blank.txt", b"   \n\n  ", 400, "empty_file"),
        (
            "program.docx",
            b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + bytes(range(256)) * 4,
            415,
            "unsupported_type",
        ),
    ],
)
def test_refused_upload_is_a_json_error_and_writes_nothing(api_client, private_media_root, name, data, status, code):
    response = upload(api_client, name, data)

    assert response.status_code == status, response.content
    assert response.json()["code"] == code
    assert response.json()["detail"]
    assert Candidate.objects.count() == 0
    assert TaskRecord.objects.count() == 0
    assert stored_files(private_media_root) == []


def test_oversized_upload_is_refused_with_the_limit_named(api_client, settings, private_media_root):
    settings.MAX_UPLOAD_BYTES = 1024 * 1024
    response = upload(api_client, "big.txt", b"a" * (1024 * 1024 + 1))

    assert response.status_code == 413
    assert response.json()["code"] == "too_large"
    assert "1 MB" in response.json()["detail"]
    assert Candidate.objects.count() == 0
    assert stored_files(private_media_root) == []


def test_upload_without_a_file_names_the_missing_field(api_client):
    response = api_client.post("/api/candidates/", {"name": "No File"}, format="multipart")

    assert response.status_code == 400
    assert response.json()["code"] == "invalid"
    assert "resume" in response.json()["errors"]


def test_type_comes_from_content_not_extension(api_client):
    response = upload(api_client, "resume.txt", make_text_pdf(["Grace Hopper", "COBOL compiler pioneer"]))

    assert response.status_code == 201
    assert response.json()["resume_kind"] == "pdf"


@pytest.mark.parametrize(
    ("name", "data", "expected_text"),
    [
        ("grace.pdf", make_text_pdf(["Grace Hopper", "Rear Admiral, COBOL"]), "Grace Hopper\nRear Admiral, COBOL"),
        ("alan.docx", make_docx(["Alan Turing", "Mathematician"]), "Alan Turing\nMathematician"),
        ("linus.txt", b"Linus Torvalds\r\nKernel hacker\r\n", "Linus Torvalds\nKernel hacker"),
    ],
)
def test_parsing_extracts_the_text(api_client, django_capture_on_commit_callbacks, name, data, expected_text):
    response = upload(api_client, name, data)
    candidate_id = response.json()["id"]

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        status = resume_parse(candidate_id=candidate_id)

    candidate = Candidate.objects.get(pk=candidate_id)
    assert status == "parsed"
    assert candidate.parse_status == "parsed"
    assert candidate.extracted_text == expected_text
    embedding_records = TaskRecord.objects.filter(kind="embed_candidate", target_id=candidate_id)
    assert embedding_records.count() == 1  # new text queues an embedding, through the model signal
    assert len(callbacks) == 1


def test_pdf_without_text_is_recorded_as_such_and_never_invented(api_client, django_capture_on_commit_callbacks):
    candidate_id = upload(api_client, "scan.pdf", make_blank_pdf()).json()["id"]

    with django_capture_on_commit_callbacks(execute=False):
        status = resume_parse(candidate_id=candidate_id)

    candidate = Candidate.objects.get(pk=candidate_id)
    assert status == "no_text"
    assert candidate.parse_status == "no_text"
    assert candidate.extracted_text == ""
    assert candidate.parse_error == NO_TEXT_MESSAGE
    assert not TaskRecord.objects.filter(kind="embed_candidate").exists()


def test_corrupt_pdf_fails_with_a_readable_reason(api_client):
    truncated = make_text_pdf(["Someone"])[:60]
    response = upload(api_client, "broken.pdf", truncated)
    if response.status_code != 201:  # refused at the door is fine too, as long as it says why
        assert response.json()["code"] in {"corrupt", "unsupported_type"}
        return
    status = resume_parse(candidate_id=response.json()["id"])
    candidate = Candidate.objects.get(pk=response.json()["id"])
    assert status == "failed"
    assert candidate.parse_error


def test_resume_download_is_authorised_and_sent_by_nginx(api_client, recruiter):
    candidate_id = upload(api_client, "ada.txt", b"Ada Lovelace\n").json()["id"]
    candidate = Candidate.objects.get(pk=candidate_id)

    response = api_client.get(f"/api/candidates/{candidate_id}/resume/")

    assert response.status_code == 200
    assert response["X-Accel-Redirect"] == f"/protected-media/{candidate.resume_file.name}"
    assert response["Content-Disposition"] == 'attachment; filename="ada.txt"'


def test_another_organization_cannot_see_or_download(api_client, db):
    from rest_framework.test import APIClient

    from accounts.models import Organization
    from accounts.services import recruiter_create

    candidate_id = upload(api_client, "ada.txt", b"Ada Lovelace\n").json()["id"]
    outsider = recruiter_create(
        username="oscar", password="oscar-password-1", organization=Organization.objects.create(name="Other Co")
    )
    other_client = APIClient()
    other_client.force_authenticate(outsider)

    assert other_client.get(f"/api/candidates/{candidate_id}/").status_code == 404
    assert other_client.get(f"/api/candidates/{candidate_id}/resume/").status_code == 404
    assert other_client.get("/api/candidates/").json()["count"] == 0


def test_anonymous_requests_are_refused(client):
    response = client.get("/api/candidates/")

    assert response.status_code == 401
    assert response.json()["code"] == "not_authenticated"


def test_media_is_not_served_by_django_at_a_public_url(api_client, client):
    candidate = Candidate.objects.get(pk=upload(api_client, "ada.txt", b"Ada Lovelace\n").json()["id"])

    assert client.get(f"/media/{candidate.resume_file.name}").status_code == 404
    assert io.BytesIO(candidate.resume_file.open("rb").read()).read() == b"Ada Lovelace\n"
