"""The events that send email. The pipeline and imports sit below this app and announce theirs with signals
(notifications.signals); messaging, above it, calls notify itself (messaging.reminders)."""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from applications.models import Application, ApplicationAnalysis, StageChange
from applications.pipeline import Stage
from ingestion.models import ImportBatch
from notifications.models import EmailNotification
from notifications.services import notify

# Moves a candidate hears about; the stages before interviewing are the recruiters' own sorting.
CANDIDATE_STAGES = frozenset({Stage.INTERVIEWING, Stage.OFFERED, Stage.HIRED, Stage.REJECTED})
FINISHED_IMPORT_STATES = frozenset({ImportBatch.State.DONE, ImportBatch.State.FAILED})


def user_name(user: Any) -> str:
    """How an email greets a staff user: their full name, else their username."""
    return (user.get_full_name() or user.username) if user is not None else ""


def stage_change_notify(change: StageChange) -> EmailNotification | None:
    """Tell the candidate their application moved to a stage they should know about (none for earlier stages)."""
    if change.to_stage not in CANDIDATE_STAGES:
        return None
    application = Application.objects.select_related("candidate", "job__organization").get(pk=change.application_id)
    candidate, job = application.candidate, application.job
    context = {
        "candidate_name": candidate.name,
        "job_title": job.title,
        "organization_name": job.organization.name,
        "stage": change.to_stage,
        "stage_label": Stage(change.to_stage).label,
    }
    return notify(
        EmailNotification.Kind.STAGE_CHANGED,
        candidate.email,
        context,
        f"stage_changed:{change.pk}",
        organization=job.organization,
        application=application,
    )


def analysis_ready_notify(analysis: ApplicationAnalysis) -> EmailNotification:
    """Tell the recruiter responsible for the application that its AI screening is ready to review.

    Applications record no owner of their own: the recruiter who created the job is the one responsible.
    """
    application = Application.objects.select_related("candidate", "job__organization", "job__created_by").get(
        pk=analysis.application_id
    )
    job, recruiter = application.job, application.job.created_by
    context = {
        "recipient_name": user_name(recruiter),
        "candidate_name": application.candidate.name or f"Candidate {application.candidate_id}",
        "job_title": job.title,
        "match_score": round(analysis.match_score) if analysis.match_score is not None else None,
        "recommendation": analysis.get_recommendation_display() if analysis.recommendation else "",
        "needs_human_review": analysis.needs_human_review,
        "admin_path": reverse("admin:applications_application_change", args=[application.pk]),
    }
    return notify(
        EmailNotification.Kind.ANALYSIS_READY,
        getattr(recruiter, "email", ""),
        context,
        f"analysis_ready:{analysis.pk}",
        organization=job.organization,
        application=application,
    )


def import_finished_notify(batch: ImportBatch) -> EmailNotification | None:
    """Tell whoever started an import that it finished (done or failed); nothing while it is still running."""
    if batch.state not in FINISHED_IMPORT_STATES:
        return None
    starter = batch.created_by
    context = {
        "recipient_name": user_name(starter),
        "archive_name": batch.archive_name,
        "succeeded": batch.state == ImportBatch.State.DONE,
        "total": batch.total,
        "imported": batch.processed - batch.failed,
        "failed": batch.failed,
        "error": batch.error[:300],
        "admin_path": reverse("admin:ingestion_importbatch_change", args=[batch.pk]),
    }
    return notify(
        EmailNotification.Kind.IMPORT_FINISHED,
        getattr(starter, "email", ""),
        context,
        f"import_finished:{batch.pk}",
        organization=batch.organization,
        import_batch=batch,
    )
