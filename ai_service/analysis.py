"""The screening operation: the deterministic scorer decides, the provider words the result, and the builtin
wording stands in when the provider fails or its circuit breaker is open."""

import logging

from starlette.concurrency import run_in_threadpool

from ai_service.metrics import ServiceMetrics
from ai_service.providers import (
    BreakerState,
    BuiltinProvider,
    CircuitBreaker,
    FailureReason,
    Phrasing,
    Provider,
    ProviderError,
)
from ai_service.schemas import AnalyzeRequest, AnalyzeResponse
from recruitment_core.scoring import MatchResult, score_match

logger = logging.getLogger("ai_service")


class Screening:
    """Analyses with the configured provider behind its circuit breaker.

    Side effects: counts every analysis in ai_service_analyses_total and every fallback in
    ai_service_fallbacks_total, and logs each fallback with its reason.
    """

    def __init__(
        self, *, provider: Provider, breaker: CircuitBreaker, metrics: ServiceMetrics, fallback_to_builtin: bool
    ) -> None:
        self.provider = provider
        self.breaker = breaker
        self.metrics = metrics
        self.fallback_to_builtin = fallback_to_builtin
        self.builtin = BuiltinProvider()
        if provider.name != self.builtin.name:
            metrics.watch_breaker(provider.name, lambda: breaker.state.value)

    async def analyze(self, request: AnalyzeRequest) -> AnalyzeResponse:
        """Score the resume against the job, then phrase the result.

        Raises ProviderError only when the provider fails and AI_FALLBACK_TO_BUILTIN is off.
        """
        # Scoring is CPU work on up to two long texts; keep it off the event loop.
        match = await run_in_threadpool(score_match, request.job_description, request.resume_text)
        configured = self.provider.name
        try:
            phrasing = await self._phrase_with_breaker(request, match)
        except ProviderError as error:
            if not self.fallback_to_builtin:
                self.metrics.analyses.labels(configured, "provider_error").inc()
                raise
            self.metrics.analyses.labels(configured, "fallback").inc()
            self.metrics.fallbacks.labels(configured, error.reason.value).inc()
            logger.warning(
                "provider failed, answering with the builtin wording",
                extra={"provider": configured, "reason": error.reason.value, "error": str(error)},
            )
            phrasing = await self.builtin.phrase(
                job_description=request.job_description, resume_text=request.resume_text, match=match
            )
            return self._response(
                match, phrasing, provider=self.builtin.name, fallback_from=configured, fallback_reason=error.reason
            )
        self.metrics.analyses.labels(configured, "success").inc()
        return self._response(match, phrasing, provider=configured)

    async def _phrase_with_breaker(self, request: AnalyzeRequest, match: MatchResult) -> Phrasing:
        trial = self.breaker.state is BreakerState.HALF_OPEN
        if not self.breaker.admit():
            raise ProviderError(
                f"The {self.provider.name} provider is paused after {self.breaker.consecutive_failures} consecutive"
                f" failures; the next trial call is in {self.breaker.seconds_until_trial():.0f} s.",
                reason=FailureReason.BREAKER_OPEN,
            )
        try:
            phrasing = await self.provider.phrase(
                job_description=request.job_description, resume_text=request.resume_text, match=match
            )
        except ProviderError:
            self.breaker.record_failure()
            raise
        except BaseException:
            if trial:
                self.breaker.abandon_trial()
            raise
        self.breaker.record_success()
        return phrasing

    @staticmethod
    def _response(
        match: MatchResult,
        phrasing: Phrasing,
        *,
        provider: str,
        fallback_from: str | None = None,
        fallback_reason: FailureReason | None = None,
    ) -> AnalyzeResponse:
        return AnalyzeResponse(
            match_score=match.score,
            summary=phrasing.summary,
            missing_skills=match.missing_skills,
            interview_questions=phrasing.interview_questions,
            provider=provider,
            breakdown=match.breakdown,
            fallback_from=fallback_from,
            fallback_reason=fallback_reason,
        )
