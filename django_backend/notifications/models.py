from __future__ import annotations

from django.db import models

from accounts.models import Organization
from applications.models import Application
from ingestion.models import ImportBatch


class EmailNotification(models.Model):
    """One email the platform sends, recorded before it is queued and marked when it leaves.

    `idempotency_key` names the event that causes the email (a stage change, a finished import, an analysis run):
    the same event never records, and so never sends, a second email. `context` holds only short values for the
    templates (names, titles, counts, links), never resume text.
    """

    class Kind(models.TextChoices):
        STAGE_CHANGED = "stage_changed", "Stage change (to the candidate)"
        IMPORT_FINISHED = "import_finished", "Import finished"
        ANALYSIS_READY = "analysis_ready", "Analysis ready"
        MESSAGE_UNREAD = "message_unread", "Unread message"
        INTERVIEW_INVITATION = "interview_invitation", "Interview invitation"
        INTERVIEW_UPDATED = "interview_updated", "Interview updated"
        INTERVIEW_CANCELLED = "interview_cancelled", "Interview cancelled"

    class Status(models.TextChoices):
        QUEUED = "queued", "Queued"
        SENT = "sent", "Sent"
        FAILED = "failed", "Failed"
        SKIPPED = "skipped", "Skipped (no address)"

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="email_notifications")
    kind = models.CharField(max_length=30, choices=Kind.choices)
    recipient = models.EmailField(blank=True)
    subject = models.CharField(max_length=300, blank=True)
    template = models.CharField(max_length=200)
    context = models.JSONField(default=dict, blank=True)
    attachments = models.JSONField(default=list, blank=True)  # storage names of files to attach, with their names
    idempotency_key = models.CharField(max_length=255, unique=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED, db_index=True)
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.CharField(max_length=300, blank=True)  # the error's class and SMTP code, never its text
    sent_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    # What the email is about. Deleting an application (a candidate's erasure) deletes its emails with it.
    application = models.ForeignKey(
        Application, null=True, blank=True, on_delete=models.CASCADE, related_name="email_notifications"
    )
    import_batch = models.ForeignKey(
        ImportBatch, null=True, blank=True, on_delete=models.SET_NULL, related_name="email_notifications"
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        permissions = [("resend_emailnotification", "Can resend a failed email notification")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} to {self.recipient or '(no address)'} ({self.status})"
