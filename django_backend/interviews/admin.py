"""The interview admin: interviews are read here and cancelled by an action through interviews.services; they are
scheduled and rescheduled through the API, which checks conflicts and writes the invitation. Scorecards are shown
read-only under each interview."""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest

from accounts.admin_scoping import OrganizationScopedAdmin, OrganizationScopedInline
from interviews.models import Interview, InterviewFeedback
from interviews.services import InterviewRefused, interview_cancel


class InterviewFeedbackInline(OrganizationScopedInline, admin.TabularInline):
    model = InterviewFeedback
    organization_path = "interview__application__job__organization"
    fields = readonly_fields = ("interviewer", "recommendation", "scores", "notes", "submitted_at")
    extra = 0
    can_delete = False
    verbose_name_plural = "Feedback"

    # Submitted by each interviewer through the API.
    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Interview)
class InterviewAdmin(OrganizationScopedAdmin):
    organization_path = "application__job__organization"
    inlines = (InterviewFeedbackInline,)
    list_display = ("__str__", "application", "starts_at", "ends_at", "timezone", "kind", "status", "sequence")
    list_filter = ("status", "kind")
    date_hierarchy = "starts_at"
    readonly_fields = (
        "application",
        "starts_at",
        "ends_at",
        "timezone",
        "interviewers",
        "kind",
        "location",
        "meeting_url",
        "status",
        "cancellation_reason",
        "sequence",
        "uid",
        "created_by",
        "created_at",
        "updated_at",
    )
    actions = ("cancel_selected",)

    def get_queryset(self, request: HttpRequest) -> QuerySet[Interview]:
        return super().get_queryset(request).select_related("application__job", "application__candidate")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # scheduled through the API, which checks conflicts and writes the invitation

    @admin.action(description="Cancel selected interviews", permissions=["change"])
    def cancel_selected(self, request: HttpRequest, queryset: QuerySet[Interview]) -> None:
        cancelled, refused = 0, 0
        for interview in queryset:
            try:
                interview_cancel(interview=interview, by=request.user)  # type: ignore[arg-type]
            except InterviewRefused:
                refused += 1
            else:
                cancelled += 1
        self.message_user(request, f"{cancelled} interview(s) cancelled.", messages.SUCCESS)
        if refused:
            self.message_user(request, f"{refused} not cancelled: they were not scheduled.", messages.WARNING)
