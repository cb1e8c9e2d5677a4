import pytest
from fixtures.ai_server import API_KEY
from pydantic import ValidationError

from ai_service.main import create_app
from ai_service.settings import AIServiceSettings


def test_defaults():
    settings = AIServiceSettings()

    assert settings.ai_provider == "builtin"
    assert settings.ai_request_timeout == 60.0
    assert settings.ai_max_input_chars == 100_000
    assert settings.ai_root_path == ""
    assert settings.ollama_url == "http://127.0.0.1:11434"
    assert settings.ollama_model == "llama3.1"
    assert settings.openai_api_key.get_secret_value() == ""
    assert settings.openai_base_url == "https://api.openai.com/v1"
    assert settings.openai_model == "gpt-4o-mini"
    assert settings.openai_response_format == "json_schema"
    assert settings.ai_service_api_key.get_secret_value() == ""
    assert settings.accepted_api_keys == [API_KEY]  # from the test environment (conftest)
    assert settings.ai_allow_no_api_key is False
    assert (settings.ai_rate_limit_per_minute, settings.ai_rate_limit_burst) == (600, 60)
    assert settings.metrics_bearer_token.get_secret_value() == ""
    assert (settings.ai_retry_attempts, settings.ai_retry_backoff_seconds, settings.ai_retry_backoff_max_seconds) == (
        3,
        0.5,
        8.0,
    )
    assert (settings.ai_retry_after_max_seconds, settings.ai_retry_deadline_seconds) == (10.0, 45.0)
    assert (settings.ai_breaker_failure_threshold, settings.ai_breaker_reset_seconds) == (5, 30.0)
    assert settings.ai_fallback_to_builtin is True
    assert (settings.ai_advance_from_score, settings.ai_decline_below_score) == (75.0, 40.0)


def test_api_keys_from_the_environment(monkeypatch):
    monkeypatch.setenv("AI_SERVICE_API_KEY", "worker-key-0123456789")
    monkeypatch.setenv("AI_SERVICE_API_KEYS", " caller-one-0123456789 ,caller-two-0123456789,, worker-key-0123456789")
    monkeypatch.setenv("METRICS_BEARER_TOKEN", "scrape-token-0123456789")

    settings = AIServiceSettings()

    assert settings.accepted_api_keys == ["worker-key-0123456789", "caller-one-0123456789", "caller-two-0123456789"]
    assert settings.metrics_bearer_token.get_secret_value() == "scrape-token-0123456789"
    for secret in ("worker-key", "caller-one", "caller-two", "scrape-token"):
        assert secret not in repr(settings)


def test_reads_environment_variables(monkeypatch):
    monkeypatch.setenv("AI_PROVIDER", "ollama")
    monkeypatch.setenv("AI_REQUEST_TIMEOUT", "12.5")
    monkeypatch.setenv("AI_MAX_INPUT_CHARS", "5000")
    monkeypatch.setenv("OLLAMA_URL", "http://ollama.internal:11434")
    monkeypatch.setenv("OLLAMA_MODEL", "llama3.1:8b")

    settings = AIServiceSettings()

    assert settings.ai_provider == "ollama"
    assert settings.ai_request_timeout == 12.5
    assert settings.ai_max_input_chars == 5000
    assert settings.ollama_url == "http://ollama.internal:11434"
    assert settings.ollama_model == "llama3.1:8b"


def test_api_key_is_not_shown_in_repr(monkeypatch):
    monkeypatch.setenv("AI_PROVIDER", "openai")
    monkeypatch.setenv("OPENAI_API_KEY", "sk-secret-value")

    settings = AIServiceSettings()

    assert settings.openai_api_key.get_secret_value() == "sk-secret-value"
    assert "sk-secret-value" not in repr(settings)


@pytest.mark.parametrize("key", ["", "   "])
def test_openai_without_key_refuses_to_start(monkeypatch, key):
    monkeypatch.setenv("AI_PROVIDER", "openai")
    monkeypatch.setenv("OPENAI_API_KEY", key)

    with pytest.raises(ValidationError, match="AI_PROVIDER=openai needs OPENAI_API_KEY"):
        create_app()


def test_unknown_provider_is_rejected(monkeypatch):
    monkeypatch.setenv("AI_PROVIDER", "gpt")

    with pytest.raises(ValidationError, match="ai_provider"):
        AIServiceSettings()


def test_resilience_settings_from_the_environment(monkeypatch):
    monkeypatch.setenv("AI_RETRY_ATTEMPTS", "5")
    monkeypatch.setenv("AI_RETRY_BACKOFF_SECONDS", "0.25")
    monkeypatch.setenv("AI_RETRY_BACKOFF_MAX_SECONDS", "4")
    monkeypatch.setenv("AI_RETRY_AFTER_MAX_SECONDS", "20")
    monkeypatch.setenv("AI_RETRY_DEADLINE_SECONDS", "50")
    monkeypatch.setenv("AI_BREAKER_FAILURE_THRESHOLD", "2")
    monkeypatch.setenv("AI_BREAKER_RESET_SECONDS", "90")
    monkeypatch.setenv("AI_FALLBACK_TO_BUILTIN", "false")

    settings = AIServiceSettings()

    assert (settings.ai_retry_attempts, settings.ai_retry_backoff_seconds, settings.ai_retry_backoff_max_seconds) == (
        5,
        0.25,
        4.0,
    )
    assert (settings.ai_retry_after_max_seconds, settings.ai_retry_deadline_seconds) == (20.0, 50.0)
    assert (settings.ai_breaker_failure_threshold, settings.ai_breaker_reset_seconds) == (2, 90.0)
    assert settings.ai_fallback_to_builtin is False


@pytest.mark.parametrize(
    ("name", "value"),
    [("AI_RETRY_ATTEMPTS", "0"), ("AI_RETRY_BACKOFF_SECONDS", "-1"), ("AI_BREAKER_FAILURE_THRESHOLD", "0")],
)
def test_resilience_settings_that_cannot_work_are_refused(monkeypatch, name, value):
    monkeypatch.setenv(name, value)

    with pytest.raises(ValidationError, match=name.lower()):
        AIServiceSettings()


def test_recommendation_bands_from_the_environment(monkeypatch):
    monkeypatch.setenv("AI_ADVANCE_FROM_SCORE", "80")
    monkeypatch.setenv("AI_DECLINE_BELOW_SCORE", "30.5")

    settings = AIServiceSettings()

    assert (settings.ai_advance_from_score, settings.ai_decline_below_score) == (80.0, 30.5)


@pytest.mark.parametrize(
    ("variables", "message"),
    [
        ({"AI_ADVANCE_FROM_SCORE": "50", "AI_DECLINE_BELOW_SCORE": "60"}, "AI_DECLINE_BELOW_SCORE must not be above"),
        ({"AI_ADVANCE_FROM_SCORE": "101"}, "ai_advance_from_score"),
        ({"AI_DECLINE_BELOW_SCORE": "-1"}, "ai_decline_below_score"),
    ],
)
def test_recommendation_bands_that_cannot_work_are_refused(monkeypatch, variables, message):
    for name, value in variables.items():
        monkeypatch.setenv(name, value)

    with pytest.raises(ValidationError, match=message):
        AIServiceSettings()
