from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from typing import Any

from django.db.models import QuerySet

from accounts.models import Organization
from candidates.models import Candidate
from interviews.models import Interview, InterviewFeedback


def interview_list_for_organization(*, organization: Organization) -> QuerySet[Interview]:
    """The organization's interviews, with what the API, the invitation and the admin read (no query per row)."""
    return (
        Interview.objects.filter(application__job__organization=organization)
        .select_related("application__job", "application__candidate", "created_by")
        .prefetch_related("interviewers")
    )


def interviews_of_candidate(*, candidate: Candidate) -> QuerySet[Interview]:
    """The interviews of the candidate's own applications, soonest first, with what the portal shows."""
    return (
        Interview.objects.filter(application__candidate=candidate)
        .select_related("application__job")
        .prefetch_related("interviewers")
        .order_by("starts_at", "pk")
    )


def interview_list_filter(queryset: QuerySet[Interview], options: dict[str, Any]) -> QuerySet[Interview]:
    """Narrowed by validated list options: application, job, status, and `from` / `to` dates (UTC days,
    inclusive) that the interview starts on."""
    if "application" in options:
        queryset = queryset.filter(application_id=options["application"])
    if "job" in options:
        queryset = queryset.filter(application__job_id=options["job"])
    if "status" in options:
        queryset = queryset.filter(status=options["status"])
    if "from" in options:
        queryset = queryset.filter(starts_at__gte=_utc_midnight(options["from"]))
    if "to" in options:
        queryset = queryset.filter(starts_at__lt=_utc_midnight(options["to"]) + timedelta(days=1))
    return queryset


def interview_feedback(*, interview: Interview) -> QuerySet[InterviewFeedback]:
    return InterviewFeedback.objects.filter(interview=interview).order_by("submitted_at", "pk")


def _utc_midnight(day: Any) -> datetime:
    return datetime.combine(day, time.min, tzinfo=UTC)
