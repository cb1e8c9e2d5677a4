"""The AI service's configuration, read from environment variables named like the fields, upper-cased."""

from typing import Annotated, Literal

from pydantic import Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

# Shorter keys are placeholders ("changeme", "test"), not secrets; `make up` generates 43 characters.
MIN_API_KEY_CHARS = 16


class AIServiceSettings(BaseSettings):
    """Every setting of the AI service; refuses to build with a configuration that cannot work."""

    # An error names the setting; it never repeats the input, which holds the keys and tokens.
    model_config = SettingsConfigDict(extra="ignore", hide_input_in_errors=True)

    ai_provider: Literal["builtin", "ollama", "openai"] = "builtin"
    ai_request_timeout: float = Field(default=60.0, gt=0, description="Seconds to wait for one LLM answer.")
    ai_max_input_chars: int = Field(default=100_000, gt=0, description="Longest accepted job or resume text.")
    ai_root_path: str = Field(default="", description="URL prefix the gateway serves the service under.")

    # Callers of /analyze present one of these in X-API-Key. AI_SERVICE_API_KEY is the Django workers' own key,
    # the same variable they send it from, so one generated value configures both sides; AI_SERVICE_API_KEYS
    # (comma-separated) adds the keys of other callers, and lets a key be rotated without downtime.
    ai_service_api_key: SecretStr = SecretStr("")
    ai_service_api_keys: Annotated[list[SecretStr], NoDecode] = Field(default_factory=list)
    ai_allow_no_api_key: bool = Field(
        default=False, description="Development only: serve /analyze without a key when no key is configured."
    )
    ai_rate_limit_per_minute: int = Field(default=600, gt=0, description="Average /analyze calls per key.")
    ai_rate_limit_burst: int = Field(default=60, gt=0, description="/analyze calls a key may make at once.")
    redis_url: SecretStr = Field(
        default=SecretStr(""),
        description="Redis holding the rate limit's buckets, shared by every worker and replica; empty: each process"
        " keeps its own. Calls are let through while it is unreachable.",
    )
    ai_rate_limit_key_prefix: str = Field(
        default="ai_service:ratelimit:", min_length=1, description="Prefix of the buckets' keys in Redis."
    )
    metrics_bearer_token: SecretStr = Field(
        default=SecretStr(""), description="When set, /metrics needs `Authorization: Bearer <token>`."
    )

    # Calls to the language model: retried on timeouts, connection errors, 5xx and 429; a run of failed analyses
    # opens the provider's circuit breaker. A failed or paused provider leaves the wording to the builtin one.
    ai_retry_attempts: int = Field(default=3, ge=1, le=10, description="LLM calls per answer, the first included.")
    ai_retry_backoff_seconds: float = Field(default=0.5, ge=0, description="Wait before the first retry; doubles.")
    ai_retry_backoff_max_seconds: float = Field(default=8.0, ge=0, description="Longest wait between retries.")
    ai_retry_after_max_seconds: float = Field(
        default=10.0, ge=0, description="Longest wait a provider's Retry-After header may ask for."
    )
    ai_retry_deadline_seconds: float = Field(
        default=45.0,
        gt=0,
        description="No retry starts later than this after the first call, so an analysis stays within the"
        " workers' own AI_REQUEST_TIMEOUT.",
    )
    ai_breaker_failure_threshold: int = Field(
        default=5, ge=1, description="Consecutive failed analyses that open the provider's circuit breaker."
    )
    ai_breaker_reset_seconds: float = Field(
        default=30.0, gt=0, description="Seconds an open breaker waits before letting one trial call through."
    )
    ai_fallback_to_builtin: bool = Field(
        default=True,
        description="Answer with the builtin wording when the provider fails; false answers 502 instead.",
    )

    # Score bands of the recommendation. The builtin screening recommends by band; a model's recommendation in the
    # opposite band (advance below the decline band, decline in the advance band) is kept but marked for review.
    ai_advance_from_score: float = Field(
        default=75.0, ge=0, le=100, description="Match scores from here up point to advance."
    )
    ai_decline_below_score: float = Field(
        default=40.0, ge=0, le=100, description="Match scores below this point to decline."
    )

    # The score of a pair sent without the caller's score is the platform's ranked score (recruitment_core
    # .pair_scoring): the same embedding model and the same limits as the platform, from the same variables.
    embedding_backend: Literal["auto", "onnx", "torch"] = Field(
        default="auto",
        description="onnx: the exported INT8 model (scripts/export_onnx.py); torch: sentence-transformers (not in"
        " the service's own requirements); auto: onnx when the exported file exists.",
    )
    embedding_model_dir: str = Field(default="", description="Folder of the exported ONNX model; blank: var/models.")
    ai_embedding_threads: int = Field(
        default=1, ge=1, description="onnxruntime threads per worker process (uvicorn runs one worker per core)."
    )
    ai_embedding_cache_texts: int = Field(
        default=4096, ge=0, description="Postings and resumes whose vectors each worker keeps, by text digest."
    )
    resume_max_chars: int = Field(default=100_000, gt=0, description="Characters of a text embedded and parsed.")
    default_phone_region: str = Field(default="US", description="Region of phone numbers without a country code.")
    resume_parse_today: str = Field(
        default="", description='ISO date "Present" means in a resume (tests, benchmarks); blank: today.'
    )

    ollama_url: str = "http://127.0.0.1:11434"
    ollama_model: str = "llama3.1"

    openai_api_key: SecretStr = SecretStr("")
    openai_base_url: str = "https://api.openai.com/v1"
    openai_model: str = "gpt-4o-mini"
    openai_response_format: Literal["json_schema", "json_object"] = Field(
        default="json_schema",
        description="How the answer's JSON Schema is sent: json_schema (OpenAI, vLLM, llama.cpp's llama-server) or"
        " json_object with a schema (llama-cpp-python's server).",
    )

    @field_validator("ai_service_api_keys", mode="before")
    @classmethod
    def split_comma_separated(cls, value: object) -> object:
        if isinstance(value, str):
            return [key.strip() for key in value.split(",") if key.strip()]
        return value

    @property
    def accepted_api_keys(self) -> list[str]:
        """Every key /analyze accepts, each once, in order."""
        keys = [self.ai_service_api_key, *self.ai_service_api_keys]
        return list(dict.fromkeys(key.get_secret_value().strip() for key in keys if key.get_secret_value().strip()))

    @model_validator(mode="after")
    def bands_in_order(self) -> "AIServiceSettings":
        if self.ai_decline_below_score > self.ai_advance_from_score:
            raise ValueError("AI_DECLINE_BELOW_SCORE must not be above AI_ADVANCE_FROM_SCORE.")
        return self

    @model_validator(mode="after")
    def require_openai_key(self) -> "AIServiceSettings":
        if self.ai_provider == "openai" and not self.openai_api_key.get_secret_value().strip():
            raise ValueError("AI_PROVIDER=openai needs OPENAI_API_KEY; set it, or choose AI_PROVIDER=builtin.")
        return self

    @model_validator(mode="after")
    def require_api_keys(self) -> "AIServiceSettings":
        # Fail at start-up rather than serve /analyze to anyone: an open service is never a default.
        keys = self.accepted_api_keys
        if not keys and not self.ai_allow_no_api_key:
            raise ValueError(
                "No API key configured: set AI_SERVICE_API_KEY (and optionally AI_SERVICE_API_KEYS, comma-separated),"
                " or AI_ALLOW_NO_API_KEY=true to serve /analyze without authentication in development."
            )
        if any(len(key) < MIN_API_KEY_CHARS for key in keys):
            raise ValueError(
                f"Every key in AI_SERVICE_API_KEY and AI_SERVICE_API_KEYS needs at least {MIN_API_KEY_CHARS}"
                " characters."
            )
        return self
