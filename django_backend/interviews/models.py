from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models

from applications.models import Application
from interviews.timezones import validate_timezone


class Interview(models.Model):
    """One interview of an application, with the interviewers of the job's organization.

    Times are stored in UTC; `timezone` is the IANA zone they were given in and are shown in (the invitation's
    TZID). It changes only through interviews.services, which checks conflicts and increments `sequence` on each
    change so calendar clients replace the earlier invitation with the same `uid`.
    """

    class Kind(models.TextChoices):
        PHONE = "phone", "Phone"
        VIDEO = "video", "Video"
        ONSITE = "onsite", "On site"

    class Status(models.TextChoices):
        SCHEDULED = "scheduled", "Scheduled"
        CANCELLED = "cancelled", "Cancelled"
        COMPLETED = "completed", "Completed"  # every interviewer has submitted feedback

    class CandidateResponse(models.TextChoices):
        PENDING = "pending", "Pending"
        ACCEPTED = "accepted", "Accepted"
        DECLINED = "declined", "Declined"

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="interviews")
    starts_at = models.DateTimeField()
    ends_at = models.DateTimeField()
    timezone = models.CharField(max_length=64, validators=[validate_timezone])
    interviewers = models.ManyToManyField(settings.AUTH_USER_MODEL, related_name="interviews")
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.VIDEO)
    location = models.CharField(max_length=300, blank=True)
    meeting_url = models.URLField(max_length=500, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.SCHEDULED)
    cancellation_reason = models.TextField(blank=True)
    # The candidate's answer to the invitation (interviews.responses); back to pending when the time changes.
    candidate_response = models.CharField(
        max_length=10, choices=CandidateResponse.choices, default=CandidateResponse.PENDING
    )
    responded_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    sequence = models.PositiveIntegerField(default=0)  # the invitation's SEQUENCE (RFC 5545)
    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["starts_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")), name="interview_ends_after_start"
            )
        ]
        indexes = [models.Index(fields=["status", "starts_at"], name="interview_status_start")]

    def __str__(self) -> str:
        return f"Interview #{self.pk}"  # ids only: the candidate's name stays out of logs and audit labels


class InterviewFeedback(models.Model):
    """One interviewer's scorecard for an interview: a recommendation and a 1-5 score per required skill of the
    job (a skill not assessed is left out)."""

    class Recommendation(models.TextChoices):
        STRONG_YES = "strong_yes", "Strong yes"
        YES = "yes", "Yes"
        NO = "no", "No"
        STRONG_NO = "strong_no", "Strong no"

    interview = models.ForeignKey(Interview, on_delete=models.CASCADE, related_name="feedback")
    interviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="interview_feedback"
    )
    recommendation = models.CharField(max_length=12, choices=Recommendation.choices)
    scores = models.JSONField(default=dict, blank=True)
    notes = models.TextField(blank=True)
    submitted_at = models.DateTimeField()

    class Meta:
        ordering = ["submitted_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["interview", "interviewer"], name="one_feedback_per_interviewer")
        ]

    def __str__(self) -> str:
        return f"Feedback #{self.pk} on interview #{self.interview_id}"
