"""Pipeline figures: how far applications got (funnel and conversion), who moved them, and how long they stayed.

Each reads the stage history (applications.StageChange) and aggregates in PostgreSQL: a fixed number of queries
whatever the number of applications, jobs or recruiters.
"""

from __future__ import annotations

from typing import Any

from django.db import connection
from django.db.models import Case, Count, F, IntegerField, Max, OuterRef, Q, Subquery, Value, When, Window
from django.db.models.functions import Lead

from accounts.models import User
from analytics.filters import AnalyticsFilters
from applications.models import Application, StageChange
from applications.pipeline import Stage

# The stages an application passes through on its way to a hire, in order; the funnel counts who reached each.
FUNNEL = (Stage.APPLIED, Stage.SCREENING, Stage.SHORTLISTED, Stage.INTERVIEWING, Stage.OFFERED, Stage.HIRED)
EXITS = (Stage.REJECTED, Stage.WITHDRAWN)
PIPELINE_ORDER = {stage.value: place for place, stage in enumerate((*FUNNEL, *EXITS))}
ALL_JOBS = "All jobs"
NOBODY = "(not recorded)"  # a move made by the system or by a user since deleted


def _rate(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def _hours(seconds: float | None) -> float | None:
    return None if seconds is None else round(seconds / 3600, 2)


# --- Funnel -------------------------------------------------------------------------------------------------------


def _funnel_place() -> Case:
    return Case(
        *(When(to_stage=stage.value, then=Value(place)) for place, stage in enumerate(FUNNEL)),
        default=Value(0),  # an exit says nothing about how far the application got before it
        output_field=IntegerField(),
    )


def funnel(filters: AnalyticsFilters) -> list[dict[str, Any]]:
    """Per funnel stage: applications that reached it (or a later one: stages may be skipped), those in it now,
    and the share of the previous stage's that got this far; then the exits, with those in them now.

    One row set for all jobs in scope, then one per job (one query).
    """
    furthest = (
        StageChange.objects.filter(application=OuterRef("pk"))
        .values("application")
        .annotate(place=Max(_funnel_place()))
        .values("place")
    )
    groups = (
        Application.objects.filter(filters.applications())
        .annotate(furthest=Subquery(furthest[:1]))
        .values("job_id", "job__title", "status", "furthest")
        .annotate(applications=Count("pk"))
        .order_by()
    )
    scopes: dict[Any, dict[str, Any]] = {None: {"name": ALL_JOBS, "reached": [0] * len(FUNNEL), "current": {}}}
    for group in groups:
        job_scope = scopes.setdefault(
            group["job_id"], {"name": group["job__title"], "reached": [0] * len(FUNNEL), "current": {}}
        )
        status = group["status"]
        # The current stage counts too: a history written before the pipeline kept one may lack its rows.
        place = max(group["furthest"] or 0, PIPELINE_ORDER[status] if status in FUNNEL else 0)
        for scope in (scopes[None], job_scope):
            for earlier in range(place + 1):
                scope["reached"][earlier] += group["applications"]
            scope["current"][status] = scope["current"].get(status, 0) + group["applications"]
    rows = []
    for job_id, scope in sorted(scopes.items(), key=lambda item: (item[0] is not None, item[1]["name"], item[0])):
        about = {"scope": "job" if job_id else "all", "scope_id": job_id, "scope_name": scope["name"]}
        reached, current = scope["reached"], scope["current"]
        for place, stage in enumerate(FUNNEL):
            conversion = _rate(reached[place], reached[place - 1]) if place else None
            rows.append(
                {
                    **about,
                    "stage": stage.value,
                    "reached": reached[place],
                    "current": current.get(stage.value, 0),
                    "conversion": conversion,
                }
            )
        # Exits are not steps of the funnel: only who is in them now.
        rows += [
            {**about, "stage": stage.value, "reached": None, "current": current.get(stage.value, 0), "conversion": None}
            for stage in EXITS
        ]
    return rows


# --- Conversion per recruiter ---------------------------------------------------------------------------------------


def conversion_by_recruiter(filters: AnalyticsFilters) -> list[dict[str, Any]]:
    """Per recruiter and stage moved from: the moves they made, how many went forward, were rejected or withdrawn,
    and the share that went forward (one query)."""
    groups = (
        StageChange.objects.filter(filters.applications("application__"))
        .exclude(from_stage="")  # the row of an application entering the pipeline is nobody's decision
        .values("changed_by_id", "changed_by__username", "from_stage")
        .annotate(
            moved=Count("pk"),
            advanced=Count("pk", filter=~Q(to_stage__in=EXITS)),
            rejected=Count("pk", filter=Q(to_stage=Stage.REJECTED)),
            withdrawn=Count("pk", filter=Q(to_stage=Stage.WITHDRAWN)),
        )
        .order_by()
    )
    rows = [
        {
            "scope": "recruiter",
            "scope_id": group["changed_by_id"],
            "scope_name": group["changed_by__username"] or NOBODY,
            "stage": group["from_stage"],
            "moved": group["moved"],
            "advanced": group["advanced"],
            "rejected": group["rejected"],
            "withdrawn": group["withdrawn"],
            "advance_rate": _rate(group["advanced"], group["moved"]),
        }
        for group in groups
    ]
    return sorted(rows, key=lambda row: (row["scope_name"], row["scope_id"] or 0, PIPELINE_ORDER[row["stage"]]))


# --- Time in stage --------------------------------------------------------------------------------------------------


def _stays_sql(filters: AnalyticsFilters) -> tuple[str, tuple[Any, ...]]:
    """Every stay of an application in a stage: entered with one StageChange, left with the application's next
    one (none yet: the stay is open), and who made that next move."""
    order = [F("changed_at").asc(), F("pk").asc()]
    stays = (
        StageChange.objects.filter(filters.applications("application__"))
        .annotate(
            stay_stage=F("to_stage"),
            stay_job=F("application__job_id"),
            stay_job_title=F("application__job__title"),
            entered_at=F("changed_at"),
            left_at=Window(Lead("changed_at"), partition_by=[F("application_id")], order_by=order),
            left_by=Window(Lead("changed_by_id"), partition_by=[F("application_id")], order_by=order),
        )
        .values("stay_stage", "stay_job", "stay_job_title", "entered_at", "left_at", "left_by")
        .order_by()
    )
    sql, params = stays.query.sql_with_params()
    return sql, tuple(params)


# Grouping of the stays: the key's id and name columns (SQL), and which stays count.
_TIME_GROUPS = {
    "all": ("NULL::bigint", "NULL", "TRUE"),
    "job": ("stays.stay_job", "stays.stay_job_title", "TRUE"),
    # A stay is the doing of the recruiter who ended it: open stays have no one yet.
    "recruiter": ("stays.left_by", "users.username", "stays.left_at IS NOT NULL"),
}


def time_in_stage(filters: AnalyticsFilters) -> list[dict[str, Any]]:
    """Per stage: finished stays (the application moved on), open ones, and the mean and median hours of the
    finished ones; for all jobs, per job, and per recruiter who ended the stay (three queries)."""
    stays_sql, params = _stays_sql(filters)
    rows = []
    for scope, (key_id, key_name, condition) in _TIME_GROUPS.items():
        seconds = "EXTRACT(EPOCH FROM stays.left_at - stays.entered_at)"
        query = f"""
            SELECT {key_id}, {key_name}, stays.stay_stage,
                   COUNT(stays.left_at), COUNT(*) - COUNT(stays.left_at),
                   AVG({seconds}), PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY {seconds})
            FROM ({stays_sql}) stays LEFT JOIN {User._meta.db_table} users ON users.id = stays.left_by
            WHERE {condition}
            GROUP BY 1, 2, 3"""  # noqa: S608 - the fragments are constants above; values go in as parameters
        with connection.cursor() as cursor:
            cursor.execute(query, params)
            found = cursor.fetchall()
        for scope_id, scope_name, stage, finished, still_open, mean, median in found:
            rows.append(
                {
                    "scope": scope,
                    "scope_id": scope_id,
                    "scope_name": ALL_JOBS if scope == "all" else scope_name or NOBODY,
                    "stage": stage,
                    "finished": finished,
                    "open": still_open,
                    "mean_hours": _hours(mean),
                    "median_hours": _hours(median),
                }
            )
    scopes = list(_TIME_GROUPS)
    return sorted(
        rows,
        key=lambda row: (
            scopes.index(row["scope"]),
            row["scope_name"],
            row["scope_id"] or 0,
            PIPELINE_ORDER[row["stage"]],
        ),
    )
