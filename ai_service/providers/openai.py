"""OpenAI's chat completions through the official client, with a strict JSON Schema answer; any compatible server
(vLLM, llama.cpp's server, Ollama's /v1) works too. Servers that take the schema in a `json_object` response format
instead (llama-cpp-python's) are served with OPENAI_RESPONSE_FORMAT=json_object."""

from typing import Any, Literal

import openai
from openai.types.chat import ChatCompletion

from ai_service.metrics import ServiceMetrics
from ai_service.prompts import MAX_ANSWER_TOKENS
from ai_service.providers.base import (
    ChatReply,
    FailureReason,
    ProviderError,
    ScreeningReply,
    reply_schema,
    short,
    status_error,
    strict_reply_schema,
)
from ai_service.providers.llm import LanguageModelProvider
from ai_service.providers.resilience import Clock, RetryPolicy


class OpenAIProvider(LanguageModelProvider):
    """Screens with an OpenAI chat model; one AsyncOpenAI client (and its connection pool) per app."""

    name = "openai"

    def __init__(
        self,
        *,
        base_url: str,
        api_key: str,
        model: str,
        timeout: float,
        retry: RetryPolicy,
        metrics: ServiceMetrics,
        clock: Clock,
        response_format: Literal["json_schema", "json_object"] = "json_schema",
    ) -> None:
        super().__init__(model=model, timeout=timeout, retry=retry, metrics=metrics, clock=clock)
        self.base_url = base_url
        # max_retries=0: the client's own retries would hide attempts from our policy, metrics and breaker.
        self.client = openai.AsyncOpenAI(base_url=base_url, api_key=api_key, timeout=timeout, max_retries=0)
        self.response_format: Any = (
            {
                "type": "json_schema",
                "json_schema": {"name": "screening", "strict": True, "schema": strict_reply_schema(ScreeningReply)},
            }
            if response_format == "json_schema"
            # Grammar-constrained servers follow the length keywords too, so they get the whole schema.
            else {"type": "json_object", "schema": reply_schema(ScreeningReply)}
        )

    async def aclose(self) -> None:
        await self.client.close()

    async def _chat(self, messages: list[dict[str, str]]) -> ChatReply:
        try:
            completion = await self.client.chat.completions.create(
                model=self.model,
                messages=messages,  # type: ignore[arg-type]  # plain role/content dicts, as the API takes
                response_format=self.response_format,
                # Temperature 0 keeps the wording as repeatable as the model allows.
                temperature=0,
                max_tokens=MAX_ANSWER_TOKENS,
            )
        except openai.APITimeoutError as error:
            raise ProviderError(
                f"The {self.name} provider did not answer within {self.timeout:g} s.", reason=FailureReason.TIMEOUT
            ) from error
        except openai.APIConnectionError as error:
            raise ProviderError(
                f"Could not reach the {self.name} provider at {self.base_url}: {error}",
                reason=FailureReason.CONNECTION_ERROR,
            ) from error
        except openai.APIStatusError as error:
            body = error.body
            message = body.get("message", body) if isinstance(body, dict) else body or error.message
            raise status_error(
                self.name, error.status_code, str(message), error.response.headers.get("retry-after")
            ) from error
        except openai.OpenAIError as error:
            raise ProviderError(
                f"The {self.name} chat completion could not be read: {short(error)}",
                reason=FailureReason.INVALID_ANSWER,
            ) from error
        return self._reply(completion)

    def _reply(self, completion: ChatCompletion) -> ChatReply:
        if not completion.choices:
            raise ProviderError(f"The {self.name} chat completion has no choices.", reason=FailureReason.INVALID_ANSWER)
        message = completion.choices[0].message
        if message.refusal:
            raise ProviderError(
                f"The {self.name} model refused to answer: {short(message.refusal)}", reason=FailureReason.REFUSED
            )
        usage = completion.usage
        return ChatReply(
            content=message.content,
            tokens_in=usage.prompt_tokens if usage else 0,
            tokens_out=usage.completion_tokens if usage else 0,
        )
