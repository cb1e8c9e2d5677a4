"""Forms and filters of the application admin: a stage move on the change form, the bulk move's intermediate page,
and the changelist's provider filter."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest

from applications.models import Application
from applications.pipeline import PipelineErrorCode, Stage, StageChangeRefused, allowed_moves, check_move
from applications.services import MAX_TEXT
from jobs.lifecycle import JobNotOpen, ensure_accepts_applications

MOVE_FIELDS = ("move_to", "stage_reason", "stage_note")


class ApplicationChangeForm(forms.ModelForm):
    """The application's fields plus an optional stage move, validated against the pipeline and applied by
    the service after the save (ApplicationAdmin.save_model); `status` itself is read-only."""

    move_to = forms.ChoiceField(required=False, label="Move to stage")
    stage_reason = forms.CharField(
        required=False,
        max_length=MAX_TEXT,
        widget=forms.Textarea(attrs={"rows": 2}),
        label="Reason",
        help_text="Required to reject.",
    )
    stage_note = forms.CharField(
        required=False, max_length=MAX_TEXT, widget=forms.Textarea(attrs={"rows": 2}), label="Note"
    )

    class Meta:
        model = Application
        fields = ("candidate", "job")  # the stage moves through the fields below, the rest is read-only

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not self.instance.pk:  # a new application enters the pipeline as applied
            for name in MOVE_FIELDS:
                self.fields.pop(name, None)
            return
        moves = [(stage.value, stage.label) for stage in allowed_moves(self.instance.status)]
        move_to = self.fields["move_to"]
        assert isinstance(move_to, forms.ChoiceField)
        move_to.choices = [("", "— keep the current stage —"), *moves]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        job = cleaned.get("job")
        if job is not None and not self.instance.pk:
            try:
                ensure_accepts_applications(job)  # as the API does: a draft, closed or archived job takes none
            except JobNotOpen as refused:
                raise ValidationError({"job": refused.message}) from refused
        target = cleaned.get("move_to")
        if target and self.instance.pk:
            try:
                check_move(self.instance.status, target, cleaned.get("stage_reason", ""))
            except StageChangeRefused as refused:
                field = "stage_reason" if refused.code == PipelineErrorCode.REASON_REQUIRED else "move_to"
                raise ValidationError({field: refused.message}) from refused
        return cleaned


class BulkMoveForm(forms.Form):
    """The intermediate page of the "Move to stage…" and "Reject…" actions."""

    stage = forms.ChoiceField(choices=Stage.choices)
    reason = forms.CharField(required=False, max_length=MAX_TEXT, widget=forms.Textarea(attrs={"rows": 3}))

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("stage") == Stage.REJECTED and not cleaned.get("reason", "").strip():
            self.add_error("reason", "A reason is required to reject.")
        return cleaned


class ProviderFilter(admin.SimpleListFilter):
    """The provider of the latest analysis, offering only providers found among the user's own applications
    (a plain field filter would list every organization's values)."""

    title = "AI provider"
    parameter_name = "provider"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        providers = (
            model_admin.get_queryset(request)
            .exclude(latest_analysis__provider__isnull=True)
            .exclude(latest_analysis__provider="")
            .order_by("latest_analysis__provider")
            .values_list("latest_analysis__provider", flat=True)
            .distinct()
        )
        return [(provider, provider) for provider in providers]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> QuerySet[Any]:
        value = self.value()
        return queryset.filter(latest_analysis__provider=value) if value else queryset
