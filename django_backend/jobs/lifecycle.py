"""A job's lifecycle: the one place its status, closing date and archiving change.

draft -> open, open -> closed, closed -> open (reopening); any job may be archived (instead of deleted) and
restored to the status it had. An open job past `closes_at` reads as closed (JobPosting.current_status), so
reopening it sets a new closing date or clears the old one. A job that becomes open, created open or moved
there, has the organization's pool searched for candidates who fit it (jobs.rediscovery), after commit.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Any

from django.db import transaction
from django.utils import timezone

from accounts.models import User
from audit.services import audit_record
from jobs.models import JobPosting
from jobs.tasks import rediscovery_enqueue
from realtime.services import broadcast_organization

Status = JobPosting.Status
# What live admin pages and API clients listen for on the organization's stream.
STATUS_EVENT = "job.status"

TRANSITIONS: dict[str, frozenset[str]] = {
    Status.DRAFT: frozenset({Status.OPEN}),
    Status.OPEN: frozenset({Status.CLOSED}),
    Status.CLOSED: frozenset({Status.OPEN}),
}
# Marks "closes_at not given" apart from None ("no closing date").
UNCHANGED: Any = object()


class LifecycleErrorCode(StrEnum):
    SAME_STATUS = "same_status"
    TRANSITION_NOT_ALLOWED = "transition_not_allowed"
    JOB_ARCHIVED = "job_archived"
    NOT_ARCHIVED = "not_archived"
    CLOSES_AT_PAST = "closes_at_in_past"
    JOB_NOT_OPEN = "job_not_open"


class JobLifecycleError(Exception):
    """A change the lifecycle does not allow; `code` is a LifecycleErrorCode, the message says what to do."""

    # Answered 400 (the input itself is wrong) rather than 409 (it conflicts with the job's state).
    INPUT_ERRORS = frozenset({LifecycleErrorCode.CLOSES_AT_PAST})

    def __init__(self, code: LifecycleErrorCode, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message

    @property
    def is_input_error(self) -> bool:
        return self.code in self.INPUT_ERRORS


class JobNotOpen(JobLifecycleError):
    """An application to a job that is draft, closed (by hand or by date) or archived."""

    def __init__(self, job: JobPosting) -> None:
        state = "archived" if job.archived else Status(job.current_status()).label.lower()
        super().__init__(
            LifecycleErrorCode.JOB_NOT_OPEN,
            f"This job is {state} and does not take applications; open it first.",
        )


def check_transition(current: str, target: str) -> None:
    """Raise JobLifecycleError unless the lifecycle allows moving from `current` to `target`."""
    if target not in Status.values:
        raise JobLifecycleError(
            LifecycleErrorCode.TRANSITION_NOT_ALLOWED, f"Unknown status {target!r}; use one of: {', '.join(Status)}."
        )
    if current == target:
        raise JobLifecycleError(LifecycleErrorCode.SAME_STATUS, f"The job is already {Status(target).label.lower()}.")
    if target not in TRANSITIONS[current]:
        allowed = ", ".join(sorted(TRANSITIONS[current])) or "none"
        raise JobLifecycleError(
            LifecycleErrorCode.TRANSITION_NOT_ALLOWED,
            f"A job cannot move from {Status(current).label.lower()} to {Status(target).label.lower()}; "
            f"allowed: {allowed}.",
        )


def check_closes_at(closes_at: datetime | None) -> None:
    if closes_at is not None and closes_at <= timezone.now():
        raise JobLifecycleError(
            LifecycleErrorCode.CLOSES_AT_PAST, "The closing date must be in the future (or empty for none)."
        )


def ensure_accepts_applications(job: JobPosting) -> None:
    """Raise JobNotOpen unless the job takes applications now."""
    if not job.accepts_applications():
        raise JobNotOpen(job)


def ensure_not_archived(job: JobPosting) -> None:
    """Raise unless the job can be changed: an archived job is restored first."""
    if job.archived:
        raise JobLifecycleError(LifecycleErrorCode.JOB_ARCHIVED, "The job is archived: restore it first.")


def job_became_open(job: JobPosting) -> None:
    """After commit, search the pool for candidates who fit a job that has just become open."""
    rediscovery_enqueue(job_id=job.pk)


def job_change(
    *, job: JobPosting, actor: User | None, status: str | None = None, closes_at: Any = UNCHANGED
) -> JobPosting:
    """Move a job to `status` and/or give it a new closing date, as the lifecycle allows. Raises
    JobLifecycleError (with a code) for anything it does not allow. Audited; the organization's stream is told
    after commit, and a job that becomes open is searched for rediscovered candidates."""
    if closes_at is not UNCHANGED:
        check_closes_at(closes_at)
    with transaction.atomic():
        locked = JobPosting.objects.select_for_update().get(pk=job.pk)
        ensure_not_archived(locked)
        before = locked.current_status()
        if status is not None:
            check_transition(before, status)
            locked.status = status
        if closes_at is not UNCHANGED:
            locked.closes_at = closes_at
        elif status == Status.OPEN and locked.current_status() != Status.OPEN:
            locked.closes_at = None  # reopened after its closing date: that date is over
        after = locked.current_status()
        locked.save(update_fields=["status", "closes_at", "updated_at"])
        _record(locked, actor, "job.status_changed", from_status=before, to_status=after, closes_at=locked.closes_at)
        if after == Status.OPEN and before != Status.OPEN:
            job_became_open(locked)
    _copy_state(locked, job)
    return job


def job_open(*, job: JobPosting, actor: User | None, closes_at: Any = UNCHANGED) -> JobPosting:
    return job_change(job=job, actor=actor, status=Status.OPEN, closes_at=closes_at)


def job_close(*, job: JobPosting, actor: User | None) -> JobPosting:
    return job_change(job=job, actor=actor, status=Status.CLOSED)


def job_archive(*, job: JobPosting, actor: User | None) -> bool:
    """Archive a job whatever its status (what deleting it does); returns False when it already was."""
    with transaction.atomic():
        locked = JobPosting.objects.select_for_update().get(pk=job.pk)
        if locked.archived:
            return False
        locked.archived_at = timezone.now()
        locked.save(update_fields=["archived_at", "updated_at"])
        _record(locked, actor, "job.archived", status=locked.current_status())
    _copy_state(locked, job)
    return True


def job_restore(*, job: JobPosting, actor: User | None) -> JobPosting:
    """Bring an archived job back with the status it had; an open one is searched for candidates again."""
    with transaction.atomic():
        locked = JobPosting.objects.select_for_update().get(pk=job.pk)
        if not locked.archived:
            raise JobLifecycleError(LifecycleErrorCode.NOT_ARCHIVED, "The job is not archived.")
        locked.archived_at = None
        locked.save(update_fields=["archived_at", "updated_at"])
        _record(locked, actor, "job.restored", status=locked.current_status())
        if locked.current_status() == Status.OPEN:
            job_became_open(locked)
    _copy_state(locked, job)
    return job


def _record(job: JobPosting, actor: User | None, action: str, **data: Any) -> None:
    audit_record(
        action=action,
        organization=job.organization,
        actor=actor,
        target=job,
        **{key: value.isoformat() if isinstance(value, datetime) else value for key, value in data.items()},
    )
    event = {
        "type": STATUS_EVENT,
        "job_id": job.pk,
        "status": job.current_status(),
        "archived": job.archived,
    }
    organization_id = job.organization_id
    transaction.on_commit(lambda: broadcast_organization(organization_id, event))


def _copy_state(source: JobPosting, target: JobPosting) -> None:
    target.status, target.closes_at = source.status, source.closes_at
    target.archived_at, target.updated_at = source.archived_at, source.updated_at
