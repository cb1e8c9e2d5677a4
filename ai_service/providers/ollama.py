"""Ollama's chat API (POST /api/chat), asked for a JSON answer."""

from pydantic import BaseModel

from ai_service.prompts import chat_messages
from ai_service.providers.base import Phrasing, parse_reply, post_json
from recruitment_core.scoring import MatchResult


class OllamaMessage(BaseModel):
    content: str


class OllamaChatResponse(BaseModel):
    """The fields we read of a non-streamed /api/chat answer."""

    message: OllamaMessage


class OllamaProvider:
    """Phrases the result with a local model served by Ollama."""

    name = "ollama"

    def __init__(self, *, base_url: str, model: str, timeout: float) -> None:
        self.chat_url = base_url.rstrip("/") + "/api/chat"
        self.model = model
        self.timeout = timeout

    async def phrase(self, *, job_description: str, resume_text: str, match: MatchResult) -> Phrasing:
        payload: dict[str, object] = {
            "model": self.model,
            "messages": chat_messages(job_description=job_description, resume_text=resume_text, match=match),
            "format": "json",
            "stream": False,
            # Temperature 0 keeps the wording as repeatable as the model allows.
            "options": {"temperature": 0},
        }
        body = await post_json(self.chat_url, payload=payload, headers={}, timeout=self.timeout, provider=self.name)
        reply = parse_reply(OllamaChatResponse, body, "The ollama chat response")
        return parse_reply(Phrasing, reply.message.content, "The ollama model's JSON answer")
