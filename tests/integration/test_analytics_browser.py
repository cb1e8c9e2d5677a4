"""The analytics page in a real browser (Debian's chromium, driven by Playwright): plotly.js, served as one of our
static files, draws every figure that has data, and the Content-Security-Policy never has to refuse anything."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.conf import settings
from django.test import Client
from fixtures.analytics_world import build_analytics_world

pytestmark = pytest.mark.django_db(transaction=True)  # the live server reads what the test wrote


@pytest.fixture(scope="module", autouse=True)
def orm_beside_playwright() -> Iterator[None]:
    """Playwright's sync API keeps an event loop running in this thread while the browser is open; the test's own
    ORM calls (and the database flush after it) are still plain synchronous code."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        yield


def test_the_charts_are_drawn_under_the_content_security_policy(
    live_server, browser: Any, organization, recruiter
) -> None:
    build_analytics_world(organization, recruiter)
    client = Client()
    client.force_login(recruiter)
    context = browser.new_context(base_url=live_server.url)
    context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )
    page = context.new_page()
    refused: list[str] = []
    page.on(
        "console", lambda message: refused.append(message.text) if "Content Security Policy" in message.text else None
    )
    page.on("pageerror", lambda error: refused.append(str(error)))

    response = page.goto("/admin/analytics/")

    assert response is not None and "script-src 'self'" in response.headers["content-security-policy"]
    page.wait_for_function("document.querySelectorAll('.analytics-chart .main-svg').length > 0")
    drawn = page.eval_on_selector_all(
        ".analytics-chart", "charts => charts.map(c => [c.dataset.figure, !!c.querySelector('.main-svg')])"
    )
    assert dict(drawn) == {
        "funnel": True,
        "conversion": True,
        "time-in-stage": True,
        "scores": True,
        "missing-skills": True,
        "sources": True,
    }
    assert page.locator(".analytics-chart[data-figure=funnel] .bars path").count() > 0
    assert refused == []
    context.close()
