"""How a resume file becomes text and a parsed profile: the worker (ingestion.services.resume_parse) and the
offline commands (`parse_resume`, `extract_text`) go through these same two steps, with the same checks, sandbox
and caps, so what a command prints is what parsing sees."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from django.conf import settings

from recruitment_core.extraction import ExtractedText, ExtractionError, check_upload
from recruitment_core.limits import ResumeLimits
from recruitment_core.resume_parser import ParsedResume, parse_resume
from recruitment_core.sandbox import extract_text_limited
from recruitment_core.tools import ExternalTools


def resume_limits() -> ResumeLimits:
    """The caps per resume from the settings; extraction and parsing both apply them."""
    return ResumeLimits(
        max_pages=settings.RESUME_MAX_PAGES,
        max_chars=settings.RESUME_MAX_CHARS,
        max_work_entries=settings.RESUME_MAX_WORK_ENTRIES,
        max_education_entries=settings.RESUME_MAX_EDUCATION_ENTRIES,
        max_skill_evidence=settings.RESUME_MAX_SKILL_EVIDENCE,
        max_evidence_per_skill=settings.RESUME_MAX_EVIDENCE_PER_SKILL,
        max_emails=settings.RESUME_MAX_EMAILS,
        max_links=settings.RESUME_MAX_LINKS,
    )


def external_tools() -> ExternalTools:
    """The programs extraction runs (OCR, legacy Word), from the settings."""
    return ExternalTools(
        tesseract_cmd=settings.TESSERACT_CMD,
        tesseract_languages=settings.TESSERACT_LANGUAGES,
        antiword_cmd=settings.ANTIWORD_CMD,
    )


def resume_text_read(data: bytes, *, kind: str | None = None) -> ExtractedText:
    """The text of a resume file: the upload checks (size, type), then extraction in a child process with time and
    memory limits and the caps. `kind` is the type recorded at upload, when there was one. Raises ExtractionError
    with a code and a message a person can act on."""
    # Checked here too, not only at upload: a stored file may predate a lower limit, or not come from an upload.
    detected = check_upload(data, max_bytes=settings.MAX_UPLOAD_BYTES)
    return extract_text_limited(
        data,
        kind or detected,
        timeout_seconds=settings.PARSE_TIMEOUT_SECONDS,
        max_memory_mb=settings.PARSE_MAX_MEMORY_MB,
        limits=resume_limits(),
        tools=external_tools(),
    )


def resume_file_read(path: Path) -> ExtractedText | str:
    """A file's text as `resume_text_read` gives it, or why it has none (`code: message`), for the commands."""
    try:
        return resume_text_read(path.read_bytes())
    except ExtractionError as error:
        return f"{error.code}: {error}"
    except OSError as error:
        return f"unreadable: {error}"


def resume_text_parse(text: str, *, today: date | None = None) -> ParsedResume:
    """The structured profile of a resume's text; `today` (else RESUME_PARSE_TODAY, else today) is what
    "Present" means."""
    return parse_resume(
        text, today=today or _parse_today(), default_region=settings.DEFAULT_PHONE_REGION, limits=resume_limits()
    )


def _parse_today() -> date | None:
    configured: Any = getattr(settings, "RESUME_PARSE_TODAY", "")
    return date.fromisoformat(configured) if configured else None
