from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.html import format_html

from accounts.admin_scoping import OrganizationScopedAdmin
from accounts.roles import OPERATOR_PERMISSION
from ops.models import Alert
from ops.selectors import alerts_for_operators


@admin.register(Alert)
class AlertAdmin(OrganizationScopedAdmin):
    """What fires now and what resolved lately, as Alertmanager reported it. Read-only: the alert rules and
    Alertmanager decide an alert's state; operators (and platform admins) see every alert, recruiters none."""

    organization_path = None  # platform data
    all_organizations_permission = OPERATOR_PERMISSION

    list_display = ("name", "status", "severity", "summary", "target", "starts_at", "ends_at", "runbook")
    list_filter = ("status", "severity", "name")
    search_fields = ("name", "fingerprint")
    readonly_fields = [field.name for field in Alert._meta.fields]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Alert]:
        return self.scope_queryset(request, alerts_for_operators())

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    @admin.display(description="Summary")
    def summary(self, alert: Alert) -> str:
        return alert.summary

    @admin.display(description="Where")
    def target(self, alert: Alert) -> str:
        labels = alert.labels
        parts = (
            labels.get("service") or labels.get("job"),
            labels.get("instance"),
            labels.get("queue"),
            labels.get("task"),
        )
        return " ".join(part for part in parts if part) or "-"

    @admin.display(description="Runbook")
    def runbook(self, alert: Alert) -> str:
        url = alert.runbook_url
        if not url:
            return "-"
        # The platform's rules name a section of monitoring/runbooks.md in the repository, not a web page.
        if url.startswith(("https://", "http://")):
            return format_html('<a href="{}" rel="noopener">{}</a>', url, url)
        return format_html("<code>{}</code>", url)
