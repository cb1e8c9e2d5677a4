"""The scores on the candidate and job admin pages. Matching sits above candidates and jobs, so it extends their
admin pages (registered again as subclasses) rather than those pages importing the ranking."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.html import format_html

from candidates.admin import CandidateAdmin, admin_table
from candidates.models import Candidate
from jobs.admin import JobPostingAdmin
from jobs.models import JobPosting
from matching.pair_scores import jobs_for_candidate
from matching.ranking import candidates_for_job

admin.site.unregister(Candidate)
admin.site.unregister(JobPosting)


@admin.register(Candidate)
class CandidateWithJobsAdmin(CandidateAdmin):
    """The candidate page with the jobs they fit best, ahead of the resume's text."""

    fieldsets = (
        *CandidateAdmin.fieldsets[:-1],
        ("Best jobs", {"fields": ("best_jobs",)}),
        CandidateAdmin.fieldsets[-1],
    )
    readonly_fields = (*CandidateAdmin.readonly_fields, "best_jobs")

    @admin.display(description="Best jobs for this candidate")
    def best_jobs(self, candidate: Candidate) -> str:
        if candidate.pk is None:
            return "-"
        matches = jobs_for_candidate(candidate=candidate, limit=5)
        jobs = JobPosting.objects.in_bulk([match.job_id for match in matches])
        rows = [
            (
                format_html(
                    '<a href="{}">{}</a>',
                    reverse("admin:jobs_jobposting_change", args=[match.job_id]),
                    jobs[match.job_id].title,
                ),
                format_html('<progress max="100" value="{}"></progress> {}', match.score, match.score),
                "; ".join(match.gaps) or "no gaps",
            )
            for match in matches
        ]
        return admin_table(("Job", "Score", "Gaps"), rows)


@admin.register(JobPosting)
class JobPostingWithCandidatesAdmin(JobPostingAdmin):
    """The job page with its best-ranked candidates (templates/admin/jobs/jobposting/change_form.html)."""

    def change_view(
        self, request: HttpRequest, object_id: str, form_url: str = "", extra_context: dict[str, Any] | None = None
    ) -> HttpResponse:
        job = self.get_object(request, object_id)
        ranked: list[dict[str, Any]] = []
        if job is not None:
            _, matches = candidates_for_job(job=job, limit=20)
            names = Candidate.objects.in_bulk([match.candidate_id for match in matches])
            ranked = [{"match": match, "candidate": names[match.candidate_id]} for match in matches]
        context = {**(extra_context or {}), "ranked_candidates": ranked}
        return super().change_view(request, object_id, form_url, extra_context=context)
