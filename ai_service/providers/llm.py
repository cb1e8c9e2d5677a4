"""What the language model providers share: structured answers checked with pydantic, one repair round for an
answer that does not fit, and retries with backoff around each call. Each provider adds only its client."""

import asyncio
import logging
import time
from abc import ABC, abstractmethod

from pydantic import ValidationError

from ai_service.case import ScreeningCase
from ai_service.metrics import ServiceMetrics
from ai_service.prompts import chat_messages, repair_messages
from ai_service.providers.base import (
    ChatReply,
    FailureReason,
    ProviderError,
    ScreeningReply,
    describe_validation_error,
)
from ai_service.providers.resilience import Clock, RetryPolicy

logger = logging.getLogger("ai_service.llm")


class UnusableAnswer(ProviderError):
    """The model answered, but not JSON of the ScreeningReply schema; `problem` says what is wrong (never the text)."""

    def __init__(self, provider: str, problem: str) -> None:
        super().__init__(
            f"The {provider} model's JSON answer is not valid: {problem}", reason=FailureReason.INVALID_ANSWER
        )
        self.problem = problem


class LanguageModelProvider(ABC):
    """Screens a match with a chat model that answers JSON of the ScreeningReply schema."""

    name: str

    def __init__(
        self, *, model: str, timeout: float, retry: RetryPolicy, metrics: ServiceMetrics, clock: Clock
    ) -> None:
        self.model = model
        self.timeout = timeout
        self.retry = retry
        self.metrics = metrics
        self.clock = clock

    @abstractmethod
    async def _chat(self, messages: list[dict[str, str]]) -> ChatReply:
        """One call of the model; every failure is a ProviderError with its reason."""

    @abstractmethod
    async def aclose(self) -> None: ...

    async def screen(self, case: ScreeningCase) -> ScreeningReply:
        started = self.clock()
        messages = chat_messages(case)
        reply = await self._call_with_retries(messages, started=started)
        try:
            return self._parse(reply)
        except UnusableAnswer as unusable:
            logger.info(
                "llm answer unusable, asking again",
                extra={"provider": self.name, "model": self.model, "problem": unusable.problem},
            )
            repair = repair_messages(messages, rejected_answer=reply.content or "", problem=unusable.problem)
        return self._parse(await self._call_with_retries(repair, started=started))

    def _parse(self, reply: ChatReply) -> ScreeningReply:
        if reply.content is None:
            raise UnusableAnswer(self.name, "the answer has no text")
        try:
            return ScreeningReply.model_validate_json(reply.content)
        except ValidationError as error:
            raise UnusableAnswer(self.name, describe_validation_error(error)) from error

    async def _call_with_retries(self, messages: list[dict[str, str]], *, started: float) -> ChatReply:
        attempt = 1
        while True:
            try:
                return await self._timed_call(messages, attempt)
            except ProviderError as error:
                if not error.transient:
                    raise
                wait = self.retry.wait_before(attempt, error.retry_after)
                elapsed = self.clock() - started
                if not self.retry.may_retry(attempts_made=attempt, elapsed=elapsed, wait=wait):
                    raise
                logger.warning(
                    "llm call failed, retrying",
                    extra={
                        "provider": self.name,
                        "model": self.model,
                        "attempt": attempt,
                        "reason": error.reason.value,
                        "retry_after": error.retry_after,
                        "wait_seconds": wait,
                    },
                )
                await asyncio.sleep(wait)
                attempt += 1

    async def _timed_call(self, messages: list[dict[str, str]], attempt: int) -> ChatReply:
        started = time.perf_counter()
        outcome = "ok"
        reply = ChatReply(content=None)
        try:
            reply = await self._chat(messages)
            return reply
        except ProviderError as error:
            outcome = error.reason.value
            raise
        except BaseException:
            outcome = "aborted"
            raise
        finally:
            duration = time.perf_counter() - started
            self.metrics.record_llm_call(
                self.name, seconds=duration, tokens_in=reply.tokens_in, tokens_out=reply.tokens_out
            )
            logger.info(
                "llm call",
                extra={
                    "provider": self.name,
                    "model": self.model,
                    "attempt": attempt,
                    "outcome": outcome,
                    "tokens_in": reply.tokens_in,
                    "tokens_out": reply.tokens_out,
                    "duration_ms": round(duration * 1000, 1),
                },
            )
