"""The analytics API's routes: one per figure, and its CSV download."""

from __future__ import annotations

from django.urls import path

from analytics.api import FigureView
from analytics.figures import FIGURES

urlpatterns = [
    route
    for slug in FIGURES
    for route in (
        path(f"{slug}/", FigureView.as_view(figure=slug), name=f"analytics-{slug}"),
        # DRF picks the renderer from the `format` keyword, as it does for `?format=csv`.
        path(f"{slug}/export.csv", FigureView.as_view(figure=slug), {"format": "csv"}, name=f"analytics-{slug}-csv"),
    )
]
