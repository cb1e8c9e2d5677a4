"""What every provider offers, and the HTTP and JSON handling the LLM providers share."""

from typing import Annotated, Protocol, TypeVar

import httpx
from pydantic import BaseModel, Field, StringConstraints, ValidationError

from recruitment_core.scoring import MatchResult

MAX_ERROR_CHARS = 300

ReplyModel = TypeVar("ReplyModel", bound=BaseModel)

NonEmptyText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


class ProviderError(Exception):
    """The provider could not be reached or gave an answer that cannot be used; the message says which."""


class Phrasing(BaseModel):
    """The only part of an analysis a provider writes: the wording for the recruiter."""

    summary: NonEmptyText = Field(max_length=4000)
    interview_questions: list[NonEmptyText] = Field(min_length=3, max_length=3)


class Provider(Protocol):
    """Words the summary and interview questions for an already scored match."""

    name: str

    async def phrase(self, *, job_description: str, resume_text: str, match: MatchResult) -> Phrasing: ...


def describe_validation_error(error: ValidationError) -> str:
    """One line naming each invalid field, short enough for an API error message."""
    problems = []
    for problem in error.errors():
        location = ".".join(str(part) for part in problem["loc"]) or "answer"
        problems.append(f"{location}: {problem['msg']}")
    return "; ".join(problems)[:MAX_ERROR_CHARS]


def parse_reply(model: type[ReplyModel], raw: str | bytes, what: str) -> ReplyModel:
    """Validate a JSON text against `model`, or raise ProviderError describing what is wrong."""
    try:
        return model.model_validate_json(raw)
    except ValidationError as error:
        raise ProviderError(f"{what} is not valid: {describe_validation_error(error)}") from error


def _error_message(response: httpx.Response) -> str:
    """The provider's own error message (Ollama: {"error": "..."}, OpenAI: {"error": {"message": "..."}})."""
    try:
        error = response.json().get("error")
    except (ValueError, AttributeError):
        error = None
    if isinstance(error, dict):
        error = error.get("message")
    return str(error or response.text)[:MAX_ERROR_CHARS]


async def post_json(
    url: str, *, payload: dict[str, object], headers: dict[str, str], timeout: float, provider: str
) -> bytes:
    """POST `payload` as JSON and return the body of a successful answer; any failure is a ProviderError."""
    try:
        async with httpx.AsyncClient(timeout=timeout) as client:
            response = await client.post(url, json=payload, headers=headers)
    except httpx.TimeoutException as error:
        raise ProviderError(f"The {provider} provider did not answer within {timeout:g} s.") from error
    except httpx.HTTPError as error:
        raise ProviderError(f"Could not reach the {provider} provider at {url}: {error}") from error
    if not response.is_success:
        raise ProviderError(f"The {provider} provider answered HTTP {response.status_code}: {_error_message(response)}")
    return response.content
