"""The AI service with several uvicorn workers, as `make up` and the compose file run it: /metrics counts every
worker's requests whichever worker answers the scrape, and a key's rate limit holds across the workers (Redis),
while a Redis that cannot be reached lets calls through."""

import uuid

import pytest
import redis
from prometheus_client.parser import text_string_to_metric_families
from uvicorn_workers import RunningService, free_port, running_workers

REDIS_URL = "redis://127.0.0.1:6379/0"
ANALYZE = {"job_description": "Python and Django developer.", "resume_text": "Python developer, Django."}
HEADERS = {"X-API-Key": "test-ai-service-key-0123456789"}
SCRAPES = 6


def samples(service: RunningService, name: str) -> dict[tuple[tuple[str, str], ...], float]:
    """Every sample called `name` on one scrape of /metrics, by its sorted labels."""
    [response] = service.send(1, "GET", "/metrics")
    assert response.status_code == 200
    found = {}
    for family in text_string_to_metric_families(response.text):
        for sample in family.samples:
            if sample.name == name:
                found[tuple(sorted(sample.labels.items()))] = sample.value
    return found


@pytest.fixture
def prefix() -> str:
    """A key prefix of the test's own: the buckets of other tests and of a running `make up` stay apart."""
    return f"test:ai_service:ratelimit:{uuid.uuid4().hex}:"


def test_every_scrape_counts_the_requests_of_every_worker(tmp_path):
    requests = 40
    health = (("handler", "/health"), ("method", "GET"), ("status", "200"))
    # An Ollama nobody listens on: the provider has a circuit breaker, so the breaker gauge is exported.
    ollama = f"http://127.0.0.1:{free_port()}"
    with running_workers(tmp_path, AI_PROVIDER="ollama", OLLAMA_URL=ollama) as service:
        assert [response.status_code for response in service.send(requests, "GET", "/health")] == [200] * requests
        served = service.requests_by_worker("/health")
        assert len(served) == 2, f"each worker should have served some of the calls: {served}"

        scraped = [samples(service, "ai_service_http_requests_total").get(health) for _ in range(SCRAPES)]
        assert scraped == [requests] * SCRAPES
        breaker = samples(service, "ai_service_breaker_state")
        assert breaker == {(("provider", "ollama"),): 0.0}
        assert len(list(tmp_path.joinpath("metrics").glob("gauge_livemax_*.db"))) == 2

    # The workers' shutdown hook took their live gauges out of the sum; their counters stay.
    assert list(tmp_path.joinpath("metrics").glob("gauge_livemax_*.db")) == []
    assert len(list(tmp_path.joinpath("metrics").glob("counter_*.db"))) >= 2


def test_a_key_gets_its_limit_once_across_the_workers(tmp_path, prefix):
    limit = 10
    # One token a minute after the burst: none comes back while the test runs.
    settings = {"AI_RATE_LIMIT_BURST": str(limit), "AI_RATE_LIMIT_PER_MINUTE": "1", "AI_RATE_LIMIT_KEY_PREFIX": prefix}
    try:
        with running_workers(tmp_path, REDIS_URL=REDIS_URL, **settings) as service:
            responses = service.send(3 * limit, "POST", "/analyze", json=ANALYZE, headers=HEADERS)
            served = service.requests_by_worker("/analyze")

        statuses = [response.status_code for response in responses]
        assert sorted(statuses) == [200] * limit + [429] * (2 * limit)
        assert len(served) == 2, f"each worker should have answered some of the calls: {served}"
        for refused in (response for response in responses if response.status_code == 429):
            assert refused.json()["code"] == "rate_limited"
            wait = refused.headers["Retry-After"]
            assert 1 <= int(wait) <= 60
            assert refused.json()["detail"] == f"Rate limit for this API key reached; retry in {wait} s."
        # One bucket, for the one key that called: in Redis, under the configured prefix.
        assert redis.Redis.from_url(REDIS_URL).keys(f"{prefix}*") == [f"{prefix}key-0".encode()]
    finally:
        redis.Redis.from_url(REDIS_URL).delete(f"{prefix}key-0")


def test_calls_are_answered_while_redis_is_unreachable(tmp_path, prefix):
    unreachable = f"redis://127.0.0.1:{free_port()}/0"
    settings = {"AI_RATE_LIMIT_BURST": "1", "AI_RATE_LIMIT_PER_MINUTE": "1", "AI_RATE_LIMIT_KEY_PREFIX": prefix}
    with running_workers(tmp_path, REDIS_URL=unreachable, **settings) as service:
        responses = service.send(6, "POST", "/analyze", json=ANALYZE, headers=HEADERS)
        log = service.log()

    assert [response.status_code for response in responses] == [200] * 6
    assert all(response.json()["provider"] == "builtin" for response in responses)
    assert "rate limit store unreachable" in log
    assert unreachable not in log
