"""The admin's analytics page: the organization's figures as charts (plotly.js, served by us) and tables, with the
filters of the API and links to each figure's CSV.

The figures go into the page as JSON data (`json_script`), which the page's static script draws: no inline script,
so the admin's Content-Security-Policy holds.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse

from accounts.models import User
from analytics.figures import FIGURES
from analytics.filters import AnalyticsFilterForm, AnalyticsFilters

# The permission that lets a recruiter read applications: the figures are made of them.
VIEW_PERMISSION = "applications.view_application"


def can_view_analytics(user: object) -> bool:
    return isinstance(user, User) and user.organization_id is not None and user.has_perm(VIEW_PERMISSION)


def analytics_page(request: HttpRequest) -> HttpResponse:
    """Reads only: the figures of the user's organization, filtered by the form (invalid filters show none)."""
    user = request.user
    if not can_view_analytics(user):
        raise PermissionDenied
    assert isinstance(user, User) and user.organization is not None  # checked above
    form = AnalyticsFilterForm(request.GET or None, organization=user.organization)
    filters = form.filters() if form.is_valid() else AnalyticsFilters(organization=user.organization)
    query = urlencode(filters.as_query())
    figures = []
    if not form.is_bound or form.is_valid():
        for figure in FIGURES.values():
            payload = figure.payload(filters)
            csv_url = reverse(f"analytics-{figure.slug}-csv") + (f"?{query}" if query else "")
            figures.append({**payload, "csv_url": csv_url, "table": _table(payload)})
    context = {
        **admin.site.each_context(request),
        "title": "Recruiting analytics",
        "form": form,
        "figures": figures,
        "chart_data": {figure["figure"]: figure["rows"] for figure in figures},
    }
    return TemplateResponse(request, "admin/analytics/analytics.html", context)


def _table(payload: dict[str, Any]) -> list[list[Any]]:
    return [[row.get(column) for column in payload["columns"]] for row in payload["rows"]]


# Behind the admin's sign-in (staff only, else to the login page); the organization check is the view's own.
analytics_admin_view = admin.site.admin_view(analytics_page)
