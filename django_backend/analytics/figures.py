"""The figures the analytics API and page offer, by URL slug: a title, the columns of their rows, the selector."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from analytics import pipeline_selectors, talent_selectors
from analytics.filters import AnalyticsFilters

SCOPE = ("scope", "scope_id", "scope_name")  # all jobs, one job, or one recruiter: what a row is about


@dataclass(frozen=True)
class Figure:
    slug: str
    title: str
    columns: tuple[str, ...]
    rows: Callable[[AnalyticsFilters], list[dict[str, Any]]]

    def payload(self, filters: AnalyticsFilters) -> dict[str, Any]:
        """The figure as the API returns it (and the CSV renderer writes it): its columns and rows."""
        return {"figure": self.slug, "title": self.title, "columns": list(self.columns), "rows": self.rows(filters)}


FIGURES: dict[str, Figure] = {
    figure.slug: figure
    for figure in (
        Figure(
            "funnel",
            "Funnel by stage",
            (*SCOPE, "stage", "reached", "current", "conversion"),
            pipeline_selectors.funnel,
        ),
        Figure(
            "conversion",
            "Stage decisions per recruiter",
            (*SCOPE, "stage", "moved", "advanced", "rejected", "withdrawn", "advance_rate"),
            pipeline_selectors.conversion_by_recruiter,
        ),
        Figure(
            "time-in-stage",
            "Time in stage",
            (*SCOPE, "stage", "finished", "open", "mean_hours", "median_hours"),
            pipeline_selectors.time_in_stage,
        ),
        Figure(
            "scores",
            "Match score distribution",
            (*SCOPE, "bucket", "low", "high", "applications"),
            talent_selectors.score_distribution,
        ),
        Figure(
            "missing-skills",
            "Top missing skills",
            (*SCOPE, "rank", "skill", "applications", "analysed", "share"),
            talent_selectors.missing_skills,
        ),
        Figure(
            "sources",
            "Sources of candidates and applications",
            ("channel", "label", "candidates", "applications"),
            talent_selectors.sources,
        ),
    )
}
