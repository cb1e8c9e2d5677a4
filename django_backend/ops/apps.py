from django.apps import AppConfig


class OpsConfig(AppConfig):
    """Operating the platform: the alerts Alertmanager sends to the platform's own inbox."""

    name = "ops"
    verbose_name = "Operations"
