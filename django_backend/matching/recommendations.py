"""Job recommendations for a candidate: their organization's jobs taking applications now, ranked by the one
score of each pair (matching.pair_scores: the stored MatchScore while its inputs hold, computed otherwise) with
its explanation."""

from __future__ import annotations

from candidates.models import Candidate
from jobs.models import JobPosting, open_now
from matching.pair_scores import best_first, score_pairs
from matching.ranking import RankedMatch

# Scored per request, in a fixed number of queries: an organization's open jobs, newest first.
MAX_JOBS_SCORED = 200


def open_jobs_for_candidate(*, candidate: Candidate, limit: int = 20) -> list[tuple[JobPosting, RankedMatch]]:
    """The open, unarchived jobs of the candidate's organization that fit them best, best first."""
    # The job's vector is compared inside the database: it need not travel here.
    jobs = JobPosting.objects.filter(
        open_now(), organization_id=candidate.organization_id, archived_at__isnull=True
    ).defer("embedding")
    ranked = best_first(score_pairs(candidate=candidate, jobs=jobs.order_by("-created_at")[:MAX_JOBS_SCORED]))
    return [(pair.job, pair.match) for pair in ranked[:limit]]
