"""What pages give away and what they may run: no debug page, no settings in an error, a Content-Security-Policy
that no page of ours needs to break (every script a static file)."""

from __future__ import annotations

import re

import pytest
from django.contrib import admin
from django.http import HttpRequest, HttpResponse
from django.test import Client
from django.urls import path, reverse

from config.urls import handler404, handler500
from config.urls import urlpatterns as platform_urlpatterns

pytestmark = pytest.mark.django_db

# Secrets in the settings a debug page would show.
LEAKS = ["amqp://", "redis://", "postgres://", "DATABASES", "SECRET_KEY", "Traceback", "urlpatterns", "URLconf"]
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>", re.IGNORECASE)


def boom(request: HttpRequest) -> HttpResponse:
    raise RuntimeError("unexpected failure while reading redis://secret@cache")


# The platform's routes plus one that fails, served through the platform's own error handlers.
urlpatterns = [path("api/boom/", boom), *platform_urlpatterns]
__all__ = ["handler404", "handler500", "urlpatterns"]


@pytest.fixture
def production(settings):  # type: ignore[no-untyped-def]
    settings.DEBUG = False
    settings.ROOT_URLCONF = __name__
    return settings


def test_an_unhandled_api_error_is_json_without_details(production):
    response = Client(raise_request_exception=False).get("/api/boom/")

    assert response.status_code == 500
    assert response.json() == {
        "code": "server_error",
        "detail": "Something went wrong on our side. It has been logged.",
    }
    assert not [leak for leak in [*LEAKS, "secret@cache"] if leak in response.content.decode()]


def test_not_found_pages_leak_nothing(production):
    api = Client().get("/api/no-such-route/")
    page = Client().get("/no-such-page/")

    assert (api.status_code, api.json()) == (404, {"code": "not_found", "detail": "No such API route."})
    assert page.status_code == 404
    assert not [leak for leak in LEAKS if leak in page.content.decode() + api.content.decode()]


def test_admin_pages_have_a_csp_and_no_inline_script(admin_client, admin_user):
    policy = "script-src 'self'"
    request = HttpRequest()
    request.user = admin_user
    pages = [reverse("admin:index"), reverse("task-monitor")]
    for model, model_admin in admin.site._registry.items():
        opts = model._meta
        pages.append(reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist"))
        if model_admin.has_add_permission(request):
            pages.append(reverse(f"admin:{opts.app_label}_{opts.model_name}_add"))

    responses = {page: admin_client.get(page) for page in pages}

    assert {page: response.status_code for page, response in responses.items()} == dict.fromkeys(pages, 200)
    assert [page for page, response in responses.items() if policy not in response["Content-Security-Policy"]] == []
    inline = {page: INLINE_SCRIPT.findall(r.content.decode()) for page, r in responses.items()}
    assert {page: found for page, found in inline.items() if found} == {}


def test_login_page_has_the_policy_and_the_other_headers(client):
    response = client.get("/admin/login/")

    assert "default-src 'self'" in response["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
    assert (response["X-Frame-Options"], response["X-Content-Type-Options"]) == ("DENY", "nosniff")


def test_swagger_ui_runs_under_the_policy_from_our_own_files_and_json_has_no_policy(admin_client):
    docs = admin_client.get("/api/docs/")
    page = docs.content.decode()

    assert "script-src 'self'" in docs["Content-Security-Policy"]
    assert INLINE_SCRIPT.findall(page) == []
    # The Swagger UI bundle is served from the installed sidecar package through our static files, never a CDN.
    assert "/static/drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js" in page
    assert "cdn" not in page.lower()
    assert "Content-Security-Policy" not in admin_client.get("/api/tasks/", HTTP_ACCEPT="application/json")
