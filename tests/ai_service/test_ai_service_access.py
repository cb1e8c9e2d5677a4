"""Who may call the AI service: API keys and a per-key rate limit on /analyze, a bearer token on /metrics,
/health open, and the security headers on every response."""

import hmac

import pytest
from fastapi.testclient import TestClient
from fixtures.ai_server import API_KEY
from pydantic import ValidationError

from ai_service.main import create_app
from ai_service.ratelimit import TokenBucketLimiter
from ai_service.settings import AIServiceSettings

BODY = {"job_description": "Python and Django developer.", "resume_text": "Python developer, Django."}
OTHER_KEY = "second-caller-key-abcdefghij"
WORKER_KEY = "django-worker-key-0123456789"
UNAUTHORIZED = {"code": "unauthorized", "detail": "A valid X-API-Key header is required."}


def app_client(**settings) -> TestClient:
    return TestClient(create_app(AIServiceSettings(**settings)), raise_server_exceptions=False)


@pytest.fixture
def client() -> TestClient:
    return app_client()


@pytest.mark.parametrize(
    "headers",
    [{}, {"X-API-Key": ""}, {"X-API-Key": "wrong-key-of-enough-length"}, {"X-API-Key": API_KEY[:-1]}],
    ids=["missing", "empty", "wrong", "prefix"],
)
def test_analyze_without_a_valid_key_is_401(client, headers):
    response = client.post("/analyze", json=BODY, headers=headers)

    assert response.status_code == 401
    assert response.json() == UNAUTHORIZED
    assert response.headers["WWW-Authenticate"] == "ApiKey"


def test_analyze_with_the_key_is_200(client):
    response = client.post("/analyze", json=BODY, headers={"X-API-Key": API_KEY})

    assert response.status_code == 200
    assert response.json()["provider"] == "builtin"


def test_key_is_checked_before_the_body_is_read(client):
    # FastAPI parses JSON before dependencies run; the key check comes first all the same.
    response = client.post("/analyze", content=b"{not json", headers={"Content-Type": "application/json"})

    assert response.status_code == 401
    assert response.json() == UNAUTHORIZED


def test_every_configured_key_is_accepted(monkeypatch):
    monkeypatch.setenv("AI_SERVICE_API_KEYS", f"{API_KEY}, {OTHER_KEY} ,")
    monkeypatch.setenv("AI_SERVICE_API_KEY", WORKER_KEY)
    client = app_client()

    for key in (API_KEY, OTHER_KEY, WORKER_KEY):
        assert client.post("/analyze", json=BODY, headers={"X-API-Key": key}).status_code == 200
    assert client.post("/analyze", json=BODY, headers={"X-API-Key": f"{API_KEY},{OTHER_KEY}"}).status_code == 401


@pytest.mark.parametrize("presented", [API_KEY, WORKER_KEY, "wrong-key-of-enough-length", None])
def test_every_key_is_compared_in_constant_time_without_stopping_early(monkeypatch, presented):
    client = app_client(ai_service_api_key=WORKER_KEY, ai_service_api_keys=[API_KEY, OTHER_KEY])
    comparisons = []
    real_compare_digest = hmac.compare_digest

    def recording_compare_digest(a, b):
        comparisons.append((len(a), len(b)))
        return real_compare_digest(a, b)

    monkeypatch.setattr(hmac, "compare_digest", recording_compare_digest)
    headers = {} if presented is None else {"X-API-Key": presented}

    client.post("/analyze", json=BODY, headers=headers)

    # One comparison per key whether the first, the last or none matched; all of equal-length digests.
    assert comparisons == [(32, 32)] * 3


def test_service_refuses_to_start_without_a_key(monkeypatch):
    monkeypatch.delenv("AI_SERVICE_API_KEYS")

    with pytest.raises(ValidationError, match="No API key configured: set AI_SERVICE_API_KEY"):
        create_app()


def test_development_flag_serves_analyze_without_a_key(monkeypatch):
    monkeypatch.delenv("AI_SERVICE_API_KEYS")
    monkeypatch.setenv("AI_ALLOW_NO_API_KEY", "true")
    client = app_client()

    assert client.post("/analyze", json=BODY).status_code == 200


def test_development_flag_does_not_open_a_service_that_has_keys(monkeypatch):
    monkeypatch.setenv("AI_ALLOW_NO_API_KEY", "true")

    assert app_client().post("/analyze", json=BODY).status_code == 401


@pytest.mark.parametrize("key", ["changeme", "x" * 15])
def test_placeholder_keys_are_refused(key):
    with pytest.raises(ValidationError, match="needs at least 16 characters") as raised:
        AIServiceSettings(ai_service_api_keys=[API_KEY, key])

    assert key not in str(raised.value) and API_KEY not in str(raised.value)  # errors never echo a key


def test_rate_limit_per_key_after_the_burst():
    client = app_client(ai_service_api_keys=[API_KEY, OTHER_KEY], ai_rate_limit_per_minute=6, ai_rate_limit_burst=2)
    key_headers = {"X-API-Key": API_KEY}

    statuses = [client.post("/analyze", json=BODY, headers=key_headers).status_code for _ in range(2)]
    limited = client.post("/analyze", json=BODY, headers=key_headers)

    assert statuses == [200, 200]
    assert limited.status_code == 429
    assert limited.json() == {"code": "rate_limited", "detail": "Rate limit for this API key reached; retry in 10 s."}
    assert limited.headers["Retry-After"] == "10"
    # Each key has its own bucket; refused keys take nothing from anyone's.
    assert client.post("/analyze", json=BODY, headers={"X-API-Key": OTHER_KEY}).status_code == 200
    assert client.post("/analyze", json=BODY, headers={"X-API-Key": "wrong-key-of-enough-length"}).status_code == 401


def test_rate_limit_settings_default_and_environment(monkeypatch):
    assert (AIServiceSettings().ai_rate_limit_per_minute, AIServiceSettings().ai_rate_limit_burst) == (600, 60)
    monkeypatch.setenv("AI_RATE_LIMIT_PER_MINUTE", "120")
    monkeypatch.setenv("AI_RATE_LIMIT_BURST", "5")

    assert (AIServiceSettings().ai_rate_limit_per_minute, AIServiceSettings().ai_rate_limit_burst) == (120, 5)


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_token_bucket_refills_at_the_rate_up_to_the_burst():
    clock = FakeClock()
    limiter = TokenBucketLimiter(per_minute=30, burst=3, clock=clock)  # a token every 2 s

    assert [limiter.acquire("a") for _ in range(4)] == [0, 0, 0, 2]
    clock.now += 1.0
    assert limiter.acquire("a") == 1  # half a token so far: one more second
    clock.now += 1.0
    assert [limiter.acquire("a"), limiter.acquire("a")] == [0, 2]
    clock.now += 3600
    assert [limiter.acquire("a") for _ in range(4)] == [0, 0, 0, 2]  # never more than the burst
    assert limiter.acquire("b") == 0


def test_token_bucket_retry_after_is_whole_seconds_and_at_least_one():
    clock = FakeClock()
    limiter = TokenBucketLimiter(per_minute=600, burst=1, clock=clock)  # a token every 0.1 s

    assert [limiter.acquire("a"), limiter.acquire("a")] == [0, 1]
    assert TokenBucketLimiter(per_minute=1, burst=1, clock=clock).acquire("a") == 0


def test_health_is_open(client):
    response = client.get("/health")

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "provider": "builtin"}


def test_metrics_are_open_without_a_configured_token(client):
    assert client.get("/metrics").status_code == 200


@pytest.mark.parametrize(
    "authorization",
    [None, "Bearer wrong-token", "Basic metrics-token-123", "metrics-token-123", f"Bearer {API_KEY}"],
)
def test_metrics_need_the_bearer_token_when_configured(monkeypatch, authorization):
    monkeypatch.setenv("METRICS_BEARER_TOKEN", "metrics-token-123")
    client = app_client()
    headers = {} if authorization is None else {"Authorization": authorization}

    response = client.get("/metrics", headers=headers)

    assert response.status_code == 401
    assert response.json() == {"code": "unauthorized", "detail": "A valid bearer token is required for /metrics."}
    assert response.headers["WWW-Authenticate"] == "Bearer"


def test_metrics_with_the_bearer_token(monkeypatch):
    monkeypatch.setenv("METRICS_BEARER_TOKEN", "metrics-token-123")
    client = app_client()

    response = client.get("/metrics", headers={"Authorization": "Bearer metrics-token-123"})

    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain")
    assert client.get("/health").status_code == 200  # the token never closes /health
    assert client.get("/metrics", headers={"Authorization": "bearer metrics-token-123"}).status_code == 200


def test_rejected_calls_are_counted_in_metrics(client):
    client.post("/analyze", json=BODY)

    lines = client.get("/metrics").text.splitlines()

    assert 'ai_service_http_requests_total{handler="/analyze",method="POST",status="401"} 1.0' in lines


def test_openapi_documents_the_api_key_scheme(client):
    schema = client.get("/openapi.json").json()

    assert schema["components"]["securitySchemes"] == {
        "ApiKey": {
            "type": "apiKey",
            "in": "header",
            "name": "X-API-Key",
            "description": "One of the keys in AI_SERVICE_API_KEY / AI_SERVICE_API_KEYS.",
        }
    }
    assert schema["paths"]["/analyze"]["post"]["security"] == [{"ApiKey": []}]
    assert set(schema["paths"]["/analyze"]["post"]["responses"]) == {"200", "401", "422", "429", "502"}
    assert "security" not in schema["paths"]["/health"]["get"]


def test_security_headers_on_every_response():
    app = create_app(AIServiceSettings())

    @app.get("/boom")
    async def boom() -> None:
        raise RuntimeError("unexpected")

    client = TestClient(app, raise_server_exceptions=False)
    responses = [
        client.get("/health"),
        client.get("/metrics"),
        client.get("/docs"),
        client.get("/openapi.json"),
        client.get("/nowhere"),
        client.get("/boom"),
        client.post("/analyze", json=BODY),
        client.post("/analyze", json={}, headers={"X-API-Key": API_KEY}),
        client.post("/analyze", json=BODY, headers={"X-API-Key": API_KEY}),
    ]

    assert [response.status_code for response in responses] == [200, 200, 200, 200, 404, 500, 401, 422, 200]
    for response in responses:
        assert (response.headers["X-Content-Type-Options"], response.headers["X-Frame-Options"]) == (
            "nosniff",
            "DENY",
        )
