from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.http import HttpRequest, HttpResponse

from accounts.admin_scoping import OrganizationScopedAdmin
from jobs.models import JobPosting
from jobs.services import job_create, job_update
from matching.ranking import candidates_for_job

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


@admin.register(JobPosting)
class JobPostingAdmin(OrganizationScopedAdmin):
    organization_path = "organization"
    form = JobPostingForm
    list_display = ("title", "location", "remote_policy", "quality_score", "has_embedding", "created_at")
    search_fields = ("title", "description")
    change_form_template = "admin/jobs/jobposting/change_form.html"
    fieldsets = (
        (None, {"fields": DETAIL_FIELDS}),
        (
            "Requirements (read from the text; your edits are kept and re-rank the candidates)",
            {"fields": REQUIREMENT_FIELDS},
        ),
        ("Posting quality", {"fields": ("quality_score", "quality_notes")}),
    )
    readonly_fields = ("quality_score", "quality_notes")

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

    def change_view(
        self, request: HttpRequest, object_id: str, form_url: str = "", extra_context: dict[str, Any] | None = None
    ) -> HttpResponse:
        job = self.get_object(request, object_id)
        ranked: list[dict[str, Any]] = []
        if job is not None:
            from candidates.models import Candidate

            _, matches = candidates_for_job(job=job, limit=20)
            names = Candidate.objects.in_bulk([match.candidate_id for match in matches])
            ranked = [{"match": match, "candidate": names[match.candidate_id]} for match in matches]
        context = {**(extra_context or {}), "ranked_candidates": ranked}
        return super().change_view(request, object_id, form_url, extra_context=context)
