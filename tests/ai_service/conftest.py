"""Fixtures for the AI service: settings isolated from the environment, running apps, and a real local HTTP
server that speaks Ollama's and OpenAI's chat APIs (llm_stub)."""

import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from typing import Any

import pytest
from fastapi.testclient import TestClient
from fixtures.ai_server import API_KEY
from llm_stub import StubLLMServer, ollama_chat, openai_completion, running_llm_stub

from ai_service.main import create_app
from ai_service.providers.resilience import Clock
from ai_service.settings import AIServiceSettings

AI_ENVIRONMENT_VARIABLES = (
    "AI_PROVIDER",
    "AI_REQUEST_TIMEOUT",
    "AI_MAX_INPUT_CHARS",
    "AI_ROOT_PATH",
    "AI_SERVICE_API_KEY",
    "AI_SERVICE_API_KEYS",
    "AI_ALLOW_NO_API_KEY",
    "AI_RATE_LIMIT_PER_MINUTE",
    "AI_RATE_LIMIT_BURST",
    "AI_RATE_LIMIT_KEY_PREFIX",
    "REDIS_URL",
    "PROMETHEUS_MULTIPROC_DIR",
    "LOG_NAME",  # set for the whole test process by an in-process Celery worker; the service names itself
    "AI_RETRY_ATTEMPTS",
    "AI_RETRY_BACKOFF_SECONDS",
    "AI_RETRY_BACKOFF_MAX_SECONDS",
    "AI_RETRY_AFTER_MAX_SECONDS",
    "AI_RETRY_DEADLINE_SECONDS",
    "AI_BREAKER_FAILURE_THRESHOLD",
    "AI_BREAKER_RESET_SECONDS",
    "AI_FALLBACK_TO_BUILTIN",
    "AI_ADVANCE_FROM_SCORE",
    "AI_DECLINE_BELOW_SCORE",
    "METRICS_BEARER_TOKEN",
    "OLLAMA_URL",
    "OLLAMA_MODEL",
    "OPENAI_API_KEY",
    "OPENAI_BASE_URL",
    "OPENAI_MODEL",
    "OPENAI_RESPONSE_FORMAT",
    "EMBEDDING_BACKEND",
    "EMBEDDING_MODEL_DIR",
    "AI_EMBEDDING_THREADS",
    "AI_EMBEDDING_CACHE_TEXTS",
    "RESUME_MAX_CHARS",
    "DEFAULT_PHONE_REGION",
    "RESUME_PARSE_TODAY",
    # Read by the ollama and openai clients themselves.
    "OLLAMA_API_KEY",
    "OLLAMA_HOST",
    "OPENAI_ORG_ID",
    "OPENAI_PROJECT_ID",
)
# Retries in tests wait milliseconds, not the production half second.
QUICK_RETRIES = {"ai_retry_backoff_seconds": 0.01, "ai_retry_backoff_max_seconds": 0.05}


@pytest.fixture(autouse=True)
def _isolated_environment(monkeypatch):
    """Settings in these tests come from the test, never from the developer's shell. Every app accepts API_KEY
    unless a test says otherwise: the service does not start without a key."""
    for name in AI_ENVIRONMENT_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("AI_SERVICE_API_KEYS", API_KEY)


@pytest.fixture
def llm_server() -> Iterator[StubLLMServer]:
    with running_llm_stub() as stub:
        yield stub


StartService = Callable[..., TestClient]


@pytest.fixture
def start_service() -> Iterator[StartService]:
    """Starts an app with the given settings, its lifespan included (so its clients are closed at the end), and a
    client that sends the API key."""
    with ExitStack() as running:

        def start(*, clock: Clock = time.monotonic, **settings: Any) -> TestClient:
            app = create_app(AIServiceSettings(**settings), clock=clock)
            return running.enter_context(TestClient(app, headers={"X-API-Key": API_KEY}))

        yield start


@pytest.fixture
def start_ollama(start_service: StartService, llm_server: StubLLMServer) -> StartService:
    """An app whose provider is Ollama at llm_server."""

    def start(**overrides: Any) -> TestClient:
        return start_service(**{"ai_provider": "ollama", "ollama_url": llm_server.url, **QUICK_RETRIES, **overrides})

    return start


@pytest.fixture
def start_openai(start_service: StartService, llm_server: StubLLMServer) -> StartService:
    """An app whose provider is OpenAI, with llm_server as its base URL (/v1)."""

    def start(**overrides: Any) -> TestClient:
        settings = {
            "ai_provider": "openai",
            "openai_base_url": f"{llm_server.url}/v1",
            "openai_api_key": "sk-test-123",
            **QUICK_RETRIES,
            **overrides,
        }
        return start_service(**settings)

    return start


@dataclass
class LLMProtocol:
    """One wire protocol: how its server answers, fails, and how an app using it is started."""

    name: str
    server: StubLLMServer
    start: Callable[..., TestClient]

    @property
    def model(self) -> str:
        """The model the app asks for by default."""
        return "llama3.1" if self.name == "ollama" else "gpt-4o-mini"

    def answer(self, content: str) -> dict:
        return ollama_chat(content) if self.name == "ollama" else openai_completion(content)

    def error(self, message: str) -> dict:
        return {"error": message} if self.name == "ollama" else {"error": {"message": message, "type": "server_error"}}


@pytest.fixture(params=["ollama", "openai"])
def llm(request, llm_server, start_ollama, start_openai) -> LLMProtocol:
    """Each test once per wire protocol, through that protocol's official client."""
    start = start_ollama if request.param == "ollama" else start_openai
    return LLMProtocol(request.param, llm_server, start)
