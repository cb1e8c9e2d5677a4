"""Recruiting analytics on a small history with known figures (fixtures.analytics_world): the funnel, decisions
per recruiter, time in stage, score buckets, missing skills and sources; filters; a bounded number of queries;
the API's JSON and CSV; and another organization's data never counted or shown."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from fixtures.analytics_world import AnalyticsWorld, build_analytics_world
from rest_framework.test import APIClient

from analytics.filters import AnalyticsFilters
from analytics.pipeline_selectors import conversion_by_recruiter, funnel, time_in_stage
from analytics.talent_selectors import missing_skills, score_distribution, sources

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(organization, recruiter) -> AnalyticsWorld:  # type: ignore[no-untyped-def]
    return build_analytics_world(organization, recruiter)


def _filters(world: AnalyticsWorld, **kwargs: Any) -> AnalyticsFilters:
    return AnalyticsFilters(organization=world.organization, **kwargs)


def _pick(rows: list[dict[str, Any]], scope_name: str, *columns: str) -> dict[str, tuple[Any, ...]]:
    """Stage (or bucket, or skill) -> the chosen columns, for one scope's rows."""
    key = next(name for name in ("stage", "bucket", "skill") if name in rows[0])
    return {row[key]: tuple(row[c] for c in columns) for row in rows if row["scope_name"] == scope_name}


def test_funnel_counts_who_reached_each_stage_and_the_conversion_from_the_previous(world) -> None:
    rows = funnel(_filters(world))

    assert _pick(rows, "Backend Developer", "reached", "current", "conversion") == {
        "applied": (4, 1, None),
        "screening": (3, 0, 0.75),  # a4 skipped screening on its way to interviewing: it got this far
        "shortlisted": (2, 0, 0.6667),
        "interviewing": (2, 1, 1.0),
        "offered": (1, 0, 0.5),
        "hired": (1, 1, 1.0),
        "rejected": (None, 1, None),
        "withdrawn": (None, 0, None),
    }
    assert _pick(rows, "All jobs", "reached", "conversion")["screening"] == (4, 0.6667)
    assert [row["scope_name"] for row in rows[::8]] == ["All jobs", "Backend Developer", "Data Engineer"]
    assert {row["scope_id"] for row in rows} == {None, world.backend.pk, world.data.pk}


def test_conversion_counts_each_recruiters_decisions_by_the_stage_moved_from(world) -> None:
    rows = conversion_by_recruiter(_filters(world))

    table = [(r["scope_name"], r["stage"], r["moved"], r["advanced"], r["rejected"], r["advance_rate"]) for r in rows]
    assert table == [
        ("rita", "applied", 3, 3, 0, 1.0),
        ("rita", "screening", 1, 1, 0, 1.0),
        ("rita", "offered", 1, 1, 0, 1.0),
        ("sam", "applied", 1, 1, 0, 1.0),
        ("sam", "screening", 1, 0, 1, 0.0),
        ("sam", "shortlisted", 1, 1, 0, 1.0),
        ("sam", "interviewing", 1, 1, 0, 1.0),
    ]
    assert {r["scope_id"] for r in rows} == {world.rita.pk, world.sam.pk}


def test_time_in_stage_per_stage_job_and_recruiter_who_ended_the_stay(world) -> None:
    rows = time_in_stage(_filters(world))
    overall = [r for r in rows if r["scope"] == "all"]
    by_recruiter = [r for r in rows if r["scope"] == "recruiter"]

    assert _pick(overall, "All jobs", "finished", "open", "mean_hours", "median_hours") == {
        "applied": (4, 2, 27.0, 24.0),
        "screening": (2, 1, 30.0, 30.0),
        "shortlisted": (1, 0, 48.0, 48.0),
        "interviewing": (1, 1, 24.0, 24.0),
        "offered": (1, 0, 48.0, 48.0),
        "hired": (0, 1, None, None),
        "rejected": (0, 1, None, None),
    }
    assert _pick(by_recruiter, "rita", "finished", "mean_hours", "median_hours") == {
        "applied": (3, 28.0, 24.0),
        "screening": (1, 48.0, 48.0),
        "offered": (1, 48.0, 48.0),
    }
    assert _pick(by_recruiter, "sam", "finished", "median_hours") == {
        "applied": (1, 24.0),
        "screening": (1, 12.0),
        "shortlisted": (1, 48.0),
        "interviewing": (1, 24.0),
    }
    by_job = [r for r in rows if r["scope"] == "job"]
    assert _pick(by_job, "Data Engineer", "finished", "open", "mean_hours") == {
        "applied": (1, 1, 12.0),
        "screening": (0, 1, None),
    }


def test_scores_are_the_pairs_match_scores_in_ten_point_buckets(world) -> None:
    rows = score_distribution(_filters(world))

    overall = {bucket: n for bucket, (n,) in _pick(rows, "All jobs", "applications").items()}
    assert overall == {
        "0-10": 1,
        "10-20": 0,
        "20-30": 0,
        "30-40": 0,
        "40-50": 1,
        "50-60": 1,
        "60-70": 0,  # Dev's 70 for Data Engineer is a pair without an application
        "70-80": 0,
        "80-90": 1,
        "90-100": 1,  # a score of 100 belongs to the last bucket
        "unscored": 1,
    }
    backend = _pick(rows, "Backend Developer", "applications")
    assert sum(n for (n,) in backend.values()) == 4 and backend["unscored"] == (0,)


def test_missing_skills_rank_the_skills_analysed_applications_lack(world) -> None:
    rows = missing_skills(_filters(world))

    assert _pick(rows, "All jobs", "rank", "applications", "analysed", "share") == {
        "Kubernetes": (1, 3, 4, 0.75),
        "Go": (2, 1, 4, 0.25),
        "Spark": (3, 1, 4, 0.25),
    }
    assert _pick(rows, "Backend Developer", "rank", "applications", "share") == {
        "Kubernetes": (1, 2, 0.6667),
        "Go": (2, 1, 0.3333),
    }
    assert _pick(rows, "Data Engineer", "rank", "applications", "share") == {
        "Kubernetes": (1, 1, 1.0),
        "Spark": (2, 1, 1.0),
    }
    assert [row["skill"] for row in missing_skills(_filters(world), top=1)] == ["Kubernetes"] * 3


def test_sources_count_candidates_and_applications_by_how_the_candidate_arrived(world) -> None:
    rows = sources(_filters(world))

    assert [(r["channel"], r["candidates"], r["applications"]) for r in rows] == [
        ("bulk_import", 1, 2),
        ("portal", 1, 0),
        ("single_upload", 2, 2),
        ("other", 1, 1),
        ("no_resume", 1, 1),
    ]
    data_only = sources(_filters(world, job=world.data))
    assert [(r["channel"], r["candidates"], r["applications"]) for r in data_only] == [
        ("bulk_import", 1, 1),
        ("portal", 0, 0),
        ("single_upload", 1, 1),
        ("other", 0, 0),
        ("no_resume", 0, 0),
    ]


def test_a_job_and_a_date_range_filter_every_figure(world) -> None:
    march = _filters(world, start=date(2026, 3, 1), end=date(2026, 3, 31))
    data_job = _filters(world, job=world.data)

    assert _pick(funnel(march), "All jobs", "reached")["applied"] == (5,)  # a6 applied in April
    assert _pick(funnel(data_job), "All jobs", "reached", "current") == {
        **_pick(funnel(data_job), "Data Engineer", "reached", "current")
    }
    assert {r["scope_name"] for r in funnel(data_job)} == {"All jobs", "Data Engineer"}
    assert [(r["scope_name"], r["stage"]) for r in conversion_by_recruiter(data_job)] == [("rita", "applied")]
    assert _pick(score_distribution(march), "All jobs", "applications")["unscored"] == (0,)
    assert _pick(time_in_stage(_filters(world, start=date(2026, 4, 1))), "All jobs", "open") == {"applied": (1,)}


def test_each_figure_runs_a_fixed_number_of_queries(world, django_assert_num_queries) -> None:
    filters = _filters(world)
    for figure, queries in (
        (funnel, 1),
        (conversion_by_recruiter, 1),
        (time_in_stage, 3),
        (score_distribution, 1),
        (missing_skills, 1),
        (sources, 2),
    ):
        with django_assert_num_queries(queries):
            figure(filters)


def test_another_organizations_data_is_never_counted(world) -> None:
    theirs = AnalyticsFilters(organization=world.other_job.organization)

    assert _pick(funnel(theirs), "All jobs", "reached")["screening"] == (1,)
    assert [r["scope_name"] for r in conversion_by_recruiter(theirs)] == ["otto"]
    assert [r["skill"] for r in missing_skills(theirs) if r["scope"] == "all"] == ["Cobol"]
    ours: list[Callable[[AnalyticsFilters], list[dict[str, Any]]]] = [
        funnel,
        conversion_by_recruiter,
        time_in_stage,
        score_distribution,
        missing_skills,
    ]
    for figure in ours:
        rows = figure(_filters(world))
        shown = {str(value) for row in rows for value in row.values()}
        assert not shown & {"Secret Role", "otto", "Cobol"}, figure.__name__
        assert world.other_job.pk not in {row["scope_id"] for row in rows if row["scope"] == "job"}, figure.__name__
    assert sum(r["applications"] for r in sources(_filters(world))) == 6


# --- API ------------------------------------------------------------------------------------------------------------


def _csv(content: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(content.decode())))


def test_the_api_returns_a_figures_columns_and_rows(world, api_client) -> None:
    response = api_client.get("/api/analytics/funnel/", {"job": world.backend.pk})

    assert response.status_code == 200
    body = response.json()
    assert body["figure"] == "funnel"
    assert body["columns"] == ["scope", "scope_id", "scope_name", "stage", "reached", "current", "conversion"]
    assert body["rows"][1] == {
        "scope": "all",
        "scope_id": None,
        "scope_name": "All jobs",
        "stage": "screening",
        "reached": 3,
        "current": 0,
        "conversion": 0.75,
    }


@pytest.mark.parametrize(
    "path", ["/api/analytics/missing-skills/?format=csv", "/api/analytics/missing-skills/export.csv"]
)
def test_the_api_exports_a_figure_as_csv(world, api_client, path) -> None:
    response = api_client.get(path)

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="analytics-missing-skills.csv"'
    rows = _csv(response.content)
    assert rows[0] == ["scope", "scope_id", "scope_name", "rank", "skill", "applications", "analysed", "share"]
    assert rows[1] == ["all", "", "All jobs", "1", "Kubernetes", "3", "4", "0.75"]
    assert [row[4] for row in rows[1:]] == ["Kubernetes", "Go", "Spark", "Kubernetes", "Go", "Kubernetes", "Spark"]


def test_csv_cells_that_a_spreadsheet_would_run_are_quoted(world, api_client) -> None:
    world.backend.title = '=HYPERLINK("http://x")'
    world.backend.save(update_fields=["title"])

    rows = _csv(api_client.get("/api/analytics/funnel/export.csv").content)

    assert rows[9][2] == '\'=HYPERLINK("http://x")'


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ({"start": "2026-03-31", "end": "2026-03-01"}, "non_field_errors"),
        ({"start": "March"}, "start"),
        ({"job": "99999999999999999999"}, "job"),
    ],
)
def test_invalid_filters_are_refused_with_the_field_named(world, api_client, query, field) -> None:
    response = api_client.get("/api/analytics/scores/", query)

    assert response.status_code == 400
    assert response.json()["code"] == "invalid" and field in response.json()["errors"]


def test_another_organizations_job_reads_as_unknown_and_its_figures_stay_hidden(world, api_client) -> None:
    refused = api_client.get("/api/analytics/funnel/", {"job": world.other_job.pk})
    otto = APIClient()
    otto.force_authenticate(world.other_recruiter)
    theirs = otto.get("/api/analytics/sources/").json()["rows"]

    assert refused.status_code == 400
    assert refused.json()["errors"] == {"job": ["No such job in your organization."]}
    assert [(r["channel"], r["candidates"], r["applications"]) for r in theirs if r["applications"]] == [
        ("bulk_import", 1, 1)
    ]


def test_the_api_is_for_members_of_an_organization(world) -> None:
    assert APIClient().get("/api/analytics/funnel/").status_code == 401
