"""Only enqueue here; the work happens in tasks. Matching sits above candidates and jobs: it listens to their
saves and announcements (connected in matching.apps) instead of those apps calling it."""

from __future__ import annotations

from typing import Any

from django.db.models.signals import post_save
from django.dispatch import receiver

from candidates.models import Candidate
from jobs.announcements import requirements_edited
from jobs.models import JobPosting
from matching.services import text_sha256
from matching.tasks import candidate_embed_enqueue, job_embed_enqueue, rerank_enqueue


@receiver(post_save, sender=Candidate)
def enqueue_candidate_embedding(sender: type[Candidate], instance: Candidate, **_: Any) -> None:
    """New resume text means a stale embedding: queue a new one after the transaction commits."""
    if not instance.extracted_text.strip():
        return
    if instance.embedded_text_sha256 == text_sha256(instance.extracted_text):
        return
    candidate_embed_enqueue(instance)


@receiver(post_save, sender=JobPosting)
def enqueue_job_embedding(sender: type[JobPosting], instance: JobPosting, **_: Any) -> None:
    """A changed title or description means a stale embedding: queue a new one after commit."""
    if instance.embedded_text_sha256 == text_sha256(instance.embedding_text()):
        return
    job_embed_enqueue(instance)


@receiver(requirements_edited)
def enqueue_job_rerank(sender: Any, job: JobPosting, **_: Any) -> None:
    """Edited requirements (the text unchanged) change every score of the job: re-rank it."""
    rerank_enqueue(job_id=job.pk)
