"""Talent rediscovery: when a job opens, the organization's existing candidates who already fit it.

The score is the ranking's (matching.ranking.candidates_for_job), the one score every surface shows; the
candidates at or above JOB_REDISCOVERY_MIN_SCORE are kept on the job as RediscoveredCandidate rows. A run is
idempotent: it adds only candidates not found before (refreshing the scores of those that were), and tells the
recruiters (audit entry, live event) only when it found someone new.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.db import transaction

from audit.services import audit_record
from jobs.models import JobPosting, RediscoveredCandidate
from matching.ranking import candidates_for_job
from matching.services import job_embed
from matching.tasks import rerank_enqueue
from realtime.services import broadcast_organization

# What live admin pages and API clients listen for on the organization's stream.
REDISCOVERED_EVENT = "job.rediscovered"


@dataclass(frozen=True)
class Rediscovery:
    job_id: int
    found: list[int]  # candidate ids new to this job's list, best first
    kept: int  # how many the job's list holds now


def rediscover_candidates(*, job_id: int) -> Rediscovery:
    """Find and store the organization's candidates whose score for the job reaches the threshold."""
    job = JobPosting.objects.filter(pk=job_id).first()
    if job is None or not job.accepts_applications():
        return Rediscovery(job_id=job_id, found=[], kept=0)  # closed or archived again before this ran
    # The ranking reads the job's embedding: a job created a moment ago may not have it yet.
    if job_embed(job_id=job.pk):
        rerank_enqueue(job_id=job.pk)  # as the embedding task would have
        job.refresh_from_db()
    limit = settings.JOB_REDISCOVERY_LIMIT
    _, matches = candidates_for_job(job=job, limit=limit, pool_size=limit)
    fits = {match.candidate_id: match.score for match in matches if match.score >= settings.JOB_REDISCOVERY_MIN_SCORE}
    with transaction.atomic():
        # One run at a time per job: a retry racing a slow first run must not report the same candidates twice.
        JobPosting.objects.select_for_update().filter(pk=job.pk).first()
        stored = {row.candidate_id: row for row in RediscoveredCandidate.objects.filter(job=job)}
        found = [candidate_id for candidate_id in fits if candidate_id not in stored]
        RediscoveredCandidate.objects.bulk_create(
            [
                RediscoveredCandidate(job=job, candidate_id=candidate_id, score=fits[candidate_id])
                for candidate_id in found
            ]
        )
        refreshed = [row for candidate_id, row in stored.items() if candidate_id in fits]
        for row in refreshed:
            row.score = fits[row.candidate_id]
        RediscoveredCandidate.objects.bulk_update(refreshed, ["score"])
        kept = len(stored) + len(found)
        if found:
            _tell_recruiters(job, found, kept)
    return Rediscovery(job_id=job.pk, found=found, kept=kept)


def _tell_recruiters(job: JobPosting, found: list[int], kept: int) -> None:
    audit_record(
        action="job.candidates_rediscovered",
        organization=job.organization,
        target=job,
        candidate_ids=found,
        min_score=settings.JOB_REDISCOVERY_MIN_SCORE,
    )
    event = {"type": REDISCOVERED_EVENT, "job_id": job.pk, "found": len(found), "total": kept}
    organization_id = job.organization_id
    transaction.on_commit(lambda: broadcast_organization(organization_id, event))
