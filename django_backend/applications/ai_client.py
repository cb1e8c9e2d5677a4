"""HTTP client of the AI service's `POST /analyze`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import httpx
from django.conf import settings


class AIServiceUnavailable(Exception):
    """A transient failure (network, timeout, 5xx): worth retrying later."""


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

    def as_feedback(self) -> dict[str, Any]:
        return {
            "summary": self.summary,
            "missing_skills": self.missing_skills,
            "interview_questions": self.interview_questions,
            "provider": self.provider,
            "breakdown": self.breakdown,
        }


def analyze(*, job_description: str, resume_text: str) -> Analysis:
    try:
        response = httpx.post(
            f"{settings.AI_SERVICE_URL.rstrip('/')}/analyze",
            json={"job_description": job_description, "resume_text": resume_text},
            timeout=settings.AI_REQUEST_TIMEOUT,
        )
    except httpx.HTTPError as error:
        raise AIServiceUnavailable(f"The AI service could not be reached: {error}") from error
    if response.status_code >= 500 or response.status_code == 429:
        raise AIServiceUnavailable(f"The AI service answered {response.status_code}: {response.text[:300]}")
    if response.status_code != 200:
        raise AIServiceRejected(f"The AI service refused the request ({response.status_code}): {response.text[:300]}")
    return _parse(response.json())


def _parse(body: Any) -> Analysis:
    try:
        score = float(body["match_score"])
        analysis = Analysis(
            match_score=score,
            summary=str(body["summary"]),
            missing_skills=[str(skill) for skill in body["missing_skills"]],
            interview_questions=[str(question) for question in body["interview_questions"]],
            provider=str(body.get("provider", "")),
            breakdown={str(k): float(v) for k, v in (body.get("breakdown") or {}).items()},
        )
    except (KeyError, TypeError, ValueError) as error:
        raise AIServiceRejected(f"The AI service answered an unexpected body: {error}") from error
    if not 0 <= score <= 100:
        raise AIServiceRejected(f"The AI service answered a score outside 0-100: {score}")
    return analysis
