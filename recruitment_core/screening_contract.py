"""The request and response bodies of the AI service's `POST /analyze`, shared by the service (which serves them
and documents them in its OpenAPI) and the platform's workers (which send the request and validate the reply)."""

from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, create_model, field_validator

Recommendation = Literal["advance", "hold", "decline"]


class FailureReason(StrEnum):
    """Why a provider gave no usable wording; the `reason` label of the fallback metrics."""

    TIMEOUT = "timeout"
    CONNECTION_ERROR = "connection_error"
    SERVER_ERROR = "server_error"
    RATE_LIMITED = "rate_limited"
    HTTP_ERROR = "http_error"
    INVALID_ANSWER = "invalid_answer"
    REFUSED = "refused"
    BREAKER_OPEN = "breaker_open"
    # The answer's claims were mostly not in the texts, or it followed instructions the resume gave screeners.
    UNGROUNDED_ANSWER = "ungrounded_answer"


class AnalyzeRequest(BaseModel):
    """A job description and a resume to compare.

    The length limit comes from settings, so the routes use `analyze_request_model(limit)`, which adds it.
    """

    model_config = ConfigDict(extra="forbid")

    job_description: str = Field(min_length=1, description="The job posting, as plain text.")
    resume_text: str = Field(description="The resume, as plain text; may be empty.")
    job_title: str = Field(
        default="",
        max_length=500,
        description="The posting's title, when `job_description` is its body alone. Read with the description as the"
        " platform reads a job, and embedded with it; used only when `match_score` is absent.",
    )
    job_location: str = Field(
        default="",
        max_length=500,
        description='Where the job is ("Berlin, Germany"), when given apart from the text; it wins over a location'
        " the text names, as on the platform. Used only when `match_score` is absent.",
    )
    match_score: float | None = Field(
        default=None,
        ge=0,
        le=100,
        description="The caller's score for this pair (the platform's ranking score). When given, it is the score"
        " the screening is checked against and the one returned, and `breakdown` is empty; when absent, the"
        " score and `breakdown` are the platform's ranked score of the two texts (the same scorer, semantic"
        " similarity and statement coverage included), so a pair gets the same number either way.",
    )

    @field_validator("job_description")
    @classmethod
    def job_description_has_text(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("job_description must contain text, not only whitespace")
        return value


def analyze_request_model(max_input_chars: int) -> type[AnalyzeRequest]:
    """AnalyzeRequest with both texts limited to `max_input_chars` characters."""
    return create_model(
        "AnalyzeRequest",
        __base__=AnalyzeRequest,
        job_description=(
            str,
            Field(min_length=1, max_length=max_input_chars, description="The job posting, as plain text."),
        ),
        resume_text=(
            str,
            Field(max_length=max_input_chars, description="The resume, as plain text; may be empty."),
        ),
    )


class QuotedClaim(BaseModel):
    """A strength or a concern, and the words of the resume it rests on (checked to be there)."""

    text: str
    quote: str


class ScreeningResult(BaseModel):
    """The screening around the score: what the resume shows, what worries, what is missing, and a recommendation
    that a person reviews before anything is done with it."""

    strengths: list[QuotedClaim]
    concerns: list[QuotedClaim]
    missing_requirements: list[str] = Field(description="Requirements of the job the resume does not show.")
    recommendation: Recommendation
    reasons: list[str]
    needs_human_review: bool = Field(
        description="The recommendation must not be acted on before a person looks: it goes against the score's"
        " band, or advances a resume that addresses automated screeners."
    )
    review_reason: str | None = Field(description="Why a review is needed; null when it is not.")


class AnalyzeResponse(BaseModel):
    """The screening result. `match_score`, `missing_skills` and `breakdown` come from the deterministic scorer
    (`match_score` from the caller when it gave one); the provider named in `provider` wrote `summary`,
    `interview_questions` and `screening`, whose claims were checked against the texts."""

    match_score: float = Field(ge=0, le=100)
    summary: str = Field(min_length=1)
    missing_skills: list[str]
    interview_questions: list[str] = Field(min_length=3, max_length=3)
    provider: str = Field(description="The provider that wrote the summary, questions and screening.")
    breakdown: dict[str, float]
    fallback_from: str | None = Field(
        default=None,
        description="The configured provider, when it failed and `provider` (builtin) wrote the wording instead.",
    )
    fallback_reason: FailureReason | None = Field(
        default=None, description="Why the configured provider was not used; null when it was."
    )
    screening: ScreeningResult
    dropped_claims: int = Field(
        ge=0,
        description="Claims removed because their quote is not in the resume or the requirement is not in the job,"
        " counted over every answer this response was built from (a rejected one included).",
    )
    flags: list[str] = Field(
        description='Red flags of the resume in "code: message" form, such as text addressed to automated screeners.'
    )
    prompt_version: str = Field(description="The version of the screening prompt the service runs.")
    model: str | None = Field(description="The language model that wrote the screening; null for builtin.")


class ErrorResponse(BaseModel):
    """Every error the service returns: a message for people and a stable code for programs."""

    detail: str | list[dict[str, object]]
    code: str
