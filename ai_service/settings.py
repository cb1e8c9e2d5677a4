"""The AI service's configuration, read from environment variables named like the fields, upper-cased."""

from typing import Literal

from pydantic import Field, SecretStr, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


class AIServiceSettings(BaseSettings):
    """Every setting of the AI service; refuses to build with a configuration that cannot work."""

    model_config = SettingsConfigDict(extra="ignore")

    ai_provider: Literal["builtin", "ollama", "openai"] = "builtin"
    ai_request_timeout: float = Field(default=60.0, gt=0, description="Seconds to wait for an LLM answer.")
    ai_max_input_chars: int = Field(default=100_000, gt=0, description="Longest accepted job or resume text.")
    ai_root_path: str = Field(default="", description="URL prefix the gateway serves the service under.")

    ollama_url: str = "http://127.0.0.1:11434"
    ollama_model: str = "llama3.1"

    openai_api_key: SecretStr = SecretStr("")
    openai_base_url: str = "https://api.openai.com/v1"
    openai_model: str = "gpt-4o-mini"

    @model_validator(mode="after")
    def require_openai_key(self) -> "AIServiceSettings":
        if self.ai_provider == "openai" and not self.openai_api_key.get_secret_value().strip():
            raise ValueError("AI_PROVIDER=openai needs OPENAI_API_KEY; set it, or choose AI_PROVIDER=builtin.")
        return self
