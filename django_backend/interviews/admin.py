"""The interview admin: interviews are scheduled here (the add page, interviews.schedule_form) and cancelled by an
action, both through interviews.services; they are rescheduled through the API. The list shows each candidate's
answer and refreshes live. Scorecards are shown read-only under each interview."""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse

from accounts.admin_scoping import OrganizationScopedAdmin, OrganizationScopedInline
from interviews.models import Interview, InterviewFeedback
from interviews.schedule_form import ScheduleForm, schedule_choices
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
    list_display = (
        "__str__",
        "application",
        "starts_at",
        "ends_at",
        "timezone",
        "kind",
        "status",
        "candidate_response",
        "sequence",
    )
    list_filter = ("status", "candidate_response", "kind")
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
        "candidate_response",
        "responded_at",
        "sequence",
        "uid",
        "created_by",
        "created_at",
        "updated_at",
    )
    actions = ("cancel_selected",)

    def get_queryset(self, request: HttpRequest) -> QuerySet[Interview]:
        return super().get_queryset(request).select_related("application__job", "application__candidate")

    def add_view(self, request: HttpRequest, form_url: str = "", extra_context: Any = None) -> HttpResponse:
        """Schedule through interviews.services (conflicts, time zone, invitation): a form of its own rather than
        the model form, whose save would bypass them. Applications and interviewers offered are the user's
        organization's (a superuser's: any, the service keeping both in one organization)."""
        if not self.has_add_permission(request):
            raise PermissionDenied
        applications, interviewers = schedule_choices(request.user)
        form = ScheduleForm(request.POST or None, applications=applications, interviewers=interviewers)
        if request.method == "POST" and form.is_valid():
            interview = form.schedule(by=request.user)  # type: ignore[arg-type]
            if interview is not None:
                self.log_addition(request, interview, [{"added": {}}])
                self.message_user(request, f"{interview} was scheduled.", messages.SUCCESS)
                return HttpResponseRedirect(reverse("admin:interviews_interview_change", args=[interview.pk]))
        context = {
            **self.admin_site.each_context(request),
            "title": "Schedule an interview",
            "opts": self.model._meta,
            "form": form,
            **(extra_context or {}),
        }
        return TemplateResponse(request, "admin/interviews/interview/schedule.html", context)

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
