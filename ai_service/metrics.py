"""Prometheus metrics of the AI service, in a registry of its own so each app instance counts separately."""

import time

from prometheus_client import CollectorRegistry, Counter, Histogram
from starlette.types import ASGIApp, Message, Receive, Scope, Send


class ServiceMetrics:
    """Request count and latency by route, and analyses by provider and outcome."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        self.requests = Counter(
            "ai_service_http_requests",
            "HTTP requests handled, by method, route template and status code.",
            ["method", "route", "status"],
            registry=self.registry,
        )
        self.request_seconds = Histogram(
            "ai_service_http_request_duration_seconds",
            "Time to answer an HTTP request, by method and route template.",
            ["method", "route"],
            registry=self.registry,
        )
        self.analyses = Counter(
            "ai_service_analyses",
            "Analyses by provider and outcome (success, provider_error).",
            ["provider", "outcome"],
            registry=self.registry,
        )


class MetricsMiddleware:
    """Counts and times every HTTP request under its route template ("/analyze"), not its raw path."""

    def __init__(self, app: ASGIApp, metrics: ServiceMetrics) -> None:
        self.app = app
        self.metrics = metrics

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        status = 500  # what the client gets if the app raises before answering

        async def send_and_record_status(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        started = time.perf_counter()
        try:
            await self.app(scope, receive, send_and_record_status)
        finally:
            # The router stores the matched route in the scope; unmatched paths share one label.
            route = scope.get("route")
            route_label = getattr(route, "path", "unmatched")
            self.metrics.requests.labels(scope["method"], route_label, str(status)).inc()
            self.metrics.request_seconds.labels(scope["method"], route_label).observe(time.perf_counter() - started)
