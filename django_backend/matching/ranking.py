"""Hybrid retrieval inside PostgreSQL (pgvector HNSW + full-text search, matching.retrieval), then the
deterministic scorer.

Retrieval brings the candidates worth scoring, deep enough that no candidate left unread could rank higher;
the score itself comes only from
recruitment_core.ranking.rank_candidate (the requirements fit fused with the semantic similarity, the share of
experience in the job's role family and the full-text rank), with its breakdown and explanation.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, NamedTuple

from django.conf import settings
from django.db import connection

from candidates.models import Candidate
from config.metrics import RANKING_QUERY_SECONDS
from jobs.models import JobPosting
from matching.models import MatchScore
from matching.retrieval import CandidateFilters, Retrieved, rank_terms, retrieve, retrieve_all, vector_text
from matching.statements import coverage_for_candidates, coverage_notes
from recruitment_core.job_parser import JobRequirements
from recruitment_core.pair_scoring import as_ranked
from recruitment_core.pair_signals import calibrated_signals
from recruitment_core.ranking import (
    CandidateFeatures,
    ScoringWeights,
    calibrate_lexical,
    load_weights,
    rank_candidate,
    rank_ceiling,
)
from recruitment_core.ranking import MatchScore as Score
from recruitment_core.semantic import calibrate_similarity
from recruitment_core.skills import load_taxonomy


@dataclass(frozen=True)
class RankedMatch:
    candidate_id: int
    job_id: int
    score: float
    breakdown: dict[str, float]
    matched: list[dict[str, Any]]
    gaps: list[str]
    suggestions: list[str]
    explanation: str
    semantic_similarity: float | None
    lexical_score: float | None

    @classmethod
    def from_stored(cls, row: MatchScore) -> RankedMatch:
        """The match a re-rank task stored."""
        return cls(
            candidate_id=row.candidate_id,
            job_id=row.job_id,
            score=row.score,
            breakdown=row.breakdown,
            matched=row.explanation["matched"],
            gaps=row.explanation["gaps"],
            suggestions=row.explanation["suggestions"],
            explanation=row.explanation["text"],
            semantic_similarity=row.semantic_similarity,
            lexical_score=row.lexical_score,
        )

    def explanation_json(self) -> dict[str, Any]:
        return {"matched": self.matched, "gaps": self.gaps, "suggestions": self.suggestions, "text": self.explanation}


def warm_up() -> None:
    """Load what the first ranking request would otherwise pay for: the skills taxonomy compiles large patterns
    (about 0.2 s) and the scoring weights are read from disk. Servers call this at start."""
    load_taxonomy()
    load_weights()


# --- Inputs -------------------------------------------------------------------------------------------


def job_requirements(job: JobPosting) -> JobRequirements:
    """The requirements the job is ranked by: the recruiter-editable fields over what was read from the text."""
    read = job.requirements or {}
    # A recruiter may have removed skills since the text was read: as_ranked keeps the groups' skills still asked for.
    return as_ranked(
        JobRequirements(
            title=job.title,
            required_skills=list(job.required_skills),
            preferred_skills=list(job.preferred_skills),
            min_years=job.min_years,
            max_years=job.max_years,
            education_level=job.education_level,
            education_field=read.get("education_field"),
            location=job.location,
            remote_policy=job.remote_policy,
            employment_type=job.employment_type,
            seniority=job.seniority,
            role_family=read.get("role_family"),
            responsibilities=list(read.get("responsibilities", [])),
            skill_alternatives=[list(group) for group in read.get("skill_alternatives", [])],
            relocation_offered=bool(read.get("relocation_offered", False)),
        )
    )


# Stored features without this key predate the newest field (where the candidate is moving): they are rebuilt
# from the profile when read.
FEATURES_VERSION_KEY = "relocation"


def features_from_json(data: dict[str, Any], profile: dict[str, Any] | None = None) -> CandidateFeatures:
    if FEATURES_VERSION_KEY not in data and profile:
        return CandidateFeatures.from_profile(profile)
    return CandidateFeatures.from_json(data)


def candidate_features(candidate: Candidate) -> CandidateFeatures:
    if candidate.match_features:
        return features_from_json(candidate.match_features, candidate.profile or {})
    return CandidateFeatures.from_profile(candidate.profile or {})


def _digest(inputs: list[Any]) -> str:
    return hashlib.sha256(json.dumps(inputs, sort_keys=True, default=str).encode()).hexdigest()


def _job_fingerprint(job: JobPosting) -> str:
    """The job's side of every score input (requirements, skill weights, embedding, scoring weights)."""
    return _digest(
        [
            dataclasses.asdict(job_requirements(job)),
            job.skill_weights,
            job.embedded_text_sha256,
            dataclasses.asdict(load_weights()),
        ]
    )


def _fingerprint(job_fingerprint: str, candidate: Candidate) -> str:
    return _digest([job_fingerprint, candidate.match_features or candidate.profile, candidate.embedded_text_sha256])


class _Signals(NamedTuple):
    """A pair's retrieval signals, each calibrated to 0-1 (None when missing)."""

    semantic: float | None  # the whole resume's similarity to the posting
    experience: float | None  # its experience sections' similarity
    lexical: float | None  # full-text rank of the job's skills
    coverage: float | None = None  # how much of the posting's statements the resume's cover (matching.statements)


def _score(
    requirements: JobRequirements,
    features: CandidateFeatures,
    signals: _Signals,
    skill_weights: dict[str, float] | None,
    weights: Any,
    *,
    explain: bool,
) -> Score:
    return rank_candidate(
        requirements,
        features,
        semantic_similarity=signals.semantic,
        experience_similarity=signals.experience,
        lexical_score=signals.lexical,
        coverage=signals.coverage,
        skill_weights=skill_weights,
        weights=weights,
        explain=explain,
    )


@RANKING_QUERY_SECONDS.time()
def candidates_for_job(
    *,
    job: JobPosting,
    limit: int = 20,
    offset: int = 0,
    filters: CandidateFilters | None = None,
    pool_size: int | None = None,
    exhaustive: bool = False,
) -> tuple[int, list[RankedMatch]]:
    """The best candidates for a job, scored and explained; returns (how many were scored, one page).

    The page is the top of scoring every candidate that passes the filters, without scoring them all: each
    pass reads the candidates nearest the job by embedding (matching.retrieval) `pool_size` deep, then four
    times deeper, until no candidate left unread can score above the last one the page needs
    (recruitment_core.ranking.rank_ceiling of the similarity where the reading stopped), or RANKING_MAX_DEPTH
    is reached. The nearest-neighbour search is approximate, so "every candidate" holds within its recall
    (scripts/bench_search.py measures the overlap with `exhaustive=True`, which scores everyone).
    """
    filters = filters or CandidateFilters()
    wanted = offset + limit
    requirements = job_requirements(job)
    weights = load_weights()
    skill_weights = job.skill_weights or None
    scored: dict[int, tuple[float, _Signals]] = {}
    rows: dict[int, Retrieved] = {}

    def score_rows(found: list[Retrieved]) -> None:
        features = _features_for(found)
        coverages = coverage_for_candidates(job.pk, [row.candidate_id for row in found])
        for row in found:
            # Absolute calibrations, not relative to this pool: a pair scores the same here and in explain_pair.
            embedded = calibrated_signals(
                row.similarity, row.experience_similarity, coverages[row.candidate_id], weights
            )
            signals = _Signals(
                embedded.semantic, embedded.experience, calibrate_lexical(row.rank, weights), embedded.coverage
            )
            # Everyone read is scored; only the page shown is explained (the score does not depend on it).
            score = _score(requirements, features[row.candidate_id], signals, skill_weights, weights, explain=False)
            scored[row.candidate_id] = (score.score, signals)
            rows[row.candidate_id] = row

    if exhaustive:
        score_rows(retrieve_all(job, filters, features_key=FEATURES_VERSION_KEY))
    else:
        depth = max(pool_size or settings.RANKING_POOL_SIZE, wanted)
        _read_until_settled(job, filters, depth, wanted, scored, score_rows, weights)
    if not scored:
        return 0, []
    order = sorted(scored, key=lambda candidate_id: (-scored[candidate_id][0], candidate_id))
    page = []
    features = _features_for([rows[candidate_id] for candidate_id in order[offset:wanted]])
    texts = dict(Candidate.objects.filter(pk__in=order[offset:wanted]).values_list("pk", "extracted_text"))
    notes = coverage_notes(job.pk, job.description, texts)
    for candidate_id in order[offset:wanted]:
        signals = scored[candidate_id][1]
        explained = _score(requirements, features[candidate_id], signals, skill_weights, weights, explain=True)
        page.append(_ranked(job.pk, candidate_id, explained, signals, notes.get(candidate_id, "")))
    return len(scored), page


def _read_until_settled(
    job: JobPosting,
    filters: CandidateFilters,
    depth: int,
    wanted: int,
    scored: dict[int, tuple[float, _Signals]],
    score_rows: Callable[[list[Retrieved]], None],
    weights: ScoringWeights,
) -> None:
    """Read and score the candidates nearest the job `depth` deep, then four times deeper, until none left unread
    can score above the `wanted`-th best scored, or RANKING_MAX_DEPTH is reached."""
    lexical_pool = depth
    while True:
        found, frontier = retrieve(
            job,
            filters,
            depth,
            seen=frozenset(scored),
            lexical_pool=lexical_pool,
            features_key=FEATURES_VERSION_KEY,
        )
        score_rows(found)
        lexical_pool = 0  # the skill index is read once: deeper passes follow the embeddings
        if frontier.exhausted or depth >= settings.RANKING_MAX_DEPTH:
            break
        unread = max(value for value in (frontier.document, frontier.experience) if value is not None)
        best = sorted((value[0] for value in scored.values()), reverse=True)
        if len(best) >= wanted and best[wanted - 1] >= rank_ceiling(
            calibrate_similarity(unread, weights) or 0.0, weights
        ):
            break
        depth = min(depth * 4, settings.RANKING_MAX_DEPTH)


# Features decoded from match_features, per process, keyed by (candidate id, updated_at): a changed candidate
# has a new updated_at, so a stale entry is never used; the size is bounded.
_FEATURES_CACHE: OrderedDict[tuple[int, datetime], CandidateFeatures] = OrderedDict()
FEATURES_CACHE_SIZE = 20_000


def _features_for(rows: list[Retrieved]) -> dict[int, CandidateFeatures]:
    found = {}
    for row in rows:
        key = (row.candidate_id, row.updated_at)
        features = _FEATURES_CACHE.get(key)
        if features is None:
            decoded = json.loads(row.features_json)
            profile = json.loads(row.profile_json or "{}")
            features = features_from_json(decoded, profile) if decoded else CandidateFeatures.from_profile(profile)
            _FEATURES_CACHE[key] = features
        else:
            _FEATURES_CACHE.move_to_end(key)
        found[row.candidate_id] = features
    while len(_FEATURES_CACHE) > FEATURES_CACHE_SIZE:
        _FEATURES_CACHE.popitem(last=False)
    return found


def _ranked(job_id: int, candidate_id: int, score: Score, signals: _Signals, note: str = "") -> RankedMatch:
    """The match shown for a pair; `note` (matching.statements.coverage_notes) ends the explanation."""
    return RankedMatch(
        candidate_id=candidate_id,
        job_id=job_id,
        score=score.score,
        breakdown=score.breakdown,
        matched=score.matched,
        gaps=score.gaps,
        suggestions=score.suggestions,
        explanation=f"{score.explanation} {note}".strip() if note else score.explanation,
        semantic_similarity=signals.semantic,
        lexical_score=signals.lexical,
    )


def _pair_signals(job: JobPosting, candidate: Candidate) -> _Signals:
    """The signals of one pair, calibrated exactly as in `candidates_for_job`."""
    vector = job.embedding
    with connection.cursor() as cursor:
        cursor.execute(
            """SELECT CASE WHEN %(has_vector)s AND c.embedding IS NOT NULL
                          THEN 1 - (c.embedding <=> %(vector)s::vector) END,
                      CASE WHEN %(has_vector)s THEN 1 - (x.embedding <=> %(vector)s::vector) END,
                      ts_rank_cd(c.search_vector, websearch_to_tsquery('english', %(terms)s))
               FROM candidates_candidate c LEFT JOIN matching_experienceembedding x ON x.candidate_id = c.id
               WHERE c.id = %(id)s""",
            {
                "has_vector": vector is not None,
                "vector": vector_text(vector if vector is not None else [0.0] * settings.EMBEDDING_DIMENSIONS),
                "terms": rank_terms(job),
                "id": candidate.pk,
            },
        )
        similarity, experience, rank = cursor.fetchone()
    weights = load_weights()
    coverage = coverage_for_candidates(job.pk, [candidate.pk])[candidate.pk]
    embedded = calibrated_signals(similarity, experience, coverage, weights)
    return _Signals(embedded.semantic, embedded.experience, calibrate_lexical(rank, weights), embedded.coverage)


def explain_pair(*, job: JobPosting, candidate: Candidate) -> RankedMatch:
    """One candidate's score for one job with its explanation; served from the cache while its inputs hold,
    computed without being stored otherwise (reads never write: the re-rank tasks store scores)."""
    fingerprint = _fingerprint(_job_fingerprint(job), candidate)
    cached = MatchScore.objects.filter(job=job, candidate=candidate, fingerprint=fingerprint).first()
    if cached is not None:
        return RankedMatch.from_stored(cached)
    signals = _pair_signals(job, candidate)
    score = _score(
        job_requirements(job),
        candidate_features(candidate),
        signals,
        job.skill_weights or None,
        load_weights(),
        explain=True,
    )
    note = coverage_notes(job.pk, job.description, {candidate.pk: candidate.extracted_text})[candidate.pk]
    return _ranked(job.pk, candidate.pk, score, signals, note)


# One candidate against the organization's jobs (jobs_for_candidate): matching.pair_scores. What the re-rank
# tasks store: matching.rerank.
