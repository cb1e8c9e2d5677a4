"""Content-Security-Policy on the HTML pages Django serves (the admin, the task monitor, error pages).

Every script of those pages is a static file, so the policy allows scripts from our own origin only: an injected
inline script does not run.
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse

HEADER = "Content-Security-Policy"


class ContentSecurityPolicyMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        policy = settings.CONTENT_SECURITY_POLICY
        is_html = response.get("Content-Type", "").startswith("text/html")
        if policy and is_html and HEADER not in response:
            response[HEADER] = policy
        return response
