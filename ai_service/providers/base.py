"""What every provider offers, the reply model every provider fills in (the language models through a JSON Schema
generated from it), and the errors they raise."""

from dataclasses import dataclass
from typing import Annotated, Any, Protocol

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from ai_service.case import Recommendation, ScreeningCase
from recruitment_core.screening_contract import FailureReason  # the reasons the service's replies name

MAX_ERROR_CHARS = 300
MAX_CLAIMS = 8
MAX_MISSING_REQUIREMENTS = 20
MAX_QUOTE_CHARS = 500
MAX_REASONS = 5
# A longest string turns into a grammar too large for llama.cpp's parser (a 4,000-character summary is 4,000 nested
# rules), and OpenAI's strict structured output accepts no length keyword at all. Pydantic checks them all on our
# side, so the schemas sent leave them out.
GRAMMAR_UNFIT_KEYWORDS = frozenset({"maxLength"})
UNSTRICT_KEYWORDS = frozenset({"minLength", "maxLength", "minItems", "maxItems"})

NonEmptyText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


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


class Claim(BaseModel):
    """A strength or a concern, with the words of the resume it rests on."""

    model_config = ConfigDict(json_schema_extra={"additionalProperties": False})

    text: NonEmptyText = Field(max_length=500, description="The strength or concern, in one sentence.")
    quote: NonEmptyText = Field(
        max_length=MAX_QUOTE_CHARS,
        description="Words copied exactly from the resume that show it: one phrase or sentence.",
    )


class ScreeningReply(BaseModel):
    """What a provider writes about an already scored match: the screening, for a recruiter.

    Keys the model adds beyond these (a "match_score" an injected resume asked for) are ignored; the schema the
    models are given allows none. Quotes and requirements are checked against the texts afterwards (grounding).
    """

    # The schema goes to the model as the shape of its answer: it describes the answer, not this class.
    model_config = ConfigDict(
        json_schema_extra={"additionalProperties": False, "description": "A screening of a resume for a job."}
    )

    strengths: list[Claim] = Field(
        max_length=MAX_CLAIMS, description="What the resume shows that the job needs, each with its quote."
    )
    concerns: list[Claim] = Field(
        max_length=MAX_CLAIMS, description="Doubts or risks for this job, each with the resume quote raising it."
    )
    missing_requirements: list[NonEmptyText] = Field(
        max_length=MAX_MISSING_REQUIREMENTS,
        description="Requirements named in the job description that the resume does not show.",
    )
    reasons: list[NonEmptyText] = Field(
        min_length=1, max_length=MAX_REASONS, description="Short reasons for the recommendation."
    )
    recommendation: Recommendation = Field(
        description="advance: worth an interview; hold: unclear, a closer look is needed; decline: key requirements"
        " are not met."
    )
    summary: NonEmptyText = Field(
        max_length=4000, description="Two or three sentences for a recruiter: fit, strengths, gaps."
    )
    interview_questions: list[NonEmptyText] = Field(
        min_length=3,
        max_length=3,
        description="Three questions: the missing requirements and concerns first, then the strengths.",
    )


@dataclass(frozen=True)
class ChatReply:
    """One chat answer of a language model: its text and the tokens it cost."""

    content: str | None
    tokens_in: int = 0
    tokens_out: int = 0


class Provider(Protocol):
    """Screens an already scored match: strengths and concerns with quotes, gaps, a recommendation, the wording."""

    @property
    def name(self) -> str: ...

    @property
    def model(self) -> str | None:
        """The model that writes the screening; None for the builtin provider."""

    async def screen(self, case: ScreeningCase) -> ScreeningReply: ...

    async def aclose(self) -> None:
        """Release the provider's connections (at shutdown)."""


def _without(node: Any, keywords: frozenset[str]) -> Any:
    if isinstance(node, dict):
        return {key: _without(value, keywords) for key, value in node.items() if key not in keywords}
    if isinstance(node, list):
        return [_without(item, keywords) for item in node]
    return node


def reply_schema(model: type[BaseModel]) -> dict[str, Any]:
    """The JSON Schema of `model` for grammar-constrained decoding (Ollama's `format`, llama.cpp servers): every
    rule but the longest strings, so list sizes bound what the model writes and no string is empty."""
    schema: dict[str, Any] = _without(model.model_json_schema(), GRAMMAR_UNFIT_KEYWORDS)
    return schema


def strict_reply_schema(model: type[BaseModel]) -> dict[str, Any]:
    """The JSON Schema of `model` within the subset OpenAI's strict mode accepts."""
    schema: dict[str, Any] = _without(model.model_json_schema(), UNSTRICT_KEYWORDS)
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
