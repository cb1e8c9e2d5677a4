import dataclasses
import json
import re

import pytest
from fastapi.testclient import TestClient
from fixtures.ai_server import API_KEY, ranked_match

import ai_service.main
from ai_service.main import create_app
from ai_service.settings import AIServiceSettings

JOB = "Backend engineer: 5+ years with Python, Django and PostgreSQL; Docker is a must."
RESUME = "Python developer, 6 years. Django and PostgreSQL in production. No exposure to Docker."
KEY_HEADER = {"X-API-Key": API_KEY}


@pytest.fixture
def client():
    return TestClient(create_app(AIServiceSettings()), headers=KEY_HEADER)


def test_module_level_app_uses_the_builtin_provider():
    # Built from the environment on first access (uvicorn's `ai_service.main:app`), not on import.
    assert TestClient(ai_service.main.app).get("/health").json() == {"status": "ok", "provider": "builtin"}


def test_analyze_returns_the_deterministic_result(client):
    response = client.post("/analyze", json={"job_description": JOB, "resume_text": RESUME})

    expected = ranked_match(JOB, RESUME)
    assert response.status_code == 200
    assert response.json() == {
        "match_score": expected.score,
        "summary": expected.summary,
        "missing_skills": ["Docker"],
        "interview_questions": expected.interview_questions,
        "provider": "builtin",
        "breakdown": expected.breakdown,
        "fallback_from": None,
        "fallback_reason": None,
        "screening": {
            "strengths": [
                {"text": "Shows Python, which the job requires.", "quote": "Python developer, 6 years."},
                {"text": "Shows Django, which the job requires.", "quote": "Django and PostgreSQL in production."},
                {"text": "Shows PostgreSQL, which the job requires.", "quote": "Django and PostgreSQL in production."},
            ],
            "concerns": [
                {
                    "text": "The resume calls Docker slight or unused; the job requires it.",
                    "quote": "No exposure to Docker.",
                }
            ],
            "missing_requirements": ["Docker"],
            "recommendation": "advance",
            "reasons": [
                "Match score 91.9/100 is at or above 75, the band to advance.",
                "Required skills the resume shows: Python, Django, PostgreSQL.",
                "Required skills the resume does not show: Docker.",
            ],
            "needs_human_review": False,
            "review_reason": None,
        },
        "dropped_claims": 0,
        "flags": [],
        "prompt_version": "screening_v1",
        "model": None,
    }
    assert expected.score == 91.9  # the platform's ranked score: semantic similarity and coverage included
    assert {"semantic", "coverage"} <= expected.breakdown.keys()


def test_the_callers_score_is_the_pairs_score_and_the_screening_is_checked_against_it(client):
    # The platform's ranking weighs more than the two texts: the service screens around the score it is given.
    response = client.post("/analyze", json={"job_description": JOB, "resume_text": RESUME, "match_score": 52.26})

    body = response.json()
    assert response.status_code == 200
    assert (body["match_score"], body["breakdown"]) == (52.3, {})
    assert body["summary"].startswith("Match score 52.3/100.")
    assert body["screening"]["recommendation"] == "hold"  # 52.3 is in the band to hold; 91.9 would advance
    assert body["screening"]["reasons"][0] == "Match score 52.3/100 is between 40 and 75, the band to hold."
    assert body["missing_skills"] == ["Docker"]  # the skills the texts show or lack are still read from them


def test_analyze_is_deterministic(client):
    body = {"job_description": JOB, "resume_text": RESUME}

    assert client.post("/analyze", json=body).json() == client.post("/analyze", json=body).json()


def test_empty_resume_is_accepted_and_scores_zero(client):
    response = client.post("/analyze", json={"job_description": JOB, "resume_text": ""})

    assert response.status_code == 200
    assert response.json()["match_score"] == 0.0
    assert response.json()["missing_skills"] == ["Python", "Django", "PostgreSQL", "Docker"]
    assert response.json()["summary"] == "The resume has no text, so nothing could be matched against the job."


@pytest.mark.parametrize(
    ("body", "loc", "error_type"),
    [
        ({"job_description": 42, "resume_text": RESUME}, ["body", "job_description"], "string_type"),
        ({"job_description": JOB, "resume_text": None}, ["body", "resume_text"], "string_type"),
        ({"job_description": JOB, "resume_text": ["a"]}, ["body", "resume_text"], "string_type"),
        ({"resume_text": RESUME}, ["body", "job_description"], "missing"),
        ({"job_description": JOB}, ["body", "resume_text"], "missing"),
        ({"job_description": "", "resume_text": RESUME}, ["body", "job_description"], "string_too_short"),
        ({"job_description": " \n\t", "resume_text": RESUME}, ["body", "job_description"], "value_error"),
        ({"job_description": JOB, "resume_text": RESUME, "score": 100}, ["body", "score"], "extra_forbidden"),
        (
            {"job_description": JOB, "resume_text": RESUME, "match_score": 101},
            ["body", "match_score"],
            "less_than_equal",
        ),
        (
            {"job_description": JOB, "resume_text": RESUME, "match_score": -1},
            ["body", "match_score"],
            "greater_than_equal",
        ),
    ],
)
def test_invalid_requests_are_rejected_with_422(client, body, loc, error_type):
    response = client.post("/analyze", json=body)

    assert response.status_code == 422
    assert response.json()["code"] == "validation_error"
    assert [(error["loc"], error["type"]) for error in response.json()["detail"]] == [(loc, error_type)]


def test_body_that_is_not_json_is_rejected(client):
    response = client.post("/analyze", content=b"{not json", headers={"Content-Type": "application/json"})

    assert response.status_code == 422
    assert response.json()["code"] == "validation_error"
    assert response.json()["detail"][0]["type"] == "json_invalid"


def test_default_input_limit_is_100000_characters(client):
    at_limit = client.post("/analyze", json={"job_description": JOB, "resume_text": "x" * 100_000})
    over_limit = client.post("/analyze", json={"job_description": JOB, "resume_text": "x" * 100_001})

    assert at_limit.status_code == 200
    assert over_limit.status_code == 422
    assert over_limit.json() == {
        "detail": [
            {
                "loc": ["body", "resume_text"],
                "msg": "String should have at most 100000 characters",
                "type": "string_too_long",
            }
        ],
        "code": "validation_error",
    }


def test_input_limit_comes_from_settings():
    client = TestClient(create_app(AIServiceSettings(ai_max_input_chars=40)), headers=KEY_HEADER)

    oversize = client.post("/analyze", json={"job_description": "j" * 41, "resume_text": ""})

    assert oversize.status_code == 422
    assert oversize.json()["detail"][0]["type"] == "string_too_long"
    assert client.post("/analyze", json={"job_description": "j" * 40, "resume_text": ""}).status_code == 200
    schema = client.get("/openapi.json").json()["components"]["schemas"]["AnalyzeRequest"]
    assert schema["properties"]["job_description"]["maxLength"] == 40
    assert schema["properties"]["resume_text"]["maxLength"] == 40


def test_health(client):
    response = client.get("/health")

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "provider": "builtin"}


def test_unknown_route_is_a_json_error(client):
    response = client.get("/nowhere")

    assert response.status_code == 404
    assert response.json() == {"detail": "Not Found", "code": "not_found"}


def test_wrong_method_is_a_json_error(client):
    response = client.get("/analyze")

    assert response.status_code == 405
    assert response.json() == {"detail": "Method Not Allowed", "code": "method_not_allowed"}


def test_metrics_count_requests_and_analyses_by_route(client):
    client.post("/analyze", json={"job_description": JOB, "resume_text": RESUME})
    client.post("/analyze", json={"job_description": "", "resume_text": RESUME})
    client.get("/health")
    client.get("/nowhere/123")

    response = client.get("/metrics")

    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain")
    lines = response.text.splitlines()
    assert 'ai_service_http_requests_total{handler="/analyze",method="POST",status="200"} 1.0' in lines
    assert 'ai_service_http_requests_total{handler="/analyze",method="POST",status="422"} 1.0' in lines
    assert 'ai_service_http_requests_total{handler="/health",method="GET",status="200"} 1.0' in lines
    # Paths no route matches share one label, so a scanner cannot grow the series without bound.
    assert 'ai_service_http_requests_total{handler="none",method="GET",status="404"} 1.0' in lines
    assert 'ai_service_http_request_duration_seconds_count{handler="/analyze",method="POST"} 2.0' in lines
    assert 'ai_service_analyses_total{outcome="success",provider="builtin"} 1.0' in lines
    # The builtin provider has no breaker and never falls back.
    assert not [line for line in lines if line.startswith(("ai_service_breaker_state{", "ai_service_fallbacks_total{"))]


def test_each_app_counts_its_own_metrics():
    first, second = TestClient(create_app(AIServiceSettings())), TestClient(create_app(AIServiceSettings()))
    first.get("/health")

    metric = 'ai_service_http_requests_total{handler="/health",method="GET",status="200"}'
    assert f"{metric} 1.0" in first.get("/metrics").text.splitlines()
    assert metric not in second.get("/metrics").text


def test_docs_are_served_from_packaged_files_without_a_cdn(client):
    page = client.get("/docs")

    assert page.status_code == 200
    assert "cdn." not in page.text and "https://" not in page.text
    for asset in ("/docs-assets/swagger-ui-bundle.js", "/docs-assets/swagger-ui.css"):
        assert asset in page.text
        served = client.get(asset)
        assert served.status_code == 200 and len(served.content) > 10_000
    assert "/analyze" in client.get("/openapi.json").json()["paths"]


def test_root_path_for_the_gateway():
    client = TestClient(create_app(AIServiceSettings(ai_root_path="/api/ai")), headers=KEY_HEADER)

    assert client.get("/openapi.json").json()["servers"] == [{"url": "/api/ai"}]
    docs = client.get("/docs").text
    assert "/api/ai/openapi.json" in docs and "/api/ai/docs-assets/swagger-ui-bundle.js" in docs
    # Both a gateway that strips the prefix and one that keeps it reach the routes.
    assert client.get("/health").json() == {"status": "ok", "provider": "builtin"}
    assert client.get("/api/ai/health").json() == {"status": "ok", "provider": "builtin"}


def test_response_fields_match_the_scorer_fields():
    assert {field.name for field in dataclasses.fields(ranked_match("a", "b"))} >= {
        "score",
        "breakdown",
        "missing_skills",
        "summary",
        "interview_questions",
    }


def test_logs_are_json_lines_without_the_texts(capsys):
    client = TestClient(create_app(AIServiceSettings()), headers={**KEY_HEADER, "X-Request-ID": "gw-4f1c2a"})
    capsys.readouterr()

    response = client.post("/analyze", json={"job_description": JOB, "resume_text": RESUME})

    output = capsys.readouterr().out
    records = [json.loads(line) for line in output.splitlines()]
    [finished] = [record for record in records if record["message"] == "analysis finished"]
    assert set(finished) == {
        "time",
        "level",
        "service",
        "logger",
        "message",
        "request_id",
        "provider",
        "model",
        "fallback_from",
        "fallback_reason",
        "prompt_version",
        "recommendation",
        "needs_human_review",
        "dropped_claims",
        "caller",
        "match_score",
        "job_description_chars",
        "resume_chars",
        "duration_ms",
    }
    assert (finished["level"], finished["logger"], finished["provider"]) == ("INFO", "ai_service", "builtin")
    assert finished["service"] == "ai_service"
    assert (finished["model"], finished["fallback_from"], finished["fallback_reason"]) == (None, None, None)
    assert (finished["caller"], finished["request_id"]) == ("key-0", "gw-4f1c2a")
    assert (finished["match_score"], finished["job_description_chars"], finished["resume_chars"]) == (
        91.9,
        80,
        86,
    )
    assert response.headers["X-Request-ID"] == "gw-4f1c2a"
    assert RESUME not in output
    assert API_KEY not in output


@pytest.mark.parametrize("presented", [None, "", "two words", "x" * 129, "id\nforged: log line"])
def test_a_request_without_a_usable_request_id_gets_a_new_one(client, presented):
    headers = {} if presented is None else {"X-Request-ID": presented}

    first = client.get("/health", headers=headers).headers["X-Request-ID"]
    second = client.get("/health", headers=headers).headers["X-Request-ID"]

    assert re.fullmatch(r"[0-9a-f]{32}", first) and re.fullmatch(r"[0-9a-f]{32}", second)
    assert first != second
