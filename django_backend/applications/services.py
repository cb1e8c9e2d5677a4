from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.utils import timezone

from accounts.models import User
from applications import ai_client
from applications.announcements import analysis_ready, stage_changed
from applications.models import Application, ApplicationAnalysis, ApplicationNote, StageChange
from applications.pipeline import Stage, StageChangeRefused, check_move
from audit.services import audit_record
from candidates.models import Candidate, ResumeVersion
from jobs.lifecycle import ensure_accepts_applications
from jobs.models import JobPosting
from matching.ranking import explain_pair
from realtime.services import broadcast_organization

# What live admin lists listen for (templates/admin/applications/application/change_list.html).
STAGE_EVENT = "application.stage"
MAX_TEXT = 5000  # reasons, notes: enough for a paragraph, not a pasted resume


class ResumeNotReady(Exception):
    """The resume is still being parsed; the analysis waits for it."""


class DuplicateApplication(ValidationError):
    """The candidate already has an application to this job (one per pair, a database constraint too)."""

    def __init__(self) -> None:
        super().__init__("This candidate has already applied to this job.", code="duplicate_application")


def application_create(*, candidate: Candidate, job: JobPosting, actor: User | None = None) -> Application:
    """Put a candidate into an open job's pipeline; the AI analysis is queued by a signal after commit."""
    if candidate.organization_id != job.organization_id:
        raise ValidationError("The candidate and the job belong to different organizations.")
    ensure_accepts_applications(job)  # JobNotOpen for a draft, closed or archived job
    if Application.objects.filter(candidate=candidate, job=job).exists():
        raise DuplicateApplication()
    try:
        with transaction.atomic():
            application = Application.objects.create(candidate=candidate, job=job)
            StageChange.objects.create(application=application, to_stage=application.status, changed_by=actor)
            audit_record(action="application.created", organization=job.organization, actor=actor, target=application)
    except IntegrityError as error:  # a concurrent request created it between the check and the insert
        if Application.objects.filter(candidate=candidate, job=job).exists():
            raise DuplicateApplication() from error
        raise
    return application


@dataclass(frozen=True)
class StageMove:
    application: Application
    change: StageChange


def move_to_stage(
    *,
    application: Application,
    stage: str,
    by: User | None,
    reason: str = "",
    note: str = "",
    notify_candidate: bool = True,
) -> StageMove:
    """Move an application to `stage` if the pipeline allows it (applications.pipeline), atomically: the stage,
    its StageChange row and the audit event are written together, or nothing is. Live admin lists are told
    after commit. Raises StageChangeRefused (with a code) for a move the pipeline does not allow.
    `notify_candidate=False` when the caller emails the candidate about the move itself (an interview invitation).
    """
    reason, note = _text(reason, "reason"), _text(note, "note")
    with transaction.atomic():
        # Locked and re-read: two recruiters moving the same application are applied one after the other.
        locked = Application.objects.select_for_update(of=("self",)).select_related("job").get(pk=application.pk)
        current = locked.status
        target = check_move(current, stage, reason)
        locked.status = target
        locked.save(update_fields=["status", "updated_at"])
        change = StageChange.objects.create(
            application=locked, from_stage=current, to_stage=target, changed_by=by, reason=reason, note=note
        )
        if notify_candidate:
            # The candidate hears of interviews, offers and decisions, after commit (notifications.signals).
            stage_changed.send(sender=StageChange, change=change)
        organization_id = locked.job.organization_id
        audit_record(
            action="application.stage_changed",
            organization=locked.job.organization,
            actor=by,
            target=locked,
            from_stage=current,
            to_stage=target.value,
        )
        event = {"type": STAGE_EVENT, "application_id": locked.pk, "stage": target.value}
        transaction.on_commit(lambda: broadcast_organization(organization_id, event))
    application.status, application.updated_at = locked.status, locked.updated_at
    return StageMove(application=locked, change=change)


def _text(value: str | None, what: str) -> str:
    value = (value or "").strip()
    if len(value) > MAX_TEXT:
        raise ValidationError(f"A {what} holds at most {MAX_TEXT} characters.", code="too_long")
    return value


@dataclass(frozen=True)
class BulkOutcome:
    """What happened to one id of a bulk move: `moved`, `not_allowed` (with code and detail) or `not_found`."""

    id: int
    outcome: str
    stage: str = ""
    code: str = ""
    detail: str = ""


def bulk_move_to_stage(
    *, applications: QuerySet[Application], ids: Iterable[int], stage: str, by: User | None, reason: str = ""
) -> list[BulkOutcome]:
    """Apply move_to_stage to each id found in `applications` (the caller's scope), one transaction per
    application: one refused move does not undo the others. Ids outside the scope read as not found.
    """
    wanted = list(dict.fromkeys(ids))
    found = applications.in_bulk(wanted)
    outcomes = []
    for pk in wanted:
        application = found.get(pk)
        if application is None:
            outcomes.append(BulkOutcome(id=pk, outcome="not_found", detail="No such application."))
            continue
        try:
            moved = move_to_stage(application=application, stage=stage, by=by, reason=reason)
        except StageChangeRefused as refused:
            outcomes.append(BulkOutcome(id=pk, outcome="not_allowed", code=refused.code, detail=refused.message))
            continue
        outcomes.append(BulkOutcome(id=pk, outcome="moved", stage=moved.change.to_stage))
    return outcomes


def application_note_add(*, application: Application, author: User | None, text: str) -> ApplicationNote:
    text = _text(text, "note")
    if not text:
        raise ValidationError("A note needs some text.", code="empty_note")
    with transaction.atomic():
        note = ApplicationNote.objects.create(application=application, author=author, text=text)
        audit_record(
            action="application.note_added",
            organization=application.job.organization,
            actor=author,
            target=application,
            note_id=note.pk,
        )
    return note


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
    # One score per pair: the ranking's (skills in context, semantic similarity, location, knock-outs), cached in
    # MatchScore, is the application's score and the one the screening is checked against.
    match = explain_pair(job=application.job, candidate=candidate)
    try:
        analysis = ai_client.analyze(
            job_description=application.job.description,
            resume_text=candidate.extracted_text,
            match_score=match.score,
        )
    except ai_client.AIServiceRejected as error:
        return application_mark_failed(application_id=application_id, error=str(error))
    application_analysis_store(application_id=application_id, analysis=analysis)
    return Application.AnalysisStatus.DONE


def application_analysis_store(*, application_id: int, analysis: ai_client.Analysis) -> ApplicationAnalysis:
    """Record one finished run and make it the application's result (ai_score, ai_feedback, latest_analysis).

    The run's row holds the fields recruiters filter on as columns and the whole reply as `result`.
    """
    with transaction.atomic():
        record = ApplicationAnalysis.objects.create(
            application_id=application_id,
            match_score=analysis.match_score,
            recommendation=analysis.screening.recommendation,
            needs_human_review=analysis.screening.needs_human_review,
            provider=analysis.provider,
            model=analysis.model,
            prompt_version=analysis.prompt_version,
            fallback=analysis.fallback,
            fallback_from=analysis.fallback_from,
            fallback_reason=analysis.fallback_reason,
            dropped_claims=analysis.dropped_claims,
            flags=analysis.flags,
            result=analysis.as_feedback(),
        )
        Application.objects.filter(pk=application_id).update(
            ai_score=analysis.match_score,
            ai_feedback=record.result,
            latest_analysis=record,
            analysis_status=Application.AnalysisStatus.DONE,
            analysis_error="",
        )
        analysis_ready.send(sender=ApplicationAnalysis, analysis=record)
        audit_record(action="application.analyzed", **_analysis_event(application_id, record, analysis))
    return record


def _analysis_event(application_id: int, record: ApplicationAnalysis, analysis: ai_client.Analysis) -> dict[str, Any]:
    """What the audit log keeps of a run: its id, who wrote it and the numbers, never the summary's text."""
    application = Application.objects.select_related("job__organization").get(pk=application_id)
    return {
        "organization": application.job.organization,
        "target": application,
        "analysis_id": record.pk,
        "provider": analysis.provider,
        "model": analysis.model,
        "fallback": analysis.fallback,
        "recommendation": analysis.screening.recommendation,
        "match_score": analysis.match_score,
        "breakdown": {name: round(value, 2) for name, value in analysis.breakdown.items()},
    }


def application_mark_failed(*, application_id: int, error: str) -> str:
    Application.objects.filter(pk=application_id).update(
        analysis_status=Application.AnalysisStatus.FAILED, analysis_error=error
    )
    return Application.AnalysisStatus.FAILED


# --- The candidate's side ------------------------------------------------------------------------------------

WITHDRAWN_BY_CANDIDATE = "Withdrawn by the candidate."


class ResumeMissing(ValidationError):
    """A candidate applying before uploading a resume: there would be nothing to screen."""

    def __init__(self) -> None:
        super().__init__("Upload your resume before applying.", code="resume_missing")


def candidate_apply(*, candidate: Candidate, job: JobPosting, by: User) -> Application:
    """The candidate's own application to an open job of their organization (application_create: JobNotOpen,
    DuplicateApplication); they need a resume first."""
    if candidate.current_resume_id is None and not candidate.resume_versions.exists():
        raise ResumeMissing()
    return application_create(candidate=candidate, job=job, actor=by)


def application_withdraw(*, application: Application, by: User) -> StageMove:
    """The candidate's own move: out of the pipeline, from any stage that is not final (StageChangeRefused from
    hired, rejected or withdrawn). Recorded, notified and audited as every move."""
    return move_to_stage(application=application, stage=Stage.WITHDRAWN, by=by, reason=WITHDRAWN_BY_CANDIDATE)


def analysis_feedback_release(*, applications: Iterable[Application], by: User | None) -> int:
    """Release the gap feedback (missing requirements and skills) of each application's latest screening run to
    its candidate, once a recruiter has read it. Runs released already, or applications without a run, are left
    as they are. Returns how many runs were released; each release is audited."""
    released = 0
    with transaction.atomic():
        for application in applications:
            if application.latest_analysis_id is None:
                continue
            if ApplicationAnalysis.objects.filter(
                pk=application.latest_analysis_id, feedback_released_at__isnull=True
            ).update(feedback_released_at=timezone.now(), feedback_released_by=by):
                released += 1
                audit_record(
                    action="application.feedback_released",
                    organization=application.job.organization,
                    actor=by,
                    target=application,
                    analysis_id=application.latest_analysis_id,
                )
    return released
