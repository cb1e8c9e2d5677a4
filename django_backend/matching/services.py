"""Embeddings of whole documents (chunked and aggregated) with all-MiniLM-L6-v2, loaded offline."""

from __future__ import annotations

import hashlib
import logging

from django.conf import settings

from recruitment_core.embeddings import embed_document, get_embedder

logger = logging.getLogger(__name__)


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def embed_text(text: str) -> list[float]:
    """A unit-length vector for a whole document: chunks within the model's window, aggregated.

    At most RESUME_MAX_CHARS characters are read, so one task stays seconds long (about 110 chunks) even for
    text stored before that cap existed, on a worker that also serves quick high-priority work.
    """
    values = embed_document(text[: settings.RESUME_MAX_CHARS], get_embedder(settings.EMBEDDING_BACKEND))
    assert len(values) == settings.EMBEDDING_DIMENSIONS
    return values


def candidate_embed(*, candidate_id: int) -> bool:
    """Embed the candidate's resume text unless the stored vector already matches it. Returns whether it wrote."""
    from candidates.models import Candidate

    candidate = Candidate.objects.filter(pk=candidate_id).only("extracted_text", "embedded_text_sha256").first()
    if candidate is None or not candidate.extracted_text.strip():
        return False
    digest = text_sha256(candidate.extracted_text)
    if candidate.embedded_text_sha256 == digest:
        return False
    vector = embed_text(candidate.extracted_text)
    # update() rather than save(): writing the vector must not look like a new resume to the signals.
    Candidate.objects.filter(pk=candidate_id).update(embedding=vector, embedded_text_sha256=digest)
    return True


def job_embed(*, job_id: int) -> bool:
    """Embed the posting's title and description unless the stored vector already matches them."""
    from jobs.models import JobPosting

    job = JobPosting.objects.filter(pk=job_id).first()
    if job is None:
        return False
    text = job.embedding_text()
    digest = text_sha256(text)
    if job.embedded_text_sha256 == digest:
        return False
    JobPosting.objects.filter(pk=job_id).update(embedding=embed_text(text), embedded_text_sha256=digest)
    return True
