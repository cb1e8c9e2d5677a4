"""The organization's candidates who fit a job, as talent rediscovery reads them (jobs.rediscovery). Jobs sit
below matching, so this search is handed to that module when the apps load (matching.apps)."""

from __future__ import annotations

from jobs.models import JobPosting
from matching.ranking import candidates_for_job
from matching.services import job_embed
from matching.tasks import rerank_enqueue


def job_pool_scores(job: JobPosting, limit: int) -> list[tuple[int, float]]:
    """The best `limit` candidates of the job's organization as (candidate id, score), best first: the ranking's
    score (candidates_for_job), the one score every surface shows."""
    # The ranking reads the job's embedding: a job created a moment ago may not have it yet.
    if job_embed(job_id=job.pk):
        rerank_enqueue(job_id=job.pk)  # as the embedding task would have
        job.refresh_from_db()
    _, matches = candidates_for_job(job=job, limit=limit, pool_size=limit)
    return [(match.candidate_id, match.score) for match in matches]
