"""Turning resume files into candidates: checks before anything is stored, parsing in the worker (the person
it belongs to is recognised, and their profile updated, by candidates.services), and bulk import of archives."""

from __future__ import annotations

import dataclasses
import hashlib
import logging
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, connection, transaction
from django.db.models import F
from django.utils import timezone

from accounts.models import Organization, User
from candidates.models import Candidate, ResumeVersion
from candidates.services import IDENTITY_LOCK_NAMESPACE, candidate_identify, candidate_profile_apply
from config import metrics
from ingestion import tasks  # a module, not its names: the tasks import this module in turn
from ingestion.announcements import import_progressed
from ingestion.models import ImportBatch, ImportItem
from ingestion.reading import resume_text_parse, resume_text_read
from realtime.models import TaskRecord
from realtime.services import broadcast_organization, task_enqueue, task_progress
from recruitment_core.archive import ArchiveLimits, ArchiveRejected, iter_resumes, open_archive
from recruitment_core.extraction import ExtractionError, check_upload
from recruitment_core.resume_parser import ParsedResume

logger = logging.getLogger(__name__)

NO_TEXT_MESSAGE = (
    "No text could be extracted from this file, even with OCR. Nothing was invented in its place; "
    "enter the candidate by hand or upload a text version."
)


@dataclass(frozen=True)
class Intake:
    resume: ResumeVersion
    duplicate: bool
    task: TaskRecord | None


def resume_upload_read(uploaded: UploadedFile) -> tuple[bytes, str]:
    """Read an upload within the size limit and detect its type from the content.

    Raises ExtractionError with a message a recruiter can act on; nothing has been written at that point.
    """
    limit = settings.MAX_UPLOAD_BYTES
    if uploaded.size is not None and uploaded.size > limit:
        raise ExtractionError("too_large", f"The file is larger than the {limit / 1024 / 1024:g} MB limit.")
    data = uploaded.read(limit + 1)
    return data, check_upload(data, max_bytes=limit)


def resume_intake(
    *,
    organization: Organization,
    filename: str,
    data: bytes,
    kind: str,
    uploaded_by: User | None = None,
    given_details: dict[str, Any] | None = None,
    candidate: Candidate | None = None,
    queue_parse: bool = True,
) -> Intake:
    """Store a checked resume file and queue its parsing after commit (unless `queue_parse` is false: a bulk import's
    parses are queued a few at a time by ingestion.feeding); the same file twice is recognised.

    `candidate` is whose resume it is when that is known (a candidate's own upload); otherwise parsing finds
    the person by email or phone."""
    digest = hashlib.sha256(data).hexdigest()
    existing = ResumeVersion.objects.filter(organization=organization, sha256=digest).first()
    if existing is not None:
        return Intake(resume=existing, duplicate=True, task=None)
    resume = ResumeVersion(
        organization=organization,
        candidate=candidate,
        filename=(filename or "resume")[:255],
        kind=kind,
        sha256=digest,
        size=len(data),
        uploaded_by=uploaded_by if uploaded_by is not None and uploaded_by.is_authenticated else None,
        given_details={key: value for key, value in (given_details or {}).items() if value},
    )
    resume.file.save(resume.filename, ContentFile(data), save=False)
    try:
        with transaction.atomic():
            resume.save()
            record: TaskRecord | None = None
            if queue_parse:
                record = task_enqueue(
                    tasks.parse_resume_task,
                    kind=TaskRecord.Kind.PARSE_RESUME,
                    target=resume,
                    organization=organization,
                    args=(resume.pk,),
                )
    except IntegrityError:
        # A concurrent upload of the same file won the race: that one is the resume.
        resume.file.delete(save=False)
        return Intake(
            resume=ResumeVersion.objects.get(organization=organization, sha256=digest), duplicate=True, task=None
        )
    except Exception:
        resume.file.delete(save=False)  # the row was not written, so the file must not stay behind either
        raise
    return Intake(resume=resume, duplicate=False, task=record)


def resume_parse(*, resume_id: int, task_id: str | None = None) -> str:
    """Extract and parse a stored resume, then attach it to the right candidate. Returns the parse status.

    Safe to run twice: it re-reads the stored file, finds the same person and writes the same result.
    """
    resume = ResumeVersion.objects.filter(pk=resume_id).first()
    if resume is None:
        return "missing"
    ResumeVersion.objects.filter(pk=resume_id).update(parse_status=ResumeVersion.ParseStatus.PARSING)
    _progress(task_id, 10, "Reading the file")
    try:
        with resume.file.open("rb") as stored:
            data = stored.read(settings.MAX_UPLOAD_BYTES + 1)
        extracted = resume_text_read(data, kind=resume.kind)
    except ExtractionError as error:
        metrics.resume_parse_failed(error.code)
        return _resume_failed(resume, ResumeVersion.ParseStatus.FAILED, str(error))
    except OSError as error:
        metrics.resume_parse_failed("unreadable")
        return _resume_failed(resume, ResumeVersion.ParseStatus.FAILED, f"The stored file could not be read: {error}")
    metrics.OCR_PAGES.inc(extracted.ocr_pages)
    if not extracted.text.strip():
        metrics.resume_parse_failed("no_text")
        return _resume_failed(resume, ResumeVersion.ParseStatus.NO_TEXT, NO_TEXT_MESSAGE, red_flags=extracted.red_flags)

    _progress(task_id, 60, "Reading the resume")
    parsed = resume_text_parse(extracted.text)
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s, %s)", [IDENTITY_LOCK_NAMESPACE, resume.organization_id])
        resume = ResumeVersion.objects.select_for_update().get(pk=resume_id)
        candidate = (
            resume.candidate or candidate_identify(resume, parsed) or Candidate(organization=resume.organization)
        )
        resume.extracted_text = extracted.text
        resume.parsed = _parsed_as_json(parsed)
        # What the caps cut is flagged with the resume; the profile keeps the parser's own flags too.
        resume.red_flags = list(dict.fromkeys([*extracted.red_flags, *parsed.red_flags]))
        resume.ocr_used = extracted.ocr_used
        resume.parse_status = ResumeVersion.ParseStatus.PARSED
        resume.parse_error = ""
        resume.parsed_at = timezone.now()
        if candidate.pk is None:
            candidate.save()
        resume.candidate = candidate
        resume.save()
        current = candidate.current_resume
        if current is None or current.pk == resume.pk or current.created_at <= resume.created_at:
            candidate_profile_apply(candidate, resume, parsed)
    import_items_finish(resume, ImportItem.Status.PARSED)
    metrics.RESUMES_PARSED.inc()
    return ResumeVersion.ParseStatus.PARSED


def _progress(task_id: str | None, percent: int, message: str) -> None:
    if task_id:
        task_progress(task_id, percent, message)


def _resume_failed(resume: ResumeVersion, status: str, error: str, red_flags: tuple[str, ...] = ()) -> str:
    ResumeVersion.objects.filter(pk=resume.pk).update(
        parse_status=status, parse_error=error, extracted_text="", red_flags=list(red_flags), parsed_at=timezone.now()
    )
    import_items_finish(resume, ImportItem.Status.FAILED, error)
    return status


def _parsed_as_json(parsed: ParsedResume) -> dict[str, Any]:
    full = dataclasses.asdict(parsed)
    full.pop("sections", None)  # the raw text is kept on the resume already
    return {"summary": parsed.to_summary(), **full}


# --- Bulk import -------------------------------------------------------------------------------------


def archive_limits() -> ArchiveLimits:
    return ArchiveLimits(
        max_archive_bytes=settings.MAX_IMPORT_BYTES,
        max_members=settings.IMPORT_MAX_FILES,
        max_member_bytes=settings.MAX_UPLOAD_BYTES,
        max_total_bytes=settings.IMPORT_MAX_EXPANDED_BYTES,
        max_ratio=settings.IMPORT_MAX_RATIO,
    )


def import_create(*, organization: Organization, uploaded: UploadedFile, created_by: User | None) -> ImportBatch:
    """Check an archive's directory (size, count, bombs, traversal), store it and queue its expansion.

    Raises ArchiveRejected before anything is written.
    """
    limits = archive_limits()
    if uploaded.size is not None and uploaded.size > limits.max_archive_bytes:
        raise ArchiveRejected(
            "too_large", f"The archive is larger than the {limits.max_archive_bytes / 1024 / 1024:g} MB limit."
        )
    data = uploaded.read(limits.max_archive_bytes + 1)
    open_archive(data, limits)
    batch = ImportBatch(
        organization=organization,
        created_by=created_by if created_by is not None and created_by.is_authenticated else None,
        archive_name=(uploaded.name or "resumes.zip")[:255],
    )
    batch.archive.save(batch.archive_name, ContentFile(data), save=False)
    try:
        with transaction.atomic():
            batch.save()
            task_enqueue(
                tasks.import_archive_task,
                kind=TaskRecord.Kind.IMPORT_ARCHIVE,
                target=batch,
                organization=organization,
                args=(batch.pk,),
            )
    except Exception:
        batch.archive.delete(save=False)
        raise
    return batch


def import_expand(*, batch_id: int) -> str:
    """Turn the archive into one import item per file, pending until ingestion.feeding queues its parse.

    All in one transaction: a worker that dies half-way leaves nothing, and the redelivered task starts over.
    """
    batch = ImportBatch.objects.filter(pk=batch_id).first()
    if batch is None:
        return "missing"
    if batch.state not in (ImportBatch.State.QUEUED, ImportBatch.State.EXPANDING):
        return batch.state  # already expanded by an earlier delivery
    with batch.archive.open("rb") as stored:
        data = stored.read()
    try:
        with transaction.atomic():
            batch = ImportBatch.objects.select_for_update().get(pk=batch_id)
            batch.items.all().delete()
            items = [_import_member(batch, member) for member in iter_resumes(data, archive_limits())]
            finished = [item for item in items if item.status in ImportItem.FINISHED]
            batch.total = len(items)
            batch.processed = len(finished)
            batch.failed = sum(
                item.status in (ImportItem.Status.FAILED, ImportItem.Status.SKIPPED) for item in finished
            )
            batch.state = ImportBatch.State.PROCESSING if batch.processed < batch.total else ImportBatch.State.DONE
            batch.finished_at = timezone.now() if batch.state == ImportBatch.State.DONE else None
            batch.save()
    except ArchiveRejected as error:
        ImportBatch.objects.filter(pk=batch_id).update(
            state=ImportBatch.State.FAILED, error=error.message, finished_at=timezone.now()
        )
        batch.refresh_from_db()
        broadcast_import(batch)
        return ImportBatch.State.FAILED
    broadcast_import(batch)
    return batch.state


def _import_member(batch: ImportBatch, member: Any) -> ImportItem:
    item = ImportItem(batch=batch, filename=member.name[:500])
    if member.skipped_reason:
        item.status, item.error = ImportItem.Status.SKIPPED, member.skipped_reason
        item.save()
        return item
    intake = resume_intake(
        organization=batch.organization,
        filename=member.name.rsplit("/", 1)[-1],
        data=member.data,
        kind=member.kind,
        uploaded_by=batch.created_by,
        queue_parse=False,
    )
    item.resume = intake.resume
    if intake.duplicate:
        item.status = ImportItem.Status.DUPLICATE
        item.error = f"The same file as {intake.resume.filename!r}, already imported."
    item.save()
    return item


def import_items_finish(resume: ResumeVersion, status: str, error: str = "") -> None:
    """Count a resume's pending import items as processed, once each, and announce the batch's progress."""
    failed = status == ImportItem.Status.FAILED
    for item in ImportItem.objects.filter(resume=resume, status=ImportItem.Status.PENDING).select_related("batch"):
        with transaction.atomic():
            # Only the delivery that moves the item out of "pending" counts it: redelivery cannot count twice.
            if not ImportItem.objects.filter(pk=item.pk, status=ImportItem.Status.PENDING).update(
                status=status, error=error
            ):
                continue
            ImportBatch.objects.filter(pk=item.batch_id).update(
                processed=F("processed") + 1, failed=F("failed") + int(failed)
            )
            ImportBatch.objects.filter(
                pk=item.batch_id, processed__gte=F("total"), state=ImportBatch.State.PROCESSING
            ).update(state=ImportBatch.State.DONE, finished_at=timezone.now())
        broadcast_import(ImportBatch.objects.get(pk=item.batch_id))


def broadcast_import(batch: ImportBatch) -> None:
    # Whoever started it hears when it is done or failed, once, after commit (notifications.signals).
    import_progressed.send(sender=ImportBatch, batch=batch)
    broadcast_organization(
        batch.organization_id,
        {
            "type": "import.progress",
            "batch_id": batch.pk,
            "state": batch.state,
            "state_label": batch.get_state_display(),
            "total": batch.total,
            "processed": batch.processed,
            "failed": batch.failed,
            "percent": batch.percent,
            "error": batch.error,
        },
    )


def resume_reparse(*, resume: ResumeVersion) -> TaskRecord:
    """Queue the parsing of a stored resume again, after the current transaction commits."""
    ResumeVersion.objects.filter(pk=resume.pk).update(parse_status=ResumeVersion.ParseStatus.PENDING, parse_error="")
    return task_enqueue(
        tasks.parse_resume_task,
        kind=TaskRecord.Kind.PARSE_RESUME,
        target=resume,
        organization=resume.organization,
        args=(resume.pk,),
    )
