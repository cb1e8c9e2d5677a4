from __future__ import annotations

from django.db.models import QuerySet

from accounts.models import Organization
from candidates.models import Candidate


def candidate_list_for_organization(*, organization: Organization) -> QuerySet[Candidate]:
    return Candidate.objects.filter(organization=organization)
