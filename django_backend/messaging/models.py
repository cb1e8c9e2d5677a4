from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q

from applications.models import Application


class Side(models.TextChoices):
    """The two ends of an application's conversation: any recruiter of its organization, and its candidate."""

    RECRUITER = "recruiter", "Recruiter"
    CANDIDATE = "candidate", "Candidate"


class Message(models.Model):
    """One message on an application, between the recruiters of its organization and its candidate.

    The organization is the application's (through its job). The recipient is the other side as a whole: any
    recruiter reading marks a candidate's message read for all recruiters, so `read_at` is one column.
    """

    Side = Side

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="messages")
    sender = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    sender_side = models.CharField(max_length=10, choices=Side.choices)
    body = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)  # when the other side first read it

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [
            models.Index(fields=["application", "created_at"], name="message_thread"),
            # Unread counts: only the unread rows are indexed, and they are few.
            models.Index(
                fields=["application", "sender_side"], condition=Q(read_at__isnull=True), name="message_unread"
            ),
        ]

    def __str__(self) -> str:
        return f"Message #{self.pk} from the {self.sender_side} on application #{self.application_id}"

    @property
    def recipient_side(self) -> str:
        return Side.CANDIDATE if self.sender_side == Side.RECRUITER else Side.RECRUITER
