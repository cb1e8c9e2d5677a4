from __future__ import annotations

from django.db.models import OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce

from accounts.models import Organization
from applications.models import Application, ApplicationNote, StageChange


def with_stage_entered_at(queryset: QuerySet[Application]) -> QuerySet[Application]:
    """Annotate when each application entered its current stage (its latest StageChange, else its creation), in
    the same query: Application.time_in_stage reads it."""
    latest = StageChange.objects.filter(application=OuterRef("pk")).order_by("-changed_at", "-pk").values("changed_at")
    return queryset.annotate(stage_entered_at=Coalesce(Subquery(latest[:1]), "created_at"))


def application_list_for_organization(*, organization: Organization) -> QuerySet[Application]:
    return with_stage_entered_at(Application.objects.filter(job__organization=organization))


def stage_history(*, application: Application) -> QuerySet[StageChange]:
    return StageChange.objects.filter(application=application).select_related("changed_by").order_by("changed_at", "pk")


def application_notes(*, application: Application) -> QuerySet[ApplicationNote]:
    return ApplicationNote.objects.filter(application=application).select_related("author").order_by("created_at", "pk")
