"""What every provider offers, the reply model the language models fill in, and the errors they raise."""

from dataclasses import dataclass
from enum import StrEnum
from typing import Annotated, Any, Protocol

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from recruitment_core.scoring import MatchResult

MAX_ERROR_CHARS = 300
# JSON Schema keywords OpenAI's strict structured output does not accept; pydantic still checks them on our side.
UNSTRICT_KEYWORDS = frozenset({"minLength", "maxLength", "minItems", "maxItems"})

NonEmptyText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


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


# Failures that may pass by themselves, so the same call is worth making again.
TRANSIENT_REASONS = frozenset(
    {FailureReason.TIMEOUT, FailureReason.CONNECTION_ERROR, FailureReason.SERVER_ERROR, FailureReason.RATE_LIMITED}
)


class ProviderError(Exception):
    """The provider could not be reached or gave an answer that cannot be used; the message says which."""

    def __init__(self, message: str, *, reason: FailureReason, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.reason = reason
        # Seconds the provider asked us to wait (a 429's or 503's Retry-After header).
        self.retry_after = retry_after

    @property
    def transient(self) -> bool:
        return self.reason in TRANSIENT_REASONS


class Phrasing(BaseModel):
    """The only part of an analysis a provider writes: the wording for the recruiter.

    Keys the model adds beyond these (a "match_score" an injected resume asked for) are ignored; the schema the
    models are given allows none.
    """

    # The schema goes to the model as the shape of its answer: it describes the answer, not this class.
    model_config = ConfigDict(
        json_schema_extra={"additionalProperties": False, "description": "Wording for a recruiter about a match."}
    )

    summary: NonEmptyText = Field(
        max_length=4000, description="Two or three sentences for a recruiter: fit, strengths, gaps."
    )
    interview_questions: list[NonEmptyText] = Field(
        min_length=3, max_length=3, description="Three questions: the missing skills first, then the matched ones."
    )


@dataclass(frozen=True)
class ChatReply:
    """One chat answer of a language model: its text and the tokens it cost."""

    content: str | None
    tokens_in: int = 0
    tokens_out: int = 0


class Provider(Protocol):
    """Words the summary and interview questions for an already scored match."""

    @property
    def name(self) -> str: ...

    @property
    def model(self) -> str | None:
        """The model that writes the wording; None for the builtin provider."""

    async def phrase(self, *, job_description: str, resume_text: str, match: MatchResult) -> Phrasing: ...

    async def aclose(self) -> None:
        """Release the provider's connections (at shutdown)."""


def reply_schema(model: type[BaseModel]) -> dict[str, Any]:
    """The JSON Schema of `model`, for constrained decoding (Ollama's `format`, llama.cpp, vLLM)."""
    return model.model_json_schema()


def _without_unstrict_keywords(node: Any) -> Any:
    if isinstance(node, dict):
        return {key: _without_unstrict_keywords(value) for key, value in node.items() if key not in UNSTRICT_KEYWORDS}
    if isinstance(node, list):
        return [_without_unstrict_keywords(item) for item in node]
    return node


def strict_reply_schema(model: type[BaseModel]) -> dict[str, Any]:
    """The JSON Schema of `model` within the subset OpenAI's strict mode accepts."""
    schema: dict[str, Any] = _without_unstrict_keywords(reply_schema(model))
    return schema


def parse_retry_after(value: str | None) -> float | None:
    """Seconds from a Retry-After header; None for an absent value or an HTTP date, which we do not follow."""
    try:
        seconds = float((value or "").strip())
    except ValueError:
        return None
    return seconds if seconds >= 0 else None


def status_error(provider: str, status: int, message: str, retry_after: str | None) -> ProviderError:
    """A ProviderError for an HTTP error status: 429 and 5xx are worth retrying, other 4xx are not."""
    if status == 429:
        reason = FailureReason.RATE_LIMITED
    elif status >= 500:
        reason = FailureReason.SERVER_ERROR
    else:
        reason = FailureReason.HTTP_ERROR
    return ProviderError(
        f"The {provider} provider answered HTTP {status}: {short(message)}",
        reason=reason,
        retry_after=parse_retry_after(retry_after),
    )


def describe_validation_error(error: ValidationError) -> str:
    """One line naming each invalid field, short enough for an error message; never the rejected text."""
    problems = []
    for problem in error.errors():
        location = ".".join(str(part) for part in problem["loc"]) or "answer"
        problems.append(f"{location}: {problem['msg']}")
    return "; ".join(problems)[:MAX_ERROR_CHARS]


def short(text: object) -> str:
    """A provider's own error text, cut to a length fit for an error message."""
    return str(text)[:MAX_ERROR_CHARS]
