"""The front door: `/` leads each signed-in person to their home, everyone else to sign in; `/api/` names the API.

A recruiter's home lists their organization's open jobs, the applications of the last days and today's
interviews, linked into the admin where the work is done; an operator's, the operator tools. A candidate is sent
to their portal (/portal/), which is their home.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.db.models import Count, Q, QuerySet
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from accounts.roles import OPERATOR_PERMISSION, is_candidate
from applications.models import Application
from interviews.models import Interview
from jobs.models import JobPosting

NEW_APPLICATION_DAYS = 7
HOME_LIST_SIZE = 10
# What `/api/` lists: the entry points a client starts from, by URL name.
API_ENTRY_POINTS = (
    "api-docs",
    "api-schema",
    "api-token",
    "api-jwt",
    "job-list",
    "candidate-list",
    "resume-list",
    "import-list",
    "application-list",
    "task-list",
    "ws-ticket",
)


def open_jobs(organization: Any) -> QuerySet[JobPosting]:
    """The organization's jobs taking applications now: open, not archived, not past their closing time."""
    now = timezone.now()
    return (
        JobPosting.objects.filter(organization=organization, status=JobPosting.Status.OPEN, archived_at__isnull=True)
        .filter(Q(closes_at__isnull=True) | Q(closes_at__gt=now))
        .annotate(applications_count=Count("applications"))
        .order_by("-created_at")
    )


def new_applications(organization: Any) -> QuerySet[Application]:
    since = timezone.now() - timedelta(days=NEW_APPLICATION_DAYS)
    return (
        Application.objects.filter(job__organization=organization, created_at__gte=since)
        .select_related("candidate", "job")
        .order_by("-created_at")
    )


def todays_interviews(organization: Any) -> QuerySet[Interview]:
    """The organization's interviews still scheduled that start today (the server's day, TIME_ZONE)."""
    start = timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0)
    return (
        Interview.objects.filter(
            application__job__organization=organization,
            status=Interview.Status.SCHEDULED,
            starts_at__gte=start,
            starts_at__lt=start + timedelta(days=1),
        )
        .select_related("application__candidate", "application__job")
        .order_by("starts_at")
    )


def home(request: HttpRequest) -> HttpResponse:
    user = request.user
    if not user.is_authenticated:
        return redirect_to_login(request.get_full_path(), reverse("admin:login"))
    if is_candidate(user):
        return redirect("portal:home")  # a candidate's home is their portal
    organization = getattr(user, "organization", None)
    context: dict[str, Any] = {
        "organization": organization,
        "is_staff": user.is_staff,
        "is_operator": user.has_perm(OPERATOR_PERMISSION),
        "new_application_days": NEW_APPLICATION_DAYS,
    }
    if user.is_staff and organization is not None:
        context["open_jobs"] = list(open_jobs(organization)[:HOME_LIST_SIZE])
        context["new_applications"] = list(new_applications(organization)[:HOME_LIST_SIZE])
        context["interviews"] = list(todays_interviews(organization))
    return render(request, "config/home.html", context)


def api_root(request: HttpRequest) -> JsonResponse:
    """Where a client starts: the API's main routes and its documentation, by name."""
    return JsonResponse(
        {
            "detail": "Recruitment platform API. Sign in with a token (api-token or api-jwt); see api-docs.",
            "links": {name: request.build_absolute_uri(reverse(name)) for name in API_ENTRY_POINTS},
        }
    )
