from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models

from accounts.models import Organization
from candidates.models import ResumeVersion


def archive_upload_path(batch: ImportBatch, filename: str) -> str:
    return f"imports/{batch.organization_id}/{uuid.uuid4().hex}.zip"


class ImportBatch(models.Model):
    """A ZIP of resumes imported at once: one parse per file, counted here as they finish."""

    class State(models.TextChoices):
        QUEUED = "queued", "Queued"
        EXPANDING = "expanding", "Opening the archive"
        PROCESSING = "processing", "Processing"
        DONE = "done", "Done"
        FAILED = "failed", "Failed"

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="import_batches")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    archive = models.FileField(upload_to=archive_upload_path, blank=True)
    archive_name = models.CharField(max_length=255)
    state = models.CharField(max_length=20, choices=State.choices, default=State.QUEUED)
    error = models.TextField(blank=True)
    total = models.PositiveIntegerField(default=0)
    processed = models.PositiveIntegerField(default=0)
    failed = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name_plural = "import batches"

    def __str__(self) -> str:
        return f"{self.archive_name} ({self.processed}/{self.total})"

    @property
    def percent(self) -> int:
        return 100 if not self.total else round(100 * self.processed / self.total)


class ImportItem(models.Model):
    """One file of an import batch and what became of it."""

    class Status(models.TextChoices):
        PENDING = "pending", "Pending"
        PARSED = "parsed", "Parsed"
        DUPLICATE = "duplicate", "Duplicate file"
        SKIPPED = "skipped", "Skipped"
        FAILED = "failed", "Failed"

    FINISHED = (Status.PARSED, Status.DUPLICATE, Status.SKIPPED, Status.FAILED)

    batch = models.ForeignKey(ImportBatch, on_delete=models.CASCADE, related_name="items")
    filename = models.CharField(max_length=500)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PENDING)
    error = models.TextField(blank=True)
    resume = models.ForeignKey(ResumeVersion, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    # When its parse was queued (ingestion.feeding); a pending item without it waits for a free slot.
    dispatched_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["pk"]
        indexes = [models.Index(fields=["status", "dispatched_at"], name="importitem_status_dispatched")]

    def __str__(self) -> str:
        return self.filename
