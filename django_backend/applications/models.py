from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone

from applications.pipeline import Stage
from candidates.models import Candidate
from jobs.models import JobPosting


class Application(models.Model):
    """A candidate in a job's pipeline, with the AI screening result.

    `status` is the pipeline stage; it only changes through applications.services.move_to_stage, which writes a
    StageChange row with it.
    """

    Status = Stage  # the pipeline stage, kept under the column name the ranking filters on

    class AnalysisStatus(models.TextChoices):
        PENDING = "pending", "Pending"
        DONE = "done", "Done"
        FAILED = "failed", "Failed"

    candidate = models.ForeignKey(Candidate, on_delete=models.CASCADE, related_name="applications")
    job = models.ForeignKey(JobPosting, on_delete=models.CASCADE, related_name="applications")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.APPLIED)
    ai_score = models.FloatField(null=True, blank=True)
    ai_feedback = models.JSONField(null=True, blank=True)
    analysis_status = models.CharField(max_length=20, choices=AnalysisStatus.choices, default=AnalysisStatus.PENDING)
    analysis_error = models.TextField(blank=True)
    # The run whose result ai_score and ai_feedback hold; the earlier runs stay in ApplicationAnalysis.
    latest_analysis = models.ForeignKey(
        "ApplicationAnalysis", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [models.UniqueConstraint(fields=["candidate", "job"], name="one_application_per_job")]

    def __str__(self) -> str:
        return f"{self.candidate} -> {self.job}"

    @property
    def time_in_stage(self) -> timedelta:
        """Since the last move (the latest StageChange); since creation for an application never moved.

        Lists annotate `stage_entered_at` (applications.selectors) so this costs no query per row.
        """
        entered = getattr(self, "stage_entered_at", None)
        if entered is None:
            latest = self.stage_changes.order_by("-changed_at", "-pk").values_list("changed_at", flat=True).first()
            entered = latest or self.created_at
        return timezone.now() - entered


class StageChange(models.Model):
    """One move of an application through the pipeline: written with the move, never edited.

    `from_stage` is blank on the row that records the application entering the pipeline.
    """

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="stage_changes")
    from_stage = models.CharField(max_length=20, choices=Stage.choices, blank=True)
    to_stage = models.CharField(max_length=20, choices=Stage.choices)
    changed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    changed_at = models.DateTimeField(auto_now_add=True, db_index=True)
    reason = models.TextField(blank=True)
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["changed_at", "pk"]
        indexes = [models.Index(fields=["application", "-changed_at"], name="stage_change_latest")]

    def __str__(self) -> str:
        return f"{self.from_stage or '-'} -> {self.to_stage}"


class ApplicationNote(models.Model):
    """A recruiter's note on an application."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    text = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"Note #{self.pk}"


class Recommendation(models.TextChoices):
    """What the AI screening recommends; a person reviews it before acting (never acted on automatically)."""

    ADVANCE = "advance", "Advance"
    HOLD = "hold", "Hold"
    DECLINE = "decline", "Decline"


class ApplicationAnalysis(models.Model):
    """One run of the AI screening of an application: what recruiters filter on as columns, the whole reply in
    `result` (the shape of Application.ai_feedback, read with applications.ai_client.feedback_analysis).

    Written once per run, never edited (but for the release of its gap feedback to the candidate): re-running an
    analysis adds a row and points the application at it.
    """

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="analyses")
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    match_score = models.FloatField(null=True, blank=True)
    recommendation = models.CharField(max_length=10, choices=Recommendation.choices, blank=True)
    needs_human_review = models.BooleanField(default=False)
    provider = models.CharField(max_length=200, blank=True)
    model = models.CharField(max_length=200, blank=True)
    prompt_version = models.CharField(max_length=200, blank=True)
    fallback = models.BooleanField(default=False)
    fallback_from = models.CharField(max_length=200, blank=True)
    fallback_reason = models.CharField(max_length=200, blank=True)
    dropped_claims = models.PositiveIntegerField(default=0)
    flags = models.JSONField(default=list, blank=True)
    result = models.JSONField(default=dict, blank=True)
    # A recruiter's release of the run's gap feedback (missing requirements and skills) to the candidate: the
    # candidate never reads an unreviewed screening. Set once by applications.services.analysis_feedback_release.
    feedback_released_at = models.DateTimeField(null=True, blank=True)
    feedback_released_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["application", "-created_at"], name="analysis_latest")]
        verbose_name_plural = "application analyses"

    def __str__(self) -> str:
        return f"Analysis #{self.pk}"
