"""What every figure is scoped and filtered by: the organization always, one job and a date range optionally.

The date range is a cohort: applications received (and candidates added) from `start` to `end`, both days
included (UTC). A stage move or a stay is counted with the application it belongs to.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from django import forms
from django.db.models import Q

from accounts.models import Organization
from jobs.models import JobPosting
from jobs.selectors import job_list_for_organization

MAX_ID = 2**63 - 1  # a bigint: larger ids are refused by the form, not by PostgreSQL


@dataclass(frozen=True)
class AnalyticsFilters:
    organization: Organization
    job: JobPosting | None = None
    start: date | None = None
    end: date | None = None

    def applications(self, prefix: str = "") -> Q:
        """The applications in scope, as a condition on `prefix` (e.g. "application__" from a StageChange)."""
        condition = Q(**{f"{prefix}job__organization": self.organization})
        if self.job is not None:
            condition &= Q(**{f"{prefix}job": self.job})
        return condition & self.created(f"{prefix}created_at")

    def created(self, field: str) -> Q:
        condition = Q()
        if self.start is not None:
            condition &= Q(**{f"{field}__gte": datetime.combine(self.start, time.min, tzinfo=UTC)})
        if self.end is not None and self.end < date.max:  # the last day there is has no day after it
            condition &= Q(**{f"{field}__lt": datetime.combine(self.end + timedelta(days=1), time.min, tzinfo=UTC)})
        return condition

    def as_query(self) -> dict[str, str]:
        """The filters as query parameters, for links to the same figures (CSV downloads)."""
        query = {
            "job": str(self.job.pk) if self.job else "",
            "start": str(self.start or ""),
            "end": str(self.end or ""),
        }
        return {key: value for key, value in query.items() if value}


class AnalyticsFilterForm(forms.Form):
    """The filters as the API's query parameters and the admin page's form: one validation for both."""

    job = forms.IntegerField(required=False, min_value=1, max_value=MAX_ID, widget=forms.Select)
    start = forms.DateField(required=False, help_text="First day (YYYY-MM-DD), included.")
    end = forms.DateField(required=False, help_text="Last day (YYYY-MM-DD), included.")

    def __init__(self, *args: Any, organization: Organization, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.organization = organization
        self.jobs = job_list_for_organization(organization=organization).order_by("title", "pk")
        job_field = self.fields["job"]
        job_field.widget.choices = [("", "All jobs"), *((job.pk, job.title) for job in self.jobs)]

    def clean_job(self) -> JobPosting | None:
        job_id = self.cleaned_data.get("job")
        if job_id is None:
            return None
        # Another organization's job reads as unknown, like every other lookup of the API.
        job = self.jobs.filter(pk=job_id).first()
        if job is None:
            raise forms.ValidationError("No such job in your organization.", code="unknown_job")
        return job

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end and start > end:
            raise forms.ValidationError("The start of the date range is after its end.", code="empty_range")
        return cleaned

    def filters(self) -> AnalyticsFilters:
        """The validated filters; call after is_valid()."""
        data = self.cleaned_data
        return AnalyticsFilters(
            organization=self.organization, job=data.get("job"), start=data.get("start"), end=data.get("end")
        )
