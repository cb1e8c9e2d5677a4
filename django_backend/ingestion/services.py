"""Turning an uploaded resume file into text: checks before anything is stored, extraction in the worker."""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile

from candidates.models import Candidate
from recruitment_core.extraction import ExtractionError, check_upload, extract_text

logger = logging.getLogger(__name__)

NO_TEXT_MESSAGE = (
    "No text could be extracted from this file: it has no text layer (a scanned image?). "
    "Nothing was invented in its place."
)


def resume_upload_read(uploaded: UploadedFile) -> tuple[bytes, str]:
    """Read an upload within the size limit and detect its type from the content.

    Raises ExtractionError with a message a recruiter can act on; nothing has been written at that point.
    """
    limit = settings.MAX_UPLOAD_BYTES
    if uploaded.size is not None and uploaded.size > limit:
        raise ExtractionError("too_large", f"The file is larger than the {limit / 1024 / 1024:g} MB limit.")
    data = uploaded.read(limit + 1)
    kind = check_upload(data, max_bytes=limit)
    return data, kind


def resume_parse(*, candidate_id: int) -> str:
    """Extract the candidate's resume text and record the outcome. Returns the resulting parse status.

    Safe to run twice: it re-reads the stored file and writes the same result.
    """
    candidate = Candidate.objects.filter(pk=candidate_id).first()
    if candidate is None or not candidate.resume_file:
        return "missing"
    Candidate.objects.filter(pk=candidate_id).update(parse_status=Candidate.ParseStatus.PARSING)
    try:
        with candidate.resume_file.open("rb") as stored:
            data = stored.read(settings.MAX_UPLOAD_BYTES + 1)
        extracted = extract_text(data, candidate.resume_kind)
    except ExtractionError as error:
        candidate.parse_status = Candidate.ParseStatus.FAILED
        candidate.parse_error = str(error)
        candidate.save(update_fields=["parse_status", "parse_error", "updated_at"])
        return candidate.parse_status
    except OSError as error:
        candidate.parse_status = Candidate.ParseStatus.FAILED
        candidate.parse_error = f"The stored resume file could not be read: {error}"
        candidate.save(update_fields=["parse_status", "parse_error", "updated_at"])
        return candidate.parse_status

    if extracted.text.strip():
        candidate.extracted_text = extracted.text
        candidate.parse_status = Candidate.ParseStatus.PARSED
        candidate.parse_error = ""
    else:
        candidate.extracted_text = ""
        candidate.parse_status = Candidate.ParseStatus.NO_TEXT
        candidate.parse_error = NO_TEXT_MESSAGE
    # save() so the embedding signal sees the new text.
    candidate.save(update_fields=["extracted_text", "parse_status", "parse_error", "updated_at"])
    return candidate.parse_status
