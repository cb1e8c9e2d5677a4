"""The admin's analytics page: the organization's figures as JSON data for the charts and as tables, CSV links
with the filters, plotly.js served as one of our static files under the Content-Security-Policy, and the page
closed to those outside an organization."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.views import serve
from django.core.management import call_command
from django.test import Client, RequestFactory
from fixtures.analytics_world import AnalyticsWorld, build_analytics_world

from accounts.models import User

pytestmark = pytest.mark.django_db
PLOTLY = "analytics/vendor/plotly.min.js"


@pytest.fixture
def world(organization, recruiter) -> AnalyticsWorld:  # type: ignore[no-untyped-def]
    return build_analytics_world(organization, recruiter)


def _client(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _chart_data(page: str) -> dict[str, list[dict[str, object]]]:
    found = re.search(r'<script id="analytics-data" type="application/json">(.*?)</script>', page, re.S)
    assert found, "the page carries its figures as JSON data"
    return json.loads(found.group(1))


def test_the_page_shows_the_organizations_figures_with_charts_tables_and_csv_links(world) -> None:
    response = _client(world.rita).get("/admin/analytics/", {"job": world.backend.pk, "start": "2026-03-01"})

    assert response.status_code == 200
    page = response.content.decode()
    data = _chart_data(page)
    assert set(data) == {"funnel", "conversion", "time-in-stage", "scores", "missing-skills", "sources"}
    assert [(r["stage"], r["reached"]) for r in data["funnel"][:3]] == [
        ("applied", 4),
        ("screening", 3),
        ("shortlisted", 2),
    ]
    assert f'/api/analytics/scores/export.csv?job={world.backend.pk}&amp;start=2026-03-01"' in page
    assert "<td>Kubernetes</td>" in page
    assert "Secret Role" not in page and "Cobol" not in page and "otto" not in page
    assert f'<script src="/static/{PLOTLY}" defer></script>' in page
    assert '<script src="/static/analytics/analytics.js" defer></script>' in page
    # Every script is a file of ours: the policy forbids inline ones, and the page has none to run.
    assert "script-src 'self';" in response["Content-Security-Policy"]
    assert not re.search(r"<script(?![^>]*(src=|type=\"application/json\"))", page)


def test_invalid_filters_are_shown_on_the_form_and_no_figure_is_drawn(world) -> None:
    response = _client(world.rita).get("/admin/analytics/", {"job": world.other_job.pk})

    assert response.status_code == 200
    assert "No such job in your organization." in response.content.decode()
    assert _chart_data(response.content.decode()) == {}


def test_the_chart_library_is_a_static_file_of_ours(tmp_path: Path, settings) -> None:
    found = finders.find(PLOTLY)
    assert found and Path(found).read_bytes().startswith(b"/**\n* plotly.js v")

    response = serve(RequestFactory().get(f"/static/{PLOTLY}"), PLOTLY, insecure=True)
    assert response.status_code == 200
    assert response.getvalue().startswith(b"/**\n* plotly.js v")

    settings.STATIC_ROOT = tmp_path
    call_command("collectstatic", interactive=False, verbosity=0)
    assert (tmp_path / PLOTLY).read_bytes() == Path(found).read_bytes()
    assert (tmp_path / "analytics" / "analytics.js").is_file()


def test_the_admin_index_and_home_link_to_the_page_for_recruiters_only(world) -> None:
    platform = User.objects.create_superuser(username="root", password="root-password-1", role=User.Role.ADMIN)

    assert 'href="/admin/analytics/"' in _client(world.rita).get("/admin/").content.decode()
    assert 'href="/admin/analytics/"' in _client(world.rita).get("/").content.decode()
    assert 'href="/admin/analytics/"' not in _client(platform).get("/admin/").content.decode()
    assert _client(platform).get("/admin/analytics/").status_code == 403
    assert Client().get("/admin/analytics/")["Location"].startswith("/admin/login/")
