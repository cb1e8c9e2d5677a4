"""The application admin: stage moves on the change form and in bulk go through applications.services, never a
raw edit of `status`; the stage history is shown read-only and notes are added inline."""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils.timesince import timesince

from accounts.admin_scoping import OrganizationScopedAdmin, OrganizationScopedInline
from applications.admin_forms import MOVE_FIELDS, ApplicationChangeForm, BulkMoveForm
from applications.models import Application, ApplicationNote, StageChange
from applications.pipeline import Stage, StageChangeRefused
from applications.selectors import with_stage_entered_at
from applications.services import application_note_add, bulk_move_to_stage, move_to_stage

EDITABLE_FIELDS = frozenset({"candidate", "job"})
ANALYSIS_FIELDS = ("ai_score", "ai_feedback", "analysis_status", "analysis_error", "created_at", "updated_at")


class StageChangeInline(OrganizationScopedInline, admin.TabularInline):
    model = StageChange
    organization_path = "application__job__organization"
    fields = readonly_fields = ("changed_at", "from_stage", "to_stage", "changed_by", "reason", "note")
    extra = 0
    can_delete = False
    verbose_name_plural = "Stage history"

    # Written by the service with each move, never by hand.
    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class ApplicationNoteInline(OrganizationScopedInline, admin.TabularInline):
    model = ApplicationNote
    organization_path = "application__job__organization"
    fields = ("text", "author", "created_at")
    readonly_fields = ("author", "created_at")
    extra = 1
    can_delete = False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # notes are added, not rewritten


@admin.register(Application)
class ApplicationAdmin(OrganizationScopedAdmin):
    organization_path = "job__organization"
    form = ApplicationChangeForm
    autocomplete_fields = ("candidate", "job")  # searched within the organization, never listed whole
    list_display = ("candidate", "job", "status", "ai_score", "analysis_status", "created_at", "time_in_stage")
    list_filter = ("status", "analysis_status")
    list_select_related = ("candidate", "job")
    readonly_fields = ("status", "time_in_stage", *ANALYSIS_FIELDS)
    ordering = ("-ai_score",)
    inlines = (StageChangeInline, ApplicationNoteInline)
    actions = ("move_selected_to_stage", "reject_selected")

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
        ]

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
        for note_form in formset.extra_forms:
            if note_form.has_changed() and note_form.cleaned_data.get("text"):
                note = application_note_add(
                    application=form.instance,
                    author=request.user,  # type: ignore[arg-type]
                    text=note_form.cleaned_data["text"],
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
