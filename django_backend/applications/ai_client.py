"""HTTP client of the AI service's `POST /analyze`."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass, field
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


RECOMMENDATIONS = ("advance", "hold", "decline")
MAX_LABEL = 200  # provider, model, prompt version, fallback: names, never prose (the columns hold this much)


@dataclass(frozen=True)
class QuotedClaim:
    """A strength or a concern and the words of the resume it rests on (untrusted text: shown escaped)."""

    text: str
    quote: str


@dataclass(frozen=True)
class Screening:
    """What the resume shows, what worries, what is missing, and a recommendation a person reviews first.

    Every field has a default: replies stored before the service grounded its screening have none of them.
    """

    strengths: list[QuotedClaim] = field(default_factory=list)
    concerns: list[QuotedClaim] = field(default_factory=list)
    missing_requirements: list[str] = field(default_factory=list)
    recommendation: str = ""  # one of RECOMMENDATIONS, or "" when the reply carried none
    reasons: list[str] = field(default_factory=list)
    needs_human_review: bool = False
    review_reason: str = ""


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
    model: str = ""
    prompt_version: str = ""
    # The configured provider when it failed and `provider` (builtin) wrote the wording instead, and why.
    fallback_from: str = ""
    fallback_reason: str = ""
    screening: Screening = field(default_factory=Screening)
    dropped_claims: int = 0
    flags: list[str] = field(default_factory=list)

    @property
    def fallback(self) -> bool:
        return bool(self.fallback_from or self.fallback_reason)

    def as_feedback(self) -> dict[str, Any]:
        """The JSON stored in Application.ai_feedback; `feedback_analysis` reads it back."""
        return {
            "summary": self.summary,
            "missing_skills": self.missing_skills,
            "interview_questions": self.interview_questions,
            "provider": self.provider,
            "breakdown": self.breakdown,
            "input_truncated": self.input_truncated,
            "model": self.model,
            "prompt_version": self.prompt_version,
            "fallback_from": self.fallback_from,
            "fallback_reason": self.fallback_reason,
            "screening": asdict(self.screening),
            "dropped_claims": self.dropped_claims,
            "flags": self.flags,
        }


def feedback_analysis(feedback: Any, *, score: float | None = None) -> Analysis:
    """A stored `ai_feedback` of any age read back: missing or malformed keys read as empty, never an error."""
    return _read(feedback if isinstance(feedback, dict) else {}, score=score or 0.0, strict=False)


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


def analyze(*, job_description: str, resume_text: str, match_score: float | None = None) -> Analysis:
    """Screen `resume_text` against `job_description`, each cut to what the service accepts (AI_MAX_INPUT_CHARS).
    `match_score` is the pair's ranking score: the service checks its screening against it and returns it.

    Raises AIServiceUnavailable when a later retry may succeed, AIServiceRejected when it cannot.
    """
    job_description, job_cut = truncate_text(job_description, settings.AI_MAX_INPUT_CHARS)
    resume_text, resume_cut = truncate_text(resume_text, settings.AI_MAX_INPUT_CHARS)
    headers = {API_KEY_HEADER: settings.AI_SERVICE_API_KEY} if settings.AI_SERVICE_API_KEY else {}
    try:
        response = httpx.post(
            f"{settings.AI_SERVICE_URL.rstrip('/')}/analyze",
            json={"job_description": job_description, "resume_text": resume_text, "match_score": match_score},
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
    return parse_reply(response.json(), input_truncated=job_cut or resume_cut)


def _retry_after_seconds(value: str | None) -> int | None:
    # The AI service sends whole seconds; an HTTP date (also allowed by RFC 9110) is treated as unknown.
    if value is None or not value.strip().isdigit():
        return None
    return int(value.strip())


def parse_reply(body: Any, *, input_truncated: bool = False) -> Analysis:
    """A live `/analyze` reply, validated: AIServiceRejected names what is wrong with it."""
    if not isinstance(body, dict):
        raise AIServiceRejected("The AI service answered an unexpected body: not a JSON object")
    try:
        score = float(body["match_score"])
        analysis = _read(body, score=score, strict=True, input_truncated=input_truncated)
    except (KeyError, TypeError, ValueError) as error:
        raise AIServiceRejected(f"The AI service answered an unexpected body: {error}") from error
    if not 0 <= score <= 100:
        raise AIServiceRejected(f"The AI service answered a score outside 0-100: {score}")
    return analysis


_REQUIRED = object()


def _read(body: dict[str, Any], *, score: float, strict: bool, input_truncated: bool | None = None) -> Analysis:
    """`body` as an Analysis. Strict (a live reply): the keys every version of the service sends are required and
    a present key of the wrong type is an error. Lenient (a stored reply): anything unreadable takes its default.
    Keys added to the service later are optional either way, so an older service still works."""

    def get(source: dict[str, Any], key: str, convert: Callable[[Any], Any], default: Any) -> Any:
        if source.get(key) is None:
            if default is _REQUIRED and strict:
                raise KeyError(key)
            return None if default is _REQUIRED else default
        try:
            return convert(source[key])
        except (KeyError, TypeError, ValueError) as error:
            if strict:
                raise ValueError(f"{key}: {error}") from error
            return None if default is _REQUIRED else default

    label = _label if strict else _cut_label
    raw_screening = body.get("screening")
    screening: dict[str, Any] = raw_screening if isinstance(raw_screening, dict) else {}
    if strict and raw_screening is not None and not isinstance(raw_screening, dict):
        raise ValueError("screening: not an object")
    return Analysis(
        match_score=score,
        summary=get(body, "summary", _text, _REQUIRED) or "",
        missing_skills=get(body, "missing_skills", _texts, _REQUIRED) or [],
        interview_questions=get(body, "interview_questions", _texts, _REQUIRED) or [],
        provider=get(body, "provider", label, ""),
        breakdown=get(body, "breakdown", _breakdown, {}),
        input_truncated=input_truncated if input_truncated is not None else get(body, "input_truncated", _flag, False),
        model=get(body, "model", label, ""),
        prompt_version=get(body, "prompt_version", label, ""),
        fallback_from=get(body, "fallback_from", label, ""),
        fallback_reason=get(body, "fallback_reason", label, ""),
        screening=Screening(
            strengths=get(screening, "strengths", _claims, []),
            concerns=get(screening, "concerns", _claims, []),
            missing_requirements=get(screening, "missing_requirements", _texts, []),
            recommendation=get(screening, "recommendation", _recommendation, ""),
            reasons=get(screening, "reasons", _texts, []),
            needs_human_review=get(screening, "needs_human_review", _flag, False),
            review_reason=get(screening, "review_reason", _text, ""),
        ),
        dropped_claims=get(body, "dropped_claims", _count, 0),
        flags=get(body, "flags", _texts, []),
    )


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError(f"expected a string, got {type(value).__name__}")
    return value


def _label(value: Any) -> str:
    value = _text(value)
    if len(value) > MAX_LABEL:
        raise ValueError(f"longer than {MAX_LABEL} characters")
    return value


def _cut_label(value: Any) -> str:
    return _text(value)[:MAX_LABEL]


def _texts(value: Any) -> list[str]:
    if not isinstance(value, list):
        raise TypeError(f"expected a list, got {type(value).__name__}")
    return [_text(item) for item in value]


def _claims(value: Any) -> list[QuotedClaim]:
    if not isinstance(value, list):
        raise TypeError(f"expected a list, got {type(value).__name__}")
    return [QuotedClaim(text=_text(item["text"]), quote=_text(item["quote"])) for item in value]


def _recommendation(value: Any) -> str:
    if value not in RECOMMENDATIONS:
        raise ValueError(f"expected one of {', '.join(RECOMMENDATIONS)}")
    return str(value)


def _flag(value: Any) -> bool:
    if not isinstance(value, bool):
        raise TypeError(f"expected true or false, got {type(value).__name__}")
    return value


def _count(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError("expected a whole number, 0 or more")
    return value


def _breakdown(value: Any) -> dict[str, float]:
    if not isinstance(value, dict):
        raise TypeError(f"expected an object, got {type(value).__name__}")
    return {str(key): float(number) for key, number in value.items()}
