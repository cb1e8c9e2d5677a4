"""Periodic embedding maintenance, run by Celery beat on the low-priority queue (matching.tasks): the sweep that
catches a vector missing or computed from older text, because its embedding task was lost.

The sweep is bounded, safe to run twice and to run beside live work. It finds the rows and the caller queues
their embedding (matching.tasks hands in its enqueue functions), so this module needs nothing from the tasks
module that runs it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Concat

from candidates.models import Candidate
from jobs.models import JobPosting
from matching.services import text_sha256
from realtime.models import TaskRecord

ACTIVE_STATES = (TaskRecord.State.QUEUED, TaskRecord.State.STARTED, TaskRecord.State.PROGRESS)


class _Sha256Hex(models.Func):
    """Hex SHA-256 of a text's UTF-8 bytes in PostgreSQL: the digest matching.services.text_sha256 computes."""

    template = "encode(sha256(convert_to(%(expressions)s, 'UTF8')), 'hex')"
    output_field = models.CharField()


class _StripAscii(models.Func):
    """The text without ASCII whitespace at either end, like Python's str.strip() for all but exotic spaces."""

    template = "btrim(%(expressions)s, ' ' || chr(9) || chr(10) || chr(11) || chr(12) || chr(13))"
    output_field = models.TextField()


@dataclass(frozen=True)
class EmbeddingRefresh:
    candidate_ids: list[int]
    job_ids: list[int]


def embeddings_refresh(
    *,
    candidate_enqueue: Callable[[Candidate], None],
    job_enqueue: Callable[[JobPosting], None],
    batch_size: int | None = None,
) -> EmbeddingRefresh:
    """Queue the embedding of candidates and jobs whose vector is missing or was computed from other text.

    At most `batch_size` of each per run, oldest first. Rows whose embedding is already queued or running are
    skipped, so sweeps never pile duplicates behind a slow embeddings worker. SQL picks the likely rows and each
    is checked in Python with the digest the embedding task uses, so a row is queued only if the task will write.
    `candidate_enqueue` and `job_enqueue` queue one row's embedding (matching.tasks.candidate_embed_enqueue and
    job_embed_enqueue).
    """
    limit = batch_size or settings.MAINTENANCE_BATCH_SIZE
    return EmbeddingRefresh(
        candidate_ids=_candidates_refresh(limit, candidate_enqueue), job_ids=_jobs_refresh(limit, job_enqueue)
    )


def _candidates_refresh(limit: int, enqueue: Callable[[Candidate], None]) -> list[int]:
    rows = (
        Candidate.objects.annotate(vector_missing=_is_null("embedding"))
        .exclude(Q(extracted_text="") | Q(embedded_text_sha256=_Sha256Hex("extracted_text"), vector_missing=False))
        .exclude(_embedding_pending(Candidate, TaskRecord.Kind.EMBED_CANDIDATE))
        .select_related("organization")
        .only("organization", "extracted_text", "embedded_text_sha256")
        .order_by("pk")
    )
    queued: list[int] = []
    for candidate in rows.iterator(chunk_size=limit):
        if len(queued) >= limit:
            break
        if not candidate.extracted_text.strip():  # the task embeds nothing for these
            continue
        if not candidate.vector_missing and candidate.embedded_text_sha256 == text_sha256(candidate.extracted_text):
            continue
        _forget_digest_without_vector(Candidate, candidate.pk)
        enqueue(candidate)
        queued.append(candidate.pk)
    return queued


def _jobs_refresh(limit: int, enqueue: Callable[[JobPosting], None]) -> list[int]:
    text = _StripAscii(Concat("title", models.Value("\n"), "description", output_field=models.TextField()))
    rows = (
        JobPosting.objects.annotate(vector_missing=_is_null("embedding"))
        .exclude(Q(embedded_text_sha256=_Sha256Hex(text), vector_missing=False))
        .exclude(_embedding_pending(JobPosting, TaskRecord.Kind.EMBED_JOB))
        .select_related("organization")
        .defer("embedding")
        .order_by("pk")
    )
    queued: list[int] = []
    for job in rows.iterator(chunk_size=limit):
        if len(queued) >= limit:
            break
        if not job.vector_missing and job.embedded_text_sha256 == text_sha256(job.embedding_text()):
            continue
        _forget_digest_without_vector(JobPosting, job.pk)
        enqueue(job)
        queued.append(job.pk)
    return queued


def _is_null(field: str) -> models.ExpressionWrapper:
    return models.ExpressionWrapper(Q(**{f"{field}__isnull": True}), output_field=models.BooleanField())


def _embedding_pending(model: type[models.Model], kind: str) -> Exists:
    """Whether an embedding task for the row is queued or running already."""
    return Exists(
        TaskRecord.objects.filter(
            target_type=ContentType.objects.get_for_model(model),
            target_id=OuterRef("pk"),
            kind=kind,
            state__in=ACTIVE_STATES,
        )
    )


def _forget_digest_without_vector(model: type[models.Model], pk: int) -> None:
    """The embedding task skips a row whose digest matches its text; without a vector that digest is a lie."""
    model._default_manager.filter(pk=pk, embedding__isnull=True).update(embedded_text_sha256="")
