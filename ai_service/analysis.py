"""The screening operation: the deterministic scorer decides the score, the provider screens around it, the
grounding checks drop what the texts do not bear out, and the builtin screening stands in when the provider
fails, its circuit breaker is open, or its answer is rejected as ungrounded."""

import logging

from starlette.concurrency import run_in_threadpool

from ai_service.case import RecommendationBands, ScreeningCase, build_case
from ai_service.grounding import GroundedReply, ground, rejection, review
from ai_service.metrics import ServiceMetrics
from ai_service.prompts import PROMPT_VERSION
from ai_service.providers import (
    BreakerState,
    BuiltinProvider,
    CircuitBreaker,
    FailureReason,
    Provider,
    ProviderError,
    ScreeningReply,
)
from ai_service.ranked import RankedScorer
from ai_service.schemas import AnalyzeRequest, AnalyzeResponse, QuotedClaim, ScreeningResult

logger = logging.getLogger("ai_service")
# A pair that reaches every table the parsers and the scorer build on first use: the skills taxonomy, the cities
# (both texts name a place), the skills-list aliases.
WARM_UP_JOB = (
    "Senior Python Developer\n\nLocation: Chicago, IL (onsite)\n\nRequirements\n- 5+ years of Python and"
    " PostgreSQL\n- BS in Computer Science\n\nNice to have\n- Docker"
)
WARM_UP_RESUME = (
    "Jane Doe\njane@example.com | (312) 555-0100 | Chicago, IL\n\nExperience\nSenior Developer, Acme Corp"
    "\nJan 2019 - Present\n- Built Python services on PostgreSQL.\n\nEducation\nBS Computer Science, 2015"
    "\n\nSkills\nPython, PostgreSQL, docker, excel"
)


class Screening:
    """Analyses with the configured provider behind its circuit breaker.

    Side effects: counts every analysis in ai_service_analyses_total, every fallback in
    ai_service_fallbacks_total and every dropped claim in ai_service_ungrounded_claims_total, and logs each
    fallback with its reason.
    """

    def __init__(
        self,
        *,
        provider: Provider,
        breaker: CircuitBreaker,
        metrics: ServiceMetrics,
        bands: RecommendationBands,
        fallback_to_builtin: bool,
        scorer: RankedScorer | None = None,
    ) -> None:
        self.provider = provider
        self.scorer = scorer
        self.breaker = breaker
        self.metrics = metrics
        self.bands = bands
        self.fallback_to_builtin = fallback_to_builtin
        self.builtin = BuiltinProvider(bands)
        for name in dict.fromkeys([provider.name, self.builtin.name]):
            metrics.ungrounded_claims.labels(name)  # exported from 0, so a rate is defined before the first drop
        if provider.name != self.builtin.name:
            metrics.watch_breaker(provider.name, breaker)

    async def warm_up(self) -> None:
        """Build the parsers' tables before the first request: requests arriving together on a fresh process would
        each build them at once, for seconds. A failure is logged, not raised: the service still starts."""
        try:
            # With a scorer this also loads the embedding model.
            await run_in_threadpool(lambda: build_case(WARM_UP_JOB, WARM_UP_RESUME, scorer=self.scorer))
        except Exception:
            logger.exception("warm-up analysis failed; the first requests will build the parsers' tables")

    async def analyze(self, request: AnalyzeRequest) -> AnalyzeResponse:
        """Score the resume against the job, then screen it.

        Raises ProviderError only when the provider fails, or answers ungrounded, and AI_FALLBACK_TO_BUILTIN is off.
        """
        # Scoring and reading the texts is CPU work on up to two long texts; keep it off the event loop.
        case = await run_in_threadpool(
            lambda: build_case(
                request.job_description,
                request.resume_text,
                request.match_score,
                job_title=request.job_title,
                job_location=request.job_location,
                scorer=self.scorer,
            )
        )
        configured = self.provider.name
        dropped = 0
        try:
            grounded = self._grounded(await self._screen_with_breaker(case), case, configured)
            dropped = grounded.dropped
            problem = None if configured == self.builtin.name else rejection(grounded, case)
            if problem:
                # Not a failure of the provider: the breaker has counted the call a success.
                raise ProviderError(
                    f"The {configured} model's answer is not grounded: {problem}.",
                    reason=FailureReason.UNGROUNDED_ANSWER,
                )
        except ProviderError as error:
            if not self.fallback_to_builtin:
                self.metrics.analyses.labels(configured, "provider_error").inc()
                raise
            self.metrics.analyses.labels(configured, "fallback").inc()
            self.metrics.fallbacks.labels(configured, error.reason.value).inc()
            logger.warning(
                "provider failed, answering with the builtin screening",
                extra={"provider": configured, "reason": error.reason.value, "error": str(error)},
            )
            standing_in = self._grounded(await self.builtin.screen(case), case, self.builtin.name)
            return self._response(
                case,
                standing_in,
                provider=self.builtin.name,
                model=None,
                dropped=dropped + standing_in.dropped,
                fallback_from=configured,
                fallback_reason=error.reason,
            )
        self.metrics.analyses.labels(configured, "success").inc()
        return self._response(case, grounded, provider=configured, model=self.provider.model, dropped=dropped)

    async def _screen_with_breaker(self, case: ScreeningCase) -> ScreeningReply:
        trial = self.breaker.state is BreakerState.HALF_OPEN
        if not self.breaker.admit():
            raise ProviderError(
                f"The {self.provider.name} provider is paused after {self.breaker.consecutive_failures} consecutive"
                f" failures; the next trial call is in {self.breaker.seconds_until_trial():.0f} s.",
                reason=FailureReason.BREAKER_OPEN,
            )
        try:
            reply = await self.provider.screen(case)
        except ProviderError:
            self.breaker.record_failure()
            raise
        except BaseException:
            if trial:
                self.breaker.abandon_trial()
            raise
        self.breaker.record_success()
        return reply

    def _grounded(self, reply: ScreeningReply, case: ScreeningCase, provider: str) -> GroundedReply:
        grounded = ground(reply, case)
        self.metrics.ungrounded_claims.labels(provider).inc(grounded.dropped)
        return grounded

    def _response(
        self,
        case: ScreeningCase,
        grounded: GroundedReply,
        *,
        provider: str,
        model: str | None,
        dropped: int,
        fallback_from: str | None = None,
        fallback_reason: FailureReason | None = None,
    ) -> AnalyzeResponse:
        reply, match = grounded.reply, case.match
        verdict = review(reply, case, self.bands)
        return AnalyzeResponse(
            match_score=match.score,
            summary=reply.summary,
            missing_skills=match.missing_skills,
            interview_questions=reply.interview_questions,
            provider=provider,
            breakdown=match.breakdown,
            fallback_from=fallback_from,
            fallback_reason=fallback_reason,
            screening=ScreeningResult(
                strengths=[QuotedClaim(text=claim.text, quote=claim.quote) for claim in reply.strengths],
                concerns=[QuotedClaim(text=claim.text, quote=claim.quote) for claim in reply.concerns],
                missing_requirements=reply.missing_requirements,
                recommendation=reply.recommendation,
                reasons=reply.reasons,
                needs_human_review=verdict.needs_human_review,
                review_reason=verdict.reason,
            ),
            dropped_claims=dropped,
            flags=list(case.flags),
            prompt_version=PROMPT_VERSION,
            model=model,
        )
