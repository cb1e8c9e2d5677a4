from __future__ import annotations

from django.db.models import QuerySet

from accounts.models import Organization
from candidates.models import Candidate, ResumeVersion


def candidate_list_for_organization(*, organization: Organization) -> QuerySet[Candidate]:
    return Candidate.objects.filter(organization=organization)


def resume_list_for_organization(*, organization: Organization) -> QuerySet[ResumeVersion]:
    return ResumeVersion.objects.filter(organization=organization)
