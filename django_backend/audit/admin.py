from django.contrib import admin

from accounts.admin_scoping import OrganizationScopedAdmin
from audit.models import AuditEvent


@admin.register(AuditEvent)
class AuditEventAdmin(OrganizationScopedAdmin):
    organization_path = "organization"
    list_display = ("created_at", "action", "actor", "organization", "target_label")
    list_filter = ("action", "organization")

    def has_add_permission(self, request):  # type: ignore[no-untyped-def]
        return False

    def has_change_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False

    def has_delete_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False
