from __future__ import annotations

import uuid
from pathlib import PurePath

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.db import models
from pgvector.django import HnswIndex, VectorField

from accounts.models import Organization


def resume_upload_path(resume: ResumeVersion, filename: str) -> str:
    # A random name: the uploaded file name is kept on the row, never trusted as a path.
    suffix = PurePath(filename).suffix.lower()[:8]
    return f"resumes/{resume.organization_id}/{uuid.uuid4().hex}{suffix}"


class Candidate(models.Model):
    """A person in an organization's talent pool, as read from their newest resume."""

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="candidates")
    # The candidate's own sign-in, when they registered on the organization's portal; recruiters' imports have none.
    account = models.OneToOneField(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="candidate_profile"
    )
    name = models.CharField(max_length=200, blank=True)
    email = models.EmailField(blank=True, db_index=True)
    emails = ArrayField(models.EmailField(), default=list, blank=True)
    phone = models.CharField(max_length=40, blank=True, db_index=True, help_text="E.164, e.g. +14155550100.")
    location = models.CharField(max_length=200, blank=True)
    links = ArrayField(models.CharField(max_length=300), default=list, blank=True)
    current_title = models.CharField(max_length=200, blank=True)
    total_years_experience = models.FloatField(null=True, blank=True)
    skills = ArrayField(models.CharField(max_length=100), default=list, blank=True)
    # The structured profile of the current resume: work history, education, skills with their evidence.
    profile = models.JSONField(default=dict, blank=True)
    # The compact part of the profile the ranking reads (skills with evidence strength, years, education,
    # location), kept apart so ranking hundreds of candidates does not decode whole profiles.
    match_features = models.JSONField(default=dict, blank=True)

    current_resume = models.ForeignKey(
        "ResumeVersion", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    extracted_text = models.TextField(blank=True, help_text="Text of the current resume.")

    # Full-text search over the current title (weight A) and the resume text (weight C), kept by PostgreSQL.
    search_vector = models.GeneratedField(
        expression=SearchVector("current_title", weight="A", config="english")
        + SearchVector("extracted_text", weight="C", config="english"),
        output_field=SearchVectorField(),
        db_persist=True,
    )

    embedding = VectorField(dimensions=settings.EMBEDDING_DIMENSIONS, null=True, blank=True)
    # Hash of the text the stored embedding was computed from: tells whether it is stale.
    embedded_text_sha256 = models.CharField(max_length=64, blank=True)

    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [
            GinIndex(name="candidate_search_gin", fields=["search_vector"]),
            HnswIndex(
                name="candidate_embedding_hnsw",
                fields=["embedding"],
                m=16,
                ef_construction=64,
                opclasses=["vector_cosine_ops"],
            ),
            # The few still waiting for their embedding, which every ranking reads (matching.retrieval).
            models.Index(
                fields=["organization"], name="candidate_unembedded", condition=models.Q(embedding__isnull=True)
            ),
        ]

    def __str__(self) -> str:
        return self.name or self.email or f"Candidate {self.pk}"


class ResumeVersion(models.Model):
    """One uploaded resume file and what was read from it; a candidate's newest one is their current resume."""

    class ParseStatus(models.TextChoices):
        PENDING = "pending", "Pending"
        PARSING = "parsing", "Parsing"
        PARSED = "parsed", "Parsed"
        NO_TEXT = "no_text", "No extractable text"
        FAILED = "failed", "Failed"

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="resumes")
    candidate = models.ForeignKey(
        Candidate, null=True, blank=True, on_delete=models.SET_NULL, related_name="resume_versions"
    )
    file = models.FileField(upload_to=resume_upload_path)
    filename = models.CharField(max_length=255, help_text="Name of the uploaded file.")
    kind = models.CharField(max_length=10, help_text="Type detected from the content.")
    sha256 = models.CharField(max_length=64)
    size = models.PositiveIntegerField()
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Contact details given with the upload; they win over what is read from the file.
    given_details = models.JSONField(default=dict, blank=True)

    parse_status = models.CharField(max_length=20, choices=ParseStatus.choices, default=ParseStatus.PENDING)
    parse_error = models.TextField(blank=True)
    extracted_text = models.TextField(blank=True)
    parsed = models.JSONField(default=dict, blank=True)
    red_flags = ArrayField(models.CharField(max_length=300), default=list, blank=True)
    ocr_used = models.BooleanField(default=False)

    created_at = models.DateTimeField(auto_now_add=True)
    parsed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            # The same file uploaded twice to one organization is recognised, never stored twice.
            models.UniqueConstraint(fields=["organization", "sha256"], name="one_resume_file_per_organization")
        ]

    def __str__(self) -> str:
        return self.filename
