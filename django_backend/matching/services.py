"""Embeddings of whole documents (chunked and aggregated) with all-MiniLM-L6-v2, loaded offline.

Candidates are embedded in batches: the task of one candidate also takes up to EMBEDDING_BATCH_CANDIDATES - 1 others
whose embedding tasks wait in the queue, and embeds all their chunks in one call of the model. Those later tasks
then find their vectors current and return at once.
"""

from __future__ import annotations

import hashlib
import logging
import time
from dataclasses import dataclass, field

from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction

from candidates.models import Candidate
from config.metrics import EMBEDDING_SECONDS
from jobs.models import JobPosting
from matching.embedder import embedder
from matching.models import ExperienceEmbedding
from matching.statements import (
    candidate_statements_write,
    job_statements_current,
    job_statements_write,
    stale_statement_candidates,
)
from realtime.models import TaskRecord
from recruitment_core.embeddings import embed_document, embed_documents
from recruitment_core.pair_signals import resume_embedding_texts

logger = logging.getLogger(__name__)

# Queued embedding tasks looked at per slot of a batch: some of them are done already or held by another batch.
PEERS_PER_SLOT = 4


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@EMBEDDING_SECONDS.time()
def embed_text(text: str) -> list[float]:
    """A unit-length vector for a whole document: chunks within the model's window, aggregated.

    At most RESUME_MAX_CHARS characters are read, so one task stays seconds long (about 110 chunks) even for
    text stored before that cap existed, on a worker that also serves quick high-priority work.
    """
    values = embed_document(text[: settings.RESUME_MAX_CHARS], embedder())
    assert len(values) == settings.EMBEDDING_DIMENSIONS
    return values


@dataclass
class EmbeddingRun:
    """What one embedding run did: the candidates whose vectors it wrote, and why any it claimed failed."""

    written: list[int] = field(default_factory=list)
    failed: dict[int, Exception] = field(default_factory=dict)


@dataclass(frozen=True)
class _Stale:
    """A candidate whose stored vectors are not of its current text, and which of them to compute."""

    pk: int
    text: str
    digest: str
    document: bool  # the whole resume's vector is stale, not only the experience one

    def texts(self) -> list[str]:
        document, experience = resume_embedding_texts(self.text, settings.RESUME_MAX_CHARS)
        return [document, experience] if self.document else [experience]


def candidate_embed(*, candidate_id: int) -> bool:
    """Embed the candidate's resume text, and its experience sections apart, unless the stored vectors already
    match it. Returns whether it wrote; a text that cannot be embedded raises."""
    run = candidates_embed(candidate_id=candidate_id, batch_size=1)
    if candidate_id in run.failed:
        raise run.failed[candidate_id]
    return candidate_id in run.written


def candidates_embed(*, candidate_id: int, batch_size: int | None = None) -> EmbeddingRun:
    """Embed the candidate and up to `batch_size` - 1 (default EMBEDDING_BATCH_CANDIDATES) stale candidates whose
    embedding tasks are queued, with one call of the model, unless their stored vectors already match their text.

    Claimed rows stay locked (FOR NO KEY UPDATE, others' rows with SKIP LOCKED) until their vectors are written,
    so two batches never embed one candidate and a change of text waits for the write, then queues its own task.
    A failure of one text fails only that candidate: the others are written. Nothing is lost when the run dies:
    the rows it claimed stay stale, for their own tasks or the maintenance sweep. If another run holds this
    candidate's row, this one waits for it afterwards and embeds what it left stale.
    """
    limit = max(1, batch_size or settings.EMBEDDING_BATCH_CANDIDATES)
    run = EmbeddingRun()
    with transaction.atomic():
        claimed = _lock_stale(_batch_members(candidate_id, limit), skip_locked=True)
        _embed_and_write(claimed, run)
    if all(stale.pk != candidate_id for stale in claimed) and _stale_rows([candidate_id]):
        with transaction.atomic():
            _embed_and_write(_lock_stale([candidate_id], skip_locked=False), run)
    return run


def _batch_members(candidate_id: int, limit: int) -> list[int]:
    """The candidate and the oldest queued others that are stale, up to `limit` and RESUME_MAX_CHARS characters
    beyond the candidate's own text: a batch never takes much longer than the longest resume alone."""
    if limit == 1:
        return [candidate_id]
    peers = (
        TaskRecord.objects.filter(
            kind=TaskRecord.Kind.EMBED_CANDIDATE,
            state=TaskRecord.State.QUEUED,
            target_type=ContentType.objects.get_for_model(Candidate),
        )
        .exclude(target_id=candidate_id)
        .order_by("created_at")
        .values_list("target_id", flat=True)[: limit * PEERS_PER_SLOT]
    )
    order = list(dict.fromkeys([candidate_id, *(pk for pk in peers if pk is not None)]))
    stale = {row.pk: row for row in _stale_rows(order)}
    members, budget = [candidate_id], settings.RESUME_MAX_CHARS
    for pk in order[1:]:
        if len(members) >= limit:
            break
        if pk in stale and len(stale[pk].text) <= budget:
            members.append(pk)
            budget -= len(stale[pk].text)
    return members


def _lock_stale(candidate_ids: list[int], *, skip_locked: bool) -> list[_Stale]:
    """Lock the candidates' rows (skipping those locked elsewhere if asked) and read which are still stale."""
    rows = Candidate.objects.select_for_update(skip_locked=skip_locked, no_key=True).filter(pk__in=candidate_ids)
    locked = set(rows.values_list("pk", flat=True))
    return _stale_rows([pk for pk in candidate_ids if pk in locked])


def _stale_rows(candidate_ids: list[int]) -> list[_Stale]:
    """The candidates among `candidate_ids` (in that order) with text whose stored vectors are of other text."""
    stored_rows = Candidate.objects.filter(pk__in=candidate_ids).values_list(
        "pk", "extracted_text", "embedded_text_sha256"
    )
    experience = dict(
        ExperienceEmbedding.objects.filter(candidate_id__in=candidate_ids).values_list("candidate_id", "text_sha256")
    )
    rows = [(pk, text, stored, text_sha256(text)) for pk, text, stored in stored_rows if text.strip()]
    statements_stale = stale_statement_candidates({pk: digest for pk, _, _, digest in rows})
    found = {}
    for pk, text, stored, digest in rows:
        if stored != digest or experience.get(pk) != digest or pk in statements_stale:
            found[pk] = _Stale(pk=pk, text=text, digest=digest, document=stored != digest)
    return [found[pk] for pk in candidate_ids if pk in found]


def _embed_and_write(claimed: list[_Stale], run: EmbeddingRun) -> None:
    """Embed the claimed candidates together (apart when the batch fails) and write each one's vectors."""
    if not claimed:
        return
    vectors = _embed_batch(claimed, run)
    candidate_statements_write(
        (stale.pk, stale.text[: settings.RESUME_MAX_CHARS], stale.digest) for stale in claimed if stale.pk in vectors
    )
    for stale in claimed:
        if stale.pk not in vectors:
            continue
        *document, experience = vectors[stale.pk]
        if document:
            # update() rather than save(): writing the vector must not look like a new resume to the signals.
            Candidate.objects.filter(pk=stale.pk).update(embedding=document[0], embedded_text_sha256=stale.digest)
        ExperienceEmbedding.objects.update_or_create(
            candidate_id=stale.pk, defaults={"embedding": experience, "text_sha256": stale.digest}
        )
        run.written.append(stale.pk)


def _embed_batch(claimed: list[_Stale], run: EmbeddingRun) -> dict[int, list[list[float]]]:
    """Each claimed candidate's vectors, from one call of the model; if that fails, candidate by candidate, so
    one text that cannot be embedded costs only its own candidate (recorded in `run.failed`)."""
    texts = {stale.pk: stale.texts() for stale in claimed}
    started = time.perf_counter()
    try:
        flat = embed_documents([text for group in texts.values() for text in group], embedder())
    except SoftTimeLimitExceeded:
        raise
    except Exception:
        logger.warning("embedding batch failed; embedding its candidates one by one", extra={"size": len(claimed)})
        return _embed_apart(texts, run)
    _observe(time.perf_counter() - started, len(flat))
    vectors, start = {}, 0
    for pk, group in texts.items():
        vectors[pk] = flat[start : start + len(group)]
        start += len(group)
    return vectors


def _embed_apart(texts: dict[int, list[str]], run: EmbeddingRun) -> dict[int, list[list[float]]]:
    vectors = {}
    for pk, group in texts.items():
        started = time.perf_counter()
        try:
            vectors[pk] = embed_documents(group, embedder())
        except SoftTimeLimitExceeded:
            raise
        except Exception as exc:
            logger.warning("candidate could not be embedded", extra={"candidate_id": pk, "error": str(exc)})
            run.failed[pk] = exc
            continue
        _observe(time.perf_counter() - started, len(group))
    return vectors


def _observe(seconds: float, documents: int) -> None:
    """EMBEDDING_SECONDS counts documents: a batch's time is shared among them."""
    for _ in range(documents):
        EMBEDDING_SECONDS.observe(seconds / documents)


def job_embed(*, job_id: int) -> bool:
    """Embed the posting's title and description unless the stored vector already matches them."""
    job = JobPosting.objects.filter(pk=job_id).first()
    if job is None:
        return False
    text = job.embedding_text()
    digest = text_sha256(text)
    if job.embedded_text_sha256 == digest and job_statements_current(job_id, digest):
        return False
    job_statements_write(job_id, job.description, digest)
    JobPosting.objects.filter(pk=job_id).update(embedding=embed_text(text), embedded_text_sha256=digest)
    return True
