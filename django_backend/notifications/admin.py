from __future__ import annotations

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest

from accounts.admin_scoping import OrganizationScopedAdmin, is_platform_admin
from notifications.models import EmailNotification
from notifications.services import notification_resend


@admin.register(EmailNotification)
class EmailNotificationAdmin(OrganizationScopedAdmin):
    """What was emailed, to whom and whether it left: read-only, with a resend of the failed ones."""

    organization_path = "organization"
    list_display = ("created_at", "kind", "recipient", "subject", "status", "attempts", "last_error", "sent_at")
    list_filter = ("status", "kind", "organization")
    search_fields = ("recipient", "subject")
    list_select_related = ("organization",)
    actions = ["resend_failed"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: EmailNotification | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: EmailNotification | None = None) -> bool:
        # Platform admins only, so that deleting an application (which deletes its emails) stays possible.
        return is_platform_admin(request.user)

    def has_resend_permission(self, request: HttpRequest) -> bool:
        return self._open_to(request) and request.user.has_perm("notifications.resend_emailnotification")

    @admin.action(description="Resend the selected failed emails", permissions=["resend"])
    def resend_failed(self, request: HttpRequest, queryset: QuerySet[EmailNotification]) -> None:
        resent = [
            notification
            for notification in queryset.select_related("organization", "application", "import_batch")
            if notification_resend(notification=notification) is not None
        ]
        skipped = queryset.count() - len(resent)
        if resent:
            self.message_user(request, f"Queued {len(resent)} email(s) again.", messages.SUCCESS)
        if skipped:
            self.message_user(request, f"{skipped} email(s) had not failed and were left alone.", messages.WARNING)
