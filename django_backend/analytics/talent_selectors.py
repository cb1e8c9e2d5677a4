"""Figures about the applicants themselves: their match scores, the skills they lack, and how they arrived.

Aggregated in PostgreSQL, a fixed number of queries per figure.
"""

from __future__ import annotations

from typing import Any

from django.db import connection
from django.db.models import Case, CharField, Count, Exists, F, FloatField, OuterRef, Subquery, Value, When
from django.db.models.functions import Coalesce, Floor, Greatest, Least

from accounts.models import User
from analytics.filters import AnalyticsFilters
from analytics.pipeline_selectors import ALL_JOBS
from applications.models import Application
from candidates.models import Candidate, ResumeVersion
from ingestion.models import ImportItem
from matching.models import MatchScore

SCORE_BUCKET = 10  # points per bucket of the 0-100 score
SCORE_BUCKETS = 100 // SCORE_BUCKET
UNSCORED = "unscored"
TOP_MISSING_SKILLS = 10


# --- Scores ---------------------------------------------------------------------------------------------------------


def score_distribution(filters: AnalyticsFilters) -> list[dict[str, Any]]:
    """Applications per 10-point bucket of their match score, for all jobs in scope and per job (one query).

    The score is the pair's one score, the ranking's cached MatchScore (the AI analysis is checked against the
    same number); an application whose pair has not been scored yet is counted as unscored.
    """
    score = MatchScore.objects.filter(job=OuterRef("job_id"), candidate=OuterRef("candidate_id")).values("score")
    top = float(SCORE_BUCKETS - 1)  # 100 belongs to the last bucket
    groups = (
        Application.objects.filter(filters.applications())
        .annotate(match_score=Subquery(score[:1], output_field=FloatField()))
        .annotate(
            # PostgreSQL's GREATEST and LEAST skip NULLs: an unscored application is kept apart first.
            bucket=Case(
                When(match_score__isnull=True, then=Value(None)),
                default=Least(Greatest(Floor(F("match_score") / SCORE_BUCKET), Value(0.0)), Value(top)),
                output_field=FloatField(),
            )
        )
        .values("job_id", "job__title", "bucket")
        .annotate(applications=Count("pk"))
        .order_by()
    )
    counts: dict[tuple[Any, Any], int] = {}
    names = {None: ALL_JOBS}
    for group in groups:
        bucket = None if group["bucket"] is None else int(group["bucket"])
        names[group["job_id"]] = group["job__title"]
        for scope in (None, group["job_id"]):
            counts[scope, bucket] = counts.get((scope, bucket), 0) + group["applications"]
    rows = []
    for scope_id, name in sorted(names.items(), key=lambda item: (item[0] is not None, item[1], item[0] or 0)):
        for bucket in [*range(SCORE_BUCKETS), None]:
            low = None if bucket is None else bucket * SCORE_BUCKET
            rows.append(
                {
                    "scope": "job" if scope_id else "all",
                    "scope_id": scope_id,
                    "scope_name": name,
                    "bucket": UNSCORED if low is None else f"{low}-{low + SCORE_BUCKET}",
                    "low": low,
                    "high": None if low is None else low + SCORE_BUCKET,
                    "applications": counts.get((scope_id, bucket), 0),
                }
            )
    return rows


# --- Missing skills -------------------------------------------------------------------------------------------------


def missing_skills(filters: AnalyticsFilters, *, top: int = TOP_MISSING_SKILLS) -> list[dict[str, Any]]:
    """The skills the analysed applications lack most often, for all jobs in scope and per job, with the share of
    analysed applications lacking each (one query).

    Read from each application's latest AI analysis (`ai_feedback`, the copy of its latest ApplicationAnalysis
    result), whose `missing_skills` are the deterministic scorer's: the job's skills the resume does not show.
    """
    analysed = (
        Application.objects.filter(filters.applications())
        .filter(ai_feedback__missing_skills__isnull=False)
        .annotate(analysed_id=F("pk"), analysed_job=F("job_id"), job_title=F("job__title"), feedback=F("ai_feedback"))
        .values("analysed_id", "analysed_job", "job_title", "feedback")
        .order_by()
    )
    analysed_sql, params = analysed.query.sql_with_params()
    query = f"""
        WITH analysed AS ({analysed_sql}),
        lacking AS (
            SELECT analysed.analysed_job AS job_id, analysed.job_title, skill.name,
                   COUNT(DISTINCT analysed.analysed_id) AS applications
            FROM analysed CROSS JOIN LATERAL jsonb_array_elements_text(
                CASE WHEN jsonb_typeof(analysed.feedback -> 'missing_skills') = 'array'
                     THEN analysed.feedback -> 'missing_skills' ELSE '[]'::jsonb END
            ) AS skill(name)
            GROUP BY GROUPING SETS ((analysed.analysed_job, analysed.job_title, skill.name), (skill.name))
        ),
        totals AS (
            SELECT analysed_job AS job_id, COUNT(*) AS analysed
            FROM analysed GROUP BY GROUPING SETS ((analysed_job), ())
        ),
        ranked AS (
            SELECT lacking.*, totals.analysed,
                   ROW_NUMBER() OVER (PARTITION BY lacking.job_id ORDER BY lacking.applications DESC, lacking.name)
                   AS place
            FROM lacking JOIN totals ON totals.job_id IS NOT DISTINCT FROM lacking.job_id
        )
        SELECT job_id, job_title, name, applications, analysed, place FROM ranked WHERE place <= %s"""  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute(query, (*params, top))
        found = cursor.fetchall()
    rows = [
        {
            "scope": "job" if job_id else "all",
            "scope_id": job_id,
            "scope_name": job_title if job_id else ALL_JOBS,
            "rank": place,
            "skill": name,
            "applications": applications,
            "analysed": analysed_count,
            "share": round(applications / analysed_count, 4),
        }
        for job_id, job_title, name, applications, analysed_count, place in found
    ]
    return sorted(rows, key=lambda row: (row["scope"] == "job", row["scope_name"], row["scope_id"] or 0, row["rank"]))


# --- Sources --------------------------------------------------------------------------------------------------------

# How a resume reached the platform, as the platform records it (ingestion): a file of a bulk import has an
# ImportItem; an upload records who uploaded it, a candidate on the portal or a recruiter (POST /api/resumes/);
# the rest came from the command line.
CHANNELS = {
    "bulk_import": "Bulk import (ZIP archive)",
    "portal": "Candidate portal",
    "single_upload": "Single upload (API)",
    "other": "Command line or system",
    "no_resume": "No resume (created directly)",
}


def _arrival_channel(candidate_ref: str) -> Coalesce:
    """The channel of the candidate's first resume: how the candidate arrived."""
    channel = Case(
        When(Exists(ImportItem.objects.filter(resume=OuterRef("pk"))), then=Value("bulk_import")),
        When(uploaded_by__role=User.Role.CANDIDATE, then=Value("portal")),
        When(uploaded_by__isnull=False, then=Value("single_upload")),
        default=Value("other"),
        output_field=CharField(),
    )
    first = (
        ResumeVersion.objects.filter(candidate=OuterRef(candidate_ref))
        .annotate(channel=channel)
        .order_by("created_at", "pk")
        .values("channel")
    )
    return Coalesce(Subquery(first[:1]), Value("no_resume"), output_field=CharField())


def sources(filters: AnalyticsFilters) -> list[dict[str, Any]]:
    """Candidates (added in the date range; with a job, those who applied to it) and applications in scope, by
    the channel the candidate arrived through (two queries)."""
    candidates = Candidate.objects.filter(organization=filters.organization).filter(filters.created("created_at"))
    if filters.job is not None:
        candidates = candidates.filter(Exists(Application.objects.filter(candidate=OuterRef("pk"), job=filters.job)))
    by_candidates = dict(
        candidates.annotate(channel=_arrival_channel("pk"))
        .values("channel")
        .annotate(n=Count("pk"))
        .order_by()
        .values_list("channel", "n")
    )
    by_applications = dict(
        Application.objects.filter(filters.applications())
        .annotate(channel=_arrival_channel("candidate_id"))
        .values("channel")
        .annotate(n=Count("pk"))
        .order_by()
        .values_list("channel", "n")
    )
    return [
        {
            "channel": channel,
            "label": label,
            "candidates": by_candidates.get(channel, 0),
            "applications": by_applications.get(channel, 0),
        }
        for channel, label in CHANNELS.items()
    ]
