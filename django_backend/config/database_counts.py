"""Applications per pipeline stage and import batches in flight, counted in the database when Django's /metrics is
scraped. The one part of the metrics that reads the apps' models: config.metrics, which the apps use, imports none.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator

from django.db.models import Count
from prometheus_client import REGISTRY
from prometheus_client.core import GaugeMetricFamily, Metric

from applications.models import Application
from applications.pipeline import Stage
from config.metrics import IMPORT_STATES_IN_FLIGHT
from ingestion.models import ImportBatch

logger = logging.getLogger(__name__)


class DatabaseCountsCollector:
    """Applications per pipeline stage and import batches still in flight, counted when Prometheus scrapes. Every
    stage and state is given, zero included, so a series never vanishes."""

    def describe(self) -> Iterable[Metric]:
        return self._families()

    def collect(self) -> Iterator[Metric]:
        try:
            stages = dict(Application.objects.order_by().values_list("status").annotate(n=Count("pk")))
            states = dict(
                ImportBatch.objects.filter(state__in=IMPORT_STATES_IN_FLIGHT)
                .order_by()
                .values_list("state")
                .annotate(n=Count("pk"))
            )
        except Exception as error:  # the database is away: the rest of /metrics still answers
            logger.warning("could not count applications and imports for /metrics: %s", type(error).__name__)
            return iter(())
        return iter(self._families(stages, states))

    @staticmethod
    def _families(stages: dict[str, int] | None = None, states: dict[str, int] | None = None) -> list[Metric]:
        applications = GaugeMetricFamily(
            "recruitment_applications", "Applications in each pipeline stage.", labels=["stage"]
        )
        for stage in Stage:
            applications.add_metric([stage.value], (stages or {}).get(stage.value, 0))
        imports = GaugeMetricFamily(
            "recruitment_imports_in_flight", "Bulk imports queued, expanding or processing.", labels=["state"]
        )
        for state in IMPORT_STATES_IN_FLIGHT:
            imports.add_metric([state], (states or {}).get(state, 0))
        return [applications, imports]


_database_counts: list[DatabaseCountsCollector] = []


def register_database_counts() -> None:
    """Add the counts to the registry Django's /metrics serves (config.apps); once, whatever calls it again."""
    if not _database_counts:
        _database_counts.append(DatabaseCountsCollector())
        REGISTRY.register(_database_counts[0])
