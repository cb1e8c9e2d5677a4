"""The bodies of `POST /analyze` are defined once, in recruitment_core.screening_contract: the AI service documents
and serves exactly those models, and the workers' client sends the request model's fields and refuses a reply that
breaks the response model, naming the field."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

import ai_service.case
import ai_service.providers
import ai_service.schemas
from ai_service.main import create_app
from ai_service.settings import AIServiceSettings
from applications.ai_client import AIServiceRejected, analyze
from recruitment_core import screening_contract
from recruitment_core.screening_contract import AnalyzeRequest, AnalyzeResponse, analyze_request_model

COMPONENTS = "#/components/schemas/{model}"
INPUT_LIMIT = 12_345
REPLY: dict[str, Any] = {
    "match_score": 64.0,
    "summary": "Python and Django for six years; no Kubernetes.",
    "missing_skills": ["Kubernetes"],
    "interview_questions": ["Which Django upgrade hurt?", "How do you size a pool?", "How would you learn k8s?"],
    "provider": "builtin",
    "breakdown": {},
    "fallback_from": None,
    "fallback_reason": None,
    "screening": {
        "strengths": [{"text": "Years of Django", "quote": "6 years of Django"}],
        "concerns": [],
        "missing_requirements": ["Kubernetes"],
        "recommendation": "hold",
        "reasons": ["Solid backend work, no Kubernetes."],
        "needs_human_review": False,
        "review_reason": None,
    },
    "dropped_claims": 0,
    "flags": [],
    "prompt_version": "screening_v1",
    "model": None,
}


def _openapi() -> dict[str, Any]:
    settings = AIServiceSettings(
        ai_provider="builtin", ai_service_api_keys=["contract-key-0123456789"], ai_max_input_chars=INPUT_LIMIT
    )
    return create_app(settings).openapi()


def _without_nulls(node: Any) -> Any:
    # FastAPI writes its OpenAPI document without null values (a field's `"default": null` among them).
    if isinstance(node, dict):
        return {key: _without_nulls(value) for key, value in node.items() if value is not None}
    if isinstance(node, list):
        return [_without_nulls(item) for item in node]
    return node


def _schema_with_defs(model: type[Any], mode: str) -> tuple[dict[str, Any], dict[str, Any]]:
    schema = _without_nulls(model.model_json_schema(ref_template=COMPONENTS, mode=mode))
    return schema, schema.pop("$defs", {})


def test_the_services_openapi_bodies_are_the_core_models() -> None:
    openapi = _openapi()
    components = openapi["components"]["schemas"]
    request, request_defs = _schema_with_defs(analyze_request_model(INPUT_LIMIT), "validation")
    response, response_defs = _schema_with_defs(AnalyzeResponse, "serialization")

    assert components["AnalyzeRequest"] == request
    assert request["properties"]["resume_text"]["maxLength"] == INPUT_LIMIT  # the service's own limit
    assert components["AnalyzeResponse"] == response
    assert set(response_defs) == {"QuotedClaim", "ScreeningResult", "FailureReason"}
    assert {name: components[name] for name in {**request_defs, **response_defs}} == {**request_defs, **response_defs}
    operation = openapi["paths"]["/analyze"]["post"]
    assert operation["requestBody"]["content"]["application/json"]["schema"] == {
        "$ref": COMPONENTS.format(model="AnalyzeRequest")
    }
    assert operation["responses"]["200"]["content"]["application/json"]["schema"] == {
        "$ref": COMPONENTS.format(model="AnalyzeResponse")
    }


def test_the_service_uses_the_core_definitions_themselves() -> None:
    for name in ai_service.schemas.__all__:
        assert getattr(ai_service.schemas, name) is getattr(screening_contract, name)
    assert ai_service.providers.FailureReason is screening_contract.FailureReason
    assert ai_service.case.Recommendation is screening_contract.Recommendation


@dataclass
class StandIn:
    """What a stand-in for the AI service received, and the body it answers."""

    reply: dict[str, Any]
    received: list[dict[str, Any]] = field(default_factory=list)


@contextmanager
def stand_in_service(reply: dict[str, Any]) -> Iterator[tuple[str, StandIn]]:
    """A local HTTP server in place of the AI service: it records each request body and answers `reply`."""
    state = StandIn(reply)

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            state.received.append(json.loads(self.rfile.read(int(self.headers["Content-Length"]))))
            body = json.dumps(state.reply).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", state
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


def test_the_client_sends_exactly_the_fields_of_the_request_model(settings: Any) -> None:
    with stand_in_service(REPLY) as (url, state):
        settings.AI_SERVICE_URL, settings.AI_SERVICE_API_KEY = url, "contract-key-0123456789"
        analysis = analyze(job_description="Python, Django and Kubernetes.", resume_text="6 years of Django.")
        analyze(job_description="Python.", resume_text="", match_score=81.5)

    first, second = state.received
    assert list(first) == list(second) == list(AnalyzeRequest.model_fields)
    assert first == {
        "job_description": "Python, Django and Kubernetes.",
        "resume_text": "6 years of Django.",
        "job_title": "",  # the platform sends its score: the posting is not read again
        "job_location": "",
        "match_score": None,
    }
    assert second["match_score"] == 81.5
    for body in state.received:
        analyze_request_model(settings.AI_MAX_INPUT_CHARS).model_validate(body)  # the service would accept it
    assert (analysis.match_score, analysis.screening.recommendation, analysis.screening.review_reason) == (
        64.0,
        "hold",
        "",
    )


def test_a_request_the_model_refuses_is_not_sent(settings: Any) -> None:
    with stand_in_service(REPLY) as (url, state):
        settings.AI_SERVICE_URL = url
        with pytest.raises(AIServiceRejected, match="job_description: Value error, job_description must contain"):
            analyze(job_description="   ", resume_text="6 years of Django.")

    assert state.received == []


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"interview_questions": ["Only one?"]}, "interview_questions: List should have at least 3 items"),
        ({"fallback_reason": "tired"}, "fallback_reason: Input should be 'timeout', 'connection_error'"),
        ({"screening": {**REPLY["screening"], "recommendation": "hire"}}, "screening.recommendation: Input should"),
        ({"breakdown": {"skills": "high"}}, "breakdown.skills: Input should be a valid number"),
        ({"model": "m" * 201}, "model: longer than 200 characters"),
        ({"match_score": -1}, "match_score: Input should be greater than or equal to 0"),
    ],
)
def test_a_reply_that_breaks_the_model_is_refused_naming_the_field(
    settings: Any, change: dict[str, Any], message: str
) -> None:
    with stand_in_service({**REPLY, **change}) as (url, _state):
        settings.AI_SERVICE_URL = url
        with pytest.raises(AIServiceRejected, match="The AI service answered an unexpected body") as raised:
            analyze(job_description="Python, Django and Kubernetes.", resume_text="6 years of Django.")

    assert message in str(raised.value)


def test_a_reply_of_the_contract_is_accepted_whole() -> None:
    # The fixture reply above is itself a valid AnalyzeResponse: the refusals above come from each change alone.
    assert AnalyzeResponse.model_validate_json(json.dumps(REPLY), strict=True).model_dump(mode="json") == REPLY
