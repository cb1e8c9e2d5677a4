from django.contrib import admin

from accounts.admin_scoping import OrganizationScopedAdmin
from applications.models import Application


@admin.register(Application)
class ApplicationAdmin(OrganizationScopedAdmin):
    organization_path = "job__organization"
    autocomplete_fields = ("candidate", "job")  # searched within the organization, never listed whole
    list_display = ("candidate", "job", "status", "ai_score", "analysis_status", "created_at")
    list_filter = ("status", "analysis_status")
    list_select_related = ("candidate", "job")
    readonly_fields = ("ai_score", "ai_feedback", "analysis_status", "analysis_error", "created_at", "updated_at")
    ordering = ("-ai_score",)
