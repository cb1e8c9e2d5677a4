from __future__ import annotations

from django.db.models import QuerySet

from accounts.models import Organization
from applications.models import Application


def application_list_for_organization(*, organization: Organization) -> QuerySet[Application]:
    return Application.objects.filter(job__organization=organization)
