"""What the re-rank tasks store: each pair's score with its explanation and the fingerprint of its inputs, read
back by `explain_pair` and `jobs_for_candidate` while the inputs hold. The only writer of MatchScore."""

from __future__ import annotations

from candidates.models import Candidate
from jobs.models import JobPosting
from matching.models import MatchScore
from matching.pair_scores import _candidate_jobs, score_pairs
from matching.ranking import RankedMatch, _fingerprint, _job_fingerprint, candidates_for_job


def match_score_store(*, job: JobPosting, candidate: Candidate, match: RankedMatch, fingerprint: str) -> None:
    MatchScore.objects.update_or_create(
        job=job,
        candidate=candidate,
        defaults={
            "score": match.score,
            "breakdown": match.breakdown,
            "explanation": match.explanation_json(),
            "semantic_similarity": match.semantic_similarity,
            "lexical_score": match.lexical_score,
            "fingerprint": fingerprint,
        },
    )


def job_rerank(*, job_id: int, keep: int = 100) -> int:
    """Recompute and cache the job's best candidates (after the job or the pool changed). Returns how many."""
    job = JobPosting.objects.filter(pk=job_id).first()
    if job is None:
        return 0
    _, matches = candidates_for_job(job=job, limit=keep)
    candidates = {
        candidate.pk: candidate for candidate in Candidate.objects.filter(pk__in=[m.candidate_id for m in matches])
    }
    job_fingerprint = _job_fingerprint(job)  # the job's side once, not per candidate
    for match in matches:
        candidate = candidates[match.candidate_id]
        match_score_store(
            job=job, candidate=candidate, match=match, fingerprint=_fingerprint(job_fingerprint, candidate)
        )
    return len(matches)


def candidate_rerank(*, candidate_id: int) -> int:
    """Recompute and store a candidate's scores for the organization's jobs (after their resume changed)."""
    candidate = Candidate.objects.filter(pk=candidate_id).first()
    if candidate is None:
        return 0
    pairs = score_pairs(candidate=candidate, jobs=_candidate_jobs(candidate))
    for pair in pairs:
        if not pair.stored:
            match_score_store(job=pair.job, candidate=candidate, match=pair.match, fingerprint=pair.fingerprint)
    return len(pairs)
