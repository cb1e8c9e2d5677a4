"""A real local HTTP server that answers like Ollama's /api/chat or OpenAI's /v1/chat/completions, or fails like
them (slowly, with 500, with 429 and Retry-After, with malformed JSON), and records what it was sent."""

import json
import sys
import threading
from collections import deque
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class ReceivedRequest:
    method: str
    path: str
    headers: dict[str, str]
    json: dict


@dataclass
class StubReply:
    status: int = 200
    body: bytes = b"{}"
    headers: dict[str, str] = field(default_factory=dict)
    delay_seconds: float = 0.0


def ollama_chat(content: str, model: str = "llama3.1") -> dict:
    """A non-streamed /api/chat answer, as Ollama sends it."""
    return {
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


def openai_completion(content: str | None, model: str = "gpt-4o-mini", refusal: str | None = None) -> dict:
    """A chat completion, as OpenAI sends it."""
    return {
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


@dataclass
class StubLLMServer:
    """Answers each POST with the next queued reply, or with the standing one once the queue is empty, and
    records every request it was sent."""

    url: str = ""
    standing: StubReply = field(default_factory=StubReply)
    queued: deque[StubReply] = field(default_factory=deque)
    received: list[ReceivedRequest] = field(default_factory=list)
    # Set at teardown: ends the delays of replies still being held back.
    released: threading.Event = field(default_factory=threading.Event)
    lock: threading.Lock = field(default_factory=threading.Lock)

    @staticmethod
    def _stub_reply(body: dict | str, status: int, headers: dict[str, str] | None, delay: float) -> StubReply:
        encoded = (json.dumps(body) if isinstance(body, dict) else body).encode()
        return StubReply(status=status, body=encoded, headers=headers or {}, delay_seconds=delay)

    def reply(
        self, body: dict | str, status: int = 200, *, headers: dict[str, str] | None = None, delay_seconds: float = 0
    ) -> None:
        """Answer every request from now on this way (after the queued replies)."""
        self.standing = self._stub_reply(body, status, headers, delay_seconds)

    def reply_once(
        self, body: dict | str, status: int = 200, *, headers: dict[str, str] | None = None, delay_seconds: float = 0
    ) -> None:
        """Answer the next request not yet covered by a queued reply this way."""
        self.queued.append(self._stub_reply(body, status, headers, delay_seconds))

    def reply_as_ollama(self, content: str, model: str = "llama3.1") -> None:
        self.reply(ollama_chat(content, model))

    def reply_as_openai(self, content: str | None, model: str = "gpt-4o-mini", refusal: str | None = None) -> None:
        self.reply(openai_completion(content, model, refusal))

    def next_reply(self) -> StubReply:
        with self.lock:
            return self.queued.popleft() if self.queued else self.standing


def _handler_for(stub: StubLLMServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            raw = self.rfile.read(int(self.headers["Content-Length"]))
            stub.received.append(
                ReceivedRequest("POST", self.path, {k.lower(): v for k, v in self.headers.items()}, json.loads(raw))
            )
            reply = stub.next_reply()
            if reply.delay_seconds:
                stub.released.wait(reply.delay_seconds)
            self.send_response(reply.status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(reply.body)))
            for name, value in reply.headers.items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(reply.body)

        def log_message(self, format: str, *args: object) -> None:  # keep test output quiet
            pass

    return Handler


class _StubHTTPServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        # A client that timed out has closed its connection before a delayed reply; that is the test's point.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextmanager
def running_llm_stub() -> Iterator[StubLLMServer]:
    """The stub on 127.0.0.1 and a free port, serving from a background thread."""
    stub = StubLLMServer()
    server = _StubHTTPServer(("127.0.0.1", 0), _handler_for(stub))
    stub.url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield stub
    finally:
        stub.released.set()
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
