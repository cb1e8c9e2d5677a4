from __future__ import annotations

from dataclasses import dataclass

from pgvector.django import CosineDistance

from candidates.models import Candidate
from jobs.models import JobPosting


@dataclass(frozen=True)
class RankedCandidate:
    candidate: Candidate
    similarity: float  # cosine similarity, -1..1; 1 is the same direction


def candidates_ranked_for_job(*, job: JobPosting, limit: int = 20) -> list[RankedCandidate]:
    """The organization's candidates closest to the job by embedding (HNSW cosine index)."""
    if job.embedding is None:
        return []
    rows = (
        Candidate.objects.filter(organization_id=job.organization_id, embedding__isnull=False)
        .annotate(distance=CosineDistance("embedding", job.embedding))
        .order_by("distance")[:limit]
    )
    return [RankedCandidate(candidate=row, similarity=round(1 - row.distance, 4)) for row in rows]
