from __future__ import annotations

from accounts.models import Organization, User
from audit.services import audit_record
from jobs.models import JobPosting
from recruitment_core.skills import extract_skills


def job_create(
    *,
    organization: Organization,
    title: str,
    description: str,
    skills: list[str] | None = None,
    location: str = "",
    actor: User | None = None,
) -> JobPosting:
    """A new posting; without an explicit skill list, the skills are read from the description."""
    job = JobPosting.objects.create(
        organization=organization,
        title=title,
        description=description,
        skills=skills if skills else extract_skills(f"{title}\n{description}"),
        location=location,
        created_by=actor if actor is not None and actor.is_authenticated else None,
    )
    audit_record(action="job.created", organization=organization, actor=actor, target=job)
    return job
