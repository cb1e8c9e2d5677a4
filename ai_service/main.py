"""The AI screening service: `uvicorn ai_service.main:app --port 8001`.

Routes: POST /analyze (needs an X-API-Key, rate-limited per key), GET /health (open), GET /metrics (a bearer
token when METRICS_BEARER_TOKEN is set); OpenAPI docs at /docs. Every error is JSON with a stable `code`:
unauthorized (401), rate_limited (429), validation_error (422), provider_error (502, only with
AI_FALLBACK_TO_BUILTIN=false), not_found, method_not_allowed, http_error, internal_error (500).
"""

import logging
import time
from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager

from fastapi import APIRouter, Depends, FastAPI, Request, Security
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from prometheus_client import CONTENT_TYPE_LATEST
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import Response
from starlette.types import ASGIApp, Receive, Scope, Send

from ai_service.access import (
    AccessPolicy,
    KeyCheckedRoute,
    SecurityHeadersMiddleware,
    api_key_scheme,
    require_metrics_token,
)
from ai_service.analysis import Screening
from ai_service.docs import add_offline_docs
from ai_service.log_config import configure_logging
from ai_service.metrics import ServiceMetrics, mark_worker_stopped
from ai_service.providers import ProviderError, build_bands, build_breaker, build_provider
from ai_service.providers.resilience import Clock
from ai_service.ranked import RankedScorer
from ai_service.request_id import RequestIdMiddleware
from ai_service.schemas import AnalyzeRequest, AnalyzeResponse, ErrorResponse, analyze_request_model
from ai_service.settings import AIServiceSettings

logger = logging.getLogger("ai_service")

ERROR_CODE_BY_STATUS = {401: "unauthorized", 404: "not_found", 405: "method_not_allowed", 429: "rate_limited"}


class HealthResponse(BaseModel):
    status: str
    provider: str


class AIServiceApp(FastAPI):
    """FastAPI with the request id and SecurityHeadersMiddleware outermost, around even the handler of unexpected
    errors (which Starlette places outside every middleware added with add_middleware)."""

    def build_middleware_stack(self) -> ASGIApp:
        return RequestIdMiddleware(SecurityHeadersMiddleware(super().build_middleware_stack()))


class RootPathMiddleware:
    """Tells the app the URL prefix the gateway serves it under (/api/ai), as `uvicorn --root-path` would,
    so /docs loads its schema through the gateway. (FastAPI's own `root_path=` argument is deprecated.)"""

    def __init__(self, app: ASGIApp, root_path: str) -> None:
        self.app = app
        self.root_path = root_path

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] in ("http", "websocket"):
            scope["root_path"] = self.root_path
        await self.app(scope, receive, send)


def _error(status_code: int, detail: object, code: str, headers: Mapping[str, str] | None = None) -> JSONResponse:
    return JSONResponse(status_code=status_code, content={"detail": detail, "code": code}, headers=headers)


def _add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
        # Leave out the rejected input: it may be a whole resume, personal data we should not echo.
        problems = [
            {"loc": list(problem["loc"]), "msg": problem["msg"], "type": problem["type"]} for problem in exc.errors()
        ]
        return _error(422, problems, "validation_error")

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = ERROR_CODE_BY_STATUS.get(exc.status_code, "http_error")
        return _error(exc.status_code, exc.detail, code, headers=exc.headers)

    @app.exception_handler(ProviderError)
    async def provider_error(request: Request, exc: ProviderError) -> JSONResponse:
        return _error(502, str(exc), "provider_error")

    @app.exception_handler(Exception)
    async def internal_error(request: Request, exc: Exception) -> JSONResponse:
        logger.exception("unhandled error", extra={"path": request.url.path})
        return _error(500, "Internal error; the service logs have the details.", "internal_error")


def _add_routes(app: FastAPI, settings: AIServiceSettings, screening: Screening, metrics: ServiceMetrics) -> None:
    analyze_request = analyze_request_model(settings.ai_max_input_chars)
    provider = screening.provider
    # Every route on this router checks the caller's key and rate first (KeyCheckedRoute); the dependency puts
    # the scheme in the OpenAPI spec.
    keyed = APIRouter(route_class=KeyCheckedRoute, dependencies=[Security(api_key_scheme)])

    @keyed.post(
        "/analyze",
        response_model=AnalyzeResponse,
        responses={
            401: {"model": ErrorResponse, "description": "The X-API-Key header is missing or not a valid key."},
            429: {"model": ErrorResponse, "description": "The key's rate limit is reached; see Retry-After."},
            422: {"model": ErrorResponse, "description": "The request body is invalid."},
            502: {
                "model": ErrorResponse,
                "description": "The language model failed or answered badly, and AI_FALLBACK_TO_BUILTIN is off.",
            },
        },
    )
    # The body model is built at runtime from the input limit, which a type checker cannot follow.
    async def analyze_route(payload: analyze_request, http_request: Request) -> AnalyzeResponse:  # type: ignore[valid-type]
        """Score a resume against a job description and screen it.

        The score, `missing_skills` and `breakdown` are the deterministic scorer's. The provider writes the
        summary, the interview questions and the `screening`; strengths and concerns whose quote is not in the
        resume, and missing requirements the job does not name, are dropped (`dropped_claims`). When the
        configured provider fails (after its retries), is paused by its circuit breaker, or answers ungrounded,
        the builtin provider screens instead: `provider` is then "builtin", `fallback_from` the configured
        provider and `fallback_reason` why.
        """
        request: AnalyzeRequest = payload
        started = time.perf_counter()
        try:
            result = await screening.analyze(request)
        except ProviderError as error:
            logger.warning(
                "analysis failed", extra={"provider": provider.name, "reason": error.reason.value, "error": str(error)}
            )
            raise
        _log_analysis(request, result, http_request.state.caller, started)
        return result

    app.include_router(keyed)

    @app.get("/health", response_model=HealthResponse)
    async def health() -> HealthResponse:
        """Liveness: the service is up and this is its provider."""
        return HealthResponse(status="ok", provider=provider.name)

    @app.get("/metrics", include_in_schema=False, dependencies=[Depends(require_metrics_token)])
    async def prometheus_metrics() -> Response:
        return Response(metrics.exposition(), media_type=CONTENT_TYPE_LATEST)


def _log_analysis(request: AnalyzeRequest, result: AnalyzeResponse, caller: str, started: float) -> None:
    """One line per analysis: who asked, what answered and how long it took; lengths only, never the texts."""
    logger.info(
        "analysis finished",
        extra={
            "provider": result.provider,
            "model": result.model,
            "fallback_from": result.fallback_from,
            "fallback_reason": result.fallback_reason,
            "prompt_version": result.prompt_version,
            "recommendation": result.screening.recommendation,
            "needs_human_review": result.screening.needs_human_review,
            "dropped_claims": result.dropped_claims,
            "caller": caller,
            "match_score": result.match_score,
            "job_description_chars": len(request.job_description),
            "resume_chars": len(request.resume_text),
            "duration_ms": round((time.perf_counter() - started) * 1000, 1),
        },
    )


def create_app(settings: AIServiceSettings | None = None, *, clock: Clock = time.monotonic) -> FastAPI:
    """Build the service from `settings` (default: the environment). `clock` times the circuit breaker's
    cool-down and the retry deadline."""
    settings = settings or AIServiceSettings()
    configure_logging()
    metrics = ServiceMetrics()
    # One provider, and so one HTTP client and connection pool, per app; closed when the app shuts down.
    provider = build_provider(settings, metrics=metrics, clock=clock)
    screening = Screening(
        provider=provider,
        breaker=build_breaker(settings, clock=clock),
        metrics=metrics,
        bands=build_bands(settings),
        fallback_to_builtin=settings.ai_fallback_to_builtin,
        scorer=RankedScorer(settings),
    )
    access_policy = AccessPolicy(settings)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        await screening.warm_up()
        try:
            yield
        finally:
            await provider.aclose()
            await access_policy.limiter.aclose()
            # A stopped worker's live gauges (breaker states) leave the sum the other workers serve.
            mark_worker_stopped()

    app = AIServiceApp(
        title="AI screening service",
        version="1.0.0",
        description="Deterministic resume-to-job scoring, screened by the configured provider with every quoted"
        " claim checked against the resume.",
        lifespan=lifespan,
        docs_url=None,  # served from a package's files by add_offline_docs, not from a CDN
        redoc_url=None,
    )
    add_offline_docs(app)
    app.state.access_policy = access_policy
    app.state.screening = screening
    metrics.instrument(app)
    if settings.ai_root_path:
        app.add_middleware(RootPathMiddleware, root_path=settings.ai_root_path.rstrip("/"))
    _add_error_handlers(app)
    _add_routes(app, settings, screening, metrics)
    logger.info(
        "ai service configured",
        extra={
            "provider": provider.name,
            "model": provider.model,
            "api_keys": len(app.state.access_policy.api_keys),
            "fallback_to_builtin": settings.ai_fallback_to_builtin,
        },
    )
    return app


_app: FastAPI | None = None


def __getattr__(name: str) -> FastAPI:
    """`ai_service.main:app`, built from the environment on first use rather than on import, so that code which
    only imports create_app (tests, tools) needs no configured API key."""
    global _app
    if name != "app":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    if _app is None:
        _app = create_app()
    return _app
