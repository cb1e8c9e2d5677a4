from __future__ import annotations

from datetime import datetime
from typing import Any

from django.db import transaction

from accounts.models import Organization, User
from audit.services import audit_record
from jobs.announcements import requirements_edited
from jobs.lifecycle import check_closes_at, job_became_open
from jobs.models import JobPosting
from recruitment_core.job_parser import parse_job
from recruitment_core.job_quality import assess_job_quality


def job_create(
    *,
    organization: Organization,
    title: str,
    description: str,
    company: str = "",
    location: str = "",
    remote: bool | str | None = None,
    employment_type: str = "",
    status: str = JobPosting.Status.OPEN,
    closes_at: datetime | None = None,
    actor: User | None = None,
) -> JobPosting:
    """A new posting, open or a draft; its requirements and quality are read from the text (recruiters may edit
    them after). One created open is searched for rediscovered candidates after commit (jobs.lifecycle)."""
    if status not in (JobPosting.Status.DRAFT, JobPosting.Status.OPEN):
        raise ValueError(f"A job is created as a draft or open, not {status!r}.")
    check_closes_at(closes_at)
    job = JobPosting(
        organization=organization,
        title=title,
        company=company,
        description=description,
        location=location,
        employment_type=employment_type,
        status=status,
        closes_at=closes_at,
        created_by=actor if actor is not None and actor.is_authenticated else None,
    )
    job_read_requirements(job, remote=remote)
    with transaction.atomic():
        job.save()
        audit_record(action="job.created", organization=organization, actor=actor, target=job, status=status)
        if job.accepts_applications():
            job_became_open(job)
    return job


def job_read_requirements(job: JobPosting, *, remote: bool | str | None = None) -> None:
    """Fill the job's requirements and quality from its text, unless a recruiter edited the requirements."""
    requirements = parse_job(
        title=job.title,
        description=job.description,
        location=job.location,
        remote=remote if remote is not None else (job.remote_policy if job.remote_policy != "unknown" else None),
        employment_type=job.employment_type,
    )
    quality = assess_job_quality(title=job.title, description=job.description, requirements=requirements)
    job.requirements = requirements.to_dict()
    job.quality_score = quality.score
    job.quality = {"red_flags": quality.red_flags, "suggestions": quality.suggestions}
    job.remote_policy = requirements.remote_policy
    job.employment_type = requirements.employment_type
    job.location = job.location or requirements.location or ""
    if job.requirements_edited:
        return
    job.required_skills = requirements.required_skills
    job.preferred_skills = requirements.preferred_skills
    job.min_years = requirements.min_years
    job.max_years = requirements.max_years
    job.education_level = requirements.education_level or ""
    job.seniority = requirements.seniority


def job_update(*, job: JobPosting, actor: User | None = None, **changes: Any) -> JobPosting:
    """Change a posting; a new title or description is read again (edited requirements are kept)."""
    text_changed = any(field in changes and changes[field] != getattr(job, field) for field in ("title", "description"))
    for field, value in changes.items():
        setattr(job, field, value)
    if text_changed:
        job_read_requirements(job)
    with transaction.atomic():
        job.save()
        audit_record(
            action="job.updated", organization=job.organization, actor=actor, target=job, fields=sorted(changes)
        )
        if not text_changed:
            # A new text is re-embedded first and re-ranked after; edited requirements re-rank straight away.
            requirements_edited.send(sender=JobPosting, job=job)
    return job
