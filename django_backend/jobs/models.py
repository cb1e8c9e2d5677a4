from __future__ import annotations

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.db import models
from pgvector.django import HnswIndex, VectorField

from accounts.models import Organization


class JobPosting(models.Model):
    """An open role of an organization and what it asks for, read from its text and editable by recruiters."""

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
            HnswIndex(
                name="job_embedding_hnsw",
                fields=["embedding"],
                m=16,
                ef_construction=64,
                opclasses=["vector_cosine_ops"],
            )
        ]

    def __str__(self) -> str:
        return self.title

    def embedding_text(self) -> str:
        """What the job's embedding is computed from."""
        return f"{self.title}\n{self.description}".strip()
