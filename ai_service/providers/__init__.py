"""Providers word the analysis; the deterministic scorer always decides the score and the missing skills."""

from ai_service.providers.base import Phrasing, Provider, ProviderError
from ai_service.providers.builtin import BuiltinProvider
from ai_service.providers.ollama import OllamaProvider
from ai_service.providers.openai import OpenAIProvider
from ai_service.settings import AIServiceSettings

__all__ = ["Phrasing", "Provider", "ProviderError", "build_provider"]


def build_provider(settings: AIServiceSettings) -> Provider:
    """The provider AI_PROVIDER names, configured from settings."""
    if settings.ai_provider == "ollama":
        return OllamaProvider(
            base_url=settings.ollama_url, model=settings.ollama_model, timeout=settings.ai_request_timeout
        )
    if settings.ai_provider == "openai":
        return OpenAIProvider(
            base_url=settings.openai_base_url,
            api_key=settings.openai_api_key.get_secret_value(),
            model=settings.openai_model,
            timeout=settings.ai_request_timeout,
        )
    return BuiltinProvider()
