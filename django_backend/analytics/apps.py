from django.apps import AppConfig


class AnalyticsConfig(AppConfig):
    """Recruiting analytics: read-only figures over the pipeline, scores, analyses and intake of an organization."""

    name = "analytics"
