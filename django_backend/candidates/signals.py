"""Only enqueue here; the work happens in tasks."""

from __future__ import annotations

from typing import Any

from django.db.models.signals import post_save
from django.dispatch import receiver

from candidates.models import Candidate
from matching.services import text_sha256


@receiver(post_save, sender=Candidate)
def enqueue_candidate_embedding(sender: type[Candidate], instance: Candidate, **_: Any) -> None:
    """New resume text means a stale embedding: queue a new one after the transaction commits."""
    if not instance.extracted_text.strip():
        return
    if instance.embedded_text_sha256 == text_sha256(instance.extracted_text):
        return
    from matching.tasks import candidate_embed_enqueue

    candidate_embed_enqueue(instance)
