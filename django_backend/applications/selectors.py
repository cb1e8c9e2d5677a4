from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.db.models import OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce

from accounts.models import Organization
from applications.ai_client import feedback_analysis
from applications.models import Application, ApplicationNote, StageChange
from candidates.models import Candidate


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


# --- The candidate's side: their applications, without what recruiters keep to themselves ----------------------


def applications_of_candidate(*, candidate: Candidate) -> QuerySet[Application]:
    """A candidate's own applications, newest first, with their job and latest screening run (one query)."""
    return with_stage_entered_at(Application.objects.filter(candidate=candidate)).select_related(
        "job", "latest_analysis"
    )


def stage_history_for_candidate(*, application: Application) -> list[dict[str, object]]:
    """The stages an application went through, oldest first: when and where to; never who moved it, nor the
    reason or note a recruiter wrote with the move."""
    rows = StageChange.objects.filter(application=application).order_by("changed_at", "pk")
    return [
        {"from_stage": row.from_stage, "to_stage": row.to_stage, "changed_at": row.changed_at}
        for row in rows.only("from_stage", "to_stage", "changed_at")
    ]


@dataclass(frozen=True)
class GapFeedback:
    """What the screening found missing, as a recruiter released it to the candidate."""

    missing_requirements: list[str]
    missing_skills: list[str]
    released_at: datetime


def released_gap_feedback(*, application: Application) -> GapFeedback | None:
    """The gap feedback of the application's latest screening run, or None until a recruiter has released it."""
    run = application.latest_analysis
    if run is None or run.feedback_released_at is None:
        return None
    analysis = feedback_analysis(run.result, score=run.match_score)
    return GapFeedback(
        missing_requirements=list(analysis.screening.missing_requirements),
        missing_skills=list(analysis.missing_skills),
        released_at=run.feedback_released_at,
    )
