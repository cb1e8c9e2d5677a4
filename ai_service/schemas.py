"""Request and response bodies of the AI service."""

from pydantic import BaseModel, ConfigDict, Field, create_model, field_validator

from ai_service.providers.base import FailureReason


class AnalyzeRequest(BaseModel):
    """A job description and a resume to compare.

    The length limit comes from settings, so the routes use `analyze_request_model(limit)`, which adds it.
    """

    model_config = ConfigDict(extra="forbid")

    job_description: str = Field(min_length=1, description="The job posting, as plain text.")
    resume_text: str = Field(description="The resume, as plain text; may be empty.")

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


class AnalyzeResponse(BaseModel):
    """The screening result. `match_score`, `missing_skills` and `breakdown` always come from the
    deterministic scorer; the provider named in `provider` wrote `summary` and `interview_questions`."""

    match_score: float = Field(ge=0, le=100)
    summary: str = Field(min_length=1)
    missing_skills: list[str]
    interview_questions: list[str] = Field(min_length=3, max_length=3)
    provider: str = Field(description="The provider that wrote the summary and questions.")
    breakdown: dict[str, float]
    fallback_from: str | None = Field(
        default=None,
        description="The configured provider, when it failed and `provider` (builtin) wrote the wording instead.",
    )
    fallback_reason: FailureReason | None = Field(
        default=None, description="Why the configured provider was not used; null when it was."
    )


class ErrorResponse(BaseModel):
    """Every error the service returns: a message for people and a stable code for programs."""

    detail: str | list[dict[str, object]]
    code: str
