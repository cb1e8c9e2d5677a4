from __future__ import annotations

from django.db.models import QuerySet

from accounts.models import Organization
from jobs.models import JobPosting, RediscoveredCandidate


def job_list_for_organization(*, organization: Organization) -> QuerySet[JobPosting]:
    return JobPosting.objects.filter(organization=organization)


def rediscovered_for_job(*, job: JobPosting) -> QuerySet[RediscoveredCandidate]:
    """The job's rediscovered candidates, best first, with the few candidate fields a list shows (one query)."""
    return (
        RediscoveredCandidate.objects.filter(job=job)
        .select_related("candidate")
        .only(
            "score",
            "found_at",
            "job_id",
            "candidate__id",
            "candidate__name",
            "candidate__current_title",
            "candidate__location",
            "candidate__total_years_experience",
        )
        .order_by("-score", "candidate_id")
    )
