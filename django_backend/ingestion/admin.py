from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html

from accounts.admin_scoping import OrganizationScopedAdmin, OrganizationScopedInline
from accounts.permissions import request_organization, request_user
from candidates.admin import ResumeVersionAdmin
from candidates.models import Candidate, ResumeVersion
from ingestion.models import ImportBatch, ImportItem
from ingestion.services import import_create, resume_reparse
from matching.admin import CandidateWithJobsAdmin
from recruitment_core.archive import ArchiveRejected


class ImportItemInline(OrganizationScopedInline, admin.TabularInline):
    model = ImportItem
    organization_path = "batch__organization"
    fields = ("filename", "status", "error", "resume")
    readonly_fields = fields
    extra = 0
    can_delete = False

    def get_queryset(self, request: HttpRequest) -> QuerySet[Any]:
        # The resume of every row is shown: one join, not a query per row.
        return super().get_queryset(request).select_related("resume")

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class ImportUploadForm(forms.Form):
    archive = forms.FileField(help_text="A ZIP of resumes (PDF, DOCX, RTF, ODT, TXT, PNG/JPEG scans).")


@admin.register(ImportBatch)
class ImportBatchAdmin(OrganizationScopedAdmin):
    organization_path = "organization"
    list_display = ("archive_name", "live_state", "progress_bar", "live_failed", "created_by", "created_at")
    list_filter = ("state",)
    inlines = [ImportItemInline]
    change_form_template = "admin/ingestion/importbatch/change_form.html"
    change_list_template = "admin/ingestion/importbatch/change_list.html"
    # State and counts change while the page is open: the progress module above the form shows them live, once.
    readonly_fields = ("archive_name", "created_by", "created_at", "finished_at")
    exclude = ("archive", "organization", "state", "error", "total", "processed", "failed")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # imports start from the upload page, where the archive is checked

    @admin.display(description="State", ordering="state")
    def live_state(self, batch: ImportBatch) -> str:
        return format_html('<span data-import-state="{}">{}</span>', batch.pk, batch.get_state_display())

    @admin.display(description="Failed", ordering="failed")
    def live_failed(self, batch: ImportBatch) -> str:
        return format_html('<span data-import-failed="{}">{}</span>', batch.pk, batch.failed)

    @admin.display(description="Progress")
    def progress_bar(self, batch: ImportBatch) -> str:
        return format_html(
            '<progress max="100" value="{}" data-import-batch="{}"></progress> <span>{}/{}</span>',
            batch.percent,
            batch.pk,
            batch.processed,
            batch.total,
        )

    def get_urls(self) -> list[Any]:
        upload = path("upload/", self.admin_site.admin_view(self.upload_view), name="ingestion_importbatch_upload")
        return [upload, *super().get_urls()]

    def has_upload_permission(self, request: HttpRequest) -> bool:
        """Importing needs the add permission and an organization to import into."""
        user = request.user
        return bool(getattr(user, "organization_id", None)) and user.has_perm("ingestion.add_importbatch")

    def changelist_view(self, request: HttpRequest, extra_context: dict[str, Any] | None = None) -> HttpResponse:
        context = {**(extra_context or {}), "can_upload": self.has_upload_permission(request)}
        return super().changelist_view(request, extra_context=context)

    def upload_view(self, request: HttpRequest) -> HttpResponse:
        if not self.has_upload_permission(request):
            raise PermissionDenied
        form = ImportUploadForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            try:
                batch = import_create(
                    organization=request_organization(request),
                    uploaded=form.cleaned_data["archive"],
                    created_by=request_user(request),
                )
            except ArchiveRejected as error:
                form.add_error("archive", error.message)
            else:
                self.message_user(request, f"Importing {batch.archive_name}: progress below.", messages.SUCCESS)
                return HttpResponseRedirect(reverse("admin:ingestion_importbatch_change", args=[batch.pk]))
        context = {
            **self.admin_site.each_context(request),
            "form": form,
            "title": "Import resumes",
            "opts": self.model._meta,
        }
        return TemplateResponse(request, "admin/ingestion/importbatch/upload.html", context)


# Re-reading a resume is this app's step: it adds the actions to the candidate and resume admin pages (registered
# again as subclasses), which sit in the app below.
admin.site.unregister(Candidate)
admin.site.unregister(ResumeVersion)


@admin.register(Candidate)
class CandidateReparseAdmin(CandidateWithJobsAdmin):
    actions = ["reparse_current_resume"]

    @admin.action(description="Re-parse the current resume")
    def reparse_current_resume(self, request: HttpRequest, queryset: QuerySet[Candidate]) -> None:
        count = 0
        with transaction.atomic():
            for candidate in queryset.select_related("current_resume__organization"):
                if candidate.current_resume is not None:
                    resume_reparse(resume=candidate.current_resume)
                    count += 1
        self.message_user(request, f"Queued {count} resume(s) for parsing.", messages.SUCCESS)


@admin.register(ResumeVersion)
class ResumeVersionReparseAdmin(ResumeVersionAdmin):
    actions = ["reparse"]

    @admin.action(description="Re-parse")
    def reparse(self, request: HttpRequest, queryset: QuerySet[ResumeVersion]) -> None:
        with transaction.atomic():
            for resume in queryset.select_related("organization"):
                resume_reparse(resume=resume)
        self.message_user(request, f"Queued {queryset.count()} resume(s) for parsing.", messages.SUCCESS)
