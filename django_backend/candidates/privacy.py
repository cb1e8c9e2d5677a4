"""A candidate's personal data: what is stored about them, its erasure (on request or when retention ends).

What is stored about a person reaches past this app: applications with their AI analyses, match scores, the
skill index, import items, task records, dead letters, audit events and files. The rows other domains declared
to belong to a candidate (`on_delete=CASCADE`: applications, match scores, whatever is added later) are found
through Django's relation graph, the same collector deletion uses, so a new model that belongs to a candidate
is exported and erased without a change here. Infrastructure that names a candidate only by id (task records,
dead letters, audit events, the admin's log) is handled here explicitly. Rows of the apps above this one that name
a resume and its file without belonging to it (an import's items) are handed in by those apps when the apps load
(resume_links_register, from ingestion.apps): this module imports no app above `candidates`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core.files.storage import Storage
from django.db import connection, models, transaction
from django.db.models import Exists, OuterRef, Q
from django.db.models.deletion import Collector
from django.db.models.functions import Concat
from django.utils import timezone

from accounts.models import User
from audit.models import AuditEvent
from audit.services import audit_events_about, audit_record, audit_redact_targets
from candidates.models import Candidate, ResumeVersion
from candidates.services import IDENTITY_LOCK_NAMESPACE
from realtime.models import DeadLetter, TaskRecord

logger = logging.getLogger(__name__)

CANDIDATE_LABEL = Candidate._meta.label_lower
# Tasks whose arguments name a candidate's rows, and which row: (model label, name of the id parameter).
# Their dead letters are found by these ids even when the task record they belonged to is gone.
TASK_ARGUMENTS = {
    "ingestion.tasks.parse_resume_task": ("candidates.resumeversion", "resume_id"),
    "matching.tasks.embed_candidate_task": (CANDIDATE_LABEL, "candidate_id"),
    "matching.tasks.rerank_candidate_task": (CANDIDATE_LABEL, "candidate_id"),
    "applications.tasks.analyze_application_task": ("applications.application", "application_id"),
}
# Rows the audit log described with `str(row)` before targets were recorded by id (see audit_redact_targets).
LEGACY_AUDITED = {CANDIDATE_LABEL, "candidates.resumeversion", "applications.application"}


class _RowCollector(Collector):
    """The deletion collector, made to list every row instead of deleting some by query (like the admin's
    NestedObjects): erasure and export need each row that belongs to the candidate."""

    def can_fast_delete(self, *args: object, **kwargs: object) -> bool:
        return False


@dataclass(frozen=True)
class ResumeLinks:
    """Rows of another app that name a resume and its file without belonging to the candidate: exported with the
    candidate under `export_key`, unlinked and blanked on erasure."""

    export_key: str
    rows: Callable[[list[int]], models.QuerySet[Any]]  # the rows that name these resume ids
    forget: Callable[[models.QuerySet[Any]], list[str]]  # unlink the rows; the files to delete after commit


RESUME_LINKS: dict[str, ResumeLinks] = {}


def resume_links_register(links: ResumeLinks) -> None:
    """Called by the app that keeps the rows when the apps load (its AppConfig.ready)."""
    RESUME_LINKS[links.export_key] = links


@dataclass
class Footprint:
    """Everything stored about one candidate (or one resume that never became a candidate), as rows and
    queries, read inside one transaction (under the candidate's lock when erasing)."""

    organization_id: int
    candidate: Candidate | None
    resumes: list[ResumeVersion]
    # Every row that goes with the candidate, by model (the candidate and its resumes included).
    collector: Collector
    rows: dict[type[models.Model], list[int]] = field(default_factory=dict)

    def count(self, model_label: str) -> int:
        return sum(len(pks) for model, pks in self.rows.items() if model._meta.label_lower == model_label)

    def refs(self) -> set[tuple[str, int]]:
        return {(model._meta.label_lower, pk) for model, pks in self.rows.items() for pk in pks}

    def task_records(self) -> models.QuerySet[TaskRecord]:
        match = Q(pk__in=[])
        for model, pks in self.rows.items():
            # A many-to-many link row is no task's target, and has no content type: looking one up would write it.
            if not model._meta.auto_created:
                match |= Q(target_type=ContentType.objects.get_for_model(model), target_id__in=pks)
        return TaskRecord.objects.filter(match)

    def dead_letters(self, task_ids: Iterable[str]) -> models.QuerySet[DeadLetter]:
        task_ids = list(task_ids)
        match = Q(task_id__in=task_ids) | Q(retry_task_id__in=task_ids)
        ids_by_label = {model._meta.label_lower: pks for model, pks in self.rows.items()}
        for task_name, (model_label, parameter) in TASK_ARGUMENTS.items():
            ids = ids_by_label.get(model_label)
            if ids:
                match |= Q(task_name=task_name) & (Q(args__0__in=ids) | Q(**{f"kwargs__{parameter}__in": ids}))
        return DeadLetter.objects.filter(match)

    def resume_links(self) -> dict[str, models.QuerySet[Any]]:
        """The rows of other apps that name the resumes (RESUME_LINKS), by their export key."""
        resume_ids = [resume.pk for resume in self.resumes]
        return {key: links.rows(resume_ids) for key, links in RESUME_LINKS.items()}

    def audit_events(self) -> models.QuerySet[AuditEvent]:
        return audit_events_about(self.refs())


def candidate_footprint(*, candidate: Candidate) -> Footprint:
    """The candidate's resume versions and every row that belongs to them or to the candidate."""
    resumes = list(
        ResumeVersion.objects.filter(Q(candidate=candidate) | Q(pk=candidate.current_resume_id)).order_by("pk")
    )
    return _footprint(candidate.organization_id, candidate, resumes)


def _footprint(organization_id: int, candidate: Candidate | None, resumes: list[ResumeVersion]) -> Footprint:
    collector = _RowCollector(using=connection.alias)
    if candidate is not None:
        collector.collect([candidate])
    if resumes:
        collector.collect(resumes)
    rows = {model: sorted(obj.pk for obj in objs) for model, objs in collector.data.items()}
    return Footprint(organization_id, candidate, resumes, collector, rows)


@dataclass(frozen=True)
class CandidateDeletion:
    candidate_id: int
    resume_versions: int
    applications: int
    task_records: int
    dead_letters: int
    files: list[str]


def candidate_delete(
    *,
    candidate: Candidate,
    actor: User | None,
    reason: str = "request",
    unless_touched_since: datetime | None = None,
) -> CandidateDeletion | None:
    """Erase a candidate and everything stored about them; keep one audit entry naming them by id only.

    Deletes their resume versions (text, parsed data, given contact details), the candidate row (embedding,
    profile), every row that cascades from them (applications with their analyses, match scores; the skill
    index by its database cascade), task records and dead letters of their rows; import items keep their row
    but lose the link and file name, and the archives they came from are deleted (expanded already, they hold
    nothing else that is needed); older audit and admin-log entries about these rows are rewritten to ids.
    Files are deleted once the transaction commits, and a file already gone is no error.

    Returns None when there is nothing to do: the candidate is gone already (safe to run twice), or
    `unless_touched_since` is given and the candidate was touched since then (checked under the lock, so a
    resume arriving during a retention sweep keeps its candidate).
    """
    with transaction.atomic():
        _identity_lock(candidate.organization_id)
        locked = Candidate.objects.select_for_update().filter(pk=candidate.pk).first()
        if locked is None:
            return None
        if unless_touched_since is not None and not (
            candidates_untouched_since(unless_touched_since).filter(pk=locked.pk).exists()
        ):
            return None
        footprint = candidate_footprint(candidate=locked)
        files, task_records, dead_letters = _erase_references(footprint)
        applications = footprint.count("applications.application")
        audit_record(
            action="candidate.deleted",
            organization=locked.organization,
            actor=actor,
            target=locked,
            reason=reason,
            resume_versions=len(footprint.resumes),
            applications=applications,
        )
        _erase_rows(footprint, files)
    logger.info("candidate deleted", extra={"candidate_id": candidate.pk, "reason": reason})
    return CandidateDeletion(
        candidate_id=candidate.pk,
        resume_versions=len(footprint.resumes),
        applications=applications,
        task_records=task_records,
        dead_letters=dead_letters,
        files=files,
    )


def _identity_lock(organization_id: int) -> None:
    """Parsing identifies people under this lock: a resume parsed meanwhile can neither attach to, and so
    resurrect, a candidate being erased, nor be erased while it becomes a candidate."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(%s, %s)", [IDENTITY_LOCK_NAMESPACE, organization_id])


def _erase_references(footprint: Footprint) -> tuple[list[str], int, int]:
    """Clear what names the footprint's rows from outside them. Returns the files to delete after commit and
    how many task records and dead letters were deleted."""
    files = [resume.file.name for resume in footprint.resumes if resume.file]
    files += _resume_links_forget(footprint)
    records = footprint.task_records()
    task_ids = list(records.values_list("task_id", flat=True))
    dead_letters = footprint.dead_letters(task_ids).delete()[0]
    task_records = records.delete()[0]
    _descriptions_redact(footprint)
    return files, task_records, dead_letters


def _erase_rows(footprint: Footprint, files: list[str]) -> None:
    footprint.collector.delete()
    storage = _resume_storage()
    transaction.on_commit(lambda: _files_delete(storage, files))


def _resume_links_forget(footprint: Footprint) -> list[str]:
    """Unlink the rows of other apps that name the candidate's resumes; the files they held, to delete."""
    files: list[str] = []
    for key, rows in footprint.resume_links().items():
        files += RESUME_LINKS[key].forget(rows)
    return files


def _descriptions_redact(footprint: Footprint) -> None:
    """Older audit events and admin log entries describe rows with `str(row)`, which may be the person's name."""
    organization_id = footprint.organization_id
    legacy: dict[tuple[str, int], str] = {}
    for model, pks in footprint.rows.items():
        label = model._meta.label_lower
        if label in LEGACY_AUDITED:
            for row in model._default_manager.filter(pk__in=pks):
                legacy[(label, row.pk)] = str(row)
        LogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(model), object_id__in=[str(pk) for pk in pks]
        ).update(object_repr=Concat(models.Value(f"{label} #"), "object_id"))
    audit_redact_targets(organization_id=organization_id, targets=legacy)


def _resume_storage() -> Storage:
    return ResumeVersion._meta.get_field("file").storage  # type: ignore[attr-defined,no-any-return]


def _files_delete(storage: Storage, names: list[str]) -> None:
    """After commit: a failure leaves an orphan that maintenance deletes later (ingestion.maintenance)."""
    for name in names:
        try:
            storage.delete(name)  # a file already gone is not an error for Django's storages
        except OSError:
            logger.warning("could not delete a stored file", extra={"storage_name": name}, exc_info=True)


# --- Retention --------------------------------------------------------------------------------------------


def candidates_untouched_since(cutoff: datetime) -> models.QuerySet[Candidate]:
    """Candidates nobody has touched since `cutoff`, precisely: the candidate row was last saved before it
    (`updated_at`: a parse, an edit), none of their resume versions was uploaded or parsed since, none of their
    applications was created or changed since (`updated_at`; analyses are stored by update() and do not move it,
    so `created_at` is checked too), none of their interviews ends after it (an interview still to come keeps its
    candidate), and no audit event about the candidate (a view, a download, an export) was written since.
    Recomputed scores and embeddings are machine work and do not count.
    """
    seen = AuditEvent.objects.filter(target_type=CANDIDATE_LABEL, target_id=OuterRef("pk"), created_at__gte=cutoff)
    return (
        Candidate.objects.filter(updated_at__lt=cutoff)
        .exclude(resume_versions__created_at__gte=cutoff)
        .exclude(resume_versions__parsed_at__gte=cutoff)
        .exclude(applications__created_at__gte=cutoff)
        .exclude(applications__updated_at__gte=cutoff)
        .exclude(applications__interviews__ends_at__gte=cutoff)
        .exclude(Exists(seen))
    )


def retention_cutoff(now: datetime | None = None) -> datetime | None:
    """Candidates untouched since this moment have outlived retention; None when retention is off (0 days)."""
    days = settings.CANDIDATE_RETENTION_DAYS
    return (now or timezone.now()) - timedelta(days=days) if days > 0 else None


def candidates_retention_delete(*, now: datetime | None = None) -> list[int]:
    """Erase, through candidate_delete, candidates untouched for longer than CANDIDATE_RETENTION_DAYS.

    At most MAINTENANCE_BATCH_SIZE per run, the longest untouched first; each in its own transaction, checked
    again under its lock. Returns the ids erased; a second run finds them gone.
    """
    cutoff = retention_cutoff(now)
    if cutoff is None:
        return []
    expired = candidates_untouched_since(cutoff).order_by("updated_at", "pk").only("pk", "organization_id")
    deleted = []
    for candidate in list(expired[: settings.MAINTENANCE_BATCH_SIZE]):
        if candidate_delete(candidate=candidate, actor=None, reason="retention", unless_touched_since=cutoff):
            deleted.append(candidate.pk)
    if deleted:
        logger.warning("candidates past retention deleted", extra={"count": len(deleted)})
    return deleted


def unattached_resumes_retention_delete(*, now: datetime | None = None) -> list[int]:
    """Erase resume versions that never became a candidate (their parse failed or found no text) and were
    uploaded before the retention cutoff: their files hold personal data no candidate erasure reaches.

    At most MAINTENANCE_BATCH_SIZE per run, oldest first, each checked again under the identity lock (a parse
    running meanwhile may make it a candidate's). Returns the resume ids erased.
    """
    cutoff = retention_cutoff(now)
    if cutoff is None:
        return []
    expired = ResumeVersion.objects.filter(candidate__isnull=True, created_at__lt=cutoff).order_by("created_at", "pk")
    deleted = []
    for pk, organization_id in list(expired.values_list("pk", "organization_id")[: settings.MAINTENANCE_BATCH_SIZE]):
        with transaction.atomic():
            _identity_lock(organization_id)
            resume = expired.select_for_update().select_related("organization").filter(pk=pk).first()
            if resume is None:
                continue
            footprint = _footprint(organization_id, None, [resume])
            files, _, _ = _erase_references(footprint)
            audit_record(action="resume.deleted", organization=resume.organization, target=resume, reason="retention")
            _erase_rows(footprint, files)
        deleted.append(pk)
    if deleted:
        logger.warning("unattached resumes past retention deleted", extra={"count": len(deleted)})
    return deleted
