"""The application admin: stage moves on the change form and in bulk go through applications.services, never a
raw edit of `status`; the stage history is shown read-only and notes are added inline. The latest AI screening is
a readable panel (templates/admin/applications/application/analysis_panel.html) and is re-run, audited, by an
action or the change page's button."""

from __future__ import annotations

from typing import Any, ClassVar

from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseNotAllowed, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.timesince import timesince

from accounts.admin_inlines import WrittenByServiceInline
from accounts.admin_scoping import OrganizationScopedAdmin, OrganizationScopedInline
from applications.admin_forms import MOVE_FIELDS, ApplicationChangeForm, BulkMoveForm, ProviderFilter
from applications.ai_client import feedback_analysis
from applications.analysis_queue import application_analysis_rerun
from applications.models import Application, ApplicationNote, StageChange
from applications.pipeline import Stage, StageChangeRefused
from applications.selectors import with_stage_entered_at
from applications.services import (
    analysis_feedback_release,
    application_note_add,
    bulk_move_to_stage,
    move_to_stage,
)

EDITABLE_FIELDS = frozenset({"candidate", "job"})
ANALYSIS_RUNS_SHOWN = 20  # the latest runs listed under the panel; older ones stay in the table
ANALYSIS_FIELDS = ("ai_score", "analysis_status", "analysis_error", "created_at", "updated_at")


class StageChangeInline(WrittenByServiceInline):
    model = StageChange
    organization_path = "application__job__organization"
    fields = ("changed_at", "from_stage", "to_stage", "changed_by", "reason", "note")
    verbose_name_plural = "Stage history"

    def get_queryset(self, request: HttpRequest) -> QuerySet[Any]:
        # Who made each move is shown on its row: one join, not a query per row.
        return super().get_queryset(request).select_related("changed_by")


class ApplicationNoteInline(OrganizationScopedInline, admin.TabularInline):
    model = ApplicationNote
    organization_path = "application__job__organization"
    fields = ("text", "author", "created_at")
    readonly_fields = ("author", "created_at")
    extra = 1
    can_delete = False

    def get_queryset(self, request: HttpRequest) -> QuerySet[Any]:
        # The author of every row is shown: one join, not a query per row.
        return super().get_queryset(request).select_related("author")

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # notes are added, not rewritten


@admin.register(Application)
class ApplicationAdmin(OrganizationScopedAdmin):
    organization_path = "job__organization"
    form = ApplicationChangeForm
    change_form_template = "admin/applications/application/change_form.html"
    autocomplete_fields = ("candidate", "job")  # searched within the organization, never listed whole
    list_display = (
        "candidate",
        "job",
        "status",
        "ai_score",
        "recommendation",
        "needs_human_review",
        "provider",
        "fallback",
        "analysis_status",
        "feedback_released",
        "created_at",
        "time_in_stage",
    )
    list_filter = (
        "status",
        "analysis_status",
        "latest_analysis__recommendation",
        ProviderFilter,
        "latest_analysis__fallback",
        "latest_analysis__needs_human_review",
    )
    list_select_related = ("candidate", "job", "latest_analysis")
    readonly_fields = ("status", "time_in_stage", "ai_feedback", *ANALYSIS_FIELDS)
    ordering = ("-ai_score",)
    inlines: ClassVar[tuple[type[Any], ...]] = (StageChangeInline, ApplicationNoteInline)  # and messaging.admin
    actions = ("move_selected_to_stage", "reject_selected", "rerun_analysis", "release_gap_feedback")

    def get_queryset(self, request: HttpRequest) -> QuerySet[Application]:
        return with_stage_entered_at(super().get_queryset(request))

    def get_inlines(self, request: HttpRequest, obj: Any = None) -> Any:
        return self.inlines if obj is not None else ()  # a new application has no history or notes yet

    def get_fieldsets(self, request: HttpRequest, obj: Any = None) -> Any:
        if obj is None:
            return [(None, {"fields": ("candidate", "job")})]
        return [
            (None, {"fields": ("candidate", "job", "status", "time_in_stage")}),
            ("Move to stage", {"fields": MOVE_FIELDS}),
            ("AI analysis", {"fields": ANALYSIS_FIELDS}),
            ("Raw AI reply", {"fields": ("ai_feedback",), "classes": ("collapse",)}),
        ]

    def get_urls(self) -> list[Any]:
        rerun = path(
            "<path:object_id>/rerun-analysis/",
            self.admin_site.admin_view(self.rerun_analysis_view),
            name="applications_application_rerun_analysis",
        )
        return [rerun, *super().get_urls()]  # ahead of the catch-all object URL

    def render_change_form(
        self, request: HttpRequest, context: dict[str, Any], add: bool = False, change: bool = False,
        form_url: str = "", obj: Any = None,
    ) -> HttpResponse:  # fmt: skip
        if obj is not None:
            context["analysis"] = feedback_analysis(obj.ai_feedback, score=obj.ai_score) if obj.ai_feedback else None
            context["analysis_runs"] = list(obj.analyses.all()[:ANALYSIS_RUNS_SHOWN])
            context["can_rerun_analysis"] = self.has_change_permission(request, obj)
        return super().render_change_form(request, context, add, change, form_url, obj)

    def rerun_analysis_view(self, request: HttpRequest, object_id: str) -> HttpResponse:
        """The change page's "Re-run analysis" button: queue the analysis again, then back to the page."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        application = self.get_object(request, unquote(object_id))
        # As the change view: no permission is 403, another organization's (or no) application reads as absent.
        if not self.has_change_permission(request, application):
            raise PermissionDenied
        if application is None:
            raise Http404("No such application.")
        self._rerun(request, [application])
        return HttpResponseRedirect(reverse("admin:applications_application_change", args=[application.pk]))

    @admin.action(description="Re-run AI analysis", permissions=["change"])
    def rerun_analysis(self, request: HttpRequest, queryset: QuerySet[Application]) -> None:
        self._rerun(request, list(queryset.select_related("job__organization")))

    def _rerun(self, request: HttpRequest, applications: list[Application]) -> None:
        for application in applications:
            application_analysis_rerun(application=application, by=request.user)  # type: ignore[arg-type]
        self.message_user(
            request, f"Queued the AI analysis of {len(applications)} application(s) again.", messages.SUCCESS
        )

    @admin.action(description="Release gap feedback to the candidate", permissions=["change"])
    def release_gap_feedback(self, request: HttpRequest, queryset: QuerySet[Application]) -> None:
        """The candidate sees what their latest screening found missing only once a recruiter has read it."""
        released = analysis_feedback_release(
            applications=list(queryset.select_related("job__organization")),
            by=request.user,  # type: ignore[arg-type]
        )
        self.message_user(request, f"Released the gap feedback of {released} application(s).", messages.SUCCESS)

    @admin.display(description="Feedback released", boolean=True, ordering="latest_analysis__feedback_released_at")
    def feedback_released(self, application: Application) -> bool | None:
        run = application.latest_analysis
        return run.feedback_released_at is not None if run else None

    @admin.display(description="Recommendation", ordering="latest_analysis__recommendation")
    def recommendation(self, application: Application) -> str:
        run = application.latest_analysis
        return run.get_recommendation_display() if run and run.recommendation else "-"

    @admin.display(description="Needs review", boolean=True, ordering="latest_analysis__needs_human_review")
    def needs_human_review(self, application: Application) -> bool | None:
        return application.latest_analysis.needs_human_review if application.latest_analysis else None

    @admin.display(description="Provider", ordering="latest_analysis__provider")
    def provider(self, application: Application) -> str:
        return application.latest_analysis.provider if application.latest_analysis else "-"

    @admin.display(description="Fallback", boolean=True, ordering="latest_analysis__fallback")
    def fallback(self, application: Application) -> bool | None:
        return application.latest_analysis.fallback if application.latest_analysis else None

    @admin.display(description="Time in stage", ordering="stage_entered_at")
    def time_in_stage(self, application: Application) -> str:
        entered = getattr(application, "stage_entered_at", None) or application.created_at
        return timesince(entered)

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        if not change:
            super().save_model(request, obj, form, change)
        elif edited := [name for name in form.changed_data if name in EDITABLE_FIELDS]:
            # Only what the form edits: the stage belongs to the pipeline, and someone may have moved it meanwhile.
            obj.save(update_fields=[*edited, "updated_at"])
        target = form.cleaned_data.get("move_to") if change else ""
        if not target:
            return
        try:
            move_to_stage(
                application=obj,
                stage=target,
                by=request.user,  # type: ignore[arg-type]
                reason=form.cleaned_data.get("stage_reason", ""),
                note=form.cleaned_data.get("stage_note", ""),
            )
        except StageChangeRefused as refused:  # the stage changed since the form was shown
            self.message_user(request, refused.message, messages.ERROR)

    def save_formset(self, request: HttpRequest, form: Any, formset: Any, change: bool) -> None:
        if formset.model is not ApplicationNote:
            super().save_formset(request, form, formset, change)
            return
        # What formset.save() would have set: the admin's change message reads them.
        formset.new_objects, formset.changed_objects, formset.deleted_objects = [], [], []
        for extra_form in formset.extra_forms:
            if extra_form.has_changed() and extra_form.cleaned_data.get("text"):
                note = application_note_add(
                    application=form.instance,
                    author=request.user,  # type: ignore[arg-type]
                    text=extra_form.cleaned_data["text"],
                )
                formset.new_objects.append(note)

    @admin.action(description="Move to stage…", permissions=["change"])
    def move_selected_to_stage(self, request: HttpRequest, queryset: QuerySet[Application]) -> HttpResponse | None:
        return self._bulk_move(request, queryset, fixed_stage=None)

    @admin.action(description="Reject…", permissions=["change"])
    def reject_selected(self, request: HttpRequest, queryset: QuerySet[Application]) -> HttpResponse | None:
        return self._bulk_move(request, queryset, fixed_stage=Stage.REJECTED)

    def _bulk_move(
        self, request: HttpRequest, queryset: QuerySet[Application], *, fixed_stage: Stage | None
    ) -> HttpResponse | None:
        """The intermediate page (stage and reason), then one service call per application."""
        data = request.POST.copy()
        if fixed_stage:
            data["stage"] = fixed_stage
        form = BulkMoveForm(data if "apply" in request.POST else None, initial={"stage": fixed_stage or ""})
        if form.is_bound and form.is_valid():
            outcomes = bulk_move_to_stage(
                applications=queryset,
                ids=list(queryset.values_list("pk", flat=True)),
                stage=form.cleaned_data["stage"],
                reason=form.cleaned_data["reason"],
                by=request.user,  # type: ignore[arg-type]
            )
            moved = sum(outcome.outcome == "moved" for outcome in outcomes)
            label = Stage(form.cleaned_data["stage"]).label
            self.message_user(request, f"{moved} application(s) moved to {label}.", messages.SUCCESS)
            for outcome in outcomes:
                if outcome.outcome != "moved":
                    self.message_user(request, f"Application #{outcome.id}: {outcome.detail}", messages.WARNING)
            return None
        context = {
            **self.admin_site.each_context(request),
            "title": "Reject applications" if fixed_stage else "Move applications to a stage",
            "opts": self.model._meta,
            "form": form,
            "fixed_stage": fixed_stage,
            "applications": queryset.select_related("candidate", "job"),
            "action": request.POST.get("action", ""),
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "admin/applications/application/move_to_stage.html", context)
