"""Providers screen the match; the deterministic scorer always decides the score and the missing skills."""

from ai_service.case import RecommendationBands
from ai_service.metrics import ServiceMetrics
from ai_service.providers.base import FailureReason, Provider, ProviderError, ScreeningReply
from ai_service.providers.builtin import BuiltinProvider
from ai_service.providers.ollama import OllamaProvider
from ai_service.providers.openai import OpenAIProvider
from ai_service.providers.resilience import BreakerState, CircuitBreaker, Clock, RetryPolicy
from ai_service.settings import AIServiceSettings

__all__ = [
    "BreakerState",
    "BuiltinProvider",
    "CircuitBreaker",
    "FailureReason",
    "Provider",
    "ProviderError",
    "ScreeningReply",
    "build_bands",
    "build_breaker",
    "build_provider",
]


def build_provider(settings: AIServiceSettings, *, metrics: ServiceMetrics, clock: Clock) -> Provider:
    """The provider AI_PROVIDER names, configured from settings, with its client created once."""
    retry = RetryPolicy.from_settings(settings)
    if settings.ai_provider == "ollama":
        return OllamaProvider(
            base_url=settings.ollama_url,
            model=settings.ollama_model,
            timeout=settings.ai_request_timeout,
            retry=retry,
            metrics=metrics,
            clock=clock,
        )
    if settings.ai_provider == "openai":
        return OpenAIProvider(
            base_url=settings.openai_base_url,
            api_key=settings.openai_api_key.get_secret_value(),
            model=settings.openai_model,
            response_format=settings.openai_response_format,
            timeout=settings.ai_request_timeout,
            retry=retry,
            metrics=metrics,
            clock=clock,
        )
    return BuiltinProvider(build_bands(settings))


def build_bands(settings: AIServiceSettings) -> RecommendationBands:
    return RecommendationBands(
        advance_from=settings.ai_advance_from_score, decline_below=settings.ai_decline_below_score
    )


def build_breaker(settings: AIServiceSettings, *, clock: Clock) -> CircuitBreaker:
    return CircuitBreaker(
        failure_threshold=settings.ai_breaker_failure_threshold,
        reset_seconds=settings.ai_breaker_reset_seconds,
        clock=clock,
    )
