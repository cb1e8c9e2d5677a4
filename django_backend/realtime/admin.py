from __future__ import annotations

from django.contrib import admin
from django.urls import NoReverseMatch, reverse
from django.utils.html import format_html

from accounts.admin_scoping import OrganizationScopedAdmin
from realtime.models import TaskRecord


@admin.register(TaskRecord)
class TaskRecordAdmin(OrganizationScopedAdmin):
    list_display = ("task_id", "kind", "state", "progress", "target_link", "attempts", "created_at", "finished_at")
    list_filter = ("kind", "state")
    search_fields = ("task_id", "error")
    readonly_fields = [field.name for field in TaskRecord._meta.fields]

    def has_add_permission(self, request):  # type: ignore[no-untyped-def]
        return False

    @admin.display(description="Target")
    def target_link(self, record: TaskRecord) -> str:
        target_type = record.target_type
        if target_type is None or record.target_id is None:
            return "-"
        try:
            url = reverse(f"admin:{target_type.app_label}_{target_type.model}_change", args=[record.target_id])
        except NoReverseMatch:
            return f"{target_type.model} {record.target_id}"
        return format_html('<a href="{}">{} {}</a>', url, target_type.model, record.target_id)
