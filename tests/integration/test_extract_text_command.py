"""`manage.py extract_text FILE... --jsonl`: the text of each file exactly as parsing stores it, or the reason it
has none; and `parse_resume` reads files the same way (ingestion.reading)."""

from __future__ import annotations

import io
import json
from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from fixtures.make_resumes import make_docx, make_text_pdf

from candidates.models import ResumeVersion
from ingestion.services import resume_parse

RESUME_LINES = [
    "Dana Whitfield",
    "dana.whitfield@example.org | (555) 014-2278",
    "Registered Nurse",
    "Experience",
    "Charge Nurse, Mercy General Hospital, 03/2016 - Present",
    "Led a team of 12 nurses on a 30-bed surgical unit.",
]


def run(command: str, *files: Path) -> list[dict[str, str]]:
    out = io.StringIO()
    call_command(command, *map(str, files), "--jsonl", stdout=out)
    return [json.loads(line) for line in out.getvalue().splitlines()]


def test_each_file_gets_its_text_or_its_reason_one_line_each(tmp_path: Path) -> None:
    docx = tmp_path / "dana.docx"
    docx.write_bytes(make_docx(RESUME_LINES))
    html = tmp_path / "page.pdf"
    html.write_bytes(b"<!DOCTYPE html><html><body><p>Dana Whitfield</p></body></html>")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    missing = tmp_path / "missing.pdf"

    lines = run("extract_text", docx, html, empty, missing)

    assert [line["file"] for line in lines] == [str(docx), str(html), str(empty), str(missing)]
    assert lines[0]["text"].splitlines()[:3] == RESUME_LINES[:3]
    assert "error" not in lines[0]
    assert lines[1]["error"].startswith("unsupported_type: ")
    assert lines[2]["error"].startswith("empty_file: ")
    assert lines[3]["error"].startswith("unreadable: ")
    assert all(set(line) in ({"file", "text"}, {"file", "error"}) for line in lines)


def test_the_text_is_what_parsing_stores(tmp_path: Path, api_client, django_capture_on_commit_callbacks) -> None:
    data = make_text_pdf(RESUME_LINES)
    path = tmp_path / "dana.pdf"
    path.write_bytes(data)
    with django_capture_on_commit_callbacks(execute=False):
        response = api_client.post(
            "/api/resumes/", {"resume": SimpleUploadedFile("dana.pdf", data)}, format="multipart"
        )
        assert response.status_code == 202, response.content
        resume_parse(resume_id=response.json()["id"])
    stored = ResumeVersion.objects.get(pk=response.json()["id"])

    [line] = run("extract_text", path)
    [parsed] = run("parse_resume", path)

    assert stored.parse_status == "parsed"
    assert line == {"file": str(path), "text": stored.extracted_text}
    assert (parsed["name"], parsed["emails"]) == (stored.candidate.name, [stored.candidate.email])
