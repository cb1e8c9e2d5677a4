"""HTTP client of the AI service's `POST /analyze`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import httpx
from django.conf import settings

API_KEY_HEADER = "X-API-Key"


class AIServiceUnavailable(Exception):
    """A transient failure (network, timeout, 5xx, rate limit): worth retrying later."""

    def __init__(self, message: str, *, retry_after: int | None = None) -> None:
        super().__init__(message)
        # Seconds the service asked us to wait (429 Retry-After), for a caller that can schedule its retry.
        self.retry_after = retry_after


class AIServiceRejected(Exception):
    """The service refused the request or answered nonsense: retrying will not help."""


@dataclass(frozen=True)
class Analysis:
    match_score: float
    summary: str
    missing_skills: list[str]
    interview_questions: list[str]
    provider: str
    breakdown: dict[str, float]
    # True when the job description or the resume was longer than the AI service accepts and only its start was
    # analysed: a person reading the feedback should know that the end of the text was not considered.
    input_truncated: bool = False

    def as_feedback(self) -> dict[str, Any]:
        return {
            "summary": self.summary,
            "missing_skills": self.missing_skills,
            "interview_questions": self.interview_questions,
            "provider": self.provider,
            "breakdown": self.breakdown,
            "input_truncated": self.input_truncated,
        }


def truncate_text(text: str, max_chars: int) -> tuple[str, bool]:
    """`text` cut to at most `max_chars` characters at a whitespace boundary, and whether it was cut.

    A word longer than the whole tail (no whitespace in the last half) is cut where the limit falls.
    """
    if len(text) <= max_chars:
        return text, False
    head = text[:max_chars]
    boundary = max(map(head.rfind, " \t\r\n"))
    if boundary >= max_chars // 2:
        head = head[:boundary]
    return head.rstrip(), True


def analyze(*, job_description: str, resume_text: str) -> Analysis:
    """Screen `resume_text` against `job_description`, each cut to what the service accepts (AI_MAX_INPUT_CHARS).

    Raises AIServiceUnavailable when a later retry may succeed, AIServiceRejected when it cannot.
    """
    job_description, job_cut = truncate_text(job_description, settings.AI_MAX_INPUT_CHARS)
    resume_text, resume_cut = truncate_text(resume_text, settings.AI_MAX_INPUT_CHARS)
    headers = {API_KEY_HEADER: settings.AI_SERVICE_API_KEY} if settings.AI_SERVICE_API_KEY else {}
    try:
        response = httpx.post(
            f"{settings.AI_SERVICE_URL.rstrip('/')}/analyze",
            json={"job_description": job_description, "resume_text": resume_text},
            headers=headers,
            timeout=settings.AI_REQUEST_TIMEOUT,
        )
    except httpx.HTTPError as error:
        raise AIServiceUnavailable(f"The AI service could not be reached: {error}") from error
    if response.status_code == 401:
        # A configuration error, not a property of this application: every call fails until it is fixed.
        raise AIServiceRejected(
            "The AI service refused the workers' API key (401): set AI_SERVICE_API_KEY to one of the keys the AI "
            "service accepts (its AI_SERVICE_API_KEY or AI_SERVICE_API_KEYS)."
        )
    if response.status_code == 429:
        retry_after = _retry_after_seconds(response.headers.get("Retry-After"))
        raise AIServiceUnavailable(
            f"The AI service is rate-limiting the workers' key (429); retry after {retry_after or '?'} s.",
            retry_after=retry_after,
        )
    if response.status_code >= 500:
        raise AIServiceUnavailable(f"The AI service answered {response.status_code}: {response.text[:300]}")
    if response.status_code != 200:
        raise AIServiceRejected(f"The AI service refused the request ({response.status_code}): {response.text[:300]}")
    return _parse(response.json(), input_truncated=job_cut or resume_cut)


def _retry_after_seconds(value: str | None) -> int | None:
    # The AI service sends whole seconds; an HTTP date (also allowed by RFC 9110) is treated as unknown.
    if value is None or not value.strip().isdigit():
        return None
    return int(value.strip())


def _parse(body: Any, *, input_truncated: bool) -> Analysis:
    try:
        score = float(body["match_score"])
        analysis = Analysis(
            match_score=score,
            summary=str(body["summary"]),
            missing_skills=[str(skill) for skill in body["missing_skills"]],
            interview_questions=[str(question) for question in body["interview_questions"]],
            provider=str(body.get("provider", "")),
            breakdown={str(k): float(v) for k, v in (body.get("breakdown") or {}).items()},
            input_truncated=input_truncated,
        )
    except (KeyError, TypeError, ValueError) as error:
        raise AIServiceRejected(f"The AI service answered an unexpected body: {error}") from error
    if not 0 <= score <= 100:
        raise AIServiceRejected(f"The AI service answered a score outside 0-100: {score}")
    return analysis
