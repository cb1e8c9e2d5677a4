"""Hybrid retrieval inside PostgreSQL (pgvector HNSW + full-text search), then the deterministic scorer.

Retrieval brings the candidates worth scoring; the score itself comes only from
recruitment_core.ranking.rank_candidate (the requirements fit fused with the semantic similarity, the share of
experience in the job's role family and the full-text rank), with its breakdown and explanation.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections import OrderedDict
from dataclasses import dataclass
from datetime import datetime
from typing import Any, NamedTuple

from django.conf import settings
from django.db import connection, transaction

from candidates.models import Candidate
from config.metrics import RANKING_QUERY_SECONDS
from jobs.models import JobPosting
from matching.models import MatchScore
from recruitment_core.job_parser import JobRequirements
from recruitment_core.ranking import (
    CandidateFeatures,
    calibrate_lexical,
    load_weights,
    rank_candidate,
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

    def explanation_json(self) -> dict[str, Any]:
        return {"matched": self.matched, "gaps": self.gaps, "suggestions": self.suggestions, "text": self.explanation}


@dataclass(frozen=True)
class CandidateFilters:
    skills: tuple[str, ...] = ()
    min_years: float | None = None
    location: str = ""
    status: str = ""


def warm_up() -> None:
    """Load what the first ranking request would otherwise pay for: the skills taxonomy compiles large patterns
    (about 0.2 s) and the scoring weights are read from disk. Servers call this at start."""
    load_taxonomy()
    load_weights()


# --- Inputs -------------------------------------------------------------------------------------------


def job_requirements(job: JobPosting) -> JobRequirements:
    """The requirements the job is ranked by: the recruiter-editable fields over what was read from the text."""
    read = job.requirements or {}
    asked = {*job.required_skills, *job.preferred_skills}
    # A recruiter may have removed skills since the text was read: a group keeps the skills still asked for.
    alternatives = [[name for name in group if name in asked] for group in read.get("skill_alternatives", [])]
    return JobRequirements(
        title=job.title,
        required_skills=list(job.required_skills),
        preferred_skills=[skill for skill in job.preferred_skills if skill not in job.required_skills],
        min_years=job.min_years,
        max_years=job.max_years,
        education_level=job.education_level or None,
        education_field=read.get("education_field"),
        location=job.location or None,
        remote_policy=job.remote_policy,
        employment_type=job.employment_type or "unknown",
        seniority=job.seniority or "unknown",
        role_family=read.get("role_family"),
        responsibilities=list(read.get("responsibilities", [])),
        skill_alternatives=[group for group in alternatives if len(group) > 1],
        relocation_offered=bool(read.get("relocation_offered", False)),
    )


def features_to_json(features: CandidateFeatures) -> dict[str, Any]:
    return features.to_json()


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


# --- Retrieval ----------------------------------------------------------------------------------------


def _job_skills(job: JobPosting) -> list[str]:
    """The job's required then preferred skills, each once."""
    return list(dict.fromkeys([*job.required_skills, *job.preferred_skills]))


def _rank_terms(job: JobPosting) -> str:
    """The full-text query a candidate's lexical rank is measured with: any of the job's skills. One query for
    the ranked list and for a single pair, so both give a pair the same rank."""
    # websearch_to_tsquery never fails on user text; quoting keeps multi-word skills as phrases.
    return " or ".join(f'"{skill.replace(chr(34), " ")}"' for skill in _job_skills(job))


def _vector_text(vector: Any) -> str:
    """A vector as pgvector's text form, converted once: psycopg would dump a list of floats again for every
    use of the parameter in a query. Exact: each float4 goes through its shortest round-tripping repr."""
    return "[" + ",".join(repr(float(x)) for x in vector) + "]"


class _Retrieved(NamedTuple):
    candidate_id: int
    updated_at: datetime
    similarity: float | None  # cosine of the whole resume, None without embeddings
    experience_similarity: float | None  # cosine of its experience sections, None without that embedding
    rank: float  # raw full-text rank
    features_json: str  # match_features as text: decoded only when the features cache lacks this version
    profile_json: str | None  # the profile, only when there are no current match features to read


def _retrieve(job: JobPosting, filters: CandidateFilters, pool_size: int) -> list[_Retrieved]:
    """Everyone in the union of both pools, with what scoring them needs, in one round trip."""
    where = ["c.organization_id = %(org)s"]
    params: dict[str, Any] = {"org": job.organization_id, "pool": pool_size}
    if filters.skills:
        where.append("c.skills @> %(skills)s::varchar[]")
        params["skills"] = list(filters.skills)
    if filters.min_years is not None:
        where.append("c.total_years_experience >= %(min_years)s")
        params["min_years"] = filters.min_years
    if filters.location:
        where.append("c.location ILIKE %(location)s")
        params["location"] = f"%{filters.location}%"
    if filters.status:
        where.append(
            "EXISTS (SELECT 1 FROM applications_application a WHERE a.candidate_id = c.id "
            "AND a.job_id = %(job)s AND a.status = %(status)s)"
        )
        params.update(job=job.pk, status=filters.status)
    # The SQL below is assembled from the fixed fragments above only; every value travels as a parameter.
    condition = " AND ".join(where)
    params["any_terms"] = _rank_terms(job)
    semantic = ""
    if job.embedding is not None:
        params["vector"] = _vector_text(job.embedding)
        semantic = f"""
            SELECT c.id FROM candidates_candidate c
            WHERE {condition} AND c.embedding IS NOT NULL
            ORDER BY c.embedding <=> %(vector)s::vector LIMIT %(pool)s"""
    lexical = _lexical_pool_sql(job, condition if len(where) > 1 else "", params)
    pools = " UNION ".join(f"({part})" for part in (semantic, lexical) if part)
    if not pools:
        return []
    similarity = "1 - (c.embedding <=> %(vector)s::vector)" if semantic else "NULL"
    experience = "1 - (x.embedding <=> %(vector)s::vector)" if semantic else "NULL"
    sql = f"""
        WITH pool AS ({pools})
        SELECT c.id, c.updated_at, {similarity}, {experience},
               ts_rank_cd(c.search_vector, websearch_to_tsquery('english', %(any_terms)s)),
               c.match_features::text,
               CASE WHEN NOT c.match_features ? '{FEATURES_VERSION_KEY}' THEN c.profile::text END
        FROM candidates_candidate c JOIN pool ON pool.id = c.id
        LEFT JOIN matching_experienceembedding x ON x.candidate_id = c.id"""
    with transaction.atomic(), connection.cursor() as cursor:
        # Wider HNSW search for recall, and iterative scans so filters do not starve the result.
        cursor.execute("SET LOCAL hnsw.ef_search = %s", [settings.HNSW_EF_SEARCH])
        if len(where) > 1 or pool_size > settings.HNSW_EF_SEARCH:
            # Filters can leave too few of the first HNSW results, and a scan returns at most ef_search rows: keep
            # scanning until the pool is full. It costs a few milliseconds, so the usual query goes without.
            cursor.execute("SET LOCAL hnsw.iterative_scan = relaxed_order")
        cursor.execute(sql, params)
        return [_Retrieved(row[0], row[1], row[2], row[3], float(row[4]), row[5], row[6]) for row in cursor.fetchall()]


def _lexical_pool_sql(job: JobPosting, condition: str, params: dict[str, Any]) -> str:
    """The lexical pool: the candidates with the strongest evidence of the job's skills, read from the skill
    index best first, a bounded number per skill, summed (preferred skills count half). Among the best summed
    (a few times the pool), the ones nearest the job's embedding come first: thousands of resumes can evidence
    the same skills equally, and the scorer tells them apart mostly by semantic similarity. The cost depends on
    the number of skills, not on how many resumes mention them.

    With filters, each skill's scan walks on until enough candidates pass them."""
    skills = _job_skills(job)
    if not skills:
        return ""
    params["job_skills"] = skills
    params["skill_factors"] = [1.0 if skill in job.required_skills else 0.5 for skill in skills]
    params["per_skill"] = max(params["pool"] * 4, settings.RANKING_POSTINGS_PER_SKILL)
    params["shortlist"] = params["pool"] * settings.RANKING_LEXICAL_SHORTLIST_FACTOR
    filtered = ""
    if condition:
        filtered = f"JOIN candidates_candidate c ON c.id = p.candidate_id AND {condition}"
    summed = f"""
        SELECT best.candidate_id, round(sum(best.evidence)::numeric, 1) AS evidence, sum(best.text_rank) AS text_rank
        FROM unnest(%(job_skills)s::varchar[], %(skill_factors)s::float8[]) AS wanted(skill, factor)
        CROSS JOIN LATERAL (
            SELECT p.candidate_id, p.strength * wanted.factor AS evidence, p.text_rank
            FROM matching_skillposting p {filtered}
            WHERE p.organization_id = %(org)s AND p.skill = wanted.skill
            ORDER BY p.strength DESC, p.text_rank DESC, p.candidate_id
            LIMIT %(per_skill)s
        ) AS best
        GROUP BY best.candidate_id
        ORDER BY evidence DESC, text_rank DESC, best.candidate_id
        LIMIT %(shortlist)s"""
    nearness = "s.text_rank DESC"
    if "vector" in params:
        nearness = "c.embedding <=> %(vector)s::vector NULLS LAST"
    return f"""
        SELECT s.candidate_id AS id
        FROM ({summed}) AS s JOIN candidates_candidate c ON c.id = s.candidate_id
        ORDER BY s.evidence DESC, {nearness}, s.candidate_id
        LIMIT %(pool)s"""


class _Signals(NamedTuple):
    """A pair's retrieval signals, each calibrated to 0-1 (None when missing)."""

    semantic: float | None  # the whole resume's similarity to the posting
    experience: float | None  # its experience sections' similarity
    lexical: float | None  # full-text rank of the job's skills


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
) -> tuple[int, list[RankedMatch]]:
    """The best candidates for a job, scored and explained; returns (how many were scored, one page)."""
    filters = filters or CandidateFilters()
    pool = _retrieve(job, filters, max(pool_size or settings.RANKING_POOL_SIZE, offset + limit))
    if not pool:
        return 0, []
    features = _features_for(pool)
    requirements = job_requirements(job)
    weights = load_weights()
    skill_weights = job.skill_weights or None
    scored = []
    for candidate_id, _, similarity, experience, rank, _, _ in pool:
        # Absolute calibrations, not relative to this pool: a pair scores the same here and in explain_pair.
        signals = _Signals(
            calibrate_similarity(similarity, weights),
            calibrate_similarity(experience, weights),
            calibrate_lexical(rank, weights),
        )
        # Everyone in the pool is scored; only the page shown is explained (the score does not depend on it).
        score = _score(requirements, features[candidate_id], signals, skill_weights, weights, explain=False)
        scored.append((score.score, candidate_id, signals))
    scored.sort(key=lambda row: (-row[0], row[1]))
    page = []
    for _, candidate_id, signals in scored[offset : offset + limit]:
        explained = _score(requirements, features[candidate_id], signals, skill_weights, weights, explain=True)
        page.append(_ranked(job.pk, candidate_id, explained, signals))
    return len(scored), page


# Features decoded from match_features, per process, keyed by (candidate id, updated_at): a changed candidate
# has a new updated_at, so a stale entry is never used; the size is bounded.
_FEATURES_CACHE: OrderedDict[tuple[int, datetime], CandidateFeatures] = OrderedDict()
FEATURES_CACHE_SIZE = 20_000


def _features_for(rows: list[_Retrieved]) -> dict[int, CandidateFeatures]:
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


def _ranked(job_id: int, candidate_id: int, score: Score, signals: _Signals) -> RankedMatch:
    return RankedMatch(
        candidate_id=candidate_id,
        job_id=job_id,
        score=score.score,
        breakdown=score.breakdown,
        matched=score.matched,
        gaps=score.gaps,
        suggestions=score.suggestions,
        explanation=score.explanation,
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
                "vector": _vector_text(vector if vector is not None else [0.0] * settings.EMBEDDING_DIMENSIONS),
                "terms": _rank_terms(job),
                "id": candidate.pk,
            },
        )
        similarity, experience, rank = cursor.fetchone()
    weights = load_weights()
    return _Signals(
        calibrate_similarity(similarity, weights),
        calibrate_similarity(experience, weights),
        calibrate_lexical(rank, weights),
    )


def explain_pair(*, job: JobPosting, candidate: Candidate) -> RankedMatch:
    """One candidate's score for one job with its explanation; served from the cache while its inputs hold."""
    fingerprint = _fingerprint(_job_fingerprint(job), candidate)
    cached = MatchScore.objects.filter(job=job, candidate=candidate, fingerprint=fingerprint).first()
    if cached is not None:
        return RankedMatch(
            candidate_id=candidate.pk,
            job_id=job.pk,
            score=cached.score,
            breakdown=cached.breakdown,
            matched=cached.explanation["matched"],
            gaps=cached.explanation["gaps"],
            suggestions=cached.explanation["suggestions"],
            explanation=cached.explanation["text"],
            semantic_similarity=cached.semantic_similarity,
            lexical_score=cached.lexical_score,
        )
    signals = _pair_signals(job, candidate)
    score = _score(
        job_requirements(job),
        candidate_features(candidate),
        signals,
        job.skill_weights or None,
        load_weights(),
        explain=True,
    )
    match = _ranked(job.pk, candidate.pk, score, signals)
    match_score_store(job=job, candidate=candidate, match=match, fingerprint=fingerprint)
    return match


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


def jobs_for_candidate(*, candidate: Candidate, limit: int = 20) -> list[RankedMatch]:
    """The organization's jobs that fit a candidate best."""
    jobs = list(JobPosting.objects.filter(organization_id=candidate.organization_id).order_by("-created_at")[:500])
    matches = [explain_pair(job=job, candidate=candidate) for job in jobs]
    matches.sort(key=lambda match: (-match.score, match.job_id))
    return matches[:limit]


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
    """Recompute and cache a candidate's scores for the organization's jobs (after their resume changed)."""
    candidate = Candidate.objects.filter(pk=candidate_id).first()
    if candidate is None:
        return 0
    return len(jobs_for_candidate(candidate=candidate, limit=500))
