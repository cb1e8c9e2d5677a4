from __future__ import annotations

from datetime import datetime

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.db.models import Q
from django.utils import timezone
from pgvector.django import HnswIndex, VectorField

from accounts.models import Organization
from candidates.models import Candidate
from recruitment_core.pair_signals import posting_embedding_text


class JobPosting(models.Model):
    """A role of an organization and what it asks for, read from its text and editable by recruiters.

    Its lifecycle (jobs.lifecycle): draft, open or closed, and archived apart from that (archiving keeps the
    status, so a restored job comes back as it was). An open job past `closes_at` reads as closed: the date is
    compared when read, so no periodic sweep has to run for a job to close on time.
    """

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        OPEN = "open", "Open"
        CLOSED = "closed", "Closed"

    class RemotePolicy(models.TextChoices):
        REMOTE = "remote", "Remote"
        HYBRID = "hybrid", "Hybrid"
        ONSITE = "onsite", "On site"
        UNKNOWN = "unknown", "Not stated"

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="jobs")
    title = models.CharField(max_length=200)
    company = models.CharField(max_length=200, blank=True)
    description = models.TextField()
    location = models.CharField(max_length=200, blank=True)
    remote_policy = models.CharField(max_length=20, choices=RemotePolicy.choices, default=RemotePolicy.UNKNOWN)
    employment_type = models.CharField(max_length=20, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Changed through jobs.lifecycle only: it enforces the allowed transitions.
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    closes_at = models.DateTimeField(
        null=True, blank=True, help_text="When the job stops taking applications; it reads as closed from then."
    )
    archived_at = models.DateTimeField(
        null=True, blank=True, help_text="Archived jobs leave the lists; they can be restored."
    )

    # What the posting asks for: read from the text, then editable in the admin.
    required_skills = ArrayField(models.CharField(max_length=100), default=list, blank=True)
    preferred_skills = ArrayField(models.CharField(max_length=100), default=list, blank=True)
    skill_weights = models.JSONField(
        default=dict, blank=True, help_text='Weight per required skill, e.g. {"Python": 2.0}; 1.0 when absent.'
    )
    min_years = models.FloatField(null=True, blank=True)
    max_years = models.FloatField(null=True, blank=True)
    education_level = models.CharField(max_length=20, blank=True)
    seniority = models.CharField(max_length=20, blank=True)
    requirements = models.JSONField(default=dict, blank=True, help_text="Everything read from the posting's text.")
    requirements_edited = models.BooleanField(
        default=False, help_text="A recruiter edited the requirements: a new description does not overwrite them."
    )
    quality_score = models.PositiveSmallIntegerField(null=True, blank=True)
    quality = models.JSONField(default=dict, blank=True, help_text="Red flags and suggestions about the posting.")

    embedding = VectorField(dimensions=settings.EMBEDDING_DIMENSIONS, null=True, blank=True)
    embedded_text_sha256 = models.CharField(max_length=64, blank=True)

    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["organization", "status"], name="job_org_status"),
            HnswIndex(
                name="job_embedding_hnsw",
                fields=["embedding"],
                m=16,
                ef_construction=64,
                opclasses=["vector_cosine_ops"],
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def archived(self) -> bool:
        return self.archived_at is not None

    def current_status(self, now: datetime | None = None) -> str:
        """The status as read now: an open job past its closing date is closed."""
        if self.status == self.Status.OPEN and self.closes_at is not None and self.closes_at <= (now or timezone.now()):
            return self.Status.CLOSED
        return self.status

    def accepts_applications(self) -> bool:
        return not self.archived and self.current_status() == self.Status.OPEN

    def embedding_text(self) -> str:
        """What the job's embedding is computed from."""
        return posting_embedding_text(self.title, self.description)


def open_now(now: datetime | None = None) -> Q:
    """The jobs that read as open at `now`: the database side of JobPosting.current_status."""
    moment = now or timezone.now()
    return Q(status=JobPosting.Status.OPEN) & (Q(closes_at__isnull=True) | Q(closes_at__gt=moment))


class RediscoveredCandidate(models.Model):
    """A candidate already in the organization's pool whose score for a job reached the rediscovery threshold
    when the job opened (jobs.rediscovery). `found_at` is the first time; `score` the latest run's."""

    job = models.ForeignKey(JobPosting, on_delete=models.CASCADE, related_name="rediscovered")
    candidate = models.ForeignKey(Candidate, on_delete=models.CASCADE, related_name="rediscovered_for")
    score = models.FloatField()
    found_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-score", "candidate_id"]
        constraints = [models.UniqueConstraint(fields=["job", "candidate"], name="one_rediscovery_per_pair")]

    def __str__(self) -> str:
        return f"Candidate {self.candidate_id} for job {self.job_id}: {self.score}"
