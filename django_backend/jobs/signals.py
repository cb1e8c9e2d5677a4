"""Only enqueue here; the work happens in tasks."""

from __future__ import annotations

from typing import Any

from django.db.models.signals import post_save
from django.dispatch import receiver

from jobs.models import JobPosting
from matching.services import text_sha256


@receiver(post_save, sender=JobPosting)
def enqueue_job_embedding(sender: type[JobPosting], instance: JobPosting, **_: Any) -> None:
    """A changed title or description means a stale embedding: queue a new one after commit."""
    if instance.embedded_text_sha256 == text_sha256(instance.embedding_text()):
        return
    from matching.tasks import job_embed_enqueue

    job_embed_enqueue(instance)
