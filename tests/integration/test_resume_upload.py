"""Resume upload over the REST API against real PostgreSQL: accepted files, refused files, and privacy."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from fixtures.make_resumes import make_text_pdf
from fixtures.storage import stored_files

from candidates.models import ResumeVersion
from realtime.models import TaskRecord

pytestmark = pytest.mark.django_db

GIF_BYTES = b"GIF89a" + b"\x00" * 64
ADA = b"Ada Lovelace\nada@example.com\nPython and SQL for 5 years\n"


def upload(client, filename: str, data: bytes, **fields: str):  # type: ignore[no-untyped-def]
    return client.post("/api/resumes/", {"resume": SimpleUploadedFile(filename, data), **fields}, format="multipart")


def test_resume_is_stored_and_its_parsing_queued_after_commit(
    api_client, recruiter, private_media_root, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = upload(api_client, "ada.txt", ADA, name="Ada")

    assert response.status_code == 202, response.content
    body = response.json()
    assert (body["kind"], body["parse_status"], body["candidate"], body["duplicate"]) == ("txt", "pending", None, False)
    resume = ResumeVersion.objects.get(pk=body["id"])
    assert resume.organization_id == recruiter.organization_id
    assert resume.size == len(ADA)
    assert resume.given_details == {"name": "Ada"}
    record = TaskRecord.objects.get(task_id=body["parse_task_id"])
    assert (record.kind, record.state, record.target_id) == ("parse_resume", "queued", resume.pk)
    assert len(callbacks) == 1  # the message is published only once the row is committed
    assert len(stored_files(private_media_root)) == 1


def test_the_same_file_twice_is_recognised(api_client, private_media_root, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):
        first = upload(api_client, "ada.txt", ADA)
        second = upload(api_client, "ada-copy.txt", ADA)

    assert second.status_code == 200
    assert (second.json()["id"], second.json()["duplicate"], second.json()["parse_task_id"]) == (
        first.json()["id"],
        True,
        None,
    )
    assert ResumeVersion.objects.count() == 1
    assert len(stored_files(private_media_root)) == 1


@pytest.mark.parametrize(
    ("name", "data", "status", "code"),
    [
        ("photo.pdf", GIF_BYTES, 415, "unsupported_type"),
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
    assert ResumeVersion.objects.count() == 0
    assert TaskRecord.objects.count() == 0
    assert stored_files(private_media_root) == []


def test_oversized_upload_is_refused_with_the_limit_named(api_client, settings, private_media_root):
    settings.MAX_UPLOAD_BYTES = 1024 * 1024
    response = upload(api_client, "big.txt", b"a" * (1024 * 1024 + 1))

    assert response.status_code == 413
    assert response.json()["code"] == "too_large"
    assert "1 MB" in response.json()["detail"]
    assert ResumeVersion.objects.count() == 0
    assert stored_files(private_media_root) == []


def test_upload_without_a_file_names_the_missing_field(api_client):
    response = api_client.post("/api/resumes/", {"name": "No File"}, format="multipart")

    assert response.status_code == 400
    assert response.json()["code"] == "invalid"
    assert "resume" in response.json()["errors"]


def test_type_comes_from_content_not_extension(api_client):
    response = upload(api_client, "resume.txt", make_text_pdf(["Grace Hopper", "COBOL compiler pioneer"]))

    assert response.status_code == 202
    assert response.json()["kind"] == "pdf"


def test_resume_download_is_authorised_and_sent_by_nginx(api_client):
    resume_id = upload(api_client, "ada.txt", ADA).json()["id"]
    resume = ResumeVersion.objects.get(pk=resume_id)

    response = api_client.get(f"/api/resumes/{resume_id}/file/")

    assert response.status_code == 200
    assert response["X-Accel-Redirect"] == f"/protected-media/{resume.file.name}"
    assert response["Content-Disposition"] == 'attachment; filename="ada.txt"'


def test_another_organization_cannot_see_or_download(api_client, db):
    from rest_framework.test import APIClient

    from accounts.models import Organization
    from accounts.services import recruiter_create

    resume_id = upload(api_client, "ada.txt", ADA).json()["id"]
    outsider = recruiter_create(
        username="oscar", password="oscar-password-1", organization=Organization.objects.create(name="Other Co")
    )
    other_client = APIClient()
    other_client.force_authenticate(outsider)

    assert other_client.get(f"/api/resumes/{resume_id}/").status_code == 404
    assert other_client.get(f"/api/resumes/{resume_id}/file/").status_code == 404
    assert other_client.post(f"/api/resumes/{resume_id}/reparse/").status_code == 404
    assert other_client.get("/api/resumes/").json()["count"] == 0


def test_anonymous_requests_are_refused(client):
    response = client.get("/api/resumes/")

    assert response.status_code == 401
    assert response.json()["code"] == "not_authenticated"


def test_media_is_not_served_by_django_at_a_public_url(api_client, client):
    resume = ResumeVersion.objects.get(pk=upload(api_client, "ada.txt", ADA).json()["id"])

    assert client.get(f"/media/{resume.file.name}").status_code == 404
    with resume.file.open("rb") as stored:
        assert stored.read() == ADA
