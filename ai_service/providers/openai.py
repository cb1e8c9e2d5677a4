"""OpenAI's chat completions API (POST /chat/completions) in JSON mode; any compatible server works too."""

from pydantic import BaseModel, Field

from ai_service.prompts import chat_messages
from ai_service.providers.base import Phrasing, ProviderError, parse_reply, post_json
from recruitment_core.scoring import MatchResult


class OpenAIMessage(BaseModel):
    content: str | None = None
    refusal: str | None = None


class OpenAIChoice(BaseModel):
    message: OpenAIMessage
    finish_reason: str | None = None


class OpenAIChatCompletion(BaseModel):
    """The fields we read of a chat completion."""

    choices: list[OpenAIChoice] = Field(min_length=1)


class OpenAIProvider:
    """Phrases the result with an OpenAI chat model."""

    name = "openai"

    def __init__(self, *, base_url: str, api_key: str, model: str, timeout: float) -> None:
        self.completions_url = base_url.rstrip("/") + "/chat/completions"
        self.api_key = api_key
        self.model = model
        self.timeout = timeout

    async def phrase(self, *, job_description: str, resume_text: str, match: MatchResult) -> Phrasing:
        payload: dict[str, object] = {
            "model": self.model,
            "messages": chat_messages(job_description=job_description, resume_text=resume_text, match=match),
            "response_format": {"type": "json_object"},
            "temperature": 0,
        }
        body = await post_json(
            self.completions_url,
            payload=payload,
            headers={"Authorization": f"Bearer {self.api_key}"},
            timeout=self.timeout,
            provider=self.name,
        )
        message = parse_reply(OpenAIChatCompletion, body, "The openai chat completion").choices[0].message
        if message.refusal:
            raise ProviderError(f"The openai model refused to answer: {message.refusal}")
        if message.content is None:
            raise ProviderError("The openai chat completion has no message content.")
        return parse_reply(Phrasing, message.content, "The openai model's JSON answer")
