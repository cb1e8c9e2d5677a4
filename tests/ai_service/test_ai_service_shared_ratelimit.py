"""The rate limit's buckets in Redis: the same token bucket as in memory (burst, refill, Retry-After), one per
key, and calls let through with one warning while Redis cannot be reached."""

import asyncio
import logging
import uuid
from collections.abc import Iterator

import pytest
import redis
import redis.asyncio as aioredis
from uvicorn_workers import free_port

from ai_service.ratelimit import RedisTokenBucketLimiter, TokenBucketLimiter, build_limiter
from ai_service.settings import AIServiceSettings

REDIS_URL = "redis://127.0.0.1:6379/0"
ANALYZE = {"job_description": "Python and Django developer.", "resume_text": "Python developer, Django."}


class FakeClock:
    def __init__(self) -> None:
        self.now = 1_800_000_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def prefix() -> Iterator[str]:
    """A key prefix of the test's own, its keys deleted afterwards."""
    prefix = f"test:ai_service:ratelimit:{uuid.uuid4().hex}:"
    yield prefix
    store = redis.Redis.from_url(REDIS_URL)
    for key in store.scan_iter(f"{prefix}*"):
        store.delete(key)


def take(limiter: RedisTokenBucketLimiter, *callers: str) -> list[int]:
    async def run() -> list[int]:
        try:
            return [await limiter.wait_seconds(caller) for caller in callers]
        finally:
            await limiter.aclose()

    return asyncio.run(run())


def shared(
    prefix: str, clock: FakeClock, *, per_minute: int, burst: int, url: str = REDIS_URL
) -> RedisTokenBucketLimiter:
    client = aioredis.Redis.from_url(url, socket_connect_timeout=0.5, socket_timeout=0.5)
    return RedisTokenBucketLimiter(client, per_minute=per_minute, burst=burst, key_prefix=prefix, clock=clock)


def test_the_shared_bucket_refills_at_the_rate_up_to_the_burst_like_the_one_in_memory(prefix):
    clock = FakeClock()
    memory = TokenBucketLimiter(per_minute=30, burst=3, clock=clock)  # a token every 2 s

    def both(*callers: str) -> list[int]:
        in_redis = take(shared(prefix, clock, per_minute=30, burst=3), *callers)
        assert in_redis == [memory.acquire(caller) for caller in callers]
        return in_redis

    assert both("a", "a", "a", "a") == [0, 0, 0, 2]
    clock.now += 1
    assert both("a") == [1]  # half a token so far: one more second
    clock.now += 1
    assert both("a", "a") == [0, 2]
    clock.now += 100
    assert both("a", "a", "a", "a") == [0, 0, 0, 2]  # never more than the burst
    assert both("b") == [0]


def test_a_worker_whose_clock_lags_gets_no_extra_tokens(prefix):
    clock = FakeClock()
    assert take(shared(prefix, clock, per_minute=60, burst=1), "a") == [0]
    clock.now -= 5  # another worker, 5 s behind
    assert take(shared(prefix, clock, per_minute=60, burst=1), "a") == [1]
    clock.now += 5
    assert take(shared(prefix, clock, per_minute=60, burst=1), "a") == [1]


def test_a_bucket_expires_once_it_would_be_full_again(prefix):
    clock = FakeClock()
    take(shared(prefix, clock, per_minute=6, burst=2), "a")  # full again after 20 s
    ttl = redis.Redis.from_url(REDIS_URL).ttl(f"{prefix}a")
    assert 20 <= ttl <= 21


def test_redis_url_selects_the_shared_limiter(prefix):
    assert isinstance(build_limiter(AIServiceSettings()), TokenBucketLimiter)
    limiter = build_limiter(AIServiceSettings(redis_url=REDIS_URL, ai_rate_limit_key_prefix=prefix))
    assert isinstance(limiter, RedisTokenBucketLimiter)
    assert limiter.key_prefix == prefix
    asyncio.run(limiter.aclose())


def test_the_limit_over_redis_answers_429_with_retry_after(start_service, prefix):
    client = start_service(
        redis_url=REDIS_URL, ai_rate_limit_key_prefix=prefix, ai_rate_limit_per_minute=6, ai_rate_limit_burst=2
    )

    statuses = [client.post("/analyze", json=ANALYZE).status_code for _ in range(2)]
    limited = client.post("/analyze", json=ANALYZE)

    assert statuses == [200, 200]
    assert limited.status_code == 429
    wait = limited.headers["Retry-After"]
    assert 1 <= int(wait) <= 10  # a token every 10 s
    assert limited.json() == {
        "code": "rate_limited",
        "detail": f"Rate limit for this API key reached; retry in {wait} s.",
    }
    assert redis.Redis.from_url(REDIS_URL).exists(f"{prefix}key-0") == 1


def test_an_unreachable_redis_lets_calls_through_with_one_warning(start_service, prefix, caplog):
    unreachable = f"redis://user:secret-password@127.0.0.1:{free_port()}/0"
    client = start_service(
        redis_url=unreachable, ai_rate_limit_key_prefix=prefix, ai_rate_limit_per_minute=1, ai_rate_limit_burst=1
    )

    with caplog.at_level(logging.WARNING, logger="ai_service"):
        statuses = [client.post("/analyze", json=ANALYZE).status_code for _ in range(4)]

    assert statuses == [200] * 4
    warnings = [record for record in caplog.records if "rate limit store unreachable" in record.getMessage()]
    assert len(warnings) == 1  # not one per call: Redis is not tried again for a while
    assert warnings[0].error == "ConnectionError"
    assert "secret-password" not in caplog.text
