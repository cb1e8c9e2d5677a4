from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction

from accounts.models import User
from applications import ai_client
from applications.models import Application
from audit.services import audit_record
from candidates.models import Candidate, ResumeVersion
from jobs.models import JobPosting


class ResumeNotReady(Exception):
    """The resume is still being parsed; the analysis waits for it."""


def application_create(*, candidate: Candidate, job: JobPosting, actor: User | None = None) -> Application:
    """Put a candidate into a job's pipeline; the AI analysis is queued by a signal after commit."""
    if candidate.organization_id != job.organization_id:
        raise ValidationError("The candidate and the job belong to different organizations.")
    if Application.objects.filter(candidate=candidate, job=job).exists():
        raise ValidationError("This candidate has already applied to this job.")
    with transaction.atomic():
        application = Application.objects.create(candidate=candidate, job=job)
        audit_record(action="application.created", organization=job.organization, actor=actor, target=application)
    return application


def application_analyze(*, application_id: int) -> str:
    """Ask the AI service to screen the application and store the result. Returns the analysis status.

    Safe to run twice: a finished analysis is not repeated.
    """
    application = Application.objects.select_related("candidate", "job").filter(pk=application_id).first()
    if application is None:
        return "missing"
    if application.analysis_status == Application.AnalysisStatus.DONE:
        return application.analysis_status
    candidate = application.candidate
    if not candidate.extracted_text.strip():
        waiting = (ResumeVersion.ParseStatus.PENDING, ResumeVersion.ParseStatus.PARSING)
        if candidate.resume_versions.filter(parse_status__in=waiting).exists():
            raise ResumeNotReady(f"The resume of candidate {candidate.pk} is still being parsed.")
        return application_mark_failed(
            application_id=application_id, error="The candidate has no resume text to analyse."
        )
    try:
        analysis = ai_client.analyze(job_description=application.job.description, resume_text=candidate.extracted_text)
    except ai_client.AIServiceRejected as error:
        return application_mark_failed(application_id=application_id, error=str(error))
    Application.objects.filter(pk=application_id).update(
        ai_score=analysis.match_score,
        ai_feedback=analysis.as_feedback(),
        analysis_status=Application.AnalysisStatus.DONE,
        analysis_error="",
    )
    return Application.AnalysisStatus.DONE


def application_mark_failed(*, application_id: int, error: str) -> str:
    Application.objects.filter(pk=application_id).update(
        analysis_status=Application.AnalysisStatus.FAILED, analysis_error=error
    )
    return Application.AnalysisStatus.FAILED
