"""The filters of the job list (`GET /api/jobs/`), applied to a queryset already scoped to the organization.
Archived jobs are left out unless `archived` asks for them."""

from __future__ import annotations

from django.db.models import Q, QuerySet
from django.http import QueryDict
from django.utils import timezone
from rest_framework import serializers

from candidates.filters import LowerArray, SkillList, with_all_skills
from jobs.models import JobPosting, open_now

Status = JobPosting.Status


class JobListQuery(serializers.Serializer):
    status = serializers.ChoiceField(
        choices=Status.choices,
        required=False,
        help_text="Only jobs with this status as it reads now (an open job past its closing date is closed).",
        error_messages={"invalid_choice": f'"{{input}}" is not a job status; use one of: {", ".join(Status.values)}.'},
    )
    archived = serializers.ChoiceField(
        choices=[("false", "Not archived"), ("true", "Archived only"), ("all", "Both")],
        required=False,
        default="false",
        help_text="Archived jobs are left out unless this says otherwise.",
        error_messages={"invalid_choice": '"{input}" is not a choice for archived; use one of: false, true, all.'},
    )
    q = serializers.CharField(
        required=False, allow_blank=True, max_length=500, help_text="Part of the title, company or description."
    )
    location = serializers.CharField(
        required=False, allow_blank=True, max_length=200, help_text="Part of the job's location."
    )
    skills = SkillList(help_text="Comma-separated skills the job asks for (required or preferred), every one.")


def job_status_filter(queryset: QuerySet[JobPosting], status: str) -> QuerySet[JobPosting]:
    """The jobs whose status reads `status` now (JobPosting.current_status, in the database)."""
    is_open = open_now(timezone.now())
    if status == Status.OPEN:
        return queryset.filter(is_open)
    if status == Status.CLOSED:
        return queryset.filter(Q(status=Status.CLOSED) | (Q(status=Status.OPEN) & ~is_open))
    return queryset.filter(status=status)


def job_list_filter(queryset: QuerySet[JobPosting], query: QueryDict) -> QuerySet[JobPosting]:
    """`queryset` narrowed by the list's query parameters; raises a ValidationError (400) for a bad value."""
    params = JobListQuery(data=query)
    params.is_valid(raise_exception=True)
    options = params.validated_data
    if options["archived"] != "all":
        queryset = queryset.filter(archived_at__isnull=options["archived"] == "false")
    if "status" in options:
        queryset = job_status_filter(queryset, options["status"])
    if options.get("q", "").strip():
        text = options["q"].strip()
        queryset = queryset.filter(
            Q(title__icontains=text) | Q(company__icontains=text) | Q(description__icontains=text)
        )
    if options.get("location", "").strip():
        queryset = queryset.filter(location__icontains=options["location"].strip())
    # Each skill in either list: the two lists together, whatever the case, must hold every one.
    asked = LowerArray("required_skills", "preferred_skills", arg_joiner=" || ")
    return with_all_skills(queryset, asked, options.get("skills", []))
