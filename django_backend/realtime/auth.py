"""WebSocket authentication: a single-use ticket in the query string, or the browser's session.

Service clients `POST /api/ws-tickets/` with their API token or JWT and connect with `?ticket=<ticket>` within
WS_TICKET_TTL_SECONDS. An API token in the URL (`?token=`) is refused: URLs end up in access logs and proxies.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs

from channels.auth import AuthMiddlewareStack
from channels.security.websocket import AllowedHostsOriginValidator
from django.contrib.auth.models import AnonymousUser

from realtime.tickets import ws_ticket_redeem_async

# Read by the consumers (realtime.consumers.CLOSE_TOKEN_IN_URL): why an unauthenticated socket is refused.
REFUSAL_SCOPE_KEY = "auth_refusal"
TOKEN_IN_URL = "token_in_url"  # noqa: S105 - a reason, not a secret


class TicketOrSessionAuthMiddleware:
    """`?ticket=` for service clients; otherwise the session cookie, from an allowed origin only (a cookie is sent
    by the browser on any page's behalf; a ticket is only known to the client that asked for it)."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.session_app = AllowedHostsOriginValidator(AuthMiddlewareStack(inner))

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> Any:
        query = parse_qs(scope.get("query_string", b"").decode())
        if "token" in query:
            refused = dict(scope, user=AnonymousUser(), **{REFUSAL_SCOPE_KEY: TOKEN_IN_URL})
            return await self.inner(refused, receive, send)
        ticket = (query.get("ticket") or [""])[0]
        if ticket:
            user = await ws_ticket_redeem_async(ticket) or AnonymousUser()
            return await self.inner(dict(scope, user=user), receive, send)
        return await self.session_app(scope, receive, send)
