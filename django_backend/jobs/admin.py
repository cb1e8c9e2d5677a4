from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest, HttpResponse

from accounts.admin_scoping import OrganizationScopedAdmin
from jobs.models import JobPosting
from matching.selectors import candidates_ranked_for_job


@admin.register(JobPosting)
class JobPostingAdmin(OrganizationScopedAdmin):
    list_display = ("title", "location", "organization", "has_embedding", "created_at")
    search_fields = ("title", "description")
    exclude = ("embedding", "embedded_text_sha256", "created_by")
    change_form_template = "admin/jobs/jobposting/change_form.html"

    @admin.display(boolean=True, description="Embedded")
    def has_embedding(self, job: JobPosting) -> bool:
        return job.embedding is not None

    def change_view(
        self, request: HttpRequest, object_id: str, form_url: str = "", extra_context: dict[str, Any] | None = None
    ) -> HttpResponse:
        job = self.get_object(request, object_id)
        ranked = candidates_ranked_for_job(job=job) if job is not None else []
        context = {
            **(extra_context or {}),
            "ranked_candidates": ranked,
            "job_has_embedding": bool(job and job.embedding is not None),
        }
        return super().change_view(request, object_id, form_url, extra_context=context)
