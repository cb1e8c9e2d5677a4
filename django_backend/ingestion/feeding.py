"""Fair dispatch of bulk-import parses: one organization's import cannot starve another's.

An import does not queue all its files at once. Expanding the archive only writes one pending `ImportItem` per
file; `import_feed` then queues parses until the organization has `IMPORT_PARSE_CONCURRENCY` of them in flight
(dispatched, not finished), and queues the next ones each time a parse finishes. So an organization never has
more than that many bulk parses in the queue, and another organization's work, queued meanwhile, waits behind a
few of them instead of behind the whole import. Bulk parses also carry a lower message priority than single
uploads (config.queues.BULK_PARSE_PRIORITY), so a resume a person is waiting for goes first. Embeddings follow: each
finished parse queues one, so an import's embeddings come at the pace of its capped parses rather than as one
backlog, on the same worker (scripts/supervisord.conf).

The import's own rows are the state, in PostgreSQL, so nothing is lost when a worker dies: a parse that was
running is delivered again (acks late); a worker that died between finishing a parse and queueing the next leaves
items waiting with a free slot, which the periodic sweep (`import_feed_sweep`) fills; a dispatched parse whose
message never ran (the broker refused it, or the stale-task reaper gave up on it) is dispatched again, and one that
ran and failed for good fails its item with the task's error. A per-organization advisory lock keeps two
finishing parses from both filling the same free slot.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models import Exists, OuterRef, QuerySet
from django.utils import timezone

from candidates.models import ResumeVersion
from config.queues import BULK_PARSE_PRIORITY
from ingestion import services, tasks  # modules, not their names: the tasks import this module
from ingestion.models import ImportBatch, ImportItem
from realtime.models import TaskRecord
from realtime.services import task_enqueue

logger = logging.getLogger(__name__)

# Namespace of the PostgreSQL advisory locks that serialise an organization's feeding.
FEED_LOCK_NAMESPACE = 7302
ACTIVE_STATES = (TaskRecord.State.QUEUED, TaskRecord.State.STARTED, TaskRecord.State.PROGRESS)


def _pending(organization_id: int) -> QuerySet[ImportItem]:
    return ImportItem.objects.filter(
        batch__organization_id=organization_id, status=ImportItem.Status.PENDING, resume__isnull=False
    )


def import_feed(*, organization_id: int) -> int:
    """Queue the organization's waiting import parses, oldest first, up to its cap in flight; how many were queued.

    Idempotent: the slots are counted from the items themselves, so calling it again queues nothing more.
    """
    cap = settings.IMPORT_PARSE_CONCURRENCY
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s, %s)", [FEED_LOCK_NAMESPACE, organization_id])
        waiting = _pending(organization_id).filter(dispatched_at__isnull=True).order_by("pk")
        if cap > 0:
            room = cap - _pending(organization_id).filter(dispatched_at__isnull=False).count()
            if room <= 0:
                return 0
            waiting = waiting[:room]
        items = list(waiting.select_related("resume__organization"))
        if not items:
            return 0
        ImportItem.objects.filter(pk__in=[item.pk for item in items]).update(dispatched_at=timezone.now())
        for item in items:
            assert item.resume is not None  # _pending() selects items with a resume
            task_enqueue(
                tasks.parse_resume_task,
                kind=TaskRecord.Kind.PARSE_RESUME,
                target=item.resume,
                organization=item.resume.organization,
                args=(item.resume.pk,),
                priority=BULK_PARSE_PRIORITY,
            )
    return len(items)


def import_feed_batch(*, batch_id: int) -> int:
    """After an archive was expanded: queue the first parses of its organization's waiting items."""
    organization_id = ImportBatch.objects.filter(pk=batch_id).values_list("organization_id", flat=True).first()
    return 0 if organization_id is None else import_feed(organization_id=organization_id)


def import_feed_after_parse(*, resume_id: int) -> int:
    """After a parse finished: fill the slot it freed if its organization has import items waiting."""
    organization_id = ResumeVersion.objects.filter(pk=resume_id).values_list("organization_id", flat=True).first()
    if organization_id is None or not _pending(organization_id).filter(dispatched_at__isnull=True).exists():
        return 0
    return import_feed(organization_id=organization_id)


def import_feed_sweep() -> int:
    """Resume every organization's imports: release the slots of parses that will never finish their item, then
    feed each organization that has items waiting. Returns how many parses were queued."""
    _release_lost_dispatches()
    organizations = (
        ImportItem.objects.filter(status=ImportItem.Status.PENDING, resume__isnull=False, dispatched_at__isnull=True)
        .values_list("batch__organization_id", flat=True)
        .distinct()
    )
    return sum(import_feed(organization_id=organization_id) for organization_id in list(organizations))


def _release_lost_dispatches() -> None:
    """Dispatched, still pending items whose parse has no active task record left.

    Parsing finishes the item before the task's record turns `succeeded`, so such an item's parse either never ran
    (its message was refused or reaped: dispatched again) or failed for good (the item fails with its error).
    """
    resume_type = ContentType.objects.get_for_model(ResumeVersion)
    records = TaskRecord.objects.filter(
        kind=TaskRecord.Kind.PARSE_RESUME, target_type=resume_type, target_id=OuterRef("resume_id")
    )
    lost = (
        ImportItem.objects.filter(status=ImportItem.Status.PENDING, dispatched_at__isnull=False, resume__isnull=False)
        .exclude(Exists(records.filter(state__in=ACTIVE_STATES)))
        .select_related("resume")
    )
    for item in lost:
        resume = item.resume
        assert resume is not None  # selected with a resume
        last = TaskRecord.objects.filter(
            kind=TaskRecord.Kind.PARSE_RESUME, target_type=resume_type, target_id=resume.pk
        ).first()  # newest first (TaskRecord.Meta.ordering)
        if last is not None and last.attempts > 0:
            error = f"The parse failed: {last.error or 'no reason was recorded'}"
            ResumeVersion.objects.filter(pk=resume.pk, parse_status__in=("pending", "parsing")).update(
                parse_status=ResumeVersion.ParseStatus.FAILED, parse_error=error
            )
            services.import_items_finish(resume, ImportItem.Status.FAILED, error)
        else:
            ImportItem.objects.filter(pk=item.pk, status=ImportItem.Status.PENDING).update(dispatched_at=None)
        logger.warning("import item released", extra={"item_id": item.pk, "ran": bool(last and last.attempts)})
