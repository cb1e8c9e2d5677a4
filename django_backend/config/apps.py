from django.apps import AppConfig


class ConfigConfig(AppConfig):
    """The project itself, registered so its system checks run."""

    name = "config"
    label = "platform_config"

    def ready(self) -> None:
        from config import checks  # noqa: F401
        from config.database_counts import register_database_counts

        register_database_counts()  # applications per stage and imports in flight, on Django's /metrics
