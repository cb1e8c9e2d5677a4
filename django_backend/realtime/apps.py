from django.apps import AppConfig


class RealtimeConfig(AppConfig):
    name = "realtime"

    def ready(self) -> None:
        # Celery signal handlers keep TaskRecord and the WebSocket groups in step with every task.
        from realtime import task_events, task_logging  # noqa: F401
