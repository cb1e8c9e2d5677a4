from django.apps import AppConfig


class PortalConfig(AppConfig):
    """The candidate's side: server-rendered pages under /portal/ and the REST API under /api/portal/."""

    name = "portal"
    default_auto_field = "django.db.models.BigAutoField"
