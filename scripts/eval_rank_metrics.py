"""The ranking evaluation's metrics: NDCG@K with graded gains and MAP, per job and macro-averaged."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

K = 10
RELEVANT_GRADE = 2
PRODUCT, BM25, EMBEDDING = "product", "bm25", "embedding"
BASELINES = (BM25, EMBEDDING)

Grades = dict[str, dict[str, int]]  # job id -> resume id -> grade
Scores = dict[str, dict[str, float]]  # job id -> resume id -> score


def rank(scores: Mapping[str, float]) -> list[str]:
    """Resume ids by score, highest first; equal scores in resume id order."""
    return sorted(scores, key=lambda resume_id: (-scores[resume_id], resume_id))


def dcg(grades: Iterable[int]) -> float:
    """Discounted cumulative gain of grades in rank order: sum of (2^grade - 1) / log2(rank + 1)."""
    return sum((2**grade - 1) / math.log2(position + 1) for position, grade in enumerate(grades, 1))


def ndcg_at_k(ranking: Sequence[str], grades: Mapping[str, int], k: int = K) -> float | None:
    """NDCG@k of a ranking against every graded resume of the job; None when no resume has a positive grade.

    Ungraded resumes in the ranking gain nothing.
    """
    ideal = dcg(sorted(grades.values(), reverse=True)[:k])
    if ideal == 0:
        return None
    return dcg(grades.get(resume_id, 0) for resume_id in ranking[:k]) / ideal


def average_precision(
    ranking: Sequence[str], grades: Mapping[str, int], threshold: int = RELEVANT_GRADE
) -> float | None:
    """Mean of precision@rank at each relevant resume (grade >= threshold), over all relevant resumes of the job.

    A relevant resume missing from the ranking contributes 0. None when the job has no relevant resume.
    """
    relevant = {resume_id for resume_id, grade in grades.items() if grade >= threshold}
    if not relevant:
        return None
    found, total = 0, 0.0
    for position, resume_id in enumerate(ranking, 1):
        if resume_id in relevant:
            found += 1
            total += found / position
    return total / len(relevant)


def mean(values: Iterable[float | None]) -> float:
    """The mean of the defined values (0.0 when there are none)."""
    defined = [value for value in values if value is not None]
    return sum(defined) / len(defined) if defined else 0.0


@dataclass
class SystemResult:
    """One system's metrics: per job, macro-averaged, and what it left out or added."""

    name: str
    ndcg: dict[str, float | None]
    ap: dict[str, float | None]
    unscored: int = 0  # graded pairs without a score
    unexpected: list[str] = field(default_factory=list)  # scores for jobs or resumes that are not graded

    @property
    def mean_ndcg(self) -> float:
        return mean(self.ndcg.values())

    @property
    def map(self) -> float:
        return mean(self.ap.values())


def evaluate(name: str, scores: Mapping[str, Mapping[str, float]], grades: Grades, k: int = K) -> SystemResult:
    """Score one system's output against the grades, job by job."""
    ndcg: dict[str, float | None] = {}
    ap: dict[str, float | None] = {}
    unscored = 0
    unexpected = sorted(f"job {job_id}" for job_id in set(scores) - set(grades))
    for job_id, job_grades in sorted(grades.items()):
        job_scores = scores.get(job_id, {})
        unexpected += sorted(f"{job_id}/{resume_id}" for resume_id in set(job_scores) - set(job_grades))
        ranking = rank({resume_id: job_scores[resume_id] for resume_id in job_grades if resume_id in job_scores})
        unscored += len(job_grades) - len(ranking)
        ndcg[job_id] = ndcg_at_k(ranking, job_grades, k)
        ap[job_id] = average_precision(ranking, job_grades)
    return SystemResult(name, ndcg, ap, unscored, unexpected)
