"""Ollama's chat API (POST /api/chat) through the official client, constrained to the ScreeningReply JSON Schema."""

import json
from contextvars import ContextVar

import httpx
import ollama
from pydantic import ValidationError

from ai_service.metrics import ServiceMetrics
from ai_service.prompts import MAX_ANSWER_TOKENS
from ai_service.providers.base import (
    ChatReply,
    FailureReason,
    ProviderError,
    ScreeningReply,
    describe_validation_error,
    reply_schema,
    status_error,
)
from ai_service.providers.llm import LanguageModelProvider
from ai_service.providers.resilience import Clock, RetryPolicy

# ollama.ResponseError keeps the status and the message but not the headers; the client's response hook keeps
# the Retry-After header here. The hook runs in the calling task, so each call sees only its own answer's.
_last_retry_after: ContextVar[str | None] = ContextVar("ollama_retry_after", default=None)


async def _remember_retry_after(response: httpx.Response) -> None:
    _last_retry_after.set(response.headers.get("retry-after"))


class OllamaProvider(LanguageModelProvider):
    """Screens with a local model served by Ollama; one AsyncClient (and its pool) per app."""

    name = "ollama"

    def __init__(
        self, *, base_url: str, model: str, timeout: float, retry: RetryPolicy, metrics: ServiceMetrics, clock: Clock
    ) -> None:
        super().__init__(model=model, timeout=timeout, retry=retry, metrics=metrics, clock=clock)
        self.base_url = base_url
        self.client = ollama.AsyncClient(
            host=base_url, timeout=timeout, event_hooks={"response": [_remember_retry_after]}
        )
        self.schema = reply_schema(ScreeningReply)

    async def aclose(self) -> None:
        await self.client.close()

    async def _chat(self, messages: list[dict[str, str]]) -> ChatReply:
        _last_retry_after.set(None)
        try:
            response = await self.client.chat(
                model=self.model,
                messages=messages,
                format=self.schema,
                stream=False,
                # Temperature 0 keeps the wording as repeatable as the model allows.
                options={"temperature": 0, "num_predict": MAX_ANSWER_TOKENS},
            )
        except ollama.ResponseError as error:
            raise status_error(self.name, error.status_code, str(error.error), _last_retry_after.get()) from error
        except httpx.TimeoutException as error:
            raise ProviderError(
                f"The {self.name} provider did not answer within {self.timeout:g} s.", reason=FailureReason.TIMEOUT
            ) from error
        except (ConnectionError, httpx.TransportError) as error:
            # The client turns a refused connection into the builtin ConnectionError, with advice to install it.
            raise ProviderError(
                f"Could not reach the {self.name} provider at {self.base_url}.", reason=FailureReason.CONNECTION_ERROR
            ) from error
        except ValidationError as error:
            raise ProviderError(
                f"The {self.name} chat response is not valid: {describe_validation_error(error)}",
                reason=FailureReason.INVALID_ANSWER,
            ) from error
        except json.JSONDecodeError as error:
            raise ProviderError(
                f"The {self.name} chat response is not JSON.", reason=FailureReason.INVALID_ANSWER
            ) from error
        return ChatReply(
            content=response.message.content,
            tokens_in=response.prompt_eval_count or 0,
            tokens_out=response.eval_count or 0,
        )
