from __future__ import annotations

from django.db import models

from candidates.models import Candidate
from jobs.models import JobPosting


class Application(models.Model):
    """A candidate in a job's pipeline, with the AI screening result."""

    class Status(models.TextChoices):
        APPLIED = "applied", "Applied"
        SCREENING = "screening", "Screening"
        SHORTLISTED = "shortlisted", "Shortlisted"
        INTERVIEWED = "interviewed", "Interviewed"
        OFFERED = "offered", "Offered"
        REJECTED = "rejected", "Rejected"

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
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [models.UniqueConstraint(fields=["candidate", "job"], name="one_application_per_job")]

    def __str__(self) -> str:
        return f"{self.candidate} -> {self.job}"
