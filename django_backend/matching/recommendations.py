"""Job recommendations for a candidate: their organization's jobs taking applications now, ranked by the one
score of each pair (matching.ranking.explain_pair, cached in MatchScore) with its explanation."""

from __future__ import annotations

from candidates.models import Candidate
from jobs.models import JobPosting, open_now
from matching.ranking import RankedMatch, explain_pair

# Scored per request (each pair from the cache while its inputs hold): an organization's open jobs, newest first.
MAX_JOBS_SCORED = 200


def open_jobs_for_candidate(*, candidate: Candidate, limit: int = 20) -> list[tuple[JobPosting, RankedMatch]]:
    """The open, unarchived jobs of the candidate's organization that fit them best, best first."""
    jobs = list(
        JobPosting.objects.filter(
            open_now(), organization_id=candidate.organization_id, archived_at__isnull=True
        ).order_by("-created_at")[:MAX_JOBS_SCORED]
    )
    ranked = [(job, explain_pair(job=job, candidate=candidate)) for job in jobs]
    ranked.sort(key=lambda pair: (-pair[1].score, pair[0].pk))
    return ranked[:limit]
