"""Periodic maintenance, run by Celery beat on the low-priority queue: the sweeps that catch what fell through.

- stale task records: a worker died or a message was lost, and the record would say "running" forever;
- embeddings: a vector missing or computed from older text, because its embedding task was lost;
- orphaned resume files: files in storage that no ResumeVersion references (an upload that failed half-way).

Each sweep is bounded, safe to run twice and to run beside live work.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.files.storage import Storage
from django.db import models, transaction
from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Concat
from django.utils import timezone

from config.tasks import MAX_HARD_TIME_LIMIT
from realtime.models import TaskRecord
from realtime.services import broadcast_task

logger = logging.getLogger(__name__)

ACTIVE_STATES = (TaskRecord.State.QUEUED, TaskRecord.State.STARTED, TaskRecord.State.PROGRESS)
RUNNING_STATES = (TaskRecord.State.STARTED, TaskRecord.State.PROGRESS)
# Where resume files are stored: candidates.models.resume_upload_path writes `resumes/<organization>/<name>`.
RESUME_STORAGE_DIR = "resumes"


# --- Stale task records -----------------------------------------------------------------------------------


def running_stale_after() -> timedelta:
    """No task runs longer than the longest hard time limit; a running record silent for longer, plus a margin
    for a slow broadcast or clock skew, belongs to a worker that died."""
    return timedelta(seconds=MAX_HARD_TIME_LIMIT + settings.TASK_STALE_MARGIN_SECONDS)


def queued_stale_after() -> timedelta:
    """A queued task may wait legitimately behind a long backlog (a bulk import), so it is given much longer."""
    return max(timedelta(seconds=settings.TASK_QUEUED_STALE_SECONDS), running_stale_after())


def stale_tasks_reap(*, now: datetime | None = None) -> list[str]:
    """Mark task records that stopped changing long ago as failed, with a message saying why, and announce it.

    Returns the task ids reaped. Each record is locked and checked again before it is changed, so a task that
    moves on meanwhile keeps its state; if a reaped task does run after all, its worker moves the record on.
    """
    now = now or timezone.now()
    running_cutoff, queued_cutoff = now - running_stale_after(), now - queued_stale_after()
    stale = Q(state__in=RUNNING_STATES, updated_at__lt=running_cutoff) | Q(
        state=TaskRecord.State.QUEUED, updated_at__lt=queued_cutoff
    )
    reaped = []
    candidates = TaskRecord.objects.filter(stale).order_by("updated_at").values_list("pk", flat=True)
    for pk in candidates[: settings.MAINTENANCE_BATCH_SIZE]:
        with transaction.atomic():
            record = TaskRecord.objects.select_for_update(skip_locked=True).filter(stale, pk=pk).first()
            if record is None:
                continue
            silent_minutes = int((now - record.updated_at).total_seconds() // 60)
            was = record.get_state_display().lower()
            record.state = TaskRecord.State.FAILED
            record.finished_at = now
            record.error = (
                f"No news from this task for {silent_minutes} minutes while it was {was}: its worker stopped or "
                "its message was lost. Marked failed by maintenance; start the work again if it is still needed."
            )
            record.message = "Stopped: no progress"
            record.save()
            transaction.on_commit(lambda record=record: broadcast_task(record))  # type: ignore[misc]
        reaped.append(record.task_id)
    if reaped:
        logger.warning("stale task records reaped", extra={"count": len(reaped)})
    return reaped


# --- Embeddings -------------------------------------------------------------------------------------------


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


def embeddings_refresh(*, batch_size: int | None = None) -> EmbeddingRefresh:
    """Queue the embedding of candidates and jobs whose vector is missing or was computed from other text.

    At most `batch_size` of each per run, oldest first. Rows whose embedding is already queued or running are
    skipped, so sweeps never pile duplicates behind a slow embeddings worker. SQL picks the likely rows and each
    is checked in Python with the digest the embedding task uses, so a row is queued only if the task will write.
    """
    limit = batch_size or settings.MAINTENANCE_BATCH_SIZE
    return EmbeddingRefresh(candidate_ids=_candidates_refresh(limit), job_ids=_jobs_refresh(limit))


def _candidates_refresh(limit: int) -> list[int]:
    from candidates.models import Candidate
    from matching.services import text_sha256
    from matching.tasks import candidate_embed_enqueue

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
        candidate_embed_enqueue(candidate)
        queued.append(candidate.pk)
    return queued


def _jobs_refresh(limit: int) -> list[int]:
    from jobs.models import JobPosting
    from matching.services import text_sha256
    from matching.tasks import job_embed_enqueue

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
        job_embed_enqueue(job)
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


# --- Orphaned resume files --------------------------------------------------------------------------------


def resume_orphans_delete(*, now: datetime | None = None) -> list[str]:
    """Delete resume files that no ResumeVersion references and that are older than the grace period.

    An upload writes its file before its row commits, so a young file without a row may be an upload in
    flight: only files last modified more than RESUME_ORPHAN_GRACE_SECONDS ago are considered. Returns the
    names deleted (storage names, e.g. `resumes/3/ab12.pdf`).
    """
    from candidates.models import ResumeVersion

    storage: Storage = ResumeVersion._meta.get_field("file").storage  # type: ignore[attr-defined]
    cutoff = (now or timezone.now()) - timedelta(seconds=settings.RESUME_ORPHAN_GRACE_SECONDS)
    old = [name for name in _storage_files(storage, RESUME_STORAGE_DIR) if storage.get_modified_time(name) < cutoff]
    deleted = []
    batch = settings.MAINTENANCE_BATCH_SIZE
    for start in range(0, len(old), batch):
        names = old[start : start + batch]
        # Read after listing: a row committed meanwhile is seen, so its file is kept.
        referenced = set(ResumeVersion.objects.filter(file__in=names).values_list("file", flat=True))
        for name in names:
            if name not in referenced:
                storage.delete(name)
                deleted.append(name)
    if deleted:
        logger.warning("orphaned resume files deleted", extra={"count": len(deleted)})
    return deleted


def _storage_files(storage: Storage, directory: str) -> Iterator[str]:
    """Every file under `directory` of the storage, as storage names."""
    if not storage.exists(directory):
        return
    directories, files = storage.listdir(directory)
    for name in sorted(files):
        yield f"{directory}/{name}"
    for name in sorted(directories):
        yield from _storage_files(storage, f"{directory}/{name}")
