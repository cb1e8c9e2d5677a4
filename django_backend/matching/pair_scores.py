"""One candidate's scores for many jobs, in a fixed number of queries whatever the number of jobs.

Reads never write: a stored MatchScore whose fingerprint matches the current inputs is served, any other pair is
computed (the same score `explain_pair` gives) without being saved. Only `matching.rerank`, run by the re-rank
task, stores what it computed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.db import connection

from candidates.models import Candidate
from jobs.models import JobPosting
from matching.models import MatchScore
from matching.ranking import (
    RankedMatch,
    _fingerprint,
    _job_fingerprint,
    _ranked,
    _score,
    _Signals,
    candidate_features,
    job_requirements,
)
from matching.retrieval import rank_terms
from matching.statements import coverage_for_jobs
from recruitment_core.pair_signals import calibrated_signals
from recruitment_core.ranking import calibrate_lexical, load_weights

# The newest jobs of an organization a candidate is scored against.
MAX_JOBS_PER_CANDIDATE = 500


@dataclass(frozen=True)
class PairScore:
    job: JobPosting
    match: RankedMatch
    fingerprint: str
    stored: bool  # served from a MatchScore whose inputs still hold


def _signals_for_jobs(candidate: Candidate, jobs: list[JobPosting]) -> tuple[dict[int, _Signals], dict[int, str]]:
    """The pair signals of one candidate with each job in one statement, calibrated as `_pair_signals` does:
    the job's stored vector is the one `_pair_signals` sends as text (its text form round-trips exactly)."""
    if not jobs:
        return {}, {}
    with connection.cursor() as cursor:
        cursor.execute(
            """SELECT t.job_id,
                      CASE WHEN c.embedding IS NOT NULL THEN 1 - (c.embedding <=> j.embedding) END,
                      1 - (x.embedding <=> j.embedding),
                      ts_rank_cd(c.search_vector, websearch_to_tsquery('english', t.terms))
               FROM unnest(%(ids)s::bigint[], %(terms)s::text[]) AS t(job_id, terms)
               JOIN jobs_jobposting j ON j.id = t.job_id
               CROSS JOIN candidates_candidate c
               LEFT JOIN matching_experienceembedding x ON x.candidate_id = c.id
               WHERE c.id = %(id)s""",
            {"ids": [job.pk for job in jobs], "terms": [rank_terms(job) for job in jobs], "id": candidate.pk},
        )
        rows = cursor.fetchall()
    weights = load_weights()
    coverages, notes = coverage_for_jobs(
        candidate.pk, [job.pk for job in jobs], (candidate.extracted_text, {job.pk: job.description for job in jobs})
    )
    signals = {}
    for job_id, similarity, experience, rank in rows:
        embedded = calibrated_signals(similarity, experience, coverages.get(job_id), weights)
        signals[job_id] = _Signals(
            embedded.semantic, embedded.experience, calibrate_lexical(rank, weights), embedded.coverage
        )
    return signals, notes


def score_pairs(*, candidate: Candidate, jobs: Iterable[JobPosting]) -> list[PairScore]:
    """The candidate's score for each job still there (in the jobs' order): four queries, none of them a write."""
    jobs = list(jobs)
    fingerprints = {job.pk: _fingerprint(_job_fingerprint(job), candidate) for job in jobs}
    fresh = {
        row.job_id: row
        for row in MatchScore.objects.filter(candidate=candidate, job_id__in=list(fingerprints))
        if row.fingerprint == fingerprints[row.job_id]
    }
    signals, notes = _signals_for_jobs(candidate, [job for job in jobs if job.pk not in fresh])
    features = candidate_features(candidate) if signals else None
    weights = load_weights()
    pairs = []
    for job in jobs:
        if job.pk in fresh:
            pairs.append(PairScore(job, RankedMatch.from_stored(fresh[job.pk]), fingerprints[job.pk], stored=True))
            continue
        if features is None or job.pk not in signals:
            continue  # the job was deleted since it was read
        score = _score(
            job_requirements(job), features, signals[job.pk], job.skill_weights or None, weights, explain=True
        )
        match = _ranked(job.pk, candidate.pk, score, signals[job.pk], notes.get(job.pk, ""))
        pairs.append(PairScore(job, match, fingerprints[job.pk], stored=False))
    return pairs


def best_first(pairs: list[PairScore]) -> list[PairScore]:
    return sorted(pairs, key=lambda pair: (-pair.match.score, pair.job.pk))


def _candidate_jobs(candidate: Candidate) -> list[JobPosting]:
    # The job's vector is compared inside the database: it need not travel here.
    jobs = JobPosting.objects.filter(organization_id=candidate.organization_id).defer("embedding")
    return list(jobs.order_by("-created_at")[:MAX_JOBS_PER_CANDIDATE])


def jobs_for_candidate(*, candidate: Candidate, limit: int = 20) -> list[RankedMatch]:
    """The organization's jobs that fit a candidate best."""
    return [pair.match for pair in best_first(score_pairs(candidate=candidate, jobs=_candidate_jobs(candidate)))][
        :limit
    ]
