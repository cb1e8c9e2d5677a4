from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest

from accounts.admin_inlines import WrittenByServiceInline
from accounts.admin_scoping import OrganizationScopedAdmin
from jobs.filters import job_status_filter
from jobs.lifecycle import JobLifecycleError, job_archive, job_close, job_open, job_restore
from jobs.models import JobPosting, RediscoveredCandidate
from jobs.services import job_create, job_update

REQUIREMENT_FIELDS = (
    "required_skills",
    "preferred_skills",
    "skill_weights",
    "min_years",
    "max_years",
    "education_level",
    "seniority",
)

# The organization shows read-only: set from the user (admin_scoping); only a superuser adding a job picks it.
DETAIL_FIELDS = ("title", "company", "description", "location", "remote_policy", "employment_type", "organization")


class JobPostingForm(forms.ModelForm):
    class Meta:
        model = JobPosting
        fields = (
            "title",
            "company",
            "description",
            "location",
            "remote_policy",
            "employment_type",
            *REQUIREMENT_FIELDS,
        )


class StatusFilter(admin.SimpleListFilter):
    """The status as it reads now (an open job past its closing date is closed)."""

    title = "status"
    parameter_name = "status"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        return list(JobPosting.Status.choices)

    def queryset(self, request: HttpRequest, queryset: QuerySet[JobPosting]) -> QuerySet[JobPosting]:
        if self.value() in JobPosting.Status.values:
            return job_status_filter(queryset, str(self.value()))
        return queryset


class ArchivedFilter(admin.SimpleListFilter):
    """Archived jobs leave the list unless asked for, as in the API."""

    title = "archived"
    parameter_name = "archived"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        return [("false", "Not archived"), ("true", "Archived"), ("all", "All")]

    def choices(self, changelist: Any) -> Any:
        current = self.value() or "false"
        for value, label in self.lookup_choices:
            yield {
                "selected": current == value,
                "query_string": changelist.get_query_string({self.parameter_name: value}),
                "display": label,
            }

    def queryset(self, request: HttpRequest, queryset: QuerySet[JobPosting]) -> QuerySet[JobPosting]:
        value = self.value() or "false"
        if value == "all":
            return queryset
        return queryset.filter(archived_at__isnull=value != "true")


class RediscoveredCandidateInline(WrittenByServiceInline):
    model = RediscoveredCandidate
    organization_path = "job__organization"
    fields = ("candidate", "score", "found_at")
    verbose_name_plural = "Rediscovered candidates (already in your pool, fit when the job opened)"

    def get_queryset(self, request: HttpRequest) -> QuerySet[RediscoveredCandidate]:
        return super().get_queryset(request).select_related("candidate")


@admin.register(JobPosting)
class JobPostingAdmin(OrganizationScopedAdmin):
    organization_path = "organization"
    form = JobPostingForm
    list_display = (
        "title",
        "status_now",
        "closes_at",
        "location",
        "remote_policy",
        "quality_score",
        "has_embedding",
        "created_at",
    )
    list_filter = (StatusFilter, ArchivedFilter)
    search_fields = ("title", "description")
    actions = ["open_selected", "close_selected", "archive_selected", "restore_selected"]
    inlines = [RediscoveredCandidateInline]
    change_form_template = "admin/jobs/jobposting/change_form.html"
    fieldsets = (
        (None, {"fields": DETAIL_FIELDS}),
        ("Status (changed with the list's actions)", {"fields": ("status_now", "closes_at", "archived_at")}),
        (
            "Requirements (read from the text; your edits are kept and re-rank the candidates)",
            {"fields": REQUIREMENT_FIELDS},
        ),
        ("Posting quality", {"fields": ("quality_score", "quality_notes")}),
    )
    readonly_fields = ("quality_score", "quality_notes", "status_now", "closes_at", "archived_at")

    def get_inlines(self, request: HttpRequest, obj: JobPosting | None = None) -> Any:
        # Rediscovered candidates exist once a job does: a new job's page has no such section.
        return self.inlines if obj is not None else []

    @admin.display(description="Status")
    def status_now(self, job: JobPosting) -> str:
        label = JobPosting.Status(job.current_status()).label
        return f"{label} (archived)" if job.archived else label

    @admin.display(boolean=True, description="Embedded")
    def has_embedding(self, job: JobPosting) -> bool:
        return job.embedding is not None

    @admin.display(description="Red flags and suggestions")
    def quality_notes(self, job: JobPosting) -> str:
        notes = [*job.quality.get("red_flags", []), *job.quality.get("suggestions", [])]
        return "\n".join(notes) or "-"

    def save_model(self, request: HttpRequest, obj: JobPosting, form: Any, change: bool) -> None:
        if not change:
            # Through the same service as the API: requirements read from the text, an audit record.
            data = form.cleaned_data
            job = job_create(
                organization=obj.organization,  # the user's (admin_scoping), or the one a superuser picked
                actor=request.user,  # type: ignore[arg-type]
                title=data["title"],
                description=data["description"],
                company=data["company"],
                location=data["location"],
                remote=data["remote_policy"] if data["remote_policy"] != "unknown" else None,
                employment_type=data["employment_type"],
            )
            # Requirements typed in on creation win over what is read from the text; empty fields do not.
            edited = {field: data[field] for field in REQUIREMENT_FIELDS if data.get(field) not in (None, "", [], {})}
            if edited:
                job_update(job=job, actor=request.user, requirements_edited=True, **edited)  # type: ignore[arg-type]
            obj.pk = job.pk
            obj.refresh_from_db()
            return
        changes = {field: form.cleaned_data[field] for field in form.changed_data}
        if any(field in REQUIREMENT_FIELDS for field in changes):
            changes["requirements_edited"] = True
        original = JobPosting.objects.get(pk=obj.pk)
        job_update(job=original, actor=request.user, **changes)  # type: ignore[arg-type]

    def _lifecycle_action(self, request: HttpRequest, queryset: QuerySet[JobPosting], change: Any, done: str) -> None:
        """Apply one lifecycle service to each selected job; the jobs it does not apply to are named, with why."""
        changed, refused = 0, []
        for job in queryset:
            try:
                change(job=job, actor=request.user)
            except JobLifecycleError as error:
                refused.append(f"{job}: {error.message}")
                continue
            changed += 1
        if changed:
            self.message_user(request, f"{changed} job(s) {done}.", messages.SUCCESS)
        for line in refused:
            self.message_user(request, line, messages.WARNING)

    @admin.action(description="Open the selected jobs", permissions=["change"])
    def open_selected(self, request: HttpRequest, queryset: QuerySet[JobPosting]) -> None:
        self._lifecycle_action(request, queryset, job_open, "opened")

    @admin.action(description="Close the selected jobs", permissions=["change"])
    def close_selected(self, request: HttpRequest, queryset: QuerySet[JobPosting]) -> None:
        self._lifecycle_action(request, queryset, job_close, "closed")

    @admin.action(description="Archive the selected jobs", permissions=["change"])
    def archive_selected(self, request: HttpRequest, queryset: QuerySet[JobPosting]) -> None:
        self._lifecycle_action(request, queryset, job_archive, "archived")

    @admin.action(description="Restore the selected archived jobs", permissions=["change"])
    def restore_selected(self, request: HttpRequest, queryset: QuerySet[JobPosting]) -> None:
        self._lifecycle_action(request, queryset, job_restore, "restored")
