"""Fixtures for the AI service: settings isolated from the environment, and a real local HTTP server that
answers like Ollama's /api/chat or OpenAI's /v1/chat/completions and records what it was sent."""

import json
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from fixtures.ai_server import API_KEY

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
    "METRICS_BEARER_TOKEN",
    "OLLAMA_URL",
    "OLLAMA_MODEL",
    "OPENAI_API_KEY",
    "OPENAI_BASE_URL",
    "OPENAI_MODEL",
)


@pytest.fixture(autouse=True)
def _isolated_environment(monkeypatch):
    """Settings in these tests come from the test, never from the developer's shell. Every app accepts API_KEY
    unless a test says otherwise: the service does not start without a key."""
    for name in AI_ENVIRONMENT_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("AI_SERVICE_API_KEYS", API_KEY)


@dataclass
class ReceivedRequest:
    method: str
    path: str
    headers: dict[str, str]
    json: dict


@dataclass
class StubLLMServer:
    """Replies to every POST with `status` and `body`, after `delay_seconds`."""

    url: str = ""
    status: int = 200
    body: bytes = b"{}"
    delay_seconds: float = 0.0
    received: list[ReceivedRequest] = field(default_factory=list)

    def reply(self, body: dict | str, status: int = 200) -> None:
        self.body = (json.dumps(body) if isinstance(body, dict) else body).encode()
        self.status = status

    def reply_as_ollama(self, content: str, model: str = "llama3.1") -> None:
        """A non-streamed /api/chat answer, as Ollama sends it."""
        self.reply(
            {
                "model": model,
                "created_at": "2024-07-22T20:33:28.123648Z",
                "message": {"role": "assistant", "content": content},
                "done_reason": "stop",
                "done": True,
                "total_duration": 4883583458,
                "load_duration": 1334875,
                "prompt_eval_count": 412,
                "prompt_eval_duration": 342546000,
                "eval_count": 128,
                "eval_duration": 4535599000,
            }
        )

    def reply_as_openai(self, content: str | None, model: str = "gpt-4o-mini", refusal: str | None = None) -> None:
        """A chat completion, as OpenAI sends it."""
        self.reply(
            {
                "id": "chatcmpl-9pXyZabc123",
                "object": "chat.completion",
                "created": 1721680000,
                "model": f"{model}-2024-07-18",
                "choices": [
                    {
                        "index": 0,
                        "message": {"role": "assistant", "content": content, "refusal": refusal},
                        "logprobs": None,
                        "finish_reason": "stop",
                    }
                ],
                "usage": {"prompt_tokens": 412, "completion_tokens": 128, "total_tokens": 540},
                "system_fingerprint": "fp_0f03d4f0ee",
            }
        )


def _handler_for(stub: StubLLMServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            raw = self.rfile.read(int(self.headers["Content-Length"]))
            stub.received.append(
                ReceivedRequest("POST", self.path, {k.lower(): v for k, v in self.headers.items()}, json.loads(raw))
            )
            time.sleep(stub.delay_seconds)
            self.send_response(stub.status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(stub.body)))
            self.end_headers()
            self.wfile.write(stub.body)

        def log_message(self, format: str, *args: object) -> None:  # keep test output quiet
            pass

    return Handler


@pytest.fixture
def llm_server() -> Iterator[StubLLMServer]:
    """A real HTTP server on 127.0.0.1 and a free port, serving from a background thread."""
    stub = StubLLMServer()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(stub))
    server.daemon_threads = True
    stub.url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield stub
    server.shutdown()
    server.server_close()
    thread.join(timeout=5)
