from __future__ import annotations

from django.db import transaction

from candidates.models import Candidate
from config.queues import QueueName
from config.task_declarations import declared_task
from config.tasks import EMBEDDING_LIMITS, MAINTENANCE_LIMITS, RERANK_LIMITS
from jobs.models import JobPosting
from matching.maintenance import embeddings_refresh
from matching.rerank import candidate_rerank, job_rerank
from matching.services import candidates_embed, job_embed
from realtime.models import TaskRecord
from realtime.services import task_enqueue


@declared_task(queue=QueueName.EMBEDDINGS, limits=EMBEDDING_LIMITS, kind="embed_candidate", label="Embed candidate")
def embed_candidate_task(candidate_id: int) -> bool:
    """Embed the candidate, with a batch of others whose tasks are queued (matching.services.candidates_embed)."""
    run = candidates_embed(candidate_id=candidate_id)
    for written in run.written:
        rerank_enqueue(candidate_id=written)
    if candidate_id in run.failed:  # the others are written; this task's own record says why it failed
        raise run.failed[candidate_id]
    return candidate_id in run.written


@declared_task(queue=QueueName.EMBEDDINGS, limits=EMBEDDING_LIMITS, kind="embed_job", label="Embed job")
def embed_job_task(job_id: int) -> bool:
    written = job_embed(job_id=job_id)
    if written:
        rerank_enqueue(job_id=job_id)
    return written


@declared_task(queue=QueueName.LOW, limits=RERANK_LIMITS, kind="rerank_job", label="Re-rank a job's candidates")
def rerank_job_task(job_id: int) -> int:
    return job_rerank(job_id=job_id)


@declared_task(queue=QueueName.LOW, limits=RERANK_LIMITS, kind="rerank_candidate", label="Re-rank a candidate's jobs")
def rerank_candidate_task(candidate_id: int) -> int:
    return candidate_rerank(candidate_id=candidate_id)


@declared_task(queue=QueueName.LOW, limits=MAINTENANCE_LIMITS)
def refresh_embeddings_task() -> dict[str, int]:
    """Periodic (MAINTENANCE_INTERVALS): queue the embeddings that were lost or went stale."""
    queued = embeddings_refresh(candidate_enqueue=candidate_embed_enqueue, job_enqueue=job_embed_enqueue)
    return {"candidates": len(queued.candidate_ids), "jobs": len(queued.job_ids)}


def rerank_enqueue(*, job_id: int | None = None, candidate_id: int | None = None) -> None:
    """Queue re-ranking (low priority) once a side's embedding or requirements changed."""
    with transaction.atomic():
        if job_id is not None:
            job = JobPosting.objects.select_related("organization").get(pk=job_id)
            task_enqueue(
                rerank_job_task,
                kind=TaskRecord.Kind.RERANK_JOB,
                target=job,
                organization=job.organization,
                args=(job_id,),
            )
        if candidate_id is not None:
            candidate = Candidate.objects.select_related("organization").get(pk=candidate_id)
            task_enqueue(
                rerank_candidate_task,
                kind=TaskRecord.Kind.RERANK_CANDIDATE,
                target=candidate,
                organization=candidate.organization,
                args=(candidate_id,),
            )


def candidate_embed_enqueue(candidate: Candidate) -> None:
    """Queue the embedding of a candidate's resume text, tracked as a task of its organization."""
    task_enqueue(
        embed_candidate_task,
        kind=TaskRecord.Kind.EMBED_CANDIDATE,
        target=candidate,
        organization=candidate.organization,
        args=(candidate.pk,),
    )


def job_embed_enqueue(job: JobPosting) -> None:
    """Queue the embedding of a job posting, tracked as a task of its organization."""
    task_enqueue(
        embed_job_task, kind=TaskRecord.Kind.EMBED_JOB, target=job, organization=job.organization, args=(job.pk,)
    )
