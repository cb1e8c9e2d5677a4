"""Who may call what: API keys and a rate limit on /analyze, a bearer token on /metrics, and the headers every
response carries. /health stays open for liveness probes."""

import hashlib
import hmac
from collections.abc import Callable, Coroutine, Sequence
from typing import Any

from fastapi import HTTPException, Request
from fastapi.routing import APIRoute
from fastapi.security import APIKeyHeader
from starlette.datastructures import MutableHeaders
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ai_service.ratelimit import build_limiter
from ai_service.settings import AIServiceSettings

API_KEY_HEADER = "X-API-Key"
# Documents the scheme in the OpenAPI spec (and the docs' "Authorize" button). auto_error is off because the
# check itself runs in KeyCheckedRoute, before the body is read; see there.
api_key_scheme = APIKeyHeader(
    name=API_KEY_HEADER,
    scheme_name="ApiKey",
    description="One of the keys in AI_SERVICE_API_KEY / AI_SERVICE_API_KEYS.",
    auto_error=False,
)
SECURITY_HEADERS = {"X-Content-Type-Options": "nosniff", "X-Frame-Options": "DENY"}


def _digest(secret: str) -> bytes:
    # Comparing fixed-length digests keeps a key's length out of the comparison's timing too.
    return hashlib.sha256(secret.encode()).digest()


class ApiKeys:
    """The accepted keys, held only as digests."""

    def __init__(self, keys: Sequence[str]) -> None:
        self._digests = [_digest(key) for key in keys]

    def __len__(self) -> int:
        return len(self._digests)

    def identify(self, presented: str | None) -> str | None:
        """A stable name for the caller ("key-0", never the key) when `presented` is an accepted key, else None.

        Every key is compared in constant time and the loop never stops early, so the time taken says neither
        whether nor which key matched.
        """
        presented_digest = _digest(presented or "")
        matched: int | None = None
        for index, digest in enumerate(self._digests):
            if hmac.compare_digest(presented_digest, digest):
                matched = index
        return None if matched is None else f"key-{matched}"


def unauthorized(detail: str, scheme: str) -> HTTPException:
    return HTTPException(status_code=401, detail=detail, headers={"WWW-Authenticate": scheme})


class AccessPolicy:
    """The checks of one app instance, built from its settings."""

    def __init__(self, settings: AIServiceSettings) -> None:
        self.api_keys = ApiKeys(settings.accepted_api_keys)
        # Only reachable with AI_ALLOW_NO_API_KEY=true: the settings refuse to build otherwise.
        self.open_analyze = len(self.api_keys) == 0
        self.limiter = build_limiter(settings)
        token = settings.metrics_bearer_token.get_secret_value().strip()
        self._metrics_token = _digest(token) if token else None

    async def admit_analysis(self, request: Request) -> str:
        """The caller's name when it may analyse now; raises 401 (bad key) or 429 (over its rate)."""
        caller = "anonymous" if self.open_analyze else self.api_keys.identify(request.headers.get(API_KEY_HEADER))
        if caller is None:
            raise unauthorized(f"A valid {API_KEY_HEADER} header is required.", "ApiKey")
        wait_seconds = await self.limiter.wait_seconds(caller)
        if wait_seconds:
            raise HTTPException(
                status_code=429,
                detail=f"Rate limit for this API key reached; retry in {wait_seconds} s.",
                headers={"Retry-After": str(wait_seconds)},
            )
        return caller

    def admit_metrics(self, request: Request) -> None:
        """Raises 401 unless METRICS_BEARER_TOKEN is unset or presented as `Authorization: Bearer <token>`."""
        if self._metrics_token is None:
            return
        scheme, _, token = request.headers.get("Authorization", "").partition(" ")
        token_matches = hmac.compare_digest(_digest(token.strip()), self._metrics_token)
        if not (token_matches and scheme.lower() == "bearer"):
            raise unauthorized("A valid bearer token is required for /metrics.", "Bearer")


def policy_of(request: Request) -> AccessPolicy:
    policy: AccessPolicy = request.app.state.access_policy
    return policy


async def require_metrics_token(request: Request) -> None:
    """Dependency of /metrics."""
    policy_of(request).admit_metrics(request)


class KeyCheckedRoute(APIRoute):
    """A route that checks the API key and the caller's rate before anything else.

    FastAPI reads and parses a JSON body before it runs a route's dependencies, so a dependency alone would let
    a caller without a key have a large body parsed, and answer its malformed JSON with 422 instead of 401.
    """

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def checked_handler(request: Request) -> Response:
            request.state.caller = await policy_of(request).admit_analysis(request)
            return await handler(request)

        return checked_handler


class SecurityHeadersMiddleware:
    """Adds SECURITY_HEADERS to every response, errors included, for clients that reach the service directly."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in SECURITY_HEADERS.items():
                    headers[name] = value
            await send(message)

        await self.app(scope, receive, send_with_headers)
