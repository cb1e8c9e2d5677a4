from __future__ import annotations

from django.db.models import QuerySet

from accounts.models import Organization
from jobs.models import JobPosting


def job_list_for_organization(*, organization: Organization) -> QuerySet[JobPosting]:
    return JobPosting.objects.filter(organization=organization)
