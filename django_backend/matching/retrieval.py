"""Which candidates a job's ranking scores, read from PostgreSQL in one round trip per pass.

Retrieval reads three lists ordered by what bounds a score: the candidates nearest the job by their whole
resume's embedding and by their experience sections' (pgvector HNSW, both indexed), and the candidates with the
strongest evidence of the job's skills (the skill index). Each pass goes `depth` deep into both vector lists and
returns, beside the rows, the `Frontier`: the lowest similarity read from each list, so that the ranking knows
how high any candidate not yet read could score (matching.ranking). Candidates without embeddings yet cannot
be bounded that way and are always read, up to `RANKING_MAX_DEPTH`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, NamedTuple

from django.conf import settings
from django.db import connection, transaction

from jobs.models import JobPosting


@dataclass(frozen=True)
class CandidateFilters:
    skills: tuple[str, ...] = ()
    min_years: float | None = None
    location: str = ""
    status: str = ""


class Retrieved(NamedTuple):
    candidate_id: int
    updated_at: datetime
    similarity: float | None  # cosine of the whole resume, None without embeddings
    experience_similarity: float | None  # cosine of its experience sections, None without that embedding
    rank: float  # raw full-text rank
    features_json: str  # match_features as text: decoded only when the features cache lacks this version
    profile_json: str | None  # the profile, only when there are no current match features to read


@dataclass(frozen=True)
class Frontier:
    """How far a pass read each vector list: the lowest cosine it returned, or None when it returned every
    candidate the list holds (nobody unread is left in it)."""

    document: float | None
    experience: float | None

    @property
    def exhausted(self) -> bool:
        """Every candidate with a document embedding has been read."""
        return self.document is None


def job_skills(job: JobPosting) -> list[str]:
    """The job's required then preferred skills, each once."""
    return list(dict.fromkeys([*job.required_skills, *job.preferred_skills]))


def rank_terms(job: JobPosting) -> str:
    """The full-text query a candidate's lexical rank is measured with: any of the job's skills. One query for
    the ranked list and for a single pair, so both give a pair the same rank."""
    # websearch_to_tsquery never fails on user text; quoting keeps multi-word skills as phrases.
    return " or ".join(f'"{skill.replace(chr(34), " ")}"' for skill in job_skills(job))


def vector_text(vector: Any) -> str:
    """A vector as pgvector's text form, converted once: psycopg would dump a list of floats again for every
    use of the parameter in a query. Exact: each float4 goes through its shortest round-tripping repr."""
    return "[" + ",".join(repr(float(x)) for x in vector) + "]"


def _conditions(job: JobPosting, filters: CandidateFilters, params: dict[str, Any]) -> list[str]:
    where = ["c.organization_id = %(org)s"]
    params["org"] = job.organization_id
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
    return where


_ROW_COLUMNS = """c.id, c.updated_at, {similarity}, {experience},
               ts_rank_cd(c.search_vector, websearch_to_tsquery('english', %(any_terms)s)),
               c.match_features::text,
               CASE WHEN NOT c.match_features ? %(features_key)s THEN c.profile::text END"""


def retrieve(
    job: JobPosting,
    filters: CandidateFilters,
    depth: int,
    *,
    seen: frozenset[int] = frozenset(),
    lexical_pool: int = 0,
    features_key: str,
) -> tuple[list[Retrieved], Frontier]:
    """One pass: the `depth` nearest candidates by each embedding, those without embeddings, and (when
    `lexical_pool` > 0) the best-evidenced candidates of the job's skills; rows of candidates in `seen` are left
    out of the result (they are still read for the frontier). Without a job embedding only the lexical pool and
    the candidates without embeddings are read, and the frontier says the lists were read to the end."""
    params: dict[str, Any] = {"depth": depth, "pool": max(lexical_pool, 1), "features_key": features_key}
    where = _conditions(job, filters, params)
    # The SQL below is assembled from the fixed fragments above only; every value travels as a parameter.
    condition = " AND ".join(where)
    params.update(any_terms=rank_terms(job), seen=list(seen), unembedded=settings.RANKING_MAX_DEPTH)
    pools = [f"SELECT c.id FROM candidates_candidate c WHERE {condition} AND c.embedding IS NULL LIMIT %(unembedded)s"]
    has_vector = job.embedding is not None
    frontier_sql = "NULL::float8, 0::bigint, NULL::float8, 0::bigint"
    if has_vector:
        params["vector"] = vector_text(job.embedding)
        pools += ["SELECT id FROM doc", "SELECT id FROM exp"]
        frontier_sql = "(SELECT min(sim) FROM doc), (SELECT count(*) FROM doc), (SELECT min(sim) FROM exp), " + (
            "(SELECT count(*) FROM exp)"
        )
    lexical = _lexical_pool_sql(job, condition if len(where) > 1 else "", params) if lexical_pool else ""
    if lexical:
        pools.append(lexical)
    vectors = _nearest_sql(condition) if has_vector else ""
    similarity = "1 - (c.embedding <=> %(vector)s::vector)" if has_vector else "NULL::float8"
    experience = "1 - (x.embedding <=> %(vector)s::vector)" if has_vector else "NULL::float8"
    union = " UNION ".join(f"({part})" for part in pools)
    sql = f"""
        WITH {vectors} pool AS ({union}),
        found AS (
            SELECT {_ROW_COLUMNS.format(similarity=similarity, experience=experience)}
            FROM candidates_candidate c JOIN pool ON pool.id = c.id
            LEFT JOIN matching_experienceembedding x ON x.candidate_id = c.id
            WHERE c.id <> ALL(%(seen)s::bigint[]))
        SELECT found.*, NULL::float8, NULL::bigint, NULL::float8, NULL::bigint FROM found
        UNION ALL  -- the frontier, in the one row without a candidate
        SELECT NULL::bigint, NULL::timestamptz, NULL::float8, NULL::float8, NULL::real, NULL::text, NULL::text,
               {frontier_sql}"""
    rows = _fetch_nearest(sql, params, depth, filtered=len(where) > 1)
    [last] = [row for row in rows if row[0] is None]
    found = [row for row in rows if row[0] is not None]
    document_low, document_count, experience_low, experience_count = last[7:11]
    frontier = Frontier(
        document=document_low if has_vector and document_count >= depth else None,
        experience=experience_low if has_vector and experience_count >= depth else None,
    )
    return [Retrieved(row[0], row[1], row[2], row[3], float(row[4]), row[5], row[6]) for row in found], frontier


def _nearest_sql(condition: str) -> str:
    """The `doc` and `exp` lists: the `depth` candidates nearest the job by whole resume and by experience."""
    return f"""doc AS MATERIALIZED (
                SELECT c.id, 1 - (c.embedding <=> %(vector)s::vector) AS sim FROM candidates_candidate c
                WHERE {condition} AND c.embedding IS NOT NULL
                ORDER BY c.embedding <=> %(vector)s::vector LIMIT %(depth)s),
            exp AS MATERIALIZED (
                SELECT x.candidate_id AS id, 1 - (x.embedding <=> %(vector)s::vector) AS sim
                FROM matching_experienceembedding x JOIN candidates_candidate c ON c.id = x.candidate_id
                WHERE {condition}
                ORDER BY x.embedding <=> %(vector)s::vector LIMIT %(depth)s),"""


def _fetch_nearest(sql: str, params: dict[str, Any], depth: int, *, filtered: bool) -> list[tuple[Any, ...]]:
    with transaction.atomic(), connection.cursor() as cursor:
        # Wider HNSW search for recall, and iterative scans so filters and deep passes are not cut at ef_search.
        cursor.execute("SET LOCAL hnsw.ef_search = %s", [settings.HNSW_EF_SEARCH])
        if filtered or depth > settings.HNSW_EF_SEARCH:
            # It costs a few milliseconds, so the usual first pass goes without.
            cursor.execute("SET LOCAL hnsw.iterative_scan = relaxed_order")
            cursor.execute("SET LOCAL hnsw.max_scan_tuples = %s", [max(20_000, depth * 20)])
        cursor.execute(sql, params)
        return cursor.fetchall()


def retrieve_all(job: JobPosting, filters: CandidateFilters, *, features_key: str) -> list[Retrieved]:
    """Every candidate that passes the filters, with what scoring them needs: the exhaustive reference the
    bounded ranking is measured against (scripts/bench_search.py), slow on a large pool."""
    params: dict[str, Any] = {"features_key": features_key, "any_terms": rank_terms(job)}
    condition = " AND ".join(_conditions(job, filters, params))
    similarity = experience = "NULL::float8"
    if job.embedding is not None:
        params["vector"] = vector_text(job.embedding)
        similarity = "1 - (c.embedding <=> %(vector)s::vector)"
        experience = "1 - (x.embedding <=> %(vector)s::vector)"
    sql = f"""SELECT {_ROW_COLUMNS.format(similarity=similarity, experience=experience)}
              FROM candidates_candidate c LEFT JOIN matching_experienceembedding x ON x.candidate_id = c.id
              WHERE {condition}"""
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [Retrieved(row[0], row[1], row[2], row[3], float(row[4]), row[5], row[6]) for row in cursor.fetchall()]


def _lexical_pool_sql(job: JobPosting, condition: str, params: dict[str, Any]) -> str:
    """The lexical pool: the candidates with the strongest evidence of the job's skills, read from the skill
    index best first, a bounded number per skill, summed (preferred skills count half). Among the best summed
    (a few times the pool), the ones nearest the job's embedding come first: thousands of resumes can evidence
    the same skills equally, and the scorer tells them apart mostly by semantic similarity. The cost depends on
    the number of skills, not on how many resumes mention them.

    With filters, each skill's scan walks on until enough candidates pass them."""
    skills = job_skills(job)
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
