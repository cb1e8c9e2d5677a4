"""Prometheus metrics of the AI service, in a registry of its own so each app instance counts separately.

HTTP requests are counted and timed by prometheus-fastapi-instrumentator (ai_service_http_requests_total,
ai_service_http_request_duration_seconds, by handler, method and status); the rest is the service's own.

With several uvicorn workers, each scrape of /metrics reaches one of them. When PROMETHEUS_MULTIPROC_DIR is set
(supervisord and the compose file set it, and empty the directory before the workers start), every worker writes
its values to files there and /metrics serves the sum over the workers; without it, the app's own registry.
"""

import os
from typing import TYPE_CHECKING

from fastapi import FastAPI
from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest, multiprocess
from prometheus_fastapi_instrumentator import Instrumentator

if TYPE_CHECKING:
    from ai_service.providers.resilience import BreakerState, CircuitBreaker

NAMESPACE = "ai_service"
MULTIPROC_DIR_VARIABLE = "PROMETHEUS_MULTIPROC_DIR"
# An LLM call takes seconds; a builtin analysis milliseconds. The instrumentator's default (0.1, 0.5, 1) would
# put every LLM-phrased answer in +Inf.
HTTP_SECONDS_BUCKETS = (0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20, 30, 60, 120)
LLM_SECONDS_BUCKETS = (0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20, 30, 60, 120)


def multiprocess_dir() -> str | None:
    """The directory the workers share their values through, or None in a single process."""
    return os.environ.get(MULTIPROC_DIR_VARIABLE) or None


class ServiceMetrics:
    """Analyses by outcome, fallbacks by reason, claims dropped by the grounding checks, breaker states, and the LLM
    calls' tokens and latency."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        self._breakers: list[CircuitBreaker] = []
        self.analyses = Counter(
            f"{NAMESPACE}_analyses",
            "Analyses by configured provider and outcome (success, fallback, provider_error).",
            ["provider", "outcome"],
            registry=self.registry,
        )
        self.fallbacks = Counter(
            f"{NAMESPACE}_fallbacks",
            "Analyses screened by the builtin provider because the configured one failed or answered ungrounded,"
            " by reason.",
            ["provider", "reason"],
            registry=self.registry,
        )
        self.ungrounded_claims = Counter(
            f"{NAMESPACE}_ungrounded_claims",
            "Strengths and concerns whose quote is not in the resume, and missing requirements the job does not"
            " name, dropped from screenings, by the provider that wrote them.",
            ["provider"],
            registry=self.registry,
        )
        # Each worker has its own breaker; the worst state of the running workers is the one to alert on.
        self.breaker_state = Gauge(
            f"{NAMESPACE}_breaker_state",
            "Circuit breaker of each language model provider: 0 closed, 1 half-open, 2 open (the highest over the"
            " service's workers).",
            ["provider"],
            registry=self.registry,
            multiprocess_mode="livemax",
        )
        self.llm_tokens = Counter(
            f"{NAMESPACE}_llm_tokens",
            "Tokens the language model reported, by direction (in: prompt, out: answer).",
            ["provider", "direction"],
            registry=self.registry,
        )
        self.llm_request_seconds = Histogram(
            f"{NAMESPACE}_llm_request_duration_seconds",
            "Time of each call to a language model, failed ones and retries included.",
            ["provider"],
            buckets=LLM_SECONDS_BUCKETS,
            registry=self.registry,
        )

    def instrument(self, app: FastAPI) -> None:
        """Count and time every HTTP request of `app` under its route template ("/analyze"), never its raw path."""
        Instrumentator(should_group_status_codes=False, registry=self.registry).instrument(
            app, metric_namespace=NAMESPACE, latency_lowr_buckets=HTTP_SECONDS_BUCKETS
        )

    def watch_breaker(self, provider: str, breaker: "CircuitBreaker") -> None:
        """Report the breaker's state as the provider's ai_service_breaker_state, set at each change.

        A gauge computed at scrape time (set_function) cannot be shared between workers, so the breaker reports
        its changes; `exposition` also rereads it, since an open breaker turns half-open by time alone.
        """
        gauge = self.breaker_state.labels(provider)

        def report(state: "BreakerState") -> None:
            gauge.set(state.value)

        breaker.on_change = report
        self._breakers.append(breaker)
        breaker.observe(force=True)

    def exposition(self) -> bytes:
        """The text /metrics serves: summed over every worker in multiprocess mode, else this app's registry."""
        for breaker in self._breakers:
            breaker.observe()
        if multiprocess_dir() is None:
            return generate_latest(self.registry)
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
        return generate_latest(registry)

    def record_llm_call(self, provider: str, *, seconds: float, tokens_in: int, tokens_out: int) -> None:
        self.llm_request_seconds.labels(provider).observe(seconds)
        self.llm_tokens.labels(provider, "in").inc(tokens_in)
        self.llm_tokens.labels(provider, "out").inc(tokens_out)


def mark_worker_stopped() -> None:
    """Drop this process's live gauges from the shared files, so a stopped worker's breaker state stops counting."""
    if multiprocess_dir() is not None:
        multiprocess.mark_process_dead(os.getpid())
