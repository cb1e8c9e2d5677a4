"""Faults of the language model, through the real ollama and openai clients against a local server speaking each
wire protocol: slow answers, 500, 429 with Retry-After, malformed JSON. Each analysis ends with a response naming
the provider and model that wrote it and any fallback; the circuit breaker opens after consecutive failures and
recovers."""

import json
import logging
import socket

import pytest
from fastapi.testclient import TestClient
from fixtures.ai_server import ranked_match

from ai_service.providers.base import parse_retry_after
from ai_service.providers.resilience import BreakerState, CircuitBreaker, RetryPolicy

JOB = "Backend engineer: Python, Django and PostgreSQL."
RESUME = "Python developer, 5 years of Django and PostgreSQL."
ANSWER = {
    "strengths": [{"text": "Five years of Django.", "quote": "5 years of Django and PostgreSQL"}],
    "concerns": [],
    "missing_requirements": [],
    "reasons": ["Every required skill is evidenced."],
    "recommendation": "hold",
    "summary": "A strong match on every required skill.",
    "interview_questions": ["How do you tune Django ORM queries?", "How do you index PostgreSQL?", "Why Python?"],
}


def analyze(client: TestClient) -> dict:
    response = client.post("/analyze", json={"job_description": JOB, "resume_text": RESUME})
    assert response.status_code == 200
    return response.json()


def assert_llm_wrote_it(body: dict, provider: str) -> None:
    assert (body["provider"], body["fallback_from"], body["fallback_reason"]) == (provider, None, None)
    assert body["model"] == {"ollama": "llama3.1", "openai": "gpt-4o-mini"}[provider]
    assert body["summary"] == ANSWER["summary"]
    assert body["screening"]["strengths"] == ANSWER["strengths"]


def assert_builtin_stood_in(body: dict, provider: str, reason: str) -> None:
    match = ranked_match(JOB, RESUME)
    assert (body["provider"], body["fallback_from"], body["fallback_reason"]) == ("builtin", provider, reason)
    assert body["model"] is None
    assert (body["summary"], body["interview_questions"]) == (match.summary, match.interview_questions)
    assert body["match_score"] == match.score
    assert body["screening"]["strengths"] == [
        {
            "text": "Shows Python, which the job requires.",
            "quote": "Python developer, 5 years of Django and PostgreSQL.",
        },
        {
            "text": "Shows Django, which the job requires.",
            "quote": "Python developer, 5 years of Django and PostgreSQL.",
        },
        {
            "text": "Shows PostgreSQL, which the job requires.",
            "quote": "Python developer, 5 years of Django and PostgreSQL.",
        },
    ]


def metric_lines(client: TestClient) -> list[str]:
    return client.get("/metrics").text.splitlines()


def recorded_waits(caplog) -> list[float]:
    return [record.wait_seconds for record in caplog.records if record.message == "llm call failed, retrying"]


def test_a_slow_answer_is_retried_then_the_builtin_wording_stands_in(llm):
    llm.server.reply(llm.answer(json.dumps(ANSWER)), delay_seconds=5)
    client = llm.start(ai_request_timeout=0.2, ai_retry_attempts=2)

    body = analyze(client)

    assert_builtin_stood_in(body, llm.name, "timeout")
    assert len(llm.server.received) == 2
    lines = metric_lines(client)
    assert f'ai_service_analyses_total{{outcome="fallback",provider="{llm.name}"}} 1.0' in lines
    assert f'ai_service_fallbacks_total{{provider="{llm.name}",reason="timeout"}} 1.0' in lines


def test_a_slow_answer_then_a_quick_one(llm):
    llm.server.reply_once(llm.answer(json.dumps(ANSWER)), delay_seconds=5)
    llm.server.reply(llm.answer(json.dumps(ANSWER)))

    body = analyze(llm.start(ai_request_timeout=0.2, ai_retry_attempts=2))

    assert_llm_wrote_it(body, llm.name)
    assert len(llm.server.received) == 2


def test_server_errors_are_retried_with_exponential_backoff(llm, caplog):
    llm.server.reply_once(llm.error("model is loading"), status=500)
    llm.server.reply_once(llm.error("model is loading"), status=503)
    llm.server.reply(llm.answer(json.dumps(ANSWER)))
    client = llm.start(ai_retry_attempts=3, ai_retry_backoff_seconds=0.01, ai_retry_backoff_max_seconds=1)

    with caplog.at_level(logging.INFO, logger="ai_service"):
        body = analyze(client)

    assert_llm_wrote_it(body, llm.name)
    assert len(llm.server.received) == 3
    assert recorded_waits(caplog) == [0.01, 0.02]
    assert f'ai_service_llm_request_duration_seconds_count{{provider="{llm.name}"}} 3.0' in metric_lines(client)


def test_server_errors_on_every_attempt_end_with_the_builtin_wording(llm, caplog):
    llm.server.reply(llm.error("internal error"), status=500)
    client = llm.start(ai_retry_attempts=3)

    with caplog.at_level(logging.INFO, logger="ai_service"):
        body = analyze(client)

    assert_builtin_stood_in(body, llm.name, "server_error")
    assert len(llm.server.received) == 3
    [fallback] = [record for record in caplog.records if record.message.startswith("provider failed")]
    assert (fallback.provider, fallback.reason) == (llm.name, "server_error")
    assert fallback.error == f"The {llm.name} provider answered HTTP 500: internal error"
    assert RESUME not in caplog.text


def test_retry_after_of_a_429_is_honoured(llm, caplog):
    llm.server.reply_once(llm.error("rate limit reached"), status=429, headers={"Retry-After": "1"})
    llm.server.reply(llm.answer(json.dumps(ANSWER)))
    client = llm.start(ai_retry_backoff_seconds=0.01)

    with caplog.at_level(logging.INFO, logger="ai_service"):
        body = analyze(client)

    assert_llm_wrote_it(body, llm.name)
    assert len(llm.server.received) == 2
    # The server's second, not the 0.01 s backoff.
    assert recorded_waits(caplog) == [1.0]


def test_retry_after_is_capped_by_the_setting(llm, caplog):
    llm.server.reply(llm.error("rate limit reached"), status=429, headers={"Retry-After": "120"})
    client = llm.start(ai_retry_attempts=2, ai_retry_after_max_seconds=0.05)

    with caplog.at_level(logging.INFO, logger="ai_service"):
        body = analyze(client)

    assert_builtin_stood_in(body, llm.name, "rate_limited")
    assert len(llm.server.received) == 2
    assert recorded_waits(caplog) == [0.05]


def test_no_retry_starts_past_the_deadline(llm, caplog):
    llm.server.reply(llm.error("rate limit reached"), status=429, headers={"Retry-After": "3"})
    client = llm.start(ai_retry_attempts=5, ai_retry_deadline_seconds=2)

    with caplog.at_level(logging.INFO, logger="ai_service"):
        body = analyze(client)

    assert_builtin_stood_in(body, llm.name, "rate_limited")
    assert len(llm.server.received) == 1
    assert recorded_waits(caplog) == []


def test_a_client_error_is_not_retried(llm):
    llm.server.reply(llm.error("unknown model"), status=400)

    body = analyze(llm.start(ai_retry_attempts=3))

    assert_builtin_stood_in(body, llm.name, "http_error")
    assert len(llm.server.received) == 1


def test_malformed_json_then_a_valid_answer_on_the_repair_request(llm):
    llm.server.reply_once(llm.answer('{"summary": "A strong match", "interview_questions": ["Only'))
    llm.server.reply(llm.answer(json.dumps(ANSWER)))

    body = analyze(llm.start())

    assert_llm_wrote_it(body, llm.name)
    first, repair = llm.server.received
    assert repair.json["messages"][:2] == first.json["messages"]
    assert repair.json["messages"][2:] == [
        {"role": "assistant", "content": '{"summary": "A strong match", "interview_questions": ["Only'},
        {
            "role": "user",
            "content": "That answer cannot be used: answer: Invalid JSON: EOF while parsing a string at line 1"
            ' column 59. Reply again with only the JSON object of the shape given: "strengths" and "concerns"'
            ' (objects with "text" and a "quote" copied from the resume), "missing_requirements", one to five'
            ' "reasons", a "recommendation" of "advance", "hold" or "decline", a non-empty "summary" and exactly'
            ' three non-empty "interview_questions".',
        },
    ]


def test_malformed_json_twice_ends_with_the_builtin_wording(llm):
    llm.server.reply(llm.answer("Sure! Here is the JSON you asked for."))
    client = llm.start()

    body = analyze(client)

    assert_builtin_stood_in(body, llm.name, "invalid_answer")
    assert len(llm.server.received) == 2
    assert f'ai_service_fallbacks_total{{provider="{llm.name}",reason="invalid_answer"}} 1.0' in metric_lines(client)


def test_an_unreachable_provider_is_retried_then_the_builtin_wording_stands_in(start_service, caplog):
    with socket.socket() as probe:  # bound, then released: nothing listens there
        probe.bind(("127.0.0.1", 0))
        url = f"http://127.0.0.1:{probe.getsockname()[1]}"
    client = start_service(ai_provider="ollama", ollama_url=url, ai_retry_backoff_seconds=0.01)

    with caplog.at_level(logging.INFO, logger="ai_service"):
        body = analyze(client)

    assert_builtin_stood_in(body, "ollama", "connection_error")
    calls = [record for record in caplog.records if record.message == "llm call"]
    assert [(call.attempt, call.outcome) for call in calls] == [(n, "connection_error") for n in (1, 2, 3)]


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_the_breaker_opens_after_consecutive_failures_and_recovers(llm):
    clock = FakeClock()
    llm.server.reply(llm.error("internal error"), status=500)
    client = llm.start(clock=clock, ai_retry_attempts=1, ai_breaker_failure_threshold=2, ai_breaker_reset_seconds=30)
    breaker_state = f'ai_service_breaker_state{{provider="{llm.name}"}}'

    assert [analyze(client)["fallback_reason"] for _ in range(2)] == ["server_error", "server_error"]
    assert f"{breaker_state} 2.0" in metric_lines(client)

    # Open: the provider is not called at all.
    paused = analyze(client)
    assert_builtin_stood_in(paused, llm.name, "breaker_open")
    assert len(llm.server.received) == 2

    clock.now += 30
    assert f"{breaker_state} 1.0" in metric_lines(client)
    llm.server.reply(llm.answer(json.dumps(ANSWER)))

    # Half-open: one trial call goes through; its success closes the breaker.
    assert_llm_wrote_it(analyze(client), llm.name)
    assert f"{breaker_state} 0.0" in metric_lines(client)
    assert_llm_wrote_it(analyze(client), llm.name)
    assert len(llm.server.received) == 4
    lines = metric_lines(client)
    assert f'ai_service_fallbacks_total{{provider="{llm.name}",reason="server_error"}} 2.0' in lines
    assert f'ai_service_fallbacks_total{{provider="{llm.name}",reason="breaker_open"}} 1.0' in lines
    assert f'ai_service_analyses_total{{outcome="fallback",provider="{llm.name}"}} 3.0' in lines
    assert f'ai_service_analyses_total{{outcome="success",provider="{llm.name}"}} 2.0' in lines


def test_a_failed_trial_opens_the_breaker_again(llm):
    clock = FakeClock()
    llm.server.reply(llm.error("internal error"), status=500)
    client = llm.start(clock=clock, ai_retry_attempts=1, ai_breaker_failure_threshold=1, ai_breaker_reset_seconds=30)

    assert analyze(client)["fallback_reason"] == "server_error"
    clock.now += 30
    assert analyze(client)["fallback_reason"] == "server_error"  # the trial call
    assert analyze(client)["fallback_reason"] == "breaker_open"
    clock.now += 29
    assert analyze(client)["fallback_reason"] == "breaker_open"  # the cool-down starts again at the trial
    assert len(llm.server.received) == 2


def test_with_the_fallback_off_an_open_breaker_is_a_502(llm):
    clock = FakeClock()
    llm.server.reply(llm.error("internal error"), status=500)
    client = llm.start(
        clock=clock,
        ai_retry_attempts=1,
        ai_breaker_failure_threshold=1,
        ai_breaker_reset_seconds=30,
        ai_fallback_to_builtin=False,
    )
    payload = {"job_description": JOB, "resume_text": RESUME}

    assert client.post("/analyze", json=payload).status_code == 502
    clock.now += 10
    response = client.post("/analyze", json=payload)

    assert response.status_code == 502
    assert response.json() == {
        "detail": f"The {llm.name} provider is paused after 1 consecutive failures; the next trial call is in 20 s.",
        "code": "provider_error",
    }
    assert len(llm.server.received) == 1


def test_breaker_states_with_a_clock():
    clock = FakeClock()
    breaker = CircuitBreaker(failure_threshold=3, reset_seconds=10, clock=clock)

    breaker.record_failure()
    breaker.record_failure()
    breaker.record_success()  # a success in between: the count starts again
    breaker.record_failure()
    breaker.record_failure()
    assert (breaker.state, breaker.admit()) == (BreakerState.CLOSED, True)
    breaker.record_failure()
    assert (breaker.state, breaker.admit(), breaker.seconds_until_trial()) == (BreakerState.OPEN, False, 10)
    breaker.record_failure()  # a call admitted before it opened, failing late, does not extend the cool-down
    clock.now += 10
    assert breaker.state is BreakerState.HALF_OPEN
    assert [breaker.admit(), breaker.admit()] == [True, False]  # one trial at a time
    breaker.abandon_trial()  # its caller went away: the next call may try
    assert breaker.admit() is True
    breaker.record_success()
    assert (breaker.state, breaker.consecutive_failures) == (BreakerState.CLOSED, 0)


def test_retry_waits_double_up_to_the_maximum_and_follow_retry_after_up_to_its_cap():
    policy = RetryPolicy(
        attempts=6, backoff_seconds=0.5, backoff_max_seconds=3, retry_after_max_seconds=10, deadline_seconds=45
    )

    assert [policy.wait_before(retry, None) for retry in range(1, 6)] == [0.5, 1.0, 2.0, 3.0, 3.0]
    assert (policy.wait_before(1, 7.0), policy.wait_before(1, 60.0), policy.wait_before(3, 0.0)) == (7.0, 10, 0.0)
    assert policy.may_retry(attempts_made=5, elapsed=1, wait=1) is True
    assert policy.may_retry(attempts_made=6, elapsed=1, wait=1) is False
    assert policy.may_retry(attempts_made=1, elapsed=44, wait=1) is False


@pytest.mark.parametrize(
    ("header", "seconds"),
    [
        ("2", 2.0),
        (" 1.5 ", 1.5),
        ("0", 0.0),
        (None, None),
        ("", None),
        ("-1", None),
        ("Wed, 21 Oct 2015 07:28:00 GMT", None),
    ],
)
def test_retry_after_header_in_seconds(header, seconds):
    assert parse_retry_after(header) == seconds
