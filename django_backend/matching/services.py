"""Embeddings of whole documents (chunked and aggregated) with all-MiniLM-L6-v2, loaded offline."""

from __future__ import annotations

import hashlib
import logging

from django.conf import settings
from django.db import transaction

from config.metrics import EMBEDDING_SECONDS
from recruitment_core.embeddings import embed_document, get_embedder
from recruitment_core.injection import without_instructions
from recruitment_core.semantic import experience_text

logger = logging.getLogger(__name__)


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@EMBEDDING_SECONDS.time()
def embed_text(text: str) -> list[float]:
    """A unit-length vector for a whole document: chunks within the model's window, aggregated.

    At most RESUME_MAX_CHARS characters are read, so one task stays seconds long (about 110 chunks) even for
    text stored before that cap existed, on a worker that also serves quick high-priority work.
    """
    values = embed_document(text[: settings.RESUME_MAX_CHARS], get_embedder(settings.EMBEDDING_BACKEND))
    assert len(values) == settings.EMBEDDING_DIMENSIONS
    return values


def candidate_embed(*, candidate_id: int) -> bool:
    """Embed the candidate's resume text, and its experience sections apart, unless the stored vectors already
    match it. Returns whether it wrote."""
    from candidates.models import Candidate
    from matching.models import ExperienceEmbedding

    candidate = Candidate.objects.filter(pk=candidate_id).only("extracted_text", "embedded_text_sha256").first()
    if candidate is None or not candidate.extracted_text.strip():
        return False
    digest = text_sha256(candidate.extracted_text)
    experience_current = ExperienceEmbedding.objects.filter(candidate_id=candidate_id, text_sha256=digest).exists()
    if candidate.embedded_text_sha256 == digest and experience_current:
        return False
    # Sentences addressed to automated screeners say nothing of the candidate: the vectors are of the rest.
    text = without_instructions(candidate.extracted_text)
    document = embed_text(text) if candidate.embedded_text_sha256 != digest else None
    experience = embed_text(experience_text(text))
    with transaction.atomic():  # both vectors of the same text, or neither
        if document is not None:
            # update() rather than save(): writing the vector must not look like a new resume to the signals.
            Candidate.objects.filter(pk=candidate_id).update(embedding=document, embedded_text_sha256=digest)
        ExperienceEmbedding.objects.update_or_create(
            candidate_id=candidate_id, defaults={"embedding": experience, "text_sha256": digest}
        )
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
