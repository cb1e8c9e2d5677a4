from __future__ import annotations

import uuid
from pathlib import PurePath

from django.conf import settings
from django.db import models
from pgvector.django import HnswIndex, VectorField

from accounts.models import Organization


def resume_upload_path(candidate: Candidate, filename: str) -> str:
    # A random name: the original file name is kept on the row, never trusted as a path.
    suffix = PurePath(filename).suffix.lower()[:8]
    return f"resumes/{candidate.organization_id}/{uuid.uuid4().hex}{suffix}"


class Candidate(models.Model):
    """A person in an organization's talent pool, with their resume and what was read from it."""

    class ParseStatus(models.TextChoices):
        PENDING = "pending", "Pending"
        PARSING = "parsing", "Parsing"
        PARSED = "parsed", "Parsed"
        NO_TEXT = "no_text", "No extractable text"
        FAILED = "failed", "Failed"

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="candidates")
    name = models.CharField(max_length=200, blank=True)
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=40, blank=True)
    location = models.CharField(max_length=200, blank=True)

    resume_file = models.FileField(upload_to=resume_upload_path, blank=True)
    resume_filename = models.CharField(max_length=255, blank=True, help_text="Name of the uploaded file.")
    resume_kind = models.CharField(max_length=10, blank=True, help_text="Type detected from the content.")
    resume_sha256 = models.CharField(max_length=64, blank=True, db_index=True)
    resume_size = models.PositiveIntegerField(default=0)

    extracted_text = models.TextField(blank=True)
    parse_status = models.CharField(max_length=20, choices=ParseStatus.choices, default=ParseStatus.PENDING)
    parse_error = models.TextField(blank=True)

    embedding = VectorField(dimensions=settings.EMBEDDING_DIMENSIONS, null=True, blank=True)
    # Hash of the text the stored embedding was computed from: tells whether it is stale.
    embedded_text_sha256 = models.CharField(max_length=64, blank=True)

    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [
            HnswIndex(
                name="candidate_embedding_hnsw",
                fields=["embedding"],
                m=16,
                ef_construction=64,
                opclasses=["vector_cosine_ops"],
            )
        ]

    def __str__(self) -> str:
        return self.name or self.email or self.resume_filename or f"Candidate {self.pk}"
