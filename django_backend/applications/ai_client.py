"""HTTP client of the AI service's `POST /analyze`."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import Any, get_args

import httpx
from django.conf import settings
from pydantic import ValidationError, field_validator, model_validator
from pydantic_core import PydanticCustomError

from recruitment_core.screening_contract import AnalyzeRequest, AnalyzeResponse, Recommendation, ScreeningResult

API_KEY_HEADER = "X-API-Key"


class AIServiceUnavailable(Exception):
    """A transient failure (network, timeout, 5xx, rate limit): worth retrying later."""

    def __init__(self, message: str, *, retry_after: int | None = None) -> None:
        super().__init__(message)
        # Seconds the service asked us to wait (429 Retry-After), for a caller that can schedule its retry.
        self.retry_after = retry_after


class AIServiceRejected(Exception):
    """The service refused the request or answered nonsense: retrying will not help."""


RECOMMENDATIONS: tuple[str, ...] = get_args(Recommendation)
MAX_LABEL = 200  # provider, model, prompt version, fallback: names, never prose (the columns hold this much)
MAX_PROBLEMS_CHARS = 300
# Keys the service added after its first release, with what an older service's reply without them stands for.
# The contract requires them of the service; the workers still read a reply of a service not yet upgraded.
OLDER_SERVICE_DEFAULTS: dict[str, Any] = {"dropped_claims": 0, "flags": [], "prompt_version": "", "model": None}


class LiveReply(AnalyzeResponse):
    """The contract's AnalyzeResponse as the workers accept it: the screening (added later, like the keys of
    OLDER_SERVICE_DEFAULTS) may be absent, and labels must fit the columns that store them."""

    screening: ScreeningResult | None = None  # type: ignore[assignment]  # absent from an older service's reply

    @model_validator(mode="before")
    @classmethod
    def older_service_defaults(cls, body: Any) -> Any:
        return {**OLDER_SERVICE_DEFAULTS, **body} if isinstance(body, dict) else body

    @field_validator("provider", "model", "prompt_version", "fallback_from")
    @classmethod
    def label_fits(cls, value: str | None) -> str | None:
        if value is not None and len(value) > MAX_LABEL:
            raise PydanticCustomError("label_too_long", "longer than {limit} characters", {"limit": MAX_LABEL})
        return value


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
    return _read(feedback if isinstance(feedback, dict) else {}, score=score or 0.0)


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
    try:
        request = AnalyzeRequest(job_description=job_description, resume_text=resume_text, match_score=match_score)
    except ValidationError as error:
        raise AIServiceRejected(f"The analysis request does not fit the AI service: {_problems(error)}") from error
    headers = {API_KEY_HEADER: settings.AI_SERVICE_API_KEY} if settings.AI_SERVICE_API_KEY else {}
    try:
        response = httpx.post(
            f"{settings.AI_SERVICE_URL.rstrip('/')}/analyze",
            json=request.model_dump(mode="json"),
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
    return parse_reply(response.content, input_truncated=job_cut or resume_cut)


def _retry_after_seconds(value: str | None) -> int | None:
    # The AI service sends whole seconds; an HTTP date (also allowed by RFC 9110) is treated as unknown.
    if value is None or not value.strip().isdigit():
        return None
    return int(value.strip())


def parse_reply(body: Any, *, input_truncated: bool = False) -> Analysis:
    """A live `/analyze` reply (its JSON text, or that text decoded) validated against the screening contract:
    AIServiceRejected names each field that breaks it, never the rejected value (it may quote the resume)."""
    # Validated as the JSON it arrived as, strictly: true, not "yes"; a number, not "70".
    text = body if isinstance(body, str | bytes) else json.dumps(body)
    try:
        reply = LiveReply.model_validate_json(text, strict=True)
    except ValidationError as error:
        raise AIServiceRejected(f"The AI service answered an unexpected body: {_problems(error)}") from error
    return Analysis(
        match_score=reply.match_score,
        summary=reply.summary,
        missing_skills=reply.missing_skills,
        interview_questions=reply.interview_questions,
        provider=reply.provider,
        breakdown=reply.breakdown,
        input_truncated=input_truncated,
        model=reply.model or "",
        prompt_version=reply.prompt_version,
        fallback_from=reply.fallback_from or "",
        fallback_reason=str(reply.fallback_reason or ""),
        screening=_screening(reply.screening),
        dropped_claims=reply.dropped_claims,
        flags=reply.flags,
    )


def _screening(result: ScreeningResult | None) -> Screening:
    if result is None:
        return Screening()
    return Screening(
        strengths=[QuotedClaim(text=claim.text, quote=claim.quote) for claim in result.strengths],
        concerns=[QuotedClaim(text=claim.text, quote=claim.quote) for claim in result.concerns],
        missing_requirements=result.missing_requirements,
        recommendation=result.recommendation,
        reasons=result.reasons,
        needs_human_review=result.needs_human_review,
        review_reason=result.review_reason or "",
    )


def _problems(error: ValidationError) -> str:
    """Each invalid field by its path and what is wrong with it, in one line."""
    problems = [
        f"{'.'.join(str(part) for part in problem['loc']) or 'body'}: {problem['msg']}" for problem in error.errors()
    ]
    return "; ".join(problems)[:MAX_PROBLEMS_CHARS]


def _read(body: dict[str, Any], *, score: float) -> Analysis:
    """A stored reply as an Analysis: a key missing, null or unreadable takes its default, never an error, since
    stored replies are of every age the service has had."""

    def get(source: dict[str, Any], key: str, convert: Callable[[Any], Any], default: Any) -> Any:
        if source.get(key) is None:
            return default
        try:
            return convert(source[key])
        except (KeyError, TypeError, ValueError):
            return default

    raw_screening = body.get("screening")
    screening: dict[str, Any] = raw_screening if isinstance(raw_screening, dict) else {}
    return Analysis(
        match_score=score,
        summary=get(body, "summary", _text, ""),
        missing_skills=get(body, "missing_skills", _texts, []),
        interview_questions=get(body, "interview_questions", _texts, []),
        provider=get(body, "provider", _cut_label, ""),
        breakdown=get(body, "breakdown", _breakdown, {}),
        input_truncated=get(body, "input_truncated", _flag, False),
        model=get(body, "model", _cut_label, ""),
        prompt_version=get(body, "prompt_version", _cut_label, ""),
        fallback_from=get(body, "fallback_from", _cut_label, ""),
        fallback_reason=get(body, "fallback_reason", _cut_label, ""),
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
