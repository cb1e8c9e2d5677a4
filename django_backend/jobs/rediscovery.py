"""Talent rediscovery: when a job opens, the organization's existing candidates who already fit it.

The score is the ranking's (matching.ranking.candidates_for_job), the one score every surface shows, read through
the search matching hands in when the apps load (pool_search_register; matching sits above jobs). The
candidates at or above JOB_REDISCOVERY_MIN_SCORE are kept on the job as RediscoveredCandidate rows. A run is
idempotent: it adds only candidates not found before (refreshing the scores of those that were), and tells the
recruiters (audit entry, live event) only when it found someone new.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction

from audit.services import audit_record
from jobs.models import JobPosting, RediscoveredCandidate
from realtime.services import broadcast_organization

# What live admin pages and API clients listen for on the organization's stream.
REDISCOVERED_EVENT = "job.rediscovered"

# `search(job, limit)`: the organization's best `limit` candidates for the job as (candidate id, score), best first.
PoolSearch = Callable[[JobPosting, int], list[tuple[int, float]]]
_pool_search: list[PoolSearch] = []


def pool_search_register(search: PoolSearch) -> None:
    """Called by matching.apps when the apps load; registering again replaces the search."""
    _pool_search[:] = [search]


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
    if not _pool_search:
        raise RuntimeError("no candidate search registered: the matching app is not installed")
    scores = _pool_search[0](job, settings.JOB_REDISCOVERY_LIMIT)
    fits = {candidate_id: score for candidate_id, score in scores if score >= settings.JOB_REDISCOVERY_MIN_SCORE}
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
