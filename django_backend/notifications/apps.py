from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "notifications"
    verbose_name = "Email notifications"

    def ready(self) -> None:
        from notifications import signals  # noqa: F401  (emails what the pipeline and imports announce)
